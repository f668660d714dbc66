import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Callback flow")
struct CallbackFlowTests {
    static let askTime = "When would you like us to call? Our callback hours are 08:00–20:00. (for example \"today 16:30\", \"tomorrow 10am\", or \"now\")"

    /// A call at the question "When would you like us to call?" (the phone is a new caller's).
    static func atTheTimeQuestion() -> Call {
        var call = Call()
        call.walk(["3", "+44 20 7946 0958"])
        return call
    }

    @Test func thePhoneIsAskedForAndNothingIsLookedUpOrSaidFromIt() {
        var call = Call()
        call.send("3")
        #expect(call.rawHeard == "Of course, we can call you back.\nWhich phone number should we call?")
        call.send("+44 20 7946 0958")
        #expect(call.pending == nil, "a phone alone looks nothing up: its name is not said")
        #expect(call.heard == Self.askTime)
        call.answer("tomorrow 10am", "My booking", "1")
        #expect(call.heard == "And your name, please?", "the name is asked, never taken from the file")
    }

    @Test func aKnownPhoneIsOfferedAndKeptOnAYes() {
        var call = Call.afterABooking()
        call.send("3")
        #expect(call.rawHeard == "Of course, we can call you back.\nShall we call you at +442079460958? (yes/no)")
        call.send("yes")
        #expect(call.pending == nil, "a phone given in this call is not looked up again")
        #expect(call.heard == Self.askTime)
    }

    @Test func aKnownPhoneIsReplacedOnANo() {
        var call = Call.afterABooking()
        call.answer("3", "no")
        #expect(call.heard == "Which phone number should we call?")
        call.send("+34 600 123 456")
        #expect(call.heard == Self.askTime)
        call.answer("tomorrow 10am", "My booking", "1")
        guard case .saveCallback(let draft)? = call.pending else {
            Issue.record("no callback saved: \(call.transcript)")
            return
        }
        #expect(draft.phone.normalized == "+34600123456")
        #expect(draft.guestName == "Maria Lopez", "the name is known and not asked again")
    }

