import Telnet
import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Silence")
struct SilenceTests {
    static let stillThere = "Are you still there? Take your time; I'm here when you are ready."
    static let goodbye = "I haven't heard from you for a while, so I will end the call now. Please call again whenever you like. Goodbye."

    @Test func twoSilencesAskIfTheGuestIsThereAndTheThirdSaysGoodbye() {
        var call = Places.call(at: Places.rooms)
        call.silence()
        #expect(call.rawHeard == Self.stillThere + "\nHow many rooms would you like? (1 to 5)")
        call.silence()
        #expect(call.rawHeard == Self.stillThere + "\nHow many rooms would you like? (1 to 5)")
        #expect(!call.hungUp)
        call.silence()
        #expect(call.heard == Self.goodbye)
        #expect(call.hungUp)
    }

    @Test func anyLineStartsTheCountAgain() {
        var call = Places.call(at: Places.rooms)
        call.silence()
        call.silence()
        call.send("help")
        call.silence()
        call.silence()
        #expect(!call.hungUp)
        #expect(call.heard.hasPrefix(Self.stillThere))
    }

    @Test func aNodesOwnSilenceTextsComeFirst() throws {
        let set = PromptFiles.edited {
            $0.replace("nomatch main.menu.nomatch\n", with: "nomatch main.menu.nomatch\n  noinput main.menu.help\n", in: "main.flow")
        }
        var call = Call(prompts: try #require(set.compile().0))
        call.silence()
        #expect(call.heard.hasPrefix("Type 1 to ask about rooms or make a booking"))
        #expect(call.heard.hasSuffix("0  Speak to a person"))
        call.silence()
        #expect(call.heard.hasPrefix(Self.stillThere), "past the node's texts, the global one")
    }

    @Test func silenceWhileAnActionIsUnderWayDoesNothing() {
        var call = Places.call(at: Places.readBack)
        call.send("yes")
        #expect(call.conversation.isPerforming)
        for _ in 0..<5 {
            call.silence()
            #expect(call.heard.isEmpty)
        }
        #expect(!call.hungUp)
        call.complete(.saved(reference: "R1000017", guestFile: "261224001"))
        #expect(call.heard.contains("Your confirmation number is R1000017"))
    }

    @Test func silenceAtTheOfferOfAPersonRepeatsTheOffer() {
        var call = Places.call(at: Places.arrival)
        call.answer("a", "b", "c")
        call.silence()
        #expect(call.heard == Self.stillThere + " " + EscalationTests.offer)
    }
}

@Suite("Lines the line refused")
struct LineProblemTests {
    static let rooms = "How many rooms would you like? (1 to 5)"

    @Test(arguments: [
        (TypedInput.tooLong(limit: 1024), "I'm sorry, that answer is too long (1024 characters at most). Please try a shorter one."),
        (.unreadable, "I'm sorry, I couldn't read that; some characters were garbled. Please type it again."),
        (.controlCharacters, "I'm sorry, that answer had keys I can't read (such as arrow keys). Please type it again."),
    ])
    func aRefusedLineIsExplainedAndTheQuestionAskedAgain(input: TypedInput, explanation: String) {
        var call = Places.call(at: Places.rooms)
        call.send(input)
        #expect(call.heard == explanation + " " + Self.rooms)
        #expect(call.conversation.currentNode == "booking.rooms")
    }

    @Test(arguments: [TypedInput.tooLong(limit: 1024), .unreadable, .controlCharacters])
    func aRefusedLineIsNoWrongAnswer(input: TypedInput) {
        var call = Places.call(at: Places.rooms)
        call.answer("nine", "ten")
        for _ in 0..<3 { call.send(input) }
        #expect(!call.transcript.contains("find a person"))
        call.send("eleven")
        #expect(call.heard.hasSuffix("find a person to help you? (yes/no)"), "the third real wrong answer")
    }

    @Test(arguments: ["", "   ", "\t", " . "])
    func anEmptyLineAsksAgainWithoutComplaint(line: String) {
        var call = Places.call(at: Places.rooms)
        call.send(line)
        #expect(call.heard == Self.rooms)
    }

    @Test func aRefusedLineWhileSavingWaitsForTheSave() {
        var call = Places.call(at: Places.readBack)
        call.send("yes")
        call.send(.tooLong(limit: 1024))
        #expect(call.heard.isEmpty)
        call.complete(.saved(reference: "R1000017", guestFile: "261224001"))
        #expect(call.heard.hasSuffix("I'm sorry, that answer is too long (1024 characters at most). Please try a shorter one. Is there anything else I can help you with? (yes/no)"))
    }
}
