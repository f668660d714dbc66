import Glibc

/// The line being typed: bytes collected between line ends, edited by erase commands,
/// bounded by `maxLineBytes`, checked once when the line ends.
///
/// Promises: never holds more than `maxLineBytes` bytes (an over-long line is reported
/// once, then discarded up to its end without buffering); a finished line is valid UTF-8
/// free of C0 and C1 controls, or it is reported as `.unreadable` / `.controlCharacters`
/// instead of its bytes. The buffer is reused from line to line.
struct TextAssembler: Sendable {
    let maxLineBytes: Int
    /// The line is `bytes[0..<length]`; the array only grows (to `maxLineBytes` at most), so
    /// ending a line is setting `length` to 0, not an array's removal, and adding a run is
    /// one copy into room already there.
    private var bytes: [UInt8] = []
    private var length = 0
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

    var isEmpty: Bool { length == 0 }

    /// Appends printable bytes (no C0 controls, DEL or 0xFF). Returns true when this made
    /// the line too long: the caller reports it, once.
    mutating func append(run: UnsafeBufferPointer<UInt8>, nonASCII: Bool) -> Bool {
        guard !isDiscarding else { return false }
        guard length + run.count <= maxLineBytes else { return startDiscarding() }
        guard let source = run.baseAddress, run.count > 0 else { return false }
        if bytes.count < length + run.count { grow(to: length + run.count) }
        let start = length
        bytes.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: start).update(from: source, count: run.count) }
        length += run.count
        hasNonASCII = hasNonASCII || nonASCII
        return false
    }

    /// Appends one byte (a control, a space, or a literal 0xFF). Returns true when this
    /// made the line too long.
    mutating func append(byte: UInt8) -> Bool {
        guard !isDiscarding else { return false }
        guard length < maxLineBytes else { return startDiscarding() }
        if bytes.count == length { grow(to: length + 1) }
        bytes[length] = byte
        length += 1
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
        while continuations < 3, length > 0, bytes[length - 1] & 0xC0 == 0x80 {
            length -= 1
            continuations += 1
        }
        // A lead byte ends a scalar; orphan continuation bytes were a scalar of their own.
        if length > 0, continuations == 0 || bytes[length - 1] >= 0xC0 {
            length -= 1
        }
    }

    /// Removes the last word and the spaces after it (Ctrl-W): back to the space before it.
    mutating func eraseWord() {
        guard !isDiscarding else { return }
        while length > 0 && bytes[length - 1] == 0x20 { length -= 1 }
        while length > 0 && bytes[length - 1] != 0x20 { length -= 1 }
    }

    /// Empties the line (IAC EL). A line being discarded starts afresh: its text is gone.
    mutating func eraseLine() {
        length = 0
        hasNonASCII = false
        hasControl = false
        isDiscarding = false
    }

    /// Ends the line: its event, or nil for a line that was discarded as too long.
    mutating func take() -> TypedInput? {
        defer { eraseLine() }
        if isDiscarding { return nil }
        let count = length
        if !hasNonASCII && !hasControl {
            return .text(bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<count]), as: UTF8.self) })
        }
        return bytes.withUnsafeBufferPointer {
            Self.classify(UnsafeBufferPointer(rebasing: $0[0..<count]), hasNonASCII: hasNonASCII, hasControl: hasControl)
        }
    }

    /// Ends input: the partial line's event, or nil when nothing (or a discarded line)
    /// was pending.
    mutating func takePartial() -> TypedInput? {
        if length == 0 && !isDiscarding { return nil }
        return take()
    }

    /// Room for `needed` bytes: at least 256 (or the limit), doubling, never past the limit.
    private mutating func grow(to needed: Int) {
        let size = min(maxLineBytes, max(needed, 256, bytes.count * 2))
        bytes.append(contentsOf: repeatElement(0, count: size - bytes.count))
    }

    private mutating func startDiscarding() -> Bool {
        eraseLine()
        isDiscarding = true
        return true
    }

    /// A finished line that holds non-ASCII or control bytes (as the flags say): its event.
    static func classify(_ line: UnsafeBufferPointer<UInt8>, hasNonASCII: Bool, hasControl: Bool) -> TypedInput {
        let text: String
        if hasNonASCII {
            guard let valid = String(validating: line, as: UTF8.self) else { return .unreadable }
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
        return .text(text)
    }
}
