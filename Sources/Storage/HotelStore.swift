import HotelCalendar

/// The hotel's records for the line: decides availability and gives out numbers (so a
/// database can take both over later), queues records for the journal, and reports which
/// ones are durable so a number is spoken only after its record is on disk.
///
/// Confined to the event-loop thread.
public final class HotelStore {
    /// The outcome of asking for a booking.
    public enum BookingDecision: Equatable, Sendable {
        /// Queued; tell the guest nothing until `token` is acknowledged.
        case pending(Reservation)
        /// Not enough rooms of that type for every night of the stay.
        case full(roomsLeft: Int)
    }

    /// What a change to a booking would be, or why it cannot be made.
    public enum ChangeQuote: Equatable, Sendable {
        /// The booking's terms after the change, and what the policy charges for it now.
        case quote(StayTerms, fee: Int)
        /// The terms asked for are the terms the booking has.
        case unchanged
        /// Not enough rooms of the type asked for on every night, the booking's own rooms counted free.
        case full(roomsLeft: Int)
        /// The new arrival day is over (midnight came since the guest gave the dates).
        case datesPassed
        case refused(StayRefusal)
        case unknown
    }

    /// The outcome of asking for a change, a cancellation or a stay's move.
    public enum StayDecision: Equatable, Sendable {
        /// Queued; tell the guest nothing until `token` is acknowledged.
        case pending(HotelRecord)
        /// The terms asked for are the terms the booking has: nothing was queued.
        case unchanged
        case full(roomsLeft: Int)
        case datesPassed
        /// The policy charges more now than the guest agreed to (the free window closed
        /// since the fee was quoted): nothing was queued; quote this one.
        case feeRaised(Int)
        case refused(StayRefusal)
        case unknown
    }

    /// A queued record's fate, reported once.
    public struct Acknowledgement: Sendable {
        public let token: UInt64
        public let record: HotelRecord
        /// Nil when durable; otherwise why the record was refused (and it was taken back out).
        public let failure: JournalError?
    }

    private(set) var state = HotelState()
    private let log: RecordLog
    private var pending: [UInt64: HotelRecord] = [:]
    private let snapshotThreshold: Int

    /// Builds the state from recovered records, in order, and appends to `log` from now on.
    /// Once `log.bytesSinceSnapshot` reaches `snapshotThreshold` after an append, the store
    /// hands the log a snapshot of every live record (see `StoreSettings`).
    public init(log: RecordLog, recovered: [HotelRecord] = [], snapshotThreshold: Int = StoreSettings().snapshotThreshold) {
        precondition(snapshotThreshold > 0, "snapshotThreshold must be positive")
        self.log = log
        self.snapshotThreshold = snapshotThreshold
        state.reserveCapacity(for: recovered)
        for record in recovered { state.apply(record) }
    }

    public var recordCount: Int { state.recordCount }

    /// Takes up numbering where the journal's marks say: the reservations on disk, and no
    /// number up to the marks passed over when records were lost (`recovery.passedOver`),
    /// so no number a guest may have been told comes round again, whatever was cut,
    /// repaired or deleted. Returns the next numbers, in words, for the log.
    func passOverNumbers(marks: HighWaterMarks, passedOver: HighWaterMarks, recordsLost: Bool) -> String {
        let next = state.resume(marks: marks, passedOver: passedOver, recordsLost: recordsLost)
        return "the next numbers given are " + [
            ConfirmationNumber(serial: next.confirmation).description, TicketNumber(serial: next.ticket).description,
            CallbackNumber(serial: next.callback).description, SurveyNumber(serial: next.survey).description,
            ChangeNumber(serial: next.change).description, CancellationNumber(serial: next.cancellation).description,
        ].joined(separator: ", ") + " and guest file serials from \(next.guestFile) on every arrival day"
    }

    // MARK: Questions

    /// Rooms of `roomType` free on every night of the stay, given the hotel's `inventory` of it.
    public func roomsLeft(_ roomType: String, from checkIn: CivilDate, to checkOut: CivilDate, inventory: Int) -> Int {
        max(0, inventory - state.mostBooked(roomType, from: checkIn, to: checkOut))
    }

    public func reservation(_ number: ConfirmationNumber) -> Reservation? { state.reservations[number] }

    /// The booking as it stands now: terms, state and history.
    public func booking(_ number: ConfirmationNumber) -> Booking? { state.booking(number) }

