import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Booking flow")
struct BookingFlowTests {
    @Test func greetsAtOnceWithTheHotelAndTheMenu() {
        let call = Call()
        #expect(call.heard.contains("Harbour View Hotel"))
        #expect(call.heard.contains("How may I help you today?"))
        #expect(call.heard.contains("1  Rooms and bookings"))
        #expect(call.heard.contains("0  Speak to a person"))
    }

    /// "Today" answered just before midnight and the yes just after: the save finds the day
    /// over, nothing is booked, and the guest gives the dates again with the rest kept.
    @Test func aStayWhoseDayEndedBeforeTheSaveIsAskedForAgainWithTheRestKept() {
        var call = Call()
        call.now = LocalMoment(date: CivilDate(year: 2026, month: 11, day: 25)!, time: TimeOfDay(hour: 23, minute: 59)!)
        call.walk(["1", "today", "tomorrow", "1", "2", "+44 20 7946 0958", "Maria Lopez"])
        #expect(call.heard.contains("Check-in:   Wednesday 25 November 2026"))
        call.now = LocalMoment(date: CivilDate(year: 2026, month: 11, day: 26)!, time: TimeOfDay(hour: 0, minute: 0)!)
        call.send("yes")
        #expect(call.pending.map { if case .saveReservation = $0 { true } else { false } } == true)
        call.complete(.datesPassed)
        #expect(call.heard.contains("it is past midnight now, so Wednesday 25 November 2026 is over"), "\(call.heard)")
        #expect(call.heard.contains("On which day would you like to arrive?"))
        #expect(!call.heard.contains("confirmation number"))
        call.send("today")
        call.send("27 Nov")
        call.complete(.available(roomsLeft: 8))
        #expect(call.heard.contains("Name:       Maria Lopez"), "the name and phone were kept")
        #expect(call.heard.contains("Check-in:   Thursday 26 November 2026"))
    }

