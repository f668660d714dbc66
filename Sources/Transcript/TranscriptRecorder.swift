import Dialogue

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
///
/// Redacting (`serve --redact`), guest lines are held until the conversation has taken
/// them (`learn`), because only then is it known whether a line was a name, a phone
/// number or an email; entries after a held line wait with it, so the order is kept.
public struct TranscriptRecorder: Sendable {
    private struct HeldEntry: Sendable {
        var instant: Int64
        var direction: TranscriptDirection
        var text: String
        /// A line the guest sent (a `guest` entry or a line-problem event), which the
        /// conversation may still have queued.
        var isInput: Bool
        var masked = false
    }

    /// The text not yet taken, as UTF-8: entries are built byte by byte, not as strings.
    private var buffer: [UInt8] = []
    /// The last entry prefix written (`+12.345 line  `) and what it was for.
    private var prefix: [UInt8] = []
    private var prefixKey: (offset: Int64, direction: TranscriptDirection)?
    private let startedAt: Int64
    private var redactor: TranscriptRedactor?
    private var held: [HeldEntry] = []

    public init(header: TranscriptHeader, redacting: Bool = false) {
        startedAt = header.startedAt
        redactor = redacting ? TranscriptRedactor() : nil
        buffer.reserveCapacity(4096)
        append("# hotelline transcript ")
        appendDecimal(Int64(TranscriptHeader.formatVersion))
        append("\n# session ")
        buffer += header.session.utf8
        append("\n# flows ")
        buffer += header.flows.utf8
        append("\n# language ")
        buffer += header.language.utf8
        append("\n# started ")
        appendSigned(header.startedAt)
        append("\n# utc-offset ")
        appendSigned(Int64(header.utcOffsetSeconds))
        append("\n")
    }

    public var isRedacting: Bool { redactor != nil }

    /// Bytes waiting to be written.
    public var pendingCount: Int { buffer.count }

    public mutating func record(_ direction: TranscriptDirection, _ text: String, at instant: Int64) {
        guard var redactor else { return write(direction, text, at: instant) }
        var text = text
        var isInput = direction == .guest
        if direction == .event, case .success(let event) = TranscriptEvent.parse(text) {
            if case .outcome(let outcome) = event { text = OutcomeText.encode(redactor.redact(outcome)) }
            isInput = event.guestInput != nil
        }
        if direction != .guest { text = redactor.apply(text) }
        self.redactor = redactor
        if isInput || !held.isEmpty {
            held.append(HeldEntry(instant: instant, direction: direction, text: text, isInput: isInput))
        } else {
            write(direction, text, at: instant)
        }
    }

    /// Redacting: the conversation took `answers` in its last event and still has `queued`
    /// inputs it has not looked at; masks the guest lines that were names, phones or emails
    /// and writes out every entry that no longer waits on an unread input.
    public mutating func learn(_ answers: [AnswerAttempt], queued: Int) {
        guard var redactor else { return }
        for answer in answers {
            guard let index = held.firstIndex(where: { $0.direction == .guest && !$0.masked && Self.trimmed($0.text) == answer.typed }) else { continue }
            held[index].masked = true
            if let masked = redactor.mask(answer) { held[index].text = masked }
        }
        self.redactor = redactor
        var unread = queued
        var cut = held.count
        for index in held.indices.reversed() where unread > 0 && held[index].isInput {
            unread -= 1
            cut = index
        }
        release(held.prefix(cut).count)
    }

    /// Redacting: the call is over; lines the conversation never read are masked whole.
    public mutating func finish() {
        for index in held.indices where held[index].direction == .guest && !held[index].masked {
            held[index].text = TranscriptRedactor.shape(held[index].text)
            held[index].masked = true
        }
        release(held.count)
    }

    /// Everything recorded since the last call.
    public mutating func takeText() -> String {
        String(decoding: takeBytes(), as: UTF8.self)
    }

