import Testing
@testable import Dialogue

@Suite("Numbers, ratings and yes/no")
struct NumberAnswerTests {
    @Test(arguments: [
        ("3", 3), ("three", 3), ("Three.", 3), ("3 rooms", 3), ("2 rooms please", 2), ("-2", -2),
        ("+4", 4), ("０７", 7), ("zero", 0), ("twenty", 20), ("room #305", 305), ("  12  ", 12),
    ])
    func readsIntegers(text: String, number: Int) {
        #expect(value(AnswerParser.parseInteger(text, words: .english)) == number)
    }

    @Test func readsIntegersInOtherLanguages() {
        #expect(value(AnswerParser.parseInteger("tres", words: .spanish)) == 3)
        #expect(value(AnswerParser.parseInteger("dos habitaciones", words: .spanish)) == 2)
        #expect(value(AnswerParser.parseInteger("三", words: .chinese)) == 3)
        #expect(value(AnswerParser.parseInteger("两个人", words: .chinese)) == 2)
        #expect(value(AnswerParser.parseInteger("十二", words: .chinese)) == 12)
    }

    @Test(arguments: ["", "abc", "2 or 3", "4.5", "1-2", "99999999999", "🙂", "one two", "-", "three 3"])
    func refusesWhatIsNoSingleInteger(text: String) {
        #expect(problem(AnswerParser.parseInteger(text, words: .english)) == .unreadable)
    }

    @Test(arguments: [("3 nights", 3), ("3", 3), ("three nights", 3), ("1 night", 1), ("for 2 nights", 2)])
    func readsNights(text: String, nights: Int) {
        #expect(value(AnswerParser.parseNights(text, words: .english)) == nights)
    }

    @Test func readsNightsInOtherLanguagesAndRefusesDates() {
        #expect(value(AnswerParser.parseNights("tres noches", words: .spanish)) == 3)
        #expect(value(AnswerParser.parseNights("3晚", words: .chinese)) == 3)
        #expect(problem(AnswerParser.parseNights("3 days", words: .english)) == .unreadable)
        #expect(problem(AnswerParser.parseNights("24 dec", words: .english)) == .unreadable)
        #expect(problem(AnswerParser.parseNights("nights", words: .english)) == .unreadable)
        #expect(problem(AnswerParser.parseNights("", words: .english)) == .unreadable)
    }

    @Test(arguments: [
        ("4", 4), ("4/5", 4), ("4 stars", 4), ("four", 4), ("4 out of 5", 4), ("5!", 5), ("1", 1),
        ("４", 4), ("Four stars.", 4),
    ])
    func readsRatings(text: String, score: Int) {
        #expect(value(AnswerParser.parseRating(text, min: 1, max: 5, words: .english)) == score)
    }

    @Test(arguments: [
        ("6", AnswerProblem.outOfRange(min: 1, max: 5)), ("0", .outOfRange(min: 1, max: 5)),
        ("8/10", .outOfRange(min: 1, max: 5)), ("-1", .outOfRange(min: 1, max: 5)),
        ("good", .unreadable), ("4.5", .unreadable), ("3 or 4", .unreadable), ("", .unreadable),
    ])
    func namesTheProblemWithARating(text: String, expected: AnswerProblem) {
        #expect(problem(AnswerParser.parseRating(text, min: 1, max: 5, words: .english)) == expected)
    }

    @Test func readsRatingsOnOtherScalesAndLanguages() {
        #expect(value(AnswerParser.parseRating("10", min: 0, max: 10, words: .english)) == 10)
        #expect(value(AnswerParser.parseRating("0", min: 0, max: 10, words: .english)) == 0)
        #expect(value(AnswerParser.parseRating("8/10", min: 0, max: 10, words: .english)) == 8)
        #expect(value(AnswerParser.parseRating("五星", min: 1, max: 5, words: .chinese)) == 5)
        #expect(value(AnswerParser.parseRating("4 sobre 5", min: 1, max: 5, words: .spanish)) == 4)
        #expect(problem(AnswerParser.parseRating("11", min: 0, max: 10, words: .english)) == .outOfRange(min: 0, max: 10))
    }

    @Test(arguments: [
        "yes", "Y", "yeah", "yep", "sure", "ok", "OK!", "okay", "correct", "right", "that's right",
        "That’s right.", "yes please", "yes, that's correct", "of course", "👍", "👍🏽", "well, yes",
    ])
    func readsYes(text: String) {
        #expect(value(AnswerParser.parseYesNo(text, words: .english)) == true)
    }

    @Test(arguments: ["no", "N", "nope", "not really", "no thanks", "No, thank you.", "nah", "👎", "wrong"])
    func readsNo(text: String) {
        #expect(value(AnswerParser.parseYesNo(text, words: .english)) == false)
    }

    @Test(arguments: ["yes no", "maybe", "yesterday", "", "not sure", "I think so", "no, yes", "ok no", "🙂", "nobody"])
    func refusesWhatIsNeitherYesNorNo(text: String) {
        #expect(problem(AnswerParser.parseYesNo(text, words: .english)) == .unreadable)
    }

    @Test func readsYesAndNoInOtherLanguages() {
        let spanish = { (text: String) in value(AnswerParser.parseYesNo(text, words: .spanish)) }
        #expect(spanish("sí") == true)
        #expect(spanish("Si, por favor") == true)
        #expect(spanish("claro que sí") == true)
        #expect(spanish("no, gracias") == false)
        let chinese = { (text: String) in value(AnswerParser.parseYesNo(text, words: .chinese)) }
        #expect(chinese("是的") == true)
        #expect(chinese("好的谢谢") == true)
        #expect(chinese("对") == true)
        #expect(chinese("不是") == false)
        #expect(chinese("不对") == false)
        #expect(chinese("不用了") == false)
        #expect(chinese("你好") == nil)
    }
}
