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

    /// A queued record's fate, reported once.
    public struct Acknowledgement: Sendable {
        public let token: UInt64
        public let record: HotelRecord
        /// Nil when durable; otherwise why the record was refused (and it was taken back out).
        public let failure: JournalError?
    }

    private var state = HotelState()
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
        ].joined(separator: ", ") + " and guest file serials from \(next.guestFile) on every arrival day"
    }

    // MARK: Questions

    /// Rooms of `roomType` free on every night of the stay, given the hotel's `inventory` of it.
    public func roomsLeft(_ roomType: String, from checkIn: CivilDate, to checkOut: CivilDate, inventory: Int) -> Int {
        max(0, inventory - state.mostBooked(roomType, from: checkIn, to: checkOut))
    }

    public func reservation(_ number: ConfirmationNumber) -> Reservation? { state.reservations[number] }

    public func guestFile(phone: String) -> GuestFile? { state.guestFileByPhone[phone].flatMap { state.guestFiles[$0] } }

    public func guestFile(_ number: GuestFileNumber) -> GuestFile? { state.guestFiles[number] }

    /// What is on record for a phone number (numbers only), nil for a first-time caller.
    public func caller(phone: String) -> CallerRecords? { state.callers[phone] }

    public func complaint(_ number: TicketNumber) -> ComplaintTicket? { state.complaints[number] }

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
    public func reserve(_ request: Reservation.Request, inventory: Int, now: WallTime, token: UInt64) -> BookingDecision {
        let left = roomsLeft(request.roomType, from: request.checkIn, to: request.checkOut, inventory: inventory)
        guard left >= request.rooms else { return .full(roomsLeft: left) }
        let reservation = Reservation(
            number: ConfirmationNumber(serial: state.nextSerial(\.confirmation, first: ConfirmationNumber.firstSerial)),
            guestFile: state.guestFile(forPhone: request.phone, arriving: request.checkIn),
            request: request, status: .confirmed, createdAt: now)
        queue(.reservation(reservation), token: token)
        return .pending(reservation)
    }

    public func fileComplaint(_ request: ComplaintTicket.Request, now: WallTime, token: UInt64) -> ComplaintTicket {
        let ticket = ComplaintTicket(number: TicketNumber(serial: state.nextSerial(\.ticket, first: TicketNumber.firstSerial)),
                                     request: request, status: .open, createdAt: now)
        queue(.complaint(ticket), token: token)
        return ticket
    }

    public func requestCallback(_ request: CallbackRequest.Request, now: WallTime, token: UInt64) -> CallbackRequest {
        let callback = CallbackRequest(number: CallbackNumber(serial: state.nextSerial(\.callback, first: CallbackNumber.firstSerial)),
                                       request: request, status: .pending, createdAt: now)
        queue(.callback(callback), token: token)
        return callback
    }

    public func recordSurvey(_ request: SurveyResponse.Request, now: WallTime, token: UInt64) -> SurveyResponse {
        let response = SurveyResponse(number: SurveyNumber(serial: state.nextSerial(\.survey, first: SurveyNumber.firstSerial)),
                                      request: request, createdAt: now)
        queue(.survey(response), token: token)
        return response
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

    /// Records still waiting for the disk.
    public var pendingCount: Int { pending.count }

    public func close() { log.close() }
}
