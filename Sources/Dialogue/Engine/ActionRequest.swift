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
    case findReservation(reference: String)
    /// The guest asked for a person while in `topic` (a flow name).
    case requestAgent(topic: String)
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

/// What a reservation lookup found, enough to greet the guest and link their survey.
public struct ReservationSummary: Equatable, Sendable {
    public var guestName: String
    public var checkIn: CivilDate
    public var checkOut: CivilDate
    public var roomType: String

    public init(guestName: String, checkIn: CivilDate, checkOut: CivilDate, roomType: String) {
        self.guestName = guestName
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.roomType = roomType
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
    case missing
    case unavailable

    public var result: String {
        switch self {
        case .available: return "available"
        case .full: return "full"
        case .saved: return "saved"
        case .failed: return "failed"
        case .found: return "found"
        case .missing: return "missing"
        case .unavailable: return "unavailable"
        }
    }
}
