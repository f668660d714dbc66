import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Status flow")
struct StatusFlowTests {
    static let phone = PhoneNumber(normalized: "+442079460958")!
    static let what = "What would you like to check?\n  1  A booking\n  2  A complaint\n  3  My guest file\n  4  A callback"
    static let askConfirmation = "Please type the confirmation number of the booking (R followed by seven digits)."
    static let askTicket = "Please type the ticket number of the complaint (T followed by seven digits)."
    static let askCallback = "Please type the reference number of the callback (C followed by seven digits)."

    static let booking = BookingSummary(guestName: "Maria Lopez", checkIn: day("2026-12-24"), checkOut: day("2026-12-27"), rooms: 1,
                                        roomType: "deluxe", total: 540, freeUntil: moment("2026-12-22", 15), lateFee: 0)

    /// A call at "What would you like to check?": the phone given, and nothing looked up.
    static func checking() -> Call {
        var call = Call()
        call.answer("5", "+44 20 7946 0958")
        return call
    }

    @Test func thePhoneIsAskedAndNothingIsLookedUpOrSaidFromItAlone() {
        var call = Call()
        call.send("5")
        #expect(call.rawHeard == "Of course, let me look that up for you.\nMay I have the phone number you gave us?")
        call.send("+44 20 7946 0958")
        #expect(call.pending == nil, "a phone alone looks nothing up")
        #expect(call.rawHeard == Self.what, "and the line says nothing from the file: no name, no stay, not even whether it is there")
    }

    @Test func aPhoneGivenEarlierInTheCallIsNotAskedAgain() {
        var call = Call.afterABooking()
        call.send("5")
        #expect(call.pending == nil)
        #expect(call.rawHeard == "Of course, let me look that up for you.\n" + Self.what)
    }

    // MARK: A booking

