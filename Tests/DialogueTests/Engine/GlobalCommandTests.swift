import HotelCalendar
import Testing
@testable import Dialogue

/// Places in the shipped flows a guest can be at, with the lines that lead there.
enum Places {
    static let phone = "+44 20 7946 0958"
    static let mainMenu = ("main.menu", [String]())
    static let arrival = ("booking.checkin", ["1"])
    static let rooms = ("booking.rooms", ["1", "24 Dec", "27 Dec"])
    static let readBack = ("booking.readback", ["1", "24 Dec", "27 Dec", "1", "2", phone, "Maria Lopez"])
    static let fixMenu = ("booking.fix", readBack.1 + ["no"])
    static let category = ("complaint.category", ["2"])
    static let details = ("complaint.details", ["2", "1"])
    static let anythingElse = ("main.anything_else", ["2", "1", "Slow", "Sorry", phone, "Maria Lopez", "no"])
    static let rating = ("survey.front_desk", ["4", "no", "Maria Lopez", phone, "yes"])
    static let checkWhat = ("status.what", ["5", phone])
    static let confirmation = ("status.booking_number", ["5", phone, "1"])

    static let all = [mainMenu, arrival, rooms, readBack, fixMenu, category, details, anythingElse, rating, checkWhat, confirmation]

    /// A call standing at `place`, actions answered cooperatively on the way.
    static func call(at place: (String, [String])) -> Call {
        var call = Call()
        call.walk(place.1)
        #expect(call.conversation.currentNode == place.0, "the path no longer leads to \(place.0)")
        return call
    }
}

@Suite("Global commands")
struct GlobalCommandTests {
    /// What help says at every question of the shipped line, of four languages.
    static let globalHelp = "You can type these at any question: \"help\", \"repeat\", \"back\" (the previous question), \"menu\" (the main menu), \"0\" (a person), \"quit\" (end the call)."
        + " For another language, type \"language\" or its name, such as \"Español\"."
    static let goodbye = "Thank you for calling Harbour View Hotel. Goodbye, and have a lovely day."
    static let menuPrompt = "How may I help you today? Please type the number of your choice:"

    @Test(arguments: Places.all)
    func repeatSaysTheQuestionAsItWasAsked(node: String, path: [String]) {
        var call = Places.call(at: (node, path))
        let arrival = call.heard
        call.send("repeat")
        let prompt = call.heard
        #expect(!prompt.isEmpty)
        #expect(arrival.hasSuffix(prompt), "\(node): the question on arrival ends with what repeat says")
        call.send("Pardon")
        #expect(call.heard == prompt)
        #expect(call.conversation.currentNode == node)
    }

    @Test(arguments: Places.all)
    func helpGivesTheCommandsAndAsksAgain(node: String, path: [String]) {
        var call = Places.call(at: (node, path))
        call.send("repeat")
        let prompt = call.heard
        call.send("help")
        #expect(call.heard.hasSuffix(Self.globalHelp + " " + prompt), "\(node)")
        #expect(call.conversation.currentNode == node)
    }

    @Test(arguments: [
        (Places.mainMenu, "Type 1 to ask about rooms or make a booking"),
        (Places.arrival, "Dates can be typed as 24 Dec"),
        (Places.details, Self.globalHelp),
    ])
    func helpStartsWithTheNodesOwnHelpWhereItHasOne(place: (String, [String]), opening: String) {
        var call = Places.call(at: place)
        call.send("?")
        #expect(call.heard.hasPrefix(opening))
    }

    @Test func aCommandIsNeverTakenAsTheAnswer() {
        var call = Places.call(at: Places.details)
        call.send("help")
        #expect(call.conversation.value(of: "complaint.details") == nil)
    }

    // MARK: back

    @Test func backReturnsToThePreviousQuestionAndTheAnswerCanChange() {
        var call = Places.call(at: ("booking.checkout", ["1", "24 Dec"]))
        call.send("back")
        #expect(call.heard == "On which day would you like to arrive? (for example 24 Dec, 24/12/2026 or tomorrow)")
        call.send("25 Dec")
        #expect(call.heard.hasPrefix("And on which day will you leave?"))
        #expect(call.conversation.value(of: "booking.checkin") == .date(day("2026-12-25")))
    }

    @Test func backFromTheFirstQuestionOfAFlowReturnsToTheMenuThenSaysThereIsNothingBefore() {
        var call = Places.call(at: Places.arrival)
        call.send("go back")
        #expect(call.heard.hasPrefix(Self.menuPrompt))
        call.send("back")
        #expect(call.rawHeard.hasPrefix("This is the first question, so there is nothing to go back to.\n" + Self.menuPrompt))
        #expect(call.conversation.currentNode == "main.menu")
    }

