import TestSupport
import Testing
import Telnet

/// Whole streams: chunking must not matter, and no input may crash the codec.
@Suite struct CodecStreamTests {
    /// A long stream mixing every feature the codec has.
    static let rounds = FuzzBudget.rounds(15)
    static let mixedStream: [UInt8] = {
        var stream: [UInt8] = []
        for round in 0..<rounds {
            stream += bytes("line \(round) with ünïcödé 日本 \t tab\r\n")
            stream += [iac, TelnetCommand.do, TelnetOption.echo, iac, TelnetCommand.will, TelnetOption.windowSize]
            stream += [iac, TelnetCommand.sb, TelnetOption.windowSize, 0, 80, iac, iac, 24, iac, TelnetCommand.se]
            stream += bytes("cr nul\r\0lone cr\rlf only\n")
            stream += bytes("erase é") + [0x7F, 0x08] + bytes("!\r\n")
            stream += bytes("\u{1b}[A\r\n") + [0xC3, 0x28] + bytes("\r\n")
            stream += [UInt8](repeating: UInt8(ascii: "z"), count: 1500) + bytes("\r\n")
            stream += [iac, TelnetCommand.ayt, iac, TelnetCommand.ip] + bytes("bye ") + [iac, iac] + bytes("\n")
            stream += bytes("😀 end\r")
        }
        return stream + bytes("no newline")
    }()

    @Test func dripFeedGivesTheSameEventsAsOneChunk() {
        var whole = CodecHarness()
        let expected = mergingReplies(whole.feed(chunks: [Self.mixedStream], finish: true))
        var drip = CodecHarness()
        let dripped = mergingReplies(drip.feed(chunks: Self.mixedStream.map { [$0] }, finish: true))
        #expect(dripped == expected)
        #expect(expected.contains(.text("line \(Self.rounds - 1) with ünïcödé 日本   tab")))
        #expect(expected.contains(.text("erase!")))
        #expect(expected.last == .text("no newline"))
        #expect(expected.filter { $0 == .tooLong(limit: 1024) }.count == Self.rounds)
    }

    @Test func randomChunkingGivesTheSameEventsAsOneChunk() {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        var whole = CodecHarness()
        let expected = mergingReplies(whole.feed(chunks: [Self.mixedStream], finish: true))
        for _ in 0..<20 {
            var harness = CodecHarness()
            let chunks = Self.split(Self.mixedStream, using: &generator)
            #expect(mergingReplies(harness.feed(chunks: chunks, finish: true)) == expected)
        }
    }

    /// Random bytes, biased toward the interesting ones: must only not crash, keep lines
    /// within the limit, and still not depend on chunking.
    @Test(arguments: [0x0123_4567_89AB_CDEF, 0x0000_0000_0000_0001, 0xDEAD_BEEF_F00D_CAFE] as [UInt64])
    func fuzzedInputOnlyMustNotCrash(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let interesting: [UInt8] = [iac, iac, iac, TelnetCommand.sb, TelnetCommand.se, TelnetCommand.do,
                                    TelnetCommand.will, TelnetCommand.ec, TelnetCommand.el, 0x0D, 0x0A, 0x00,
                                    0x08, 0x7F, 0x1B, 0xC2, 0x85, 0xE2, 0x82, 0xAC]
        for iteration in 0..<50 {
            var input: [UInt8] = []
            for _ in 0..<4096 {
                let roll = generator.next() % 4
                input.append(roll == 0 ? interesting[Int(generator.next() % UInt64(interesting.count))]
                                       : UInt8(truncatingIfNeeded: generator.next()))
            }
            var whole = CodecHarness(maxLineBytes: 64)
            let expected = mergingReplies(whole.feed(chunks: [input], finish: true))
            var chunked = CodecHarness(maxLineBytes: 64)
            let got = mergingReplies(chunked.feed(chunks: Self.split(input, using: &generator), finish: true))
            #expect(got == expected, "seed \(seed) iteration \(iteration): chunking changed the events")
            for case .typed(.text(let text)) in expected where text.utf8.count > 64 {
                Issue.record("seed \(seed) iteration \(iteration): line of \(text.utf8.count) bytes passed a limit of 64")
            }
        }
    }

    private static func split(_ stream: [UInt8], using generator: inout SeededGenerator) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + 1 + Int(generator.next() % 40))
            chunks.append(Array(stream[start..<end]))
            start = end
        }
        return chunks
    }
}
