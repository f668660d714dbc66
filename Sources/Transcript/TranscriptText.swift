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

    public var isEmpty: Bool { header == nil && entries.isEmpty }

    /// The text as UTF-8: the header lines if any, then one line per entry line.
    public func bytes() -> [UInt8] {
        var encoder = TranscriptEncoder()
        encoder.buffer.reserveCapacity(entries.reduce(header == nil ? 0 : 160) { $0 + $1.text.utf8.count + 24 })
        if let header { encoder.writeHeader(header) }
        for entry in entries { encoder.write(entry.direction, entry.text, offset: entry.offset) }
        return encoder.buffer
    }
}

/// Builds transcript text byte by byte, exactly as `TranscriptRecorder.entryLine` writes
/// each entry (one per line of its text, split at LF as `split(separator: "\n")` splits at
/// characters, where CR LF is one character; controls and backslashes escaped).
struct TranscriptEncoder {
    var buffer: [UInt8] = []
    /// The last entry prefix written (`+12.345 line  `) and what it was for.
    private var prefix: [UInt8] = []
    private var prefixKey: (offset: Int64, direction: TranscriptDirection)?

    mutating func writeHeader(_ header: TranscriptHeader) {
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

    /// One entry per line of `text`, exactly as `entryLine` writes each (split at LF as
    /// `split(separator: "\n")` splits at characters, where CR LF is one character; controls
    /// and backslashes escaped), but appended straight from the text's UTF-8 bytes.
    mutating func write(_ direction: TranscriptDirection, _ text: String, offset: Int64) {
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
}
