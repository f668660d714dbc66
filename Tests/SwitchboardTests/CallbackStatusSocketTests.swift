import Foundation
import HotelCalendar
import Testing
import TestSupport

/// The guest's side of the callbacks list, end to end on a real port-0 line: a callback
/// asked for on the line, an outcome recorded at the console, and the guest's status check
/// telling it.
@Suite("A callback's outcome on the line", .blocking)
struct CallbackStatusSocketTests {
    static let phone = "+86 10 6552 9988"

    /// Asks for a callback tomorrow at 10:00 on the line; returns its reference.
    static func askForACallback(on line: RunningLine) throws -> String {
        let guest = try line.guest()
        defer { guest.finishSending(); _ = guest.readToEnd() }
        try guest.read(until: "0  Speak to a person")
        guest.say("3")
        try guest.read(until: "Which phone number should we call?")
        guest.say(phone)
        try guest.read(until: "When would you like us to call?")
        guest.say("tomorrow 10am")
        try guest.read(until: "What would you like to talk about?")
        guest.say("A question about parking.")
        try guest.read(until: "In which language should we call you?")
        guest.say("1")
        try guest.read(until: "And your name, please?")
        guest.say("Li Wei")
        let said = try guest.read(until: "(yes/no)")
        let reference = try #require(said.firstMatch(of: /Your reference number is (C[0-9]{7})\./)?.output.1)
        guest.say("no")
        return String(reference)
    }

    /// A status check on `reference` with `phone`: what the line says after the number.
    static func check(_ reference: String, phone: String, on line: RunningLine) throws -> String {
        let guest = try line.guest()
        defer { guest.finishSending(); _ = guest.readToEnd() }
        try guest.read(until: "0  Speak to a person")
        guest.say("5")
        try guest.read(until: "May I have the phone number you gave us?")
        guest.say(phone)
        try guest.read(until: "4  A callback")
        guest.say("4")
        try guest.read(until: "digits).")
        guest.say(reference)
        let said = try guest.read(untilAny: ["(yes/no)", "digits)."]).text
        guest.say("menu")
        guest.say("quit")
        return said.replacingOccurrences(of: "\n", with: " ")
    }

    @Test func noAnswerRecordedAtTheConsoleIsToldOnTheLine() throws {
        let clock = ManualClock(RecordedCall.startedAt)  // Wednesday 25 November 2026, 10:00 (the hotel's clock is UTC)
        let line = try AgentCalls.line(clock: clock)
        defer { try? line.stop(); line.removeData() }
        let reference = try Self.askForACallback(on: line)

        let waiting = try Self.check(reference, phone: Self.phone, on: line)
        #expect(waiting.contains("Your callback \(reference) is booked: we will call you at +861065529988 on Thursday 26 November 2026 between 10:00 and 10:30."),
                "\(waiting)")

        let mei = try line.console()
        try mei.logIn("mei", "4821")
        clock.advance(30 * 60_000)  // 10:30: Mei tries, and nobody answers
        mei.say("no-answer \(reference)")
        try mei.read(until: "no answer (try 1 of 3)")

        let retrying = try Self.check(reference, phone: Self.phone, on: line)
        #expect(retrying.contains("We have called +861065529988 for your callback \(reference) 1 time, but could not reach you."), "\(retrying)")
        #expect(retrying.contains("We will try again by Wednesday 25 November 2026 at 11:30."), "\(retrying)")

        clock.advance(2 * 3600_000)  // 12:30: the next try is overdue, and the line does not promise 11:30 again
        let late = try Self.check(reference, phone: Self.phone, on: line)
        #expect(late.contains("could not reach you"), "\(late)")
        #expect(late.contains("our call is later than we said"), "\(late)")
        #expect(!late.contains("try again by"), "\(late)")
    }

    @Test func anotherPhoneHearsNothingAndCountsAsAWrongTry() throws {
        let clock = ManualClock(RecordedCall.startedAt)
        let line = try AgentCalls.line(clock: clock)
        defer { try? line.stop(); line.removeData() }
        let reference = try Self.askForACallback(on: line)
        let said = try Self.check(reference, phone: "+86 10 6552 9989", on: line)
        #expect(said.contains("I'm sorry, I couldn't find a callback with that number under the phone number you gave."), "\(said)")
        #expect(!said.contains("10:00"))
        try line.stop()  // the audit log is written off the loop: stopped, it is all on disk
        let audit = try String(contentsOfFile: line.dataDirectory + "/audit.log", encoding: .utf8)
        #expect(audit.contains("\"event\":\"lookup-failed\"") && audit.contains("\"what\":\"callback\""), "\(audit)")
    }
}
