import Reactor
import Testing
@testable import Switchboard

@Suite("The queue for a person")
struct CallQueueTests {
    @Test func withNoAgentLoggedInTheGuestIsOfferedACallbackAtOnce() {
        var queue = CallQueue()
        #expect(queue.guestAsks(1, now: .at(0)) == [.offerCallback(1, .noAgents)])
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentIsAway("mei", now: .at(0))
        #expect(queue.guestAsks(1, now: .at(1)) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil), .offerCallbackWhileWaiting(1)],
                "an agent away is still logged in: the guest keeps a place, and is offered a callback at once")
    }

    /// With every agent away nobody is holding the line for the guest: the callback is
    /// offered at once (once each time the desk empties), not at `maxWait`; the guest keeps
    /// their place, and an agent back available gets them as ever.
    @Test func withEveryAgentAwayTheCallbackIsOfferedAtOnceAndTheQueueMovesWhenOneComesBack() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentLogsIn("tom", now: .at(0))
        #expect(queue.agentIsAway("tom", now: .at(0)) == [], "mei still answers")
        #expect(queue.guestAsks(1, now: .at(1)) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil), .offerCall("mei", 1)])
        #expect(queue.agentDeclines("mei", now: .at(2)) == [.withdrawOffer("mei", 1, becauseGuestLeft: false), .offerCallbackWhileWaiting(1)],
                "the last one answering declined: the desk is empty")
        #expect(queue.guestAsks(2, now: .at(3)) == [.tellPosition(2, position: 2, expectedWaitSeconds: nil), .offerCallbackWhileWaiting(2)])
        #expect(queue.tick(now: .at(60)) == [], "told once, not every round")
        #expect(queue.waitingGuests == [1, 2], "both keep their places")
        #expect(queue.agentIsAvailable("tom", now: .at(61)) == [.offerCall("tom", 1)])
        #expect(queue.agentIsAway("tom", now: .at(62)) == [.withdrawOffer("tom", 1, becauseGuestLeft: false),
                                                           .offerCallbackWhileWaiting(1), .offerCallbackWhileWaiting(2)],
                "the desk emptied again: told again")
        #expect(queue.tick(now: .at(303)) == [.offerCallback(1, .waitedTooLong), .offerCallback(2, .waitedTooLong)], "the limit still holds")
    }

    /// An agent going away while on the desk alone (not offered anything) empties it too.
    @Test func theLastAgentGoingAwayTellsTheWaitingAtOnce() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.guestAsks(1, now: .at(0))
        _ = queue.agentAccepts("mei", now: .at(1))
        #expect(queue.guestAsks(2, now: .at(2)) == [.tellPosition(2, position: 1, expectedWaitSeconds: nil)], "mei is on a call: she will come")
        _ = queue.callEnds("mei", now: .at(3))
        #expect(queue.agentIsAway("mei", now: .at(4)) == [.offerCallbackWhileWaiting(2)])
    }

    @Test func theLongestWaitingGuestGoesToTheAgentIdleLongest() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentLogsIn("tom", now: .at(5))
        _ = queue.agentIsAway("mei", now: .at(6))
        _ = queue.agentIsAway("tom", now: .at(6))
        #expect(queue.guestAsks(1, now: .at(10)) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil), .offerCallbackWhileWaiting(1)])
        #expect(queue.guestAsks(2, now: .at(11)) == [.tellPosition(2, position: 2, expectedWaitSeconds: nil), .offerCallbackWhileWaiting(2)])
        _ = queue.agentIsAvailable("tom", now: .at(12))
        // Tom became available first, so he is offered the guest who has waited longest.
        #expect(queue.agents["tom"] == .offered(1, since: .at(12)))
        #expect(queue.agentIsAvailable("mei", now: .at(13)) == [.offerCall("mei", 2)])
        #expect(queue.agentAccepts("mei", now: .at(14)) == [.connect("mei", 2)])
        #expect(queue.agentAccepts("tom", now: .at(15)) == [.connect("tom", 1)])
        #expect(queue.queueLength == 0)
    }

    /// "0" typed again while on hold is answered with the same place, not with silence
    /// (silence left the guest's request unanswered and the call frozen).
    @Test func aGuestWhoAsksAgainWhileWaitingKeepsTheirPlaceAndHearsIt() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentIsAway("mei", now: .at(0))
        for guest in 1...2 { _ = queue.guestAsks(UInt64(guest), now: .at(0)) }
        #expect(queue.guestAsks(2, now: .at(5)) == [.tellPosition(2, position: 2, expectedWaitSeconds: nil)])
        #expect(queue.guestAsks(1, now: .at(6)) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil)])
        #expect(queue.queueLength == 2)
        #expect(queue.tick(now: .at(40)) == [], "nothing changed since it was told")
        #expect(queue.agentIsAvailable("mei", now: .at(41)) == [.offerCall("mei", 1)], "the first guest is still first")
    }

    @Test func positionsAreAnnouncedWhenTheyChangeAtMostEveryThirtySeconds() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentIsAway("mei", now: .at(0))
        for guest in 1...3 { _ = queue.guestAsks(UInt64(guest), now: .at(0)) }
        #expect(queue.guestLeaves(1, now: .at(5)) == [])
        #expect(queue.tick(now: .at(10)) == [], "changed, but announced less than 30 s ago")
        #expect(queue.tick(now: .at(30)) == [.tellPosition(2, position: 1, expectedWaitSeconds: nil), .tellPosition(3, position: 2, expectedWaitSeconds: nil)])
        #expect(queue.tick(now: .at(70)) == [], "no change, nothing to say")
    }

    @Test func theExpectedWaitComesFromRecentHandlingTimes() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.guestAsks(1, now: .at(0))
        _ = queue.agentAccepts("mei", now: .at(0))
        _ = queue.callEnds("mei", now: .at(120))
        #expect(queue.averageHandlingSeconds == 120)
        #expect(queue.guestAsks(2, now: .at(121)) == [.tellPosition(2, position: 1, expectedWaitSeconds: 120)])
        #expect(queue.agents["mei"] == .wrapUp(until: .at(150)), "wrap-up, not offered during it")
        #expect(queue.tick(now: .at(150)) == [.offerCall("mei", 2)])
    }

    @Test func anAgentLostMidCallSendsTheGuestBackToTheFront() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentLogsIn("tom", now: .at(0))
        _ = queue.agentIsAway("tom", now: .at(0))
        _ = queue.guestAsks(1, now: .at(1))
        _ = queue.agentAccepts("mei", now: .at(2))
        _ = queue.guestAsks(2, now: .at(3))
        #expect(queue.agentLeaves("mei", now: .at(4)) == [.returnToQueue(1), .tellPosition(2, position: 2, expectedWaitSeconds: nil),
                                                           .offerCallbackWhileWaiting(1), .offerCallbackWhileWaiting(2)],
                "guest 2, told they were first, hears at once they are second now; tom is away: nobody is left answering")
        #expect(queue.waitingGuests == [1, 2])
        #expect(queue.agentLeaves("tom", now: .at(5)) == [.offerCallback(1, .noAgents), .offerCallback(2, .noAgents)],
                "with nobody left, everyone waiting is offered a callback")
    }

    @Test func aGuestWhoLeavesIsWithdrawnFromTheirOffer() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        #expect(queue.guestAsks(1, now: .at(1)) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil), .offerCall("mei", 1)])
        #expect(queue.guestLeaves(1, now: .at(2)) == [.withdrawOffer("mei", 1, becauseGuestLeft: true)])
        #expect(queue.agents["mei"] == .available(since: .at(2)))
        #expect(queue.guestLeaves(1, now: .at(3)) == [], "leaving twice is harmless")
    }

    @Test func declineAndUnansweredOffersSetTheAgentAwayAndKeepTheGuestsPlace() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentLogsIn("tom", now: .at(1))
        _ = queue.guestAsks(1, now: .at(2))
        #expect(queue.agentDeclines("mei", now: .at(3)) == [.withdrawOffer("mei", 1, becauseGuestLeft: false), .offerCall("tom", 1)])
        #expect(queue.agents["mei"] == .away)
        #expect(queue.tick(now: .at(23)) == [.withdrawOffer("tom", 1, becauseGuestLeft: false), .offerCallbackWhileWaiting(1)],
                "20 s without an answer: tom is away too, so the guest is offered a callback")
        #expect(queue.position(of: 1) == 1)
    }

    @Test func waitingPastTheLimitOffersACallback() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentIsAway("mei", now: .at(0))
        _ = queue.guestAsks(1, now: .at(0))
        #expect(queue.tick(now: .at(299)) == [])
        #expect(queue.tick(now: .at(300)) == [.offerCallback(1, .waitedTooLong)])
        #expect(queue.queueLength == 0)
    }

    @Test func takingAGuestDirectlyJumpsTheQueueAndCancelsOtherOffers() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentLogsIn("tom", now: .at(1))
        _ = queue.agentIsAway("tom", now: .at(1))
        _ = queue.guestAsks(1, now: .at(2))  // offered to mei
        #expect(queue.agentTakes("tom", 1, now: .at(3)) == [.withdrawOffer("mei", 1, becauseGuestLeft: false), .connect("tom", 1)])
        #expect(queue.agentTakes("tom", 2, now: .at(4)) == [], "one call at a time")
        #expect(queue.callsConnected == 1)
    }
}

extension MonotonicTime {
    /// `seconds` after the clock's start: the queue's tests count in whole seconds.
    static func at(_ seconds: Double) -> MonotonicTime { MonotonicTime(nanoseconds: UInt64(seconds * 1e9)) }
}
