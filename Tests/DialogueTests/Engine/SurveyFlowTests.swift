import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Survey flow")
struct SurveyFlowTests {
    static let stay = ReservationSummary(guestName: "Maria Lopez", checkIn: day("2026-11-20"), checkOut: day("2026-11-23"), rooms: 1, roomType: "deluxe")
    static let topics = ["front_desk", "housekeeping", "food", "security", "room", "facilities", "environment"]

    /// A survey call with the stay found by its confirmation number, name and phone, at the
    /// consent question.
    static func found() -> Call {
        var call = Call()
        call.answer("4", "R1000017", "Maria Lopez", "+44 20 7946 0958")
        call.complete(.found(stay))
        return call
    }

    @Test func theLineSaysWhoItIsAndWhyThenLooksTheStayUpWithTheNameAndPhone() {
        var call = Call()
        call.send("4")
        #expect(call.heard.contains("This is the guest-experience survey of Harbour View Hotel"))
        #expect(call.heard.contains("If you have your confirmation number, please type it"))
        call.send("r 100-0017")
        #expect(call.conversation.value(of: "lookup.confirmation") == .text("R1000017"))
        #expect(call.pending == nil, "a number alone looks nothing up")
        #expect(call.heard == "May I have your name, please?")
        call.answer("Maria Lopez", "+44 20 7946 0958")
        #expect(call.pending == .findStay(reference: "R1000017", phone: PhoneNumber(normalized: "+442079460958")!, name: "Maria Lopez"))
        call.complete(.found(Self.stay))
        #expect(call.conversation.value(of: "stay.checkin") == .date(day("2026-11-20")))
        #expect(call.conversation.value(of: "stay.nights") == .number(3))
        #expect(call.heard.contains("Thank you, Maria Lopez. I have found your stay from Friday 20 November 2026 to Monday 23 November 2026."))
        #expect(call.heard.contains("Would you like to answer a few questions now? (yes/no)"))
    }

