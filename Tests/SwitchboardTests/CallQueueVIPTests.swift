import Reactor
import Testing
import TestSupport
@testable import Switchboard

/// VIPs in the queue for a person: ahead of guests who have waited less than the VIP lead,
/// first come, first served among themselves, never ahead of a guest who has waited the
/// lead or more (nor one being offered, nor one put back at the front); every guest moved
/// back hears their new place at once.
@Suite("VIPs in the queue for a person")
struct CallQueueVIPTests {
    /// Mei on a call with guest 100 since 0 s, so everyone after waits; the lead is 120 s.
    static func busyDesk() -> CallQueue {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.guestAsks(100, now: .at(0))
        _ = queue.agentAccepts("mei", now: .at(0))
        return queue
    }

    @Test func aVIPGoesAheadOfGuestsWhoHaveWaitedLessThanTheLeadAndTheyHearTheirNewPlaceAtOnce() {
        var queue = Self.busyDesk()
        #expect(queue.guestAsks(1, now: .at(10)) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil)])
        #expect(queue.guestAsks(2, now: .at(20)) == [.tellPosition(2, position: 2, expectedWaitSeconds: nil)])
        #expect(queue.guestAsks(3, vip: true, now: .at(30)) == [
            .tellPosition(3, position: 1, expectedWaitSeconds: nil),
            .tellPosition(1, position: 2, expectedWaitSeconds: nil), .tellPosition(2, position: 3, expectedWaitSeconds: nil),
        ], "told first, guest 1 is second now and hears it at once, not after the announce interval")
        #expect(queue.waitingGuests == [3, 1, 2])
        #expect(queue.tick(now: .at(31)) == [], "everyone was told their place as it is")
        _ = queue.callEnds("mei", now: .at(40))
        #expect(queue.tick(now: .at(70)) == [.offerCall("mei", 3)], "the VIP is offered first once mei has wrapped up")
        #expect(queue.agentAccepts("mei", now: .at(71)) == [.connect("mei", 3)])
    }

    @Test func aVIPWaitsBehindAVIPWhoAskedFirst() {
        var queue = Self.busyDesk()
        _ = queue.guestAsks(1, now: .at(10))
        _ = queue.guestAsks(3, vip: true, now: .at(20))
        #expect(queue.guestAsks(4, vip: true, now: .at(25)) == [
            .tellPosition(4, position: 2, expectedWaitSeconds: nil), .tellPosition(1, position: 3, expectedWaitSeconds: nil),
        ], "behind the VIP who asked first, ahead of guest 1; VIP 3 keeps their place and hears nothing")
        #expect(queue.waitingGuests == [3, 4, 1])
    }

    /// The bound: a guest who has waited the lead (120 s) or more is never overtaken.
    @Test func aVIPNeverGoesAheadOfAGuestWhoHasWaitedTheLeadOrMore() {
        var queue = Self.busyDesk()
        _ = queue.guestAsks(1, now: .at(10))   // 120 s by the time the VIP asks: kept ahead
        _ = queue.guestAsks(2, now: .at(11))   // 119 s: overtaken
        #expect(queue.guestAsks(3, vip: true, now: .at(130)) == [
            .tellPosition(3, position: 2, expectedWaitSeconds: nil), .tellPosition(2, position: 3, expectedWaitSeconds: nil),
        ])
        #expect(queue.waitingGuests == [1, 3, 2])
        #expect(queue.guestAsks(4, vip: true, now: .at(300)) == [.tellPosition(4, position: 4, expectedWaitSeconds: nil)],
                "everyone has waited past the lead: the next VIP waits in turn")
        #expect(queue.waitingGuests == [1, 3, 2, 4])
    }

    @Test func withNoLeadAVIPWaitsInTurn() {
        var settings = CallQueue.Settings()
        settings.vipLeadSeconds = 0
        var queue = CallQueue(settings: settings)
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentIsAway("mei", now: .at(0))
        _ = queue.guestAsks(1, now: .at(0))
        #expect(queue.guestAsks(2, vip: true, now: .at(0)) == [.tellPosition(2, position: 2, expectedWaitSeconds: nil), .offerCallbackWhileWaiting(2)])
        #expect(queue.waitingGuests == [1, 2])
    }

    /// A VIP who leaves takes nobody's place: those behind move up, and hear it at the
    /// usual interval (a better place is no hurry).
    @Test func aVIPWhoLeavesLetsTheOthersMoveUpAgain() {
        var queue = Self.busyDesk()
        _ = queue.guestAsks(1, now: .at(10))
        _ = queue.guestAsks(3, vip: true, now: .at(20))
        #expect(queue.guestLeaves(3, now: .at(25)) == [])
        #expect(queue.tick(now: .at(30)) == [], "guest 1 was told second 10 s ago")
        #expect(queue.tick(now: .at(50)) == [.tellPosition(1, position: 1, expectedWaitSeconds: nil)])
        #expect(queue.waitingGuests == [1])
    }

    /// A guest being offered to an agent, or put back at the front after their agent was
    /// lost, keeps their place ahead of a VIP.
    @Test func aVIPNeverGoesAheadOfAGuestBeingOfferedOrPutBackAtTheFront() {
        var queue = CallQueue()
        _ = queue.agentLogsIn("mei", now: .at(0))
        _ = queue.agentLogsIn("tom", now: .at(0))
        _ = queue.agentIsAway("tom", now: .at(0))
        _ = queue.guestAsks(1, now: .at(1))          // offered to mei
        #expect(queue.guestAsks(2, vip: true, now: .at(2)) == [.tellPosition(2, position: 2, expectedWaitSeconds: nil)])
        _ = queue.agentAccepts("mei", now: .at(3))   // mei talks with guest 1
        _ = queue.agentIsAvailable("tom", now: .at(4))
        _ = queue.agentAccepts("tom", now: .at(5))   // tom talks with VIP 2
        _ = queue.guestAsks(3, now: .at(6))
        #expect(queue.agentLeaves("mei", now: .at(7)) == [.returnToQueue(1), .tellPosition(3, position: 2, expectedWaitSeconds: nil)],
                "guest 1 is back at the front; guest 3 hears at once they are second")
        #expect(queue.guestAsks(4, vip: true, now: .at(8)) == [
            .tellPosition(4, position: 2, expectedWaitSeconds: nil), .tellPosition(3, position: 3, expectedWaitSeconds: nil),
        ], "behind the guest put back at the front, who waited only a second")
        #expect(queue.waitingGuests == [1, 4, 3])
    }

    @Test func aVIPWhoAsksAgainKeepsTheirPlace() {
        var queue = Self.busyDesk()
        _ = queue.guestAsks(1, now: .at(10))
        _ = queue.guestAsks(3, vip: true, now: .at(20))
        #expect(queue.guestAsks(3, vip: true, now: .at(21)) == [.tellPosition(3, position: 1, expectedWaitSeconds: nil)])
        #expect(queue.waitingGuests == [3, 1])
    }

    /// Seeded: guests and VIPs ask at random times, and those past the wait limit are let
    /// go. After every step, no one is ahead of a guest who asked before them unless they
    /// are a VIP who asked within the lead of that guest, and no VIP is ahead of a VIP who
    /// asked before them; and no guest's last place told is better than the place they hold.
    @Test(arguments: [1, 2, 3, 42, 2027] as [UInt64])
    func theLeadIsBoundedAndPlacesToldAreTrueWhateverTheMix(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var queue = Self.busyDesk()
        var asked: [CallQueue.Guest: (at: Double, vip: Bool)] = [:]
        var told: [CallQueue.Guest: Int] = [:]
        var problems: [String] = []
        var now = 1.0
        for guest in 1...40 as ClosedRange<UInt64> {
            now += Double.random(in: 0...30, using: &random)
            let vip = Int.random(in: 0..<4, using: &random) == 0
            for action in queue.tick(now: .at(now)) + queue.guestAsks(guest, vip: vip, now: .at(now)) {
                if case .tellPosition(let who, let position, _) = action { told[who] = position }
            }
            asked[guest] = (now, vip)
            let order = queue.waitingGuests
            for (index, waiting) in order.enumerated() {
                if (told[waiting] ?? 0) < index + 1 { problems.append("at \(Int(now)) s guest \(waiting) was told \(told[waiting] ?? 0), but is \(index + 1)") }
                for early in order[(index + 1)...] where early < waiting {
                    let (late, first) = (asked[waiting]!, asked[early]!)
                    if !late.vip || first.vip || late.at - first.at >= 120 { problems.append("at \(Int(now)) s guest \(waiting) is ahead of guest \(early)") }
                }
            }
        }
        #expect(problems.isEmpty, "seed \(seed): \(problems.prefix(5))")
        #expect(asked.values.contains { $0.vip } && asked.values.contains { !$0.vip })
    }
}
