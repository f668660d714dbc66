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

    enum Tag: UInt8 {
        case reservation = 1
        case complaint = 2
        case callback = 3
        case survey = 4
    }

    static let currentVersion: UInt8 = 1

    var tag: Tag {
        switch self {
        case .reservation: return .reservation
        case .complaint: return .complaint
        case .callback: return .callback
        case .survey: return .survey
        }
    }

    /// The journal frame for this record.
    public func encoded() -> JournalRecord {
        var writer = RecordWriter()
        switch self {
        case .reservation(let r):
            writer.write(r.number.serial); writer.write(r.guestFile.arrival.dayNumber); writer.write(r.guestFile.serial)
            writer.write(r.guestName); writer.write(r.phone); writer.write(r.email)
            writer.write(r.checkIn.dayNumber); writer.write(r.checkOut.dayNumber); writer.write(r.rooms)
            writer.write(r.roomType); writer.write(r.rate); writer.write(r.language); writer.write(Int(r.status.rawValue))
            writer.write(r.createdAt); writer.write(r.session)
        case .complaint(let c):
            writer.write(c.number.serial); writer.write(c.category); writer.write(c.details); writer.write(c.expectedResolution)
            writer.write(c.guestName); writer.write(c.phone); writer.write(c.roomNumber); writer.write(c.language)
            writer.write(c.followUpBy.dayNumber); writer.write(Int(c.status.rawValue)); writer.write(c.createdAt); writer.write(c.session)
        case .callback(let c):
            writer.write(c.number.serial); writer.write(c.phone); writer.write(c.guestName); writer.write(c.dueAt)
            writer.write(c.windowMinutes); writer.write(c.reason); writer.write(c.callLanguage); writer.write(Int(c.status.rawValue))
            writer.write(c.createdAt); writer.write(c.session)
        case .survey(let s):
            writer.write(s.number.serial); writer.write(s.declined); writer.write(s.confirmation?.serial)
            writer.write(s.guestName); writer.write(s.phone)
            writer.write(s.ratings.count)
            for (topic, rating) in s.ratings.sorted(by: { $0.key < $1.key }) { writer.write(topic); writer.write(rating) }
            writer.write(s.stayAgain); writer.write(s.recommend); writer.write(s.suggestions); writer.write(s.language)
            writer.write(s.createdAt); writer.write(s.session)
        }
        return JournalRecord(type: tag.rawValue, version: Self.currentVersion, payload: writer.bytes)
    }

    /// Reads a journal frame back; throws for an unknown type or version or damaged fields.
    public init(decoding record: JournalRecord) throws(RecordDecodingError) {
        guard let tag = Tag(rawValue: record.type) else { throw .unknownType(record.type) }
        guard record.version == Self.currentVersion else { throw .unknownVersion(type: record.type, version: record.version) }
        var reader = RecordReader(record.payload)
        switch tag {
        case .reservation:
            let number = ConfirmationNumber(serial: try Self.serial(&reader))
            let file = GuestFileNumber(arrival: try Self.day(&reader), serial: try Self.serial(&reader))
            self = .reservation(Reservation(
                number: number, guestFile: file, guestName: try reader.readString(), phone: try reader.readString(),
                email: try reader.readOptionalString(), checkIn: try Self.day(&reader),
                checkOut: try Self.day(&reader), rooms: try reader.readInt(), roomType: try reader.readString(),
                rate: try reader.readInt(), language: try reader.readString(), status: try Self.status(&reader),
                createdAt: try reader.readInt64(), session: try reader.readString()))
        case .complaint:
            self = .complaint(ComplaintTicket(
                number: TicketNumber(serial: try Self.serial(&reader)), category: try reader.readString(), details: try reader.readString(),
                expectedResolution: try reader.readString(), guestName: try reader.readString(), phone: try reader.readString(),
                roomNumber: try reader.readOptionalString(), language: try reader.readString(),
                followUpBy: try Self.day(&reader), status: try Self.status(&reader),
                createdAt: try reader.readInt64(), session: try reader.readString()))
        case .callback:
            self = .callback(CallbackRequest(
                number: CallbackNumber(serial: try Self.serial(&reader)), phone: try reader.readString(),
                guestName: try reader.readOptionalString(), dueAt: try reader.readInt64(), windowMinutes: try reader.readInt(),
                reason: try reader.readString(), callLanguage: try reader.readString(), status: try Self.status(&reader),
                createdAt: try reader.readInt64(), session: try reader.readString()))
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
            self = .survey(SurveyResponse(
                number: number, declined: declined, confirmation: confirmation, guestName: name, phone: phone, ratings: ratings,
                stayAgain: try reader.readOptionalBool(), recommend: try reader.readOptionalBool(),
                suggestions: try reader.readOptionalString(), language: try reader.readString(),
                createdAt: try reader.readInt64(), session: try reader.readString()))
        }
        guard reader.isAtEnd else { throw .malformed("bytes left over after the last field") }
    }

    private static func serial(_ reader: inout RecordReader) throws(RecordDecodingError) -> Int {
        let serial = try reader.readInt()
        guard serial > 0 else { throw .malformed("serial \(serial)") }
        return serial
    }

    private static func day(_ reader: inout RecordReader) throws(RecordDecodingError) -> CivilDate {
        let day = try reader.readInt()
        guard (-100_000...200_000).contains(day) else { throw .malformed("day \(day)") }
        return CivilDate(dayNumber: day)
    }

    private static func status<S: RawRepresentable<UInt8>>(_ reader: inout RecordReader) throws(RecordDecodingError) -> S {
        let raw = try reader.readInt()
        guard let byte = UInt8(exactly: raw), let status = S(rawValue: byte) else { throw .malformed("status \(raw)") }
        return status
    }
}