    @Test func aFullSurveyIsSavedWithEveryRatingThenThanked() {
        var call = Self.found()
        call.send("yes")
        #expect(call.heard.hasPrefix("Please rate each of the following from 1 (poor) to 5 (excellent)."))
        #expect(call.heard.contains("How was the service at the front desk? (1-5)"))
        call.answer("5", "four", "4/5", "3 out of 5", "2 stars", "1", "5")
        #expect(call.heard == "Would you stay with us again? (yes/no)")
        call.answer("yes", "no")
        #expect(call.heard.contains("any suggestion? (type \"no\" to finish)"))
        call.send("no")
        #expect(call.pending == .saveSurvey(SurveyDraft(
            declined: false, confirmation: "R1000017", guestName: "Maria Lopez", phone: PhoneNumber(normalized: "+442079460958")!,
            ratings: ["front_desk": 5, "housekeeping": 4, "food": 4, "security": 3, "room": 2, "facilities": 1, "environment": 5],
            stayAgain: true, recommend: false, suggestions: nil, language: "en")))
        #expect(!call.transcript.contains("S1000019"))
        call.complete(.saved(reference: "S1000019", guestFile: nil))
        #expect(call.heard.contains("Your answers are recorded under reference S1000019"))
        #expect(call.heard.contains("anything else"))
    }

    @Test func aSuggestionIsKept() {
        var call = Self.found()
        call.answer("yes", "5", "5", "5", "5", "5", "5", "5", "yes", "yes", "More vegetarian dishes at breakfast")
        guard case .saveSurvey(let draft)? = call.pending else {
            Issue.record("no survey saved: \(call.transcript)")
            return
        }
        #expect(draft.suggestions == "More vegetarian dishes at breakfast")
        #expect(Set(draft.ratings.keys) == Set(Self.topics))
    }

    @Test(arguments: ["7", "6/5", "8/10", "-1", "4.5", "good"])
    func aRatingOffTheScaleIsAskedAgainWithTheScale(answer: String) {
        var call = Self.found()
        call.answer("yes", answer)
        #expect(call.rawHeard == "I'm sorry, please answer with a number from 1 to 5.\nHow was the service at the front desk? (1-5)")
        #expect(call.conversation.value(of: "survey.front_desk") == nil)
    }

    /// "0" is the agent command everywhere; a 1–5 scale has no 0 to take it as an answer.
    @Test func zeroAtARatingAsksForAPerson() {
        var call = Self.found()
        call.answer("yes", "0")
        #expect(call.pending == .requestAgent(topic: "survey"))
    }

    @Test func withoutAConfirmationNumberTheGuestGivesNameAndPhone() {
        var call = Call()
        call.answer("4", "no")
        #expect(call.heard == "May I have your name, please?")
        call.send("Maria Lopez")
        #expect(call.heard == "And your phone number?")
        call.send("+44 20 7946 0958")
        #expect(call.heard.contains("Would you like to answer a few questions now?"))
        call.answer("yes", "3", "3", "3", "3", "3", "3", "3", "no", "no", "none")
        guard case .saveSurvey(let draft)? = call.pending else {
            Issue.record("no survey saved: \(call.transcript)")
            return
        }
        #expect(draft.confirmation == nil)
        #expect(draft.guestName == "Maria Lopez")
        #expect(draft.phone?.normalized == "+442079460958")
        #expect(draft.ratings.count == 7)
    }

    @Test(arguments: [ActionOutcome.missing, .locked])
    func aStayNotFoundIsApologisedForAndTheSurveyIsLinkedToNoStay(outcome: ActionOutcome) {
        var call = Call()
        call.answer("4", "R9999999", "Maria Lopez", "+44 20 7946 0958")
        call.complete(outcome)
        #expect(call.heard == "I'm sorry, I couldn't find a stay that has begun under that number with your name or phone. No problem: the survey works just as well without it. The survey takes about two minutes. Would you like to answer a few questions now? (yes/no)")
        call.send("no")
        guard case .saveSurvey(let draft)? = call.pending else {
            Issue.record("no survey saved: \(call.transcript)")
            return
        }
        #expect(draft.confirmation == nil, "a number not shown to be the guest's is not kept with their survey")
    }

    @Test func somethingThatIsNoConfirmationNumberIsExplained() {
        var call = Call()
        call.answer("4", "12345")
        #expect(call.heard.hasPrefix("I'm sorry, that doesn't look like the number I need. It starts with R followed by seven digits, for example R1000017."))
        #expect(call.pending == nil)
    }

    @Test(arguments: [ActionOutcome.saved(reference: "S1000019", guestFile: nil), .failed])
    func aGuestWhoDeclinesIsRecordedAndThankedNeverArguedWith(outcome: ActionOutcome) {
        var call = Self.found()
        call.send("no")
        #expect(call.pending == .saveSurvey(SurveyDraft(
            declined: true, confirmation: "R1000017", guestName: "Maria Lopez", phone: PhoneNumber(normalized: "+442079460958")!, ratings: [:],
            stayAgain: nil, recommend: nil, suggestions: nil, language: "en")))
        call.complete(outcome)
        #expect(call.rawHeard == "Of course, thank you all the same. We hope to welcome you again soon.\nIs there anything else I can help you with? (yes/no)")
        #expect(!call.transcript.contains("rate"))
    }

    @Test func aSecondSurveyInTheCallForgetsTheFirst() {
        var call = Self.found()
        call.walk(["no", "yes", "4", "no"])
        call.answer("Maria Lopez", "+44 20 7946 0958", "yes")
        #expect(call.conversation.value(of: "survey.declined") == nil)
        #expect(call.conversation.value(of: "lookup.confirmation") == nil)
        call.walk(["3", "3", "3", "3", "3", "3", "3", "no", "no"])
        call.send("none")
        guard case .saveSurvey(let draft)? = call.pending else {
            Issue.record("no survey saved: \(call.transcript)")
            return
        }
        #expect(draft.confirmation == nil, "the first survey's stay is not linked to the second")
        #expect(draft.guestName == "Maria Lopez")
    }
}
