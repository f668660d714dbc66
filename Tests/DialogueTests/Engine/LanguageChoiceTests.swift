import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Choosing a language")
struct LanguageChoiceTests {
    static let bilingual: PromptSet = {
        guard let set = PromptFiles.bilingual.compile().0 else { fatalError("the bilingual prompt set does not compile") }
        return set
    }()
    /// A row per language, each in its own script, names padded by display width.
    static let languageMenu = "  1  English  Welcome to Harbour View Hotel. Please type 1.\n  2  中文     欢迎致电港景酒店，请输入2。"

    @Test func aCallToABilingualLineStartsWithTheLanguageMenu() {
        let call = Call(prompts: Self.bilingual, choosing: nil)
        #expect(call.rawHeard == Self.languageMenu)
        #expect(call.conversation.currentNode == nil)
    }

    @Test(arguments: [
        ("2", "zh"), ("zh", "zh"), ("中文", "zh"), ("1", "en"), ("en", "en"), ("English", "en"),
    ])
    func theGuestPicksALanguageByNumberCodeOrName(answer: String, code: String) {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.send(answer)
        #expect(call.conversation.language == code)
        let (greeting, menuLine) = code == "zh"
            ? ("您好，感谢致电港景酒店。我是您的虚拟接待员小花。\n请问有什么可以帮您？请输入选项编号：", "1  客房预订")
            : ("Good day, and thank you for calling Harbour View Hotel.", "1  Rooms and bookings")
        #expect(call.rawHeard.hasPrefix(greeting))
        #expect(call.heard.contains(menuLine))
    }

    @Test func roomsAndPoliciesAreSpokenInTheChosenLanguage() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.answer("2", "1")
        #expect(call.heard.contains("2  豪华大床房  $180 a night, 32 m², 特大床、海景、浴缸"))
        #expect(call.heard.contains("入住前48小时可免费取消。"))
        #expect(!call.heard.contains("Deluxe King"))
    }

    @Test func aWrongChoiceRepeatsTheMenuAndTheThirdCarriesOnInTheFirstLanguage() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.send("3")
        #expect(call.rawHeard == Self.languageMenu)
        call.send("français")
        #expect(call.rawHeard == Self.languageMenu)
        call.send("xyz")
        #expect(call.conversation.language == "en")
        #expect(call.heard.hasPrefix("Good day"))
    }

    @Test func silenceAtTheLanguageMenuRepeatsItThenSaysGoodbye() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.silence()
        #expect(call.rawHeard == Self.languageMenu)
        call.silence()
        #expect(call.rawHeard == Self.languageMenu)
        call.silence()
        #expect(call.heard == SilenceTests.goodbye)
        #expect(call.hungUp)
    }

    @Test func aRefusedLineAtTheLanguageMenuRepeatsIt() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.send(.unreadable)
        #expect(call.rawHeard.hasSuffix(Self.languageMenu))
    }

    @Test func aChineseSpeakerCanBookAndTheDraftCarriesTheLanguage() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.walk(["2", "1", "12月24日", "3晚", "1", "2", "+86 138 0013 8000", "李小龙"])
        call.send("是的")
        guard case .saveReservation(let draft)? = call.pending else {
            Issue.record("no reservation saved: \(call.transcript)")
            return
        }
        #expect(draft.language == "zh")
        #expect(draft.stay.checkIn == day("2026-12-24"))
        #expect(draft.stay.nights == 3)
        #expect(draft.guestName == "李小龙")
    }
}

/// Switching language mid-call: a language's own name at any question, or the `language`
/// command and the screen; either way the question is asked again in the new language.
@Suite("Switching language mid-call")
struct LanguageSwitchTests {
    static var bilingual: PromptSet { LanguageChoiceTests.bilingual }

