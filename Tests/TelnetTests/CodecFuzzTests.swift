import TestSupport
import Testing
import Telnet

/// Random streams through the codec and its line assembly, as the guest line's policy
/// meets them, from a seed printed with every failure (`HOTELLINE_FUZZ=N` for a long hunt;
/// rerun one with its seed). Each must only: not crash, end (every byte consumed once),
/// give lines that are valid UTF-8 within the limit and free of controls, not depend on
/// chunking, and never send a non-telnet peer a telnet byte.
@Suite("Codec fuzz")
struct CodecFuzzTests {
    static let maxLineBytes = 64

    /// Pieces a stream is made of: text in several scripts, broken UTF-8, controls and edit
    /// keys, every line ending, and (for telnet streams) commands, negotiations and
    /// subnegotiations whole, cut short, or with IAC IAC inside.
    static let textPieces: [[UInt8]] = [
        Array("yes".utf8), Array("24 Dec".utf8), Array("m² ".utf8), Array("中文".utf8), Array("e\u{301}".utf8), Array("😀".utf8),
        [0xC3, 0x28], [0xE2, 0x82], [0xC2, 0x85], [0xF0, 0x9F], [0x80], [0xFE], Array(repeating: UInt8(ascii: "z"), count: 70),
        [0x08], [0x7F], [0x1B, 0x5B, 0x41], [0x03], [0x04], [0x15], [0x17], [0x09], [0x00], [0x07],
        [0x0A], [0x0D, 0x0A], [0x0D], [0x0D, 0x00],
    ]
    static let telnetPieces: [[UInt8]] = [
        [255, 255], [255, 241], [255, 246], [255, 244], [255, 243], [255, 247], [255, 248], [255, 249], [255, 240],
        [255, 251, 31], [255, 252, 31], [255, 253, 0], [255, 254, 0], [255, 251, 24], [255, 253, 42], [255, 251, 42], [255, 253, 1],
        [255, 251, 3], [255, 253, 3], [255, 251, 0], [255, 253, 6], [255, 251, 34], [255, 251], [255],
        [255, 250, 31, 0, 40, 0, 24, 255, 240], [255, 250, 31, 0, 255, 255, 0, 30, 255, 240], [255, 250, 31, 1, 2, 255, 240],
        [255, 250, 24, 0] + Array("XTERM".utf8) + [255, 240], [255, 250, 24, 0, 0x1B, 0xC3, 255, 255, 255, 240],
        [255, 250, 42, 1] + Array(";UTF-8;latin1".utf8) + [255, 240], [255, 250, 42, 1] + Array("[TTABLE]".utf8) + [1, 59, 65] + [255, 240],
        [255, 250, 42, 2] + Array("UTF-8".utf8) + [255, 240], [255, 250, 42, 3, 255, 240], [255, 250, 42, 4, 1, 2, 255, 240],
        [255, 250, 42], [255, 250, 99] + Array(repeating: 7, count: 600),
    ]

