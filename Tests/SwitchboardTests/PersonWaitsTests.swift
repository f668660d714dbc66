import Dialogue
import HotelCalendar
import Storage
import Testing
import Transcript
@testable import Switchboard

/// A call's waits for a person, from the events its log records: each from the guest being
/// queued to an agent joining, the queue giving up, the guest leaving it or the call ending.
@Suite("Waits for a person")
struct PersonWaitsTests {
    static func at(_ seconds: Double) -> WallTime { WallTime(millisecondsSince1970: 1_800_000_000_000 + Int64(seconds * 1000)) }

    static func waits(_ events: [(Double, TranscriptEvent)], endingAt end: Double) -> [PersonWait] {
        var waits = PersonWaits()
        for (seconds, event) in events { waits.heard(event, at: at(seconds)) }
        return waits.callEnded(at: at(end))
    }

    @Test func aWaitRunsFromTheQueueToTheAgent() {
        let waits = Self.waits([(1, .outcome(.queued(position: 2, expectedWaitSeconds: 30))), (5, .queueMoved(position: 1, waitSeconds: 10)),
                                (12.5, .agentJoined(id: "mei", name: "Mei")), (40, .agentLeft(.released, id: "mei"))], endingAt: 60)
        #expect(waits == [PersonWait(milliseconds: 11_500, ending: .putThrough)])
    }

    @Test func askingAgainWhileWaitingIsTheSameWait() {
        let waits = Self.waits([(1, .outcome(.queued(position: 1, expectedWaitSeconds: nil))), (3, .outcome(.queued(position: 1, expectedWaitSeconds: nil))),
                                (9, .queueEnded(.waitedTooLong))], endingAt: 20)
        #expect(waits == [PersonWait(milliseconds: 8_000, ending: .queueGaveUp)])
    }

    @Test func nobodyOnDutyIsAWaitOfNothing() {
        let waits = Self.waits([(2, .outcome(.unavailable))], endingAt: 10)
        #expect(waits == [PersonWait(milliseconds: 0, ending: .nobodyOnDuty)])
    }

    @Test func leavingForACallbackAndHangingUpEndAWait() {
        let left = Self.waits([(1, .outcome(.queued(position: 1, expectedWaitSeconds: nil))), (4, .noOneAtDesk), (6, .outcome(.left))], endingAt: 30)
        #expect(left == [PersonWait(milliseconds: 5_000, ending: .leftQueue)], "offered a callback while still in line, then took it")
        let hungUp = Self.waits([(1, .outcome(.queued(position: 3, expectedWaitSeconds: 90))), (7, .guestHungUp)], endingAt: 7.25)
        #expect(hungUp == [PersonWait(milliseconds: 6_250, ending: .hungUp)])
    }

    @Test func anAgentWhoseConsoleDroppedPutsTheGuestBackInTheQueue() {
        // The line puts the guest back at the front (queue position 1) before it says the agent left.
        let waits = Self.waits([(0, .outcome(.queued(position: 1, expectedWaitSeconds: nil))), (2, .agentJoined(id: "mei", name: "Mei")),
                                (30, .queueMoved(position: 1, waitSeconds: nil)), (30, .agentLeft(.lost, id: "mei")),
                                (33, .agentJoined(id: "li", name: "Li"))], endingAt: 50)
        #expect(waits == [PersonWait(milliseconds: 2_000, ending: .putThrough), PersonWait(milliseconds: 3_000, ending: .putThrough)])
    }

    @Test func anAgentTakingACallNobodyAskedAboutIsNoWait() {
        let waits = Self.waits([(5, .agentJoined(id: "sara", name: "Sara")), (6, .outcome(.left))], endingAt: 9)
        #expect(waits.isEmpty)
    }
}
