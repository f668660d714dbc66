import HotelCalendar

/// What a conversation asks the line to do, with everything it needs, typed.
///
/// The conversation builds these from its variables; the switchboard performs them and
/// answers with an `ActionOutcome`. Nothing here touches a file or a socket.
public enum ActionRequest: Equatable, Sendable {
    case checkAvailability(StayQuery)
    case saveReservation(ReservationDraft)
    case saveComplaint(ComplaintDraft)
    case saveCallback(CallbackDraft)
    case saveSurvey(SurveyDraft)
    /// The stay with this confirmation number, if it has begun and its phone or its name is
    /// the one given (the survey). Anything else is answered as if it did not exist.
    case findStay(reference: String, phone: PhoneNumber, name: String)
    /// The booking with this confirmation number, only if it was made under `phone`: a
    /// number tried with another phone is answered as if it did not exist, so it reveals
    /// nothing, and counts as a wrong try.
    case findBooking(reference: String, phone: PhoneNumber)
    /// The complaint with this ticket number, only if it was made under `phone`.
    case findComplaint(reference: String, phone: PhoneNumber)
    /// The callback with this reference, only if it was asked for under `phone` (the phone
    /// to be called): another phone is answered as if there were none, and counts as a
    /// wrong try.
    case findCallback(reference: String, phone: PhoneNumber)
    /// The guest file with this number, only if `phone` is the one on it.
    case findGuestFile(file: String, phone: PhoneNumber)
    /// Is this phone on record under this name? (a repeat guest; a phone alone is not enough)
    case findCaller(phone: PhoneNumber, name: String)
    /// What the change would come to: the booking's terms with the fields given changed.
    case quoteChange(BookingChangeDraft)
    /// Make the change, if its fee is still at most the one the guest agreed to.
    case saveChange(BookingChangeDraft, agreedFee: Int)
    /// What cancelling the booking would cost now.
    case quoteCancellation(reference: String, phone: PhoneNumber)
    /// Cancel it, if its fee is still at most the one the guest agreed to.
    case saveCancellation(reference: String, phone: PhoneNumber, agreedFee: Int, language: String)
    /// The guest asked for a person while in `topic` (a flow name).
    case requestAgent(topic: String)
    /// The guest on hold chose something else (a callback): take them out of the queue.
    case leaveQueue
}

/// Nights and rooms of one room type: what availability is checked for.
public struct StayQuery: Equatable, Sendable {
    public var checkIn: CivilDate
    public var checkOut: CivilDate
    public var rooms: Int
    public var roomType: String

    public var nights: Int { CivilDate.days(from: checkIn, to: checkOut) }

    public init(checkIn: CivilDate, checkOut: CivilDate, rooms: Int, roomType: String) {
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.rooms = rooms
        self.roomType = roomType
    }
}

/// A booking the guest has heard read back and said yes to.
public struct ReservationDraft: Equatable, Sendable {
    public var stay: StayQuery
    public var guestName: String
    public var phone: PhoneNumber
    public var email: EmailAddress?
    public var language: String
}

/// A change the guest asks for to a booking they showed (number and phone): the fields
/// they gave; the others stay as the booking has them.
public struct BookingChangeDraft: Equatable, Sendable {
    public var reference: String
    public var phone: PhoneNumber
    public var checkIn: CivilDate?
    public var checkOut: CivilDate?
    public var rooms: Int?
    public var roomType: String?
    public var language: String
}

/// A complaint as the guest told it, classified, with the resolution they expect.
public struct ComplaintDraft: Equatable, Sendable {
    public var category: String
    public var details: String
    public var expectedResolution: String
    public var guestName: String
    public var phone: PhoneNumber
    public var roomNumber: String?
    public var language: String
    /// The day by which the guest is called back to confirm they are satisfied (three days).
    public var followUpBy: CivilDate
}

/// A request to be called back inside the hotel's callback hours.
public struct CallbackDraft: Equatable, Sendable {
    public var phone: PhoneNumber
    public var at: LocalMoment
    public var windowMinutes: Int
    public var reason: String
    /// The language the guest wants to be called in.
    public var callLanguage: String
    public var guestName: String?
    /// The language of this call, where the guest asked.
    public var language: String
}

/// A revisit survey: answered, or declined (declining is recorded, never argued with).
public struct SurveyDraft: Equatable, Sendable {
    public var declined: Bool
    public var confirmation: String?
    public var guestName: String?
    public var phone: PhoneNumber?
    /// Ratings by topic (`frontdesk`, `housekeeping`, …), 1–5.
    public var ratings: [String: Int]
    public var stayAgain: Bool?
    public var recommend: Bool?
    public var suggestions: String?
    public var language: String
}

/// What a reservation lookup found: enough to greet the guest, link a survey or read the
/// stay back to the guest who holds its confirmation number.
public struct ReservationSummary: Equatable, Sendable {
    public var guestName: String
    public var checkIn: CivilDate
    public var checkOut: CivilDate
    public var rooms: Int
    public var roomType: String
    /// Today (on the hotel's clock) is the guest's birthday, by their file: wished once a call.
    public var isBirthday: Bool

