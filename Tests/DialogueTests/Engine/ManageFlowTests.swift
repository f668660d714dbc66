import HotelCalendar
import Testing
@testable import Dialogue

/// Changing and cancelling a booking, without sockets: what the guest hears, what the line
/// asks the back office, and when.
@Suite("Manage flow")
struct ManageFlowTests {
    static let phone = PhoneNumber(normalized: "+442079460958")!
    static let freeUntil = moment("2026-12-22", 15)

    static func booking(lateFee: Int = 0) -> ActionOutcome {
        .foundBooking(BookingSummary(guestName: "Maria Lopez", checkIn: day("2026-12-24"), checkOut: day("2026-12-27"), rooms: 1,
                                     roomType: "deluxe", total: 540, freeUntil: Self.freeUntil, lateFee: lateFee))
    }

    static func quote(_ checkIn: String = "2026-12-24", _ checkOut: String = "2026-12-27", rooms: Int = 1, room: String = "deluxe",
                      fee: Int) -> FeeQuote {
        FeeQuote(checkIn: day(checkIn), checkOut: day(checkOut), rooms: rooms, roomType: room,
                 total: 180 * rooms * CivilDate.days(from: day(checkIn), to: day(checkOut)), fee: fee, freeUntil: Self.freeUntil)
    }

    /// A call at "What would you like to do?" with Maria's booking found.
    static func found(lateFee: Int = 0) -> Call {
        var call = Call()
        call.answer("6", "R1000017", "+44 20 7946 0958")
        call.complete(Self.booking(lateFee: lateFee))
        return call
    }

    @Test(arguments: ["6", "cancel my booking", "I want to change my booking", "modify", "cancel", "change my reservation, please"])
    func theMainMenuLeadsToTheBookingAGuestHasByItsItemAndItsWords(answer: String) {
        var call = Call()
        call.send(answer)
        #expect(call.conversation.currentNode == "manage.number", "\(answer)")
    }

    @Test(arguments: ["book a room", "a booking please", "1"])
    func aNewBookingIsStillANewBooking(answer: String) {
        var call = Call()
        call.send(answer)
        #expect(call.conversation.currentNode == "booking.checkin", "\(answer)")
    }

    @Test func theNumberAndThePhoneAreAskedAndNothingFromTheFileIsSaidBeforeBothMatch() {
        var call = Call()
        call.send("6")
        #expect(call.heard.hasPrefix("Of course. To find your booking I need two things"))
        call.send("r 100 0017")
        #expect(call.heard == "And the phone number the booking was made under?")
        #expect(call.pending == nil, "a number alone looks nothing up")
        call.send("+44 20 7946 0958")
        #expect(call.pending == .findBooking(reference: "R1000017", phone: Self.phone))
        #expect(call.heard.isEmpty)
        call.complete(.missing)
        #expect(call.heard.hasPrefix("I'm sorry, I couldn't find a booking with that number under that phone number."))
        #expect(call.heard.hasSuffix("Please type the confirmation number of the booking (R followed by seven digits)."))
    }

