import Foundation
import HotelCalendar
import Storage
import Switchboard
import Testing
import TestSupport

/// The work lists over real connections: promises made on the guest line appear on the
/// console's lists, agents work them to each outcome, one agent at a time, a supervisor or
/// the department's head signs off, and every step is in the journal.
@Suite("Work lists at the console, over TCP", .blocking)
struct WorkListConsoleTests {
    /// Mei and Li (agents) and Sara (supervisor, and head of every department in the
    /// shipped hotel.conf), on a clock that starts Wednesday 25 November 2026, 10:00 UTC.
    static func line(_ clock: ManualClock) throws -> RunningLine {
        let data = TestPaths.temporaryDirectory()
        try RunningLine.addAgent("mei", name: "Mei", pin: "4821", in: data)
        try RunningLine.addAgent("li", name: "Li", pin: "5930", in: data)
        try RunningLine.addAgent("sara", name: "Sara", pin: "7350", supervisor: true, in: data)
        return try RunningLine(dataDirectory: data) { $0.clock = clock.wallClock }
    }

    static func call(_ line: RunningLine, _ answers: [String]) throws -> String {
        try BookingLivesOnTests.call(line, answers)
    }

    static func reference(_ pattern: String, in heard: String) throws -> String {
        guard let range = heard.range(of: pattern, options: .regularExpression) else {
            throw GuestClient.Failure(description: "no \(pattern) in: \(heard)")
        }
        return String(heard[range])
    }

