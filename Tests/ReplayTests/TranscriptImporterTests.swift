import Dialogue
import HotelCalendar
import Testing
import TestSupport
import Transcript
import Replay

@Suite("Turning live calls into tests")
struct TranscriptImporterTests {
    static func imported(_ call: inout RecordedCall) throws -> TranscriptDocument {
        let text = try TranscriptImporter.makeTest(from: call.transcript(), prompts: TestPrompts.shipped).get()
        return try TranscriptDocument.parse(text, fileName: "test.txt").get()
    }

    @Test func numbersBecomePlaceholdersEverywhereTheyAreUsed() throws {
        var call = RecordedCall.booking()
        let test = try Self.imported(&call)
        #expect(!test.text.contains("R1000017") && !test.text.contains("261224001"))
        #expect(test.entries.contains { $0.content == .event(.outcome(.saved(reference: "{confirmation}", guestFile: "{file}"))) })
        #expect(test.entries.contains { $0.content == .said("Your confirmation number is {confirmation}. Please keep it for any change or") })
        #expect(test.entries.contains { $0.content == .said("Your guest file number is {file}.") })
        #expect(InProcessReplay.run(test, prompts: TestPrompts.shipped).passed)
    }

    @Test func aNumberTheGuestTypesIsTypedAsASampleAndReadBack() throws {
        var call = RecordedCall()
        call.answer = { request in
            if case .findBooking = request {
                let day = CivilDate(year: 2026, month: 12, day: 24)!
                return .foundBooking(BookingSummary(guestName: "Maria Lopez", checkIn: day, checkOut: day.adding(days: 3), rooms: 1,
                                                    roomType: "deluxe", total: 540, freeUntil: LocalMoment(iso: "2026-12-22T15:00")!, lateFee: 0))
            }
            return RecordedCall.cooperative(request)
        }
        call.say("5", "+44 20 7946 0958", "1", "help", "r1000025", "no", "no")
        let test = try Self.imported(&call)
        #expect(test.entries.contains { $0.content == .typed("{confirmation}") })
        #expect(test.entries.contains { $0.content == .said("Here is your booking {confirmation}, in the name of Maria Lopez:") })
        #expect(test.entries.contains { $0.text.contains("for example R1000017") }, "the help text's example is not a number given out")
        #expect(InProcessReplay.run(test, prompts: TestPrompts.shipped).passed)
    }

    @Test func twoNumbersOfOneKindGetTwoPlaceholders() throws {
        var call = RecordedCall()
        var next = 0
        call.answer = { request in
            guard case .saveCallback = request else { return RecordedCall.cooperative(request) }
            next += 1
            return .saved(reference: "C100001\(next)", guestFile: nil)
        }
        call.say("3", "+44 20 7946 0958", "tomorrow 10am", "Parking", "1", "Maria Lopez", "yes", "3", "yes", "tomorrow 11am", "Breakfast", "1", "no")
        let test = try Self.imported(&call)
        #expect(test.entries.contains { $0.text.hasPrefix("Thank you, Maria Lopez. Your reference number is {callback}.") })
        #expect(test.entries.contains { $0.text.hasPrefix("Thank you, Maria Lopez. Your reference number is {callback2}.") })
    }

    @Test func aCallThePromptsNoLongerAnswerAsRecordedIsNotImported() {
        var call = RecordedCall.booking()
        let changed = TestPrompts.changed("Your booking is confirmed.", to: "You are booked.")
        guard case .failure(let divergence) = TranscriptImporter.makeTest(from: call.transcript(), prompts: changed) else {
            Issue.record("imported a call the prompts answer differently")
            return
        }
        #expect(divergence.diff.contains { $0.hasPrefix("-") && $0.hasSuffix("Your booking is confirmed.") })
    }
}

@Suite("Placeholders")
struct PlaceholderTests {
    @Test func aPlaceholderMatchesItsPatternAndBindsTheFirstValue() {
        var bindings = PlaceholderBindings()
        let matched1 = bindings.match(expected: "Your number is {confirmation}.", actual: "Your number is R1000025.")
        #expect(matched1)
        #expect(bindings.values[Placeholder(.confirmation)] == "R1000025")
        let matched2 = bindings.match(expected: "Again: {confirmation}.", actual: "Again: R1000033.")
        #expect(!matched2, "a later use is the same value")
        let matched3 = bindings.match(expected: "Again: {confirmation}.", actual: "Again: R1000025.")
        #expect(matched3)
        let matched4 = bindings.match(expected: "Another: {confirmation2}.", actual: "Another: R1000033.")
        #expect(matched4)
        let matched5 = bindings.match(expected: "Your number is {confirmation}.", actual: "Your number is T1000025.")
        #expect(!matched5)
        let matched6 = bindings.match(expected: "Written out: {confirmation}.", actual: "Written out: {confirmation}.")
        #expect(matched6)
    }

    @Test(arguments: [
        ("{ticket}", "T1000013"), ("{callback}", "C1000011"), ("{survey}", "S1000019"), ("{file}", "261224001"),
        ("on {date} at {time}", "on Thursday 24 December 2026 at 10:30"), ("call {phone}", "call +442079460958"),
        ("{any} here", "whatever is said here"),
    ])
    func everyPlaceholderMatchesWhatItStandsFor(expected: String, actual: String) {
        var bindings = PlaceholderBindings()
        let matched7 = bindings.match(expected: expected, actual: actual)
        #expect(matched7)
    }

    @Test func unknownBracesArePlainText() {
        var bindings = PlaceholderBindings()
        let matched8 = bindings.match(expected: "{guest.name} and {confirmationx}", actual: "Maria and R1000025")
        #expect(!matched8)
        let matched9 = bindings.match(expected: "{guest.name} and {confirmation}", actual: "{guest.name} and R1000025")
        #expect(matched9)
    }

    @Test func aGuestLineSendsTheBoundValueOrASample() {
        var bindings = PlaceholderBindings()
        #expect(bindings.filling("{confirmation} and {ticket2}") == "R0000001 and T0000002")
        _ = bindings.match(expected: "number {confirmation}", actual: "number R1000025")
        #expect(bindings.filling("it is {confirmation}") == "it is R1000025")
    }
}
