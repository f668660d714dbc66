import HotelCalendar

/// Every kind of record the journal holds, with its on-disk type tag and version.
///
/// Version rules: a field is only ever added in a new version; reading supports every
/// version ever written, and an unknown one is an error that names it, never a guess.
public enum HotelRecord: Equatable, Sendable {
    case reservation(Reservation)
    case complaint(ComplaintTicket)
    case callback(CallbackRequest)
    case survey(SurveyResponse)
    /// A booking's dates, rooms or room type changed.
    case change(BookingChange)
    case cancellation(BookingCancellation)
    /// A stay arrived, departed or was a no-show.
    case stayMove(StayMove)
    /// A step on a work item: an assignment, a note, an outcome, a state change.
    case workStep(WorkStep)
    /// An agent set a guest file's kind or birthday.
    case fileChange(GuestFileChange)
    /// A call on the guest line ended: its length and its waits for a person.
    case call(CallRecord)

    enum Tag: UInt8 {
        case reservation = 1
        case complaint = 2
        case callback = 3
        case survey = 4
        case change = 5
        case cancellation = 6
        case stayMove = 7
        case workStep = 8
        case fileChange = 9
        case call = 10
    }

    /// The version each kind is written in. Callbacks since 2 keep the language of the call
    /// they were asked for in (`language`, after the session); since guest files are kept
    /// for every guest, reservations (2) keep the kind their file opens as, and complaints
    /// (2), callbacks (3) and surveys (2) their guest file, each after the last field.
    static func currentVersion(of tag: Tag) -> UInt8 {
        switch tag {
        case .reservation, .complaint, .survey: return 2
        case .callback: return 3
        case .change, .cancellation, .stayMove, .workStep, .fileChange, .call: return 1
        }
    }

    /// What a version-1 callback was asked for in: until version 2 the line spoke English only.
    static let languageBeforeVersion2 = "en"

    var tag: Tag {
        switch self {
        case .reservation: return .reservation
        case .complaint: return .complaint
        case .callback: return .callback
        case .survey: return .survey
        case .change: return .change
        case .cancellation: return .cancellation
        case .stayMove: return .stayMove
        case .workStep: return .workStep
        case .fileChange: return .fileChange
        case .call: return .call
        }
    }

    /// The journal frame for this record.
    public func encoded() -> JournalRecord {
        var writer = RecordWriter()
        // Each kind's fields in the order version 1 wrote them: the request's fields, then
        // the status and time the store set, then the session (last, as it always was).
        switch self {
        case .reservation(let r):
            let q = r.request
            writer.write(r.number.serial); writer.write(r.guestFile.arrival.dayNumber); writer.write(r.guestFile.serial)
            writer.write(q.guestName); writer.write(q.phone); writer.write(q.email)
            writer.write(q.checkIn.dayNumber); writer.write(q.checkOut.dayNumber); writer.write(q.rooms)
            writer.write(q.roomType); writer.write(q.rate); writer.write(q.language); writer.write(Int(r.status.rawValue))
            writer.write(r.createdAt.millisecondsSince1970); writer.write(q.session)
            writer.write(Int(r.fileKind.rawValue))  // version 2
        case .complaint(let c):
            let q = c.request
            writer.write(c.number.serial); writer.write(q.category); writer.write(q.details); writer.write(q.expectedResolution)
            writer.write(q.guestName); writer.write(q.phone); writer.write(q.roomNumber); writer.write(q.language)
            writer.write(q.followUpBy.dayNumber); writer.write(Int(c.status.rawValue)); writer.write(c.createdAt.millisecondsSince1970); writer.write(q.session)
            Self.write(c.guestFile, to: &writer)  // version 2
        case .callback(let c):
            let q = c.request
            writer.write(c.number.serial); writer.write(q.phone); writer.write(q.guestName); writer.write(q.dueAt.secondsSince1970)  // seconds on disk
            writer.write(q.windowMinutes); writer.write(q.reason); writer.write(q.callLanguage); writer.write(Int(c.status.rawValue))
            writer.write(c.createdAt.millisecondsSince1970); writer.write(q.session)
            writer.write(q.language)  // version 2
            Self.write(c.guestFile, to: &writer)  // version 3
        case .survey(let s):
            let q = s.request
            writer.write(s.number.serial); writer.write(q.declined); writer.write(q.confirmation?.serial)
            writer.write(q.guestName); writer.write(q.phone)
            writer.write(q.ratings.count)
            for (topic, rating) in q.ratings.sorted(by: { $0.key < $1.key }) { writer.write(topic); writer.write(rating) }
            writer.write(q.stayAgain); writer.write(q.recommend); writer.write(q.suggestions); writer.write(q.language)
            writer.write(s.createdAt.millisecondsSince1970); writer.write(q.session)
            Self.write(s.guestFile, to: &writer)  // version 2
        case .change(let c):
            let q = c.request
            writer.write(c.number.serial); writer.write(q.confirmation.serial)
            Self.write(c.previous, to: &writer); Self.write(q.terms, to: &writer)
            writer.write(q.fee); writer.write(q.language); writer.write(c.createdAt.millisecondsSince1970); writer.write(q.session)
        case .cancellation(let c):
            let q = c.request
            writer.write(c.number.serial); writer.write(q.confirmation.serial); writer.write(q.fee); writer.write(q.language)
            writer.write(c.createdAt.millisecondsSince1970); writer.write(q.session)
        case .stayMove(let m):
            writer.write(m.confirmation.serial); writer.write(Int(m.kind.rawValue)); writer.write(m.fee); writer.write(m.by)
            writer.write(m.createdAt.millisecondsSince1970)
        case .workStep(let w):
            Self.write(w.item, to: &writer)
            writer.write(Int(w.action.rawValue)); writer.write(w.text); writer.write(w.by); writer.write(w.createdAt.millisecondsSince1970)
        case .fileChange(let f):
            writer.write(f.file.arrival.dayNumber); writer.write(f.file.serial)
            // What changed (0 kind, 1 birthday) and its value (the kind's number; the
            // birthday as month × 100 + day, 0 for none).
            switch f.field {
            case .kind(let kind): writer.write(0); writer.write(Int(kind.rawValue))
            case .birthday(let birthday): writer.write(1); writer.write(birthday?.packed ?? 0)
            }
            writer.write(f.by); writer.write(f.createdAt.millisecondsSince1970)
        case .call(let c):
            c.write(to: &writer)
        }
        return JournalRecord(type: tag.rawValue, version: Self.currentVersion(of: tag), payload: writer.bytes)
    }

