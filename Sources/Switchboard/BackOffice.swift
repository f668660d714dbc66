import Dialogue
import Foundation
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
                                 inventory: room?.count ?? 0, now: now, token: token, groupRooms: hotel.groupRooms) {
            case .pending(let reservation):
                return .awaitingDisk(token: token, outcome: .saved(reference: reservation.number.description, guestFile: reservation.guestFile.description))
            case .full(let left):
                return .done(.full(roomsLeft: left, alternatives: alternatives(to: draft.stay, hotel: hotel)))
            }
        case .saveComplaint(let draft):
            let token = takeToken()
            let ticket = store.fileComplaint(ComplaintTicket.Request(draft, session: session), now: now, token: token,
                                            today: zone.localMoment(at: instant).date)
            return .awaitingDisk(token: token, outcome: .saved(reference: ticket.number.description, guestFile: nil))
        case .saveCallback(let draft):
            let token = takeToken()
            let callback = store.requestCallback(CallbackRequest.Request(draft, zone: zone, session: session), now: now, token: token,
                                                 today: zone.localMoment(at: instant).date)
            return .awaitingDisk(token: token, outcome: .saved(reference: callback.number.description, guestFile: nil))
        case .saveSurvey(let draft):
            let token = takeToken()
            let response = store.recordSurvey(SurveyResponse.Request(draft, session: session), now: now, token: token,
                                              today: zone.localMoment(at: instant).date)
            return .awaitingDisk(token: token, outcome: .saved(reference: response.number.description, guestFile: nil))
        case .findStay(let reference, let phone, let name):
            // The survey's: a stay that has begun, shown with its phone or the name on it.
            let today = zone.localMoment(at: instant).date
            guard let number = ConfirmationNumber(reference), let booking = store.booking(number),
                  booking.reservation.request.phone == phone.normalized || Self.sameName(booking.reservation.request.guestName, name),
                  Self.hasBegun(booking, today: today) else { return .done(.missing) }
            let stay = booking.terms
            return .done(.found(ReservationSummary(guestName: booking.reservation.request.guestName, checkIn: stay.checkIn,
                                                   checkOut: stay.checkOut, rooms: stay.rooms, roomType: stay.roomType,
                                                   isBirthday: isBirthday(file: booking.reservation.guestFile, today: today))))
        case .findBooking(let reference, let phone):
            guard let booking = owned(reference, phone) else { return .done(.missing) }
            let policy = hotel.policy, today = policy.zone.localMoment(at: instant).date
            switch booking.state {
            case .cancelled: return .done(.bookingCancelled)
            case .arrived, .departed, .noShow: return .done(.bookingClosed)
            case .booked, .changed:
                guard today <= booking.terms.checkIn else { return .done(.bookingClosed) }
                let terms = booking.terms
                return .done(.foundBooking(BookingSummary(
                    guestName: booking.reservation.request.guestName, checkIn: terms.checkIn, checkOut: terms.checkOut, rooms: terms.rooms,
                    roomType: terms.roomType, total: terms.total, freeUntil: policy.freeUntilLocal(arrival: terms.checkIn),
                    lateFee: policy.cancellationFee(terms.priced, at: instant),
                    isBirthday: isBirthday(file: booking.reservation.guestFile, today: zone.localMoment(at: instant).date))))
            }
        case .findComplaint(let reference, let phone):
            guard let number = TicketNumber(reference), let ticket = store.complaint(number), phone.normalized == ticket.request.phone else {
                return .done(.missing)
            }
            // Where it stands is the complaints list's word, not the record's first status.
            guard let item = store.workItem(.complaint(number), rules: WorkRules(hotel), now: now) else { return .done(.missing) }
            var summary = Self.summary(of: ticket, item)
            summary.isBirthday = isBirthday(file: ticket.guestFile, phone: ticket.request.phone, today: zone.localMoment(at: instant).date)
            return .done(.foundComplaint(summary))
        case .findCallback(let reference, let phone):
            guard let number = CallbackNumber(reference), let callback = store.callback(number), phone.normalized == callback.request.phone,
                  let item = store.workItem(.callback(number), rules: WorkRules(hotel), now: now) else {
                return .done(.missing)
            }
            var summary = Self.summary(of: callback, item, zone: zone)
            summary.isBirthday = isBirthday(file: callback.guestFile, phone: callback.request.phone, today: zone.localMoment(at: instant).date)
            return .done(.foundCallback(summary))
        case .findGuestFile(let text, let phone):
            // A guest file number identifies a guest as well as a phone does; with the phone
            // on the file it is the second thing that matches.
            guard let number = GuestFileNumber(text), let file = store.guestFile(number), file.phone == phone.normalized else {
                return .done(.missing)
            }
            let today = zone.localMoment(at: instant).date
            let bookings = file.reservations.compactMap { store.booking($0) }
            let toCome = bookings.filter { $0.state.isToCome && $0.terms.checkIn >= today }.sorted { $0.terms.checkIn < $1.terms.checkIn }
            let open = (store.caller(phone: file.phone)?.complaints ?? []).filter { isOpen($0, hotel: hotel, now: now) }
            return .done(.foundFile(GuestFileSummary(
                name: file.name, hasStayed: bookings.contains { $0.state == .departed }, bookings: bookings.count, staysToCome: toCome.count,
                openComplaints: open.count, nextCheckIn: toCome.first?.terms.checkIn, nextConfirmation: toCome.first?.number.description,
                isBirthday: file.birthday?.falls(on: today) ?? false)))
        case .findCaller(let phone, let name):
            // A phone alone says nothing: the name on file must be the one the guest gave.
            guard let records = store.caller(phone: phone.normalized), let onFile = records.name, Self.sameName(onFile, name) else {
                return .done(.newCaller)
            }
            let today = zone.localMoment(at: instant).date
            let bookings = records.reservations.compactMap { store.booking($0) }
            let stayed = bookings.contains { $0.state == .departed }
            let upcoming = bookings.contains { $0.state.isToCome && $0.terms.checkOut >= today }
            let open = records.complaints.contains { isOpen($0, hotel: hotel, now: now) }
            // The language of the last call is all a phone alone learns beyond the name.
            return .done(.knownCaller(CallerSummary(name: onFile, hasStayed: stayed, hasUpcomingStay: upcoming, hasOpenComplaint: open,
                                                    language: records.language,
                                                    isBirthday: isBirthday(file: nil, phone: phone.normalized, today: today))))
        case .quoteChange(let draft):
            // The flow quotes only a booking it found under this phone in this call; one that
            // is no longer so is answered as a stay that cannot be changed.
            guard let booking = owned(draft.reference, draft.phone) else { return .done(.bookingClosed) }
            let terms = Self.terms(of: booking, changedBy: draft, hotel: hotel)
            let policy = hotel.policy
            switch store.quoteChange(booking.number, to: terms, inventory: hotel.room(code: terms.roomType)?.count ?? 0, policy: policy, now: now) {
            case .quote(let terms, let fee): return .done(.quoted(Self.quote(terms, fee: fee, policy: policy, window: booking)))
            case .unchanged: return .done(.unchanged)
            case .full(let left): return .done(.full(roomsLeft: left, alternatives: alternatives(to: terms, sparing: booking.number, hotel: hotel)))
            case .datesPassed: return .done(.datesPassed)
            case .refused(let refusal): return .done(Self.outcome(of: refusal))
            case .unknown: return .done(.bookingClosed)
            }
        case .saveChange(let draft, let agreedFee):
            guard let booking = owned(draft.reference, draft.phone) else { return .done(.bookingClosed) }
            let terms = Self.terms(of: booking, changedBy: draft, hotel: hotel)
            let policy = hotel.policy
            let token = takeToken()
            switch store.change(booking.number, to: terms, agreedFee: agreedFee, inventory: hotel.room(code: terms.roomType)?.count ?? 0,
                                policy: policy, now: now, language: draft.language, session: session, token: token) {
            case .pending(let record):
                return .awaitingDisk(token: token, outcome: .saved(reference: record.reference, guestFile: nil))
            case .feeRaised(let fee): return .done(.feeRaised(Self.quote(terms, fee: fee, policy: policy, window: booking)))
            case .unchanged: return .done(.unchanged)
            case .full(let left): return .done(.full(roomsLeft: left, alternatives: alternatives(to: terms, sparing: booking.number, hotel: hotel)))
            case .datesPassed: return .done(.datesPassed)
            case .refused(let refusal): return .done(Self.outcome(of: refusal))
            case .unknown: return .done(.bookingClosed)
            }
        case .quoteCancellation(let reference, let phone):
            guard let booking = owned(reference, phone) else { return .done(.bookingClosed) }
            switch store.quoteCancellation(booking.number, policy: hotel.policy, now: now) {
            case .success(let fee)?: return .done(.quoted(Self.quote(booking.terms, fee: fee, policy: hotel.policy, window: booking)))
            case .failure(let refusal)?: return .done(Self.outcome(of: refusal))
            case nil: return .done(.bookingClosed)
            }
        case .saveCancellation(let reference, let phone, let agreedFee, let language):
            guard let booking = owned(reference, phone) else { return .done(.bookingClosed) }
            let token = takeToken()
            switch store.cancel(booking.number, agreedFee: agreedFee, policy: hotel.policy, now: now, language: language, session: session,
                                token: token) {
            case .pending(let record):
                return .awaitingDisk(token: token, outcome: .saved(reference: record.reference, guestFile: nil))
            case .feeRaised(let fee): return .done(.feeRaised(Self.quote(booking.terms, fee: fee, policy: hotel.policy, window: booking)))
            case .refused(let refusal): return .done(Self.outcome(of: refusal))
            case .unchanged, .full, .datesPassed, .unknown: return .done(.bookingClosed)  // not a cancellation's answers
            }
        case .requestAgent:
            // The service centre answers this from its queue; without one, nobody is free.
            return .done(.unavailable)
        case .leaveQueue:
            return .done(.left)
        }
    }

    /// Moves the stay `number` on for staff (or the line's no-show round): the decision, and
    /// the token its record is queued under when it is.
    mutating func moveStay(_ number: ConfirmationNumber, _ kind: StayMove.Kind, policy: BookingPolicy, now: WallTime,
                           by: String) -> (decision: HotelStore.StayDecision, token: UInt64) {
        let token = takeToken()
        return (store.move(number, kind, policy: policy, now: now, by: by, token: token), token)
    }

    /// Is `today` (on the hotel's clock) the birthday on the guest's file: the record's
    /// file, else the phone's? Every lookup that identifies a guest asks, so the line can
    /// wish them a happy birthday (a phone alone identifies nobody: it is never asked then).
    private func isBirthday(file number: GuestFileNumber?, phone: String? = nil, today: CivilDate) -> Bool {
        let file = number.flatMap { store.guestFile($0) } ?? phone.flatMap { store.guestFile(phone: $0) }
        return file?.birthday?.falls(on: today) ?? false
    }

    /// A complaint still being put right (received or looked into), by the complaints
    /// list: the record's own status is only how it came in.
    private func isOpen(_ number: TicketNumber, hotel: HotelProfile, now: WallTime) -> Bool {
        guard let stage = store.workItem(.complaint(number), rules: WorkRules(hotel), now: now)?.stage else { return false }
        return stage == .received || stage == .investigating
    }

    /// A complaint as its guest hears it: the stage on the list, and the result only once
    /// signed off.
    static func summary(of ticket: ComplaintTicket, _ item: WorkItem) -> ComplaintSummary {
        let stage: ComplaintStage
        switch item.stage {
        case .received: stage = .received
        case .investigating: stage = .investigating
        case .resolved: stage = .resolved
        case .signedOff: stage = .signedOff
        case .revisited: stage = .revisited
        case .closed: stage = .closed
        case .waiting, .retrying, .reached, .unreachable, .wrongNumber, .declined, .surveyed, .confirmed, .answered, .sent:
            preconditionFailure("Invalid stage \(item.stage) for complaint \(item.id)")
        }
        return ComplaintSummary(category: ticket.request.category, stage: stage, followUpBy: ticket.request.followUpBy,
                                result: stage.isSignedOff ? item.result : nil, followedUp: item.revisitDone)
    }

    /// A callback as its guest hears it: the stage on the list, the window promised, the
    /// tries, when the next is due and when the guest was reached, on the hotel's clock.
    static func summary(of callback: CallbackRequest, _ item: WorkItem, zone: HotelTimeZone) -> CallbackSummary {
        let stage: CallbackStage
        switch item.stage {
        case .waiting: stage = .waiting
        case .retrying: stage = .retrying
        case .reached: stage = .reached
        case .unreachable: stage = .unreachable
        case .wrongNumber: stage = .wrongNumber
        case .received, .investigating, .resolved, .signedOff, .revisited, .closed, .declined, .surveyed, .confirmed, .answered, .sent:
            preconditionFailure("Invalid stage \(item.stage) for callback \(item.id)")
        }
        let reached = item.history.last { $0.action == .reached }
        return CallbackSummary(stage: stage, windowFrom: zone.localMoment(at: callback.request.dueAt), windowMinutes: callback.request.windowMinutes,
                               tries: item.tries, nextTry: stage == .retrying ? zone.localMoment(at: item.due) : nil,
                               reachedAt: reached.map { zone.localMoment(at: $0.createdAt) })
    }

    /// The booking `reference` names, if it was made under `phone`; nil otherwise, as if
    /// there were none.
    private func owned(_ reference: String, _ phone: PhoneNumber) -> Booking? {
        guard let number = ConfirmationNumber(reference), let booking = store.booking(number),
              booking.reservation.request.phone == phone.normalized else { return nil }
        return booking
    }

    /// The booking's terms with the fields the guest changed: a new room type at its own
    /// rate (the rate quoted for the old one stays with it), and a new arrival without a new
    /// departure keeps the number of nights.
    static func terms(of booking: Booking, changedBy draft: BookingChangeDraft, hotel: HotelProfile) -> StayTerms {
        var terms = booking.terms
        if let checkIn = draft.checkIn {
            terms.checkOut = draft.checkOut ?? checkIn.adding(days: terms.nights)
            terms.checkIn = checkIn
        } else if let checkOut = draft.checkOut, checkOut > terms.checkIn {
            terms.checkOut = checkOut
        }
        if let rooms = draft.rooms { terms.rooms = rooms }
        if let code = draft.roomType, code != terms.roomType {
            terms.roomType = code
            terms.rate = hotel.room(code: code)?.rate ?? terms.rate
        }
        return terms
    }

    /// `terms` and their fee; the free window is the booking's as it stands (the one the
    /// fee comes from), not the new arrival's.
    static func quote(_ terms: StayTerms, fee: Int, policy: BookingPolicy, window booking: Booking) -> FeeQuote {
        FeeQuote(checkIn: terms.checkIn, checkOut: terms.checkOut, rooms: terms.rooms, roomType: terms.roomType, total: terms.total,
                 fee: fee, freeUntil: policy.freeUntilLocal(arrival: booking.terms.checkIn))
    }

    /// A guest hears only whether the booking was cancelled or is past changing.
    static func outcome(of refusal: StayRefusal) -> ActionOutcome {
        switch refusal {
        case .cancelled: return .bookingCancelled
        case .arrived, .departed, .noShow, .notArrived, .beforeCheckIn, .checkInDayOver: return .bookingClosed
        }
    }

    /// The survey's stays: the guest arrived (or is booked and their check-in day has come);
    /// never one cancelled, never one they did not come to.
    static func hasBegun(_ booking: Booking, today: CivilDate) -> Bool {
        switch booking.state {
        case .arrived, .departed: return true
        case .booked, .changed: return booking.terms.checkIn <= today
        case .cancelled, .noShow: return false
        }
    }

    /// The name on file and the one typed, alike but for case, accents, dots and spacing
    /// ("María López" is "maria  lopez").
    static func sameName(_ onFile: String, _ typed: String) -> Bool {
        func folded(_ name: String) -> String {
            name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split { $0 == " " || $0 == "." || $0 == "," }.joined(separator: " ")
        }
        return folded(onFile) == folded(typed)
    }

    /// Queues `step` on its work item if it fits the item as it stands; `token` names it
    /// to the journal's acknowledgement.
    mutating func recordWork(_ step: WorkStep, rules: WorkRules) -> (decision: HotelStore.WorkDecision, token: UInt64) {
        let token = takeToken()
        return (store.record(step, rules: rules, token: token), token)
    }

    mutating func changeFile(_ change: GuestFileChange) -> (decision: HotelStore.FileDecision, token: UInt64) {
        let token = takeToken()
        return (store.change(change, token: token), token)
    }

    /// Writes a call that ended to the journal; the token its acknowledgement comes under.
    mutating func recordCall(_ call: CallRecord) -> UInt64 {
        let token = takeToken()
        store.recordCall(call, token: token)
        return token
    }

    private mutating func takeToken() -> UInt64 {
        defer { nextToken += 1 }
        return nextToken
    }

    private func roomsLeft(_ stay: StayQuery, hotel: HotelProfile) -> Int {
        store.roomsLeft(stay.roomType, from: stay.checkIn, to: stay.checkOut, inventory: hotel.room(code: stay.roomType)?.count ?? 0)
    }

    /// Other room types with enough rooms for a changed booking's nights, its own rooms free to it.
    private func alternatives(to terms: StayTerms, sparing number: ConfirmationNumber, hotel: HotelProfile) -> [String] {
        hotel.rooms.filter { room in
            room.code != terms.roomType
                && store.roomsLeft(room.code, from: terms.checkIn, to: terms.checkOut, inventory: room.count, sparing: number) >= terms.rooms
        }.map(\.code)
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

extension HotelRecord {
    /// The number the guest is told for this record (a change's or cancellation's reference).
    var reference: String {
        switch self {
        case .reservation(let r): return r.number.description
        case .complaint(let c): return c.number.description
        case .callback(let c): return c.number.description
        case .survey(let s): return s.number.description
        case .change(let c): return c.number.description
        case .cancellation(let c): return c.number.description
        case .stayMove(let m): return m.confirmation.description
        case .workStep(let w): return w.item.description
        case .fileChange(let f): return f.file.description
        case .call(let c): return c.session
        }
    }
}

extension SurveyResponse.Request {
    init(_ draft: SurveyDraft, session: String) {
        self.init(declined: draft.declined, confirmation: draft.confirmation.flatMap(ConfirmationNumber.init), guestName: draft.guestName,
                  phone: draft.phone?.normalized, ratings: draft.ratings, stayAgain: draft.stayAgain, recommend: draft.recommend,
                  suggestions: draft.suggestions, language: draft.language, session: session)
    }
}
