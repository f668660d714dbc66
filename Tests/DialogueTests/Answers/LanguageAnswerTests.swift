import HotelCalendar
import Testing
import TestSupport
@testable import Dialogue

/// What guests of each language type, read as the line reads it: dates in the usual
/// written forms and relative words, times, nights, yes and no, fullwidth digits.
/// Today is Wednesday 25 November 2026.
@Suite("Answers in Chinese")
struct ChineseAnswerTests {
    static let both: [AnswerWords] = [.traditionalChinese, .simplifiedChinese]
    static let nineAM = LocalMoment(date: wednesday, time: TimeOfDay(hour: 9, minute: 0)!)

    @Test(arguments: [
        ("12月24日", "2026-12-24"), ("2026年12月24日", "2026-12-24"), ("１２月２４日", "2026-12-24"), ("十二月二十四日", "2026-12-24"),
        ("12/24", "2026-12-24"), ("2026/12/24", "2026-12-24"), ("12月24號", "2026-12-24"), ("12月24号", "2026-12-24"),
        ("24號", "2026-12-24"), ("24号", "2026-12-24"), ("25日", "2026-11-25"), ("1月5日", "2027-01-05"),
        ("今天", "2026-11-25"), ("明天", "2026-11-26"), ("後天", "2026-11-27"), ("后天", "2026-11-27"), ("大後天", "2026-11-28"),
        ("聽日", "2026-11-26"), ("星期五", "2026-11-27"), ("週五", "2026-11-27"), ("周五", "2026-11-27"), ("禮拜五", "2026-11-27"),
        ("這週五", "2026-11-27"), ("这周五", "2026-11-27"), ("這週一", "2026-11-23"), ("本週日", "2026-11-29"),
        ("下星期五", "2026-12-04"), ("下週五", "2026-12-04"), ("下周五", "2026-12-04"), ("下禮拜五", "2026-12-04"),
        ("下個星期一", "2026-11-30"), ("下个星期三", "2026-12-02"), ("下星期天", "2026-12-06"),
        ("12月24日（星期四）", "2026-12-24"), ("2026年12月24日（星期四）", "2026-12-24"), ("我想12月24日入住", "2026-12-24"),
        ("3天後", "2026-11-28"),
    ])
    func readsDates(text: String, iso: String) {
        for words in Self.both {
            #expect(value(AnswerParser.parseDate(text, today: wednesday, words: words)) == day(iso), "\(text)")
        }
    }

    @Test func aWeekdayThatDisagreesIsSaid() {
        for words in Self.both {
            #expect(problem(AnswerParser.parseDate("12月24日（星期五）", today: wednesday, words: words)) == .weekdayMismatch(date: day("2026-12-24"), weekday: 5))
            #expect(problem(AnswerParser.parseDate("下週", today: wednesday, words: words)) == .unreadable)
            #expect(problem(AnswerParser.parseDate("2月30日", today: wednesday, words: words)) == .noSuchDay(day: 30, month: 2))
        }
    }

    @Test(arguments: [
        ("明天上午10點", "2026-11-26", 10, 0), ("明天上午10点", "2026-11-26", 10, 0), ("明天下午3點半", "2026-11-26", 15, 30),
        ("今天下午4點30分", "2026-11-25", 16, 30), ("明天10:00", "2026-11-26", 10, 0), ("明天１０：００", "2026-11-26", 10, 0),
        ("聽日上午10點", "2026-11-26", 10, 0), ("下星期五下午2點", "2026-12-04", 14, 0), ("12月24日上午9點", "2026-12-24", 9, 0),
        ("明天早上十點", "2026-11-26", 10, 0), ("明天中午12點", "2026-11-26", 12, 0),
    ])
    func readsMoments(text: String, iso: String, hour: Int, minute: Int) {
        for words in Self.both {
            #expect(value(AnswerParser.parseMoment(text, now: Self.nineAM, words: words))
                == .at(LocalMoment(date: day(iso), time: TimeOfDay(hour: hour, minute: minute)!)), "\(text)")
        }
    }

    @Test func nowIsAsSoonAsPossible() {
        for words in Self.both {
            for text in ["現在", "现在", "馬上", "尽快"] {
                #expect(value(AnswerParser.parseMoment(text, now: Self.nineAM, words: words)) == .asSoonAsPossible, "\(text)")
            }
        }
    }

    @Test(arguments: [("3晚", 3), ("三晚", 3), ("住3晚", 3), ("3個晚上", 3), ("三个晚上", 3), ("２晚", 2), ("两晚", 2)])
    func readsNights(text: String, nights: Int) {
        for words in Self.both {
            #expect(value(AnswerParser.parseNights(text, words: words)) == nights, "\(text)")
        }
    }

    @Test(arguments: [("是", true), ("是的", true), ("對", true), ("对", true), ("好", true), ("好的，謝謝", true), ("沒錯", true),
                      ("可以", true), ("yes", true), ("OK", true), ("不是", false), ("不", false), ("不對", false), ("不用了", false),
                      ("no", false), ("沒有", false)])
    func readsYesAndNo(text: String, answer: Bool) {
        for words in Self.both {
            #expect(value(AnswerParser.parseYesNo(TypedAnswer(text).folded, words: words)) == answer, "\(text)")
        }
    }

    @Test(arguments: [("两间", 2), ("2間", 2), ("三", 3), ("２", 2)])
    func readsNumbers(text: String, number: Int) {
        for words in Self.both {
            #expect(value(AnswerParser.parseInteger(TypedAnswer(text).folded, words: words)) == number, "\(text)")
        }
    }

    @Test func aShortNumericDateIsMonthFirstWhateverTheHotelSays() {
        let words = AnswerWords.traditionalChinese.adjusted(yes: nil, no: nil, today: nil, tomorrow: nil, dateOrder: .dayMonthYear)
        #expect(value(AnswerParser.parseDate("5/6", today: wednesday, words: words)) == day("2027-05-06"))
        let spanish = AnswerWords.spanish.adjusted(yes: nil, no: nil, today: nil, tomorrow: nil, dateOrder: .dayMonthYear)
        #expect(value(AnswerParser.parseDate("5/6", today: wednesday, words: spanish)) == day("2027-06-05"))
    }

    /// Every day as the line says it in Chinese reads back as that day.
    @Test func readsBackTheDatesTheLineSays() {
        let seed: UInt64 = 0x2026_1224
        var generator = SeededGenerator(seed: seed)
        let weekdays = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
        for _ in 0..<FuzzBudget.rounds(400) {
            let date = wednesday.adding(days: Int.random(in: 0...3000, using: &generator))
            let said = "\(date.year)年\(date.month)月\(date.day)日（\(weekdays[date.weekday - 1])）"
            for words in Self.both {
                #expect(value(AnswerParser.parseDate(said, today: wednesday, words: words)) == date, "seed \(seed): \(said)")
            }
        }
    }
}

