import HotelCalendar
import Testing
@testable import Dialogue

/// A person from the hotel in the call, and the queue for one: the events the switchboard
/// tells the conversation, and what the guest hears of each.
@Suite("People in the call")
struct PeopleInTheCallTests {
    static let joined = "Mei from guest services has joined the call. Please go ahead."

    /// A call on hold for a person: "0" at the main menu, first in line.
    static func onHold() -> Call {
        var call = Call()
        call.send("0")
        call.complete(.queued(position: 1, expectedWaitSeconds: nil))
        #expect(call.conversation.isOnHold)
        return call
    }

    /// A call put through to Mei from the hold.
    static func withMei() -> Call {
        var call = onHold()
        call.tell(.agentJoined(name: "Mei"))
        #expect(call.heard == joined)
        #expect(call.conversation.isWithAgent)
        return call
    }

    @Test func whatAPersonTypesReachesTheGuestAsTypedAndTheFlowHearsNoLine() {
        var call = Self.withMei()
        let long = "Good evening, this is Mei; I can see your booking for the twenty-fourth and I will be glad to change it for you."
        call.tell(.agentSaid(name: "Mei", text: long))
        #expect(call.rawHeard == "Mei: " + long, "not broken at the line width: the person's words as they typed them")
        call.send("1")
        #expect(call.heard.isEmpty, "a whole line is for the person, not the menu")
        call.send(.controlCharacters)
        #expect(call.heard == "I'm sorry, that answer had keys I can't read (such as arrow keys). Please type it again.")
        #expect(call.conversation.currentNode == "with an agent")
    }

    @Test func aSupervisorComesAndGoesAndTheCallStaysTheAgents() {
        var call = Self.withMei()
        call.tell(.supervisorJoined(name: "Sara"))
        #expect(call.heard == "Sara from guest services has joined the call. Please go ahead.")
        call.tell(.agentSaid(name: "Sara", text: "Two is fine."))
        #expect(call.heard == "Sara: Two is fine.")
        call.tell(.supervisorLeft(name: "Sara"))
        #expect(call.heard == "Sara has left the call. Thank you for talking with us.")
        #expect(call.conversation.isWithAgent)
        call.tell(.agentLeft(.released))
        #expect(call.heard.hasPrefix("Mei has left the call."), "the agent's name, not the supervisor's")
    }

    @Test func releasedTheGuestIsBackAtTheMainMenu() {
        var call = Self.withMei()
        call.tell(.agentLeft(.released))
        #expect(call.heard.hasPrefix("Mei has left the call. Thank you for talking with us."))
        #expect(call.conversation.currentNode == "main.menu")
        #expect(!call.hungUp)
    }

    /// A booking at its check-out question, its check-in date given.
    static func atCheckout() -> Call {
        var call = Call()
        call.walk(["1", "24 Dec"])
        #expect(call.conversation.currentNode == "booking.checkout")
        return call
    }

    /// Asked for a person mid-booking, put through, handed back: at the same question, the
    /// date given before it kept (it used to be the main menu, the dates lost).
    @Test func releasedMidFlowTheGuestIsBackAtTheirQuestionWithTheirAnswersKept() {
        var call = Self.atCheckout()
        call.send("0")
        call.complete(.queued(position: 1, expectedWaitSeconds: nil))
        #expect(call.conversation.place == CallPlace(flow: "booking", node: "booking.checkout", question: "booking.checkout", askedForPerson: true))
        call.tell(.agentJoined(name: "Mei"))
        call.tell(.agentLeft(.released))
        #expect(call.heard.hasPrefix("Mei has left the call. Thank you for talking with us. Let's carry on where we were. And on which day will you leave?"))
        #expect(call.conversation.currentNode == "booking.checkout")
        #expect(call.conversation.value(of: "booking.checkin") != nil)
        call.send("27 Dec")
        #expect(call.conversation.currentNode == "booking.rooms", "the flow goes on from there")
        call.send("back")
        #expect(call.conversation.currentNode == "booking.checkout", "and back still works")
    }

    /// Taken by an agent mid-flow without asking (`take ID`), handed back to the same question.
    @Test func takenMidFlowAndReleasedTheGuestIsBackAtTheSameQuestion() {
        var call = Self.atCheckout()
        call.tell(.agentJoined(name: "Mei"))
        #expect(call.conversation.place?.askedForPerson == false)
        call.tell(.agentLeft(.released))
        #expect(call.conversation.currentNode == "booking.checkout")
    }

