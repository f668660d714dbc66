/// Transcript entries taken from a `TranscriptRecorder`, not yet turned into text: made on
/// the event loop for nearly nothing, written out (`bytes()`) by the thread that writes the
/// file, so the loop never builds transcript text.
public struct TranscriptText: Sendable {
    /// One entry as recorded: offset from the call's start (ms), direction, text.
    struct Entry: Sendable {
        var offset: Int64
        var direction: TranscriptDirection
        var text: String
    }

    /// The header, for the first text taken from a recorder.
    let header: TranscriptHeader?
    let entries: [Entry]

    public var isEmpty: Bool {
        // A pattern, not `header == nil`, which copied the header out to compare it.
        if case .some = header { return false }
        return entries.isEmpty
    }

    /// One entry as a transcript holds it, `+12.345 line  text`, one line per line of `text`
    /// (LF between them, none at the end), written by the encoder the recorder's text is
    /// written with: how reports and rewritten transcripts quote an entry.
    public static func entryLine(offset: Int64, direction: TranscriptDirection, text: some StringProtocol) -> String {
        var encoder = TranscriptEncoder(capacity: text.utf8.count + 40)
        encoder.write(direction, String(text), offset: offset)
        var bytes = encoder.take()
        bytes.removeLast()  // the line end after the last line
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `+12.345`: seconds and milliseconds since the call was answered, as entries begin.
    public static func offset(_ milliseconds: Int64) -> String {
        var encoder = TranscriptEncoder(capacity: 32)
        encoder.writeOffset(milliseconds)
        return String(decoding: encoder.take(), as: UTF8.self)
    }

    /// The text as UTF-8: the header lines if any, then one line per entry line.
    public func bytes() -> [UInt8] {
        var encoder = TranscriptEncoder(capacity: entries.reduce(header == nil ? 0 : 160) { $0 + $1.text.utf8.count + 32 })
        if let header { encoder.writeHeader(header) }
        for entry in entries { encoder.write(entry.direction, entry.text, offset: entry.offset) }
        return encoder.take()
    }
}

/// Builds transcript text byte by byte: the one writer of the format. Each entry is one
/// line per line of its text (split at a LF that is not part of CR LF), controls, DEL and
/// backslashes escaped as `\u{1b}` and `\\`, so an entry never spans lines it did not have;
/// C1 controls and invisible or direction-changing characters (the bidi marks, embeddings,
/// overrides and isolates, U+2028/9, zero-width space, word joiner, BOM) are escaped the
/// same way (`\u{202e}`), so a transcript shows, in any editor or terminal, every character
/// in the order it was typed. (None of them appears in a transcript written before they were.)
///
/// It writes into memory of its own (a copy and a bounds check per run, no `Array`
/// bookkeeping per append), handed over as an array once at the end.
struct TranscriptEncoder: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Where the last entry prefix (`+12.345 line  `) starts in the text, its length, and
    /// what it was for: the entries of one turn copy it instead of writing it again.
    private var prefixStart = 0
    private var prefixLength = 0
    private var prefixKey: (offset: Int64, direction: TranscriptDirection)?

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The text written, as an array; the encoder is done.
    consuming func take() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    mutating func writeHeader(_ header: TranscriptHeader) {
        append("# hotelline transcript ")
        appendDecimal(Int64(TranscriptHeader.formatVersion))
        append("\n# session ")
        append(string: header.session)
        append("\n# flows ")
        append(string: header.prompts)
        append("\n# language ")
        append(string: header.language)
        append("\n# started ")
        appendSigned(header.startedAt.millisecondsSince1970)
        append("\n# utc-offset ")
        appendSigned(Int64(header.utcOffsetSeconds))
        append("\n")
    }