    @Test func theWholeRequestIsSavedThenTheReferenceAndWindowAreSaid() {
        var call = Self.atTheTimeQuestion()
        call.send("tomorrow 10am")
        #expect(call.heard == "What would you like to talk about?")
        call.send("Moving my booking to January")
        #expect(call.heard.hasPrefix("In which language should we call you?"))
        #expect(call.heard.contains("2  Chinese, Traditional (繁體中文)"))
        #expect(call.heard.contains("3  Chinese, Simplified (简体中文)"))
        #expect(call.heard.contains("4  Spanish (Español)"))
        call.send("1")
        #expect(call.heard == "And your name, please?")
        call.send("Maria Lopez")
        #expect(call.pending == .saveCallback(CallbackDraft(
            phone: PhoneNumber(normalized: "+442079460958")!, at: moment("2026-11-26", 10), windowMinutes: 30,
            reason: "Moving my booking to January", callLanguage: "en", guestName: "Maria Lopez", language: "en")))
        #expect(call.heard.isEmpty)
        call.complete(.saved(reference: "C1000011", guestFile: nil))
        #expect(call.heard.contains("Thank you, Maria Lopez. Your reference number is C1000011."))
        #expect(call.heard.contains("We will call you at +442079460958 on Thursday 26 November 2026 between 10:00 and 10:30, in English."))
        #expect(call.heard.contains("anything else"))
    }

    @Test(arguments: [("2", "zh-Hant", "Chinese, Traditional (繁體中文)"), ("繁體中文", "zh-Hant", "Chinese, Traditional (繁體中文)"),
                      ("cantonese", "zh-Hant", "Chinese, Traditional (繁體中文)"), ("3", "zh-Hans", "Chinese, Simplified (简体中文)"),
                      ("简体", "zh-Hans", "Chinese, Simplified (简体中文)"), ("spanish", "es", "Spanish (Español)"),
                      ("Español", "es", "Spanish (Español)"), ("english", "en", "English")])
    func theLanguageIsChosenByNumberOrName(answer: String, code: String, spoken: String) {
        var call = Self.atTheTimeQuestion()
        call.answer("tomorrow 10am", "A question", answer, "Maria Lopez")
        guard case .saveCallback(let draft)? = call.pending else {
            Issue.record("no callback saved: \(call.transcript)")
            return
        }
        #expect(draft.callLanguage == code)
        call.complete(.saved(reference: "C1000011", guestFile: nil))
        #expect(call.heard.contains(", in \(spoken)."))
    }

    @Test(arguments: ["tomorrow 10am", "10am tomorrow", "tomorrow 08:00", "tomorrow 19:30", "today 16:30", "Friday 2pm", "14:00"])
    func aTimeInsideCallbackHoursIsTaken(answer: String) {
        var call = Self.atTheTimeQuestion()
        call.send(answer)
        #expect(call.heard == "What would you like to talk about?", "\(answer)")
    }

    @Test(arguments: ["today 9am", "2026-11-25 09:59", "2026-11-24 10:00"])
    func aTimeThatHasPassedIsRefused(answer: String) {
        var call = Self.atTheTimeQuestion()
        call.send(answer)
        #expect(call.heard == "That time has already passed. Please give a later time, for example \"tomorrow 10am\". " + Self.askTime)
    }

    @Test(arguments: ["tomorrow 3am", "tomorrow 7:55", "tomorrow 21:00", "tomorrow 20:00", "tomorrow 19:45"])
    func aTimeOutsideCallbackHoursSaysWhenACallCanStart(answer: String) {
        var call = Self.atTheTimeQuestion()
        call.send(answer)
        #expect(call.heard == "I'm sorry, our callback hours are 08:00–20:00, and the latest a call can start is 19:30. Please choose a time inside those hours. " + Self.askTime,
                "the last start is 20:00 less the 30-minute window")
    }

    @Test func aDayWithoutATimeAsksForTheTime() {
        var call = Self.atTheTimeQuestion()
        call.send("tomorrow")
        #expect(call.heard == "Please add a time to that day, for example \"tomorrow 10am\". " + Self.askTime)
        call.send("tomorrow 11:00")
        #expect(call.conversation.value(of: "callback.time") == .moment(moment("2026-11-26", 11)))
    }

    @Test func aTimeMoreThanTwoWeeksAheadIsRefused() {
        var call = Self.atTheTimeQuestion()
        call.send("10 Dec 10am")
        #expect(call.heard.hasPrefix("I'm sorry, we can schedule calls up to 14 days ahead."))
        call.send("9 Dec 10am")
        #expect(call.heard == "What would you like to talk about?")
    }

    @Test func nowIsTheEarliestFreeSlot() {
        var call = Self.atTheTimeQuestion()
        call.send("now")
        #expect(call.conversation.value(of: "callback.time") == .moment(moment("2026-11-25", 10, 15)))
        call.answer("A question", "1", "Maria Lopez")
        call.complete(.saved(reference: "C1000011", guestFile: nil))
        #expect(call.heard.contains("on Wednesday 25 November 2026 between 10:15 and 10:45, in English."))
    }

    @Test(arguments: [
        (moment("2026-11-25", 10, 2), moment("2026-11-25", 10, 20)),
        (moment("2026-11-25", 6, 0), moment("2026-11-25", 8, 0)),
        (moment("2026-11-25", 19, 10), moment("2026-11-25", 19, 25)),
        (moment("2026-11-25", 19, 20), moment("2026-11-26", 8, 0)),
        (moment("2026-11-25", 23, 50), moment("2026-11-26", 8, 0)),
    ])
    func nowLateOrEarlyMovesToTheNextOpening(now: LocalMoment, slot: LocalMoment) {
        var call = Self.atTheTimeQuestion()
        call.now = now
        call.send("now")
        #expect(call.conversation.value(of: "callback.time") == .moment(slot))
    }

    @Test func theSecondWrongTimeGetsTheNodesHint() {
        var call = Self.atTheTimeQuestion()
        call.answer("whenever", "soonish")
        #expect(call.heard.contains("Please give both the day and the time, for example \"tomorrow 10am\"."))
    }

    @Test func aSaveThatFailsPromisesNoCall() {
        var call = Self.atTheTimeQuestion()
        call.answer("tomorrow 10am", "A question", "1", "Maria Lopez")
        call.complete(.failed)
        #expect(call.heard.contains("nothing has been recorded"))
        #expect(!call.transcript.contains("We will call you"))
        #expect(call.heard.contains("anything else"))
    }
}