    /// Everything recorded since the last call, as UTF-8 (valid: it is made of strings).
    public mutating func takeBytes() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    private mutating func release(_ count: Int) {
        guard count > 0, let redactor else { return }
        for entry in held.prefix(count) {
            write(entry.direction, entry.masked ? entry.text : redactor.apply(entry.text), at: entry.instant)
        }
        held.removeFirst(count)
    }

    /// One entry per line of `text`, exactly as `entryLine` writes each (split at LF as
    /// `split(separator: "\n")` splits at characters, where CR LF is one character; controls
    /// and backslashes escaped), but appended straight from the text's UTF-8 bytes.
    private mutating func write(_ direction: TranscriptDirection, _ text: String, at instant: Int64) {
        let offset = max(0, instant - startedAt)
        if prefixKey?.offset != offset || prefixKey?.direction != direction {
            // The entries of one turn share their prefix: it is made once for all of them.
            prefixKey = (offset, direction)
            let start = buffer.count
            appendPrefix(offset, direction)
            prefix.removeAll(keepingCapacity: true)
            prefix += buffer[start...]
        } else {
            buffer += prefix
        }
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            // Plain bytes are copied in runs; only line ends, controls and backslashes stop.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                index = Self.plainRunEnd(base, from: index, count: bytes.count)
                guard index < bytes.count else { break }
                let byte = base[index]
                guard byte < 0x20 || byte == 0x5C || byte == 0x7F else {
                    index += 1
                    continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                switch byte {
                case 0x0A:
                    buffer.append(0x0A)
                    buffer += prefix
                case 0x0D where index + 1 < bytes.count && base[index + 1] == 0x0A:
                    buffer += "\\u{d}\\u{a}".utf8
                    index += 1
                case 0x5C:
                    buffer += "\\\\".utf8
                default:
                    buffer += "\\u{".utf8
                    if byte >= 0x10 { buffer.append(Self.hexDigit(byte >> 4)) }
                    buffer.append(Self.hexDigit(byte & 0x0F))
                    buffer.append(UInt8(ascii: "}"))
                }
                index += 1
                runStart = index
            }
            buffer.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
        }
        buffer.append(0x0A)
    }

    private mutating func append(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func appendSigned(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    /// `+12.345 line  `: an entry up to its text.
    private mutating func appendPrefix(_ offset: Int64, _ direction: TranscriptDirection) {
        appendOffset(offset)
        let word: StaticString
        switch direction {
        case .line: word = " line  "
        case .guest: word = " guest "
        case .event: word = " event "
        }
        buffer.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    /// `+12.345`, as `offset(_:)` writes it.
    private mutating func appendOffset(_ milliseconds: Int64) {
        buffer.append(UInt8(ascii: "+"))
        appendDecimal(milliseconds / 1000)
        buffer.append(UInt8(ascii: "."))
        let fraction = milliseconds % 1000
        buffer.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        buffer.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        buffer.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }

    private mutating func appendDecimal(_ value: Int64) {
        appendDecimal(value.magnitude)
    }

    private mutating func appendDecimal(_ value: UInt64) {
        var divisor: UInt64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Skips whole 8-byte words holding no control, DEL or backslash ("bit twiddling hacks"
    /// hasless and haszero, as the telnet codec scans input): the byte loop starts at the
    /// word with the first one.
    @inline(__always)
    private static func plainRunEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var index = start
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let control = (word &- lowBits &* 0x20) & ~word & highBits
            let delete = word ^ (lowBits &* 0x7F)
            let backslash = word ^ (lowBits &* 0x5C)
            let special = control | ((delete &- lowBits) & ~delete & highBits) | ((backslash &- lowBits) & ~backslash & highBits)
            if special != 0 { break }
            index += 8
        }
        return index
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// One entry as written: `+12.345 line  text`, control characters escaped.
    public static func entryLine(offset milliseconds: Int64, direction: TranscriptDirection, text: Substring) -> String {
        offset(milliseconds) + " " + (direction == .line ? "line " : direction.rawValue) + " " + escaped(text)
    }

    private static func trimmed(_ text: String) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// `+12.345`: seconds and milliseconds since the call was answered.
    public static func offset(_ milliseconds: Int64) -> String {
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