    /// Every booking as it stands now, in number order.
    public var bookings: [Booking] {
        state.reservations.keys.sorted().compactMap { state.booking($0) }
    }

    /// Rooms of `roomType` free on every night of the stay for the booking `number`: its own
    /// rooms count as free on its own nights.
    public func roomsLeft(_ roomType: String, from checkIn: CivilDate, to checkOut: CivilDate, inventory: Int,
                          sparing number: ConfirmationNumber) -> Int {
        let own = state.booking(number).flatMap { $0.state.holdsRooms ? $0.terms : nil }
        return max(0, inventory - state.mostBooked(roomType, from: checkIn, to: checkOut, sparing: own))
    }

    /// Bookings still to come whose check-in day (on the policy's clock) is over: the line
    /// records each as a no-show. Only the last `lookbackDays` days are looked at, so
    /// bookings from before stays were followed are not charged.
    public func staysNotArrived(policy: BookingPolicy, now: WallTime, lookbackDays: Int = 7) -> [ConfirmationNumber] {
        state.staysNotArrived(before: policy.zone.localMoment(at: now).date, lookbackDays: lookbackDays)
    }

    public func guestFile(phone: String) -> GuestFile? { state.guestFileByPhone[phone].flatMap { state.guestFiles[$0] } }

    public func guestFile(_ number: GuestFileNumber) -> GuestFile? { state.guestFiles[number] }

    /// What is on record for a phone number (numbers only), nil for a first-time caller.
    public func caller(phone: String) -> CallerRecords? { state.callers[phone] }

    public func complaint(_ number: TicketNumber) -> ComplaintTicket? { state.complaints[number] }

    public func callback(_ number: CallbackNumber) -> CallbackRequest? { state.callbacks[number] }

    public func survey(_ number: SurveyNumber) -> SurveyResponse? { state.surveys[number] }

    public var reservations: Dictionary<ConfirmationNumber, Reservation>.Values { state.reservations.values }
    public var complaints: Dictionary<TicketNumber, ComplaintTicket>.Values { state.complaints.values }
    public var callbacks: Dictionary<CallbackNumber, CallbackRequest>.Values { state.callbacks.values }
    public var surveys: Dictionary<SurveyNumber, SurveyResponse>.Values { state.surveys.values }
    public var guestFiles: Dictionary<GuestFileNumber, GuestFile>.Values { state.guestFiles.values }

    // MARK: Commands

    // Every record is made the same way: the caller says what was asked, and the store
    // gives the number (and for a booking, decides the rooms and the guest file), stamps
    // `now` (milliseconds since 1970) and the first status, and queues it under `token`.

    /// Books if every night has room, counting bookings not yet durable too (no overbooking).
    /// A booking that opens its guest's file with `groupRooms` rooms or more opens it as a
    /// group's (`group-rooms` in hotel.conf).
    public func reserve(_ request: Reservation.Request, inventory: Int, now: WallTime, token: UInt64,
                        groupRooms: Int = HotelStore.defaultGroupRooms) -> BookingDecision {
        let left = roomsLeft(request.roomType, from: request.checkIn, to: request.checkOut, inventory: inventory)
        guard left >= request.rooms else { return .full(roomsLeft: left) }
        let opensFile = state.guestFileByPhone[request.phone] == nil
        let reservation = Reservation(
            number: ConfirmationNumber(serial: state.nextSerial(\.confirmation, first: ConfirmationNumber.firstSerial)),
            guestFile: state.guestFile(forPhone: request.phone, arriving: request.checkIn),
            request: request, status: .confirmed, createdAt: now,
            fileKind: opensFile && request.rooms >= groupRooms ? .group : .individual)
        queue(.reservation(reservation), token: token)
        return .pending(reservation)
    }

    /// Rooms in one booking from which it opens its file as a group's, unless hotel.conf says.
    public static let defaultGroupRooms = 4

    // A complaint, callback or survey from a phone with no file opens one, numbered by
    // `today` (the day of the call on the hotel's clock; the UTC day of `now` if not given).

    public func fileComplaint(_ request: ComplaintTicket.Request, now: WallTime, token: UInt64, today: CivilDate? = nil) -> ComplaintTicket {
        let ticket = ComplaintTicket(number: TicketNumber(serial: state.nextSerial(\.ticket, first: TicketNumber.firstSerial)),
                                     request: request, status: .open, createdAt: now,
                                     guestFile: state.guestFile(forPhone: request.phone, arriving: today ?? Self.utcDay(of: now)))
        queue(.complaint(ticket), token: token)
        return ticket
    }