    /// Reads a journal frame back; throws for an unknown type or version or damaged fields.
    public init(decoding record: JournalRecord) throws(RecordDecodingError) {
        guard let tag = Tag(rawValue: record.type) else { throw .unknownType(record.type) }
        guard (1...Self.currentVersion(of: tag)).contains(record.version) else { throw .unknownVersion(type: record.type, version: record.version) }
        var reader = RecordReader(record.payload)
        switch tag {
        case .reservation:
            let number = ConfirmationNumber(serial: try Self.serial(&reader))
            let file = GuestFileNumber(arrival: try Self.day(&reader), serial: try Self.serial(&reader))
            let guestName = try reader.readString(), phone = try reader.readString(), email = try reader.readOptionalString()
            let checkIn = try Self.day(&reader), checkOut = try Self.day(&reader), rooms = try reader.readInt()
            let roomType = try reader.readString(), rate = try reader.readInt(), language = try reader.readString()
            let status: Reservation.Status = try Self.status(&reader)
            let createdAt = WallTime(millisecondsSince1970: try reader.readInt64())
            self = .reservation(Reservation(
                number: number, guestFile: file,
                request: Reservation.Request(guestName: guestName, phone: phone, email: email, checkIn: checkIn, checkOut: checkOut,
                                             rooms: rooms, roomType: roomType, rate: rate, language: language,
                                             session: try reader.readString()),
                status: status, createdAt: createdAt,
                fileKind: record.version >= 2 ? try Self.status(&reader) : .individual))
        case .complaint:
            let number = TicketNumber(serial: try Self.serial(&reader))
            let category = try reader.readString(), details = try reader.readString(), expected = try reader.readString()
            let guestName = try reader.readString(), phone = try reader.readString(), roomNumber = try reader.readOptionalString()
            let language = try reader.readString(), followUpBy = try Self.day(&reader)
            let status: ComplaintTicket.Status = try Self.status(&reader)
            let createdAt = WallTime(millisecondsSince1970: try reader.readInt64())
            self = .complaint(ComplaintTicket(
                number: number,
                request: ComplaintTicket.Request(category: category, details: details, expectedResolution: expected, guestName: guestName,
                                                 phone: phone, roomNumber: roomNumber, language: language, followUpBy: followUpBy,
                                                 session: try reader.readString()),
                status: status, createdAt: createdAt, guestFile: record.version >= 2 ? try Self.file(&reader) : nil))
        case .callback:
            let number = CallbackNumber(serial: try Self.serial(&reader))
            let phone = try reader.readString(), guestName = try reader.readOptionalString(), dueAt = WallTime(millisecondsSince1970: try reader.readInt64() * 1000)
            let windowMinutes = try reader.readInt(), reason = try reader.readString(), callLanguage = try reader.readString()
            let status: CallbackRequest.Status = try Self.status(&reader)
            let createdAt = WallTime(millisecondsSince1970: try reader.readInt64())
            let session = try reader.readString()
            let language = record.version >= 2 ? try reader.readString() : Self.languageBeforeVersion2
            let file = record.version >= 3 ? try Self.file(&reader) : nil
            self = .callback(CallbackRequest(
                number: number,
                request: CallbackRequest.Request(phone: phone, guestName: guestName, dueAt: dueAt, windowMinutes: windowMinutes,
                                                 reason: reason, callLanguage: callLanguage, language: language, session: session),
                status: status, createdAt: createdAt, guestFile: file))
        case .survey:
            let number = SurveyNumber(serial: try Self.serial(&reader))
            let declined = try reader.readBool()
            let confirmation = try reader.readOptionalInt().map { serial throws(RecordDecodingError) in
                guard serial > 0 else { throw .malformed("serial \(serial)") }
                return ConfirmationNumber(serial: serial)
            }
            let name = try reader.readOptionalString(), phone = try reader.readOptionalString()
            let count = try reader.readInt()
            guard (0...64).contains(count) else { throw .malformed("\(count) ratings") }
            var ratings: [String: Int] = [:]
            for _ in 0..<count { ratings[try reader.readString()] = try reader.readInt() }
            let stayAgain = try reader.readOptionalBool(), recommend = try reader.readOptionalBool()
            let suggestions = try reader.readOptionalString(), language = try reader.readString()
            let createdAt = WallTime(millisecondsSince1970: try reader.readInt64())
            self = .survey(SurveyResponse(
                number: number,
                request: SurveyResponse.Request(declined: declined, confirmation: confirmation, guestName: name, phone: phone,
                                                ratings: ratings, stayAgain: stayAgain, recommend: recommend, suggestions: suggestions,
                                                language: language, session: try reader.readString()),
                createdAt: createdAt, guestFile: record.version >= 2 ? try Self.file(&reader) : nil))
        case .change:
            let number = ChangeNumber(serial: try Self.serial(&reader))
            let confirmation = ConfirmationNumber(serial: try Self.serial(&reader))
            let previous = try Self.terms(&reader), terms = try Self.terms(&reader)
            let fee = try Self.fee(&reader), language = try reader.readString()
            let createdAt = WallTime(millisecondsSince1970: try reader.readInt64())
            self = .change(BookingChange(
                number: number,
                request: BookingChange.Request(confirmation: confirmation, terms: terms, fee: fee, language: language, session: try reader.readString()),
                previous: previous, createdAt: createdAt))
        case .cancellation:
            let number = CancellationNumber(serial: try Self.serial(&reader))
            let confirmation = ConfirmationNumber(serial: try Self.serial(&reader))
            let fee = try Self.fee(&reader), language = try reader.readString()
            let createdAt = WallTime(millisecondsSince1970: try reader.readInt64())
            self = .cancellation(BookingCancellation(
                number: number,
                request: BookingCancellation.Request(confirmation: confirmation, fee: fee, language: language, session: try reader.readString()),
                createdAt: createdAt))
        case .stayMove:
            let confirmation = ConfirmationNumber(serial: try Self.serial(&reader))
            let kind: StayMove.Kind = try Self.status(&reader)
            let fee = try Self.fee(&reader), by = try reader.readString()
            self = .stayMove(StayMove(confirmation: confirmation, kind: kind, fee: fee, by: by,
                                      createdAt: WallTime(millisecondsSince1970: try reader.readInt64())))
        case .workStep:
            let item = try Self.item(&reader)
            let action: WorkAction = try Self.status(&reader)
            let text = try reader.readOptionalString(), by = try reader.readString()
            self = .workStep(WorkStep(item: item, action: action, text: text, by: by,
                                      createdAt: WallTime(millisecondsSince1970: try reader.readInt64())))
        case .fileChange:
            let file = GuestFileNumber(arrival: try Self.day(&reader), serial: try Self.serial(&reader))
            let what = try reader.readInt(), value = try reader.readInt()
            let field: GuestFileChange.Field
            switch what {
            case 0:
                guard let byte = UInt8(exactly: value), let kind = GuestKind(rawValue: byte) else { throw .malformed("guest kind \(value)") }
                field = .kind(kind)
            case 1:
                guard value == 0 || Birthday(packed: value) != nil else { throw .malformed("birthday \(value)") }
                field = .birthday(Birthday(packed: value))
            default: throw .malformed("guest file change of kind \(what)")
            }
            let by = try reader.readString()
            self = .fileChange(GuestFileChange(file: file, field: field, by: by,
                                               createdAt: WallTime(millisecondsSince1970: try reader.readInt64())))
        case .call:
            self = .call(try CallRecord.read(&reader))
        }
        guard reader.isAtEnd else { throw .malformed("bytes left over after the last field") }
    }

