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
    /// The booking with this confirmation number. With `phone` (the caller gave one), only
    /// if it was made under that phone: a number tried from someone else's phone is
    /// answered as if it did not exist, so it reveals nothing.
    case findReservation(reference: String, phone: PhoneNumber?)
    /// The complaint with this ticket number; `phone` as for `findReservation`.
    case findComplaint(reference: String, phone: PhoneNumber?)
    /// Is this phone number on record? (a repeat caller)
    case findCaller(phone: PhoneNumber)
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

    public init(guestName: String, checkIn: CivilDate, checkOut: CivilDate, rooms: Int, roomType: String) {
        self.guestName = guestName
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.rooms = rooms
        self.roomType = roomType
    }
}

/// Where a complaint stands, for the guest who holds its ticket number.
public struct ComplaintSummary: Equatable, Sendable {
    /// The category's value word (`housekeeping`), as the complaint menu stored it.
    public var category: String
    /// `open`, `investigating`, `resolved` or `closed`.
    public var status: String
    public var followUpBy: CivilDate

    public init(category: String, status: String, followUpBy: CivilDate) {
        self.category = category
        self.status = status
        self.followUpBy = followUpBy
    }
}

/// What the line knows of a phone number: a name to greet, whether there is something
/// to offer, and the language of the caller's last call, to answer them in; never the
/// details, which need the confirmation or ticket number.
public struct CallerSummary: Equatable, Sendable {
    public var name: String?
    public var hasUpcomingStay: Bool
    public var hasOpenComplaint: Bool
    /// The language (a tag) of the latest call that left a record under this phone; nil
    /// when not known (a transcript recorded before it was kept).
    public var language: String?

    public init(name: String?, hasUpcomingStay: Bool, hasOpenComplaint: Bool, language: String? = nil) {
        self.name = name
        self.hasUpcomingStay = hasUpcomingStay
        self.hasOpenComplaint = hasOpenComplaint
        self.language = language
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
    case foundComplaint(ComplaintSummary)
    case missing
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
        case .found, .foundComplaint: return "found"
        case .missing: return "missing"
        case .knownCaller: return "known"
        case .newCaller: return "new"
        case .queued: return "queued"
        case .left: return "left"
        case .unavailable: return "unavailable"
        case .datesPassed: return "past"
        }
    }
}
