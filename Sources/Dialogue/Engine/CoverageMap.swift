/// Something a set of calls can exercise: a node, or one way out of a decision.
///
/// Branches are menu choices, action results, a wrong answer at each question, both ways
/// of each `if`, and what the engine does anywhere: global commands, the offer of a person
/// taken or declined, silence, and each refusal or line-problem text a guest can meet.
public enum CoveragePoint: Hashable, Sendable {
    case node(String)
    case choice(node: String, number: String)
    case result(node: String, result: String)
    /// At least one wrong answer at the question or menu of `node`.
    case refused(node: String)
    case condition(node: String, step: Int, taken: Bool)
    case command(GlobalCommand)
    case offerAnswered(accepted: Bool)
    case noInput(goodbye: Bool)
    /// A refusal or line-problem text was said (`invalid.date.past`, `line.too_long`).
    case message(String)
    /// The call's language was chosen or changed this way (a line of several languages).
    case languageChange(Conversation.LanguageChange)

    public var isNode: Bool { if case .node = self { true } else { false } }

    /// The points a trace point counts for.
    public static func points(for trace: TracePoint) -> [CoveragePoint] {
        switch trace {
        case .entered(let node): return [.node(node)]
        case .choice(let node, let number): return [.choice(node: node, number: number)]
        case .refused(let node, let key): return [.refused(node: node), .message(key)]
        case .result(let node, let result): return [.result(node: node, result: result)]
        case .condition(let node, let step, let taken): return [.condition(node: node, step: step, taken: taken)]
        case .command(let command): return [.command(command)]
        case .offeredPerson: return []  // counted by how the guest answers the offer
        case .offerAnswered(let accepted): return [.offerAnswered(accepted: accepted)]
        case .noInput(let goodbye): return [.noInput(goodbye: goodbye)]
        case .lineProblem(let key): return [.message(key)]
        case .language(_, let how): return [.languageChange(how)]
        }
    }
}

/// One thing coverage counts, with where it is written: a prompt file and the line of its
/// node, or no file for what the engine does anywhere.
public struct CoverageItem: Hashable, Sendable {
    public var point: CoveragePoint
    /// The prompt file (`Prompts/booking.flow`), or nil for engine-wide behaviour.
    public var file: String?
    public var line: Int
    /// Readable, e.g. `booking.checkout: if booking.fixing -> booking.check (not taken)`.
    public var title: String
}

extension PromptSet {
    /// Every node and branch of these prompts, in file order, then the engine-wide ones.
    public func coverageItems() -> [CoverageItem] {
        var items: [CoverageItem] = []
        var messages: [String] = []
        for node in nodes {
            let name = node.qualifiedName
            func add(_ point: CoveragePoint, _ title: String) {
                items.append(CoverageItem(point: point, file: node.location.file, line: node.location.line, title: "\(name): \(title)"))
            }
            items.append(CoverageItem(point: .node(name), file: node.location.file, line: node.location.line, title: "node \(name)"))
            for (index, step) in node.steps.enumerated() {
                switch step {
                case .branch(let condition, let target):
                    let text = "if \(Self.describe(condition)) -> \(nodes[target].qualifiedName)"
                    add(.condition(node: name, step: index, taken: true), text + " (taken)")
                    add(.condition(node: name, step: index, taken: false), text + " (not taken)")
                case .ask(let question):
                    add(.refused(node: name), "a wrong answer (ask \(question.kind.rawValue))")
                    messages += question.rejectionKeys
                case .menu:
                    add(.refused(node: name), "a wrong answer (menu)")
                    messages.append("invalid.choice")
                    for choice in node.choices {
                        add(.choice(node: name, number: choice.number), "choice \(choice.number) -> \(nodes[choice.target].qualifiedName)")
                    }
                case .perform(let action, _):
                    for result in action.results { add(.result(node: name, result: result), "do \(action.rawValue): on \(result)") }
                case .say(let key, let condition?):
                    let text = "say \(key) if \(Self.describe(condition))"
                    add(.condition(node: name, step: index, taken: true), text + " (said)")
                    add(.condition(node: name, step: index, taken: false), text + " (not said)")
                case .say(_, nil), .set, .clear, .goto, .end:
                    break
                }
            }
        }
        func global(_ point: CoveragePoint, _ title: String) {
            items.append(CoverageItem(point: point, file: nil, line: 0, title: title))
        }
        // The language command has something to do only on a line of several languages.
        for command in GlobalCommand.allCases where command != .language || languages.count > 1 {
            global(.command(command), "global command \(command.rawValue)")
        }
        if languages.count > 1 {
            for how in Conversation.LanguageChange.allCases { global(.languageChange(how), "language: \(how.title)") }
        }
        global(.offerAnswered(accepted: true), "offer of a person after wrong answers: accepted")
        global(.offerAnswered(accepted: false), "offer of a person after wrong answers: declined")
        global(.noInput(goodbye: false), "silence: asked if still there")
        global(.noInput(goodbye: true), "silence: goodbye")
        var seen: Set<String> = []
        for key in messages + ["line.too_long", "line.unreadable", "line.control"] where seen.insert(key).inserted {
            global(.message(key), "message \(key)")
        }
        return items
    }

    static func describe(_ condition: Condition) -> String {
        (condition.negated ? "not " : "") + condition.variable + (condition.comparison.map { " \($0.0.rawValue) \($0.1)" } ?? "")
    }
}

extension Conversation.LanguageChange {
    /// How coverage names it.
    var title: String {
        switch self {
        case .screen: "chosen on the language screen"
        case .switched: "switched mid-call"
        case .onFile: "taken from the caller's file"
        }
    }
}
