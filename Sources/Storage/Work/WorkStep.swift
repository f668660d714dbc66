import HotelCalendar

/// The lists the service centre works: each item is a promise the line made to a guest or
/// a task the hotel's rules set (DOMAIN.md), with a due time.
public enum WorkList: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Guests who asked to be called, in the window they were promised.
    case callbacks
    /// Complaints from receipt to sign-off.
    case complaints
    /// Follow-up calls: every complaint once resolved, every stay once departed.
    case revisits
    /// Stays arriving in one to two days: confirm, and ask for special needs.
    case arrivals
    /// What guests said in a survey that a department must answer: a low rating or a suggestion.
    case feedback

    public var description: String { rawValue }
}

/// Names one item on a work list, as staff type it: `C1000033` (a callback), `T1000041`
/// (a complaint), `V-T1000041` and `V-R1000017` (the revisit of a complaint or of a stay),
/// `A-R1000017` (an arrival), `F-S1000025-food` (a survey's opinion for a department).
/// Each is made from the record it follows, so it exists from the moment that record does.
public enum WorkItemID: Hashable, Comparable, Sendable, CustomStringConvertible {
    case callback(CallbackNumber)
    case complaint(TicketNumber)
    case complaintRevisit(TicketNumber)
    case stayRevisit(ConfirmationNumber)
    case arrival(ConfirmationNumber)
    /// A survey's opinion on `topic` (a rating dimension, or `suggestions`).
    case feedback(SurveyNumber, topic: String)

    public var list: WorkList {
        switch self {
        case .callback: return .callbacks
        case .complaint: return .complaints
        case .complaintRevisit, .stayRevisit: return .revisits
        case .arrival: return .arrivals
        case .feedback: return .feedback
        }
    }

    public var description: String {
        switch self {
        case .callback(let number): return number.description
        case .complaint(let number): return number.description
        case .complaintRevisit(let number): return "V-" + number.description
        case .stayRevisit(let number): return "V-" + number.description
        case .arrival(let number): return "A-" + number.description
        case .feedback(let number, let topic): return "F-" + number.description + "-" + topic
        }
    }

    /// Reads what `description` writes (any case; spaces ignored); nil otherwise.
    public init?(_ text: String) {
        let cleaned = text.filter { $0 != " " }
        let upper = cleaned.uppercased()
        if upper.hasPrefix("V-") {
            let rest = String(upper.dropFirst(2))
            if let ticket = TicketNumber(rest) { self = .complaintRevisit(ticket); return }
            if let stay = ConfirmationNumber(rest) { self = .stayRevisit(stay); return }
            return nil
        }
        if upper.hasPrefix("A-") {
            guard let stay = ConfirmationNumber(String(upper.dropFirst(2))) else { return nil }
            self = .arrival(stay)
            return
        }
        if upper.hasPrefix("F-") {
            let parts = cleaned.dropFirst(2).split(separator: "-", maxSplits: 1)
            guard parts.count == 2, let survey = SurveyNumber(String(parts[0])), WorkItemID.isTopic(String(parts[1])) else { return nil }
            self = .feedback(survey, topic: String(parts[1]).lowercased())
            return
        }
        if let callback = CallbackNumber(upper) { self = .callback(callback); return }
        if let ticket = TicketNumber(upper) { self = .complaint(ticket); return }
        return nil
    }

    static func isTopic(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || $0 == 95 }
    }

    /// List order, then number order.
    public static func < (a: WorkItemID, b: WorkItemID) -> Bool { a.sortKey < b.sortKey }

    private var sortKey: (Int, Int, String) {
        switch self {
        case .callback(let n): return (0, n.serial, "")
        case .complaint(let n): return (1, n.serial, "")
        case .complaintRevisit(let n): return (2, n.serial, "")
        case .stayRevisit(let n): return (3, n.serial, "")
        case .arrival(let n): return (4, n.serial, "")
        case .feedback(let n, let topic): return (5, n.serial, topic)
        }
    }
}

/// What a step does to its item.
public enum WorkAction: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Given to an agent (`text`: the agent ID), or given back (`text` nil).
    case assign = 1
    /// A note kept on the item (`text`).
    case note = 2
    /// A callback made: the guest answered (`text`: what was said, if anything).
    case reached = 3
    /// A callback tried and not answered: it comes back after the retry interval.
    case noAnswer = 4
    /// A callback's number is not the guest's: closed.
    case wrongNumber = 5
    /// A complaint is being looked into (`text`: what was done first).
    case investigate = 6
    /// A complaint is put right (`text`: the result, as the guest will hear it).
    case resolve = 7
    /// The department's head or a supervisor accepts the result.
    case signOff = 8
    /// A complaint revisited and signed off is closed.
    case close = 9
    /// A revisit call: the guest did not want to answer (recorded, not argued).
    case declined = 10
    /// A revisit call: the guest answered the survey (`text`: the survey's reference).
    case surveyed = 11
    /// An arrival confirmed with the guest (`text`: special needs, if any).
    case confirmed = 12
    /// Special needs recorded on the stay and the guest's file (`text`).
    case needs = 13
    /// An opinion passed to a department (`text`: the department's code).
    case route = 14
    /// The department's answer to an opinion (`text`): closes it.
    case answer = 15
    /// A complaint still not looked into on the day after it came: passed to the head of
    /// its department (`text`: the head's agent ID). The line writes it on its round.
    case escalate = 16

    public var description: String {
        switch self {
        case .assign: return "assigned"
        case .note: return "note"
        case .reached: return "reached"
        case .noAnswer: return "no-answer"
        case .wrongNumber: return "wrong-number"
        case .investigate: return "investigating"
        case .resolve: return "resolved"
        case .signOff: return "signed-off"
        case .close: return "closed"
        case .declined: return "declined"
        case .surveyed: return "surveyed"
        case .confirmed: return "confirmed"
        case .needs: return "needs"
        case .route: return "routed"
        case .answer: return "answered"
        case .escalate: return "escalated"
        }
    }
}

/// One thing done to a work item, by staff at the console or by the line itself: a
/// journal record, durable before the console confirms it, and replayed at start-up.
public struct WorkStep: Equatable, Sendable {
    public var item: WorkItemID
    public var action: WorkAction
    public var text: String?
    /// `console:mei`, `command:USER`, or `line`.
    public var by: String
    public var createdAt: WallTime

    public init(item: WorkItemID, action: WorkAction, text: String?, by: String, createdAt: WallTime) {
        self.item = item
        self.action = action
        self.text = text
        self.by = by
        self.createdAt = createdAt
    }

    /// The agent ID in `by` (`console:mei` → `mei`), or `by` itself.
    public var author: String {
        by.hasPrefix("console:") ? String(by.dropFirst("console:".count)) : by
    }
}
