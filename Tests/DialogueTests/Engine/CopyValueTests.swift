import HotelCalendar
import Testing
@testable import Dialogue

/// `set VARIABLE = {OTHER}`: a flow copies a value it has, as it is.
@Suite("Copying a value")
struct CopyValueTests {
    static let stay = ReservationSummary(guestName: "Maria Lopez", checkIn: day("2026-11-20"), checkOut: day("2026-11-23"), rooms: 1, roomType: "deluxe")

    @Test func aCopyKeepsTheKindOfTheValue() throws {
        let set = PromptFiles.edited {
            $0.replace("  say survey.found.stay", with: "  set survey.guest = {stay.name}\n  set survey.nights = {stay.nights}\n  set survey.arrival = {stay.checkin}\n  say survey.found.stay", in: "survey.flow")
        }
        var call = Call(prompts: try #require(set.compile().0))
        call.answer("4", "R1000017", "Maria Lopez", "+44 20 7946 0958")
        call.complete(.found(Self.stay))
        #expect(call.conversation.value(of: "survey.guest") == .text("Maria Lopez"))
        #expect(call.conversation.value(of: "survey.nights") == .number(3), "a number stays a number, for < and >")
        #expect(call.conversation.value(of: "survey.arrival") == .date(day("2026-11-20")))
    }

    /// The booking flow greets through a copy of the name on file, said only with the copy,
    /// so the test checks the copied value.
    static func greetingByCopy() throws -> PromptSet {
        let set = PromptFiles.edited {
            $0.replace("  say booking.welcome_back if caller.stayed\n",
                       with: "  set booking.greeted = {caller.name}\n  say booking.welcome_back if booking.greeted\n", in: "booking.flow")
        }
        return try #require(set.compile().0)
    }

    @Test func aCopyOfAVariableWithoutAValueLeavesNone() throws {
        var call = Call(prompts: try Self.greetingByCopy())
        call.walk(["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958"])
        call.send("Maria Lopez")
        call.complete(.knownCaller(CallerSummary(name: nil, hasStayed: true, hasUpcomingStay: false, hasOpenComplaint: false)))
        #expect(call.conversation.value(of: "booking.greeted") == nil, "not an empty text, nor the text \"{caller.name}\"")
        #expect(!call.heard.contains("Welcome back"))
        #expect(call.heard.hasPrefix("Let me read that back to you:"))
    }

    @Test func aCopyOfAVariableWithAValueTakesIt() throws {
        var call = Call(prompts: try Self.greetingByCopy())
        call.walk(["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958"])
        call.send("Maria Lopez")
        call.complete(.knownCaller(CallerSummary(name: "Maria Lopez", hasUpcomingStay: false, hasOpenComplaint: false)))
        #expect(call.conversation.value(of: "booking.greeted") == call.conversation.value(of: "caller.name"))
        #expect(call.conversation.value(of: "booking.greeted") == .text("Maria Lopez"))
    }
}
