/// The first lines of a transcript: which session, which prompts, when, in which language.
public struct TranscriptHeader: Equatable, Sendable {
    public static let formatVersion = 1

    public var session: String
    /// `FlowSet.version` of the prompts the call ran with.
    public var flows: String
    public var language: String
    /// When the call was answered, milliseconds since 1970 UTC; offsets count from here.
    public var startedAt: Int64
    /// The hotel's UTC offset then, so a replay sees the same local day.
    public var utcOffsetSeconds: Int

    public init(session: String, flows: String, language: String, startedAt: Int64, utcOffsetSeconds: Int) {
        self.session = session
        self.flows = flows
        self.language = language
        self.startedAt = startedAt
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}

/// Who a transcript entry is from.
public enum TranscriptDirection: String, Sendable, CaseIterable {
    /// What the line said to the guest (one entry per output line).
    case line
    /// What the guest typed.
    case guest
    /// Something that happened: a record saved, the call ended.
    case event
}

/// Collects one conversation as readable text, one entry per line:
///
///     +12.345 guest 1
///     +12.346 line  Which day would you like to arrive?
///
/// Appending is cheap string building on the event loop; the text is handed to a
/// `TranscriptWriter` in chunks, never written from here.
public struct TranscriptRecorder: Sendable {
    private var buffer: String
    private let startedAt: Int64

    public init(header: TranscriptHeader) {
        startedAt = header.startedAt
        buffer = ""
        buffer.reserveCapacity(4096)
        buffer += "# hotelline transcript \(TranscriptHeader.formatVersion)\n"
        buffer += "# session \(header.session)\n"
        buffer += "# flows \(header.flows)\n"
        buffer += "# language \(header.language)\n"
        buffer += "# started \(header.startedAt)\n"
        buffer += "# utc-offset \(header.utcOffsetSeconds)\n"
    }

    /// Bytes waiting to be written.
    public var pendingCount: Int { buffer.utf8.count }

    public mutating func record(_ direction: TranscriptDirection, _ text: String, at instant: Int64) {
        let offset = Self.offset(instant - startedAt)
        let label = direction == .line ? "line " : direction.rawValue
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            buffer += offset
            buffer += " "
            buffer += label
            buffer += " "
            buffer += Self.escaped(line)
            buffer += "\n"
        }
    }

    /// Everything recorded since the last call.
    public mutating func takeText() -> String {
        defer { buffer = "" }
        return buffer
    }

    /// `+12.345`: seconds and milliseconds since the call was answered.
    static func offset(_ milliseconds: Int64) -> String {
        let value = max(0, milliseconds)
        let fraction = value % 1000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : String(fraction)
        return "+\(value / 1000).\(padded)"
    }

    /// A carriage return or other control character a guest sneaks in is written as `\u{…}`
    /// so one entry stays one line and a terminal showing the file is not driven by it.
    static func escaped(_ line: Substring) -> Substring {
        guard line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f || $0 == "\\" }) else { return line }
        var result = ""
        for scalar in line.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7f {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else if scalar == "\\" {
                result += "\\\\"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return Substring(result)
    }
}
