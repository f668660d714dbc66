import Testing
import TestSupport
import Transcript

/// The recorder builds entries from UTF-8 bytes; each must read exactly as `entryLine`
/// writes it, one entry per line of the text.
@Suite("Recording entries")
struct TranscriptRecorderTests {
    static let header = TranscriptHeader(session: "s", flows: "f", language: "en", startedAt: 1_795_600_800_000, utcOffsetSeconds: 0)
    static let pieces = ["a", "Word", " ", "\n", "\r\n", "\r", "\t", "\\", "\u{1b}[A", "\u{7f}", "\u{0}", "豪华", "m²", "e\u{301}",
                         "❤️", "\u{85}", "\n\n", "+44 20", "}", "{any}"]

    @Test(arguments: [0x7ec0_0001, 0x7ec0_0002] as [UInt64])
    func entriesReadAsEntryLineWritesThem(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var recorder = TranscriptRecorder(header: Self.header)
        var expected = recorder.takeText()
        #expect(expected == "# hotelline transcript 1\n# session s\n# flows f\n# language en\n# started 1795600800000\n# utc-offset 0\n")
        expected = ""
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            let direction = TranscriptDirection.allCases.randomElement(using: &random)!
            let offset = [Int64(-5), 0, 7, 999, 1000, 61_234, 3_600_000_001].randomElement(using: &random)!
            recorder.record(direction, text, at: Self.header.startedAt + offset)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                expected += TranscriptRecorder.entryLine(offset: offset, direction: direction, text: line) + "\n"
            }
        }
        #expect(recorder.pendingCount >= expected.utf8.count / 2, "about the bytes waiting")
        #expect(recorder.takeText() == expected)
        #expect(recorder.pendingCount == 0)
    }
}
