import HotelCalendar
import Storage
import TestSupport

/// A seeded month at the hotel, built in the store directly (no sockets, no waiting): calls
/// with their lengths and waits for a person, bookings made, changed and cancelled, stays
/// arriving and departing, complaints looked into and resolved (some late, some never),
/// callbacks, surveys on the line, revisit calls surveyed or declined at the console, and
/// guests made VIP or business. Everything happens in time order, as on a real line, on a
/// hotel clock eight hours ahead of UTC, from a week before `first` to a few days after `last`.
struct SimulatedMonth {
    static let zone = HotelTimeZone("+08:00")!
    static let rules = WorkRules(zone: zone)
    static let policy = BookingPolicy(zone: zone)
    static let categories = ["front-desk", "housekeeping", "food-and-beverage", "security", "engineering", "other"]
    static let dimensions = ["front_desk", "housekeeping", "food", "security", "room", "facilities", "environment"]

    let store = HotelStore(log: MemoryLog())
    /// Calls made, for the test to know the month is not empty.
    private(set) var calls = 0
    let first: CivilDate
    let last: CivilDate
    /// When the month is read: the morning after the simulation stops.
    let now: WallTime
    private var random: SeededGenerator
    private var token: UInt64 = 0
    /// What is still to happen: when, in the order it was planned, and what.
    private var plans: [(at: WallTime, order: Int, act: (inout SimulatedMonth) -> Void)] = []
    private var planned = 0
    private let end: WallTime

    init(seed: UInt64, first: CivilDate, last: CivilDate) {
        self.first = first
        self.last = last
        random = SeededGenerator(seed: seed)
        end = Self.zone.wallTime(of: LocalMoment(date: last.adding(days: 3), time: TimeOfDay(hour: 0, minute: 0)!))
        now = Self.zone.wallTime(of: LocalMoment(date: last.adding(days: 3), time: TimeOfDay(hour: 9, minute: 0)!))
        var day = first.adding(days: -7)
        while day <= last.adding(days: 2) {
            let calls = Int.random(in: 2...8, using: &random)
            for _ in 0..<calls { plan(at: moment(day, from: 7, to: 23)) { $0.call() } }
            day = day.adding(days: 1)
        }
        while let (time, act) = takeNext() {
            currentTime = time
            act(&self)
        }
    }

    /// The plan due first (the first planned of those due at once), taken off the list: the
    /// list is kept latest first, so it is the last.
    private mutating func takeNext() -> (WallTime, (inout SimulatedMonth) -> Void)? {
        guard let next = plans.popLast() else { return nil }
        return (next.at, next.act)
    }

    /// Plans `act` at `at` (now, if that has passed), unless that is past the simulation's
    /// end (it never happened).
    private mutating func plan(at: WallTime, _ act: @escaping (inout SimulatedMonth) -> Void) {
        guard at < end else { return }
        planned += 1
        let when = max(at, currentTime)
        // After every plan due later, before those due at once (planned earlier: they go first).
        var low = 0, high = plans.count
        while low < high {
            let middle = (low + high) / 2
            if plans[middle].at > when { low = middle + 1 } else { high = middle }
        }
        plans.insert((when, planned, act), at: low)
    }

    /// The time of what is happening now.
    private var currentTime = WallTime(millisecondsSince1970: 0)

    private mutating func moment(_ day: CivilDate, from: Int, to: Int) -> WallTime {
        let minute = Int.random(in: from * 60..<to * 60, using: &random)
        return Self.zone.wallTime(of: LocalMoment(date: day, time: TimeOfDay(hour: minute / 60, minute: minute % 60)!))
            .adding(milliseconds: Int64.random(in: 0..<60_000, using: &random))
    }

    private mutating func nextToken() -> UInt64 {
        token += 1
        return token
    }

