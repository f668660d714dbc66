import Storage

/// A console command on the work lists: see a list or an item, take one, record a step.
///
/// Items are named as the lists show them (`C1000033`, `T1000041`, `V-T1000041`,
/// `A-R1000017`, `F-S1000025-food`, `B-261224001-2027`).
public enum WorkCommand: Equatable, Sendable {
    /// A list, oldest due first; open items only unless `all`.
    case list(WorkList, all: Bool)
    /// Everything assigned to the agent, or passed to them as a department's head.
    case mine
    /// One item in full, with its guest's phone and its history (audited).
    case show(WorkItemID)
    /// The agent takes the item: it is theirs to work until they drop it.
    case take(WorkItemID)
    case drop(WorkItemID)
    /// A supervisor gives the item to an agent.
    case assign(WorkItemID, to: String)
    /// An outcome, a note, a state change.
    case step(WorkItemID, WorkAction, String?)
    /// A revisit call's survey, asked at the console from the survey flow.
    case survey(WorkItemID)

    /// The words that start a work command, and the step each step word records.
    static let listWords: [String: WorkList] = ["callbacks": .callbacks, "complaints": .complaints, "revisits": .revisits,
                                                "arrivals": .arrivals, "feedback": .feedback, "birthdays": .birthdays]
    static let stepWords: [String: WorkAction] = [
        "reached": .reached, "no-answer": .noAnswer, "wrong-number": .wrongNumber, "investigate": .investigate, "resolve": .resolve,
        "signoff": .signOff, "sign-off": .signOff, "close": .close, "declined": .declined, "confirm": .confirmed, "needs": .needs,
        "route": .route, "card": .card,
    ]
    /// Steps that need words after the item.
    static let needsText: Set<WorkAction> = [.reached, .resolve, .needs, .route, .answer, .note]
    static let words = Array(listWords.keys) + Array(stepWords.keys) + ["mine", "show", "drop", "assign", "survey"]

    var needsSupervisor: Bool {
        switch self {
        case .assign: return true
        case .list, .mine, .show, .take, .drop, .step, .survey: return false
        }
    }

    /// Reads the rest of a line after a work word; nil when `word` is not one.
    static func parse(_ word: String, _ rest: String) -> Result<WorkCommand, ConsoleCommand.Problem>? {
        if let list = listWords[word] {
            switch rest.lowercased() {
            case "": return .success(.list(list, all: false))
            case "all": return .success(.list(list, all: true))
            default: return .failure(.init(message: "\(word) lists what is open; \"\(word) all\" lists done items too"))
            }
        }
        let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
        let text = parts.count > 1 ? String(parts[1].trimmingSpacesAndTabs()) : nil
        func item() -> Result<WorkItemID, ConsoleCommand.Problem> {
            guard let first = parts.first else {
                return .failure(.init(message: "\(word) needs an item as the lists show it (for example: \(word) C1000033)"))
            }
            guard let id = WorkItemID(first) else {
                return .failure(.init(message: "\"\(ConsoleText.safe(first))\" is no work item: write it as the lists show it "
                                      + "(C1000033, T1000041, V-T1000041, A-R1000017, F-S1000025-food, B-261224001-2027)"))
            }
            return .success(id)
        }
        switch word {
        case "mine": return rest.isEmpty ? .success(.mine) : .failure(.init(message: "mine takes nothing after it"))
        case "show", "drop", "survey":
            return item().flatMap { id in
                guard text == nil else { return .failure(.init(message: "\(word) takes only the item")) }
                switch word {
                case "show": return .success(.show(id))
                case "drop": return .success(.drop(id))
                default: return .success(.survey(id))
                }
            }
        case "assign":
            return item().flatMap { id in
                guard let agent = text?.lowercased(), AgentRoster.isValidID(agent) else {
                    return .failure(.init(message: "assign needs the item and an agent ID (for example: assign C1000033 mei)"))
                }
                return .success(.assign(id, to: agent))
            }
        default:
            guard let action = stepWords[word] else { return nil }
            return item().flatMap { id in step(id, action, text, word: word) }
        }
    }

    /// `note ITEM TEXT`, `take ITEM`: the call commands of the same word when followed by an item.
    /// `take ITEM`, `note ITEM TEXT`, `answer ITEM TEXT`: the call commands of the same word
    /// (`take 17`, `note TEXT`, `/answer TEXT`) when followed by a work item. A `take` of
    /// something that is neither a call nor an item is answered as an item.
    static func parseItemForm(_ word: String, _ rest: String) -> Result<WorkCommand, ConsoleCommand.Problem>? {
        guard word == "take" || word == "note" || word == "answer" else { return nil }
        let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first else { return nil }
        guard let id = WorkItemID(first) else {
            let looksLikeItem = word == "take" && first.first.map { $0.isLetter } == true
            return looksLikeItem ? .failure(.init(message: "\"\(ConsoleText.safe(first))\" is no call and no work item: take 17 takes call 17, "
                                                + "take C1000033 an item as the lists show it")) : nil
        }
        let text = parts.count > 1 ? String(parts[1].trimmingSpacesAndTabs()) : nil
        switch word {
        case "take": return text == nil ? .success(.take(id)) : .failure(.init(message: "take takes only the item"))
        case "answer": return step(id, .answer, text, word: word)
        default: return text.map { .success(.step(id, .note, $0)) }
        }
    }

    private static func step(_ id: WorkItemID, _ action: WorkAction, _ text: String?, word: String) -> Result<WorkCommand, ConsoleCommand.Problem> {
        if needsText.contains(action), text?.isEmpty ?? true {
            let example: String
            switch action {
            case .reached: example = "reached \(id) explained the bill; the guest is happy"
            case .resolve: example = "resolve \(id) the shower was repaired and the night refunded"
            case .needs: example = "needs \(id) cot in the room, vegetarian"
            case .route: example = "route \(id) housekeeping"
            case .answer: example = "answer \(id) new pillows are ordered for every room"
            default: example = "note \(id) left a message"
            }
            return .failure(.init(message: "\(word) needs words after the item (for example: \(example))"))
        }
        return .success(.step(id, action, text))
    }
}
