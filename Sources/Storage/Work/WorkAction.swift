/// What a step does to its item.
public enum WorkAction: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Given to an agent (`text`: the agent ID), or given back (`text` nil).
    case assign = 1
    /// A note kept on the item (`text`).
    case note = 2
    /// A callback made: the guest answered (`text`: what was said).
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
    /// A birthday card sent to the guest (`text`: how, if said).
    case card = 17

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
        case .card: return "card-sent"
        }
    }
}
