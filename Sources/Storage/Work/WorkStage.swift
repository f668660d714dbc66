/// Where an item on a work list stands. Each list has its own stages; `isDone` says
/// whether anything is still owed.
public enum WorkStage: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Still to do: a callback not yet made, a revisit, an arrival or an opinion not yet worked.
    case waiting
    /// A callback tried without an answer, to be tried again.
    case retrying
    case reached
    /// A callback tried as often as the hotel allows, never answered.
    case unreachable
    case wrongNumber = "wrong-number"
    /// A complaint as it came in, not yet looked into.
    case received
    case investigating
    case resolved
    case signedOff = "signed-off"
    /// A complaint signed off whose guest has been called back.
    case revisited
    case closed
    case declined
    case surveyed
    case confirmed
    case answered

    public var description: String { rawValue }

    public var isDone: Bool {
        switch self {
        case .waiting, .retrying, .received, .investigating, .resolved, .signedOff, .revisited: return false
        case .reached, .unreachable, .wrongNumber, .closed, .declined, .surveyed, .confirmed, .answered: return true
        }
    }

    /// The stage a new item of `list` starts in.
    static func first(on list: WorkList) -> WorkStage {
        switch list {
        case .complaints: return .received
        case .callbacks, .revisits, .arrivals, .feedback: return .waiting
        }
    }
}
