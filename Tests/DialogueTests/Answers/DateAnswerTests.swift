import TestSupport
import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Date answers")
struct DateAnswerTests {
    private func english(_ text: String) -> Result<CivilDate, AnswerProblem> {
        AnswerParser.parseDate(text, today: wednesday, words: .english)
    }

    @Test(arguments: [
        "2026-12-24", "2026/12/24", "24/12/2026", "24-12-2026", "24.12.2026", "24/12/26",
        "24/12", "24 Dec", "24 December", "24th December 2026", "Dec 24", "Dec 24 2026",
        "December 24, 2026", "dec. 24th", "  24   DEC.  ", "24 Dec!", "the 24th of December",
        "２４/１２/２０２６", "2026.12.24", "Thursday 24 December", "24 dec 26", "on 24/12 please",
        "12/24",  // month first is still read when day first cannot be right
    ])
    func readsChristmasEveInEveryForm(text: String) {
        #expect(value(english(text)) == day("2026-12-24"))
    }

    @Test(arguments: [
        ("today", "2026-11-25"), ("Tomorrow", "2026-11-26"), ("tomorrow.", "2026-11-26"),
        ("day after tomorrow", "2026-11-27"), ("the day after tomorrow", "2026-11-27"),
        ("in 3 days", "2026-11-28"), ("in three days", "2026-11-28"), ("in 40 days", "2027-01-04"),
    ])
    func readsRelativeDays(text: String, iso: String) {
        #expect(value(english(text)) == day(iso))
    }

    /// Today is a Wednesday: a bare weekday may be today, "next" is strictly later.
    @Test(arguments: [
        ("friday", "2026-11-27"), ("Fri.", "2026-11-27"), ("this friday", "2026-11-27"),
        ("next friday", "2026-11-27"), ("wednesday", "2026-11-25"),
        ("next wednesday", "2026-12-02"), ("monday", "2026-11-30"), ("next tuesday", "2026-12-01"),
        ("on sunday", "2026-11-29"),
    ])
    func readsWeekdays(text: String, iso: String) {
        #expect(value(english(text)) == day(iso))
    }

    @Test func yearlessDatesAreTheNextOccurrence() {
        #expect(value(english("5 Jan")) == day("2027-01-05"))
        #expect(value(english("05/01")) == day("2027-01-05"))
        #expect(value(english("25 Nov")) == day("2026-11-25"))
        #expect(value(english("24 Nov")) == day("2027-11-24"))
        #expect(value(english("31 dec")) == day("2026-12-31"))
    }

    @Test func knowsLeapDays() {
        #expect(value(english("29 Feb 2028")) == day("2028-02-29"))
        #expect(value(english("29/02/2028")) == day("2028-02-29"))
        #expect(problem(english("29 Feb 2027")) == .noSuchDay(day: 29, month: 2))
        #expect(value(english("29 Feb")) == day("2028-02-29"))
    }

    @Test(arguments: [
        ("31 Feb", AnswerProblem.noSuchDay(day: 31, month: 2)),
        ("30/02", .noSuchDay(day: 30, month: 2)),
        ("32/13/2026", .noSuchDay(day: 32, month: 13)),
        ("31/04/2027", .noSuchDay(day: 31, month: 4)),
        ("2026-13-01", .noSuchDay(day: 1, month: 13)),
        ("0/5", .noSuchDay(day: 0, month: 5)),
        ("friday 24 december 2026", .weekdayMismatch(date: day("2026-12-24"), weekday: 5)),
        ("tomorrow friday", .weekdayMismatch(date: day("2026-11-26"), weekday: 5)),
    ])
    func namesTheProblemWithADay(text: String, expected: AnswerProblem) {
        #expect(problem(english(text)) == expected)
    }

    @Test(arguments: [
        "asdf", "", "   ", "🙂", "3", "2026", "dec", "next", "24 or 25 dec", "24 12",
        "10:30", "yes", "24/12/2026/1", "2026-12/24", "24 dec 2026 2027", "dec dec 24",
        "today tomorrow", "next 3 days", "+3", "24/12/123", "123/12", "99999999999999999999/1/1",
        "yesterday", "2026-12", "١٢/١٢/٢٠٢٦", "𝟐𝟒/𝟏𝟐",
    ])
    func refusesWhatIsNoDate(text: String) {
        #expect(problem(english(text)) == .unreadable)
    }

