import HotelCalendar

/// Everything the line knows from its records, indexed for the questions it asks: rooms
/// booked per night (availability), reservations by number and what became of each (its
/// changes, cancellation and moves), guest files by phone and by number, complaints by
/// status, and the highest number of each kind given out.
///
/// A value built by applying records in journal order; the store applies a record as soon
/// as it is queued (so a room being booked is not sold twice) and takes it back out if the
/// disk refuses it.
struct HotelState: Sendable {
    private(set) var reservations: [ConfirmationNumber: Reservation] = [:]
    private(set) var complaints: [TicketNumber: ComplaintTicket] = [:]
    private(set) var callbacks: [CallbackNumber: CallbackRequest] = [:]
    private(set) var surveys: [SurveyNumber: SurveyResponse] = [:]
    /// The surveys that name each stay, oldest first: what tells the revisits list that a
    /// guest answered the survey on the line.
    private(set) var surveysOfStay: [ConfirmationNumber: [SurveyNumber]] = [:]
    /// The bookings something happened to after they were made (most have nothing), as
    /// they stand now; any other booking stands as its reservation.
    private(set) var lives: [ConfirmationNumber: Booking] = [:]
    /// How many changes, cancellations and moves the bookings hold.
    private var eventCount = 0
    /// The steps staff (and the line) took on each work item, in order; items without a
    /// step have none here (see `HotelState+Work`).
    private(set) var workSteps: [WorkItemID: [WorkStep]] = [:]
    private var workStepCount = 0
    /// Complaints nobody has looked into or passed to a head yet: what the line's
    /// escalation round reads, instead of every complaint ever filed.
    private(set) var complaintsAwaitingInvestigation: Set<TicketNumber> = []
    private(set) var guestFiles: [GuestFileNumber: GuestFile] = [:]
    /// The changes agents made to each file, in order (for snapshots and take-backs).
    private(set) var fileChanges: [GuestFileNumber: [GuestFileChange]] = [:]
    private var fileChangeCount = 0
    private(set) var guestFileByPhone: [String: GuestFileNumber] = [:]
    /// Every call on the line, in the order they ended: what the measures count calls by.
    private(set) var calls: [CallRecord] = []
    /// Everything on record for a phone number, newest last: how repeat callers are known.
    private(set) var callers: [String: CallerRecords] = [:]
    /// Rooms held per room type per night (day number of the night's date): every booking
    /// whose state holds rooms, on the nights of its terms as they stand now.
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
        var change = 0
        var cancellation = 0

        /// Each kind's place in the journal's marks (new kinds only ever go at the end: a
        /// journal written before them holds 0 there, which is right).
        static var kinds: [WritableKeyPath<LastSerials, Int>] {
            [\.confirmation, \.ticket, \.callback, \.survey, \.guestFile, \.change, \.cancellation]
        }

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

    var recordCount: Int {
        reservations.count + complaints.count + callbacks.count + surveys.count + eventCount + workStepCount + fileChangeCount + calls.count
    }

    /// Every live record, in an order that rebuilds this state when applied to an empty
    /// one: each kind by number, the order the numbers were given out (so the first
    /// reservation of a phone still opens its guest file), then what happened to each
    /// booking, booking by booking, in the order it happened. What a snapshot holds.
    var allRecords: [HotelRecord] {
        var records: [HotelRecord] = []
        records.reserveCapacity(recordCount)
        Self.append(reservations, as: HotelRecord.reservation, to: &records)
        Self.append(complaints, as: HotelRecord.complaint, to: &records)
        Self.append(callbacks, as: HotelRecord.callback, to: &records)
        Self.append(surveys, as: HotelRecord.survey, to: &records)
        for (_, booking) in lives.sorted(by: { $0.key < $1.key }) { records += booking.history.map(\.record) }
        // Last: a step is read against the record its item follows.
        for (_, steps) in workSteps.sorted(by: { $0.key < $1.key }) { records += steps.map(HotelRecord.workStep) }
        // After every record that opens a file.
        for (_, changes) in fileChanges.sorted(by: { $0.key < $1.key }) { records += changes.map(HotelRecord.fileChange) }
        records += calls.map(HotelRecord.call)
        return records
    }

