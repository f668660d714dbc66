import Foundation
import Storage
import Testing
import TestSupport

/// The audit log is JSON Lines a machine can read back: one event a line, every field a
/// JSON string or number, nothing a person typed able to forge a field or split a line.
@Suite("Audit log")
struct AuditLogTests {
    /// The fields of one line, read with Foundation's JSON parser (which shares no code
    /// with the writer), and the line's count of line breaks of any kind.
    static func fields(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("\n"))
        let body = line.dropLast()
        #expect(!body.contains { $0.isNewline }, "one line: \(line.debugDescription)")
        #expect(!body.unicodeScalars.contains { $0.value >= 0x7f && !Self.printable($0) }, "nothing invisible left raw: \(line.debugDescription)")
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8))
        return try #require(object as? [String: Any])
    }

    static func printable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .privateUse, .surrogate, .unassigned: false
        default: true
        }
    }

    @Test func aLineIsOneJSONObjectWithTheTimeToTheMillisecond() throws {
        let line = AuditLog.line("login-failed", ["agent": "mei", "from": "127.0.0.1"], at: 1_796_234_400_123)
        #expect(line == #"{"at":"2026-12-02T18:00:00.123Z","event":"login-failed","agent":"mei","from":"127.0.0.1"}"# + "\n")
        #expect(AuditLog.line("lockout", ["agent": "mei", "minutes": 15], at: 0)
                == #"{"at":"1970-01-01T00:00:00.000Z","event":"lockout","agent":"mei","minutes":15}"# + "\n")
    }

    /// `mei` + U+00A0 + `from=10.6.6.6` read as a second `from=` in the old `key=value`
    /// lines; U+2028 split a record in two for any reader that honours it.
    @Test func noTypedValueCanForgeAFieldOrSplitALine() throws {
        let forged = "mei\u{a0}from=10.6.6.6"
        let line = AuditLog.line("login-failed", ["agent": .text(forged), "from": "127.0.0.1"], at: 0)
        #expect(line.contains(#""agent":"mei\u00a0from=10.6.6.6""#))
        var fields = try Self.fields(line)
        #expect(fields["agent"] as? String == forged)
        #expect(fields["from"] as? String == "127.0.0.1")
        for hostile in ["a\u{2028}b", "a\u{2029}b", "a\nb", "a\r\n{\"event\":\"login\"}", "x\",\"from\":\"10.6.6.6", "back\\slash\"quote",
                        "\u{202e}nimda", "\u{200f}\u{200e}\u{061c}\u{feff}\u{2066}\u{2069}", "del\u{7f}c1\u{85}\u{9b}", "\u{e0041}tag", "\u{1b}[2J"] {
            fields = try Self.fields(AuditLog.line("note", ["text": .text(hostile), "by": "mei"], at: 0))
            #expect(fields["text"] as? String == hostile, "\(hostile.debugDescription)")
            #expect(fields["by"] as? String == "mei")
            #expect(fields.count == 4)
        }
    }

    @Test func anyStringRoundTripsOnOneLine() throws {
        let alphabet: [Unicode.Scalar] = ["a", " ", "\"", "\\", "=", "\n", "\r", "\t", "\u{0}", "\u{1f}", "\u{7f}", "\u{85}", "\u{a0}", "\u{ad}",
                                          "\u{2028}", "\u{2029}", "\u{202e}", "\u{200b}", "\u{feff}", "\u{3000}", "\u{e000}", "\u{10ffff}",
                                          "é", "港", "😀", "\u{1f3fb}"]
        for seed in FuzzBudget.seeds(200) {
            var random = SeededGenerator(seed: seed)
            var value = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &random) { value.append(alphabet.randomElement(using: &random)!) }
            let text = String(value)
            let fields = try Self.fields(AuditLog.line("x", ["v": .text(text)], at: 0))
            #expect(fields["v"] as? String == text, "seed \(seed): \(text.debugDescription)")
        }
    }

    @Test func appendingWritesTheLineAndSaysWhyWhenItCannot() throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let line = AuditLog.line("export", ["kind": "guests"], at: 0)
        #expect(AuditLog.append(line, dataDirectory: directory) == nil)
        #expect(try String(contentsOfFile: directory + "/audit.log", encoding: .utf8) == line)
        let blocked = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: blocked) }
        try FileManager.default.createDirectory(atPath: blocked + "/audit.log", withIntermediateDirectories: true)
        #expect(AuditLog.append(line, dataDirectory: blocked) == "\(blocked)/audit.log: cannot open: Is a directory")
    }
}