    public func requestCallback(_ request: CallbackRequest.Request, now: WallTime, token: UInt64, today: CivilDate? = nil) -> CallbackRequest {
        let callback = CallbackRequest(number: CallbackNumber(serial: state.nextSerial(\.callback, first: CallbackNumber.firstSerial)),
                                       request: request, status: .pending, createdAt: now,
                                       guestFile: state.guestFile(forPhone: request.phone, arriving: today ?? Self.utcDay(of: now)))
        queue(.callback(callback), token: token)
        return callback
    }

    /// A survey of a stay goes on that stay's file; one without a stay, on the phone's.
    public func recordSurvey(_ request: SurveyResponse.Request, now: WallTime, token: UInt64, today: CivilDate? = nil) -> SurveyResponse {
        let file = request.confirmation.flatMap { state.reservations[$0]?.guestFile }
            ?? request.phone.map { state.guestFile(forPhone: $0, arriving: today ?? Self.utcDay(of: now)) }
        let response = SurveyResponse(number: SurveyNumber(serial: state.nextSerial(\.survey, first: SurveyNumber.firstSerial)),
                                      request: request, createdAt: now, guestFile: file)
        queue(.survey(response), token: token)
        return response
    }

    /// What changing booking `number` to `terms` would come to at `now`: checked against
    /// the stay's state, the rooms (its own free to it) and the policy, but not made.
    public func quoteChange(_ number: ConfirmationNumber, to terms: StayTerms, inventory: Int, policy: BookingPolicy,
                            now: WallTime) -> ChangeQuote {
        guard let booking = state.booking(number) else { return .unknown }
        let today = policy.zone.localMoment(at: now).date
        if case .failure(let refusal) = booking.state.after(.change, checkIn: booking.terms.checkIn, today: today) { return .refused(refusal) }
        guard terms != booking.terms else { return .unchanged }
        precondition(terms.nights > 0 && terms.rooms > 0, "Invalid change: \(terms.rooms) rooms for \(terms.nights) nights")
        guard terms.checkIn >= today else { return .datesPassed }
        let left = roomsLeft(terms.roomType, from: terms.checkIn, to: terms.checkOut, inventory: inventory, sparing: number)
        guard left >= terms.rooms else { return .full(roomsLeft: left) }
        return .quote(terms, fee: policy.changeFee(from: booking.terms.priced, to: terms.priced, at: now))
    }

    /// Changes booking `number` to `terms` if its state allows, every night has room (its
    /// own rooms counted free) and the policy's fee now is at most `agreedFee` (the fee
    /// recorded is the policy's): decided here, in one step, so two guests racing for the
    /// last room by booking and by changing cannot both have it.
    public func change(_ number: ConfirmationNumber, to terms: StayTerms, agreedFee: Int, inventory: Int, policy: BookingPolicy,
                       now: WallTime, language: String, session: String, token: UInt64) -> StayDecision {
        switch quoteChange(number, to: terms, inventory: inventory, policy: policy, now: now) {
        case .quote(let terms, let fee):
            guard fee <= agreedFee else { return .feeRaised(fee) }
            let change = BookingChange(
                number: ChangeNumber(serial: state.nextSerial(\.change, first: ChangeNumber.firstSerial)),
                request: BookingChange.Request(confirmation: number, terms: terms, fee: fee, language: language, session: session),
                previous: state.booking(number)!.terms, createdAt: now)
            queue(.change(change), token: token)
            return .pending(.change(change))
        case .unchanged: return .unchanged
        case .full(let left): return .full(roomsLeft: left)
        case .datesPassed: return .datesPassed
        case .refused(let refusal): return .refused(refusal)
        case .unknown: return .unknown
        }
    }

    /// What cancelling booking `number` costs at `now`, or why it cannot be cancelled.
    public func quoteCancellation(_ number: ConfirmationNumber, policy: BookingPolicy, now: WallTime) -> Result<Int, StayRefusal>? {
        guard let booking = state.booking(number) else { return nil }
        let today = policy.zone.localMoment(at: now).date
        return booking.state.after(.cancel, checkIn: booking.terms.checkIn, today: today)
            .map { _ in policy.cancellationFee(booking.terms.priced, at: now) }
    }