    @Test func backFromAYesNoQuestionLetsTheGuestChangeTheAnswerBefore() {
        var call = Places.call(at: Places.readBack)
        call.send("back")
        #expect(call.heard == "And the name for the booking, please?")
        call.send("back")
        #expect(call.heard == "May I have a phone number where we can reach you?")
        call.send("+34 600 123 456")
        #expect(call.pending == nil, "a corrected phone goes straight back to the read-back")
        #expect(call.heard.contains("Phone:      +34600123456"))
        #expect(call.heard.contains("Name:       Maria Lopez"))
    }

    // MARK: menu

    @Test func menuFromDeepInAFlowGoesToTheMainMenuAndASecondBookingStartsFresh() {
        var call = Places.call(at: Places.fixMenu)
        #expect(call.conversation.value(of: "booking.fixing") == .flag(true))
        call.send("main menu")
        #expect(call.heard.hasPrefix(Self.menuPrompt))
        #expect(!call.heard.contains("Good day"), "the greeting is not said twice")
        call.send("1")
        #expect(call.conversation.value(of: "booking.fixing") == nil)
        #expect(call.conversation.value(of: "booking.checkin") == nil)
        call.answer("25 Dec", "28 Dec")
        #expect(call.heard == "How many rooms would you like? (1 to 5)", "not straight back to the read-back")
        #expect(call.pending == nil)
        #expect(call.conversation.value(of: "guest.name") == .text("Maria Lopez"), "who the guest is stays known")
    }

    @Test func afterMenuThereIsNothingToGoBackTo() {
        var call = Places.call(at: Places.rooms)
        call.answer("menu", "back")
        #expect(call.heard.hasPrefix("This is the first question"))
    }

    // MARK: agent

    @Test(arguments: Places.all)
    func zeroAsksForAPersonInTheFlowTheGuestIsIn(node: String, path: [String]) {
        var call = Places.call(at: (node, path))
        call.send("0")
        let topic = String(node.prefix { $0 != "." })
        #expect(call.pending == .requestAgent(topic: topic))
    }

    @Test func withNoOneFreeACallbackIsOfferedWithTheKnownPhone() {
        var call = Places.call(at: Places.readBack)
        call.send("agent")
        call.complete(.unavailable)
        #expect(call.heard == "I'm sorry, no colleague is at the desk right now. Would you like us to call you back instead? (yes/no)")
        call.send("yes")
        #expect(call.rawHeard == "Of course, we can call you back.\nShall we call you at +442079460958? (yes/no)")
    }

    @Test func withNoOneFreeAndNoPhoneKnownThePhoneIsAsked() {
        var call = Call()
        call.send("person")
        call.complete(.unavailable)
        call.send("yes please")
        #expect(call.rawHeard == "Of course, we can call you back.\nWhich phone number should we call?")
    }

    @Test func decliningTheCallbackOffersAnythingElse() {
        var call = Call()
        call.send("0")
        call.complete(.unavailable)
        call.send("no")
        #expect(call.heard == "Is there anything else I can help you with? (yes/no)")
    }

    // MARK: quit

    @Test(arguments: Places.all)
    func quitSaysGoodbyeAndHangsUpAnywhere(node: String, path: [String]) {
        var call = Places.call(at: (node, path))
        call.send("Quit.")
        #expect(call.heard == Self.goodbye)
        #expect(call.hungUp)
        #expect(call.pending == nil)
        #expect(call.conversation.hasEnded)
        call.send("1")
        #expect(call.heard.isEmpty, "nothing is said after hanging up")
        call.silence()
        #expect(call.heard.isEmpty)
    }

    @Test func quitWorksAtTheOfferOfAPerson() {
        var call = Places.call(at: Places.arrival)
        call.answer("x", "y", "z")
        #expect(call.heard.hasSuffix("Would you like me to find a person to help you? (yes/no)"))
        call.send("hang up")
        #expect(call.heard == Self.goodbye)
        #expect(call.hungUp)
    }

    @Test func closingTheLineSaysSoAndHangsUpOnce() {
        var call = Places.call(at: Places.rooms)
        let effects = call.conversation.handle(.closing, at: call.now.instantInUTC)
        #expect(effects.count == 2)
        if case .say(let text)? = effects.first {
            #expect(text.hasPrefix("I'm sorry, the line is closing now for maintenance."))
        } else {
            Issue.record("closing said nothing: \(effects)")
        }
        #expect(effects.last == .hangUp)
        #expect(call.conversation.handle(.closing, at: call.now.instantInUTC).isEmpty)
    }
}
