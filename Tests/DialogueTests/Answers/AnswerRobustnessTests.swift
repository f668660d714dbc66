import TestSupport
import HotelCalendar
import Testing
@testable import Dialogue

/// Whatever a guest types, every parser answers with a value or a problem: never a
/// crash, never a hang. Found inputs are pinned in `garbage`; the fuzz prints its seed.
@Suite("Answer robustness")
struct AnswerRobustnessTests {
    private static let now = LocalMoment(date: wednesday, time: TimeOfDay(hour: 9, minute: 0)!)

    static let garbage: [String] = [
        "asdf", "", " ", "🙂", "32/13/2026", String(repeating: "9", count: 1_000),
        String(repeating: "a ", count: 500), String(repeating: "日", count: 400), String(repeating: "12月", count: 170),
        "\u{202E}evil", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̸͓", "\u{FEFF}", "\u{0}", "\u{1B}[2J", "٣/١٢/٢٠٢٦", "𝟐𝟒/𝟏𝟐",
        "1e9", "24/12/99999", "--3", "+", "::", "....", "2026-12-24-25", "0/0/0", "00:00:00:00",
        "-1", "é", "\u{301}", "9223372036854775807", "-9223372036854775808", "99999999/99999999",
        "12:", ":30", "h", "pm pm", "next next friday", "de de de", "下下下周五", "半", "点", "年月日",
        "'", "''''", "a'", "\u{FE0F}", "👍🏽👎", "@", "@@", "+-+-1", "0x1F", "１２：３０：", "\r\n",
    ]

    @Test(arguments: garbage)
    func everyParserAnswersGarbageCleanly(text: String) {
        exerciseEveryParser(text)
        #expect(problem(AnswerParser.parseDate(text, today: wednesday, words: .english)) != nil)
    }

    @Test func overlongAnswersAreRefusedWithoutWork() {
        let long = "24 December " + String(repeating: " ", count: 1_000)
        #expect(problem(AnswerParser.parseDate(long, today: wednesday, words: .english)) == .unreadable)
        #expect(problem(AnswerParser.parseYesNo("yes" + String(repeating: "!", count: 600), words: .english)) == .unreadable)
    }

    /// Random strings over an alphabet chosen to hit every branch of the tokenizer.
    @Test func fuzzedAnswersNeverCrash() {
        let seed: UInt64 = 0x4854_4C4E_2026
        var generator = SeededGenerator(seed: seed)
        let alphabet: [String] = [
            "0", "1", "2", "9", "12", "2026", " ", "/", "-", ".", ":", "+", "'", ",", "!", "h", "am", "pm",
            "dec", "may", "fri", "next", "tomorrow", "yes", "no", "of", "th", "@", "a", "é", "\u{301}",
            "月", "日", "年", "点", "半", "下", "周五", "明天", "十", "二", "１", "：", "。", "🙂", "👍",
            "\u{200B}", "\t", "de", "mañana", "noches", "nights", "out of",
        ]
        for round in 0..<FuzzBudget.rounds(500) {
            let length = Int.random(in: 0...12, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            exerciseEveryParser(text, context: "seed \(seed) round \(round): \(text.debugDescription)")
        }
    }

    /// Runs every parser and checks what each promises about a value it returns.
    private func exerciseEveryParser(_ text: String, context: String = "") {
        for words in [AnswerWords.english, .spanish, .chinese] {
            _ = AnswerParser.parseDate(text, today: wednesday, words: words)
            _ = AnswerParser.parseTime(text, words: words)
            _ = AnswerParser.parseMoment(text, now: Self.now, words: words)
            _ = AnswerParser.parseNights(text, words: words)
            _ = AnswerParser.parseInteger(text, words: words)
            _ = AnswerParser.parseYesNo(text, words: words)
            if let score = value(AnswerParser.parseRating(text, min: 1, max: 5, words: words)) {
                #expect((1...5).contains(score), "\(context)")
            }
        }
        if let phone = value(AnswerParser.parsePhone(text)) {
            #expect(PhoneNumber(normalized: phone.normalized) == phone, "\(context)")
        }
        if let address = value(AnswerParser.parseEmail(text)) {
            #expect(EmailAddress(address.description) == address, "\(context)")
        }
        #expect(displayWidth(of: padded(text, toWidth: 20)) >= 20, "\(context)")
    }
}
