import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Complaint flow")
struct ComplaintFlowTests {
    static let phone = PhoneNumber(normalized: "+442079460958")!

    @Test func happyPathApologisesClassifiesAndSavesBeforeGivingTheTicket() {
        var call = Call()
        call.send("2")
        #expect(call.heard.hasPrefix("I'm very sorry to hear that something was not right."), "an apology comes first")
        #expect(call.heard.contains("Which area was it about?"))
        #expect(call.heard.contains("2  Housekeeping and cleanliness"))
        call.send("2")
        #expect(call.heard == "Please tell me what happened. Take your time; one message is fine.")
        call.send("The bathroom was not cleaned after we checked in.")
        #expect(call.heard.contains("What would you like us to do to put it right?"))
        call.send("Clean it today, please")
        #expect(call.heard == "And a phone number where we can reach you?")
        call.send("+44 20 7946 0958")
        #expect(call.pending == nil, "a phone alone looks nothing up")
        #expect(call.heard == "May I have your name, please?")
        call.send("Maria Lopez")
        #expect(call.heard == "Are you staying with us at the moment? (yes/no)")
        call.send("yes")
        #expect(call.heard == "What is your room number?")
        #expect(call.pending == nil)
        call.send("12 04")
        #expect(call.pending == .saveComplaint(ComplaintDraft(
            category: "housekeeping", details: "The bathroom was not cleaned after we checked in.",
            expectedResolution: "Clean it today, please", guestName: "Maria Lopez", phone: Self.phone,
            roomNumber: "1204", language: "en", followUpBy: day("2026-11-28"))))
        #expect(call.heard.isEmpty, "nothing is promised while the ticket is being saved")
        #expect(!call.transcript.contains("ticket"))
        #expect(!call.transcript.contains("Saturday 28 November"))

        call.complete(.saved(reference: "T1000013", guestFile: nil))
        #expect(call.heard.contains("Thank you, Maria Lopez, and again, I'm sorry for the trouble."))
        #expect(call.heard.contains("Your ticket number is T1000013."))
        #expect(call.heard.contains("I have passed it to the team in charge (Housekeeping and cleanliness)."))
        #expect(call.heard.contains("we will call you at +442079460958 by Saturday 28 November 2026"))
        #expect(call.heard.contains("Is there anything else I can help you with?"))
        #expect(call.conversation.value(of: "complaint.followup") == .date(day("2026-11-28")))
    }

    @Test(arguments: [
        ("1", "front-desk"), ("front desk", "front-desk"), ("2", "housekeeping"), ("housekeeping", "housekeeping"),
        ("the room was dirty", "housekeeping"), ("food", "food-and-beverage"), ("4", "security"),
        ("something is broken", "engineering"), ("6", "other"), ("Something else", "other"),
    ])
    func theCategoryIsTakenByNumberOrByWord(answer: String, category: String) {
        var call = Call()
        call.walk(["2", answer, "It happened twice", "An apology", "+44 20 7946 0958", "Maria Lopez"])
        call.send("no")
        guard case .saveComplaint(let draft)? = call.pending else {
            Issue.record("no complaint saved; the line said: \(call.transcript)")
            return
        }
        #expect(draft.category == category)
    }

    @Test func aWordThatIsNoCategoryIsAskedAgain() {
        var call = Call()
        call.answer("2", "the weather")
        #expect(call.heard.hasPrefix("I'm sorry, that isn't one of the choices."))
        #expect(call.heard.contains("Which area was it about?"))
    }

    @Test func aGuestWhoIsNotStayingIsNotAskedForARoom() {
        var call = Call()
        call.walk(["2", "3", "Cold soup", "A refund", "+44 20 7946 0958", "Maria Lopez"])
        call.send("no")
        #expect(!call.transcript.contains("room number"))
        guard case .saveComplaint(let draft)? = call.pending else {
            Issue.record("no complaint saved")
            return
        }
        #expect(draft.roomNumber == nil)
        #expect(draft.category == "food-and-beverage")
        #expect(draft.followUpBy == day("2026-11-28"))
    }

    @Test func aRoomNumberMustLookLikeOne() {
        var call = Call()
        call.walk(["2", "2", "Dusty", "Clean it", "+44 20 7946 0958", "Maria Lopez", "yes"])
        call.send("the blue one")
        #expect(call.heard.contains("type the room number as it appears on your door"))
        #expect(call.pending == nil)
    }

    @Test func aNameAndPhoneGivenEarlierInTheCallAreNotAskedAgain() {
        var call = Call.afterABooking()
        #expect(call.heard.contains("How may I help you today?"))
        call.answer("2", "1", "Nobody answered at the desk", "A call back")
        #expect(call.heard == "Are you staying with us at the moment? (yes/no)", "name and phone are known from the booking")
        call.send("no")
        guard case .saveComplaint(let draft)? = call.pending else {
            Issue.record("no complaint saved")
            return
        }
        #expect(draft.guestName == "Maria Lopez")
        #expect(draft.phone == Self.phone)
    }

    @Test func aSecondComplaintInTheSameCallStartsWithoutTheFirstOnesAnswers() {
        var call = Call()
        call.walk(["2", "1", "Slow check-in", "Nothing", "+44 20 7946 0958", "Maria Lopez", "yes", "1204", "yes"])
        call.answer("2", "3", "Cold soup", "A refund")
        #expect(call.heard == "Are you staying with us at the moment? (yes/no)")
        #expect(call.conversation.value(of: "complaint.room") == nil)
        call.send("no")
        guard case .saveComplaint(let draft)? = call.pending else {
            Issue.record("no complaint saved")
            return
        }
        #expect(draft.roomNumber == nil)
        #expect(draft.details == "Cold soup")
    }

    // MARK: Repeat callers

    /// A phone alone says nothing from the file: a guest who called before gives their
    /// name as anyone does (a name on file is never said to whoever has the phone).
    @Test func aPhoneOnFileIsNotAnsweredWithItsName() {
        var call = Call()
        call.walk(["2", "2", "Dusty", "Clean it"])
        call.send("+44 20 7946 0958")
        #expect(call.pending == nil)
        #expect(call.heard == "May I have your name, please?")
    }

    @Test func aNameGivenEarlierInTheCallIsNotAskedAgain() {
        var call = Call.afterABooking()
        call.walk(["2", "2", "Dusty", "Clean it"])
        #expect(call.heard == "Are you staying with us at the moment? (yes/no)", "name and phone are known from the booking")
        call.send("no")
        guard case .saveComplaint(let draft)? = call.pending else {
            Issue.record("no complaint saved: \(call.transcript)")
            return
        }
        #expect(draft.guestName == "Maria Lopez")
        #expect(draft.phone == Self.phone)
    }

    @Test func aSaveThatFailsPromisesNoTicket() {
        var call = Call()
        call.walk(["2", "4", "My safe was open", "Check the cameras", "+44 20 7946 0958", "Maria Lopez"])
        call.send("no")
        call.complete(.failed)
        #expect(call.heard.contains("nothing has been recorded"))
        #expect(!call.transcript.contains("ticket number"))
        #expect(!call.transcript.contains("by Saturday"))
    }
}