    @Test func happyPathReadsBackThenSavesThenTellsTheNumber() {
        var call = Call()
        call.send("1")
        #expect(call.heard.contains("Deluxe King"))
        #expect(call.heard.contains("$180 a night"))
        #expect(call.heard.contains("Cancellation is free"))
        #expect(call.heard.contains("On which day would you like to arrive?"))
        call.send("24 Dec")
        #expect(call.heard.contains("on which day will you leave?"))
        call.send("27 Dec")
        #expect(call.heard.contains("How many rooms"))
        call.send("1")
        #expect(call.heard.contains("Which room type"))
        call.send("2")
        #expect(call.pending == .checkAvailability(StayQuery(
            checkIn: CivilDate(year: 2026, month: 12, day: 24)!, checkOut: CivilDate(year: 2026, month: 12, day: 27)!,
            rooms: 1, roomType: "deluxe")))
        call.complete(.available(roomsLeft: 8))
        #expect(call.heard.contains("3 nights at $180 a night, $540 in total"))
        #expect(call.heard.contains("May I have a phone number"))
        call.send("+44 20 7946 0958")
        #expect(call.pending == nil, "a phone alone looks nothing up")
        #expect(call.heard.contains("the name for the booking"))
        call.send("Maria Lopez")
        #expect(call.pending == .findCaller(phone: PhoneNumber(normalized: "+442079460958")!, name: "Maria Lopez"))
        call.complete(.newCaller)
        #expect(call.heard.contains("Name:       Maria Lopez"))
        #expect(call.heard.contains("Phone:      +442079460958"))
        #expect(call.heard.contains("Check-in:   Thursday 24 December 2026"))
        #expect(call.heard.contains("Is everything correct?"))
        #expect(call.pending == nil)
        call.send("yes")
        guard case .saveReservation(let draft)? = call.pending else {
            Issue.record("expected a save, got \(String(describing: call.pending))")
            return
        }
        #expect(draft.guestName == "Maria Lopez")
        #expect(draft.phone.normalized == "+442079460958")
        #expect(draft.stay.nights == 3)
        #expect(!call.heard.contains("R1000017"), "no number before the record is durable")
        call.complete(.saved(reference: "R1000017", guestFile: "261224001"))
        #expect(call.heard.contains("Your confirmation number is R1000017"))
        #expect(call.heard.contains("guest file number is 261224001"))
        #expect(call.heard.contains("anything else"))
        call.send("no")
        #expect(call.heard.contains("Goodbye"))
        #expect(call.hungUp)
    }

    /// The name question: "no" is no name, a comma is allowed ("O'Brien, Pat"), and a name
    /// past the limit is told so, not told to use letters.
    @Test func theNameIsAName() {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958"])
        #expect(call.heard.contains("the name for the booking"))
        call.send("no")
        #expect(call.heard.hasPrefix("I'm sorry, I need the name itself here, for example Maria Lopez."), "\(call.heard)")
        call.send(String(repeating: "Anna ", count: 17))
        #expect(call.heard.hasPrefix("I'm sorry, that name is longer than I can note (80 characters at most)."), "\(call.heard)")
        call.send("O'Brien, Pat")
        call.complete(.newCaller)
        #expect(call.heard.contains("Name:       O'Brien, Pat"), "\(call.heard)")
    }

    @Test func aNoAtTheReadBackLetsTheGuestFixOneFieldAndHearItAgain() {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958", "Maria Lopez", "no"])
        #expect(call.heard.contains("What would you like to change?"))
        call.send("5")
        #expect(call.heard.contains("the name for the booking"))
        call.send("Mary Lopez")
        #expect(call.heard.contains("Name:       Mary Lopez"))
        #expect(call.heard.contains("Check-in:   Thursday 24 December 2026"), "the other answers are kept")
        call.send("no")
        call.send("2")
        call.walk(["29 Dec"])
        #expect(call.heard.contains("Check-out:  Tuesday 29 December 2026"))
        #expect(call.heard.contains("for 5 nights"))
    }

    /// The phone and the name on file together recognise a guest; only one who has stayed
    /// with us is welcomed back, and nothing more from the file is said.
    @Test(arguments: [true, false])
    func aGuestOnFileWhoHasStayedIsWelcomedBack(stayed: Bool) {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "1", "2"])
        call.send("+44 20 7946 0958")
        #expect(!call.heard.contains("Maria"), "a phone alone says no name")
        call.send("maria lopez")
        call.complete(.knownCaller(CallerSummary(name: "Maria Lopez", hasStayed: stayed, hasUpcomingStay: true, hasOpenComplaint: false)))
        #expect(call.heard.contains("Welcome back, Maria Lopez!") == stayed)
        #expect(call.heard.contains("Name:       maria lopez"), "the booking is in the name the guest gave")
        #expect(!call.heard.contains("upcoming"), "no stay is mentioned")
    }

    @Test func checkOutCanBeANumberOfNights() {
        var call = Call()
        call.walk(["1", "tomorrow", "3 nights"])
        #expect(call.conversation.value(of: "booking.checkout") == .date(CivilDate(year: 2026, month: 11, day: 29)!))
    }

    @Test(arguments: [
        ("asdf", "couldn't read that as a date"),
        ("1 Jan 2020", "already passed"),
        ("31 Feb", "doesn't exist"),
        ("1 Jan 2030", "we take bookings up to"),
    ])
    func badArrivalDatesAreExplained(answer: String, explanation: String) {
        var call = Call()
        call.walk(["1", answer])
        #expect(call.heard.contains(explanation))
        #expect(call.heard.contains("On which day would you like to arrive?"), "the question is asked again")
    }

    @Test func checkOutBeforeCheckInIsRefused() {
        var call = Call()
        call.walk(["1", "24 Dec", "20 Dec"])
        #expect(call.heard.contains("must come after the check-in date (Thursday 24 December 2026)"))
        call.send("24 Jan 2027")
        #expect(call.heard.contains("at most 30 nights"))
    }

    @Test func roomsOutsideTheLimitAndUnknownRoomTypesAreRefused() {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "9"])
        #expect(call.heard.contains("from 1 to 5"))
        call.walk(["2", "penthouse"])
        #expect(call.heard.contains("type the number of a room type, from 1 to 4"))
        call.send("the deluxe one")
        #expect(call.pending != nil)
    }

    @Test func aFullRoomTypeOffersTheAlternatives() {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "2"])
        call.send("4")
        call.complete(.full(roomsLeft: 1, alternatives: ["standard", "deluxe"]))
        #expect(call.heard.contains("not enough Harbour Suite rooms for those nights (only 1 left)"))
        #expect(call.heard.contains("Standard Double, Deluxe King"))
        call.walk(["1", "1"])
        #expect(call.heard.contains("May I have a phone number"))
    }

    @Test func aSaveThatTheDiskRefusesTellsNoNumberAndOffersACallback() {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958", "Maria Lopez"])
        call.send("yes")
        call.complete(.failed)
        #expect(call.heard.contains("nothing has been recorded"))
        #expect(!call.heard.contains("R1"))
        call.send("yes")
        #expect(call.heard.contains("Shall we call you at +442079460958?"))
    }

    @Test func linesThatArriveDuringASaveAreAnsweredAfterIt() {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958", "Maria Lopez"])
        call.send("yes")
        let saving = call.conversation.isPerforming
        #expect(saving)
        call.send("no")
        #expect(call.heard.isEmpty, "nothing is said while the record is on its way to disk")
        call.complete(.saved(reference: "R1000017", guestFile: "261224001"))
        #expect(call.heard.contains("R1000017"))
        #expect(call.heard.contains("Goodbye"))
        #expect(call.hungUp)
    }
}

