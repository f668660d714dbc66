import Testing
import TestSupport
@testable import Dialogue

/// A flow line of ASCII is cut into words in bytes: the same words, quotes, escapes,
/// comments and refusals as the walk over characters every other line takes (seeded random
/// lines of words, blanks, quotes, backslashes and `#`).
@Suite("Flow lines cut in bytes")
struct LineTokenizerBytesTests {
    static let pieces = ["ask", "main.menu", "->", ":", " ", "  ", "\t", "\r", "\"", "\"a b\"", "\\", "\\\"", "#", "# note", "x#y", "=", "1"]

    static func words(_ cut: (Substring) throws(LineTokenizer.Problem) -> [LineTokenizer.Token], _ line: Substring) -> Result<[LineTokenizer.Token], LineTokenizer.Problem> {
        do throws(LineTokenizer.Problem) { return .success(try cut(line)) } catch { return .failure(error) }
    }

    @Test(arguments: FuzzBudget.seeds(2))
    func asciiLinesGetTheWordsCharactersGet(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var refused = 0
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let line = ("ab" + text).dropFirst(2)
            let bytes = Self.words(LineTokenizer.asciiTokens, line), characters = Self.words(LineTokenizer.characterTokens, line)
            #expect(bytes == characters, "seed \(seed): \(text.debugDescription)")
            if case .failure = characters { refused += 1 }
        }
        #expect(refused > 0, "some lines leave a quote open")
    }
}
