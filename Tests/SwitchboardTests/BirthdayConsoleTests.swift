import Foundation
import HotelCalendar
import Storage
import Switchboard
import Testing
import TestSupport

/// Birthdays over real connections: a birthday an agent keeps on a guest's file puts the
/// guest on the console's birthdays list within `birthday-days` (7), a card sent is a
/// journal step that closes it for the year, every bad card is answered with why; and on
/// the day, by the line's clock, the guest is wished a happy birthday once identified, once
/// a call.
@Suite("Birthdays at the console and on the line, over TCP", .blocking)
struct BirthdayConsoleTests {
    static let maria = BookingLivesOnTests.maria

    @Test func aBirthdayIsListedForACardAndTheGuestIsWishedOnTheDay() throws {
        let clock = ManualClock(RecordedCall.startedAt)  // Wednesday 25 November 2026, 10:00 UTC
        let line = try WorkListConsoleTests.line(clock)
        defer { try? line.stop(); line.removeData() }
        // Maria books (her file: 261224001); Bo Chan complains and Ann Lee asks for a call
        // (their files: 261125001, 261125002).
        let booking = try BookingLivesOnTests.confirmation(in: try WorkListConsoleTests.call(
            line, ["1", "24 Dec", "27 Dec", "1", "2", Self.maria, "Maria Lopez", "yes", "no"]))
        _ = try WorkListConsoleTests.call(line, ["2", "2", "the towels were dirty", "fresh towels", "+852 9123 4567", "Bo Chan", "no"])
        _ = try WorkListConsoleTests.call(line, ["3", "+1 555 010 4477", "tomorrow 10am", "my bill", "1", "Ann Lee", "no"])
        let mei = try WorkListConsoleTests.console(line, "mei", "4821")
        func ask(_ command: String, until marker: String) throws -> String {
            mei.say(command)
            return WorkListConsoleTests.flat(try mei.read(until: marker))
        }

        #expect(try ask("birthdays", until: "list.") == "Nothing open on the birthdays list.")
        _ = try ask("file 261224001 birthday 11-27", until: "log)")
        _ = try ask("file 261125001 birthday 12-10", until: "log)")
        let list = try ask("birthdays", until: "guest")
        #expect(list.contains("B-261224001-2026 2026-11-27 24:00 waiting - ******0958 birthday 2026-11-27"), "\(list)")
        #expect(!list.contains("261125001"), "the 10th of December is fifteen days off")
        let shown = try ask("show B-261224001-2026", until: "(this view is logged)")
        #expect(shown.contains("guest: Maria Lopez, phone +442079460958") && shown.contains("birthday 11-27"), "\(shown)")
        #expect(shown.contains("next: send the guest a birthday card, then card B-261224001-2026"))

        // Bad cards, each with why.
        for (typed, answer, end) in [
            ("card B-261224099-2026", "B-261224099-2026: no such item (there is no guest file 261224099)", "261224099)"),
            ("card B-261125002-2026", "B-261125002-2026: guest file 261125002 has no birthday on record (file 261125002 birthday MM-DD sets it)",
             "it)"),
            ("card B-261125001-2026", "B-261125001-2026: that birthday (2026-12-10) is not on the list yet: it comes on 2026-12-03 "
             + "(birthdays are on the list from 7 days ahead through the day)", "day)"),
            ("card B-261224001-2025", "B-261224001-2025: that birthday (2025-11-27) has passed", "day)"),
            ("card B-261224001", "\"B-261224001\" is no work item", "B-261224001-2027)"),
            ("card", "card needs an item", "C1000033)"),
            ("confirm B-261224001-2026", "\"confirmed\" is not a step on the birthdays list", "list."),
        ] {
            let said = try ask(typed, until: end)
            #expect(said.contains(answer), "\(typed): \(said)")
        }

        #expect(try ask("card B-261224001-2026 posted with a voucher", until: "owed.")
                .contains("B-261224001-2026: the card is on record as sent; nothing more is owed."))
        let twice = try ask("card B-261224001-2026", until: "it.")
        #expect(twice.contains("Cannot: B-261224001-2026 is sent already: nothing is owed on it."), "a card twice is refused: \(twice)")
        #expect(try ask("birthdays", until: "list.") == "Nothing open on the birthdays list.")
        let all = try ask("birthdays all", until: "guest")
        #expect(all.contains("B-261224001-2026 2026-11-27 24:00 sent mei"), "\(all)")

        // On her birthday she is wished once, found by her file and then by her booking;
        // Bo Chan, found by his file that day, is not.
        clock.advance(2 * 86_400_000)
        let heard = try WorkListConsoleTests.call(line, ["5", Self.maria, "3", "261224001", "yes", "5", "1", booking.description, "no", "no"])
        #expect(heard.components(separatedBy: "Happy birthday!").count == 2, "once a call: \(heard)")
        #expect(heard.contains("Happy birthday! Everyone at Harbour View Hotel wishes you a wonderful day. Your guest file 261224001"))
        let other = try WorkListConsoleTests.call(line, ["5", "+852 9123 4567", "3", "261125001", "no"])
        #expect(other.contains("Your guest file 261125001") && !other.contains("birthday"), "\(other)")

        try line.stop()
        let steps = try line.storedRecords().compactMap { record -> WorkStep? in
            if case .workStep(let step) = record, step.item.list == .birthdays { step } else { nil }
        }
        #expect(steps.map(\.action) == [.assign, .card], "taken by mei, then the card, each in the journal")
        #expect(steps.last?.item == .birthday(GuestFileNumber("261224001")!, year: 2026) && steps.last?.text == "posted with a voucher")
    }
}
