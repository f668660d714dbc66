import Testing
@testable import Switchboard

@Suite("The queue for a person")
struct CallQueueTests {
    @Test func withNoAgentLoggedInTheGuestIsOfferedACallbackAtOnce() {
        var queue = CallQueue()
        #expect(queue.guestAsks(1, now: 0) == [.offerCallback(1, .noAgents)])
        _ = queue.agentLogsIn("mei", now: 0)
        _ = queue.agentIsAway("mei", now: 0)
        #expect(queue.guestAsks(1, now: 1) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil)],
                "an agent away is still logged in: the guest waits, but no one is offered the call")
    }

    @Test func theLongestWaitingGuestGoesToTheAgentIdleLongest() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: 0)
        _ = queue.agentLogsIn("tom", now: 5)
        _ = queue.agentIsAway("mei", now: 6)
        _ = queue.agentIsAway("tom", now: 6)
        #expect(queue.guestAsks(1, now: 10) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil)])
        #expect(queue.guestAsks(2, now: 11) == [.tellPosition(2, position: 2, expectedWaitSeconds: nil)])
        _ = queue.agentIsAvailable("tom", now: 12)
        // Tom became available first, so he is offered the guest who has waited longest.
        #expect(queue.agents["tom"] == .offered(1, since: 12))
        #expect(queue.agentIsAvailable("mei", now: 13) == [.offerCall("mei", 2)])
        #expect(queue.agentAccepts("mei", now: 14) == [.connect("mei", 2)])
        #expect(queue.agentAccepts("tom", now: 15) == [.connect("tom", 1)])
        #expect(queue.queueLength == 0)
    }

    /// "0" typed again while on hold is answered with the same place, not with silence
    /// (silence left the guest's request unanswered and the call frozen).
    @Test func aGuestWhoAsksAgainWhileWaitingKeepsTheirPlaceAndHearsIt() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: 0)
        _ = queue.agentIsAway("mei", now: 0)
        for guest in 1...2 { _ = queue.guestAsks(UInt64(guest), now: 0) }
        #expect(queue.guestAsks(2, now: 5) == [.tellPosition(2, position: 2, expectedWaitSeconds: nil)])
        #expect(queue.guestAsks(1, now: 6) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil)])
        #expect(queue.queueLength == 2)
        #expect(queue.tick(now: 40) == [], "nothing changed since it was told")
        #expect(queue.agentIsAvailable("mei", now: 41) == [.offerCall("mei", 1)], "the first guest is still first")
    }

    @Test func positionsAreAnnouncedWhenTheyChangeAtMostEveryThirtySeconds() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: 0)
        _ = queue.agentIsAway("mei", now: 0)
        for guest in 1...3 { _ = queue.guestAsks(UInt64(guest), now: 0) }
        #expect(queue.guestLeaves(1, now: 5) == [])
        #expect(queue.tick(now: 10) == [], "changed, but announced less than 30 s ago")
        #expect(queue.tick(now: 30) == [.tellPosition(2, position: 1, expectedWaitSeconds: nil), .tellPosition(3, position: 2, expectedWaitSeconds: nil)])
        #expect(queue.tick(now: 70) == [], "no change, nothing to say")
    }

    @Test func theExpectedWaitComesFromRecentHandlingTimes() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: 0)
        _ = queue.guestAsks(1, now: 0)
        _ = queue.agentAccepts("mei", now: 0)
        _ = queue.callEnds("mei", now: 120)
        #expect(queue.averageHandlingSeconds == 120)
        #expect(queue.guestAsks(2, now: 121) == [.tellPosition(2, position: 1, expectedWaitSeconds: 120)])
        #expect(queue.agents["mei"] == .wrapUp(until: 150), "wrap-up, not offered during it")
        #expect(queue.tick(now: 150) == [.offerCall("mei", 2)])
    }

    @Test func anAgentLostMidCallSendsTheGuestBackToTheFront() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: 0)
        _ = queue.agentLogsIn("tom", now: 0)
        _ = queue.agentIsAway("tom", now: 0)
        _ = queue.guestAsks(1, now: 1)
        _ = queue.agentAccepts("mei", now: 2)
        _ = queue.guestAsks(2, now: 3)
        #expect(queue.agentLeaves("mei", now: 4) == [.returnToQueue(1)])
        #expect(queue.waitingGuests == [1, 2])
        #expect(queue.agentLeaves("tom", now: 5) == [.offerCallback(1, .noAgents), .offerCallback(2, .noAgents)],
                "with nobody left, everyone waiting is offered a callback")
    }

    @Test func aGuestWhoLeavesIsWithdrawnFromTheirOffer() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: 0)
        #expect(queue.guestAsks(1, now: 1) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil), .offerCall("mei", 1)])
        #expect(queue.guestLeaves(1, now: 2) == [.withdrawOffer("mei", 1, becauseGuestLeft: true)])
        #expect(queue.agents["mei"] == .available(since: 2))
        #expect(queue.guestLeaves(1, now: 3) == [], "leaving twice is harmless")
    }

    @Test func declineAndUnansweredOffersSetTheAgentAwayAndKeepTheGuestsPlace() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: 0)
        _ = queue.agentLogsIn("tom", now: 1)
        _ = queue.guestAsks(1, now: 2)
        #expect(queue.agentDeclines("mei", now: 3) == [.withdrawOffer("mei", 1, becauseGuestLeft: false), .offerCall("tom", 1)])
        #expect(queue.agents["mei"] == .away)
        #expect(queue.tick(now: 23) == [.withdrawOffer("tom", 1, becauseGuestLeft: false)], "20 s without an answer")
        #expect(queue.position(of: 1) == 1)
    }

    @Test func waitingPastTheLimitOffersACallback() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: 0)
        _ = queue.agentIsAway("mei", now: 0)
        _ = queue.guestAsks(1, now: 0)
        #expect(queue.tick(now: 299) == [])
        #expect(queue.tick(now: 300) == [.offerCallback(1, .waitedTooLong)])
        #expect(queue.queueLength == 0)
    }

    @Test func takingAGuestDirectlyJumpsTheQueueAndCancelsOtherOffers() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: 0)
        _ = queue.agentLogsIn("tom", now: 1)
        _ = queue.agentIsAway("tom", now: 1)
        _ = queue.guestAsks(1, now: 2)  // offered to mei
        #expect(queue.agentTakes("tom", 1, now: 3) == [.withdrawOffer("mei", 1, becauseGuestLeft: false), .connect("tom", 1)])
        #expect(queue.agentTakes("tom", 2, now: 4) == [], "one call at a time")
        #expect(queue.callsConnected == 1)
    }
}
