import Dialogue
import HotelCalendar
import Storage

/// Does the paperwork a conversation asks for: checks availability, files records with the
/// store and looks them up. A record's outcome is held back until the journal says it is
/// durable, so the number in it is never spoken before it is on disk.
struct BackOffice {
    /// What became of a request.
    enum Result {
        /// Answer the conversation now.
        case done(ActionOutcome)
        /// The record is queued under `token`; answer with `outcome` once it is durable,
        /// or with `.failed` if the disk refuses it.
        case awaitingDisk(token: UInt64, outcome: ActionOutcome)
    }

    let store: HotelStore
    private var nextToken: UInt64 = 1

    init(store: HotelStore) {
        self.store = store
    }

    mutating func perform(_ request: ActionRequest, session: String, prompts: PromptSet, zone: HotelTimeZone, now instant: WallTime) -> Result {
        let now = instant
        let hotel = prompts.hotel
        switch request {
        case .checkAvailability(let stay):
            let left = roomsLeft(stay, hotel: hotel)
            return .done(left >= stay.rooms ? .available(roomsLeft: left) : .full(roomsLeft: left, alternatives: alternatives(to: stay, hotel: hotel)))
        case .saveReservation(let draft):
            // Checked again at the save, by the save's clock: "today" answered at 23:59 and
            // confirmed at 00:00 is a day that has passed.
            guard draft.stay.checkIn >= zone.localMoment(at: instant).date else { return .done(.datesPassed) }
            let room = hotel.room(code: draft.stay.roomType)
            let token = takeToken()
            switch store.reserve(Reservation.Request(draft, rate: room?.rate ?? 0, session: session),
                                 inventory: room?.count ?? 0, now: now, token: token) {
            case .pending(let reservation):
                return .awaitingDisk(token: token, outcome: .saved(reference: reservation.number.description, guestFile: reservation.guestFile.description))
            case .full(let left):
                return .done(.full(roomsLeft: left, alternatives: alternatives(to: draft.stay, hotel: hotel)))
            }
        case .saveComplaint(let draft):
            let token = takeToken()
            let ticket = store.fileComplaint(ComplaintTicket.Request(draft, session: session), now: now, token: token)
            return .awaitingDisk(token: token, outcome: .saved(reference: ticket.number.description, guestFile: nil))
        case .saveCallback(let draft):
            let token = takeToken()
            let callback = store.requestCallback(CallbackRequest.Request(draft, zone: zone, session: session), now: now, token: token)
            return .awaitingDisk(token: token, outcome: .saved(reference: callback.number.description, guestFile: nil))
        case .saveSurvey(let draft):
            let token = takeToken()
            let response = store.recordSurvey(SurveyResponse.Request(draft, session: session), now: now, token: token)
            return .awaitingDisk(token: token, outcome: .saved(reference: response.number.description, guestFile: nil))
        case .findReservation(let reference, let phone):
            guard let number = ConfirmationNumber(reference), let reservation = store.reservation(number),
                  phone.map({ $0.normalized == reservation.request.phone }) ?? true else { return .done(.missing) }
            let stay = reservation.request
            return .done(.found(ReservationSummary(guestName: stay.guestName, checkIn: stay.checkIn, checkOut: stay.checkOut,
                                                   rooms: stay.rooms, roomType: stay.roomType)))
        case .findComplaint(let reference, let phone):
            guard let number = TicketNumber(reference), let ticket = store.complaint(number),
                  phone.map({ $0.normalized == ticket.request.phone }) ?? true else { return .done(.missing) }
            return .done(.foundComplaint(ComplaintSummary(category: ticket.request.category, status: "\(ticket.status)",
                                                          followUpBy: ticket.request.followUpBy)))
        case .findCaller(let phone):
            guard let records = store.caller(phone: phone.normalized) else { return .done(.newCaller) }
            let today = zone.localMoment(at: instant).date
            let upcoming = records.reservations.contains { number in
                store.reservation(number).map { $0.status == .confirmed && $0.request.checkOut >= today } ?? false
            }
            let open = records.complaints.contains { number in
                store.complaint(number).map { $0.status == .open || $0.status == .investigating } ?? false
            }
            // The language of the last call is all a phone alone learns beyond the name.
            return .done(.knownCaller(CallerSummary(name: records.name, hasUpcomingStay: upcoming, hasOpenComplaint: open,
                                                    language: records.language)))
        case .requestAgent:
            // The service centre answers this from its queue; without one, nobody is free.
            return .done(.unavailable)
        case .leaveQueue:
            return .done(.left)
        }
    }

    private mutating func takeToken() -> UInt64 {
        defer { nextToken += 1 }
        return nextToken
    }

    private func roomsLeft(_ stay: StayQuery, hotel: HotelProfile) -> Int {
        store.roomsLeft(stay.roomType, from: stay.checkIn, to: stay.checkOut, inventory: hotel.room(code: stay.roomType)?.count ?? 0)
    }

    /// Other room types with enough rooms for the same nights.
    private func alternatives(to stay: StayQuery, hotel: HotelProfile) -> [String] {
        hotel.rooms.filter { room in
            room.code != stay.roomType && store.roomsLeft(room.code, from: stay.checkIn, to: stay.checkOut, inventory: room.count) >= stay.rooms
        }.map(\.code)
    }
}

// The one place a conversation's draft becomes a stored request: Storage never sees the
// Dialogue types, and the draft's typed phone and email are stored normalised.

extension Reservation.Request {
    init(_ draft: ReservationDraft, rate: Int, session: String) {
        let stay = draft.stay
        self.init(guestName: draft.guestName, phone: draft.phone.normalized, email: draft.email?.description, checkIn: stay.checkIn,
                  checkOut: stay.checkOut, rooms: stay.rooms, roomType: stay.roomType, rate: rate, language: draft.language,
                  session: session)
    }
}

extension ComplaintTicket.Request {
    init(_ draft: ComplaintDraft, session: String) {
        self.init(category: draft.category, details: draft.details, expectedResolution: draft.expectedResolution,
                  guestName: draft.guestName, phone: draft.phone.normalized, roomNumber: draft.roomNumber, language: draft.language,
                  followUpBy: draft.followUpBy, session: session)
    }
}

extension CallbackRequest.Request {
    init(_ draft: CallbackDraft, zone: HotelTimeZone, session: String) {
        self.init(phone: draft.phone.normalized, guestName: draft.guestName, dueAt: zone.wallTime(of: draft.at),
                  windowMinutes: draft.windowMinutes, reason: draft.reason, callLanguage: draft.callLanguage,
                  language: draft.language, session: session)
    }
}

extension SurveyResponse.Request {
    init(_ draft: SurveyDraft, session: String) {
        self.init(declined: draft.declined, confirmation: draft.confirmation.flatMap(ConfirmationNumber.init), guestName: draft.guestName,
                  phone: draft.phone?.normalized, ratings: draft.ratings, stayAgain: draft.stayAgain, recommend: draft.recommend,
                  suggestions: draft.suggestions, language: draft.language, session: session)
    }
}