@Suite("Text layout")
struct TextLayoutTests {
    @Test func everyLineFitsSeventyEightColumnsAndTableRowsHangUnderTheirText() {
        var call = Call()
        call.send("1")
        for line in call.rawHeard.split(separator: "\n") {
            #expect(displayWidth(of: String(line)) <= 78, "too wide: \(line)")
        }
        #expect(call.rawHeard.contains("  4  Harbour Suite    $390 a night, 60 m², separate living room, harbour view,\n     bathtub, lounge access"))
    }

    @Test func wideCharactersCountTwoColumnsAndBreakBetweenThemselves() {
        let text = String(repeating: "豪华", count: 30)  // 120 columns, no spaces to break at
        let characters = Array(text)
        // "a " and 38 characters fill 78 columns; the other 22 go on the next line.
        #expect(TextLayout.wrap("a " + text, width: 78) == "a " + String(characters[..<38]) + "\n" + String(characters[38...]))
        #expect(TextLayout.wrap("短 文本", width: 78) == "短 文本")
    }

    @Test func amountsAreGrouped() {
        #expect(Renderer.grouped(1380) == "1,380")
        #expect(Renderer.grouped(999) == "999")
        #expect(Renderer.grouped(1_000_000) == "1,000,000")
    }
}

@Suite("Counted words")
struct CountedWordTests {
    @Test func oneNightAndThreeNights() throws {
        let template = try MessageTemplate(parsing: "{booking.nights|night|nights} for {booking.rooms|room|rooms}")
        #expect(template.render { $0 == "booking.nights" ? "1" : "3" } == "1 night for 3 rooms")
        #expect(template.placeholders == ["booking.nights", "booking.rooms"])
    }

    @Test(arguments: ["{booking.nights|night}", "{booking.nights|night|}", "{booking.nights|a|b|c}"])
    func aCountedPlaceholderNeedsBothWords(text: String) {
        #expect(throws: TemplateProblem.badPlural(String(text.dropFirst().dropLast()))) { try MessageTemplate(parsing: text) }
    }
}