    /// Lost mid-call, the guest waits again; the next agent hands them back to the same question.
    @Test func aLostAgentsGuestIsStillHandedBackToTheirQuestionByTheNext() {
        var call = Self.atCheckout()
        call.send("0")
        call.complete(.queued(position: 1, expectedWaitSeconds: nil))
        call.tell(.agentJoined(name: "Mei"))
        call.tell(.agentLeft(.lost))
        call.tell(.agentJoined(name: "Tom"))
        call.tell(.agentLeft(.released))
        #expect(call.conversation.currentNode == "booking.checkout")
    }

    /// The agent fills an answer in: the guest sees it and what the line says to it, the
    /// call stays with the agent, and the question it led to is where the guest goes back.
    @Test func anAnswerFilledInByTheAgentIsTakenAsTheGuestsAtTheirQuestion() {
        var call = Self.atCheckout()
        call.tell(.agentJoined(name: "Mei"))
        #expect(call.conversation.agentAnswerProblem("3 nights") == nil)
        call.tell(.agentAnswered(name: "Mei", text: "3 nights"))
        #expect(call.heard.hasPrefix("Mei answered for you: 3 nights How many rooms would you like?"), "\(call.heard)")
        #expect(call.conversation.isWithAgent)
        #expect(call.conversation.place?.node == "booking.rooms")
        call.tell(.agentAnswered(name: "Mei", text: "lots"))
        #expect(call.heard.contains("Mei answered for you: lots"))
        #expect(call.conversation.place?.node == "booking.rooms", "refused as the guest's would be: the same question")
        #expect(call.conversation.agentAnswerProblem("quit") == .wouldEndCall)
        #expect(call.conversation.agentAnswerProblem("0") == .wouldAct, "asking for a person is the guest's to do")
        call.tell(.agentAnswered(name: "Mei", text: "quit"))
        #expect(call.heard.isEmpty && !call.hungUp, "refused: nothing happens")
        call.tell(.agentLeft(.released))
        #expect(call.conversation.currentNode == "booking.rooms")
        #expect(call.conversation.value(of: "booking.checkout") != nil)
    }

    /// The yes to a read-back saves the booking: the guest gives it themselves.
    @Test func anAnswerThatWouldSaveIsLeftToTheGuest() {
        var call = Places.call(at: Places.readBack)
        call.tell(.agentJoined(name: "Mei"))
        #expect(call.conversation.agentAnswerProblem("yes") == .wouldAct)
        #expect(call.conversation.agentAnswerProblem("no") == nil, "no leads to a question: what to correct")
        var fresh = Call()
        #expect(fresh.conversation.agentAnswerProblem("1") == .noPersonInCall)
        fresh.tell(.agentAnswered(name: "Mei", text: "1"))
        #expect(fresh.heard.isEmpty)
    }

    @Test func theAgentHangingUpEndsTheCallAndNothingIsSaidAfter() {
        var call = Self.withMei()
        call.tell(.agentLeft(.hungUp))
        #expect(call.heard == "Mei has ended the call. Thank you for calling Harbour View Hotel. Goodbye.")
        #expect(call.hungUp)
        for event in [ConversationEvent.agentSaid(name: "Mei", text: "hello?"), .supervisorJoined(name: "Sara"), .supervisorLeft(name: "Sara"),
                      .agentJoined(name: "Mei"), .queueMoved(position: 1, expectedWaitSeconds: 60), .queueEnded(.noOne), .closing] {
            #expect(call.conversation.handle(event, at: call.now.instantInUTC).isEmpty, "\(event)")
        }
    }

    @Test func aLostAgentPutsTheGuestBackOnHoldWithAnApology() {
        var call = Self.withMei()
        call.tell(.queueMoved(position: 1, expectedWaitSeconds: nil))
        #expect(call.heard.isEmpty, "not on hold yet: the place is kept for the texts, not said")
        call.tell(.agentLeft(.lost))
        #expect(call.heard.hasPrefix("I'm so sorry, we lost the connection to Mei. You are back at the front of the line."))
        #expect(call.conversation.isOnHold)
    }