    public init(guestName: String, checkIn: CivilDate, checkOut: CivilDate, rooms: Int, roomType: String, isBirthday: Bool = false) {
        self.guestName = guestName
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.rooms = rooms
        self.roomType = roomType
        self.isBirthday = isBirthday
    }
}

/// A booking as it stands, for the guest who showed its number and phone: its terms, its
/// price, and the policy's window for it.
public struct BookingSummary: Equatable, Sendable {
    public var guestName: String
    public var checkIn: CivilDate
    public var checkOut: CivilDate
    public var rooms: Int
    public var roomType: String
    public var total: Int
    /// When changing or cancelling it stops being free, on the hotel's clock.
    public var freeUntil: LocalMoment
    /// What cancelling it costs now: 0 inside the free window.
    public var lateFee: Int
    /// Today (on the hotel's clock) is the guest's birthday, by their file: wished once a call.
    public var isBirthday: Bool

    public init(guestName: String, checkIn: CivilDate, checkOut: CivilDate, rooms: Int, roomType: String, total: Int,
                freeUntil: LocalMoment, lateFee: Int, isBirthday: Bool = false) {
        self.guestName = guestName
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.rooms = rooms
        self.roomType = roomType
        self.total = total
        self.freeUntil = freeUntil
        self.lateFee = lateFee
        self.isBirthday = isBirthday
    }
}

/// What a change or a cancellation would be: the booking's terms after it (as they stand,
/// for a cancellation), their price, and the fee the policy sets now.
public struct FeeQuote: Equatable, Sendable {
    public var checkIn: CivilDate
    public var checkOut: CivilDate
    public var rooms: Int
    public var roomType: String
    public var total: Int
    public var fee: Int
    public var freeUntil: LocalMoment

    public init(checkIn: CivilDate, checkOut: CivilDate, rooms: Int, roomType: String, total: Int, fee: Int, freeUntil: LocalMoment) {
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.rooms = rooms
        self.roomType = roomType
        self.total = total
        self.fee = fee
        self.freeUntil = freeUntil
    }
}

/// What a guest file holds, for the guest who showed its number and its phone: the name,
/// whether they have stayed, and how many bookings and open complaints there are.
public struct GuestFileSummary: Equatable, Sendable {
    public var name: String
    public var hasStayed: Bool
    public var bookings: Int
    /// Bookings still to come (booked or changed).
    public var staysToCome: Int
    public var openComplaints: Int
    /// The next stay to come, if any: its arrival and its confirmation number.
    public var nextCheckIn: CivilDate?
    public var nextConfirmation: String?
    /// Today (on the hotel's clock) is the guest's birthday, by their file: wished once a call.
    public var isBirthday: Bool

    public init(name: String, hasStayed: Bool, bookings: Int, staysToCome: Int, openComplaints: Int, nextCheckIn: CivilDate?,
                nextConfirmation: String?, isBirthday: Bool = false) {
        self.name = name
        self.hasStayed = hasStayed
        self.bookings = bookings
        self.staysToCome = staysToCome
        self.openComplaints = openComplaints
        self.nextCheckIn = nextCheckIn
        self.nextConfirmation = nextConfirmation
        self.isBirthday = isBirthday
    }
}

/// A complaint's stage on the complaints list, as the guest hears it: received →
/// investigating → resolved → signed off (the department's head accepted the result) →
/// revisited (the follow-up call made) → closed.
public enum ComplaintStage: String, Sendable, CaseIterable {
    case received, investigating, resolved
    case signedOff = "signed-off"
    case revisited, closed

    /// The text key of the stage's words: `ticket.status.signed_off`.
    public var textKey: String { "ticket.status." + rawValue.replacingOccurrences(of: "-", with: "_") }

    /// The result has been signed off: the guest may hear it.
    public var isSignedOff: Bool {
        switch self {
        case .received, .investigating, .resolved: return false
        case .signedOff, .revisited, .closed: return true
        }
    }
}

/// Where a complaint stands, for the guest who holds its ticket number.
public struct ComplaintSummary: Equatable, Sendable {
    /// The category's value word (`housekeeping`), as the complaint menu stored it.
    public var category: String
    public var stage: ComplaintStage
    /// The day by which the guest is called back to make sure all was put right.
    public var followUpBy: CivilDate
    /// The result staff recorded, once signed off (never before: a result not yet accepted
    /// by the department's head is not the hotel's word).
    public var result: String?
    /// The follow-up call has been made (answered or declined): nothing more is promised.
    public var followedUp: Bool
    /// Today (on the hotel's clock) is the guest's birthday, by their file: wished once a call.
    public var isBirthday: Bool

    public init(category: String, stage: ComplaintStage, followUpBy: CivilDate, result: String? = nil, followedUp: Bool = false,
                isBirthday: Bool = false) {
        self.category = category
        self.stage = stage
        self.followUpBy = followUpBy
        self.result = result
        self.followedUp = followedUp
        self.isBirthday = isBirthday
    }
}

