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
        .knownCaller(CallerSummary(name: "Ana García", hasUpcomingStay: true, hasOpenComplaint: false, language: "es")),
        .knownCaller(CallerSummary(name: nil, hasUpcomingStay: false, hasOpenComplaint: false, language: "zh-Hant")),
        .newCaller,
        .unavailable,
    ])
    func everyOutcomeReadsBackAsWritten(outcome: ActionOutcome) {
        let text = OutcomeText.encode(outcome)
        #expect(!text.contains("\n"))
        #expect(OutcomeText.decode(text) == outcome, "\(text)")
    }

    /// The caller's language came later: an outcome without it (every transcript recorded
    /// before) reads back with none, and the line answers as it did then.
    @Test func aCallerOnFileCarriesTheLanguageOfTheirLastCall() {
        #expect(OutcomeText.encode(.knownCaller(CallerSummary(name: "Li Wei", hasUpcomingStay: false, hasOpenComplaint: false, language: "zh-Hans")))
            == "outcome known name=\"Li Wei\" upcoming=no open-complaint=no language=zh-Hans")
        #expect(OutcomeText.decode("outcome known name=\"Li Wei\" upcoming=no open-complaint=no")
            == .knownCaller(CallerSummary(name: "Li Wei", hasUpcomingStay: false, hasOpenComplaint: false, language: nil)))
    }

    @Test(arguments: ["", "outcome", "outcome teleported", "outcome available left=many", "outcome found name=\"unterminated",
                      "saved R1000017", "outcome saved", "outcome found-complaint category=x status=open followup=2026-13-40"])
    func malformedEventsAreNotOutcomes(text: String) {
        #expect(OutcomeText.decode(text) == nil)
    }
}
