/// Writes a `FlowGraph` in Graphviz's DOT language: one cluster per flow, labelled with its
/// file; node shapes by what a node does; edges labelled with the choice, result or
/// condition that takes them.
///
/// Given what a replay run reached, it marks what was never reached in red (a node filled,
/// a way out drawn dashed) and says the figures in the graph's title. The text is the same
/// for the same prompts and coverage, so a review can diff two graphs.
public struct FlowGraphWriter: Sendable {
    public var graph: FlowGraph
    /// What the transcripts reached, or nil for a plain graph.
    public var reached: Set<CoveragePoint>?

    public init(graph: FlowGraph, reached: Set<CoveragePoint>? = nil) {
        self.graph = graph
        self.reached = reached
    }

    static let missedColour = "#c62828"
    static let missedFill = "#ffd7d5"
    static let reachedFill = "#e3f4e1"

    public func dot() -> String {
        var out = "digraph hotelline {\n"
        out += "  graph [fontname=\"Helvetica\", fontsize=12, rankdir=TB, nodesep=0.3, ranksep=0.45, labelloc=t"
        out += ", label=\(Self.quoted(title))];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=\"#ffffff\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for (index, flow) in graph.flows.enumerated() {
            let members = graph.nodes.filter { $0.flow == flow }
            let file = members.first.map { " (\($0.location.file))" } ?? ""
            out += "  subgraph cluster_\(index) {\n"
            out += "    label=\(Self.quoted("flow \(flow)\(file)")); style=rounded; color=\"#9e9e9e\";\n"
            for node in members { out += "    " + line(for: node) + "\n" }
            out += "  }\n"
        }
        for edge in graph.edges { out += "  " + line(for: edge) + "\n" }
        out += "}\n"
        return out
    }

    private var title: String {
        guard let reached else { return "HotelLine flows" }
        let nodes = graph.nodes.filter { reached.contains(.node($0.id)) }.count
        let counted = graph.edges.compactMap(\.point)
        let ways = counted.filter { reached.contains($0) }.count
        return "HotelLine flows: the transcripts reach \(nodes) of \(graph.nodes.count) nodes and \(ways) of \(counted.count) ways out (red: never reached)"
    }

    private func line(for node: FlowGraph.Node) -> String {
        let label = ([node.name] + node.summary).joined(separator: "\n")
        var attributes = ["label=\(Self.quoted(label))", "shape=\(Self.shape(node.role))"]
        if node.role == .question || node.role == .hold { attributes.append("style=\"rounded,filled\"") }
        if node.ends { attributes.append("peripheries=2") }
        if let reached {
            if reached.contains(.node(node.id)) {
                attributes.append("fillcolor=\"\(Self.reachedFill)\"")
            } else {
                attributes += ["fillcolor=\"\(Self.missedFill)\"", "color=\"\(Self.missedColour)\"", "fontcolor=\"\(Self.missedColour)\""]
            }
        }
        return "\(Self.quoted(node.id)) [\(attributes.joined(separator: ", "))];"
    }

    private func line(for edge: FlowGraph.Edge) -> String {
        var attributes: [String] = []
        if !edge.label.isEmpty { attributes.append("label=\(Self.quoted(edge.label))") }
        switch edge.kind {
        case .next: break
        case .choice: attributes.append("color=\"#1565c0\"")
        case .result: attributes.append("color=\"#6d4c41\"")
        case .condition: attributes.append("color=\"#6a1b9a\"")
        }
        if let reached, let point = edge.point, !reached.contains(point) {
            attributes += ["style=dashed", "color=\"\(Self.missedColour)\"", "fontcolor=\"\(Self.missedColour)\""]
        }
        let tail = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
        return "\(Self.quoted(edge.from)) -> \(Self.quoted(edge.to))\(tail);"
    }

    static func shape(_ role: FlowGraph.Role) -> String {
        switch role {
        case .question, .hold: "box"
        case .menu: "box3d"
        case .action: "hexagon"
        case .step: "ellipse"
        }
    }

    /// A DOT string: quotes and backslashes escaped, each line of the text centred.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