    private static func serial(_ reader: inout RecordReader) throws(RecordDecodingError) -> Int {
        let serial = try reader.readInt()
        guard serial > 0 else { throw .malformed("serial \(serial)") }
        return serial
    }

    /// A record's guest file, if it has one: day and serial, after a yes/no byte.
    private static func write(_ file: GuestFileNumber?, to writer: inout RecordWriter) {
        writer.write(file != nil)
        if let file { writer.write(file.arrival.dayNumber); writer.write(file.serial) }
    }

    private static func file(_ reader: inout RecordReader) throws(RecordDecodingError) -> GuestFileNumber? {
        guard try reader.readBool() else { return nil }
        return GuestFileNumber(arrival: try day(&reader), serial: try serial(&reader))
    }

    private static func day(_ reader: inout RecordReader) throws(RecordDecodingError) -> CivilDate {
        let day = try reader.readInt()
        guard (-100_000...200_000).contains(day) else { throw .malformed("day \(day)") }
        return CivilDate(dayNumber: day)
    }

    /// A work item: its kind (0 callback, 1 complaint, 2 a complaint's revisit, 3 a stay's
    /// revisit, 4 an arrival, 5 feedback, 6 a birthday), the serial of the record it follows
    /// (a birthday's year), and the feedback's topic (a birthday's guest file number; nil
    /// for the others).
    private static func write(_ item: WorkItemID, to writer: inout RecordWriter) {
        switch item {
        case .callback(let n): writer.write(0); writer.write(n.serial); writer.write(nil as String?)
        case .complaint(let n): writer.write(1); writer.write(n.serial); writer.write(nil as String?)
        case .complaintRevisit(let n): writer.write(2); writer.write(n.serial); writer.write(nil as String?)
        case .stayRevisit(let n): writer.write(3); writer.write(n.serial); writer.write(nil as String?)
        case .arrival(let n): writer.write(4); writer.write(n.serial); writer.write(nil as String?)
        case .feedback(let n, let topic): writer.write(5); writer.write(n.serial); writer.write(topic as String?)
        case .birthday(let file, let year): writer.write(6); writer.write(year); writer.write(file.description as String?)
        }
    }

