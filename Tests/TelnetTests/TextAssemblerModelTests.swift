import Glibc
import Testing
import TestSupport
@testable import Telnet

/// The line assembler keeps its line in an array that only grows, with a length; this is
/// the assembler as it was (an array appended to and emptied per line), and a random mix of
/// runs, bytes, erasures and line ends must give the same events from both.
@Suite("Line assembler against the array model")
struct TextAssemblerModelTests {
    @Test(arguments: [1, 3, 16, 300, 1024])
    func sameEventsAsTheArrayModel(maxLineBytes: Int) {
        var generator = SeededGenerator(seed: UInt64(0x11E0 + maxLineBytes))
        var fast = TextAssembler(maxLineBytes: maxLineBytes)
        var model = ArrayTextAssembler(maxLineBytes: maxLineBytes)
        let pieces: [[UInt8]] = [Array("yes".utf8), Array("2".utf8), Array("é".utf8), [0xC2, 0x85], [0xC2, 0x9B], [0xC2, 0xA0], [0xE2, 0x82], [0xAC],
                                 Array(repeating: UInt8(ascii: "a"), count: 200), [0xF0, 0x9F, 0x98, 0x80], [0xFF, 0xFE]]
        for step in 0..<FuzzBudget.rounds(8_000) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<4:
                let run = pieces.randomElement(using: &generator)!
                let nonASCII = run.contains { $0 >= 0x80 }
                let tooLong = run.withUnsafeBufferPointer { (fast.append(run: $0, nonASCII: nonASCII), model.append(run: $0, nonASCII: nonASCII)) }
                #expect(tooLong.0 == tooLong.1, "step \(step)")
            case 4, 5:
                let byte = [UInt8(0x1B), 0x20, 0x07, 0xFF, 0x7F, 0x80].randomElement(using: &generator)!
                #expect(fast.append(byte: byte) == model.append(byte: byte), "step \(step)")
            case 6:
                fast.eraseScalar()
                model.eraseScalar()
            case 7:
                if Bool.random(using: &generator) {
                    fast.eraseLine()
                    model.eraseLine()
                } else {
                    #expect(fast.takePartial() == model.takePartial(), "step \(step)")
                }
            default:
                #expect(fast.take() == model.take(), "step \(step)")
            }
            #expect(fast.isEmpty == model.isEmpty && fast.isDiscarding == model.isDiscarding, "step \(step)")
        }
    }
}

/// `TextAssembler` before its bytes got a length of their own, and without its flags and
/// byte scans for classifying a line: the reference.
struct ArrayTextAssembler {
    let maxLineBytes: Int
    private var bytes: [UInt8] = []
    /// The current line went over the limit: drop everything up to its end.
    private(set) var isDiscarding = false

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
        return false
    }

    /// Appends one byte (a control, a space, or a literal 0xFF). Returns true when this
    /// made the line too long.
    mutating func append(byte: UInt8) -> Bool {
        guard !isDiscarding else { return false }
        guard bytes.count < maxLineBytes else { return startDiscarding() }
        bytes.append(byte)
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
        isDiscarding = false
    }

    /// Ends the line: its event, or nil for a line that was discarded as too long.
    mutating func take() -> TypedInput? {
        defer { eraseLine() }
        if isDiscarding { return nil }
        return Self.classify(bytes)
    }

    /// What a finished line is, decided scalar by scalar and independently of the
    /// assembler's byte-level shortcuts: not UTF-8, holding a C0 or C1 control or DEL, or text.
    static func classify(_ bytes: [UInt8]) -> TypedInput {
        guard let text = String(validating: bytes, as: UTF8.self) else { return .unreadable }
        let isControl = { (scalar: Unicode.Scalar) in scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) }
        return text.unicodeScalars.contains(where: isControl) ? .controlCharacters : .text(text)
    }

    /// Ends input: the partial line's event, or nil when nothing (or a discarded line)
    /// was pending.
    mutating func takePartial() -> TypedInput? {
        if bytes.isEmpty && !isDiscarding { return nil }
        return take()
    }

    private mutating func startDiscarding() -> Bool {
        eraseLine()
        isDiscarding = true
        return true
    }
}
