import Testing
import TestSupport
@testable import Dialogue

/// The byte paths a prompt file's lines are read by (`trimmingSpaces`, `firstEquals`,
/// `startsWith(ascii:)`) find what a walk over characters finds, on seeded random lines of
/// ASCII, Latin, CJK, marks that join what comes before, and scripts the bytes do not vouch for.
@Suite("Settings lines read as bytes")
struct SettingsLineBytesTests {
    static let pieces = ["a", "key", " ", "  ", "\t", "\r", "=", "==", "#", "|", "[", "]", "é", "e\u{301}", "\u{301}", "\u{200D}",
                         "訂房", "。", "ー", "\u{0E33}", "\u{0915}\u{094D}", "\u{0600}", "🙂", "\u{FE0F}", "x = y"]

    static func lines(seed: UInt64) -> [Substring] {
        var random = SeededGenerator(seed: seed)
        return (0..<400).map { _ in
            // A prefix of junk then the line, so each is a substring that starts inside a string.
            let line = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let full = "ab" + line
            return full[full.index(full.startIndex, offsetBy: 2)...]
        }
    }

    @Test(arguments: FuzzBudget.seeds(2))
    func bytesFindWhatCharactersFind(seed: UInt64) {
        for line in Self.lines(seed: seed) {
            let characters = Array(line)
            // Trimmed by characters: spaces, tabs and CRs (a CR LF is no CR) off both ends.
            let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
            let start = characters.firstIndex { !isSpace($0) } ?? characters.count
            let end = (characters.lastIndex { !isSpace($0) }).map { $0 + 1 } ?? start
            #expect(String(line.trimmingSpaces()) == String(characters[start..<max(start, end)]), "seed \(seed): \(line.debugDescription)")
            let equals = characters.firstIndex(of: "=")
            #expect(line.firstEquals().map { line[..<$0].count } == equals, "seed \(seed): \(line.debugDescription)")
            for mark in ["#", "|", "[", " "] as [Unicode.Scalar] {
                #expect(line.startsWith(ascii: mark) == (characters.first == Character(mark)), "seed \(seed), \(mark): \(line.debugDescription)")
            }
        }
    }

    @Test func aMarkJoiningTheFirstCharacterIsNoneOfTheMarksBytes() {
        let line = "x#\u{301} comment"
        let joined = line[line.index(after: line.startIndex)...]
        #expect(!joined.startsWith(ascii: "#"))
        #expect(line.dropFirst(0).startsWith(ascii: "x"))
        #expect(!"".dropFirst().startsWith(ascii: "#"))
        #expect("#".dropFirst(0).startsWith(ascii: "#"))
    }
}
