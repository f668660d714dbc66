import Dialogue
import HotelCalendar
import Storage
import Testing
import TestSupport
@testable import Switchboard

/// Who the caller is, without sockets: only a lookup that matched two things, or a record
/// that opened its own file, names a guest file; a phone alone never does. And what an
/// agent is shown of the file as it stands.
@Suite("Callers known by their file")
struct CallerIdentityTests {
    static let prompts = TestPrompts.shipped
    static let phone = PhoneNumber(normalized: "+442079460958")!
    static let stranger = PhoneNumber(normalized: "+8613800138000")!
    /// Wednesday 23 December 2026, 10:00 UTC: the day before the stay, on the arrivals list.
    static let now = WallTime(millisecondsSince1970: 1_798_020_000_000)
    static let dec24 = CivilDate(year: 2026, month: 12, day: 24)!

    /// Maria's booking for 24–27 December and a complaint under her phone.
    static func office() -> (office: BackOffice, booking: Reservation, ticket: ComplaintTicket) {
        let store = HotelStore(log: MemoryLog())
        let request = Reservation.Request(guestName: "Maria Lopez", phone: phone.normalized, email: nil, checkIn: dec24,
                                          checkOut: dec24.adding(days: 3), rooms: 1, roomType: "deluxe", rate: 180, language: "en", session: "s")
        guard case .pending(let booking) = store.reserve(request, inventory: 4, now: now, token: 1) else { preconditionFailure("no room") }
        let ticket = store.fileComplaint(ComplaintTicket.Request(
            category: "housekeeping", details: "No towels", expectedResolution: "Towels", guestName: "Maria Lopez", phone: phone.normalized,
            roomNumber: nil, language: "en", followUpBy: dec24, session: "s"), now: now, token: 2, today: dec24.adding(days: -1))
        return (BackOffice(store: store), booking, ticket)
    }

    static func answer(_ request: ActionRequest, in office: inout BackOffice) -> ActionOutcome {
        guard case .done(let outcome) = office.perform(request, session: "s", prompts: prompts, zone: prompts.hotel.timeZone, now: now) else {
            preconditionFailure("a lookup saves nothing")
        }
        return outcome
    }

    @Test func aLookupThatMatchedTwoThingsNamesTheFileAndOneThatDidNotNamesNone() {
        var (office, booking, ticket) = Self.office()
        let file = booking.guestFile
        let pairs: [(ActionRequest, GuestFileNumber?)] = [
            (.findCaller(phone: Self.phone, name: "maria  LÓPEZ"), file),
            (.findCaller(phone: Self.phone, name: "Ana Ruiz"), nil),
            (.findGuestFile(file: file.description, phone: Self.phone), file),
            (.findGuestFile(file: file.description, phone: Self.stranger), nil),
            (.findBooking(reference: booking.number.description, phone: Self.phone), file),
            (.findBooking(reference: booking.number.description, phone: Self.stranger), nil),
            (.findComplaint(reference: ticket.number.description, phone: Self.phone), file),
            (.findComplaint(reference: ticket.number.description, phone: Self.stranger), nil),
            (.checkAvailability(StayQuery(checkIn: Self.dec24, checkOut: Self.dec24.adding(days: 1), rooms: 1, roomType: "deluxe")), nil),
        ]
        for (request, expected) in pairs {
            let outcome = Self.answer(request, in: &office)
            #expect(office.file(identifiedBy: request, answer: outcome) == expected, "\(request) answered \(outcome)")
        }
    }

    /// A record that opened a file identifies its caller; one that joined the file its phone
    /// already had does not (whoever typed that phone may not be its guest).
    @Test func aRecordIdentifiesItsCallerOnlyWhenItOpenedTheirFile() {
        let (office, booking, ticket) = Self.office()
        #expect(office.file(openedBy: .reservation(booking)) == nil, "the file holds the complaint too now")
        #expect(office.file(openedBy: .complaint(ticket)) == nil, "the complaint joined the booking's file")
        let callback = office.store.requestCallback(CallbackRequest.Request(
            phone: Self.stranger.normalized, guestName: nil, dueAt: Self.now, windowMinutes: 30, reason: "bill", callLanguage: "en",
            language: "en", session: "t"), now: Self.now, token: 3, today: Self.dec24.adding(days: -1))
        #expect(office.file(openedBy: .callback(callback)) != nil && office.file(openedBy: .callback(callback)) == callback.guestFile)
    }

    @Test func theCardShowsTheFileAsItStandsNow() throws {
        let (office, booking, ticket) = Self.office()
        let hotel = Self.prompts.hotel
        let thresholds = GuestSegment.Thresholds(medium: hotel.segmentMedium, large: hotel.segmentLarge)
        var card = try #require(office.callerCard(booking.guestFile, hotel: hotel, thresholds: thresholds, now: Self.now))
        #expect(card == CallerCard(file: booking.guestFile, kind: .individual, segment: .small, openComplaints: [ticket.number],
                                   nextStay: .init(confirmation: booking.number, checkIn: Self.dec24, checkOut: Self.dec24.adding(days: 3)),
                                   specialNeeds: []))
        #expect(!card.isVIP && CallerCard.lines(card).count == 1)
        _ = office.store.change(GuestFileChange(file: booking.guestFile, field: .kind(.vip), by: "console:sara", createdAt: Self.now), token: 4)
        for (token, text) in [(5, "quiet room"), (6, "quiet room"), (7, "no feathers")] as [(UInt64, String)] {
            _ = office.store.record(WorkStep(item: .arrival(booking.number), action: .needs, text: text, by: "console:mei", createdAt: Self.now),
                                    rules: WorkRules(hotel), token: token)
        }
        card = try #require(office.callerCard(booking.guestFile, hotel: hotel, thresholds: thresholds, now: Self.now))
        #expect(card.isVIP && card.segment == .vip && card.specialNeeds == ["quiet room", "no feathers"], "each need once, in order")
        #expect(CallerCard.lines(card) == [
            "  Guest file \(booking.guestFile): vip, segment vip; open complaints: 1 (\(ticket.number)); next stay: \(booking.number), 2026-12-24 to 2026-12-27.",
            "  Special needs on file: quiet room; no feathers",
        ])
        let after = WallTime(millisecondsSince1970: Self.now.millisecondsSince1970 + 2 * 86_400_000)
        #expect(office.callerCard(booking.guestFile, hotel: hotel, thresholds: thresholds, now: after)?.nextStay == nil,
                "a stay whose check-in day has passed is no longer the next")
        #expect(CallerCard.lines(nil) == ["  The caller is not identified: no guest file is shown."])
    }
}
