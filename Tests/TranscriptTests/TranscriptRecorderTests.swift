import HotelCalendar
import Testing
import TestSupport
import Transcript

/// What the recorder writes must read back as what it was told: the parser, which shares
/// no code with the encoder, is the oracle. Every line of a recorded text comes back as its
/// own entry, with its direction, its offset (never below zero) and its characters exactly.
/// (Events are typed values, read back as such: `ConversationEventMappingTests`.)
@Suite("Recording entries")
struct TranscriptRecorderTests {
    static let header = TranscriptHeader(session: "s", prompts: "f", language: "en", startedAt: WallTime(millisecondsSince1970: 1_795_600_800_000), utcOffsetSeconds: 0)
    static let pieces = ["a", "Word", " ", "\n", "\r\n", "\r", "\t", "\\", "\u{1b}[A", "\u{7f}", "\u{0}", "豪华", "m²", "e\u{301}",
                         "❤️", "\u{85}", "\n\n", "+44 20", "}", "{any}", "\\u{41}", "\u{202e}", "\u{2028}", "\u{2029}", "\u{200f}",
                         "\u{feff}", "\u{2066}", "\u{061c}", "\u{200d}", "…"]

    @Test(arguments: [0x7ec0_0001, 0x7ec0_0002] as [UInt64])
    func whatIsRecordedReadsBackAsItWasTold(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var recorder = TranscriptRecorder(header: Self.header)
        var told: [(offset: Int64, direction: TranscriptDirection, text: String)] = []
        var instant: Int64 = 0, latest: Int64 = 0
        for _ in 0..<FuzzBudget.rounds(700) {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            // An event's text is a `TranscriptEvent`'s (read back as one); any text is said or typed.
            let direction = [TranscriptDirection.said, .guest].randomElement(using: &random)!
            // The clock moves on, stands still, or a reading a little older comes after a newer.
            instant += [Int64(-5), -1, 0, 7, 999, 1000, 61_234, 3_600_001].randomElement(using: &random)!
            recorder.record(direction, text, at: Self.header.startedAt.adding(milliseconds: instant))
            // An entry is never written before the one above it (the line reads its clock
            // more than once a turn), nor before the call began.
            latest = max(latest, instant)
            // One entry per line: a LF that is not part of a CR LF ends one.
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                told.append((latest, direction, String(line)))
            }
        }
        let written = recorder.takeText()
        #expect(written.hasPrefix("# hotelline transcript 1\n# session s\n# flows f\n# language en\n# started 1795600800000\n# utc-offset 0\n"))
        #expect(recorder.pendingCount == 0)
        #expect(!written.contains("\r") && !written.contains("\u{1b}"), "controls are written escaped, never raw")
        #expect(!written.unicodeScalars.contains { HiddenCharacterTests.hidden.contains($0) }, "and so are invisible and bidi characters")
        // The offsets told go back and forth, those written never do: the parser, which
        // refuses an entry before the one above it, reads the whole text back.
        let entries = try TranscriptDocument.parse(written, fileName: "recorded.txt").get().entries
        try #require(entries.count == told.count, "one entry per line told")
        for (entry, expected) in zip(entries, told)
        where !(entry.offset == expected.offset && entry.direction == expected.direction && entry.text == expected.text) {
            let told = "\(expected.offset) \(expected.direction) \(expected.text.debugDescription)"
            Issue.record("seed \(seed): read back as \(entry.offset) \(entry.direction) \(entry.text.debugDescription), told \(told)")
        }
    }

    @Test func anEntryIsQuotedAsTheRecorderWritesIt() {
        #expect(TranscriptText.entryLine(offset: 61_234, direction: .said, text: "Room:\t1 \\ \u{1b}[A") == "+61.234 line  Room:\\u{9}1 \\\\ \\u{1b}[A")
        #expect(TranscriptText.entryLine(offset: -5, direction: .guest, text: "yes") == "+0.000 guest yes")
        #expect(TranscriptText.offset(3_600_000_001) == "+3600000.001")
    }
}
