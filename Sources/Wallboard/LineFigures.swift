/// The live figures of the line at one moment: what the wallboard shows and `/metrics`
/// publishes. Counts only: no guest's name, phone or number is anywhere in it, so nothing
/// rendered from it can show one.
///
/// The running line fills it in on the loop (`WallboardSource`); the wallboard only renders it.
public struct LineFigures: Equatable, Sendable {
    /// Agents logged in at the console, by what they are doing.
    public struct Agents: Equatable, Sendable {
        public var available = 0
        public var onCall = 0
        /// Offered a call, not yet accepted or declined.
        public var offered = 0
        public var wrapUp = 0
        public var away = 0

        public init() {}

        /// Each state's metric label and count, in the wallboard's order.
        public var byState: [(state: String, count: Int)] {
            [("available", available), ("on_call", onCall), ("offered", offered), ("wrap_up", wrapUp), ("away", away)]
        }
    }

    /// One work list: items not done, and of those, items past their due time.
    public struct WorkListCount: Equatable, Sendable {
        /// The list's name as staff type it (`callbacks`).
        public var list: String
        public var open: Int
        public var overdue: Int

        public init(list: String, open: Int, overdue: Int) {
            self.list = list
            self.open = open
            self.overdue = overdue
        }
    }

    /// The journal since the server started: group commits, records, and how long syncs took.
    public struct Journal: Equatable, Sendable {
        /// Group commits that ended in a successful sync.
        public var commits = 0
        public var durableRecords = 0
        public var failedRecords = 0
        /// The sync-time histogram: each upper bound in seconds with the syncs at or under
        /// it (cumulative), then every sync timed and their sum.
        public var syncBuckets: [(bound: Double, count: Int)] = []
        public var syncCount = 0
        public var syncSumSeconds = 0.0

        public init() {}

        public static func == (lhs: Journal, rhs: Journal) -> Bool {
            lhs.commits == rhs.commits && lhs.durableRecords == rhs.durableRecords && lhs.failedRecords == rhs.failedRecords
                && lhs.syncBuckets.elementsEqual(rhs.syncBuckets) { $0.bound == $1.bound && $0.count == $1.count }
                && lhs.syncCount == rhs.syncCount && lhs.syncSumSeconds == rhs.syncSumSeconds
        }
    }

    /// The hotel's name (its first language), for the page's title.
    public var hotelName = ""
    /// The hotel's clock, `2026-12-20 09:05`.
    public var localTime = ""

    // The board.
    /// Guests connected to the guest line now.
    public var guestsOnLine = 0
    /// Guests waiting for a person, and the longest of their waits so far.
    public var waiting = 0
    public var longestWaitSeconds = 0.0
    public var agents = Agents()
    /// Calls answered by the line on the hotel's day.
    public var callsToday = 0
    /// `answer-target` in hotel.conf: a guest who asks for a person should be put through within it.
    public var answerTargetSeconds = 20
    /// Of the guests who asked for a person today and are no longer waiting: how many, and
    /// how many of them were put through to an agent within the target.
    public var requestsEndedToday = 0
    public var answeredWithinTargetToday = 0
    /// Open and overdue items per work list, in the lists' order.
    public var work: [WorkListCount] = []

    // Counters since the server started (Prometheus counters: they only grow).
    public var callsTotal = 0
    /// Lines guests typed, and texts the line said to them.
    public var guestLinesReceivedTotal = 0
    public var guestTextsSentTotal = 0
    /// Asks for a person, waits ended by putting the guest through, and those within the target.
    public var queueRequestsTotal = 0
    public var queueAnsweredTotal = 0
    public var queueAnsweredWithinTargetTotal = 0
    /// Nil for a store kept in memory, which has no journal.
    public var journal: Journal?

    public init() {}
}

/// Where the wallboard gets its figures: the running line, asked on its loop each time a
/// page, a snapshot or a scrape needs them.
public protocol WallboardSource: AnyObject {
    func lineFigures() -> LineFigures
    /// The wallboard's labels in `language` (a BCP 47 tag the hotel declares; nil or any
    /// other: its first), by key of `WallboardLabels` (a key missing is shown in English),
    /// with the hotel's name in that language as `hotel.name`, and the tag of the language
    /// they are in.
    func wallboardLabels(language: String?) -> (language: String, labels: [String: String])
}
