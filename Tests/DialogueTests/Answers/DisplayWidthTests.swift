import Testing
@testable import Dialogue

@Suite("Display width")
struct DisplayWidthTests {
    @Test(arguments: [
        ("Deluxe", 6), ("豪华大床房", 10), ("e\u{301}", 1), ("", 0), ("Suite 豪华", 10),
        ("Ｆ", 2), ("한국", 4), ("カタカナ", 8), ("ｶﾀｶﾅ", 4), ("🙂", 2), ("👍🏽", 2), ("🇫🇷", 2),
        ("❤️", 2), ("❤", 1), ("\u{200B}", 0), ("\u{1}", 0), ("\t", 0), ("a\u{200D}b", 2),
        ("Habitación doble", 16), ("１２：３０", 10), ("\u{1100}\u{1161}\u{11A8}", 2),
    ])
    func countsTerminalColumns(text: String, columns: Int) {
        #expect(displayWidth(of: text) == columns)
    }

    @Test func padsByColumnsNotCharacters() {
        #expect(padded("豪华", toWidth: 6) == "豪华  ")
        #expect(padded("Deluxe", toWidth: 8) == "Deluxe  ")
        #expect(padded("Deluxe", toWidth: 4) == "Deluxe")
        #expect(padded("e\u{301}", toWidth: 2) == "e\u{301} ")
        let menu = ["1  Deluxe", "2  豪华大床房", "3  Habitación"].map { padded($0, toWidth: 16) + "|" }
        #expect(Set(menu.map { displayWidth(of: $0) }) == [17])
    }
}