@Suite("Answers in Spanish")
struct SpanishAnswerTests {
    static let nineAM = LocalMoment(date: wednesday, time: TimeOfDay(hour: 9, minute: 0)!)

    @Test(arguments: [
        ("24 de diciembre", "2026-12-24"), ("el 24 de diciembre de 2026", "2026-12-24"), ("jueves, 24 de diciembre de 2026", "2026-12-24"),
        ("24/12", "2026-12-24"), ("24/12/2026", "2026-12-24"), ("hoy", "2026-11-25"), ("mañana", "2026-11-26"), ("manana", "2026-11-26"),
        ("pasado mañana", "2026-11-27"), ("el viernes", "2026-11-27"), ("este viernes", "2026-11-27"), ("el próximo viernes", "2026-11-27"),
        ("el viernes de la semana que viene", "2026-12-04"), ("el viernes de la próxima semana", "2026-12-04"),
        ("el lunes de esta semana", "2026-11-23"), ("dentro de 3 días", "2026-11-28"), ("el 5 de enero", "2027-01-05"),
        ("quiero llegar el 24 de diciembre", "2026-12-24"), ("２４ de diciembre", "2026-12-24"),
    ])
    func readsDates(text: String, iso: String) {
        #expect(value(AnswerParser.parseDate(text, today: wednesday, words: .spanish)) == day(iso), "\(text)")
    }

    @Test(arguments: [
        ("mañana a las 10", "2026-11-26", 10, 0), ("mañana a las 10 de la mañana", "2026-11-26", 10, 0),
        ("mañana a las 4 de la tarde", "2026-11-26", 16, 0), ("mañana a las cuatro y media de la tarde", "2026-11-26", 16, 30),
        ("el viernes a las 14:00", "2026-11-27", 14, 0), ("hoy a las 16:30", "2026-11-25", 16, 30),
        ("mañana al mediodía", "2026-11-26", 12, 0), ("24 de diciembre a las 9", "2026-12-24", 9, 0),
    ])
    func readsMoments(text: String, iso: String, hour: Int, minute: Int) {
        #expect(value(AnswerParser.parseMoment(text, now: Self.nineAM, words: .spanish))
            == .at(LocalMoment(date: day(iso), time: TimeOfDay(hour: hour, minute: minute)!)), "\(text)")
    }

    @Test(arguments: [("3 noches", 3), ("tres noches", 3), ("una noche", 1), ("3", 3)])
    func readsNights(text: String, nights: Int) {
        #expect(value(AnswerParser.parseNights(text, words: .spanish)) == nights, "\(text)")
    }

    @Test(arguments: [("sí", true), ("si", true), ("Sí, claro", true), ("vale", true), ("de acuerdo", true), ("correcto", true),
                      ("yes", true), ("ok", true), ("no", false), ("No, gracias", false), ("para nada", false), ("nope", false)])
    func readsYesAndNo(text: String, answer: Bool) {
        #expect(value(AnswerParser.parseYesNo(TypedAnswer(text).folded, words: .spanish)) == answer, "\(text)")
    }

    /// Every day as the line says it in Spanish reads back as that day.
    @Test func readsBackTheDatesTheLineSays() {
        let seed: UInt64 = 0x2026_1225
        var generator = SeededGenerator(seed: seed)
        let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
        let weekdays = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
        for _ in 0..<FuzzBudget.rounds(400) {
            let date = wednesday.adding(days: Int.random(in: 0...3000, using: &generator))
            let said = "\(weekdays[date.weekday - 1]), \(date.day) de \(months[date.month - 1]) de \(date.year)"
            #expect(value(AnswerParser.parseDate(said, today: wednesday, words: .spanish)) == date, "seed \(seed): \(said)")
        }
    }
}

@Suite("Answers in English, new forms")
struct EnglishNewFormsTests {
    @Test func aDayOfTheMonthWithItsSuffixIsTheNextOne() {
        #expect(value(AnswerParser.parseDate("the 24th", today: wednesday, words: .english)) == day("2026-12-24"))
        #expect(value(AnswerParser.parseDate("friday next week", today: wednesday, words: .english)) == nil)  // "next week" is no English phrase here
    }
}
