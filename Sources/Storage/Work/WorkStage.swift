/// Where an item on a work list stands. Each list has its own stages; `isDone` says
/// whether anything is still owed.
public enum WorkStage: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Still to do: a callback not yet made, a revisit, an arrival, an opinion or a birthday
    /// card not yet worked.
    case waiting
    /// A callback tried without an answer, to be tried again.
    case retrying
    /// A callback made and answered.
    case reached
    /// A callback tried as often as the hotel allows, never answered.
    case unreachable
    /// A callback whose number was not the guest's.
    case wrongNumber = "wrong-number"
    /// A complaint as it came in, not yet looked into.
    case received
    /// A complaint someone is looking into.
    case investigating
    /// A complaint put right, with the result the guest will hear; waiting for sign-off.
    case resolved
    /// A complaint whose result the department's head or a supervisor accepted.
    case signedOff = "signed-off"
    /// A complaint signed off whose guest has been called back.
    case revisited
    /// A complaint finished with.
    case closed
    /// A revisit call the guest did not want to answer.
    case declined
    /// A revisit call whose survey the guest answered.
    case surveyed
    /// An arrival confirmed with the guest.
    case confirmed
    /// An opinion the department answered.
    case answered
    /// A birthday card sent.
    case sent

    public var description: String { rawValue }

    public var isDone: Bool {
        switch self {
        case .waiting, .retrying, .received, .investigating, .resolved, .signedOff, .revisited: return false
        case .reached, .unreachable, .wrongNumber, .closed, .declined, .surveyed, .confirmed, .answered, .sent: return true
        }
    }

    /// The stage a new item of `list` starts in.
    static func first(on list: WorkList) -> WorkStage {
        switch list {
        case .complaints: return .received
        case .callbacks, .revisits, .arrivals, .feedback, .birthdays: return .waiting
        }
    }
}
