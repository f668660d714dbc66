import Testing
import TestSupport
@testable import Dialogue

/// Every path of `TextLayout.wrap` (ASCII by bytes, texts that fit left alone, character by
/// character) against an oracle of its own, written from the rules alone (`TextLayout`'s
/// doc comment) and sharing no code with it but the width of one character.
@Suite("Text layout against its oracle")
struct TextLayoutFastPathTests {
    enum Reference {
        /// A character's columns: the width table, tested on its own (`DisplayWidthTests`).
        static func columns(_ character: Character) -> Int { TerminalWidth.columns(of: character) }
        static func width(_ text: String) -> Int { text.reduce(0) { $0 + columns($1) } }
        static func width(_ characters: some Sequence<Character>) -> Int { characters.reduce(0) { $0 + columns($1) } }

        static let closing: Set<Character> = [".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "、", "。", "，", "．", "：", "；", "！", "？",
                                              "）", "］", "｝", "」", "』", "】", "〕", "〉", "》", "〗", "〙", "〛", "｣", "ー", "々", "～", "…", "・"]
        static let opening: Set<Character> = ["(", "[", "{", "（", "［", "｛", "「", "『", "【", "〔", "〈", "《", "〖", "〘", "〚", "｢"]

        static func wrap(_ text: String, width: Int) -> String {
            guard width > 0 else { return text }
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line(Array($0), width: width) }.joined(separator: "\n")
        }

        /// One line, by the rules: kept whole when it fits; else its leading spaces on its
        /// first line, the others hanging under its text; breaks at spaces and around wide
        /// characters (not before closing punctuation, not after opening punctuation); a
        /// piece wider than a line cut between characters; spaces at a break dropped.
        static func line(_ characters: [Character], width: Int) -> String {
            guard self.width(characters) > width else { return String(characters) }
            let leading = characters.prefix { $0 == " " }.count
            var hang = leading
            if leading > 0 {
                let rest = characters.dropFirst(leading)
                let label = rest.prefix { $0 != " " }
                let gap = rest.dropFirst(label.count).prefix { $0 == " " }.count
                if gap >= 2 { hang = leading + self.width(label) + gap }
            }
            hang = min(hang, width / 2)
            // The pieces that never break inside, each with the spaces before it.
            var pieces: [(characters: [Character], spaces: Int)] = []
            var spaces = 0
            var piece: [Character] = []
            for character in characters.dropFirst(leading) {
                if character == " " {
                    if !piece.isEmpty { pieces.append((piece, spaces)); piece = []; spaces = 0 }
                    spaces += 1
                    continue
                }
                if let last = piece.last, columns(last) == 2 || columns(character) == 2, !closing.contains(character), !opening.contains(last) {
                    pieces.append((piece, spaces))
                    piece = []
                    spaces = 0
                }
                piece.append(character)
            }
            if !piece.isEmpty { pieces.append((piece, spaces)); spaces = 0 }
            // Greedy fill.
            var lines: [[Character]] = [Array(repeating: " ", count: leading)]
            var used = leading
            var hasText = false
            func newLine() {
                lines.append(Array(repeating: " ", count: hang))
                used = hang
            }
            for (piece, before) in pieces {
                let pieceWidth = self.width(piece)
                if hasText && used + before + pieceWidth <= width {
                    lines[lines.count - 1] += Array(repeating: " ", count: before) + piece
                    used += before + pieceWidth
                    continue
                }
                if hasText { newLine() }
                hasText = true
                if used + pieceWidth <= width {
                    lines[lines.count - 1] += piece
                    used += pieceWidth
                    continue
                }
                var lineHasPiece = false
                for character in piece {
                    if columns(character) > 0 && lineHasPiece && used + columns(character) > width {
                        newLine()
                        lineHasPiece = false
                    }
                    lines[lines.count - 1].append(character)
                    used += columns(character)
                    if columns(character) > 0 { lineHasPiece = true }
                }
            }
            if hasText && used + spaces <= width { lines[lines.count - 1] += Array(repeating: " ", count: spaces) }
            return lines.map { String($0) }.joined(separator: "\n")
        }
    }

    static let pieces = ["a", "word", "longerword", " ", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{7F}", "豪华", "m²", "e\u{301}", "❤️",
                         "🇫🇷", "\u{200B}", "Habitación", "１２", "  1  ", "$390", String(repeating: "x", count: 30),
                         "预订房间", "，", "。", "（", "）", "R1000017", "中文", "(中文)", "：", "一二三四五六七八九十"]

    @Test(arguments: [0x1a70_0001, 0x1a70_0002, 0x1a70_0003] as [UInt64])
    func randomTextsLayOutByTheRules(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for round in 0..<FuzzBudget.rounds(1000) {
            var text = ""
            let most = Bool.random(using: &random) ? 6 : 60  // short texts too: lines just over the width
            for _ in 0..<Int.random(in: 0...most, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            let width = [1, 5, 12, 30, 40, 78, 80][Int.random(in: 0..<7, using: &random)]
            #expect(displayWidth(of: text) == Reference.width(text), "seed \(seed) round \(round): \(text.debugDescription)")
            #expect(TextLayout.wrap(text, width: width) == Reference.wrap(text, width: width),
                    "seed \(seed) round \(round), width \(width): \(text.debugDescription)")
        }
    }

    /// Texts of ASCII pieces only, which take the byte path for the whole text.
    @Test(arguments: [0x1a70_0011, 0x1a70_0012] as [UInt64])
    func randomASCIITextsLayOutByTheRules(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } + ["  2  Deluxe", "    ", "x\r\n y"]
        for round in 0..<FuzzBudget.rounds(1000) {
            var text = ""
            for _ in 0..<Int.random(in: 0...(Bool.random(using: &random) ? 6 : 60), using: &random) {
                text += pieces.randomElement(using: &random)!
            }
            let width = [1, 5, 12, 30, 40, 78, 80][Int.random(in: 0..<7, using: &random)]
            #expect(TextLayout.wrap(text, width: width) == Reference.wrap(text, width: width),
                    "seed \(seed) round \(round), width \(width): \(text.debugDescription)")
        }
    }

    @Test func theShippedTextsLayOutByTheRules() {
        var call = Call()
        var heard = call.rawHeard
        for line in ["help", "1", "help", "menu", "2", "help", "9", "menu", "3", "menu", "4", "help", "menu", "5", "menu", "0"] {
            call.send(line)
            heard += "\n" + call.rawHeard
        }
        #expect(heard.contains("Harbour Suite"))
        for width in [20, 30, 40, 48, 60, 78] {
            #expect(TextLayout.wrap(heard, width: width) == Reference.wrap(heard, width: width))
        }
    }
}
