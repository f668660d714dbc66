/// The flows of a prompt set as a graph, for the people who review a change to the line:
/// one node per flow node, one edge per way out of it (a `goto`, each menu choice, each
/// result of a `do`, each `if`), grouped by flow.
///
/// Every edge that coverage counts carries its `CoveragePoint`, so a replay run's points
/// say which nodes and ways out the transcripts never reach. `FlowGraphWriter` turns it
/// into DOT; nothing here knows Graphviz.
public struct FlowGraph: Sendable {
    /// What a node does when the conversation enters it, for its label and shape.
    public enum Role: Sendable, Equatable {
        /// It asks the guest for a value (`ask`).
        case question
        /// It offers numbered choices.
        case menu
        /// It asks the line to do something and branches on the result.
        case action
        /// It waits for a person (`hold`).
        case hold
        /// It only speaks, sets and moves on.
        case step
    }

    /// One flow node.
    public struct Node: Sendable, Equatable {
        /// `flow.node`, unique in the graph.
        public var id: String
        public var flow: String
        public var name: String
        public var location: SourceLocation
        public var role: Role
        /// What it does, one short line per step worth reading (`ask date -> booking.checkin`).
        public var summary: [String]
        /// It hangs up (`end`).
        public var ends: Bool
    }

    /// One way out of a node.
    public struct Edge: Sendable, Equatable {
        /// How the conversation takes this way out.
        public enum Kind: Sendable, Equatable {
            case next
            case choice
            case result
            case condition
        }

        public var from: String
        public var to: String
        public var kind: Kind
        /// `1 book`, `on saved`, `if booking.rooms > 3`; empty for a plain `goto`.
        public var label: String
        /// What coverage counts when this way is taken; nil for a `goto`, which is reached
        /// whenever its node is.
        public var point: CoveragePoint?
    }

    /// Flow names in the order their first node was written.
    public let flows: [String]
    public let nodes: [Node]
    public let edges: [Edge]

    public init(prompts: PromptSet) {
        var flows: [String] = []
        var nodes: [Node] = []
        var edges: [Edge] = []
        for node in prompts.nodes {
            if !flows.contains(node.flow) { flows.append(node.flow) }
            let id = node.qualifiedName
            var summary: [String] = []
            var role = Role.step
            var ends = false
            func edge(_ target: Int, _ kind: Edge.Kind, _ label: String, _ point: CoveragePoint?) {
                edges.append(Edge(from: id, to: prompts.nodes[target].qualifiedName, kind: kind, label: label, point: point))
            }
            for (index, step) in node.steps.enumerated() {
                switch step {
                case .ask(let question):
                    role = node.isHold ? .hold : .question
                    summary.append("ask \(question.kind.rawValue) -> \(question.variable)")
                case .menu:
                    role = node.isHold ? .hold : .menu
                    summary.append(node.into.map { "menu -> \($0)" } ?? "menu")
                    for choice in node.choices {
                        let word = choice.aliases.first.map { " \($0)" } ?? ""
                        edge(choice.target, .choice, choice.number + word, .choice(node: id, number: choice.number))
                    }
                case .perform(let action, let targets):
                    role = .action
                    summary.append("do \(action.rawValue)")
                    for result in action.results {
                        guard let target = targets[result] else { continue }
                        edge(target, .result, "on \(result)", .result(node: id, result: result))
                    }
                case .branch(let condition, let target):
                    edge(target, .condition, "if \(PromptSet.describe(condition))", .condition(node: id, step: index, taken: true))
                case .goto(let target):
                    edge(target, .next, "", nil)
                case .end:
                    ends = true
                case .set(let variable, let value):
                    summary.append("set \(variable) = \(value)")
                case .clear(let variable):
                    summary.append("clear \(variable)")
                case .say:
                    break
                }
            }
            nodes.append(Node(id: id, flow: node.flow, name: node.name, location: node.location, role: role, summary: summary, ends: ends))
        }
        self.flows = flows
        self.nodes = nodes
        self.edges = edges
    }
}