    /// One entry per line of `text` (split at a LF not part of CR LF; controls and
    /// backslashes escaped), appended straight from the text's UTF-8 bytes.
    mutating func write(_ direction: TranscriptDirection, _ text: String, offset: Int64) {
        if prefixKey?.offset != offset || prefixKey?.direction != direction {
            // The entries of one turn share their prefix: it is made once for all of them.
            prefixKey = (offset, direction)
            prefixStart = count
            appendPrefix(offset, direction)
            prefixLength = count - prefixStart
        } else {
            repeatPrefix()
        }
        var text = text
        text.withUTF8 { bytes in
            guard let source = bytes.baseAddress else { return }
            // Plain bytes are copied in runs; only line ends, controls and backslashes stop.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                index = Self.plainRunEnd(source, from: index, count: bytes.count)
                guard index < bytes.count else { break }
                let byte = source[index]
                if byte >= 0x80 {
                    let length = Self.hiddenLength(source + index, count: bytes.count - index)
                    guard length > 0 else {
                        index += 1
                        continue
                    }
                    append(source + runStart, count: index - runStart)
                    appendEscaped(scalarAt: source + index, length: length)
                    index += length
                    runStart = index
                    continue
                }
                guard byte < 0x20 || byte == 0x5C || byte == 0x7F else {
                    index += 1
                    continue
                }
                append(source + runStart, count: index - runStart)
                switch byte {
                case 0x0A:
                    append(byte: 0x0A)
                    repeatPrefix()
                case 0x0D where index + 1 < bytes.count && source[index + 1] == 0x0A:
                    append("\\u{d}\\u{a}")
                    index += 1
                case 0x5C:
                    append("\\\\")
                default:
                    append("\\u{")
                    if byte >= 0x10 { append(byte: Self.hexDigit(byte >> 4)) }
                    append(byte: Self.hexDigit(byte & 0x0F))
                    append(byte: UInt8(ascii: "}"))
                }
                index += 1
                runStart = index
            }
            append(source + runStart, count: index - runStart)
        }
        append(byte: 0x0A)
    }

    /// `\u{202e}` for the scalar of `length` UTF-8 bytes at `start`.
    private mutating func appendEscaped(scalarAt start: UnsafePointer<UInt8>, length: Int) {
        var value = UInt32(start[0]) & (length == 2 ? 0x1F : 0x0F)
        for offset in 1..<length { value = value << 6 | UInt32(start[offset] & 0x3F) }
        append("\\u{")
        var shift = 20
        while shift > 0 && value >> UInt32(shift) == 0 { shift -= 4 }
        while shift >= 0 {
            append(byte: Self.hexDigit(UInt8(value >> UInt32(shift) & 0xF)))
            shift -= 4
        }
        append(byte: UInt8(ascii: "}"))
    }

    /// The UTF-8 length of the character at `start` when it is one the encoder escapes
    /// beyond ASCII (a C1 control, or an invisible or direction-changing character: U+061C,
    /// U+200B, U+200E/F, U+2028–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF; the console's
    /// `ConsoleText.isHidden` set), else 0. Read from the bytes: no decoding of anything else.
    @inline(__always)
    static func hiddenLength(_ start: UnsafePointer<UInt8>, count: Int) -> Int {
        switch start[0] {
        case 0xC2: return count >= 2 && start[1] < 0xA0 ? 2 : 0                       // U+0080–U+009F
        case 0xD8: return count >= 2 && start[1] == 0x9C ? 2 : 0                      // U+061C
        case 0xE2:
            guard count >= 3 else { return 0 }
            switch (start[1], start[2]) {
            case (0x80, 0x8B), (0x80, 0x8E), (0x80, 0x8F), (0x80, 0xA8...0xAE): return 3  // U+200B, 200E/F, 2028–202E
            case (0x81, 0xA0...0xA4), (0x81, 0xA6...0xA9): return 3                      // U+2060–2064, 2066–2069
            default: return 0
            }
        case 0xEF: return count >= 3 && start[1] == 0xBB && start[2] == 0xBF ? 3 : 0   // U+FEFF
        default: return 0
        }
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(toFit: extra)
    }

    /// The rare path of `reserve`, kept out of line so the common one inlines small.
    @inline(never)
    private mutating func grow(toFit extra: Int) {
        var grown = capacity * 2
        while grown < count + extra { grown *= 2 }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        storage.update(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = grown
    }

    @inline(__always)
    private mutating func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        reserve(length)
        (base + count).update(from: source, count: length)
        count += length
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    private mutating func append(string text: String) {
        var text = text
        text.withUTF8 { if let source = $0.baseAddress { append(source, count: $0.count) } }
    }

    /// The last prefix again, for the next entry of the same turn.
    @inline(__always)
    private mutating func repeatPrefix() {
        reserve(prefixLength)
        (base + count).update(from: base + prefixStart, count: prefixLength)
        count += prefixLength
    }

    private mutating func appendSigned(_ value: Int64) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    /// `+12.345 line  `: an entry up to its text, written with one room check.
    private mutating func appendPrefix(_ offset: Int64, _ direction: TranscriptDirection) {
        writeOffset(offset)
        let word: StaticString
        switch direction {
        case .said: word = " line  "
        case .guest: word = " guest "
        case .event: word = " event "
        }
        reserve(7)
        (base + count).update(from: word.utf8Start, count: 7)
        count += 7
    }

    /// `+12.345`: the offset an entry begins with (a negative one is written as 0).
    mutating func writeOffset(_ offset: Int64) {
        // `+`, up to 19 digits of seconds, `.`, 3 of milliseconds.
        reserve(24)
        let milliseconds = max(0, offset)
        base[count] = UInt8(ascii: "+")
        count += 1
        appendDigits(UInt64(milliseconds / 1000))
        let fraction = Int(milliseconds % 1000)
        base[count] = UInt8(ascii: ".")
        base[count + 1] = UInt8(ascii: "0") + UInt8(fraction / 100)
        base[count + 2] = UInt8(ascii: "0") + UInt8(fraction / 10 % 10)
        base[count + 3] = UInt8(ascii: "0") + UInt8(fraction % 10)
        count += 4
    }

    /// The decimal digits of `value`, room already reserved.
    @inline(__always)
    private mutating func appendDigits(_ value: UInt64) {
        var divisor: UInt64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            base[count] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
            count += 1
            divisor /= 10
        }
    }

    private mutating func appendDecimal(_ value: Int64) {
        appendDecimal(value.magnitude)
    }

    private mutating func appendDecimal(_ value: UInt64) {
        reserve(20)  // UInt64.max has 20 digits
        appendDigits(value)
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Skips whole 8-byte words holding no control, DEL, backslash or non-ASCII byte ("bit twiddling hacks"
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
            // Any byte past ASCII stops the skip too: the byte loop looks at it for the few
            // characters that are escaped (text that is all ASCII keeps its fast path).
            let special = control | ((delete &- lowBits) & ~delete & highBits) | ((backslash &- lowBits) & ~backslash & highBits)
                | (word & highBits)
            if special != 0 { break }
            index += 8
        }
        return index
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
