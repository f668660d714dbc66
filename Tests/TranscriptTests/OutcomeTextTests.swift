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
        .foundComplaint(ComplaintSummary(category: "food-and-beverage", stage: .received, followUpBy: day)),
        .foundComplaint(ComplaintSummary(category: "other", stage: .signedOff, followUpBy: day, result: "We refunded the \"minibar\" charge.")),
        .foundComplaint(ComplaintSummary(category: "security", stage: .closed, followUpBy: day, result: "Lock replaced", followedUp: true)),
        .foundComplaint(ComplaintSummary(category: "housekeeping", stage: .resolved, followUpBy: day, followedUp: true)),
        .foundCallback(CallbackSummary(stage: .waiting, windowFrom: LocalMoment(iso: "2026-11-26T10:00")!, windowMinutes: 30)),
        .foundCallback(CallbackSummary(stage: .retrying, windowFrom: LocalMoment(iso: "2026-11-26T10:00")!, windowMinutes: 30, tries: 1,
                                       nextTry: LocalMoment(iso: "2026-11-26T11:05")!)),
        .foundCallback(CallbackSummary(stage: .reached, windowFrom: LocalMoment(iso: "2026-11-26T10:00")!, windowMinutes: 30, tries: 2,
                                       reachedAt: LocalMoment(iso: "2026-11-26T12:10")!)),
        .foundCallback(CallbackSummary(stage: .unreachable, windowFrom: LocalMoment(iso: "2026-11-26T10:00")!, windowMinutes: 30, tries: 3)),
        .foundCallback(CallbackSummary(stage: .wrongNumber, windowFrom: LocalMoment(iso: "2026-11-26T10:00")!, windowMinutes: 30)),
        .missing,
        .knownCaller(CallerSummary(name: "Li Wei", hasUpcomingStay: true, hasOpenComplaint: false)),
        .knownCaller(CallerSummary(name: nil, hasUpcomingStay: false, hasOpenComplaint: true)),
        .knownCaller(CallerSummary(name: "Ana García", hasUpcomingStay: true, hasOpenComplaint: false, language: "es")),
        .knownCaller(CallerSummary(name: nil, hasUpcomingStay: false, hasOpenComplaint: false, language: "zh-Hant")),
        .knownCaller(CallerSummary(name: "Li Wei", hasStayed: true, hasUpcomingStay: false, hasOpenComplaint: false)),
        .newCaller,
        .unavailable,
        .foundBooking(BookingSummary(guestName: "Ana García", checkIn: day, checkOut: day.adding(days: 2), rooms: 1, roomType: "suite",
                                     total: 780, freeUntil: LocalMoment(iso: "2026-12-22T15:00")!, lateFee: 390)),
        .quoted(FeeQuote(checkIn: day, checkOut: day.adding(days: 1), rooms: 2, roomType: "standard", total: 240, fee: 0,
                         freeUntil: LocalMoment(iso: "2026-12-22T15:00")!)),
        .feeRaised(FeeQuote(checkIn: day, checkOut: day.adding(days: 1), rooms: 2, roomType: "standard", total: 240, fee: 240,
                            freeUntil: LocalMoment(iso: "2026-12-22T15:00")!)),
        .foundFile(GuestFileSummary(name: "Li Wei", hasStayed: true, bookings: 3, staysToCome: 1, openComplaints: 0, nextCheckIn: day,
                                    nextConfirmation: "R1000017")),
        .foundFile(GuestFileSummary(name: "Li Wei", hasStayed: false, bookings: 1, staysToCome: 0, openComplaints: 2, nextCheckIn: nil,
                                    nextConfirmation: nil)),
        .locked, .bookingCancelled, .bookingClosed, .unchanged, .datesPassed,
        .saved(reference: "M1000012", guestFile: nil), .saved(reference: "X1000019", guestFile: nil),
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
            == "outcome known name=\"Li Wei\" stayed=no upcoming=no open-complaint=no language=zh-Hans")
        #expect(OutcomeText.decode("outcome known name=\"Li Wei\" upcoming=no open-complaint=no")
            == .knownCaller(CallerSummary(name: "Li Wei", hasUpcomingStay: false, hasOpenComplaint: false, language: nil)))
    }

    /// A complaint as it came in was `open` before the work lists, and had no result:
    /// such a transcript reads back as received, with nothing signed off.
    @Test func aComplaintRecordedBeforeTheWorkListsReadsBackAsReceived() {
        #expect(OutcomeText.decode("outcome found-complaint category=housekeeping status=open followup=2026-11-28")
            == .foundComplaint(ComplaintSummary(category: "housekeeping", stage: .received, followUpBy: CivilDate(year: 2026, month: 11, day: 28)!)))
        #expect(OutcomeText.decode("outcome found-complaint category=housekeeping status=investigating followup=2026-11-28")
            == .foundComplaint(ComplaintSummary(category: "housekeeping", stage: .investigating, followUpBy: CivilDate(year: 2026, month: 11, day: 28)!)))
    }

    @Test func anUnknownStageIsAProblemThatNamesTheStages() {
        guard case .failure(let problem) = OutcomeText.parse("outcome found-callback status=reachd window=2026-11-26T10:00 minutes=30 tries=0") else {
            Issue.record("an unknown callback status was read")
            return
        }
        #expect("\(problem)".contains("unknown callback status \"reachd\""))
        #expect("\(problem)".contains("waiting, retrying, reached, unreachable, wrong-number"))
    }

    @Test(arguments: ["", "outcome", "outcome teleported", "outcome available left=many", "outcome found name=\"unterminated",
                      "saved R1000017", "outcome saved", "outcome found-complaint category=x status=open followup=2026-13-40",
                      "outcome found-complaint category=x status=shelved followup=2026-11-28",
                      "outcome found-callback status=waiting window=2026-11-26 minutes=30 tries=0",
                      "outcome found-callback status=waiting window=2026-11-26T10:00 tries=0",
                      "outcome quote checkin=2026-12-24 checkout=2026-12-25 rooms=1 room=suite total=390 fee=0 free-until=2026-12-22 15:00",
                      "outcome found-booking name=Ana checkin=2026-12-24 checkout=2026-12-25 rooms=1 room=suite total=390"])
    func malformedEventsAreNotOutcomes(text: String) {
        #expect(OutcomeText.decode(text) == nil)
    }
}