    @Test func aFoundBookingIsReadBackAndCanBeChangedThereAndThen() {
        var call = Self.checking()
        call.send("1")
        #expect(call.heard == Self.askConfirmation)
        call.send("r 100-0017")
        #expect(call.pending == .findBooking(reference: "R1000017", phone: Self.phone))
        call.complete(.foundBooking(Self.booking))
        #expect(call.rawHeard.hasPrefix("""
            Here is your booking R1000017, in the name of Maria Lopez:
              Room:       1 x Deluxe King
              Check-in:   Thursday 24 December 2026 (from 15:00)
              Check-out:  Sunday 27 December 2026 (by 11:00), 3 nights
              Price:      $540
            Cancellation is free until 48 hours before arrival.
            """))
        #expect(call.heard.hasSuffix("Would you like to change or cancel this booking now? (yes/no)"))
        call.send("yes")
        #expect(call.conversation.currentNode == "manage.what", "straight to the changes, the booking already shown")
        #expect(call.heard.hasPrefix("What would you like to do?"))
    }

    @Test func aFoundBookingLeftAsItIsEndsTheCheck() {
        var call = Self.checking()
        call.answer("1", "R1000017")
        call.complete(.foundBooking(Self.booking))
        call.send("no")
        #expect(call.heard == "Is there anything else I can help you with? (yes/no)")
    }

    @Test func aCancelledOrPastBookingIsSaidSoAndNoMore() {
        var call = Self.checking()
        call.answer("1", "R1000017")
        call.complete(.bookingCancelled)
        #expect(call.heard.hasPrefix("Booking R1000017 has already been cancelled"))
        var past = Self.checking()
        past.answer("1", "R1000017")
        past.complete(.bookingClosed)
        #expect(past.heard.hasPrefix("This stay has already begun or is over"))
    }

    @Test func tooManyWrongTriesLookNothingMoreUp() {
        var call = Self.checking()
        call.answer("1", "R1000017")
        call.complete(.locked)
        #expect(call.heard.hasPrefix("I'm sorry, that did not match either. To protect our guests' privacy I can't look anything more up on this call."))
        #expect(call.heard.hasSuffix("Is there anything else I can help you with? (yes/no)"))
    }

    @Test func somethingThatIsNoConfirmationNumberIsExplainedAndNotLookedUp() {
        var call = Self.checking()
        call.answer("1", "12345")
        #expect(call.pending == nil)
        #expect(call.heard.hasPrefix("I'm sorry, that doesn't look like"))
        #expect(call.heard.hasSuffix(Self.askConfirmation))
    }

    @Test func helpAtTheConfirmationNumberSaysWhyTheNumberIsNeeded() {
        var call = Self.checking()
        call.answer("1", "help")
        #expect(call.heard.hasPrefix("The confirmation number was given when you booked, for example R1000017. For your privacy, I can read a booking only with its number."))
    }

    @Test func menuLeavesAWrongNumberBehind() {
        var call = Self.checking()
        call.answer("1", "R9999999")
        call.complete(.missing)
        call.send("menu")
        #expect(call.conversation.currentNode == "main.menu")
    }

    // MARK: A guest file

    @Test func aGuestFileIsReadOnlyWithThePhoneOnIt() {
        var call = Self.checking()
        call.send("3")
        #expect(call.heard.hasPrefix("Please type your guest file number"))
        call.send("2612 2400 1")
        #expect(call.pending == .findGuestFile(file: "261224001", phone: Self.phone))
        #expect(call.heard.isEmpty)
        call.complete(.foundFile(GuestFileSummary(name: "Maria Lopez", hasStayed: false, bookings: 2, staysToCome: 1, openComplaints: 0,
                                                  nextCheckIn: day("2026-12-24"), nextConfirmation: "R1000017")))
        #expect(call.heard.hasPrefix("Your guest file 261224001 is in the name of Maria Lopez: 2 bookings with us, 1 stay still to come, and 0 complaints still open. Your next stay begins on Thursday 24 December 2026 (booking R1000017)."))
        #expect(!call.heard.contains("Welcome back"), "only for a guest who has stayed")
    }

    @Test func aGuestWhoHasStayedIsWelcomedBackByTheirFile() {
        var call = Self.checking()
        call.answer("3", "261224001")
        call.complete(.foundFile(GuestFileSummary(name: "Maria Lopez", hasStayed: true, bookings: 1, staysToCome: 0, openComplaints: 1,
                                                  nextCheckIn: nil, nextConfirmation: nil)))
        #expect(call.heard.hasPrefix("Welcome back, Maria Lopez! Your guest file 261224001"))
        #expect(!call.heard.contains("next stay"))
    }

    @Test(arguments: ["12345", "261324001", "26122400", "2612240011234", "R1000017", "261224abc"])
    func somethingThatIsNoGuestFileNumberIsExplained(answer: String) {
        var call = Self.checking()
        call.answer("3", answer)
        #expect(call.pending == nil)
        #expect(call.heard.hasPrefix("I'm sorry, that doesn't look like a guest file number."), "\(answer)")
    }

    // MARK: A complaint

    @Test(arguments: [
        ("front-desk", "Front desk and reception"), ("housekeeping", "Housekeeping and cleanliness"),
        ("food-and-beverage", "Food and drink"), ("security", "Safety and security"),
        ("engineering", "Room equipment and repairs"), ("other", "Something else"),
    ])
    func aFoundTicketIsToldWithItsCategory(category: String, label: String) {
        var call = Self.checking()
        call.send("complaint")
        #expect(call.heard == Self.askTicket)
        call.send("t 100-0013")
        #expect(call.pending == .findComplaint(reference: "T1000013", phone: Self.phone))
        call.complete(.foundComplaint(ComplaintSummary(category: category, stage: .received, followUpBy: day("2026-11-28"))))
        #expect(call.heard == "Your complaint T1000013 (\(label)) is open: it has been passed to the team in charge. We will call you by Saturday 28 November 2026 to make sure everything has been put right. Is there anything else I can help you with? (yes/no)")
    }

    @Test(arguments: [
        (ComplaintStage.received, "is open: it has been passed to the team in charge."), (.investigating, "is being looked into."),
        (.resolved, "is resolved, and the result is with the department's head to be signed off."),
        (.signedOff, "is resolved, and the department's head has signed off the result."),
        (.revisited, "is resolved and signed off, and we have called you to follow it up."), (.closed, "is closed."),
    ])
    func aFoundTicketIsToldWithItsStage(stage: ComplaintStage, said: String) {
        var call = Self.checking()
        call.answer("2", "T1000013")
        call.complete(.foundComplaint(ComplaintSummary(category: "housekeeping", stage: stage, followUpBy: day("2026-11-28"))))
        #expect(call.heard.hasPrefix("Your complaint T1000013 (Housekeeping and cleanliness) " + said))
    }

    @Test func theResultIsToldOnceSignedOffWithTheCallStillPromised() {
        var call = Self.checking()
        call.answer("2", "T1000013")
        call.complete(.foundComplaint(ComplaintSummary(category: "housekeeping", stage: .signedOff, followUpBy: day("2026-11-28"),
                                                       result: "The shower was repaired.")))
        #expect(call.heard == "Your complaint T1000013 (Housekeeping and cleanliness) is resolved, and the department's head has signed off the result. The result: The shower was repaired. We will call you by Saturday 28 November 2026 to make sure everything has been put right. Is there anything else I can help you with? (yes/no)")
    }

    @Test func aResultNotSignedOffIsNotTold() {
        var call = Self.checking()
        call.answer("2", "T1000013")
        call.complete(.foundComplaint(ComplaintSummary(category: "housekeeping", stage: .resolved, followUpBy: day("2026-11-28"),
                                                       result: "Not yet accepted.")))
        #expect(!call.heard.contains("Not yet accepted"))
    }

    @Test func noCallIsPromisedOnceMadeNorForADayGoneBy() {
        var closed = Self.checking()
        closed.answer("2", "T1000013")
        closed.complete(.foundComplaint(ComplaintSummary(category: "housekeeping", stage: .closed, followUpBy: day("2026-11-28"),
                                                         result: "The shower was repaired.", followedUp: true)))
        #expect(closed.heard == "Your complaint T1000013 (Housekeeping and cleanliness) is closed. The result: The shower was repaired. Is there anything else I can help you with? (yes/no)")
        var late = Self.checking()
        late.answer("2", "T1000013")
        late.complete(.foundComplaint(ComplaintSummary(category: "housekeeping", stage: .investigating, followUpBy: day("2026-11-24"))))
        #expect(late.heard.contains("We meant to call you by Tuesday 24 November 2026"), "the day has passed (today is the 25th)")
        #expect(!late.heard.contains("We will call you by"))
        var today = Self.checking()
        today.answer("2", "T1000013")
        today.complete(.foundComplaint(ComplaintSummary(category: "housekeeping", stage: .investigating, followUpBy: day("2026-11-25"))))
        #expect(today.heard.contains("We will call you by Wednesday 25 November 2026"), "by the end of today is still to come")
    }

    // MARK: A callback

    static func callback(_ stage: CallbackStage, window: String = "2026-11-26", at hour: Int = 10, tries: Int = 0, nextTry: LocalMoment? = nil,
                         reachedAt: LocalMoment? = nil) -> ActionOutcome {
        .foundCallback(CallbackSummary(stage: stage, windowFrom: moment(window, hour), windowMinutes: 30, tries: tries, nextTry: nextTry,
                                       reachedAt: reachedAt))
    }

    @Test func aCallbackIsLookedUpByItsReferenceAndThePhone() {
        var call = Self.checking()
        call.send("callback")
        #expect(call.heard == Self.askCallback)
        call.send("c 100-0017")
        #expect(call.pending == .findCallback(reference: "C1000017", phone: Self.phone))
        call.complete(Self.callback(.waiting))
        #expect(call.heard == "Your callback C1000017 is booked: we will call you at +442079460958 on Thursday 26 November 2026 between 10:00 and 10:30. Is there anything else I can help you with? (yes/no)")
    }

    @Test(arguments: [
        (CallbackStage.waiting, 0, nil, nil, "Your callback C1000017 is booked: we will call you at +442079460958 on Thursday 26 November 2026 between 10:00 and 10:30."),
        (.retrying, 1, moment("2026-11-25", 11, 30), nil, "We have called +442079460958 for your callback C1000017 1 time, but could not reach you. We will try again by Wednesday 25 November 2026 at 11:30."),
        (.reached, 1, nil, moment("2026-11-24", 17, 5), "We called you for your callback C1000017 on Tuesday 24 November 2026 at 17:05 and spoke with you, so it is complete."),
        (.unreachable, 3, nil, nil, "We called +442079460958 3 times for your callback C1000017, but could not reach you, so it is now closed. I'm sorry we missed you. Would you like to ask for a new callback now? (yes/no)"),
        (.wrongNumber, 0, nil, nil, "When we called +442079460958 for your callback C1000017, someone else answered, so it is now closed. I'm sorry for the trouble. Would you like to ask for a new callback now? (yes/no)"),
    ])
    func eachOutcomeOfACallbackIsTold(stage: CallbackStage, tries: Int, nextTry: LocalMoment?, reachedAt: LocalMoment?, said: String) {
        var call = Self.checking()
        call.answer("4", "C1000017")
        call.complete(Self.callback(stage, tries: tries, nextTry: nextTry, reachedAt: reachedAt))
        #expect(call.heard.hasPrefix(said))
    }

    @Test func aCallOwedPastItsTimeIsApologisedForNotPromisedForThePast() {
        var waiting = Self.checking()
        waiting.answer("4", "C1000017")
        waiting.complete(Self.callback(.waiting, window: "2026-11-24"))
        #expect(waiting.heard.hasPrefix("I'm sorry: our call is later than we said. Your callback C1000017 is still open, and we will call you at +442079460958 as soon as we can."))
        #expect(!waiting.heard.contains("24 November"))
        var retrying = Self.checking()
        retrying.answer("4", "C1000017")
        retrying.complete(Self.callback(.retrying, window: "2026-11-24", tries: 2, nextTry: moment("2026-11-25", 9, 30)))
        #expect(retrying.heard.hasPrefix("We have called +442079460958 for your callback C1000017 2 times, but could not reach you. I'm sorry: our call is later than we said."))
        #expect(!retrying.heard.contains("try again by"))
    }

    @Test func aClosedCallbackOffersANewOneAtThePhoneGiven() {
        var call = Self.checking()
        call.answer("4", "C1000017")
        call.complete(Self.callback(.wrongNumber))
        call.send("yes")
        #expect(call.conversation.currentNode == "callback.same_phone")
        #expect(call.heard.hasSuffix("Shall we call you at +442079460958? (yes/no)"))
        var declined = Self.checking()
        declined.answer("4", "C1000017")
        declined.complete(Self.callback(.unreachable, tries: 3))
        declined.send("no")
        #expect(declined.heard == "Is there anything else I can help you with? (yes/no)")
    }

    @Test(arguments: [
        ("booking", "R9999999", ActionRequest.findBooking(reference: "R9999999", phone: Self.phone), "a booking", Self.askConfirmation),
        ("complaint", "T9999999", .findComplaint(reference: "T9999999", phone: Self.phone), "a complaint", Self.askTicket),
        ("callback", "C9999999", .findCallback(reference: "C9999999", phone: Self.phone), "a callback", Self.askCallback),
    ])
    func aNumberNotFoundIsAskedForAgain(choice: String, number: String, lookup: ActionRequest, thing: String, question: String) {
        var call = Self.checking()
        call.answer(choice, number)
        #expect(call.pending == lookup)
        call.complete(.missing)
        #expect(call.heard == "I'm sorry, I couldn't find \(thing) with that number under the phone number you gave. Please check it and type it again, or type \"menu\" to go back. " + question)
        #expect(call.transcript.replacingOccurrences(of: "\n", with: " ").components(separatedBy: question).count == 3, "the same question, asked again")
        call.send(number)
        #expect(call.pending == lookup, "the next try is looked up too")
    }

    @Test func aBookingNumberIsNoTicketNumber() {
        var call = Self.checking()
        call.answer("2", "R1000017")
        #expect(call.pending == nil)
        #expect(call.heard == "I'm sorry, that doesn't look like the number I need. It starts with T followed by seven digits, for example T1000017. " + Self.askTicket)
        #expect(!call.heard.contains("confirmation"), "a ticket number is no confirmation number")
    }
}
