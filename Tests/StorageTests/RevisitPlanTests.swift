import HotelCalendar
import Testing
@testable import Storage

/// Revisit plans without I/O: which period a revisit falls in (month, quarter and year
/// ends, leap days, the hotel's calendar), the figures per kind, the kinds asked for, and
/// a plan with nothing in it.
@Suite("Revisit plans")
struct RevisitPlanTests {
    static let utc = HotelTimeZone("UTC")!
    static let taipei = HotelTimeZone("Asia/Taipei")!

    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
    static func at(_ iso: String, _ zone: HotelTimeZone = utc) -> WallTime { zone.wallTime(of: LocalMoment(iso: iso)!) }
    static func period(_ text: String) -> PlanPeriod { try! PlanPeriod(text) }

    /// A store holding one departed stay per `departures` (local moments on `zone`'s
    /// clock, each a one-night stay whose guest arrived the day before), with their numbers.
    static func store(departing departures: [String], zone: HotelTimeZone = utc) -> (HotelStore, [ConfirmationNumber]) {
        let store = HotelStore(log: MemoryLog())
        var policy = BookingPolicy()
        policy.zone = zone
        var numbers: [ConfirmationNumber] = []
        for (index, departure) in departures.enumerated() {
            let left = LocalMoment(iso: departure)!
            let arrival = left.date.adding(days: -1)
            let request = HotelStoreTests.booking(phone: "+8869123\(index)", from: arrival, nights: 1)
            guard case .pending(let reservation) = store.reserve(request, inventory: 99, now: at("2020-01-01T00:00"), token: UInt64(index * 3 + 1)),
                  case .pending = store.move(reservation.number, .arrived, policy: policy, now: zone.wallTime(of: LocalMoment(date: arrival, time: TimeOfDay(hour: 14, minute: 0)!)),
                                             by: "t", token: UInt64(index * 3 + 2)),
                  case .pending = store.move(reservation.number, .departed, policy: policy, now: zone.wallTime(of: left), by: "t", token: UInt64(index * 3 + 3))
            else { preconditionFailure("stay \(index) did not depart") }
            numbers.append(reservation.number)
        }
        _ = store.takeAcknowledgements()
        return (store, numbers)
    }

    static func ids(_ plan: RevisitPlan) -> [String] { plan.revisits.map(\.id.description) }

    // MARK: Periods

    /// The second day after check-out decides the period: a stay that left on New Year's
    /// Eve is in next year's plan, one that left on 30 March in the second quarter's, and a
    /// leap year's 29 February is a day like any other.
    @Test func aStaysRevisitFallsInThePeriodOfItsSecondDayAfterCheckOut() {
        let (store, stays) = Self.store(departing: ["2027-12-31T11:00", "2027-03-30T11:00", "2028-02-27T11:00", "2028-02-28T11:00",
                                                    "2027-02-27T11:00", "2027-01-30T23:59"])
        let rules = WorkRules(zone: Self.utc)
        let now = Self.at("2029-01-01T00:00")
        func plan(_ text: String) -> [String] { Self.ids(RevisitPlan(period: Self.period(text), store: store, rules: rules, now: now)) }
        let v = stays.map { WorkItemID.stayRevisit($0).description }
        #expect(!plan("2027").contains(v[0]) && plan("2028").contains(v[0]), "31 Dec → 2 Jan: next year's plan")
        #expect(plan("2028-01") == [v[0]] && plan("2028-Q1").contains(v[0]) && !plan("2027-Q4").contains(v[0]))
        #expect(plan("2027-Q1") == [v[5], v[4]], "30 Jan → 1 Feb, 27 Feb → 1 Mar; not 30 Mar → 1 Apr")
        #expect(plan("2027-Q2") == [v[1]] && plan("2027-04") == [v[1]] && plan("2027-03") == [v[4]])
        #expect(plan("2028-02") == [v[2]], "27 Feb 2028 → 29 Feb")
        #expect(plan("2028-03") == [v[3]], "28 Feb 2028 → 1 Mar")
        #expect(plan("2027-02") == [v[5]])
        #expect(plan("2027").count == 3 && plan("2028").count == 3)
        // The plan's day is the list's: the item is due at the end of it.
        for revisit in RevisitPlan(period: Self.period("2028"), store: store, rules: rules, now: now).revisits {
            #expect(store.workItem(revisit.id, rules: rules, now: now)?.due == revisit.due)
            #expect(revisit.due == rules.endOfDay(revisit.day))
        }
    }

    /// The day a guest left is the hotel's: a departure at 01:00 on 1 January in Taipei is
    /// still 31 December in UTC, and the plans follow Taipei's calendar.
    @Test func theDayAGuestLeftIsTheHotelsDay() {
        let (store, stays) = Self.store(departing: ["2028-01-01T01:00"], zone: Self.taipei)
        let revisit = WorkItemID.stayRevisit(stays[0]).description
        let now = Self.at("2028-06-01T00:00")
        let inTaipei = WorkRules(zone: Self.taipei)
        #expect(Self.ids(RevisitPlan(period: Self.period("2028-01"), store: store, rules: inTaipei, now: now)) == [revisit])
        #expect(RevisitPlan(period: Self.period("2028-01"), store: store, rules: inTaipei, now: now).revisits.first?.day == Self.day("2028-01-03"))
        let inUTC = WorkRules(zone: Self.utc)
        #expect(RevisitPlan(period: Self.period("2028-01"), store: store, rules: inUTC, now: now).revisits.first?.day == Self.day("2028-01-02"))
    }

