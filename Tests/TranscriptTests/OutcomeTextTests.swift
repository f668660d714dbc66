import Dialogue
import HotelCalendar
import Testing
import Transcript

@Suite("Outcomes in transcripts")
struct OutcomeTextTests {
    static let day = CivilDate(year: 2026, month: 12, day: 24)!

    @Test(arguments: [
        ActionOutcome.available(roomsLeft: 5),
        .full(roomsLeft: 1, alternatives: ["standard", "deluxe"]),
        .full(roomsLeft: 0, alternatives: []),
        .saved(reference: "R1000017", guestFile: "261224001"),
        .saved(reference: "T1000013", guestFile: nil),
        .failed,
        .found(ReservationSummary(guestName: "Maria \"Mia\" López", checkIn: day, checkOut: day.adding(days: 3), rooms: 2, roomType: "deluxe")),
        .foundComplaint(ComplaintSummary(category: "food-and-beverage", status: "open", followUpBy: day)),
        .missing,
        .knownCaller(CallerSummary(name: "Li Wei", hasUpcomingStay: true, hasOpenComplaint: false)),
        .knownCaller(CallerSummary(name: nil, hasUpcomingStay: false, hasOpenComplaint: true)),
        .newCaller,
        .unavailable,
    ])
    func everyOutcomeReadsBackAsWritten(outcome: ActionOutcome) {
        let text = OutcomeText.encode(outcome)
        #expect(!text.contains("\n"))
        #expect(OutcomeText.decode(text) == outcome, "\(text)")
    }

    @Test(arguments: ["", "outcome", "outcome teleported", "outcome available left=many", "outcome found name=\"unterminated",
                      "saved R1000017", "outcome saved", "outcome found-complaint category=x status=open followup=2026-13-40"])
    func malformedEventsAreNotOutcomes(text: String) {
        #expect(OutcomeText.decode(text) == nil)
    }
}
