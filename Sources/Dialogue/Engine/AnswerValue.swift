import HotelCalendar

/// A value a conversation holds in a variable: a normalised answer, or a fact an action
/// reported back (a confirmation number, the nights of a stay).
public enum AnswerValue: Equatable, Sendable {
    case text(String)
    case number(Int)
    case rating(Int)
    case flag(Bool)
    case date(CivilDate)
    case moment(LocalMoment)
    /// A callback window: the day and the times it opens and closes.
    case window(LocalMoment, LocalMoment)
    case phone(PhoneNumber)
    case email(EmailAddress)
    /// A menu choice stored `into` a variable: its value word and the text key of its label.
    case choice(value: String, label: String)
    case room(String)
    case rooms([String])
    case money(Int)
    /// An expected wait, spoken in minutes; nil when there is nothing to go on yet.
    case wait(seconds: Double?)

    /// How a condition sees the value: only `no`, zero and empty text count as false.
    var isTruthy: Bool {
        switch self {
        case .flag(let value): return value
        case .number(let value), .rating(let value), .money(let value): return value != 0
        case .text(let value): return !value.isEmpty
        case .rooms(let codes): return !codes.isEmpty
        default: return true
        }
    }

    /// The value compared against a flow literal (`if complaint.category = security`).
    func matches(_ literal: Literal) -> Bool {
        switch (self, literal) {
        case (.flag(let a), .flag(let b)): return a == b
        case (.number(let a), .number(let b)), (.rating(let a), .number(let b)), (.money(let a), .number(let b)): return a == b
        case (.choice(let value, _), .word(let word)), (.text(let value), .word(let word)), (.room(let value), .word(let word)):
            return value.lowercased() == word.lowercased()
        case (.choice(let value, _), .number(let number)), (.text(let value), .number(let number)): return value == String(number)
        default: return false  // `.variable` literals are compared by the conversation, which holds the values
        }
    }

    var integer: Int? {
        switch self {
        case .number(let value), .rating(let value), .money(let value): return value
        default: return nil
        }
    }
}
