import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Time and moment answers")
struct TimeAnswerTests {
    /// Wednesday 25 November 2026, 09:00.
    private let nineAM = LocalMoment(date: wednesday, time: TimeOfDay(hour: 9, minute: 0)!)

    private func at(_ iso: String, _ hour: Int, _ minute: Int) -> MomentAnswer {
        .at(LocalMoment(date: day(iso), time: TimeOfDay(hour: hour, minute: minute)!))
    }

    @Test(arguments: [
        ("10", 10, 0), ("10am", 10, 0), ("10 am", 10, 0), ("10 AM", 10, 0), ("10 a.m.", 10, 0),
        ("10:30", 10, 30), ("10.30", 10, 30), ("14:00", 14, 0), ("2pm", 14, 0), ("2:30 pm", 14, 30),
        ("2:30 P.M.", 14, 30), ("12pm", 12, 0), ("12am", 0, 0), ("noon", 12, 0), ("12 noon", 12, 0),
        ("14h", 14, 0), ("14h30", 14, 30), ("14 h 30", 14, 30), ("10 o'clock", 10, 0),
        ("at 9:05", 9, 5), ("０９：４５", 9, 45), ("7 in the evening", 19, 0), ("0:00", 0, 0),
        ("23:59", 23, 59), ("14pm", 14, 0),
    ])
    func readsEnglishTimes(text: String, hour: Int, minute: Int) {
        #expect(value(AnswerParser.parseTime(text, words: .english)) == TimeOfDay(hour: hour, minute: minute))
    }

    @Test(arguments: [
        ("下午3点", 15, 0), ("下午3点半", 15, 30), ("上午10点30分", 10, 30), ("晚上8点", 20, 0),
        ("中午", 12, 0), ("中午1点", 13, 0), ("凌晨2点", 2, 0), ("三点", 3, 0), ("15:30", 15, 30),
    ])
    func readsChineseTimes(text: String, hour: Int, minute: Int) {
        #expect(value(AnswerParser.parseTime(text, words: .chinese)) == TimeOfDay(hour: hour, minute: minute))
    }

    @Test(arguments: [
        ("a las 10:30", 10, 30), ("3 de la tarde", 15, 0), ("las 3 y media", 3, 30),
        ("mediodía", 12, 0), ("10 de la mañana", 10, 0), ("a las 9 de la noche", 21, 0), ("14 h", 14, 0),
    ])
    func readsSpanishTimes(text: String, hour: Int, minute: Int) {
        #expect(value(AnswerParser.parseTime(text, words: .spanish)) == TimeOfDay(hour: hour, minute: minute))
    }

    @Test(arguments: [
        ("25:00", AnswerProblem.noSuchTime), ("24:00", .noSuchTime), ("10:60", .noSuchTime),
        ("13am", .noSuchTime), ("0pm", .noSuchTime), ("99", .noSuchTime),
        ("asdf", .unreadable), ("", .unreadable), ("10:5", .unreadable), ("2026", .unreadable),
        ("am", .unreadable), ("10 30", .unreadable), ("10:30:00", .unreadable), ("10.5", .unreadable),
        ("10am 11am", .unreadable), ("tomorrow", .unreadable), ("-3", .unreadable), ("🙂", .unreadable),
    ])
    func namesTheProblemWithATime(text: String, expected: AnswerProblem) {
        #expect(problem(AnswerParser.parseTime(text, words: .english)) == expected)
    }

    @Test(arguments: ["now", "NOW!", "asap", "ASAP", "a.s.a.p.", "as soon as possible", "right away", "right now"])
    func readsAsSoonAsPossible(text: String) {
        #expect(value(AnswerParser.parseMoment(text, now: nineAM, words: .english)) == .asSoonAsPossible)
    }

    @Test func readsAsSoonAsPossibleInOtherLanguages() {
        #expect(value(AnswerParser.parseMoment("ahora mismo", now: nineAM, words: .spanish)) == .asSoonAsPossible)
        #expect(value(AnswerParser.parseMoment("lo antes posible", now: nineAM, words: .spanish)) == .asSoonAsPossible)
        #expect(value(AnswerParser.parseMoment("尽快", now: nineAM, words: .chinese)) == .asSoonAsPossible)
    }

    @Test func readsMoments() {
        let read = { (text: String) in value(AnswerParser.parseMoment(text, now: self.nineAM, words: .english)) }
        #expect(read("10:30") == at("2026-11-25", 10, 30))
        #expect(read("9:00") == at("2026-11-25", 9, 0))
        #expect(read("8:00") == at("2026-11-26", 8, 0))          // already past: tomorrow
        #expect(read("tomorrow 10am") == at("2026-11-26", 10, 0))
        #expect(read("tomorrow at 10:30") == at("2026-11-26", 10, 30))
        #expect(read("10am tomorrow") == at("2026-11-26", 10, 0))
        #expect(read("24 Dec 14:00") == at("2026-12-24", 14, 0))
        #expect(read("friday 3pm") == at("2026-11-27", 15, 0))
        #expect(read("friday at 3 pm") == at("2026-11-27", 15, 0))
        #expect(read("2026-12-24 09:15") == at("2026-12-24", 9, 15))
        #expect(read("dec 24 10") == at("2026-12-24", 10, 0))
        #expect(read("24/12 10.30") == at("2026-12-24", 10, 30))
        #expect(read("10.30 24.12") == at("2026-12-24", 10, 30))
        #expect(read("next monday noon") == at("2026-11-30", 12, 0))
        #expect(read("today 9am") == at("2026-11-25", 9, 0))
    }

    @Test func readsMomentsInOtherLanguages() {
        #expect(value(AnswerParser.parseMoment("明天下午3点", now: nineAM, words: .chinese)) == at("2026-11-26", 15, 0))
        #expect(value(AnswerParser.parseMoment("12月24日上午10点", now: nineAM, words: .chinese)) == at("2026-12-24", 10, 0))
        #expect(value(AnswerParser.parseMoment("mañana a las 10", now: nineAM, words: .spanish)) == at("2026-11-26", 10, 0))
        #expect(value(AnswerParser.parseMoment("el viernes a las 5 de la tarde", now: nineAM, words: .spanish))
            == at("2026-11-27", 17, 0))
    }

    @Test(arguments: [
        ("tomorrow", AnswerProblem.missingTime), ("24 dec 2026", .missingTime), ("friday", .missingTime),
        ("tomorrow 25:00", .noSuchTime), ("25:00", .noSuchTime), ("31 feb 10:00", .noSuchDay(day: 31, month: 2)),
        ("31 feb", .noSuchDay(day: 31, month: 2)), ("now tomorrow", .unreadable), ("asdf", .unreadable),
        ("", .unreadable), ("tomorrow 10 11", .unreadable), ("🙂 3pm", .unreadable),
    ])
    func namesTheProblemWithAMoment(text: String, expected: AnswerProblem) {
        #expect(problem(AnswerParser.parseMoment(text, now: nineAM, words: .english)) == expected)
    }

    @Test func refusesOverlongMomentsQuickly() {
        let text = Array(repeating: "tomorrow", count: 40).joined(separator: " ")
        #expect(problem(AnswerParser.parseMoment(text, now: nineAM, words: .english)) == .unreadable)
    }
}