/// A callback's stage on the callbacks list, as the guest hears it.
public enum CallbackStage: String, Sendable, CaseIterable {
    /// Not yet made: due in its window.
    case waiting
    /// Tried without an answer; to be tried again.
    case retrying
    case reached
    /// Tried as often as the hotel tries, never answered: closed.
    case unreachable
    /// The number was not the guest's: closed.
    case wrongNumber = "wrong-number"
}

/// Where a callback stands, for the guest who holds its reference and its phone.
public struct CallbackSummary: Equatable, Sendable {
    public var stage: CallbackStage
    /// The window promised, on the hotel's clock: from `windowFrom`, `windowMinutes` long.
    public var windowFrom: LocalMoment
    public var windowMinutes: Int
    /// Calls tried without an answer.
    public var tries: Int
    /// Retrying: when the next try is due by, on the hotel's clock.
    public var nextTry: LocalMoment?
    /// Reached: when the call was made, on the hotel's clock.
    public var reachedAt: LocalMoment?
    /// Today (on the hotel's clock) is the guest's birthday, by their file: wished once a call.
    public var isBirthday: Bool

    public init(stage: CallbackStage, windowFrom: LocalMoment, windowMinutes: Int, tries: Int = 0, nextTry: LocalMoment? = nil,
                reachedAt: LocalMoment? = nil, isBirthday: Bool = false) {
        self.stage = stage
        self.windowFrom = windowFrom
        self.windowMinutes = windowMinutes
        self.tries = tries
        self.nextTry = nextTry
        self.reachedAt = reachedAt
        self.isBirthday = isBirthday
    }

    public var windowTo: LocalMoment { windowFrom.adding(minutes: windowMinutes) }
}

/// What the line knows of a guest who gave a phone and the name on file with it: the name
/// to greet, whether they have stayed with us (only they are welcomed back), whether there
/// is something to offer, and the language of their last call, to answer them in; never
/// the details, which need the number itself.
public struct CallerSummary: Equatable, Sendable {
    public var name: String?
    /// A stay of theirs has ended with a departure.
    public var hasStayed: Bool
    public var hasUpcomingStay: Bool
    public var hasOpenComplaint: Bool
    /// The language (a tag) of the latest call that left a record under this phone; nil
    /// when not known (a transcript recorded before it was kept).
    public var language: String?
    /// Today (on the hotel's clock) is the guest's birthday, by their file: wished once a call.
    public var isBirthday: Bool

    public init(name: String?, hasStayed: Bool = false, hasUpcomingStay: Bool, hasOpenComplaint: Bool, language: String? = nil,
                isBirthday: Bool = false) {
        self.name = name
        self.hasStayed = hasStayed
        self.hasUpcomingStay = hasUpcomingStay
        self.hasOpenComplaint = hasOpenComplaint
        self.language = language
        self.isBirthday = isBirthday
    }
}

/// How an action turned out; its `result` names the flow's `on` branch.
public enum ActionOutcome: Equatable, Sendable {
    case available(roomsLeft: Int)
    /// Not enough rooms of that type; `alternatives` are room types that do have enough.
    case full(roomsLeft: Int, alternatives: [String])
    case saved(reference: String, guestFile: String?)
    case failed
    case found(ReservationSummary)
    case foundBooking(BookingSummary)
    case foundComplaint(ComplaintSummary)
    case foundCallback(CallbackSummary)
    case foundFile(GuestFileSummary)
    case missing
    /// Too many wrong tries on this call or from this address: nothing is looked up.
    case locked
    /// The booking was cancelled.
    case bookingCancelled
    /// The stay has begun or is over (arrived, departed, a no-show, or its check-in day
    /// past): not changed or cancelled on the line.
    case bookingClosed
    /// What a change or cancellation would be (`free` with no fee, else `fee`).
    case quoted(FeeQuote)
    /// The fee is now above the one the guest agreed to (the free window closed since they
    /// heard it): nothing was saved; they are asked again.
    case feeRaised(FeeQuote)
    /// The change asked for is how the booking already stands.
    case unchanged
    /// A phone number already on record.
    case knownCaller(CallerSummary)
    case newCaller
    /// In the queue for a person at `position` (1 = next); the wait is nil with no history yet.
    case queued(position: Int, expectedWaitSeconds: Double?)
    case left
    case unavailable
    /// The stay's arrival day was over by the time it was to be saved (the guest answered
    /// "today" before midnight and said yes after): nothing is saved.
    case datesPassed

    public var result: String {
        switch self {
        case .available: return "available"
        case .full: return "full"
        case .saved: return "saved"
        case .failed: return "failed"
        case .found, .foundBooking, .foundComplaint, .foundCallback, .foundFile: return "found"
        case .missing: return "missing"
        case .locked: return "locked"
        case .bookingCancelled: return "cancelled"
        case .bookingClosed: return "closed"
        case .quoted(let quote): return quote.fee == 0 ? "free" : "fee"
        case .feeRaised: return "fee"
        case .unchanged: return "same"
        case .knownCaller: return "known"
        case .newCaller: return "new"
        case .queued: return "queued"
        case .left: return "left"
        case .unavailable: return "unavailable"
        case .datesPassed: return "past"
        }
    }
}
