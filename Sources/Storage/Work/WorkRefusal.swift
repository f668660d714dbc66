import HotelCalendar

/// Why a step was not taken, in words for the agent.
public enum WorkRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The item owes nothing any more.
    case done(WorkItemID, WorkStage)
    /// The step is not one of this list's (`investigate` on a callback).
    case notOnList(WorkAction, WorkList)
    /// The step comes at another stage (`sign off` before the complaint is resolved).
    case wrongStage(WorkItemID, WorkAction, WorkStage, needs: [WorkStage])
    /// The step needs words (a note, a result, an answer).
    case needsText(WorkAction)
    /// A callback tried without an answer is tried again only once its retry is due.
    case notYet(WorkItemID, due: WallTime)
    /// No record makes this item (no such callback; a stay not departed has no revisit).
    case unknown(WorkItemID)

    public var description: String {
        switch self {
        case .done(let id, let stage): return "\(id) is \(stage) already: nothing is owed on it"
        case .notOnList(let action, let list): return "\"\(action)\" is not a step on the \(list) list"
        case .wrongStage(let id, let action, let stage, let needs):
            return "\(id) is \(stage): \"\(action)\" comes when it is " + needs.map(\.description).joined(separator: " or ")
        case .needsText(let action): return "\"\(action)\" needs words to keep"
        case .notYet(let id, let due): return "\(id) is tried again from \(due.utcText) (the retry interval), not before"
        case .unknown(let id): return "\(id): no such item"
        }
    }
}