    private static func item(_ reader: inout RecordReader) throws(RecordDecodingError) -> WorkItemID {
        let kind = try reader.readInt(), serial = try Self.serial(&reader), topic = try reader.readOptionalString()
        switch (kind, topic) {
        case (0, nil): return .callback(CallbackNumber(serial: serial))
        case (1, nil): return .complaint(TicketNumber(serial: serial))
        case (2, nil): return .complaintRevisit(TicketNumber(serial: serial))
        case (3, nil): return .stayRevisit(ConfirmationNumber(serial: serial))
        case (4, nil): return .arrival(ConfirmationNumber(serial: serial))
        case (5, let topic?) where WorkItemID.isTopic(topic): return .feedback(SurveyNumber(serial: serial), topic: topic)
        case (6, let file?) where serial <= 9999 && GuestFileNumber(file) != nil: return .birthday(GuestFileNumber(file)!, year: serial)
        default: throw .malformed("work item of kind \(kind)" + (topic.map { " on \"\($0.prefix(40))\"" } ?? ""))
        }
    }

    private static func write(_ terms: StayTerms, to writer: inout RecordWriter) {
        writer.write(terms.checkIn.dayNumber); writer.write(terms.checkOut.dayNumber); writer.write(terms.rooms)
        writer.write(terms.roomType); writer.write(terms.rate)
    }

    private static func terms(_ reader: inout RecordReader) throws(RecordDecodingError) -> StayTerms {
        let checkIn = try day(&reader), checkOut = try day(&reader), rooms = try reader.readInt()
        guard checkOut > checkIn, rooms > 0 else { throw .malformed("a stay of \(rooms) rooms from day \(checkIn) to \(checkOut)") }
        return StayTerms(checkIn: checkIn, checkOut: checkOut, rooms: rooms, roomType: try reader.readString(), rate: try reader.readInt())
    }

    private static func fee(_ reader: inout RecordReader) throws(RecordDecodingError) -> Int {
        let fee = try reader.readInt()
        guard fee >= 0 else { throw .malformed("fee \(fee)") }
        return fee
    }

    private static func status<S: RawRepresentable<UInt8>>(_ reader: inout RecordReader) throws(RecordDecodingError) -> S {
        let raw = try reader.readInt()
        guard let byte = UInt8(exactly: raw), let status = S(rawValue: byte) else { throw .malformed("status \(raw)") }
        return status
    }
}
