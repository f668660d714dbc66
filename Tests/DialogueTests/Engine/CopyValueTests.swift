import HotelCalendar
import Testing
@testable import Dialogue

/// `set VARIABLE = {OTHER}`: a flow copies a value it has, as it is.
@Suite("Copying a value")
struct CopyValueTests {
    static let stay = ReservationSummary(guestName: "Maria Lopez", checkIn: day("2026-11-20"), checkOut: day("2026-11-23"), rooms: 1, roomType: "deluxe")

    @Test func aCopyKeepsTheKindOfTheValue() throws {
        let set = PromptFiles.edited {
            $0.replace("set guest.name = {stay.name}", with: "set guest.name = {stay.name}\n  set survey.nights = {stay.nights}\n  set survey.arrival = {stay.checkin}", in: "survey.flow")
        }
        var call = Call(prompts: try #require(set.compile().0))
        call.answer("4", "R1000017")
        call.complete(.found(Self.stay))
        #expect(call.conversation.value(of: "guest.name") == .text("Maria Lopez"))
        #expect(call.conversation.value(of: "survey.nights") == .number(3), "a number stays a number, for < and >")
        #expect(call.conversation.value(of: "survey.arrival") == .date(day("2026-11-20")))
    }

    @Test func aCopyOfAVariableWithoutAValueLeavesNone() throws {
        // The callback flow's guard moved after the copy, so it tests the copied value.
        let set = PromptFiles.edited {
            $0.replace("  if not caller.name -> time\n  set guest.name = {caller.name}\n",
                       with: "  set guest.name = {caller.name}\n  if not guest.name -> time\n", in: "callback.flow")
        }
        var call = Call(prompts: try #require(set.compile().0))
        call.answer("3", "+44 20 7946 0958")
        call.complete(.knownCaller(CallerSummary(name: nil, hasUpcomingStay: false, hasOpenComplaint: false)))
        #expect(call.conversation.value(of: "guest.name") == nil, "not an empty text, nor the text \"{caller.name}\"")
        #expect(!call.heard.contains("Welcome back"))
        call.answer("tomorrow 10am", "A question", "1")
        #expect(call.heard == "And your name, please?")
    }

    @Test func aCopyOfAVariableWithAValueTakesIt() throws {
        var call = Call()
        call.answer("3", "+44 20 7946 0958")
        call.complete(.knownCaller(CallerSummary(name: "Maria Lopez", hasUpcomingStay: false, hasOpenComplaint: false)))
        #expect(call.conversation.value(of: "guest.name") == call.conversation.value(of: "caller.name"))
        #expect(call.conversation.value(of: "guest.name") == .text("Maria Lopez"))
    }
}
