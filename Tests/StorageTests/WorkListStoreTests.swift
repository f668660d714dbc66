import HotelCalendar
import Testing
import TestSupport
@testable import Storage

/// The lists as the store makes them from its records: each item appears with the record
/// it follows (or the day its rule sets), steps are checked against the item as it stands,
/// and everything survives the journal.
@Suite("Work lists in the store")
struct WorkListStoreTests {
    static let rules = WorkListTests.rules
    static func at(_ iso: String) -> WallTime { WorkListTests.instant(iso) }

    /// A store holding one of each: a callback, a complaint, a booking and a survey.
    static func store(log: MemoryLog = MemoryLog()) -> (HotelStore, CallbackNumber, TicketNumber, ConfirmationNumber, SurveyNumber) {
        let store = HotelStore(log: log)
        let callback = store.requestCallback(CallbackRequest.Request(
            phone: "+442079460958", guestName: "Ann Lee", dueAt: at("2026-12-03T10:00"), windowMinutes: 30, reason: "my bill",
            callLanguage: "en", language: "en", session: "s-1"), now: at("2026-12-03T09:00"), token: 1)
        let ticket = store.fileComplaint(ComplaintTicket.Request(
            category: "housekeeping", details: "dirty towels", expectedResolution: "fresh ones", guestName: "Bo Chan", phone: "+85291234567",
            roomNumber: "402", language: "zh-Hant", followUpBy: CivilDate(year: 2026, month: 12, day: 6)!, session: "s-2"),
            now: at("2026-12-03T23:59"), token: 2)
        guard case .pending(let reservation) = store.reserve(HotelStoreTests.booking(from: CivilDate(year: 2026, month: 12, day: 5)!, nights: 2),
                                                             inventory: 5, now: at("2026-12-01T09:00"), token: 3) else {
            preconditionFailure("not booked")
        }
        let survey = store.recordSurvey(SurveyResponse.Request(
            declined: false, confirmation: nil, guestName: "Cy", phone: "+34600111222", ratings: ["food": 2, "room": 5, "security": 1],
            stayAgain: true, recommend: true, suggestions: "more towels", language: "es", session: "s-4"), now: at("2026-12-03T12:00"), token: 4)
        _ = store.takeAcknowledgements()
        return (store, callback.number, ticket.number, reservation.number, survey.number)
    }

    static func ids(_ store: HotelStore, _ list: WorkList, at iso: String) -> [String] {
        store.workItems(on: list, rules: rules, now: at(iso)).filter { !$0.stage.isDone }.map(\.id.description).sorted()
    }