    /// Cancels booking `number` if its state allows and the policy's fee now is at most
    /// `agreedFee`; its rooms are free from this moment (before the record is durable, as a
    /// booking's are held from its queueing).
    public func cancel(_ number: ConfirmationNumber, agreedFee: Int, policy: BookingPolicy, now: WallTime, language: String,
                       session: String, token: UInt64) -> StayDecision {
        switch quoteCancellation(number, policy: policy, now: now) {
        case nil: return .unknown
        case .failure(let refusal)?: return .refused(refusal)
        case .success(let fee)?:
            guard fee <= agreedFee else { return .feeRaised(fee) }
            let cancellation = BookingCancellation(
                number: CancellationNumber(serial: state.nextSerial(\.cancellation, first: CancellationNumber.firstSerial)),
                request: BookingCancellation.Request(confirmation: number, fee: fee, language: language, session: session), createdAt: now)
            queue(.cancellation(cancellation), token: token)
            return .pending(.cancellation(cancellation))
        }
    }

    /// Moves the stay `number` on (arrived, departed, no-show) if its state allows at `now`;
    /// a no-show carries the policy's no-show fee.
    public func move(_ number: ConfirmationNumber, _ kind: StayMove.Kind, policy: BookingPolicy, now: WallTime, by: String,
                     token: UInt64) -> StayDecision {
        guard let booking = state.booking(number) else { return .unknown }
        let today = policy.zone.localMoment(at: now).date
        if case .failure(let refusal) = booking.state.after(kind.event, checkIn: booking.terms.checkIn, today: today) { return .refused(refusal) }
        let fee = kind == .noShow ? policy.noShowCharge(booking.terms.priced) : 0
        let move = StayMove(confirmation: number, kind: kind, fee: fee, by: by, createdAt: now)
        queue(.stayMove(move), token: token)
        return .pending(.stayMove(move))
    }

    // MARK: Work lists

    /// What came of a step asked for on a work item.
    public enum WorkDecision: Equatable, Sendable {
        /// Queued; confirm nothing until `token` is acknowledged.
        case pending(WorkStep)
        case refused(WorkRefusal)
    }

    /// The item `id` as it stands at `now` (its record, and every step taken on it).
    public func workItem(_ id: WorkItemID, rules: WorkRules, now: WallTime) -> WorkItem? {
        state.workItem(id, rules: rules, now: now)
    }

    /// Every item on `list` at `now`, done ones too, in no order.
    public func workItems(on list: WorkList, rules: WorkRules, now: WallTime) -> [WorkItem] {
        state.workItems(on: list, rules: rules, now: now)
    }

    /// Counts every list's items not done and, of those, the overdue ones at `now`, from the
    /// records as they stand at this call. The records are captured as a value (copy-on-write,
    /// in constant time), so the function returned may run on any thread while the line goes
    /// on: counting walks every record, which is no work for the event loop.
    public func workCounter(rules: WorkRules, now: WallTime) -> @Sendable () -> [(list: WorkList, open: Int, overdue: Int)] {
        let records = state
        return {
            WorkList.allCases.map { list in
                let open = records.workItems(on: list, rules: rules, now: now).filter { !$0.stage.isDone }
                return (list, open.count, open.count { $0.isOverdue(at: now) })
            }
        }
    }

    /// Takes `step` if it fits its item as it stands at the step's time (two agents racing
    /// for one item: the first step queued wins, the second is refused against it).
    public func record(_ step: WorkStep, rules: WorkRules, token: UInt64) -> WorkDecision {
        guard let item = state.workItem(step.item, rules: rules, now: step.createdAt) else { return .refused(.unknown(step.item)) }
        if let refusal = item.check(step, rules: rules) { return .refused(refusal) }
        queue(.workStep(step), token: token)
        return .pending(step)
    }

    /// Complaints nobody has looked into or passed to their department's head yet.
    public var complaintsAwaitingInvestigation: Set<TicketNumber> { state.complaintsAwaitingInvestigation }

    /// Special needs recorded for the stay `number` (at its arrival call or by an agent).
    public func specialNeeds(_ number: ConfirmationNumber) -> [String] {
        (state.workSteps[.arrival(number)] ?? []).compactMap { step in
            switch step.action {
            case .needs, .confirmed: return step.text.flatMap { $0.isEmpty ? nil : $0 }
            default: return nil
            }
        }
    }

