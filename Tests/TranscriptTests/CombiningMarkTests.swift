import Testing
import Transcript

/// Text that starts with a combining mark or a joiner, or has one after a quote, an escape
/// or a backslash, reads back as written: the parser reads by Unicode scalar, where as
/// `Character`s the mark fused with the space, quote or brace before it.
@Suite("Combining marks in transcripts")
struct CombiningMarkTests {
    @Test func entriesAndEventsWithMarksAfterStructureReadBack() throws {
        let header = "# hotelline transcript 1\n# session s\n# flows f\n# language en\n# started 0\n# utc-offset 0\n"
        for text in ["\u{301}e", "\u{200d}x", "\u{1b}\u{301}", "\\\u{301}", "\"\u{301} quoted", "a \u{301}b", "\u{202e}\u{301}"] {
            for direction in [TranscriptDirection.said, .guest] {
                let line = TranscriptText.entryLine(offset: 5, direction: direction, text: text)
                let document = try TranscriptDocument.parse(header + line + "\n", fileName: "t.txt").get()
                #expect(document.entries.first?.text == text, "\(text.debugDescription) as \(line.debugDescription)")
            }
            let event = TranscriptEvent.agentSaid(name: "Mei", text: text)
            let line = TranscriptText.entryLine(offset: 5, direction: .event, text: event.text)
            let document = try TranscriptDocument.parse(header + line + "\n", fileName: "t.txt").get()
            #expect(document.entries.first?.content == .event(event), "\(text.debugDescription) as \(line.debugDescription)")
        }
    }
}