    static func stream(telnet: Bool, using random: inout SeededGenerator) -> [UInt8] {
        var stream: [UInt8] = []
        for _ in 0..<Int.random(in: 1...120, using: &random) {
            if telnet && Int.random(in: 0..<3, using: &random) == 0 {
                stream += telnetPieces.randomElement(using: &random)!
            } else if Int.random(in: 0..<20, using: &random) == 0 {
                stream += (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...254, using: &random) }
            } else {
                stream += textPieces.randomElement(using: &random)!
            }
        }
        return stream
    }

    static func chunks(_ stream: [UInt8], using random: inout SeededGenerator) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + Int.random(in: 1...48, using: &random))
            chunks.append(Array(stream[start..<end]))
            start = end
        }
        return chunks
    }

    /// Feeds `chunks` to a codec with the guest line's policy; `stopWaitingAfter` calls
    /// `stopWaiting()` after that many chunks (the connection's timeout).
    static func run(_ chunks: [[UInt8]], stopWaitingAfter: Int) -> (events: [TelnetCodec.Event], codec: TelnetCodec) {
        var codec = TelnetCodec(maxLineBytes: maxLineBytes, policy: .terminal)
        var events: [TelnetCodec.Event] = []
        var scratch: [TelnetCodec.Event] = []
        for (index, chunk) in chunks.enumerated() {
            if index == stopWaitingAfter { codec.stopWaiting() }
            scratch.removeAll(keepingCapacity: true)
            codec.feed(chunk, into: &scratch)
            events += scratch
        }
        if let last = codec.finish() { events.append(.typed(last)) }
        return (events, codec)
    }

    static func checkLines(_ events: [TelnetCodec.Event], seed: UInt64) {
        for case .typed(.text(let text)) in events {
            let bytes = Array(text.utf8)
            #expect(String(validating: bytes, as: UTF8.self) == text, "seed \(seed): a line not valid UTF-8")
            #expect(bytes.count <= maxLineBytes, "seed \(seed): a line of \(bytes.count) bytes past \(maxLineBytes)")
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) },
                    "seed \(seed): a control character in \(text.debugDescription)")
        }
    }

    @Test(arguments: FuzzBudget.seeds(40))
    func telnetStreamsOnlyMustNotBreakAnything(seed: UInt64) {
        var random = SeededGenerator(seed: 0xC0DE_F022 ^ seed)
        let stream = Self.stream(telnet: true, using: &random)
        let whole = Self.run([stream], stopWaitingAfter: .max)
        Self.checkLines(whole.events, seed: seed)
        let dripped = Self.run(stream.map { [$0] }, stopWaitingAfter: .max)
        #expect(mergingReplies(dripped.events) == mergingReplies(whole.events), "seed \(seed): byte by byte differs from one read")
        let chunked = Self.run(Self.chunks(stream, using: &random), stopWaitingAfter: .max)
        #expect(mergingReplies(chunked.events) == mergingReplies(whole.events), "seed \(seed): random reads differ from one read")
        #expect(dripped.codec.peer == whole.codec.peer)
    }

    /// A raw peer (no IAC, its first line not ended by CR LF or CR NUL) never gets a byte;
    /// one whose first line ends with CR LF gets the probe, three bytes, and nothing else
    /// once the connection stops waiting for an answer that never comes.
    @Test(arguments: FuzzBudget.seeds(40))
    func rawStreamsAreNeverSentATelnetByte(seed: UInt64) {
        var random = SeededGenerator(seed: 0x00AA_F022 ^ seed)
        let stream = Self.stream(telnet: false, using: &random).filter { $0 != 255 }
        let chunks = Self.chunks(stream, using: &random)
        let result = Self.run(chunks, stopWaitingAfter: Int.random(in: 0...chunks.count, using: &random))
        Self.checkLines(result.events, seed: seed)
        let sent = replyBytes(result.events)
        switch Self.firstLineEnding(stream) {
        case .crLF:
            #expect(sent == [255, 253, 31], "seed \(seed): a CR LF peer got \(sent)")
        case .crNUL:
            #expect(result.codec.peer == .telnet, "seed \(seed)")
        case .other:
            #expect(sent.isEmpty, "seed \(seed): a raw peer was sent \(sent)")
            #expect(result.codec.peer != .telnet)
        }
    }

    enum Ending { case crLF, crNUL, other }

    /// How the stream's first line ends, as the codec decides it (LF alone, or CR followed by
    /// anything but LF and NUL, is `.other`).
    static func firstLineEnding(_ stream: [UInt8]) -> Ending {
        for (index, byte) in stream.enumerated() {
            if byte == 0x0A { return .other }
            if byte == 0x0D {
                guard index + 1 < stream.count else { return .other }
                return stream[index + 1] == 0x0A ? .crLF : stream[index + 1] == 0x00 ? .crNUL : .other
            }
        }
        return .other
    }
}