    // MARK: Figures

    static func revisit(_ serial: Int, _ kind: GuestKind, _ day: String, _ outcome: PlannedRevisit.Outcome) -> PlannedRevisit {
        PlannedRevisit(id: .stayRevisit(ConfirmationNumber(serial: serial)), kind: kind, file: nil, day: Self.day(day),
                       due: WorkRules(zone: utc).endOfDay(Self.day(day)), outcome: outcome)
    }

    static let sample = [
        revisit(100_001, .business, "2027-01-04", .surveyed(SurveyNumber(serial: 100_002))),
        revisit(100_002, .business, "2027-01-05", .declined),
        revisit(100_003, .business, "2027-01-06", .pending),
        revisit(100_004, .vip, "2027-01-20", .pending),
        revisit(100_005, .individual, "2027-01-21", .surveyed(nil)),
        revisit(100_006, .vip, "2027-02-01", .surveyed(nil)),  // the next month
        revisit(100_007, .group, "2026-12-31", .pending),  // the month before
    ]

    /// Done is surveyed or declined; open until the revisit's day is over, overdue after.
    @Test func completionIsDoneOverPlannedForThePlanAndEachKind() {
        let plan = RevisitPlan(period: Self.period("2027-01"), from: Self.sample, at: Self.at("2027-01-07T00:00"))
        #expect(plan.kinds == [.individual, .business, .group, .vip])
        #expect(plan.revisits.count == 5, "the other months' are left out")
        let business = plan.tally(of: .business)
        #expect([business.planned, business.surveyed, business.declined, business.open, business.overdue] == [3, 1, 1, 0, 1])
        #expect(business.done == 2 && business.completion == 2.0 / 3.0 && business.completion(per: 1000) == 667)
        let vip = plan.tally(of: .vip)
        #expect(vip.planned == 1 && vip.open == 1 && vip.completion == 0)
        #expect(plan.tally(of: .individual).completion == 1 && plan.tally(of: .individual).completion(per: 1000) == 1000)
        #expect(plan.tally(of: .group) == PlanTally() && plan.tally(of: .group).completion == nil, "its one revisit is December's")
        let total = plan.tally
        #expect(total.planned == 5 && total.done == 3 && total.completion == 0.6 && total.completion(per: 10_000) == 6000)
        #expect(total.planned == plan.kinds.map { plan.tally(of: $0).planned }.reduce(0, +))
        // The third business revisit, due on the 6th: open through that day, overdue from midnight.
        let third = Self.sample[2]
        #expect(third.status(at: Self.at("2027-01-06T23:59")) == .open && third.status(at: Self.at("2027-01-07T00:00")) == .overdue)
        #expect(RevisitPlan(period: Self.period("2027-01"), from: Self.sample, at: Self.at("2027-01-06T12:00")).tally(of: .business).open == 1)
    }

    @Test func aPlanForSomeKindsLeavesTheOthersOut() {
        let plan = RevisitPlan(period: Self.period("2027-Q1"), kinds: [.vip, .business], from: Self.sample, at: Self.at("2027-03-01T00:00"))
        #expect(plan.kinds == [.business, .vip], "in the kinds' order, whatever order they were asked in")
        #expect(Set(plan.revisits.map(\.kind)) == [.business, .vip] && plan.revisits.count == 5)
        #expect(plan.tally.planned == 5 && plan.tally.done == 3)
        #expect(plan.tally(of: .individual) == PlanTally(), "a kind not asked for counts nothing")
        #expect(plan.revisits.map(\.day) == plan.revisits.map(\.day).sorted(), "by due day")
    }

    @Test func aPlanWithNothingPlannedHasNoCompletion() {
        let empty = RevisitPlan(period: Self.period("2030"), from: Self.sample, at: Self.at("2027-03-01T00:00"))
        #expect(empty.revisits.isEmpty && empty.tally.planned == 0 && empty.tally.done == 0)
        #expect(empty.tally.completion == nil && empty.tally.completion(per: 1000) == nil)
        #expect(RevisitPlan(period: Self.period("2027"), from: [], at: .at(0)).tally == PlanTally())
        #expect(GuestKind.allCases.allSatisfy { empty.tally(of: $0).completion == nil })
    }

    // MARK: From the records