    @Test func aLanguagesNameAtAQuestionSwitchesAndAsksItAgain() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.send("1")
        #expect(call.heard.contains("Please type the number of your choice"))
        call.send("中文")
        #expect(call.conversation.language == "zh")
        #expect(call.rawHeard.hasPrefix("好的，接下来用中文为您服务。\n请问有什么可以帮您？请输入选项编号："))
        call.send("english")
        #expect(call.conversation.language == "en")
        #expect(call.rawHeard.hasPrefix("Of course, let's carry on in English.\nHow may I help you today?"))
    }

    @Test func theLanguageCommandOpensTheScreenAndComesBackToTheQuestion() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.send("1")
        call.send("1")
        #expect(call.conversation.currentNode == "booking.checkin")
        call.send("language")
        #expect(call.rawHeard == LanguageChoiceTests.languageMenu)
        #expect(call.conversation.currentNode == "booking.checkin")
        call.send("2")
        #expect(call.conversation.language == "zh")
        #expect(call.conversation.currentNode == "booking.checkin")
        #expect(call.rawHeard.hasPrefix("好的，接下来用中文为您服务。\n"))
        call.send("12月24日")
        #expect(call.conversation.currentNode == "booking.checkout")
    }

    /// Offered a person after wrong answers, the guest names a language: the offer again in
    /// it, acknowledged only when it is another language than the call's.
    @Test func aLanguagesNameAtTheOfferOfAPersonAsksTheOfferAgainInIt() {
        var call = Call(prompts: Self.bilingual, choosing: "1")
        call.walk(["1", "blah", "blah", "blah"])
        #expect(call.heard.hasSuffix("Would you like me to find a person to help you? (yes/no)"))
        call.send("English")
        #expect(call.heard == "I'm sorry, I'm having trouble understanding. Would you like me to find a person to help you? (yes/no)")
        call.send("中文")
        #expect(call.conversation.language == "zh")
        #expect(call.heard.hasPrefix("好的，接下来用中文为您服务。"))
    }

    @Test func pickingTheSameLanguageOnTheScreenJustAsksAgain() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.send("1")
        call.send("language")
        call.send("1")
        #expect(call.conversation.language == "en")
        #expect(call.rawHeard.hasPrefix("How may I help you today?"))
    }

    @Test func backOnTheScreenMidCallReturnsWithoutAChange() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.send("1")
        call.send("language")
        call.send("back")
        #expect(call.conversation.language == "en")
        #expect(call.conversation.currentNode == "main.menu")
        #expect(call.rawHeard.hasPrefix("How may I help you today?"))
    }

    @Test func aMenuThatOffersTheLanguageAsAChoiceTakesTheChoice() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.walk(["1", "3", "+44 20 7946 0958", "tomorrow 10am", "About my bill."])
        #expect(call.conversation.currentNode == "callback.language")
        call.send("中文")  // a language's name here answers the menu: it fits no one choice
        #expect(call.conversation.language == "en")
        #expect(call.conversation.currentNode == "callback.language")
        call.send("english")
        #expect(call.conversation.language == "en")
        #expect(call.conversation.currentNode == "callback.name")
    }

    @Test func quitOnTheScreenSaysGoodbyeInTheLanguageItWasTypedIn() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.send("quit")
        #expect(call.hungUp)
        #expect(call.heard.hasPrefix("Thank you for calling Harbour View Hotel. Goodbye"))
    }

    @Test func theSwitchIsTracedForCoverageByLanguage() {
        var call = Call(prompts: Self.bilingual, choosing: nil)
        call.conversation.isTracing = true
        call.send("2")
        call.send("english")
        let changes = call.conversation.takeTrace().compactMap { point -> String? in
            if case .language(let code, let how) = point { "\(code) \(how.rawValue)" } else { nil }
        }
        #expect(changes == ["zh screen", "en switched"])
    }
}

/// A caller recognised on file is answered in the language of their last call, with one
/// line, in the language they were using, on how to go back to it.
@Suite("The language on a caller's file")
struct LanguageOnFileTests {
    static var bilingual: PromptSet { LanguageChoiceTests.bilingual }

    static func known(_ language: String?) -> ActionOutcome {
        .knownCaller(CallerSummary(name: "Li Wei", hasUpcomingStay: false, hasOpenComplaint: false, language: language))
    }

    /// English on the screen, a booking, the phone and name of a guest who last called in
    /// Chinese (only a phone with its name finds a caller on file).
    static func callUpToTheName(before: [String] = []) -> Call {
        var call = Call(prompts: bilingual, choosing: nil)
        call.walk(["1", "1"] + before + ["24 Dec", "27 Dec", "1", "2", "+86 10 6552 9988"])
        call.send("Li Wei")
        #expect(call.pending == .findCaller(phone: PhoneNumber(normalized: "+861065529988")!, name: "Li Wei"), "\(String(describing: call.pending))")
        return call
    }

    @Test func aCallerOnFileIsAnsweredInTheLanguageOfTheirLastCall() {
        var call = Self.callUpToTheName()
        call.complete(Self.known("zh"))
        #expect(call.conversation.language == "zh")
        // The new language says what happened; the one the guest was using says how back.
        #expect(call.heard.hasPrefix("和您上次来电一样，接下来用中文为您服务。 To carry on in English, type \"English\". "), "\(call.heard)")
        call.send("English")
        #expect(call.conversation.language == "en")
        #expect(call.heard.hasPrefix("Of course, let's carry on in English. Let me read that back to you:"), "\(call.heard)")
    }

    @Test func theFileIsTracedAsTheReasonForTheLanguage() {
        var call = Self.callUpToTheName()
        call.conversation.isTracing = true
        call.complete(Self.known("zh"))
        #expect(call.conversation.takeTrace().contains(.language(code: "zh", how: .onFile)))
    }

    @Test func theFileIsTakenOncePerCall() {
        var call = Self.callUpToTheName()
        call.complete(Self.known("zh"))
        call.send("english")
        call.walk(["yes", "yes", "1", "26 Dec", "28 Dec", "1", "2", "+86 10 6552 9988"])
        call.send("Li Wei")
        #expect(call.pending != nil, "the second booking looks the caller up again")
        call.complete(Self.known("zh"))
        #expect(call.conversation.language == "en")
    }

    @Test func theSameLanguageOrNoneOnFileChangesNothing() {
        for language in ["en", nil, "fr"] {
            var call = Self.callUpToTheName()
            call.complete(Self.known(language))
            #expect(call.conversation.language == "en")
            #expect(call.rawHeard.hasPrefix("Let me read that back to you:"), "\(call.rawHeard)")
        }
    }

    @Test func aLanguageAskedForMidCallIsNotOverridden() {
        var call = Self.callUpToTheName(before: ["english"])
        call.complete(Self.known("zh"))
        #expect(call.conversation.language == "en")
    }
}