    /// The booking `number` as it stands now.
    func booking(_ number: ConfirmationNumber) -> Booking? {
        lives[number] ?? reservations[number].map(Booking.init)
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
            case .change, .cancellation, .stayMove: break  // kept with their bookings
            case .workStep: break  // kept with their items
            case .fileChange: break  // kept with their files
            case .call: break  // few beside the rest, appended in order
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
            let request = reservation.request
            link(reservation.guestFile, phone: request.phone, name: request.guestName, email: request.email,
                 kind: reservation.fileKind) { $0.reservations.append(reservation.number) }
            if reservation.status == .confirmed { count(request.terms, sign: 1) }
        case .complaint(let ticket):
            complaints[ticket.number] = ticket
            complaintsAwaitingInvestigation.insert(ticket.number)
            lastSerial.ticket = max(lastSerial.ticket, ticket.number.serial)
            link(ticket.guestFile, phone: ticket.request.phone, name: ticket.request.guestName) { $0.complaints.append(ticket.number) }
        case .callback(let request):
            callbacks[request.number] = request
            lastSerial.callback = max(lastSerial.callback, request.number.serial)
            link(request.guestFile, phone: request.request.phone, name: request.request.guestName) { $0.callbacks.append(request.number) }
        case .survey(let response):
            surveys[response.number] = response
            if let stay = response.request.confirmation { surveysOfStay[stay, default: []].append(response.number) }
            lastSerial.survey = max(lastSerial.survey, response.number.serial)
            link(response.guestFile, phone: response.request.phone, name: response.request.guestName) { $0.surveys.append(response.number) }
        case .change(let change):
            lastSerial.change = max(lastSerial.change, change.number.serial)
            take(.changed(change))
        case .cancellation(let cancellation):
            lastSerial.cancellation = max(lastSerial.cancellation, cancellation.number.serial)
            take(.cancelled(cancellation))
        case .stayMove(let move):
            take(.moved(move))
        case .workStep(let step):
            workSteps[step.item, default: []].append(step)
            workStepCount += 1
            if let number = Self.answersComplaint(step) { complaintsAwaitingInvestigation.remove(number) }
        case .fileChange(let change):
            // A change for a file not on record cannot come from the store; it is left out.
            guard guestFiles[change.file] != nil else { return }
            guestFiles[change.file]?.take(change.field)
            fileChanges[change.file, default: []].append(change)
            fileChangeCount += 1
        case .call(let call):
            calls.append(call)
        }
    }

    /// Links a record to its guest file: `number` if the record names one (opening it if it
    /// is new), else the phone's file if it has one (a record from before every guest had a
    /// file). A record with neither links nowhere.
    private mutating func link(_ number: GuestFileNumber?, phone: String?, name: String?, email: String? = nil,
                               kind: GuestKind = .individual, _ add: (inout GuestFile) -> Void) {
        guard let file = number ?? phone.flatMap({ guestFileByPhone[$0] }) else { return }
        if number != nil {
            // Each index is updated through one lookup (`default:` yields the slot in place).
            Self.raise(&lastGuestSerial[file.arrival, default: 0], to: file.serial)
            lastSerial.guestFile = max(lastSerial.guestFile, file.serial)
        }
        add(&guestFiles[file, default: GuestFile(number: file, name: name ?? "", phone: phone ?? "", email: email, kind: kind)])
        if let phone { Self.keepFirst(&guestFileByPhone[phone, default: file]) }
    }

    /// Takes a record back off its guest file; a file left with nothing is closed again.
    private mutating func unlink(_ number: GuestFileNumber?, phone: String?, _ remove: (inout GuestFile) -> Void) {
        guard let file = number ?? phone.flatMap({ guestFileByPhone[$0] }), guestFiles[file] != nil else { return }
        remove(&guestFiles[file]!)
        guard guestFiles[file]!.isEmpty else { return }
        let owner = guestFiles[file]!.phone
        guestFiles[file] = nil
        if let changes = fileChanges.removeValue(forKey: file) { fileChangeCount -= changes.count }
        if guestFileByPhone[owner] == file { guestFileByPhone[owner] = nil }
    }

    /// Adds `event` to its booking's life: the rooms it held are counted off, the rooms it
    /// holds now counted on (a cancellation frees them at once). An event for a booking not
    /// on file cannot come from the store, which checks first; it is left out.
    private mutating func take(_ event: BookingEvent) {
        let number = event.confirmation
        guard let before = booking(number) else { return }
        var after = before
        after.record(event)
        recount(from: before, to: after)
        lives[number] = after
        eventCount += 1
    }

    /// Takes `event` back out of its booking's life (the disk refused it): the booking is
    /// made again from its reservation and the events left.
    private mutating func untake(_ event: BookingEvent) {
        let number = event.confirmation
        guard let before = lives[number], let index = before.history.lastIndex(of: event) else { return }
        var history = before.history
        history.remove(at: index)
        let after = Booking(before.reservation, history: history)
        recount(from: before, to: after)
        lives[number] = history.isEmpty ? nil : after
        eventCount -= 1
    }

    private mutating func recount(from before: Booking, to after: Booking) {
        if before.state.holdsRooms { count(before.terms, sign: -1) }
        if after.state.holdsRooms { count(after.terms, sign: 1) }
    }

    /// Takes back a record the disk refused. Its number stays used: it was never spoken, but
    /// giving it to someone else would make two different records look like one in logs.
    mutating func revoke(_ record: HotelRecord) {
        switch record {
        case .reservation(let reservation):
            guard let booking = booking(reservation.number) else { return }
            reservations[reservation.number] = nil
            if booking.state.holdsRooms { count(booking.terms, sign: -1) }
            if let life = lives.removeValue(forKey: reservation.number) { eventCount -= life.history.count }
            unlink(reservation.guestFile, phone: reservation.request.phone) { $0.reservations.removeAll { $0 == reservation.number } }
        case .complaint(let ticket):
            complaints[ticket.number] = nil
            complaintsAwaitingInvestigation.remove(ticket.number)
            unlink(ticket.guestFile, phone: ticket.request.phone) { $0.complaints.removeAll { $0 == ticket.number } }
        case .callback(let request):
            callbacks[request.number] = nil
            unlink(request.guestFile, phone: request.request.phone) { $0.callbacks.removeAll { $0 == request.number } }
        case .survey(let response):
            surveys[response.number] = nil
            if let stay = response.request.confirmation {
                surveysOfStay[stay]?.removeAll { $0 == response.number }
                if surveysOfStay[stay]?.isEmpty == true { surveysOfStay[stay] = nil }
            }
            unlink(response.guestFile, phone: response.request.phone) { $0.surveys.removeAll { $0 == response.number } }
        case .fileChange(let change):
            guard let index = fileChanges[change.file]?.lastIndex(of: change) else { break }
            fileChanges[change.file]?.remove(at: index)
            fileChangeCount -= 1
            // The file as it opened, with the changes left.
            if var file = guestFiles[change.file] {
                file.kind = file.openedAs
                file.birthday = nil
                for left in fileChanges[change.file] ?? [] { file.take(left.field) }
                guestFiles[change.file] = file
            }
            if fileChanges[change.file]?.isEmpty == true { fileChanges[change.file] = nil }
        case .change(let change): untake(.changed(change))
        case .cancellation(let cancellation): untake(.cancelled(cancellation))
        case .stayMove(let move): untake(.moved(move))
        case .call(let call):
            if let index = calls.lastIndex(of: call) { calls.remove(at: index) }
        case .workStep(let step):
            guard let index = workSteps[step.item]?.lastIndex(of: step) else { break }
            workSteps[step.item]?.remove(at: index)
            if workSteps[step.item]?.isEmpty == true { workSteps[step.item] = nil }
            workStepCount -= 1
            if let number = Self.answersComplaint(step), complaints[number] != nil,
               !(workSteps[step.item] ?? []).contains(where: { Self.answersComplaint($0) != nil }) {
                complaintsAwaitingInvestigation.insert(number)
            }
        }
        if let phone = record.phone {
            callers[phone]?.remove(record)
            if callers[phone]?.isEmpty == true { callers[phone] = nil }
        }
    }

    private mutating func count(_ terms: StayTerms, sign: Int) {
        // In place: copying the room type's nights out and back would copy the whole
        // dictionary for every reservation, which made rebuilding the state quadratic.
        Self.add(sign * terms.rooms, from: terms.checkIn.dayNumber, to: terms.checkOut.dayNumber,
                 to: &booked[terms.roomType, default: [:]])
    }

    private static func add(_ rooms: Int, from first: Int, to end: Int, to nights: inout [Int: Int]) {
        for day in first..<end { nights[day, default: 0] += rooms }
    }

    private static func raise(_ value: inout Int, to candidate: Int) {
        value = max(value, candidate)
    }

    /// Leaves a slot reached with `default:` as it is: inserts the default if absent.
    private static func keepFirst(_ value: inout GuestFileNumber) {}

    /// The most rooms of `roomType` held on any night from `checkIn` up to `checkOut`, not
    /// counting the rooms `sparing` holds (a booking being changed: its own rooms are free
    /// to it on its own nights).
    func mostBooked(_ roomType: String, from checkIn: CivilDate, to checkOut: CivilDate, sparing: StayTerms? = nil) -> Int {
        guard let nights = booked[roomType] else { return 0 }
        let own = sparing.flatMap { $0.roomType == roomType ? $0 : nil }
        var most = 0
        for day in checkIn.dayNumber..<max(checkIn.dayNumber, checkOut.dayNumber) {
            var held = nights[day] ?? 0
            if let own, (own.checkIn.dayNumber..<own.checkOut.dayNumber).contains(day) { held -= own.rooms }
            most = max(most, held)
        }
        return most
    }

    /// Stays still to come whose check-in day is before `today` but not more than
    /// `lookbackDays` before it: the guests who never came. Bookings older than that (made
    /// before stays were followed) are left as they are.
    func staysNotArrived(before today: CivilDate, lookbackDays: Int) -> [ConfirmationNumber] {
        let earliest = today.adding(days: -lookbackDays)
        var due: [ConfirmationNumber] = []
        for (number, reservation) in reservations {
            let terms = lives[number]?.terms ?? reservation.request.terms
            guard terms.checkIn < today, terms.checkIn >= earliest else { continue }
            if (lives[number]?.state ?? Booking(reservation).state).isToCome { due.append(number) }
        }
        return due.sorted()
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
        let firsts = [ConfirmationNumber.firstSerial, TicketNumber.firstSerial, CallbackNumber.firstSerial, SurveyNumber.firstSerial, 1,
                      ChangeNumber.firstSerial, CancellationNumber.firstSerial]
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
