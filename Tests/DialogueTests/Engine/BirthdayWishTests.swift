import HotelCalendar
import Testing
@testable import Dialogue

/// The line wishes a guest a happy birthday once they are identified on their birthday
/// (the lookup's outcome says so), right after the lookup that found them, and once a call
/// however often they are found again; never a guest found on another day.
@Suite("Happy birthday, once a call")
struct BirthdayWishTests {
    static let wish = "Happy birthday! Everyone at Harbour View Hotel wishes you a wonderful day."
    static let maria = "+44 20 7946 0958"

    static func caller(birthday: Bool, stayed: Bool = false) -> ActionOutcome {
        .knownCaller(CallerSummary(name: "Maria Lopez", hasStayed: stayed, hasUpcomingStay: true, hasOpenComplaint: false, isBirthday: birthday))
    }

    static func file(birthday: Bool) -> ActionOutcome {
        .foundFile(GuestFileSummary(name: "Maria Lopez", hasStayed: true, bookings: 1, staysToCome: 0, openComplaints: 0, nextCheckIn: nil,
                                    nextConfirmation: nil, isBirthday: birthday))
    }

    /// A booking up to the name, found by phone and name as `outcome` says.
    static func booking(_ outcome: ActionOutcome) -> Call {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "1", "2", maria])
        call.send("Maria Lopez")
        call.complete(outcome)
        return call
    }

    @Test func aCallerFoundOnTheirBirthdayIsWishedOnceIdentified() {
        let call = Self.booking(Self.caller(birthday: true, stayed: true))
        #expect(call.heard.hasPrefix("Welcome back, Maria Lopez! It's lovely to hear from you again. " + Self.wish + " Let me read that back"),
                "welcomed back, wished, then the read-back: \(call.heard)")
        #expect(call.conversation.value(of: "caller.birthday") == .flag(true))
    }

    @Test func aCallerFoundOnAnotherDayHearsNoWish() {
        let call = Self.booking(Self.caller(birthday: false))
        #expect(call.heard.hasPrefix("Let me read that back"), "\(call.heard)")
        #expect(!call.heard.contains("birthday"))
        #expect(call.conversation.value(of: "caller.birthday") == .flag(false))
    }

    @Test func foundAgainInTheSameCallTheGuestIsNotWishedTwice() {
        var call = Self.booking(Self.caller(birthday: true))
        #expect(call.heard.contains(Self.wish))
        call.walk(["yes", "yes", "5", "3"])
        call.send("261224001")
        call.complete(Self.file(birthday: true))
        #expect(call.heard.hasPrefix("Welcome back, Maria Lopez! Your guest file 261224001"), "no second wish: \(call.heard)")
        #expect(!call.heard.contains("birthday"))
        #expect(call.conversation.value(of: "caller.birthday") == .flag(false))
        // A third lookup, a booking's number with the phone: still no wish.
        call.walk(["yes", "5", "1"])
        call.send("R1000017")
        call.complete(FoundBooking.found(birthday: true))
        #expect(call.heard.hasPrefix("Here is your booking R1000017"), "\(call.heard)")
    }

    @Test func aGuestFoundFirstOnAnotherLookupIsWishedThere() {
        // Not their birthday by the first lookup's word (another file), then found on it:
        // the wish comes with the lookup that finds the birthday.
        var call = Call()
        call.walk(["5", Self.maria, "3"])
        call.send("261224001")
        call.complete(Self.file(birthday: false))
        #expect(!call.heard.contains("birthday"))
        call.walk(["yes", "5", "1"])
        call.send("R1000017")
        call.complete(FoundBooking.found(birthday: true))
        #expect(call.heard.hasPrefix(Self.wish + " Here is your booking R1000017"), "\(call.heard)")
    }

    /// Every lookup that identifies a guest wishes them: a booking's number at change or
    /// cancel, a complaint's ticket, a callback's reference, a stay's number at the survey.
    @Test func everyLookupThatIdentifiesAGuestWishesThem() {
        var manage = Call()
        manage.walk(["6", "R1000017"])
        manage.send(Self.maria)
        manage.complete(FoundBooking.found(birthday: true))
        #expect(manage.heard.hasPrefix(Self.wish + " Thank you, Maria Lopez. Here is your booking"), "\(manage.heard)")

        var ticket = Call()
        ticket.walk(["5", Self.maria, "2"])
        ticket.send("T1000017")
        ticket.complete(.foundComplaint(ComplaintSummary(category: "housekeeping", stage: .received, followUpBy: CivilDate(year: 2026, month: 11, day: 28)!,
                                                         isBirthday: true)))
        #expect(ticket.heard.hasPrefix(Self.wish + " Your complaint T1000017"), "\(ticket.heard)")

        var callback = Call()
        callback.walk(["5", Self.maria, "4"])
        callback.send("C1000017")
        callback.complete(.foundCallback(CallbackSummary(stage: .waiting, windowFrom: LocalMoment(iso: "2026-11-26T10:00")!, windowMinutes: 30,
                                                         isBirthday: true)))
        #expect(callback.heard.hasPrefix(Self.wish + " Your callback C1000017"), "\(callback.heard)")

        var survey = Call()
        survey.walk(["4", "R1000017", "Maria Lopez"])
        survey.send(Self.maria)
        survey.complete(.found(ReservationSummary(guestName: "Maria Lopez", checkIn: CivilDate(year: 2026, month: 11, day: 24)!,
                                                  checkOut: CivilDate(year: 2026, month: 11, day: 27)!, rooms: 1, roomType: "deluxe", isBirthday: true)))
        #expect(survey.heard.hasPrefix(Self.wish + " Thank you, Maria Lopez. I have found your stay"), "\(survey.heard)")
    }

    @Test func theWishIsSaidInTheLanguageOfTheCall() {
        var call = Call(choosing: "4")
        call.walk(["5", "+34 611 222 333", "3"])
        call.send("261224002")
        call.complete(Self.file(birthday: true))
        #expect(call.heard.contains("¡Feliz cumpleaños! Todo el equipo del Hotel Vista al Puerto le desea un día estupendo."), "\(call.heard)")
    }
}

/// The booking R1000017 as the status and manage flows find it.
enum FoundBooking {
    static func found(birthday: Bool) -> ActionOutcome {
        .foundBooking(BookingSummary(guestName: "Maria Lopez", checkIn: CivilDate(year: 2026, month: 12, day: 24)!,
                                     checkOut: CivilDate(year: 2026, month: 12, day: 27)!, rooms: 1, roomType: "deluxe", total: 540,
                                     freeUntil: LocalMoment(iso: "2026-12-22T15:00")!, lateFee: 0, isBirthday: birthday))
    }
}
