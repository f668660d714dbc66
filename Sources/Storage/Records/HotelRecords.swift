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
    /// The kind its guest file opens as if this booking opens it (a group's booking of
    /// `group-rooms` or more); ignored when the file was already open. Since version 2.
    public var fileKind: GuestKind

    public init(number: ConfirmationNumber, guestFile: GuestFileNumber, request: Request, status: Status, createdAt: WallTime,
                fileKind: GuestKind = .individual) {
        self.number = number
        self.guestFile = guestFile
        self.request = request
        self.status = status
        self.createdAt = createdAt
        self.fileKind = fileKind
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
    /// The guest's file, opened with this record if the phone had none (nil in records
    /// written before files were kept for every guest: those link by phone).
    public var guestFile: GuestFileNumber?

    public init(number: TicketNumber, request: Request, status: Status, createdAt: WallTime, guestFile: GuestFileNumber? = nil) {
        self.number = number
        self.request = request
        self.status = status
        self.createdAt = createdAt
        self.guestFile = guestFile
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
    /// The guest's file, opened with this record if the phone had none (nil in records
    /// written before files were kept for every guest: those link by phone).
    public var guestFile: GuestFileNumber?

    public init(number: CallbackNumber, request: Request, status: Status, createdAt: WallTime, guestFile: GuestFileNumber? = nil) {
        self.number = number
        self.request = request
        self.status = status
        self.createdAt = createdAt
        self.guestFile = guestFile
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
    /// The guest's file: the stay's, or the phone's (opened with this record if it had
    /// none); nil without a phone or a stay, and in records written before files were kept
    /// for every guest.
    public var guestFile: GuestFileNumber?

    public init(number: SurveyNumber, request: Request, createdAt: WallTime, guestFile: GuestFileNumber? = nil) {
        self.number = number
        self.request = request
        self.createdAt = createdAt
        self.guestFile = guestFile
    }
}

/// What a guest file holds: who the guest is and everything on record for them.
public struct GuestFile: Equatable, Sendable {
    public var number: GuestFileNumber
    public var name: String
    public var phone: String
    public var email: String?
    /// Individual unless the booking that opened it was a group's, or an agent set it.
    public var kind: GuestKind
    public var birthday: Birthday?
    public var reservations: [ConfirmationNumber]
    public var complaints: [TicketNumber] = []
    public var callbacks: [CallbackNumber] = []
    public var surveys: [SurveyNumber] = []
    /// The kind the file opened as: what it falls back to when a change is taken back out.
    var openedAs: GuestKind

    init(number: GuestFileNumber, name: String, phone: String, email: String?, kind: GuestKind) {
        self.number = number
        self.name = name
        self.phone = phone
        self.email = email
        self.kind = kind
        self.openedAs = kind
        self.reservations = []
    }

    /// Nothing links to it any more (its only record was taken back out).
    var isEmpty: Bool { reservations.isEmpty && complaints.isEmpty && callbacks.isEmpty && surveys.isEmpty }

    mutating func take(_ change: GuestFileChange.Field) {
        switch change {
        case .kind(let kind): self.kind = kind
        case .birthday(let birthday): self.birthday = birthday
        }
    }
}

/// What a booking holds and costs: the nights, the rooms of one type, and the nightly rate
/// quoted for them. The reservation holds the terms first agreed; each change holds new ones.
public struct StayTerms: Equatable, Sendable {
    public var checkIn: CivilDate
    public var checkOut: CivilDate
    public var rooms: Int
    public var roomType: String
    /// The nightly rate quoted for one room.
    public var rate: Int

    public var nights: Int { CivilDate.days(from: checkIn, to: checkOut) }
    public var total: Int { rate * nights * rooms }

    /// The stay as the booking policy prices it.
    public var priced: BookingPolicy.Stay { BookingPolicy.Stay(arrival: checkIn, departure: checkOut, rooms: rooms, rate: rate) }

    public init(checkIn: CivilDate, checkOut: CivilDate, rooms: Int, roomType: String, rate: Int) {
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.rooms = rooms
        self.roomType = roomType
        self.rate = rate
    }
}

extension Reservation.Request {
    /// The stay as the guest first agreed it.
    public var terms: StayTerms { StayTerms(checkIn: checkIn, checkOut: checkOut, rooms: rooms, roomType: roomType, rate: rate) }
}

/// A change a guest agreed to (dates, rooms or room type), with the fee the policy set for
/// it: its own record and reference (`M…`), so the booking's history keeps every version.
public struct BookingChange: Equatable, Sendable {
    /// The change as the guest heard it read back and agreed to.
    public struct Request: Equatable, Sendable {
        public var confirmation: ConfirmationNumber
        /// The booking's terms from now on.
        public var terms: StayTerms
        /// Charged for the change (0 inside the free window), in the hotel's currency.
        public var fee: Int
        public var language: String
        /// The call it was made on.
        public var session: String

        public init(confirmation: ConfirmationNumber, terms: StayTerms, fee: Int, language: String, session: String) {
            self.confirmation = confirmation
            self.terms = terms
            self.fee = fee
            self.language = language
            self.session = session
        }
    }

    public var number: ChangeNumber
    public var request: Request
    /// The terms the change replaced.
    public var previous: StayTerms
    public var createdAt: WallTime

    public init(number: ChangeNumber, request: Request, previous: StayTerms, createdAt: WallTime) {
        self.number = number
        self.request = request
        self.previous = previous
        self.createdAt = createdAt
    }
}

/// A cancellation a guest agreed to, with the fee the policy set for it (`X…`).
public struct BookingCancellation: Equatable, Sendable {
    public struct Request: Equatable, Sendable {
        public var confirmation: ConfirmationNumber
        /// Charged for cancelling (0 inside the free window).
        public var fee: Int
        public var language: String
        public var session: String

        public init(confirmation: ConfirmationNumber, fee: Int, language: String, session: String) {
            self.confirmation = confirmation
            self.fee = fee
            self.language = language
            self.session = session
        }
    }

    public var number: CancellationNumber
    public var request: Request
    public var createdAt: WallTime

    public init(number: CancellationNumber, request: Request, createdAt: WallTime) {
        self.number = number
        self.request = request
        self.createdAt = createdAt
    }
}

/// A stay moved on by staff or by the line: the guest arrived, left, or never came (with
/// the no-show fee). No number of its own: it is told to no guest.
public struct StayMove: Equatable, Sendable {
    public enum Kind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
        case arrived = 1, departed = 2, noShow = 3

        /// The state it leaves the stay in, as exports, consoles and the audit log write it.
        public var description: String {
            switch self {
            case .arrived: return StayState.arrived.description
            case .departed: return StayState.departed.description
            case .noShow: return StayState.noShow.description
            }
        }

        /// The event that makes this move.
        public var event: StayEvent {
            switch self {
            case .arrived: return .arrive
            case .departed: return .depart
            case .noShow: return .noShow
            }
        }
    }

    public var confirmation: ConfirmationNumber
    public var kind: Kind
    /// The no-show fee the policy set; 0 for the other moves.
    public var fee: Int
    /// Who moved it: `console:mei`, `command:USER`, or `line` for the day's no-show round.
    public var by: String
    public var createdAt: WallTime

    public init(confirmation: ConfirmationNumber, kind: Kind, fee: Int, by: String, createdAt: WallTime) {
        self.confirmation = confirmation
        self.kind = kind
        self.fee = fee
        self.by = by
        self.createdAt = createdAt
    }
}

/// One thing that happened to a booking after it was made, in the order it happened.
public enum BookingEvent: Equatable, Sendable {
    case changed(BookingChange)
    case cancelled(BookingCancellation)
    case moved(StayMove)

    public var confirmation: ConfirmationNumber {
        switch self {
        case .changed(let change): return change.request.confirmation
        case .cancelled(let cancellation): return cancellation.request.confirmation
        case .moved(let move): return move.confirmation
        }
    }

    public var fee: Int {
        switch self {
        case .changed(let change): return change.request.fee
        case .cancelled(let cancellation): return cancellation.request.fee
        case .moved(let move): return move.fee
        }
    }

    public var createdAt: WallTime {
        switch self {
        case .changed(let change): return change.createdAt
        case .cancelled(let cancellation): return cancellation.createdAt
        case .moved(let move): return move.createdAt
        }
    }

    /// The journal record that holds it.
    public var record: HotelRecord {
        switch self {
        case .changed(let change): return .change(change)
        case .cancelled(let cancellation): return .cancellation(cancellation)
        case .moved(let move): return .stayMove(move)
        }
    }
}

/// A booking as it stands: the reservation as first agreed, its terms and state now, and
/// everything that happened to it since, in order.
public struct Booking: Equatable, Sendable {
    public var reservation: Reservation
    public var terms: StayTerms
    public var state: StayState
    public var history: [BookingEvent]

    public var number: ConfirmationNumber { reservation.number }
    /// Every fee recorded on the booking.
    public var fees: Int { history.reduce(0) { $0 + $1.fee } }

    /// The reservation before anything happened to it.
    init(_ reservation: Reservation) {
        self.reservation = reservation
        self.terms = reservation.request.terms
        self.state = reservation.status == .cancelled ? .cancelled : .booked
        self.history = []
    }

    /// Takes in `event`: the terms and state it leaves the booking in. Total (a record read
    /// back is taken as the store once allowed it); the store asks `StayState.after` first.
    mutating func record(_ event: BookingEvent) {
        history.append(event)
        switch event {
        case .changed(let change):
            terms = change.request.terms
            if state.isToCome { state = .changed }
        case .cancelled:
            state = .cancelled
        case .moved(let move):
            switch move.kind {
            case .arrived: state = .arrived
            case .departed: state = .departed
            case .noShow: state = .noShow
            }
        }
    }

    /// The booking made again from its reservation and `history`.
    init(_ reservation: Reservation, history: [BookingEvent]) {
        self.init(reservation)
        for event in history { record(event) }
    }
}
