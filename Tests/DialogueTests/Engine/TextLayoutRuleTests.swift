import Testing
@testable import Dialogue

/// The layout rules one at a time, on examples a person can check by eye.
@Suite("Text layout rules")
struct TextLayoutRuleTests {
    static func lines(_ text: String, _ width: Int) -> [String] {
        TextLayout.wrap(text, width: width).components(separatedBy: "\n")
    }

    @Test func chineseBreaksBetweenCharactersNeverBeforeClosingPunctuation() {
        let text = "您好，欢迎致电海景酒店。我们的客房均可欣赏海景，入住时间为下午三点，退房时间为上午十一点。"
        let lines = Self.lines(text, 30)
        #expect(lines.count > 1)
        for line in lines {
            #expect(displayWidth(of: line) <= 30, "\(line)")
            #expect(!(line.first.map { "，。、）".contains($0) } ?? false), "a line starts with closing punctuation: \(line)")
        }
        #expect(lines.joined() == text, "nothing lost, nothing added")
    }

    @Test func openingPunctuationStaysWithWhatFollows() {
        let lines = Self.lines("一二三四五六七八九十一二三（四五）", 30)
        for line in lines { #expect(!line.hasSuffix("（"), "\(lines)") }
    }

    @Test func aWordOrANumberIsNeverSplitWhenItFits() {
        let text = "Your confirmation number is R1000017. Please keep it for any change: 08:00–20:00."
        for width in 30...40 {
            let lines = Self.lines(text, width)
            #expect(lines.contains { $0.contains("R1000017") }, "width \(width): \(lines)")
            #expect(lines.contains { $0.contains("08:00–20:00.") }, "width \(width): \(lines)")
            for line in lines { #expect(displayWidth(of: line) <= width) }
        }
    }

    @Test func aNumberBetweenChineseCharactersStaysWhole() {
        let lines = Self.lines("您的预订号码是R1000017号，入住日期是2026年12月24日，请保留此号码以便查询。", 30)
        #expect(lines.contains { $0.contains("R1000017") })
        #expect(lines.contains { $0.contains("2026") } && lines.contains { $0.contains("24") })
        for line in lines { #expect(displayWidth(of: line) <= 30, "\(line)") }
    }

    @Test func aWordWiderThanTheLineIsCutBetweenCharacters() {
        let long = String(repeating: "x", count: 50)
        #expect(Self.lines("see " + long, 30) == ["see", String(repeating: "x", count: 30), String(repeating: "x", count: 20)])
        // Never inside a character: each accented letter keeps its accent.
        let accented = String(repeating: "e\u{301}", count: 40)
        let cut = Self.lines(accented, 30)
        #expect(cut.map { $0.count } == [30, 10])
        #expect(cut.allSatisfy { $0.unicodeScalars.first != "\u{301}" })
    }

    @Test func menuLabelsStayUnderEachOtherWhenTheyWrap() {
        let menu = "   1  Make a booking inquiry about our rooms and rates\n   2  Report a complaint about your stay\n  10  Speak to a person"
        let lines = Self.lines(menu, 30)
        #expect(lines == [
            "   1  Make a booking inquiry",
            "      about our rooms and",
            "      rates",
            "   2  Report a complaint about",
            "      your stay",
            "  10  Speak to a person",
        ])
    }

    @Test func spacesAtABreakAreDropped() {
        #expect(Self.lines("one two  three", 9) == ["one two", "three"])
        #expect(Self.lines("a  b", 78) == ["a  b"])
    }
}
