import HotelCalendar

// Every record is made the same way: the caller says what was asked (a `Request`, the
// fields a guest gave on the line and the session they came from), and `HotelStore`
// gives it a number, stamps the time and sets the first status. The request is kept
// whole inside the record, so its fields are written once, here.

/// A room booking a guest said yes to. Its guest file is created with the guest's first one.
public struct Reservation: Equatable, Sendable {
    /// Whether the booking stands.
    public enum Status: UInt8, Sendable { case confirmed = 1, cancelled = 2 }

    /// The booking as the guest heard it read back and agreed to.
    public struct Request: Equatable, Sendable {
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
        /// The call it was made on.
        public var session: String

        public var nights: Int { CivilDate.days(from: checkIn, to: checkOut) }

        public init(guestName: String, phone: String, email: String?, checkIn: CivilDate, checkOut: CivilDate,
                    rooms: Int, roomType: String, rate: Int, language: String, session: String) {
            self.guestName = guestName
            self.phone = phone
            self.email = email
            self.checkIn = checkIn
            self.checkOut = checkOut
            self.rooms = rooms
            self.roomType = roomType
            self.rate = rate
            self.language = language
            self.session = session
        }
    }

    public var number: ConfirmationNumber
    public var guestFile: GuestFileNumber
    public var request: Request
    public var status: Status
    /// Milliseconds since 1970, UTC.
    public var createdAt: WallTime

    public init(number: ConfirmationNumber, guestFile: GuestFileNumber, request: Request, status: Status, createdAt: WallTime) {
        self.number = number
        self.guestFile = guestFile
        self.request = request
        self.status = status
        self.createdAt = createdAt
    }
}

/// A complaint with the resolution the guest expects; the guest is called back within three days.
public struct ComplaintTicket: Equatable, Sendable {
    /// Where the complaint is in its handling (received, investigated, resolved, signed off).
    public enum Status: UInt8, Sendable { case open = 1, investigating = 2, resolved = 3, closed = 4 }

    /// The complaint as the guest told it, classified.
    public struct Request: Equatable, Sendable {
        /// front-desk, housekeeping, food-and-beverage, security, engineering, other.
        public var category: String
        public var details: String
        public var expectedResolution: String
        public var guestName: String
        public var phone: String
        public var roomNumber: String?
        public var language: String
        /// The day by which the guest is called back to confirm they are satisfied.
        public var followUpBy: CivilDate
        public var session: String

        public init(category: String, details: String, expectedResolution: String, guestName: String, phone: String,
                    roomNumber: String?, language: String, followUpBy: CivilDate, session: String) {
            self.category = category
            self.details = details
            self.expectedResolution = expectedResolution
            self.guestName = guestName
            self.phone = phone
            self.roomNumber = roomNumber
            self.language = language
            self.followUpBy = followUpBy
            self.session = session
        }
    }

    public var number: TicketNumber
    public var request: Request
    public var status: Status
    /// Milliseconds since 1970, UTC.
    public var createdAt: WallTime

    public init(number: TicketNumber, request: Request, status: Status, createdAt: WallTime) {
        self.number = number
        self.request = request
        self.status = status
        self.createdAt = createdAt
    }
}

/// A guest's request to be called, with the window they were promised.
public struct CallbackRequest: Equatable, Sendable {
    /// The call's outcome: not yet made, reached, no answer (retry), wrong number.
    public enum Status: UInt8, Sendable { case pending = 1, reached = 2, noAnswer = 3, wrongNumber = 4 }

    /// The call as the guest asked for it.
    public struct Request: Equatable, Sendable {
        public var phone: String
        public var guestName: String?
        /// Start of the promised window, seconds since 1970 UTC.
        public var dueAt: WallTime
        public var windowMinutes: Int
        public var reason: String
        /// The language the guest wants the call in.
        public var callLanguage: String
        /// The language of the call the guest asked in (`en` for callbacks from before it was kept).
        public var language: String
        public var session: String

        public init(phone: String, guestName: String?, dueAt: WallTime, windowMinutes: Int, reason: String, callLanguage: String,
                    language: String, session: String) {
            self.phone = phone
            self.guestName = guestName
            self.dueAt = dueAt
            self.windowMinutes = windowMinutes
            self.reason = reason
            self.callLanguage = callLanguage
            self.language = language
            self.session = session
        }
    }

    public var number: CallbackNumber
    public var request: Request
    public var status: Status
    /// Milliseconds since 1970, UTC.
    public var createdAt: WallTime

    public init(number: CallbackNumber, request: Request, status: Status, createdAt: WallTime) {
        self.number = number
        self.request = request
        self.status = status
        self.createdAt = createdAt
    }
}

/// A revisit survey: the guest's ratings and opinions, or the fact that they declined.
public struct SurveyResponse: Equatable, Sendable {
    /// The answers as the guest gave them (or the refusal).
    public struct Request: Equatable, Sendable {
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
        public var session: String

        public init(declined: Bool, confirmation: ConfirmationNumber?, guestName: String?, phone: String?, ratings: [String: Int],
                    stayAgain: Bool?, recommend: Bool?, suggestions: String?, language: String, session: String) {
            self.declined = declined
            self.confirmation = confirmation
            self.guestName = guestName
            self.phone = phone
            self.ratings = ratings
            self.stayAgain = stayAgain
            self.recommend = recommend
            self.suggestions = suggestions
            self.language = language
            self.session = session
        }
    }

    public var number: SurveyNumber
    public var request: Request
    /// Milliseconds since 1970, UTC.
    public var createdAt: WallTime

    public init(number: SurveyNumber, request: Request, createdAt: WallTime) {
        self.number = number
        self.request = request
        self.createdAt = createdAt
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