    @Test func aPromiseIsOnItsListFromTheMomentItsRecordExists() {
        let (store, callback, ticket, _, survey) = Self.store()
        #expect(Self.ids(store, .callbacks, at: "2026-12-03T09:00") == [callback.description])
        #expect(Self.ids(store, .complaints, at: "2026-12-03T09:00") == [ticket.description])
        #expect(Self.ids(store, .feedback, at: "2026-12-03T12:00").sorted()
                == ["F-\(survey)-food", "F-\(survey)-security", "F-\(survey)-suggestions"], "low ratings and the suggestion; not the 5")
        let item = store.workItem(.complaint(ticket), rules: Self.rules, now: Self.at("2026-12-03T23:59"))
        #expect(item?.due == Self.at("2026-12-04T00:00"), "a complaint received at 23:59 is due for investigation by midnight")
        #expect(item?.isOverdue(at: Self.at("2026-12-04T00:00")) == true)
        #expect(store.workItem(.callback(callback), rules: Self.rules, now: Self.at("2026-12-03T09:00"))?.due == Self.at("2026-12-03T10:30"))
    }

    @Test func anArrivalIsOnTheListOneToTwoDaysAhead() {
        let (store, _, _, booking, _) = Self.store()  // arrives on the 5th
        #expect(Self.ids(store, .arrivals, at: "2026-12-02T12:00") == [], "three days ahead")
        #expect(Self.ids(store, .arrivals, at: "2026-12-03T00:00") == ["A-\(booking)"])
        #expect(Self.ids(store, .arrivals, at: "2026-12-04T23:59") == ["A-\(booking)"])
        #expect(Self.ids(store, .arrivals, at: "2026-12-05T00:00") == ["A-\(booking)"], "not confirmed by the day before: overdue")
        #expect(store.workItem(.arrival(booking), rules: Self.rules, now: Self.at("2026-12-05T00:00"))?.isOverdue(at: Self.at("2026-12-05T00:00")) == true)
        #expect(Self.ids(store, .arrivals, at: "2026-12-06T00:00") == [], "the arrival day over, no call is owed")
        #expect(store.workItem(.arrival(booking), rules: Self.rules, now: Self.at("2026-12-03T08:00"))?.due == Self.at("2026-12-05T00:00"))
        let needs = WorkStep(item: .arrival(booking), action: .confirmed, text: "cot in the room", by: "console:mei", createdAt: Self.at("2026-12-03T09:00"))
        #expect(store.record(needs, rules: Self.rules, token: 9) == .pending(needs))
        #expect(store.specialNeeds(booking) == ["cot in the room"])
        #expect(store.specialNeeds(file: store.booking(booking)!.reservation.guestFile) == ["cot in the room"], "and on the guest's file")
        #expect(Self.ids(store, .arrivals, at: "2026-12-04T09:00") == [], "confirmed")
        #expect(store.workItem(.arrival(booking), rules: Self.rules, now: Self.at("2026-12-04T09:00"))?.stage == .confirmed)
        #expect(store.workItems(on: .arrivals, rules: Self.rules, now: Self.at("2026-12-09T09:00")).map(\.stage) == [.confirmed],
                "worked, it stays on the list's history")
    }

    @Test func aResolvedComplaintIsDueForARevisitWithinThreeDaysOfItsTicket() {
        let (store, _, ticket, _, _) = Self.store()
        func take(_ action: WorkAction, _ text: String? = nil, on item: WorkItemID = .complaint(ticket), at iso: String = "2026-12-04T10:00") -> HotelStore.WorkDecision {
            store.record(WorkStep(item: item, action: action, text: text, by: "console:mei", createdAt: Self.at(iso)), rules: Self.rules, token: UInt64.random(in: 100...UInt64.max))
        }
        #expect(Self.ids(store, .revisits, at: "2026-12-04T10:00") == [])
        #expect(take(.resolve, "fixed") == .refused(.wrongStage(.complaint(ticket), .resolve, .received, needs: [.investigating])))
        _ = take(.investigate)
        #expect(store.workItem(.complaint(ticket), rules: Self.rules, now: Self.at("2026-12-04T10:00"))?.due == Self.at("2026-12-07T00:00"),
                "looked into, it is due by the day the guest was promised")
        _ = take(.resolve, "fixed")
        #expect(Self.ids(store, .revisits, at: "2026-12-04T10:00") == ["V-\(ticket)"])
        #expect(store.workItem(.complaintRevisit(ticket), rules: Self.rules, now: Self.at("2026-12-04T10:00"))?.due == Self.at("2026-12-07T00:00"),
                "received on the 3rd: revisited by the end of the 6th")
        _ = take(.declined, on: .complaintRevisit(ticket))
        #expect(store.workItem(.complaint(ticket), rules: Self.rules, now: Self.at("2026-12-04T10:00"))?.stage == .resolved)
        _ = take(.signOff)
        #expect(store.workItem(.complaint(ticket), rules: Self.rules, now: Self.at("2026-12-04T10:00"))?.stage == .revisited,
                "signed off after the revisit call: revisited")
        #expect(take(.close) == .pending(WorkStep(item: .complaint(ticket), action: .close, text: nil, by: "console:mei", createdAt: Self.at("2026-12-04T10:00"))))
    }

    @Test func aDepartedStayIsDueForARevisitOnTheSecondDayAfter() {
        let (store, _, _, booking, _) = Self.store()
        for (kind, iso) in [(StayMove.Kind.arrived, "2026-12-05T15:00"), (.departed, "2026-12-07T10:00")] {
            guard case .pending = store.move(booking, kind, policy: BookingPolicy(), now: Self.at(iso), by: "console:mei", token: UInt64.random(in: 100...UInt64.max)) else {
                Issue.record("not moved: \(kind)")
                return
            }
        }
        #expect(Self.ids(store, .revisits, at: "2026-12-07T10:00") == ["V-\(booking)"])
        #expect(store.workItem(.stayRevisit(booking), rules: Self.rules, now: Self.at("2026-12-07T10:00"))?.due == Self.at("2026-12-10T00:00"))
    }

    @Test func aSurveyTheGuestAnsweredOnTheLineAfterLeavingIsTheStaysRevisit() {
        let (store, _, _, booking, _) = Self.store()
        func survey(at iso: String, token: UInt64) -> SurveyNumber {
            store.recordSurvey(SurveyResponse.Request(
                declined: false, confirmation: booking, guestName: "Ann Lee", phone: "+442079460958", ratings: ["room": 5],
                stayAgain: true, recommend: true, suggestions: nil, language: "en", session: "s-\(token)"), now: Self.at(iso), token: token).number
        }
        _ = survey(at: "2026-12-06T20:00", token: 20)  // in the house: not the revisit
        for (kind, iso) in [(StayMove.Kind.arrived, "2026-12-05T15:00"), (.departed, "2026-12-07T10:00")] {
            guard case .pending = store.move(booking, kind, policy: BookingPolicy(), now: Self.at(iso), by: "console:mei", token: UInt64.random(in: 100...UInt64.max)) else {
                Issue.record("not moved: \(kind)")
                return
            }
        }
        #expect(Self.ids(store, .revisits, at: "2026-12-07T12:00") == ["V-\(booking)"], "a survey during the stay leaves the revisit owed")
        let after = survey(at: "2026-12-08T09:00", token: 21)
        let item = store.workItem(.stayRevisit(booking), rules: Self.rules, now: Self.at("2026-12-08T09:30"))
        #expect(item?.stage == .surveyed)
        #expect(item?.survey == after)
        #expect(item?.history.map(\.by) == [WorkStep.line])
        #expect(Self.ids(store, .revisits, at: "2026-12-08T09:30") == [])
        // Staff who recorded the revisit themselves keep their step, not the line's.
        let (other, _, _, stay, _) = Self.store()
        for (kind, iso) in [(StayMove.Kind.arrived, "2026-12-05T15:00"), (.departed, "2026-12-07T10:00")] {
            _ = other.move(stay, kind, policy: BookingPolicy(), now: Self.at(iso), by: "console:mei", token: UInt64.random(in: 100...UInt64.max))
        }
        let declined = WorkStep(item: .stayRevisit(stay), action: .declined, text: nil, by: "console:mei", createdAt: Self.at("2026-12-08T08:00"))
        #expect(other.record(declined, rules: Self.rules, token: 30) == .pending(declined))
        _ = other.recordSurvey(SurveyResponse.Request(
            declined: false, confirmation: stay, guestName: "Ann Lee", phone: "+442079460958", ratings: ["room": 4],
            stayAgain: true, recommend: true, suggestions: nil, language: "en", session: "s-31"), now: Self.at("2026-12-08T09:00"), token: 31)
        let worked = other.workItem(.stayRevisit(stay), rules: Self.rules, now: Self.at("2026-12-08T09:30"))
        #expect(worked?.stage == .declined && worked?.history.map(\.by) == ["console:mei"])
    }

    @Test func stepsSurviveTheJournalAndARefusedOneIsTakenBackOut() throws {
        let log = MemoryLog()
        let (store, callback, _, _, _) = Self.store(log: log)
        let id = WorkItemID.callback(callback)
        let assign = WorkStep(item: id, action: .assign, text: "mei", by: "console:mei", createdAt: Self.at("2026-12-03T10:01"))
        let noAnswer = WorkStep(item: id, action: .noAnswer, text: "voicemail", by: "console:mei", createdAt: Self.at("2026-12-03T10:02"))
        #expect(store.record(assign, rules: Self.rules, token: 10) == .pending(assign))
        #expect(store.record(noAnswer, rules: Self.rules, token: 11) == .pending(noAnswer))
        _ = store.takeAcknowledgements()
        let recovered = HotelStore(log: MemoryLog(), recovered: try log.records.map { try HotelRecord(decoding: $0) })
        let item = recovered.workItem(id, rules: Self.rules, now: Self.at("2026-12-03T10:03"))
        #expect(item?.stage == .retrying && item?.assignee == "mei" && item?.history == [assign, noAnswer])
        let fromSnapshot = HotelStore(log: MemoryLog(), recovered: store.allRecords)
        #expect(fromSnapshot.workItem(id, rules: Self.rules, now: Self.at("2026-12-03T10:03")) == item)
        // The disk refuses the next one: it is taken back out, as if never asked.
        log.failure = .fileSystem(operation: "write", path: "journal", errno: 28)
        let reached = WorkStep(item: id, action: .reached, text: "sorted", by: "console:mei", createdAt: Self.at("2026-12-03T11:00"))
        #expect(store.record(reached, rules: Self.rules, token: 12) == .pending(reached))
        #expect(store.takeAcknowledgements().first?.failure != nil)
        #expect(store.workItem(id, rules: Self.rules, now: Self.at("2026-12-03T11:00"))?.stage == .retrying)
    }

    @Test func aStepOnNoItemIsRefusedAndADamagedItemIsReadAsAnError() throws {
        let (store, _, _, _, _) = Self.store()
        let ghost = WorkStep(item: .callback(CallbackNumber(serial: 999_999)), action: .reached, text: nil, by: "console:mei", createdAt: Self.at("2026-12-03T10:00"))
        #expect(store.record(ghost, rules: Self.rules, token: 20) == .refused(.unknown(ghost.item)))
        let frame = HotelRecord.workStep(WorkStep(item: .feedback(SurveyNumber(serial: 100_002), topic: "food"), action: .answer,
                                                  text: "new menu", by: "console:sara", createdAt: Self.at("2026-12-03T10:00"))).encoded()
        #expect(try HotelRecord(decoding: frame) == .workStep(WorkStep(item: .feedback(SurveyNumber(serial: 100_002), topic: "food"), action: .answer,
                                                                        text: "new menu", by: "console:sara", createdAt: Self.at("2026-12-03T10:00"))))
        var damaged = frame.payload
        damaged[0] = 9 * 2  // kind 9 (zigzag): no such kind of item
        #expect(throws: RecordDecodingError.self) { try HotelRecord(decoding: JournalRecord(type: frame.type, version: 1, payload: damaged)) }
    }
}