    @Test func onHoldTheGuestHearsTheirPlaceAndWhenTheQueueGivesUp() {
        var call = Self.onHold()
        call.tell(.queueMoved(position: 2, expectedWaitSeconds: 240))
        #expect(call.heard == "You are now number 2 in line; the expected wait is about 4 minutes.")
        call.silence()
        #expect(call.heard.isEmpty, "on hold, silence is expected")
        call.tell(.queueEnded(.waitedTooLong))
        #expect(call.heard == "I'm sorry to have kept you waiting so long; everyone is still busy with other guests. "
            + "Would you like us to call you back instead? (yes/no)")
        call.tell(.queueMoved(position: 1, expectedWaitSeconds: nil))
        #expect(call.heard.isEmpty, "off hold, the queue's news is not said")
    }

    /// Every agent logged in is away: the guest on hold hears so at once, with the callback
    /// the hold offers, and stays in line in case someone comes back.
    @Test func onHoldWithNobodyAtTheDeskTheCallbackIsOfferedAndTheGuestMayStay() {
        var call = Self.onHold()
        call.tell(.noOneAtDesk)
        #expect(call.heard == "I'm sorry, no colleague is at the desk right now. If you would like us to call you back, type 1; "
            + "or stay on the line, and you will be put through as soon as someone is back.")
        #expect(!call.heard.contains("busy"))
        #expect(call.conversation.isOnHold)
        call.tell(.agentJoined(name: "Mei"))
        #expect(call.heard == Self.joined, "someone came back: put through as ever")
        var leaving = Self.onHold()
        leaving.tell(.noOneAtDesk)
        leaving.send("1")
        #expect(leaving.conversation.pendingAction == .leaveQueue)
        var off = Call()
        off.tell(.noOneAtDesk)
        #expect(off.heard.isEmpty, "off hold, nothing is said")
    }

    @Test func linesTypedAheadDuringAnActionAreDroppedWhenAPersonJoins() {
        var call = Call()
        call.send("0")
        call.send("1")
        #expect(call.conversation.queuedInputCount == 1)
        call.tell(.agentJoined(name: "Mei"))
        #expect(call.conversation.queuedInputCount == 0)
        #expect(call.heard == Self.joined)
    }

    @Test func aSilenceBeforeAPersonTookTheCallIsNotCountedAfter() {
        var call = Call()
        call.silence()
        call.tell(.agentJoined(name: "Mei"))
        call.tell(.agentLeft(.released))
        call.silence()
        #expect(call.heard.hasPrefix("Are you still there?"), "the first reminder at the menu again")
        call.silence()
        #expect(!call.hungUp, "three silences in a row at one question before goodbye")
    }
}

/// Telnet's interrupt (Ctrl-C) is the guest typing "quit", wherever they are.
@Suite("The interrupt")
struct InterruptTests {
    @Test(arguments: Places.all)
    func anInterruptIsAnsweredAsQuitIs(node: String, path: [String]) {
        var interrupted = Places.call(at: (node, path))
        var typed = interrupted
        interrupted.send(.interrupt)
        typed.send("quit")
        #expect(interrupted.rawHeard == typed.rawHeard)
        #expect(interrupted.hungUp && typed.hungUp)
    }

    @Test func anInterruptDuringASaveWaitsForItThenEndsTheCall() {
        var call = Places.call(at: Places.readBack)
        call.send("yes")
        call.send(.interrupt)
        #expect(call.heard.isEmpty)
        call.complete(.saved(reference: "R1000017", guestFile: "261224001"))
        #expect(call.heard.contains("Your confirmation number is R1000017"))
        #expect(call.heard.hasSuffix(GlobalCommandTests.goodbye))
        #expect(call.hungUp)
    }

    @Test func anInterruptToAPersonIsNotAnswered() {
        var call = PeopleInTheCallTests.withMei()
        call.send(.interrupt)
        #expect(call.heard.isEmpty)
        #expect(!call.hungUp)
    }
}

/// Lines typed during an action wait in order for its outcome, and for the next action's.
@Suite("Typing ahead")
struct TypingAheadTests {
    @Test func linesTypedDuringTwoActionsAreReadInOrderAcrossBoth() {
        var call = Places.call(at: Places.readBack)
        call.send("yes")
        #expect(call.conversation.pendingAction == .saveReservation)
        // "yes" to anything else, "5" for a status check, "1" for a booking, then its number
        // (which looks it up), then "no" to changing it.
        call.answer("yes", "5", "1", "R1000017", "no")
        #expect(call.conversation.queuedInputCount == 5)
        call.complete(.saved(reference: "R1000017", guestFile: "261224001"))
        #expect(call.conversation.isPerforming, "the status check's lookup started, the last line waits for it")
        #expect(call.conversation.queuedInputCount == 1)
        let day = CivilDate(year: 2026, month: 12, day: 24)!
        call.complete(.foundBooking(BookingSummary(guestName: "Maria Lopez", checkIn: day, checkOut: day.adding(days: 3), rooms: 1,
                                                   roomType: "deluxe", total: 540, freeUntil: LocalMoment(iso: "2026-12-22T15:00")!, lateFee: 0)))
        #expect(call.conversation.queuedInputCount == 0)
        #expect(call.conversation.currentNode == "main.anything_else")
    }
}
