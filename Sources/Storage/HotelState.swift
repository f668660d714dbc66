import HotelCalendar

/// Everything the line knows from its records, indexed for the questions it asks: rooms
/// booked per night (availability), reservations by number, guest files by phone and by
/// number, complaints by status, and the highest number of each kind given out.
///
/// A value built by applying records in journal order; the store applies a record as soon
/// as it is queued (so a room being booked is not sold twice) and takes it back out if the
/// disk refuses it.
struct HotelState: Sendable {
    private(set) var reservations: [ConfirmationNumber: Reservation] = [:]
    private(set) var complaints: [TicketNumber: ComplaintTicket] = [:]
    private(set) var callbacks: [CallbackNumber: CallbackRequest] = [:]
    private(set) var surveys: [SurveyNumber: SurveyResponse] = [:]
    private(set) var guestFiles: [GuestFileNumber: GuestFile] = [:]
    private(set) var guestFileByPhone: [String: GuestFileNumber] = [:]
    /// Everything on record for a phone number, newest last: how repeat callers are known.
    private(set) var callers: [String: CallerRecords] = [:]
    /// Rooms booked per room type per night (day number of the night's date).
    private var booked: [String: [Int: Int]] = [:]
    private var lastSerial = LastSerials()
    private var lastGuestSerial: [CivilDate: Int] = [:]
    /// Every day's next guest file serial is above this: the passed-over mark, after a loss.
    private var guestFloor = 0
    /// How far each kind of number is reserved: the journal's marks, durable before any
    /// record numbered past them is written. Raised a step ahead (see `reservationStep`).
    private(set) var reserved = LastSerials()
    /// `reserved` went up since `takeRaisedMarks`: the journal must hear before the next record.
    private var reservationRaised = false

    /// The highest serial given out of each kind of number (for guest files: on any day).
    /// Stored fields, not a dictionary keyed by the letter: applying a record must not hash
    /// a string just to count.
    struct LastSerials: Equatable {
        var confirmation = 0
        var ticket = 0
        var callback = 0
        var survey = 0
        var guestFile = 0

        /// Each kind's place in the journal's marks.
        static var kinds: [WritableKeyPath<LastSerials, Int>] { [\.confirmation, \.ticket, \.callback, \.survey, \.guestFile] }

        init() {}

        init(_ marks: HighWaterMarks) {
            for (index, kind) in Self.kinds.enumerated() { self[keyPath: kind] = Int(clamping: marks[index]) }
        }

        var marks: HighWaterMarks { HighWaterMarks(Self.kinds.map { UInt64(self[keyPath: $0]) }) }
    }

    /// How far past a number the reservation goes when it is raised: a mark costs one write
    /// of the journal's manifest per this many numbers. After a loss the next number skips
    /// at most this far. Guest file serials count per day; one mark bounds them on every
    /// day, so a new arrival day costs nothing.
    static func reservationStep(_ kind: WritableKeyPath<LastSerials, Int>) -> Int {
        kind == \.guestFile ? 100 : 1000
    }

    var recordCount: Int { reservations.count + complaints.count + callbacks.count + surveys.count }

    /// Every live record, in an order that rebuilds this state when applied to an empty
    /// one: each kind by number, the order the numbers were given out (so the first
    /// reservation of a phone still opens its guest file). What a snapshot holds.
    var allRecords: [HotelRecord] {
        var records: [HotelRecord] = []
        records.reserveCapacity(recordCount)
        Self.append(reservations, as: HotelRecord.reservation, to: &records)
        Self.append(complaints, as: HotelRecord.complaint, to: &records)
        Self.append(callbacks, as: HotelRecord.callback, to: &records)
        Self.append(surveys, as: HotelRecord.survey, to: &records)
        return records
    }

    private static func append<Number: Comparable, Value>(
        _ values: [Number: Value], as record: (Value) -> HotelRecord, to records: inout [HotelRecord]
    ) {
        for (_, value) in values.sorted(by: { $0.key < $1.key }) { records.append(record(value)) }
    }

    /// Makes room for `records` before applying them, so the indexes are not rehashed
    /// (moving every record each time) again and again while a start rebuilds them.
    mutating func reserveCapacity(for records: [HotelRecord]) {
        var counts = (reservations: 0, complaints: 0, callbacks: 0, surveys: 0)
        for record in records {
            switch record {
            case .reservation: counts.reservations += 1
            case .complaint: counts.complaints += 1
            case .callback: counts.callbacks += 1
            case .survey: counts.surveys += 1
            }
        }
        reservations.reserveCapacity(reservations.count + counts.reservations)
        guestFiles.reserveCapacity(guestFiles.count + counts.reservations)
        guestFileByPhone.reserveCapacity(guestFileByPhone.count + counts.reservations)
        complaints.reserveCapacity(complaints.count + counts.complaints)
        callbacks.reserveCapacity(callbacks.count + counts.callbacks)
        surveys.reserveCapacity(surveys.count + counts.surveys)
    }

    mutating func apply(_ record: HotelRecord) {
        if let phone = record.phone { callers[phone, default: CallerRecords()].add(record) }
        switch record {
        case .reservation(let reservation):
            reservations[reservation.number] = reservation
            lastSerial.confirmation = max(lastSerial.confirmation, reservation.number.serial)
            let file = reservation.guestFile
            // Each index is updated through one lookup (`default:` yields the slot in place).
            Self.raise(&lastGuestSerial[file.arrival, default: 0], to: file.serial)
            lastSerial.guestFile = max(lastSerial.guestFile, file.serial)
            let request = reservation.request
            guestFiles[file, default: GuestFile(number: file, name: request.guestName, phone: request.phone,
                                                email: request.email, reservations: [])]
                .reservations.append(reservation.number)
            Self.keepFirst(&guestFileByPhone[request.phone, default: file])
            if reservation.status == .confirmed { count(reservation, sign: 1) }
        case .complaint(let ticket):
            complaints[ticket.number] = ticket
            lastSerial.ticket = max(lastSerial.ticket, ticket.number.serial)
        case .callback(let request):
            callbacks[request.number] = request
            lastSerial.callback = max(lastSerial.callback, request.number.serial)
        case .survey(let response):
            surveys[response.number] = response
            lastSerial.survey = max(lastSerial.survey, response.number.serial)
        }
    }

