import HotelCalendar

/// Names one item on a work list, as staff type it: `C1000033` (a callback), `T1000041`
/// (a complaint), `V-T1000041` and `V-R1000017` (the revisit of a complaint or of a stay),
/// `A-R1000017` (an arrival), `F-S1000025-food` (a survey's opinion for a department),
/// `B-261224001-2027` (a guest file's birthday in 2027, for a card). Each is made from the
/// record it follows, so it exists from the moment that record does.
public enum WorkItemID: Hashable, Comparable, Sendable, CustomStringConvertible {
    case callback(CallbackNumber)
    case complaint(TicketNumber)
    case complaintRevisit(TicketNumber)
    case stayRevisit(ConfirmationNumber)
    case arrival(ConfirmationNumber)
    /// A survey's opinion on `topic` (a rating dimension, or `suggestions`).
    case feedback(SurveyNumber, topic: String)
    /// The birthday of the guest whose file is `file`, in `year`: a card is owed by that day.
    case birthday(GuestFileNumber, year: Int)

    public var list: WorkList {
        switch self {
        case .callback: return .callbacks
        case .complaint: return .complaints
        case .complaintRevisit, .stayRevisit: return .revisits
        case .arrival: return .arrivals
        case .feedback: return .feedback
        case .birthday: return .birthdays
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
        case .birthday(let file, let year): return "B-" + file.description + "-" + String(year)
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
        if upper.hasPrefix("B-") {
            let parts = upper.dropFirst(2).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let file = GuestFileNumber(String(parts[0])), parts[1].count == 4,
                  parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(parts[1]), year > 0 else { return nil }
            self = .birthday(file, year: year)
            return
        }
        if let callback = CallbackNumber(upper) { self = .callback(callback); return }
        if let ticket = TicketNumber(upper) { self = .complaint(ticket); return }
        return nil
    }

    /// A survey topic as flows name them: 1 to 40 ASCII letters and underscores (`front_desk`).
    static func isTopic(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") }
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
        case .birthday(let file, let year): return (6, year, file.description)
        }
    }
}