    /// Every complaint is planned on the day its guest was promised, resolved or not; a
    /// revisit counts under its file's kind as it stands when the plan is read; what the
    /// console recorded decides where each stands.
    @Test func complaintsAndStaysArePlannedUnderTheirFilesKindNow() throws {
        let (store, stays) = Self.store(departing: ["2027-01-02T10:00", "2027-01-03T10:00"])
        let rules = WorkRules(zone: Self.utc)
        func complaint(_ phone: String, _ promised: String, token: UInt64) -> ComplaintTicket {
            store.fileComplaint(ComplaintTicket.Request(category: "housekeeping", details: "no towels", expectedResolution: "towels",
                                                        guestName: "Li Wei", phone: phone, roomNumber: nil, language: "en",
                                                        followUpBy: Self.day(promised), session: "s"), now: Self.at("2027-01-02T09:00"), token: token)
        }
        let resolved = complaint("+88691230", "2027-01-05", token: 50)  // the first stay's guest
        let waiting = complaint("+34600000000", "2027-01-05", token: 51)
        func step(_ item: WorkItemID, _ action: WorkAction, _ text: String? = nil, token: UInt64) {
            let step = WorkStep(item: item, action: action, text: text, by: "console:mei", createdAt: Self.at("2027-01-04T10:00"))
            guard case .pending = store.record(step, rules: rules, token: token) else { preconditionFailure("\(action) on \(item) refused") }
        }
        step(.complaint(resolved.number), .investigate, token: 60)
        step(.complaint(resolved.number), .resolve, "towels brought", token: 61)
        step(.complaintRevisit(resolved.number), .surveyed, SurveyNumber(serial: 100_002).description, token: 62)
        step(.stayRevisit(stays[1]), .declined, token: 63)
        let firstFile = try #require(store.booking(stays[0])?.reservation.guestFile)
        #expect(resolved.guestFile == firstFile, "one guest, one file")
        _ = store.change(GuestFileChange(file: firstFile, field: .kind(.vip), by: "console:mei", createdAt: Self.at("2027-01-10T00:00")), token: 70)
        _ = store.takeAcknowledgements()

        let plan = RevisitPlan(period: Self.period("2027-01"), store: store, rules: rules, now: Self.at("2027-01-06T00:00"))
        let byID = Dictionary(uniqueKeysWithValues: plan.revisits.map { ($0.id, $0) })
        #expect(plan.revisits.count == 4)
        let first = try #require(byID[.stayRevisit(stays[0])]), second = try #require(byID[.stayRevisit(stays[1])])
        let answered = try #require(byID[.complaintRevisit(resolved.number)]), owed = try #require(byID[.complaintRevisit(waiting.number)])
        #expect(first.kind == .vip && answered.kind == .vip && first.file == firstFile, "the file was made VIP after: its revisits follow it")
        #expect(second.kind == .individual && owed.kind == .individual)
        #expect(plan.status(of: first) == .overdue && first.day == Self.day("2027-01-04"))
        #expect(plan.status(of: second) == .declined && plan.status(of: answered) == .surveyed)
        #expect(answered.outcome == .surveyed(SurveyNumber(serial: 100_002)) && answered.isOnList)
        #expect(plan.status(of: owed) == .overdue && !owed.isOnList && owed.day == Self.day("2027-01-05"),
                "not resolved, not on the list: owed all the same")
        #expect(plan.tally(of: .vip).completion == 0.5 && plan.tally(of: .individual).completion == 0.5)
        let vipOnly = RevisitPlan(period: Self.period("2027-01"), kinds: [.vip], store: store, rules: rules, now: Self.at("2027-01-06T00:00"))
        #expect(Set(vipOnly.revisits.map(\.id)) == [.stayRevisit(stays[0]), .complaintRevisit(resolved.number)])
    }

    /// A complaint from before every guest had a file names none: it counts under its
    /// phone's file, or as an individual's when the phone has none.
    @Test func aComplaintWithoutAFileCountsUnderItsPhonesFile() throws {
        let request = { (phone: String) in
            ComplaintTicket.Request(category: "other", details: "noise", expectedResolution: "quiet", guestName: "Ann", phone: phone,
                                    roomNumber: nil, language: "en", followUpBy: Self.day("2027-01-05"), session: "s")
        }
        let file = GuestFileNumber(arrival: Self.day("2027-01-01"), serial: 1)
        let booking = Reservation(number: ConfirmationNumber(serial: 100_001), guestFile: file,
                                  request: HotelStoreTests.booking(phone: "+441", from: Self.day("2027-02-01")), status: .confirmed,
                                  createdAt: Self.at("2027-01-01T09:00"), fileKind: .business)
        let known = ComplaintTicket(number: TicketNumber(serial: 100_001), request: request("+441"), status: .open, createdAt: Self.at("2027-01-02T09:00"))
        let stranger = ComplaintTicket(number: TicketNumber(serial: 100_002), request: request("+442"), status: .open, createdAt: Self.at("2027-01-02T09:00"))
        let store = HotelStore(log: MemoryLog(), recovered: [.reservation(booking), .complaint(known), .complaint(stranger)])
        let plan = RevisitPlan(period: Self.period("2027-01"), store: store, rules: WorkRules(zone: Self.utc), now: Self.at("2027-01-03T00:00"))
        #expect(plan.revisits.map(\.kind) == [.individual, .business], "the stranger's first: same day, kinds in order")
        #expect(plan.revisits.map(\.file) == [nil, file])
        #expect(plan.revisits.map { plan.status(of: $0) } == [.open, .open])
    }
}