    /// Takes back a record the disk refused. Its number stays used: it was never spoken, but
    /// giving it to someone else would make two different records look like one in logs.
    mutating func revoke(_ record: HotelRecord) {
        switch record {
        case .reservation(let reservation):
            guard reservations.removeValue(forKey: reservation.number) != nil else { return }
            if reservation.status == .confirmed { count(reservation, sign: -1) }
            let file = reservation.guestFile
            guestFiles[file]?.reservations.removeAll { $0 == reservation.number }
            if guestFiles[file]?.reservations.isEmpty == true {
                guestFiles[file] = nil
                let phone = reservation.request.phone
                if guestFileByPhone[phone] == file { guestFileByPhone[phone] = nil }
            }
        case .complaint(let ticket): complaints[ticket.number] = nil
        case .callback(let request): callbacks[request.number] = nil
        case .survey(let response): surveys[response.number] = nil
        }
        if let phone = record.phone {
            callers[phone]?.remove(record)
            if callers[phone]?.isEmpty == true { callers[phone] = nil }
        }
    }

    private mutating func count(_ reservation: Reservation, sign: Int) {
        // In place: copying the room type's nights out and back would copy the whole
        // dictionary for every reservation, which made rebuilding the state quadratic.
        let request = reservation.request
        Self.add(sign * request.rooms, from: request.checkIn.dayNumber, to: request.checkOut.dayNumber,
                 to: &booked[request.roomType, default: [:]])
    }

    private static func add(_ rooms: Int, from first: Int, to end: Int, to nights: inout [Int: Int]) {
        for day in first..<end { nights[day, default: 0] += rooms }
    }

    private static func raise(_ value: inout Int, to candidate: Int) {
        value = max(value, candidate)
    }

    /// Leaves a slot reached with `default:` as it is: inserts the default if absent.
    private static func keepFirst(_ value: inout GuestFileNumber) {}

    /// The most rooms of `roomType` booked on any night from `checkIn` up to `checkOut`.
    func mostBooked(_ roomType: String, from checkIn: CivilDate, to checkOut: CivilDate) -> Int {
        guard let nights = booked[roomType] else { return 0 }
        var most = 0
        for day in checkIn.dayNumber..<max(checkIn.dayNumber, checkOut.dayNumber) { most = max(most, nights[day] ?? 0) }
        return most
    }

    mutating func nextSerial(_ kind: WritableKeyPath<LastSerials, Int>, first: Int) -> Int {
        let next = max(lastSerial[keyPath: kind] + 1, first)
        lastSerial[keyPath: kind] = next
        reserve(kind, through: next)
        return next
    }

    /// The guest's file (by phone), or a new number for the arrival day.
    mutating func guestFile(forPhone phone: String, arriving: CivilDate) -> GuestFileNumber {
        if let existing = guestFileByPhone[phone] { return existing }
        let serial = max(lastGuestSerial[arriving] ?? 0, guestFloor) + 1
        lastGuestSerial[arriving] = serial
        lastSerial.guestFile = max(lastSerial.guestFile, serial)
        reserve(\.guestFile, through: serial)
        return GuestFileNumber(arrival: arriving, serial: serial)
    }

    /// Raises the reservation of `kind` a step past `serial` if it does not reach it.
    private mutating func reserve(_ kind: WritableKeyPath<LastSerials, Int>, through serial: Int) {
        guard serial > reserved[keyPath: kind] else { return }
        reserved[keyPath: kind] = serial + Self.reservationStep(kind) - 1
        reservationRaised = true
    }

    /// The marks to make durable before the next record, if a reservation went up.
    mutating func takeRaisedMarks() -> HighWaterMarks? {
        guard reservationRaised else { return nil }
        reservationRaised = false
        return reserved.marks
    }

    /// Takes up where the journal left off: `marks` are the reservations on disk, and no
    /// number up to `passedOver` is given again (the marks when records were last lost).
    /// With `recordsLost` and a journal that had no marks (an earlier version's), the next
    /// number of each kind is passed over too, as that version did (and the next guest file
    /// serial of any day). Returns the next serial of each kind (for guest files: the
    /// lowest on any day).
    mutating func resume(marks: HighWaterMarks, passedOver: HighWaterMarks, recordsLost: Bool) -> LastSerials {
        reserved = LastSerials(marks)
        var floors = LastSerials(passedOver)
        let recordsLost = recordsLost && marks.isZero
        let firsts = [ConfirmationNumber.firstSerial, TicketNumber.firstSerial, CallbackNumber.firstSerial, SurveyNumber.firstSerial, 1]
        var next = LastSerials()
        for (kind, first) in zip(LastSerials.kinds, firsts) {
            if recordsLost { floors[keyPath: kind] = max(floors[keyPath: kind], max(lastSerial[keyPath: kind], first - 1) + 1) }
            if kind == \.guestFile {
                guestFloor = max(guestFloor, floors.guestFile)
                next.guestFile = guestFloor + 1
            } else {
                lastSerial[keyPath: kind] = max(lastSerial[keyPath: kind], floors[keyPath: kind])
                next[keyPath: kind] = max(lastSerial[keyPath: kind] + 1, first)
            }
        }
        return next
    }
}