    /// Special needs on the guest's file: those of every stay on it, oldest first.
    public func specialNeeds(file number: GuestFileNumber) -> [String] {
        (state.guestFiles[number]?.reservations ?? []).flatMap(specialNeeds)
    }

    private static func utcDay(of now: WallTime) -> CivilDate {
        let ms = now.millisecondsSince1970
        return CivilDate(dayNumber: Int(ms >= 0 ? ms / 86_400_000 : (ms + 1) / 86_400_000 - 1))
    }

    // MARK: Guest files

    /// What the file `number` comes to now: stays departed, their spending, its segment.
    public func standing(of number: GuestFileNumber, thresholds: GuestSegment.Thresholds) -> GuestStanding? {
        guard let file = state.guestFiles[number] else { return nil }
        var stays = 0, spending = 0
        for confirmation in file.reservations {
            guard let booking = state.booking(confirmation), booking.state == .departed else { continue }
            stays += 1
            spending += booking.terms.total
        }
        return GuestStanding(stays: stays, spending: spending, segment: thresholds.segment(spending: spending, kind: file.kind))
    }

    /// What came of a change asked for on a guest file.
    public enum FileDecision: Equatable, Sendable {
        /// Queued; confirm nothing until `token` is acknowledged.
        case pending(GuestFileChange)
        /// It holds that already: nothing was queued.
        case unchanged
        case unknown
    }

    /// Sets a file's kind or birthday.
    public func change(_ change: GuestFileChange, token: UInt64) -> FileDecision {
        guard let file = state.guestFiles[change.file] else { return .unknown }
        switch change.field {
        case .kind(let kind): if file.kind == kind { return .unchanged }
        case .birthday(let birthday): if file.birthday == birthday { return .unchanged }
        }
        queue(.fileChange(change), token: token)
        return .pending(change)
    }

    private func queue(_ record: HotelRecord, token: UInt64) {
        precondition(pending[token] == nil, "Invalid token \(token): already waiting for the disk")
        state.apply(record)
        pending[token] = record
        // A reservation raised for this record's number goes first: the journal makes it
        // durable before the record is written, so the number is covered by a mark on disk
        // before a guest can hear it.
        if let marks = state.takeRaisedMarks() { log.raise(marks) }
        log.append(record.encoded(), token: token)
        if log.bytesSinceSnapshot >= snapshotThreshold {
            // The state holds this record and every other one still pending, and none the
            // disk refused that was taken back out: exactly what the journal asks for. It
            // is captured as a value here (copy-on-write) and gathered and encoded on the
            // writer thread: doing that here held the event loop ~110 ms per 100k records.
            let snapshot = state
            log.snapshot(producing: { snapshot.allRecords.map { $0.encoded() } })
        }
    }

    /// Records a call that ended, under `token` (nobody waits for it: its acknowledgement
    /// only tells whether it reached the disk).
    public func recordCall(_ call: CallRecord, token: UInt64) {
        queue(.call(call), token: token)
    }

    /// Every call on record, in the order they ended.
    public var calls: [CallRecord] { state.calls }

    /// Every live record, each kind in number order: the records a snapshot holds, and
    /// what an export lists.
    public var allRecords: [HotelRecord] { state.allRecords }

    /// Records the journal has finished with since the last call; refused ones are taken back out.
    public func takeAcknowledgements() -> [Acknowledgement] {
        log.takeAcknowledgements().compactMap { ack in
            guard let record = pending.removeValue(forKey: ack.token) else { return nil }
            switch ack.outcome {
            case .success:
                return Acknowledgement(token: ack.token, record: record, failure: nil)
            case .failure(let error):
                state.revoke(record)
                return Acknowledgement(token: ack.token, record: record, failure: error)
            }
        }
    }

    /// Why the last snapshot was not written, if it was not (the journal keeps every
    /// segment then, so nothing is lost; an operator should hear of it).
    public var snapshotProblem: String? { (log as? Journal)?.statistics.lastSnapshotProblem }

    /// The journal's counters and sync times since it opened, for `/metrics`; nil for a
    /// store kept in memory (replays, tests), which has no disk to measure.
    public var journalFigures: (statistics: JournalStatistics, syncTimes: JournalSyncTimes)? {
        guard let journal = log as? Journal else { return nil }
        return (journal.statistics, journal.syncTimes)
    }

    /// Records still waiting for the disk.
    public var pendingCount: Int { pending.count }

    public func close() { log.close() }
}
