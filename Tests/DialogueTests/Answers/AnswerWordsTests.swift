import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Answer words")
struct AnswerWordsTests {
    @Test(arguments: [("english", AnswerWords.english), ("spanish", .spanish), ("traditional chinese", .traditionalChinese),
                      ("simplified chinese", .simplifiedChinese)])
    func builtInLanguagesAreComplete(name: String, words: AnswerWords) {
        #expect(words.months.count == 12, "\(name)")
        #expect(words.weekdays.count == 7, "\(name)")
        #expect(words.months.allSatisfy { !$0.isEmpty }, "\(name)")
        #expect(words.weekdays.allSatisfy { !$0.isEmpty }, "\(name)")
        #expect(words.clashes.isEmpty, "\(name): \(words.clashes)")
    }

    @Test func normalisesWhatGuestsType() {
        #expect(AnswerText.normalized("ＤＥＣ　２４！") == "dec 24!")
        #expect(AnswerText.normalized("That’s Right。") == "that's right.")
        #expect(AnswerText.folded("Ｇｕｅｓｔ＠Ｅｘａｍｐｌｅ．ｃｏｍ") == "Guest@Example.com")
    }

    @Test func tokenisesNumbersWordsAndWideRuns() {
        #expect(AnswerText.tokens(of: "dec. 24th, 2026!") == [
            .word("dec", wide: false), .digits("24"), .word("th", wide: false), .digits("2026"),
        ])
        #expect(AnswerText.tokens(of: "2026-12-24 10:30") == [
            .compound(["2026", "12", "24"], separator: "-"), .compound(["10", "30"], separator: ":"),
        ])
        #expect(AnswerText.tokens(of: "that's -3") == [.word("that's", wide: false), .sign("-"), .digits("3")])
        #expect(AnswerText.tokens(of: "明天下午3点") == [
            .word("明天下午", wide: true), .digits("3"), .word("点", wide: true),
        ])
        #expect(AnswerText.tokens(of: "24/12-2026") == [.word("24/12-2026", wide: false)])
    }

    @Test func findsPhrasesAndCutsWideRunsByLongestMatch() {
        #expect(AnswerWords.english.pieces(of: "the day after tomorrow") == [.word(.relativeDay(2))])
        #expect(AnswerWords.english.pieces(of: "day") == [.word(.days)])
        #expect(AnswerWords.chinese.pieces(of: "明天下午3点") == [
            .word(.relativeDay(1)), .word(.pm), .number(3, digitCount: 1), .word(.hourMarker),
        ])
        #expect(AnswerWords.chinese.pieces(of: "下周五") == [.word(.nextWeek), .word(.weekday(5))])
        #expect(AnswerWords.chinese.pieces(of: "十二月二十四日") == [
            .word(.month(12)), .number(24, digitCount: 0), .word(.dayMarker),
        ])
        #expect(AnswerWords.spanish.pieces(of: "10 de la mañana") == [.number(10, digitCount: 2), .word(.am)])
        #expect(AnswerWords.english.pieces(of: "0012345678901") == [.unknown])
    }

    /// A catalog loader builds a language from its own lists: French here, which the
    /// module does not ship, works with the same grammar.
    @Test func aCatalogCanDefineANewLanguage() {
        let french = AnswerWords(
            months: [["janvier"], ["février", "fevrier"], ["mars"], ["avril"], ["mai"], ["juin"],
                     ["juillet"], ["août", "aout"], ["septembre"], ["octobre"], ["novembre"], ["décembre", "decembre"]],
            weekdays: [["lundi"], ["mardi"], ["mercredi"], ["jeudi"], ["vendredi"], ["samedi"], ["dimanche"]],
            tomorrow: ["demain"], dayAfterTomorrow: ["après-demain", "apres-demain"], next: ["prochain"],
            yes: ["oui", "d'accord"], no: ["non"], numbers: ["trois": 3], fillers: ["le", "la", "de", "à"],
            hourMarkers: ["h"], dateOrder: .dayMonthYear
        )
        #expect(value(AnswerParser.parseDate("le 24 décembre", today: wednesday, words: french)) == day("2026-12-24"))
        #expect(value(AnswerParser.parseDate("vendredi prochain", today: wednesday, words: french)) == day("2026-11-27"))
        #expect(value(AnswerParser.parseDate("après-demain", today: wednesday, words: french)) == day("2026-11-27"))
        #expect(value(AnswerParser.parseTime("14h30", words: french)) == TimeOfDay(hour: 14, minute: 30))
        #expect(value(AnswerParser.parseYesNo("D'accord", words: french)) == true)
        #expect(value(AnswerParser.parseInteger("trois", words: french)) == 3)
    }

    @Test func reportsPhrasesGivenTwoMeaningsAndKeepsTheFirst() {
        let words = AnswerWords(
            months: AnswerWords.english.months,
            weekdays: [["mon"], ["tue"], ["wed"], ["thu"], ["fri"], ["sat"], ["sun"]],
            yes: ["sure", "Sat"],
            fillers: ["the", "sure"]
        )
        #expect(words.clashes == ["Sat", "sure"])
        #expect(words.pieces(of: "sat") == [.word(.weekday(6))])
        #expect(words.pieces(of: "sure") == [.word(.yes)])
    }

    @Test func ignoresListsPastTheCalendar() {
        let words = AnswerWords(months: Array(repeating: ["x"], count: 14), weekdays: [["a"], ["b"]])
        #expect(words.months.count == 12)
        #expect(words.weekdays.count == 2)
        #expect(problem(AnswerParser.parseDate("c", today: wednesday, words: words)) == .unreadable)
    }
}
