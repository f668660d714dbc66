import Glibc

/// The line being typed: bytes collected between line ends, edited by erase commands,
/// bounded by `maxLineBytes`, checked once when the line ends.
///
/// Promises: never holds more than `maxLineBytes` bytes (an over-long line is reported
/// once, then discarded up to its end without buffering); a finished line is valid UTF-8
/// free of C0 and C1 controls, or it is reported as `.invalidText` / `.controlCharacters`
/// instead of its bytes. The buffer is reused from line to line.
struct LineAssembler: Sendable {
    let maxLineBytes: Int
    private var bytes: [UInt8] = []
    /// The current line went over the limit: drop everything up to its end.
    private(set) var isDiscarding = false
    /// A non-ASCII byte, or a control byte, entered the line. Erasing does not clear
    /// these; the checks at the end of the line are exact, the flags only let a line
    /// skip the checks it cannot fail.
    private var hasNonASCII = false
    private var hasControl = false

    init(maxLineBytes: Int) {
        precondition(maxLineBytes > 0, "maxLineBytes must be positive")
        self.maxLineBytes = maxLineBytes
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// Appends printable bytes (no C0 controls, DEL or 0xFF). Returns true when this made
    /// the line too long: the caller reports it, once.
    mutating func append(run: UnsafeBufferPointer<UInt8>, nonASCII: Bool) -> Bool {
        guard !isDiscarding else { return false }
        guard bytes.count + run.count <= maxLineBytes else { return startDiscarding() }
        if bytes.capacity == 0 {
            bytes.reserveCapacity(min(maxLineBytes, 256))
        }
        bytes.append(contentsOf: run)
        hasNonASCII = hasNonASCII || nonASCII
        return false
    }

    /// Appends one byte (a control, a space, or a literal 0xFF). Returns true when this
    /// made the line too long.
    mutating func append(byte: UInt8) -> Bool {
        guard !isDiscarding else { return false }
        guard bytes.count < maxLineBytes else { return startDiscarding() }
        bytes.append(byte)
        if byte >= 0x80 {
            hasNonASCII = true
        } else if byte < 0x20 || byte == 0x7F {
            hasControl = true
        }
        return false
    }

    /// Removes the last UTF-8 scalar (BS, DEL, IAC EC): its continuation bytes and lead.
    mutating func eraseScalar() {
        var continuations = 0
        while continuations < 3, let last = bytes.last, last & 0xC0 == 0x80 {
            bytes.removeLast()
            continuations += 1
        }
        // A lead byte ends a scalar; orphan continuation bytes were a scalar of their own.
        if let last = bytes.last, continuations == 0 || last >= 0xC0 {
            bytes.removeLast()
        }
    }

    /// Empties the line (IAC EL). A line being discarded starts afresh: its text is gone.
    mutating func eraseLine() {
        bytes.removeAll(keepingCapacity: true)
        hasNonASCII = false
        hasControl = false
        isDiscarding = false
    }

    /// Ends the line: its event, or nil for a line that was discarded as too long.
    mutating func take() -> TelnetCodec.Event? {
        defer { eraseLine() }
        if isDiscarding { return nil }
        if !hasNonASCII && !hasControl { return .line(String(decoding: bytes, as: UTF8.self)) }
        return bytes.withUnsafeBufferPointer { classify($0) }
    }

    /// Ends input: the partial line's event, or nil when nothing (or a discarded line)
    /// was pending.
    mutating func takePartial() -> TelnetCodec.Event? {
        if bytes.isEmpty && !isDiscarding { return nil }
        return take()
    }

    private mutating func startDiscarding() -> Bool {
        eraseLine()
        isDiscarding = true
        return true
    }

    private func classify(_ line: UnsafeBufferPointer<UInt8>) -> TelnetCodec.Event {
        let text: String
        if hasNonASCII {
            guard let valid = String(validating: line, as: UTF8.self) else { return .invalidText }
            text = valid
        } else {
            text = String(decoding: line, as: UTF8.self)
        }
        if hasControl && line.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return .controlCharacters
        }
        if hasNonASCII, let base = line.baseAddress {
            // In valid UTF-8, U+0080...U+009F (C1) is exactly C2 followed by 80...9F.
            var from = 0
            while let found = memchr(base + from, 0xC2, line.count - from) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + 1 < line.count && line[index + 1] < 0xA0 { return .controlCharacters }
                from = index + 1
            }
        }
        return .line(text)
    }
}
