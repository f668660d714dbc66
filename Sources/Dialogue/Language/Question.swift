/// The typed answers a flow can ask for. Each validates and normalises what the guest types.
public enum AnswerKind: String, Sendable, CaseIterable {
    /// A calendar day: `24 Dec`, `2026-12-24`, `24/12/2026`, `tomorrow`; `3 nights` after `after=`.
    case date
    /// A day and time for a call: `tomorrow 10am`, `15:30`, `now`.
    case moment
    /// A whole number within `min`…`max`.
    case number
    case phone
    case email
    case yesno
    /// 1–5 by default.
    case rating
    /// 0–10 ("how likely are you to recommend us").
    case score
    /// Free text, `min`…`max` characters.
    case text
    /// A person's name: letters, spaces, apostrophes, hyphens, dots.
    case name
    /// A short code such as a room number: letters and digits.
    case code
    /// One of the hotel's room types, by number or name.
    case room
    /// A number the line gave out earlier (confirmation, ticket), by its letter `prefix`.
    case reference
    /// A guest file number: the arrival date as `YYMMDD` and a serial (`261224001`).
    case file

    /// Options this kind understands, besides `optional`.
    var options: Set<String> {
        switch self {
        case .date: return ["from", "to", "after", "max-nights"]
        case .moment: return ["within", "to"]
        case .number, .rating, .text: return ["min", "max"]
        case .name, .code: return ["max"]
        case .reference: return ["prefix"]
        case .phone, .email, .yesno, .score, .room, .file: return []
        }
    }
}

/// `ask KIND VARIABLE option=value… [optional]`: what the node waits for and how it is checked.
public struct Question: Sendable {
    public var kind: AnswerKind
    public var variable: String
    /// The guest may skip with a "skip" word (`none`, `skip`, `no`); the variable is then cleared.
    public var isOptional: Bool = false
    public var minimum: Int?
    public var maximum: Int?
    /// Earliest and latest day allowed, counted from today (dates), or latest day (moments).
    public var fromDays: Int?
    public var toDays: Int?
    /// A date variable this date must follow; enables answers like `3 nights`.
    public var after: String?
    public var maxNights: Int?
    /// The moment must fall inside the hotel's callback hours.
    public var withinCallbackHours: Bool = false
    public var prefix: String?

    public init(kind: AnswerKind, variable: String) {
        self.kind = kind
        self.variable = variable
    }

    /// The bounds a number-like answer is held to, after the kind's defaults.
    var bounds: ClosedRange<Int> {
        switch kind {
        case .rating: return (minimum ?? 1)...(maximum ?? 5)
        case .score: return 0...10
        case .number: return (minimum ?? 0)...(maximum ?? 999)
        case .text: return (minimum ?? 1)...(maximum ?? 500)
        case .name: return 1...(maximum ?? 80)
        case .code: return 1...(maximum ?? 8)
        default: return (minimum ?? 0)...(maximum ?? Int.max)
        }
    }
}
