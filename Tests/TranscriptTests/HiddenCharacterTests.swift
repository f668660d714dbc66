import Foundation
import Testing
import TestSupport
import Transcript

/// Invisible and direction-changing characters never reach a transcript raw: each is
/// written escaped and read back as itself, and no transcript written before (none holds
/// one) changes by a byte.
@Suite("Hidden characters in transcripts")
struct HiddenCharacterTests {
    /// The characters the encoder escapes beyond ASCII controls.
    static let hidden: [Unicode.Scalar] = ["\u{80}", "\u{85}", "\u{9f}", "\u{061c}", "\u{200b}", "\u{200e}", "\u{200f}", "\u{2028}", "\u{2029}",
                                           "\u{202a}", "\u{202b}", "\u{202c}", "\u{202d}", "\u{202e}", "\u{2060}", "\u{2064}", "\u{2066}", "\u{2067}",
                                           "\u{2068}", "\u{2069}", "\u{feff}"]
    /// Their neighbours, which are written as they are.
    static let shown: [Unicode.Scalar] = ["\u{a0}", "é", "\u{061b}", "\u{061d}", "\u{200c}", "\u{200d}", "\u{2027}", "\u{202f}", "\u{2065}",
                                          "\u{206a}", "\u{fefe}", "\u{ff01}", "…", "–", "港", "😀"]

    @Test func eachHiddenCharacterIsWrittenEscapedAndReadBack() throws {
        for scalar in Self.hidden {
            let text = "a" + String(scalar) + "b" + String(scalar)
            let line = TranscriptText.entryLine(offset: 1000, direction: .guest, text: text)
            let hex = String(scalar.value, radix: 16)
            #expect(line == "+1.000 guest a\\u{\(hex)}b\\u{\(hex)}", "\(hex)")
            let header = "# hotelline transcript 1\n# session s\n# flows f\n# language en\n# started 0\n# utc-offset 0\n"
            let document = try TranscriptDocument.parse(header + line + "\n", fileName: "t.txt").get()
            #expect(document.entries.first?.text == text)
        }
        for scalar in Self.shown {
            let text = "x" + String(scalar)
            #expect(TranscriptText.entryLine(offset: 0, direction: .said, text: text) == "+0.000 line  " + text, "\(scalar.value)")
        }
        #expect(TranscriptText.entryLine(offset: 0, direction: .said, text: "\u{202e}\u{2028}")
                == "+0.000 line  \\u{202e}\\u{2028}", "a line separator no longer splits the entry for an editor")
    }

    @Test func everyRecordedTranscriptIsWrittenAsItIs() throws {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.transcripts).filter { $0.hasSuffix(".txt") }
        #expect(paths.count > 40)
        for path in paths {
            let document = try TranscriptDocument.read(path: TestPaths.transcripts + "/" + path).get()
            for entry in document.entries {
                #expect(entry.written == document.lines[entry.line - 1], "\(path):\(entry.line)")
            }
        }
    }
}