    @Test func aBookingFoundIsReadBackWithItsFreeWindow() {
        let call = Self.found()
        #expect(call.rawHeard.hasPrefix("""
            Thank you, Maria Lopez. Here is your booking R1000017:
              Room:       1 x Deluxe King
              Check-in:   Thursday 24 December 2026 (from 15:00)
              Check-out:  Sunday 27 December 2026 (by 11:00)
              Price:      $540 for 3 nights
            You can change or cancel it free of charge until Tuesday 22 December 2026 at
            15:00.
            What would you like to do?
            """))
    }

    @Test func aBookingPastItsWindowSaysAFeeWillBeToldFirst() {
        let call = Self.found(lateFee: 180)
        #expect(call.heard.contains("Your arrival is less than 48 hours away (changes were free until Tuesday 22 December 2026 at 15:00)"))
        #expect(!call.heard.contains("free of charge"))
    }

    @Test func aChangeOfDatesIsQuotedThenSavedWithTheFeeTheGuestAgreedTo() {
        var call = Self.found(lateFee: 180)
        call.answer("1", "25 Dec", "28 Dec")
        #expect(call.pending == .quoteChange(BookingChangeDraft(reference: "R1000017", phone: Self.phone, checkIn: day("2026-12-25"),
                                                                 checkOut: day("2026-12-28"), rooms: 1, roomType: "deluxe", language: "en")))
        call.complete(.quoted(Self.quote("2026-12-25", "2026-12-28", fee: 180)))
        #expect(call.heard.contains("Check-in:   Friday 25 December 2026"))
        #expect(call.heard.contains("so under our policy this change costs a fee of $180."))
        #expect(call.heard.hasSuffix("Do you agree to the fee of $180 and want me to make the change? (yes/no)"))
        call.send("yes")
        guard case .saveChange(let draft, let agreedFee)? = call.pending else {
            Issue.record("no change saved: \(call.transcript)")
            return
        }
        #expect(agreedFee == 180)
        #expect(draft.checkIn == day("2026-12-25") && draft.checkOut == day("2026-12-28") && draft.rooms == 1 && draft.roomType == "deluxe",
                "the terms the guest heard read back")
        #expect(call.heard.isEmpty, "no reference before the record is durable")
        call.complete(.saved(reference: "M1000012", guestFile: nil))
        #expect(call.heard.hasPrefix("Done: your booking R1000017 is changed. The reference for this change is M1000012; please keep it."))
        #expect(call.heard.contains("A fee of $180 has been recorded under that reference"))
    }

    @Test func onANoNothingIsSavedAndTheNextChangeStartsFromTheBookingAsItStands() {
        var call = Self.found()
        call.answer("1", "25 Dec", "28 Dec")
        call.complete(.quoted(Self.quote("2026-12-25", "2026-12-28", fee: 0)))
        #expect(call.heard.hasSuffix("This change is free of charge. Shall I make it? (yes/no)"))
        call.send("no")
        #expect(call.pending == nil)
        #expect(call.heard.hasPrefix("No problem: I have changed nothing, and your booking stays exactly as it was."))
        call.answer("yes", "6", "R1000017", "+44 20 7946 0958")
        call.complete(Self.booking())
        call.answer("2", "2")
        #expect(call.pending == .quoteChange(BookingChangeDraft(reference: "R1000017", phone: Self.phone, checkIn: day("2026-12-24"),
                                                                 checkOut: day("2026-12-27"), rooms: 2, roomType: "deluxe", language: "en")),
                "the refused dates are forgotten: the booking's own")
    }

    @Test func aCancellationInsideTheWindowIsFreeAndItsReferenceIsSpokenOnceSaved() {
        var call = Self.found()
        call.send("4")
        #expect(call.pending == .quoteCancellation(reference: "R1000017", phone: Self.phone))
        call.complete(.quoted(Self.quote(fee: 0)))
        #expect(call.heard == "Cancelling booking R1000017 is free of charge until Tuesday 22 December 2026 at 15:00. Shall I cancel it? (yes/no)")
        call.send("yes")
        #expect(call.pending == .saveCancellation(reference: "R1000017", phone: Self.phone, agreedFee: 0, language: "en"))
        call.complete(.saved(reference: "X1000019", guestFile: nil))
        #expect(call.heard.hasPrefix("Your booking R1000017 is cancelled, and its rooms are released. Your cancellation reference is X1000019; please keep it."))
        #expect(!call.heard.contains("fee"))
    }

    @Test func aFeeRaisedAtTheSaveIsSaidAndAskedAgain() {
        var call = Self.found()
        call.answer("4")
        call.complete(.quoted(Self.quote(fee: 0)))
        call.send("yes")
        call.complete(.feeRaised(Self.quote(fee: 180)))
        #expect(call.heard.contains("now costs a fee of $180"))
        call.send("yes")
        #expect(call.pending == .saveCancellation(reference: "R1000017", phone: Self.phone, agreedFee: 180, language: "en"))
    }

    @Test func whatIsFreeIsOfferedWhenTheRoomsAreNot() {
        var call = Self.found()
        call.answer("2", "3")
        call.complete(.full(roomsLeft: 2, alternatives: ["standard", "family"]))
        #expect(call.heard.hasPrefix("I'm sorry, there are not enough Deluxe King rooms for those nights (only 2 free, counting your own). Room types with space for them: Standard Double, Family Room"))
        #expect(call.conversation.currentNode == "manage.what")
    }

    @Test(arguments: [(ActionOutcome.bookingCancelled, "Booking R1000017 has already been cancelled"),
                      (.bookingClosed, "This stay has already begun or is over"),
                      (.locked, "I'm sorry, that did not match either.")])
    func aBookingThatCannotBeChangedIsSaidSoPolitely(outcome: ActionOutcome, said: String) {
        var call = Call()
        call.answer("6", "R1000017", "+44 20 7946 0958")
        call.complete(outcome)
        #expect(call.heard.hasPrefix(said))
        #expect(call.heard.hasSuffix("Is there anything else I can help you with? (yes/no)"))
    }
}
