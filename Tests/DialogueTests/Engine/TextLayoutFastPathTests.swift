import Testing
import TestSupport
@testable import Dialogue

/// The fast paths of `displayWidth` and `TextLayout.wrap` (ASCII by bytes, texts that fit
/// left alone) must lay out every text exactly as the character-by-character way did.
@Suite("Text layout fast paths")
struct TextLayoutFastPathTests {
    /// The layout as it was before the fast paths: every line split and measured by character.
    enum Reference {
        static func width(_ text: String) -> Int { text.reduce(0) { $0 + TerminalWidth.columns(of: $1) } }

        static func wrap(_ text: String, width: Int) -> String {
            guard width > 0, text.utf8.count > width else { return text }
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { wrap(line: $0, width: width) }.joined(separator: "\n")
        }

        /// Every line broken character by character, as before the byte paths.
        static func wrap(line: Substring, width: Int) -> String {
            Self.width(String(line)) > width ? TextLayout.breaking(line, width: width) : String(line)
        }
    }

    static let pieces = ["a", "word", "longerword", " ", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{7F}", "豪华", "m²", "e\u{301}", "❤️",
                         "🇫🇷", "\u{200B}", "Habitación", "１２", "  1  ", "$390", String(repeating: "x", count: 30)]

    @Test(arguments: [0x1a70_0001, 0x1a70_0002, 0x1a70_0003] as [UInt64])
    func randomTextsLayOutAsBefore(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for round in 0..<FuzzBudget.rounds(1000) {
            var text = ""
            let most = Bool.random(using: &random) ? 6 : 60  // short texts too: lines just over the width
            for _ in 0..<Int.random(in: 0...most, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            let width = [1, 5, 12, 40, 78, 80][Int.random(in: 0..<6, using: &random)]
            #expect(displayWidth(of: text) == Reference.width(text), "seed \(seed) round \(round): \(text.debugDescription)")
            #expect(TextLayout.wrap(text, width: width) == Reference.wrap(text, width: width),
                    "seed \(seed) round \(round), width \(width): \(text.debugDescription)")
        }
    }

    /// Texts of ASCII pieces only, which take the byte path for the whole text.
    @Test(arguments: [0x1a70_0011, 0x1a70_0012] as [UInt64])
    func randomASCIITextsLayOutAsBefore(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } + ["  2  Deluxe", "    ", "x\r\n y"]
        for round in 0..<FuzzBudget.rounds(1000) {
            var text = ""
            for _ in 0..<Int.random(in: 0...(Bool.random(using: &random) ? 6 : 60), using: &random) {
                text += pieces.randomElement(using: &random)!
            }
            let width = [1, 5, 12, 40, 78, 80][Int.random(in: 0..<6, using: &random)]
            #expect(TextLayout.wrap(text, width: width) == Reference.wrap(text, width: width),
                    "seed \(seed) round \(round), width \(width): \(text.debugDescription)")
        }
    }

    @Test func theShippedTextsLayOutAsBefore() {
        var call = Call()
        var heard = call.rawHeard
        for line in ["help", "1", "help", "menu", "2", "help", "9", "menu", "3", "menu", "4", "help", "menu", "5", "menu", "0"] {
            call.send(line)
            heard += "\n" + call.rawHeard
        }
        #expect(heard.contains("Harbour Suite"))
        for width in [20, 40, 78] {
            #expect(TextLayout.wrap(heard, width: width) == Reference.wrap(heard, width: width))
        }
    }
}
