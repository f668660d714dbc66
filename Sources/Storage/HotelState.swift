import HotelCalendar

/// Everything the line knows from its records, indexed for the questions it asks: rooms
/// booked per night (availability), reservations by number, guest files by phone and by
/// number, complaints by status, and the highest number of each kind given out.
///
/// A value built by applying records in journal order; the store applies a record as soon
/// as it is queued (so a room being booked is not sold twice) and takes it back out if the
/// disk refuses it.
struct HotelState {
    private(set) var reservations: [ConfirmationNumber: Reservation] = [:]
    private(set) var complaints: [TicketNumber: ComplaintTicket] = [:]
    private(set) var callbacks: [CallbackNumber: CallbackRequest] = [:]
    private(set) var surveys: [SurveyNumber: SurveyResponse] = [:]
    private(set) var guestFiles: [GuestFileNumber: GuestFile] = [:]
    private(set) var guestFileByPhone: [String: GuestFileNumber] = [:]
    /// Rooms booked per room type per night (day number of the night's date).
    private var booked: [String: [Int: Int]] = [:]
    private var lastSerial: [String: Int] = [:]
    private var lastGuestSerial: [CivilDate: Int] = [:]

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

    mutating func apply(_ record: HotelRecord) {
        switch record {
        case .reservation(let reservation):
            reservations[reservation.number] = reservation
            note(serial: reservation.number.serial, of: ConfirmationPrefix.letter)
            let file = reservation.guestFile
            lastGuestSerial[file.arrival] = max(lastGuestSerial[file.arrival] ?? 0, file.serial)
            if guestFiles[file] == nil {
                guestFiles[file] = GuestFile(number: file, name: reservation.guestName, phone: reservation.phone,
                                             email: reservation.email, reservations: [])
            }
            guestFiles[file]!.reservations.append(reservation.number)
            if guestFileByPhone[reservation.phone] == nil { guestFileByPhone[reservation.phone] = file }
            if reservation.status == .confirmed { count(reservation, sign: 1) }
        case .complaint(let ticket):
            complaints[ticket.number] = ticket
            note(serial: ticket.number.serial, of: TicketPrefix.letter)
        case .callback(let request):
            callbacks[request.number] = request
            note(serial: request.number.serial, of: CallbackPrefix.letter)
        case .survey(let response):
            surveys[response.number] = response
            note(serial: response.number.serial, of: SurveyPrefix.letter)
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
                if guestFileByPhone[reservation.phone] == file { guestFileByPhone[reservation.phone] = nil }
            }
        case .complaint(let ticket): complaints[ticket.number] = nil
        case .callback(let request): callbacks[request.number] = nil
        case .survey(let response): surveys[response.number] = nil
        }
    }

    private mutating func count(_ reservation: Reservation, sign: Int) {
        // In place: copying the room type's nights out and back would copy the whole
        // dictionary for every reservation, which made rebuilding the state quadratic.
        let rooms = sign * reservation.rooms
        for day in reservation.checkIn.dayNumber..<reservation.checkOut.dayNumber {
            booked[reservation.roomType, default: [:]][day, default: 0] += rooms
        }
    }

    private mutating func note(serial: Int, of letter: String) {
        lastSerial[letter] = max(lastSerial[letter] ?? 0, serial)
    }

    /// The most rooms of `roomType` booked on any night from `checkIn` up to `checkOut`.
    func mostBooked(_ roomType: String, from checkIn: CivilDate, to checkOut: CivilDate) -> Int {
        guard let nights = booked[roomType] else { return 0 }
        var most = 0
        for day in checkIn.dayNumber..<max(checkIn.dayNumber, checkOut.dayNumber) { most = max(most, nights[day] ?? 0) }
        return most
    }

    mutating func nextSerial(for letter: String, first: Int) -> Int {
        let next = max((lastSerial[letter] ?? 0) + 1, first)
        lastSerial[letter] = next
        return next
    }

    /// The guest's file (by phone), or a new number for the arrival day.
    mutating func guestFile(forPhone phone: String, arriving: CivilDate) -> GuestFileNumber {
        if let existing = guestFileByPhone[phone] { return existing }
        let serial = (lastGuestSerial[arriving] ?? 0) + 1
        lastGuestSerial[arriving] = serial
        return GuestFileNumber(arrival: arriving, serial: serial)
    }
}
