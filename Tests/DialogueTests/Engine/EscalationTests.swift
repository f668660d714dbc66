import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Wrong answers and the offer of a person")
struct EscalationTests {
    static let arrival = "On which day would you like to arrive? (for example 24 Dec, 24/12/2026 or tomorrow)"
    static let notADate = "I'm sorry, I couldn't read that as a date. Please type it like 24 Dec, 24/12/2026, 2026-12-24 or tomorrow."
    static let arrivalAgain = "Please type only the date of arrival, like 24 Dec."
    static let offer = "I'm sorry, I'm having trouble understanding. Would you like me to find a person to help you? (yes/no)"

    @Test func eachWrongAnswerIsExplainedMoreHelpfullyThenAPersonIsOffered() {
        var call = Places.call(at: Places.arrival)
        call.send("soon")
        #expect(call.heard == Self.notADate + " " + Self.arrival)
        call.send("next month")
        #expect(call.heard == Self.notADate + " " + Self.arrivalAgain + " " + Self.arrival, "the node's nomatch text on the second try")
        call.send("whenever")
        #expect(call.heard == Self.notADate + " " + Self.offer)
        #expect(call.pending == nil)
    }

    @Test func decliningThePersonAsksTheSameQuestionWithTheCountReset() {
        var call = Places.call(at: Places.arrival)
        call.answer("a", "b", "c", "no")
        #expect(call.heard == "Of course, let's try once more. " + Self.arrival)
        #expect(call.conversation.currentNode == "booking.checkin")
        call.send("d")
        #expect(call.heard == Self.notADate + " " + Self.arrival, "counting starts again")
        call.send("e")
        #expect(!call.heard.contains(Self.offer))
        call.send("f")
        #expect(call.heard.hasSuffix(Self.offer))
    }

    @Test func acceptingThePersonGoesToTheAgentFlow() {
        var call = Places.call(at: Places.arrival)
        call.answer("a", "b", "c", "yes")
        #expect(call.pending == .requestAgent(topic: "booking"))
    }

    @Test func anAnswerThatIsNeitherYesNorNoRepeatsTheOffer() {
        var call = Places.call(at: Places.arrival)
        call.answer("a", "b", "c", "24 Dec")
        #expect(call.heard == "I'm sorry, I didn't catch that. Please answer yes or no. " + Self.offer)
        #expect(call.conversation.value(of: "booking.checkin") == nil)
    }

    @Test func aRightAnswerInBetweenStartsTheCountAgain() {
        var call = Places.call(at: Places.arrival)
        call.answer("a", "b", "24 Dec", "c", "d")
        #expect(!call.transcript.contains(Self.offer))
        #expect(call.conversation.currentNode == "booking.checkout")
    }

    @Test func aMenuGivesItsOwnHintOnTheSecondWrongChoice() {
        var call = Call()
        call.send("9")
        #expect(call.heard.hasPrefix("I'm sorry, that isn't one of the choices. Please type the number of one of them. How may I help you today?"))
        call.send("pizza")
        #expect(call.heard.hasPrefix("I'm sorry, that isn't one of the choices. Please type the number of one of them. You can also type a word, such as \"book\" or \"complaint\". How may I help you today?"))
    }

    @Test func aNodeWithoutHintsJustAsksAgain() {
        var call = Places.call(at: Places.rooms)
        call.answer("nine", "9")
        #expect(call.rawHeard == "I'm sorry, please type a number from 1 to 5.\nHow many rooms would you like? (1 to 5)")
    }

    @Test func commandsBetweenWrongAnswersDoNotResetTheCount() {
        var call = Places.call(at: Places.arrival)
        call.answer("a", "help", "b", "repeat", "c")
        #expect(call.heard.hasSuffix(Self.offer))
    }
}
