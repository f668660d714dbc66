import Testing
import TestSupport
@testable import Dialogue

/// Reading an ASCII answer by its bytes must give exactly the tokens and the folding the
/// character-by-character way gives.
@Suite("Answer text fast path")
struct AnswerTextFastPathTests {
    /// Every ASCII byte but CR is a character; CR (and CR LF) and text that is not ASCII go
    /// the character way, and are here to check they still read the same.
    static let pieces = ["1", "24", "2026", "-", "+", "/", ".", ":", ",", "!", "?", ";", "'", "\"", "(", ")", " ", "\t", "\n", "\u{0B}",
                         "\u{0C}", "\r", "\r\n", "\u{1C}", "\u{1F}", "\u{7F}", "\u{01}", "a", "Dec", "o'clock", "that's", "x'", "&", "#",
                         "@", "_", "~", "`", "3pm", "10:30", "12/24", "1-2/3", "é", "１２", "明天", "’", "\u{A0}", "Z", "[", "{"]

    @Test(arguments: [0xa57_0001, 0xa57_0002, 0xa57_0003] as [UInt64])
    func tokensAndFoldingAsBefore(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for round in 0..<FuzzBudget.rounds(1500) {
            let text = (0..<Int.random(in: 0...7, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            #expect(AnswerText.tokens(of: text) == AnswerText.characterTokens(of: text), "seed \(seed) round \(round): \(text.debugDescription)")
            #expect(AnswerText.folded(text) == AnswerText.scalarFolded(text), "seed \(seed) round \(round): \(text.debugDescription)")
            let normalized = AnswerText.normalized(text)
            #expect(AnswerText.tokens(of: normalized) == AnswerText.characterTokens(of: normalized), "\(normalized.debugDescription)")
        }
    }

    @Test(arguments: [0xa57_1001, 0xa57_1002] as [UInt64])
    func phoneNumbersAndLengthsAsBefore(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let parts = Self.pieces + ["+44", "00", "0044", "555", "(555)", "010-4477", "0123456789", "1234567", "+", "++1", "１", "ⅷ"]
        for round in 0..<FuzzBudget.rounds(1500) {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined()
            #expect(PhoneNumber.parse(text) == PhoneNumber.parse(text, byCharacter: true), "seed \(seed) round \(round): \(text.debugDescription)")
            #expect(TypedAnswer(text).characterCount == TypedAnswer(text).original.count, "\(text.debugDescription)")
        }
    }

    @Test func everyASCIIByteAlone() {
        for byte in UInt8(0)..<0x80 {
            let text = String(decoding: [byte, 0x31, byte, 0x61, byte], as: UTF8.self)
            #expect(AnswerText.tokens(of: text) == AnswerText.characterTokens(of: text), "\(text.debugDescription)")
            #expect(AnswerText.folded(text) == AnswerText.scalarFolded(text), "\(text.debugDescription)")
            #expect(PhoneNumber.parse(text) == PhoneNumber.parse(text, byCharacter: true), "\(text.debugDescription)")
        }
    }
}
