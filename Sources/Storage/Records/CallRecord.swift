import HotelCalendar

/// One call on the guest line, written to the journal when it ends: when it was answered
/// and when it ended (so its length), the language it ended in, and every wait for a person
/// in it. What the service's measures count calls by (DOMAIN.md: call volume, average call
/// duration, answer timeliness), so they are on disk with the hotel's other records.
///
/// A record for the hotel's figures, not a promise to a guest: written after the call, never
/// waited for by anyone on the line.
public struct CallRecord: Equatable, Sendable {
    /// The call's name, as its transcript is named (`20261125-1226-e71b-17`).
    public var session: String
    /// When the line answered.
    public var startedAt: WallTime
    /// When the call ended (hung up by either side, or closed by the line).
    public var endedAt: WallTime
    /// The language the call was in when it ended.
    public var language: String
    /// Each time the guest asked for a person, in order.
    public var waits: [PersonWait]

    public init(session: String, startedAt: WallTime, endedAt: WallTime, language: String, waits: [PersonWait] = []) {
        self.session = session
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.language = language
        self.waits = waits
    }

    /// How long the call lasted (never negative, even if the clock was set back mid-call).
    public var milliseconds: Int64 { max(0, endedAt - startedAt) }
}

/// One wait for a person: how long the guest waited, and how it ended.
public struct PersonWait: Equatable, Sendable {
    /// How a wait for a person ended.
    public enum Ending: UInt8, Sendable, CaseIterable, CustomStringConvertible {
        /// An agent took the call.
        case putThrough = 1
        /// The queue gave up: nobody left to answer, or the guest waited too long (and was
        /// offered a callback).
        case queueGaveUp = 2
        /// Nobody was logged in: the guest was offered a callback at once.
        case nobodyOnDuty = 3
        /// The guest left the line for a person (took the callback offered while waiting).
        case leftQueue = 4
        /// The call ended while the guest was waiting.
        case hungUp = 5

        public var description: String {
            switch self {
            case .putThrough: return "put-through"
            case .queueGaveUp: return "gave-up"
            case .nobodyOnDuty: return "nobody-on-duty"
            case .leftQueue: return "left"
            case .hungUp: return "hung-up"
            }
        }
    }

    /// From the guest asking (or going back into the queue) to the wait's end.
    public var milliseconds: Int64
    public var ending: Ending

    public init(milliseconds: Int64, ending: Ending) {
        self.milliseconds = milliseconds
        self.ending = ending
    }
}

extension CallRecord {
    /// Version 1: session, start and end (milliseconds since 1970), language, then the
    /// number of waits and each wait's milliseconds and ending.
    func write(to writer: inout RecordWriter) {
        writer.write(session); writer.write(startedAt.millisecondsSince1970); writer.write(endedAt.millisecondsSince1970)
        writer.write(language)
        writer.write(waits.count)
        for wait in waits { writer.write(wait.milliseconds); writer.write(Int(wait.ending.rawValue)) }
    }

    /// Reads what `write(to:)` wrote; a count or ending out of range is damage, not a guess.
    static func read(_ reader: inout RecordReader) throws(RecordDecodingError) -> CallRecord {
        let session = try reader.readString()
        let startedAt = WallTime(millisecondsSince1970: try reader.readInt64())
        let endedAt = WallTime(millisecondsSince1970: try reader.readInt64())
        let language = try reader.readString()
        let count = try reader.readInt()
        guard (0...10_000).contains(count) else { throw .malformed("\(count) waits for a person") }
        var waits: [PersonWait] = []
        for _ in 0..<count {
            let milliseconds = try reader.readInt64()
            let raw = try reader.readInt()
            guard milliseconds >= 0 else { throw .malformed("a wait of \(milliseconds) ms") }
            guard let byte = UInt8(exactly: raw), let ending = PersonWait.Ending(rawValue: byte) else { throw .malformed("a wait ending \(raw)") }
            waits.append(PersonWait(milliseconds: milliseconds, ending: ending))
        }
        return CallRecord(session: session, startedAt: startedAt, endedAt: endedAt, language: language, waits: waits)
    }
}