    private mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }

    private mutating func phone() -> String { "+8525\(Int.random(in: 1_000_000...9_999_999, using: &random))" }

    // MARK: What happens

    /// A call: its length, perhaps waits for a person, and perhaps a record made on it.
    private mutating func call() {
        let start = currentTime
        let length = Int64.random(in: 5_000...900_000, using: &random)
        var waits: [PersonWait] = []
        if chance(0.35) {
            for _ in 0..<(chance(0.15) ? 2 : 1) {
                let ending = PersonWait.Ending.allCases.randomElement(using: &random)!
                let waited = ending == .nobodyOnDuty ? 0 : Int64.random(in: 0...60_000, using: &random)
                waits.append(PersonWait(milliseconds: waited, ending: ending))
            }
        }
        calls += 1
        let session = "sim-\(calls)"
        store.recordCall(CallRecord(session: session, startedAt: start, endedAt: start.adding(milliseconds: length),
                                    language: ["en", "zh-Hant", "zh-Hans", "es"].randomElement(using: &random)!, waits: waits),
                         token: nextToken())
        let made = start.adding(milliseconds: length / 2)
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.3 {
            plan(at: made) { $0.book(session: session) }
        } else if roll < 0.5 {
            plan(at: made) { $0.complain(session: session) }
        } else if roll < 0.6 {
            plan(at: made) { $0.askForCallback(session: session) }
        } else if roll < 0.75 {
            plan(at: made) { $0.answerSurvey(session: session, stay: nil) }
        }
    }

    private mutating func book(session: String) {
        let today = Self.rules.localDate(currentTime)
        let checkIn = today.adding(days: Int.random(in: 0...8, using: &random))
        let request = Reservation.Request(guestName: "Guest \(token)", phone: phone(), email: nil, checkIn: checkIn,
                                          checkOut: checkIn.adding(days: Int.random(in: 1...4, using: &random)),
                                          rooms: Int.random(in: 1...5, using: &random), roomType: "standard", rate: 120, language: "en",
                                          session: session)
        guard case .pending(let reservation) = store.reserve(request, inventory: 500, now: currentTime, token: nextToken()) else { return }
        let number = reservation.number
        if chance(0.2) {
            let kind: GuestKind = chance(0.5) ? .vip : .business
            plan(at: currentTime.adding(seconds: 30)) { $0.makeFile(reservation.guestFile, kind) }
        }
        if chance(0.15) {
            // Some a few hours later, some too late (after the check-in day: refused).
            plan(at: currentTime.adding(seconds: Double.random(in: 3_600...200_000, using: &random))) { $0.changeDates(number) }
        }
        if chance(0.1) {
            plan(at: currentTime.adding(seconds: 600)) { $0.cancel(number) }
        }
        plan(at: moment(checkIn, from: 15, to: 20)) { $0.move(number, .arrived) }
    }

    private mutating func makeFile(_ file: GuestFileNumber, _ kind: GuestKind) {
        _ = store.change(GuestFileChange(file: file, field: .kind(kind), by: "console:sara", createdAt: currentTime), token: nextToken())
    }

    private mutating func changeDates(_ number: ConfirmationNumber) {
        guard let booking = store.booking(number) else { return }
        var terms = booking.terms
        terms = StayTerms(checkIn: terms.checkIn, checkOut: terms.checkOut.adding(days: 1), rooms: terms.rooms, roomType: terms.roomType, rate: terms.rate)
        guard case .quote(_, let fee) = store.quoteChange(number, to: terms, inventory: 500, policy: Self.policy, now: currentTime) else { return }
        _ = store.change(number, to: terms, agreedFee: fee, inventory: 500, policy: Self.policy, now: currentTime, language: "en",
                         session: "sim-change", token: nextToken())
    }

    private mutating func cancel(_ number: ConfirmationNumber) {
        guard case .success(let fee)? = store.quoteCancellation(number, policy: Self.policy, now: currentTime) else { return }
        _ = store.cancel(number, agreedFee: fee, policy: Self.policy, now: currentTime, language: "en", session: "sim-cancel", token: nextToken())
    }

    private mutating func move(_ number: ConfirmationNumber, _ kind: StayMove.Kind) {
        guard case .pending = store.move(number, kind, policy: Self.policy, now: currentTime, by: "console:sara", token: nextToken()) else { return }
        guard kind == .arrived, let booking = store.booking(number) else {
            if kind == .departed { planRevisit(.stayRevisit(number), due: Self.rules.localDate(currentTime).adding(days: 2)) }
            return
        }
        plan(at: moment(booking.terms.checkOut, from: 8, to: 12)) { $0.move(number, .departed) }
    }

    private mutating func complain(session: String) {
        let today = Self.rules.localDate(currentTime)
        let ticket = store.fileComplaint(ComplaintTicket.Request(
            category: Self.categories.randomElement(using: &random)!, details: "it was not right", expectedResolution: "put it right",
            guestName: "Guest \(token)", phone: phone(), roomNumber: nil, language: "en", followUpBy: today.adding(days: 3), session: session),
            now: currentTime, token: nextToken(), today: today)
        guard chance(0.85) else { return }
        // Looked into mostly the same day, sometimes the next.
        let delay = Double.random(in: 600...(chance(0.8) ? 20_000 : 120_000), using: &random)
        plan(at: currentTime.adding(seconds: delay)) {
            $0.step(.complaint(ticket.number), .investigate, "looking into it")
            guard $0.chance(0.8) else { return }
            let delay = Double.random(in: 3_600...400_000, using: &$0.random)
            $0.plan(at: $0.currentTime.adding(seconds: delay)) {
                $0.step(.complaint(ticket.number), .resolve, "put right")
                $0.planRevisit(.complaintRevisit(ticket.number), due: ticket.request.followUpBy)
            }
        }
    }

    /// A revisit call made (surveyed or declined) around its due day, or never.
    private mutating func planRevisit(_ item: WorkItemID, due: CivilDate) {
        guard chance(0.7) else { return }
        plan(at: moment(due.adding(days: Int.random(in: -1...1, using: &random)), from: 9, to: 18)) { month in
            guard month.chance(0.6) else { return month.step(item, .declined, nil) }
            let stay: ConfirmationNumber? = if case .stayRevisit(let number) = item { number } else { nil }
            let survey = month.answerSurvey(session: "console:li", stay: stay)
            month.step(item, .surveyed, survey.description)
        }
    }

    @discardableResult
    private mutating func answerSurvey(session: String, stay: ConfirmationNumber?) -> SurveyNumber {
        var ratings: [String: Int] = [:]
        for dimension in Self.dimensions where chance(0.7) { ratings[dimension] = Int.random(in: 1...5, using: &random) }
        let declined = stay == nil && chance(0.1)
        let response = store.recordSurvey(SurveyResponse.Request(
            declined: declined, confirmation: stay, guestName: nil, phone: phone(), ratings: declined ? [:] : ratings,
            stayAgain: declined || chance(0.2) ? nil : chance(0.7), recommend: declined || chance(0.2) ? nil : chance(0.75),
            suggestions: nil, language: "en", session: session), now: currentTime, token: nextToken(), today: Self.rules.localDate(currentTime))
        return response.number
    }

    private mutating func askForCallback(session: String) {
        _ = store.requestCallback(CallbackRequest.Request(phone: phone(), guestName: nil, dueAt: currentTime.adding(seconds: 7200), windowMinutes: 30,
                                                          reason: "a question", callLanguage: "en", language: "en", session: session),
                                  now: currentTime, token: nextToken(), today: Self.rules.localDate(currentTime))
    }

    private mutating func step(_ item: WorkItemID, _ action: WorkAction, _ text: String?) {
        _ = store.record(WorkStep(item: item, action: action, text: text, by: "console:mei", createdAt: currentTime), rules: Self.rules,
                         token: nextToken())
    }
}
