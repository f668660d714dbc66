import Testing
import TestSupport
@testable import Dialogue

/// The byte-level fast paths of reading an answer must read it exactly as the character
/// by character way does.
@Suite("Answer fast paths")
struct AnswerFastPathTests {
    static let pieces = ["1", "book", "Book", "a room", " ", "  ", "\t", ".", "!", "。", "！", "call me", "call back", "-", "'", "é",
                         "É", "豪华", "ß", "İ", "x", "0", "menu", "I'd", "\r"]

    @Test(arguments: [0xa45_0001, 0xa45_0002] as [UInt64])
    func foldingAndWordsAsBefore(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for round in 0..<4000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...6, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            let fast = TypedAnswer(text), slow = TypedAnswer(folding: text)
            #expect(fast.original == slow.original && fast.folded == slow.folded, "seed \(seed) round \(round): \(text.debugDescription)")
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            #expect(Conversation.asciiWords(text) == text.split { !$0.isLetter && !$0.isNumber }.map(String.init), "\(text.debugDescription)")
            for part in ["call me", "a room", "o", "", "book a room", " "] {
                #expect(Conversation.asciiText(text, contains: part) == text.contains(part), "\(text.debugDescription) ∋ \(part.debugDescription)")
            }
        }
    }
}
