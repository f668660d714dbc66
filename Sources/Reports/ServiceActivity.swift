import HotelCalendar
import Storage

/// What the service did, as plain facts on the hotel's calendar: the one input the
/// report's figures are computed from. Each fact carries the day it counts on (the local
/// day a call began, a record was made, a revisit falls due), so the figures are a pure
/// function of this value and the periods, tested without a store.
///
/// `ServiceActivity(store:rules:now:)` reads it from the records.
public struct ServiceActivity: Sendable {
    /// A call on the line: its day, length and waits for a person.
    public struct Call: Sendable, Equatable {
        public var day: CivilDate
        public var milliseconds: Int64
        public var waits: [PersonWait]

        public init(day: CivilDate, milliseconds: Int64, waits: [PersonWait] = []) {
            self.day = day
            self.milliseconds = milliseconds
            self.waits = waits
        }
    }

    /// Whether a complaint was handled by the due times of the complaints list: looked into
    /// before the end of the day it came in, and resolved before the end of the day its guest
    /// was promised an answer.
    public enum Handling: Sendable, Equatable {
        /// Both steps in time.
        case onTime
        /// A due time passed without its step (or the step came after it).
        case late
        /// Neither yet, and no due time has passed: not counted either way.
        case inTime
    }

    /// A complaint received: its day, category, whether it is resolved now, and its handling.
    public struct Complaint: Sendable, Equatable {
        public var day: CivilDate
        public var category: String
        /// Resolved, signed off, revisited or closed, when the report is read.
        public var resolved: Bool
        public var handling: Handling

        public init(day: CivilDate, category: String, resolved: Bool, handling: Handling) {
            self.day = day
            self.category = category
            self.resolved = resolved
            self.handling = handling
        }
    }

    /// A survey answered (on the line or at a revisit call at the console).
    public struct Survey: Sendable, Equatable {
        public var day: CivilDate
        public var declined: Bool
        /// Each dimension rated, 1 to 5 (`front_desk`, `food`…).
        public var ratings: [String: Int]
        public var stayAgain: Bool?
        public var recommend: Bool?

        public init(day: CivilDate, declined: Bool = false, ratings: [String: Int] = [:], stayAgain: Bool? = nil, recommend: Bool? = nil) {
            self.day = day
            self.declined = declined
            self.ratings = ratings
            self.stayAgain = stayAgain
            self.recommend = recommend
        }
    }

    /// A revisit the hotel's rules owe: the day it falls due, its guest's kind, and whether
    /// the call was made (surveyed or declined).
    public struct Revisit: Sendable, Equatable {
        public var day: CivilDate
        public var kind: GuestKind
        public var done: Bool

        public init(day: CivilDate, kind: GuestKind, done: Bool) {
            self.day = day
            self.kind = kind
            self.done = done
        }
    }

    public var calls: [Call] = []
    public var complaints: [Complaint] = []
    public var surveys: [Survey] = []
    public var revisits: [Revisit] = []
    /// The days bookings were made, changed and cancelled, and callbacks asked for.
    public var bookings: [CivilDate] = []
    public var changes: [CivilDate] = []
    public var cancellations: [CivilDate] = []
    public var callbacks: [CivilDate] = []

    public init() {}

    /// The first and last day anything happened on (a revisit's due day counts), or nil
    /// when there is nothing at all.
    public var span: ClosedRange<CivilDate>? {
        let days = calls.map(\.day) + complaints.map(\.day) + surveys.map(\.day) + revisits.map(\.day) + bookings + changes
            + cancellations + callbacks
        guard let first = days.min(), let last = days.max() else { return nil }
        return first...last
    }
}
