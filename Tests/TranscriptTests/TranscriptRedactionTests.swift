import HotelCalendar
import Dialogue
import Testing
import TestSupport
import Transcript
import Replay

@Suite("Redacted transcripts")
struct TranscriptRedactionTests {
    static let secrets = ["Grace", "Hopper", "7946", "442079460958", "Hans", "weber@example.de"]

    @Test func namesAndPhonesAreReplacedConsistentlyAndTheCallStillReplays() throws {
        var call = RecordedCall(redacting: true)
        call.say("1", "24 Dec", "27 Dec", "1", "2", "12345", "+44 20 7946 0958", "Gr4ce", "Grace Hopper", "no", "6", "0044 20 7946 0958", "yes",
                 "yes", "2", "1", "Grace Hopper was rude, call +44 20 7946 0958 or weber@example.de", "Sorry", "no", "no")
        let document = call.transcript()
        for secret in Self.secrets { #expect(!document.text.contains(secret), "\(secret) is in the transcript") }
        #expect(document.entries.contains { $0.content == .typed("Guest A") })
        #expect(document.entries.contains { $0.content == .typed("+00 00 0000 0001") })
        #expect(document.entries.contains { $0.content == .typed("0000 00 0000 0001") }, "the same number typed another way")
        #expect(document.entries.contains { $0.content == .typed("50000") }, "a refused phone keeps its shape")
        #expect(document.entries.contains { $0.content == .typed("xx0xx") }, "a refused name keeps its shape")
        #expect(document.entries.contains { $0.content == .said("  Phone:      +000000000001") })
        #expect(document.entries.contains { $0.text.hasPrefix("Guest A was rude, call +00 00 0000 0001 or guest@example.invalid") })
        let replay = InProcessReplay.run(document, prompts: TestPrompts.shipped)
        #expect(replay.passed, "\(replay.divergence?.report ?? "")")
    }

    /// A number the guest never gave as an answer, written in groups inside free text,
    /// is masked whole: no group of its digits is left behind.
    @Test func aPhoneWrittenInGroupsInsideFreeTextIsMaskedWhole() throws {
        var call = RecordedCall(redacting: true)
        call.say("2", "1", "Call me on 020 7946 0123 or (555) 123-4567, or at room 12 after 3.", "Sorry", "no")
        let document = call.transcript()
        for secret in ["7946", "0123", "4567", "555"] { #expect(!document.text.contains(secret), "\(secret) is in the transcript") }
        #expect(document.text.contains("room 12 after 3."), "short numbers are not phones")
        #expect(InProcessReplay.run(document, prompts: TestPrompts.shipped).passed)
    }

    @Test func aNameTheLineLooksUpIsReplacedToo() {
        var call = RecordedCall(redacting: true)
        call.answer = { request in
            if case .findBooking = request {
                let day = CivilDate(year: 2026, month: 12, day: 24)!
                return .foundBooking(BookingSummary(guestName: "Hans Weber", checkIn: day, checkOut: day.adding(days: 2), rooms: 1, roomType: "deluxe",
                                                    total: 360, freeUntil: LocalMoment(iso: "2026-12-22T15:00")!, lateFee: 0))
            }
            return RecordedCall.cooperative(request)
        }
        call.say("5", "+49 30 901820", "1", "R1000017", "no", "no")
        let document = call.transcript()
        #expect(!document.text.contains("Hans") && !document.text.contains("901820"))
        #expect(document.entries.contains { $0.content == .said("Here is your booking R1000017, in the name of Guest A:") })
        #expect(document.entries.contains { $0.text.contains("outcome found-booking name=\"Guest A\"") })
        #expect(InProcessReplay.run(document, prompts: TestPrompts.shipped).passed)
    }

    @Test func withoutRedactionNothingIsHeldBack() {
        var call = RecordedCall.booking()
        let text = call.transcript().text
        #expect(text.contains("Maria Lopez"))
    }
}