    @Test(arguments: [
        ("24 de diciembre", "2026-12-24"), ("el 24 de diciembre de 2026", "2026-12-24"),
        ("24 dic", "2026-12-24"), ("mañana", "2026-11-26"), ("MAÑANA", "2026-11-26"),
        ("manana", "2026-11-26"), ("pasado mañana", "2026-11-27"), ("viernes", "2026-11-27"),
        ("el próximo viernes", "2026-11-27"), ("el miércoles que viene", "2026-12-02"),
        ("hoy", "2026-11-25"), ("en 3 días", "2026-11-28"), ("el día 5 de enero", "2027-01-05"),
        ("24/12/2026", "2026-12-24"), ("sábado", "2026-11-28"),
    ])
    func readsSpanish(text: String, iso: String) {
        #expect(value(AnswerParser.parseDate(text, today: wednesday, words: .spanish)) == day(iso))
    }

    @Test(arguments: [
        ("12月24日", "2026-12-24"), ("2026年12月24日", "2026-12-24"), ("12月24号", "2026-12-24"),
        ("十二月二十四日", "2026-12-24"), ("１２月２４日", "2026-12-24"), ("12/24", "2026-12-24"),
        ("24/12", "2026-12-24"), ("2026/12/24", "2026-12-24"), ("明天", "2026-11-26"),
        ("后天", "2026-11-27"), ("今天", "2026-11-25"), ("周五", "2026-11-27"),
        ("星期五", "2026-11-27"), ("这周五", "2026-11-27"), ("下周三", "2026-12-02"),
        ("3天后", "2026-11-28"), ("1月5日", "2027-01-05"), ("星期天", "2026-11-29"),
    ])
    func readsChinese(text: String, iso: String) {
        #expect(value(AnswerParser.parseDate(text, today: wednesday, words: .chinese)) == day(iso))
    }

    @Test func chineseProblemsAreTheSameFacts() {
        let words = AnswerWords.chinese
        #expect(problem(AnswerParser.parseDate("2月30日", today: wednesday, words: words)) == .noSuchDay(day: 30, month: 2))
        #expect(problem(AnswerParser.parseDate("你好", today: wednesday, words: words)) == .unreadable)
    }

    @Test func followsTheLanguagesOrderForAmbiguousNumbers() {
        let american = AnswerWords(months: AnswerWords.english.months, weekdays: AnswerWords.english.weekdays,
                                   dateOrder: .monthDayYear)
        #expect(value(AnswerParser.parseDate("05/06/2026", today: wednesday, words: .english)) == day("2026-06-05"))
        #expect(value(AnswerParser.parseDate("05/06/2026", today: wednesday, words: american)) == day("2026-05-06"))
        #expect(value(AnswerParser.parseDate("2026-05-06", today: wednesday, words: american)) == day("2026-05-06"))
    }

    /// Any day written back in the forms guests use reads as that day again.
    @Test func readsBackRandomDaysInSeveralForms() {
        let seed: UInt64 = 20_261_125
        var generator = SeededGenerator(seed: seed)
        let months = AnswerWords.english.months
        for _ in 0..<500 {
            let date = CivilDate(dayNumber: Int.random(in: 0...47_000, using: &generator))
            let monthName = months[date.month - 1].randomElement(using: &generator)!
            let forms = [
                date.description,
                "\(date.day)/\(date.month)/\(date.year)",
                "\(date.day) \(monthName) \(date.year)",
                "\(monthName) \(date.day), \(date.year)",
                "\(date.year)年\(date.month)月\(date.day)日",
            ]
            for form in forms {
                let words: AnswerWords = form.contains("年") ? .chinese : .english
                let read = AnswerParser.parseDate(form, today: wednesday, words: words)
                #expect(value(read) == date, "seed \(seed): \(form)")
            }
        }
    }
}