    /// What a console showed, its wrapped lines joined and spaces collapsed: `read(until:)`
    /// markers are single words, as a line may be wrapped anywhere else.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\r" || $0 == "\n" }).joined(separator: " ")
    }

    static func console(_ line: RunningLine, _ id: String, _ pin: String) throws -> GuestClient {
        let console = try line.console()
        try console.logIn(id, pin)
        return console
    }

    @Test func aCallbackIsWorkedByOneAgentAtATimeToEachOutcome() throws {
        let clock = ManualClock(RecordedCall.startedAt)
        let line = try Self.line(clock)
        defer { try? line.stop(); line.removeData() }
        let heard = try Self.call(line, ["3", "+44 20 7946 0958", "today 16:00", "my bill", "1", "Ann Lee", "no"])
        let callback = try Self.reference(#"C\d{7}"#, in: heard)
        let second = try Self.reference(#"C\d{7}"#, in: try Self.call(line, ["3", "+1 555 010 9999", "today 17:00", "a table", "1", "Ben", "no"]))
        let (mei, li) = (try Self.console(line, "mei", "4821"), try Self.console(line, "li", "5930"))
        mei.say("callbacks")
        let list = Self.flat(try mei.read(until: "table"))
        #expect(list.contains("\(callback) 2026-11-25 16:30 waiting") && list.contains("******0958") && !list.contains("7946"),
                "due at the end of the window, phone masked: \(list)")
        #expect(list.range(of: callback)!.lowerBound < list.range(of: second)!.lowerBound, "oldest due first")
        mei.say("take \(callback)")
        try mei.read(until: "\(callback) is yours")
        li.say("take \(callback)")
        #expect(Self.flat(try li.read(until: "supervisor")).contains("\(callback) is mei's"))
        li.say("reached \(callback) sorted it")
        #expect(Self.flat(try li.read(until: "supervisor")).contains("\(callback) is mei's"), "one agent at a time")
        mei.say("show \(callback)")
        #expect(Self.flat(try mei.read(until: "(this view is logged)")).contains("phone +442079460958"))
        mei.say("no-answer \(callback) voicemail")
        #expect(Self.flat(try mei.read(until: "11:00")).contains("no answer (try 1 of 3); back on the list for 2026-11-25 11:00"))
        mei.say("no-answer \(callback)")
        #expect(Self.flat(try mei.read(until: "before.")).contains("is tried again from 2026-11-25 11:00, after the retry interval; not before."))
        clock.advance(3_600_000)
        mei.say("no-answer \(callback)")
        try mei.read(until: "try 2 of 3")
        clock.advance(3_600_000)
        mei.say("no-answer \(callback)")
        #expect(Self.flat(try mei.read(until: "unreachable.")).contains("no answer after 3 tries: closed as unreachable"))
        mei.say("reached \(callback) at last")
        #expect(Self.flat(try mei.read(until: "owed")).contains("is unreachable already"))
        li.say("wrong-number \(second) it is a fax")
        #expect(Self.flat(try li.read(until: "wrong-number.")).contains("\(second) is wrong-number."), "nobody's item is taken by whoever works it")
        li.say("callbacks")
        try li.read(until: "Nothing open on the callbacks list.")
        try line.stop()
        let store = HotelStore(log: MemoryLog(), recovered: try line.storedRecords())
        let rules = WorkRules(zone: HotelTimeZone("UTC")!)
        let first = try #require(store.workItem(WorkItemID(callback)!, rules: rules, now: clock.wallClock.now()))
        #expect(first.stage == .unreachable && first.tries == 3 && first.assignee == "mei")
        #expect(first.history.map(\.action) == [.assign, .noAnswer, .noAnswer, .noAnswer])
        #expect(store.workItem(WorkItemID(second)!, rules: rules, now: clock.wallClock.now())?.assignee == "li")
        #expect(BookingLivesOnTests.auditLog(of: line).contains(#""event":"record-viewed","agent":"mei","item":"\#(callback)""#))
    }

    @Test func aComplaintGoesFromReceivedToClosedWithItsHeadsSignOffAndARevisitSurvey() throws {
        let clock = ManualClock(RecordedCall.startedAt)
        let line = try Self.line(clock)
        defer { try? line.stop(); line.removeData() }
        let heard = try Self.call(line, ["2", "2", "the towels were dirty", "fresh towels", "+852 9123 4567", "Bo Chan", "no"])
        let ticket = try Self.reference(#"T\d{7}"#, in: heard)
        let (mei, sara) = (try Self.console(line, "mei", "4821"), try Self.console(line, "sara", "7350"))
        let li = try Self.console(line, "li", "5930")
        li.say("close \(ticket)")
        try li.read(until: "revisited")
        li.say("show \(ticket)")
        #expect(Self.flat(try li.read(until: "logged)")).contains("nobody's"), "a step that does not fit takes nothing")
        mei.say("resolve \(ticket)")
        try mei.read(until: "shower")
        mei.say("resolve \(ticket) towels replaced")
        #expect(Self.flat(try mei.read(until: "investigating")).contains("is received: \"resolved\" comes when it is investigating"))
        mei.say("investigate \(ticket) asked housekeeping")
        try mei.read(until: "\(ticket) is investigating.")
        mei.say("resolve \(ticket) towels replaced and a bottle of wine sent")
        #expect(Self.flat(try mei.read(until: "24:00")).contains("its revisit V-\(ticket) is due by 2026-11-28 24:00"))
        mei.say("signoff \(ticket)")
        #expect(Self.flat(try mei.read(until: "supervisor")).contains("head of its department (sara)"))
        sara.say("mine")
        #expect(Self.flat(try sara.read(until: "dirty")).contains("\(ticket)"), "waiting for her sign-off")
        sara.say("signoff \(ticket)")
        try sara.read(until: "\(ticket) is signed-off.")
        mei.say("close \(ticket)")
        try mei.read(until: "revisited")
        mei.say("survey V-\(ticket)")
        try mei.read(until: "(1-5)")
        li.say("survey V-\(ticket)")
        #expect(Self.flat(try li.read(until: "supervisor")).contains("V-\(ticket) is mei's"), "one agent surveys a guest")
        mei.say("nine")
        try mei.read(until: "(1-5)")  // the flow's own check asks again
        for answer in ["4", "5", "2", "4", "4", "5", "5", "yes", "yes"] { mei.say(answer) }
        try mei.read(until: "finish)")
        mei.say("more towels please")
        let saved = try mei.read(until: "surveyed.")
        let survey = try Self.reference(#"S\d{7}"#, in: saved)
        mei.say("feedback")
        let feedback = Self.flat(try mei.read(until: "please"))
        #expect(feedback.contains("F-\(survey)-food") && feedback.contains("food-and-beverage: rated food 2 of 5"))
        mei.say("route F-\(survey)-food kitchen")
        #expect(Self.flat(try mei.read(until: "has")).contains("\"kitchen\" is no department"))
        mei.say("close \(ticket)")
        try mei.read(until: "\(ticket) is closed.")
        try line.stop()
        let store = HotelStore(log: MemoryLog(), recovered: try line.storedRecords())
        let rules = WorkRules(zone: HotelTimeZone("UTC")!)
        let complaint = try #require(store.workItem(WorkItemID(ticket)!, rules: rules, now: clock.wallClock.now()))
        #expect(complaint.stage == .closed && complaint.signedOffBy == "sara" && complaint.result == "towels replaced and a bottle of wine sent")
        #expect(store.workItem(WorkItemID("V-" + ticket)!, rules: rules, now: clock.wallClock.now())?.survey?.description == survey)
        #expect(store.survey(SurveyNumber(survey)!)?.request.ratings == ["front_desk": 4, "housekeeping": 5, "food": 2, "security": 4,
                                                                                     "room": 4, "facilities": 5, "environment": 5])
    }

    @Test func aComplaintNobodyLookedIntoOnItsDayGoesToItsHead() throws {
        let clock = ManualClock(RecordedCall.startedAt)
        let line = try Self.line(clock)
        defer { try? line.stop(); line.removeData() }
        let ticket = try Self.reference(#"T\d{7}"#, in: try Self.call(line, ["2", "4", "the safe is broken", "fix it", "+852 9123 4567", "Bo Chan", "no"]))
        let sara = try Self.console(line, "sara", "7350")
        clock.advance(14 * 3_600_000)  // Thursday, 00:00: its day is over
        #expect(Self.flat(try sara.read(until: "show")).contains("\(ticket) (security) was not looked into on its day"))
        sara.say("complaints")
        #expect(Self.flat(try sara.read(until: "escalated")).contains("received OVERDUE escalated"))
    }

    @Test func anArrivalIsConfirmedWithItsSpecialNeedsOnTheGuestsFile() throws {
        let clock = ManualClock(RecordedCall.startedAt)
        let line = try Self.line(clock)
        defer { try? line.stop(); line.removeData() }
        let heard = try Self.call(line, ["1", "27 Nov", "2 nights", "1", "1", "+44 20 7946 0958", "Maria Lopez", "yes", "no"])
        let booking = try Self.reference(#"R\d{7}"#, in: heard)
        let mei = try Self.console(line, "mei", "4821")
        mei.say("arrivals")
        #expect(Self.flat(try mei.read(until: "night(s)")).contains("A-\(booking) 2026-11-26 24:00 waiting"))
        mei.say("confirm A-\(booking) cot in the room, vegetarian")
        try mei.read(until: "is confirmed.")
        mei.say("show A-\(booking)")
        #expect(Self.flat(try mei.read(until: "(this view is logged)")).contains("special needs: cot in the room, vegetarian"))
        try line.stop()
        let store = HotelStore(log: MemoryLog(), recovered: try line.storedRecords())
        let number = try #require(ConfirmationNumber(booking))
        #expect(store.specialNeeds(file: store.booking(number)!.reservation.guestFile) == ["cot in the room, vegetarian"])
    }

    @Test func badWorkCommandsAreAnsweredClearly() throws {
        let line = try Self.line(ManualClock(RecordedCall.startedAt))
        defer { try? line.stop(); line.removeData() }
        let mei = try Self.console(line, "mei", "4821")
        for (typed, answer) in [("take C1000038", "no work item"), ("show T1000041", "T1000041: no such item"),
                                ("callbacks yesterday", "\"callbacks all\" lists done items too"), ("assign C1000033 li", "only a supervisor"),
                                ("resolve", "resolve needs an item"), ("survey C1000033", "survey takes a revisit"),
                                ("answer F-S1000025-food", "answer needs words after the item"), ("mine please", "mine takes nothing")] {
            mei.say(typed)
            try mei.read(until: answer)
        }
    }
}
