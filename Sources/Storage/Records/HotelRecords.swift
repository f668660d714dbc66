import HotelCalendar

/// A room booking a guest said yes to. Its guest file is created with the guest's first one.
public struct Reservation: Equatable, Sendable {
    /// Whether the booking stands.
    public enum Status: UInt8, Sendable { case confirmed = 1, cancelled = 2 }

    public var number: ConfirmationNumber
    public var guestFile: GuestFileNumber
    public var guestName: String
    /// Normalised: an optional `+` and digits only.
    public var phone: String
    public var email: String?
    public var checkIn: CivilDate
    public var checkOut: CivilDate
    public var rooms: Int
    public var roomType: String
    /// The nightly rate quoted to the guest.
    public var rate: Int
    public var language: String
    public var status: Status
    /// Milliseconds since 1970, UTC.
    public var createdAt: Int64
    public var session: String

    public var nights: Int { CivilDate.days(from: checkIn, to: checkOut) }
}

/// A complaint with the resolution the guest expects; the guest is called back within three days.
public struct ComplaintTicket: Equatable, Sendable {
    /// Where the complaint is in its handling (received, investigated, resolved, signed off).
    public enum Status: UInt8, Sendable { case open = 1, investigating = 2, resolved = 3, closed = 4 }

    public var number: TicketNumber
    /// front-desk, housekeeping, food-and-beverage, security, engineering, other.
    public var category: String
    public var details: String
    public var expectedResolution: String
    public var guestName: String
    public var phone: String
    public var roomNumber: String?
    public var language: String
    public var followUpBy: CivilDate
    public var status: Status
    public var createdAt: Int64
    public var session: String

    public init(number: TicketNumber, category: String, details: String, expectedResolution: String, guestName: String,
                phone: String, roomNumber: String?, language: String, followUpBy: CivilDate, status: Status = .open,
                createdAt: Int64, session: String) {
        self.number = number
        self.category = category
        self.details = details
        self.expectedResolution = expectedResolution
        self.guestName = guestName
        self.phone = phone
        self.roomNumber = roomNumber
        self.language = language
        self.followUpBy = followUpBy
        self.status = status
        self.createdAt = createdAt
        self.session = session
    }
}

/// A guest's request to be called, with the window they were promised.
public struct CallbackRequest: Equatable, Sendable {
    /// The call's outcome: not yet made, reached, no answer (retry), wrong number.
    public enum Status: UInt8, Sendable { case pending = 1, reached = 2, noAnswer = 3, wrongNumber = 4 }

    public var number: CallbackNumber
    public var phone: String
    public var guestName: String?
    /// Start of the promised window, seconds since 1970 UTC.
    public var dueAt: Int64
    public var windowMinutes: Int
    public var reason: String
    /// The language the guest wants the call in.
    public var callLanguage: String
    public var status: Status
    public var createdAt: Int64
    public var session: String

    public init(number: CallbackNumber, phone: String, guestName: String?, dueAt: Int64, windowMinutes: Int, reason: String,
                callLanguage: String, status: Status = .pending, createdAt: Int64, session: String) {
        self.number = number
        self.phone = phone
        self.guestName = guestName
        self.dueAt = dueAt
        self.windowMinutes = windowMinutes
        self.reason = reason
        self.callLanguage = callLanguage
        self.status = status
        self.createdAt = createdAt
        self.session = session
    }
}

/// A revisit survey: the guest's ratings and opinions, or the fact that they declined.
public struct SurveyResponse: Equatable, Sendable {
    public var number: SurveyNumber
    public var declined: Bool
    public var confirmation: ConfirmationNumber?
    public var guestName: String?
    public var phone: String?
    /// 1–5 by topic: front_desk, housekeeping, food, security, room, facilities, environment.
    public var ratings: [String: Int]
    public var stayAgain: Bool?
    public var recommend: Bool?
    public var suggestions: String?
    public var language: String
    public var createdAt: Int64
    public var session: String

    public init(number: SurveyNumber, declined: Bool, confirmation: ConfirmationNumber?, guestName: String?, phone: String?,
                ratings: [String: Int], stayAgain: Bool?, recommend: Bool?, suggestions: String?, language: String,
                createdAt: Int64, session: String) {
        self.number = number
        self.declined = declined
        self.confirmation = confirmation
        self.guestName = guestName
        self.phone = phone
        self.ratings = ratings
        self.stayAgain = stayAgain
        self.recommend = recommend
        self.suggestions = suggestions
        self.language = language
        self.createdAt = createdAt
        self.session = session
    }
}

/// What a guest file holds: who the guest is and everything on record for them.
public struct GuestFile: Equatable, Sendable {
    public var number: GuestFileNumber
    public var name: String
    public var phone: String
    public var email: String?
    public var reservations: [ConfirmationNumber]
}
