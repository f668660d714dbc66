@testable import Dialogue
import Testing
import TestSupport
import Replay

/// The flows as a graph: what `hotelline graph` draws, checked against the flow text
/// written by hand, not against another reading of the same prompts.
@Suite("The flows as a graph")
struct FlowGraphTests {
    typealias Edge = FlowGraph.Edge

    @Test func everyWayOutOfANodeIsAnEdgeWithWhatTakesIt() {
        let graph = FlowGraph(prompts: CoverageReportTests.tiny)
        #expect(Set(graph.flows) == ["main", "agent"])
        #expect(Set(graph.nodes.map(\.id)) == ["main.start", "main.menu", "main.more", "main.bye", "agent.start", "agent.none"])
        let expected: [Edge] = [
            Edge(from: "main.start", to: "main.menu", kind: .next, label: "", point: nil),
            Edge(from: "main.menu", to: "main.more", kind: .choice, label: "1 book", point: .choice(node: "main.menu", number: "1")),
            Edge(from: "main.more", to: "main.menu", kind: .condition, label: "if main.more", point: .condition(node: "main.more", step: 1, taken: true)),
            Edge(from: "main.more", to: "main.bye", kind: .next, label: "", point: nil),
            Edge(from: "agent.start", to: "agent.none", kind: .result, label: "on queued", point: .result(node: "agent.start", result: "queued")),
            Edge(from: "agent.start", to: "agent.none", kind: .result, label: "on unavailable", point: .result(node: "agent.start", result: "unavailable")),
            Edge(from: "agent.none", to: "main.menu", kind: .next, label: "", point: nil),
        ]
        #expect(Set(graph.edges.map { "\($0)" }) == Set(expected.map { "\($0)" }))
        #expect(graph.edges.count == expected.count)
        let roles = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.role) })
        #expect(roles == ["main.start": .step, "main.menu": .menu, "main.more": .question, "main.bye": .step, "agent.start": .action, "agent.none": .step])
        #expect(graph.nodes.filter(\.ends).map(\.id) == ["main.bye"])
        #expect(graph.nodes.first { $0.id == "main.more" }?.summary == ["ask yesno -> main.more"])
    }

    @Test func theConditionsPointIsTheOneCoverageCounts() {
        // The edge's point must be one of the coverage items, or --coverage would never colour it.
        let prompts = TestPrompts.shipped
        let items = Set(prompts.coverageItems().map(\.point))
        let graph = FlowGraph(prompts: prompts)
        let points = graph.edges.compactMap(\.point)
        #expect(!points.isEmpty)
        #expect(points.allSatisfy { items.contains($0) }, "\(points.filter { !items.contains($0) })")
        let ids = Set(graph.nodes.map(\.id))
        #expect(ids.count == prompts.nodes.count)
        #expect(graph.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        #expect(Set(graph.flows) == ["main", "booking", "manage", "complaint", "callback", "status", "survey", "agent"])
    }

    @Test func dotHasAClusterPerFlowAndQuotesWhatItWrites() {
        let dot = FlowGraphWriter(graph: FlowGraph(prompts: CoverageReportTests.tiny)).dot()
        #expect(dot.hasPrefix("digraph hotelline {\n"))
        #expect(dot.hasSuffix("}\n"))
        #expect(dot.components(separatedBy: "subgraph cluster_").count - 1 == 2)
        #expect(dot.contains("label=\"flow main (Prompts/main.flow)\""))
        #expect(dot.contains("\"main.more\" [label=\"more\\nask yesno -> main.more\", shape=box"))
        #expect(dot.contains("\"main.bye\" [label=\"bye\", shape=ellipse, peripheries=2];"))
        #expect(dot.contains("\"main.start\" -> \"main.menu\";"))
        #expect(dot.contains("\"agent.start\" -> \"agent.none\" [label=\"on unavailable\", color=\"#6d4c41\"];"))
        #expect(!dot.contains("#ffd7d5"), "no coverage, no red")
        #expect(FlowGraphWriter.quoted("say \"hi\" \\ there\nnext\r") == "\"say \\\"hi\\\" \\\\ there\\nnext\"")
    }

    @Test func whatNoTranscriptReachesIsRed() {
        var call = RecordedCall(prompts: CoverageReportTests.tiny)
        call.say("1", "maybe", "no")
        let result = InProcessReplay.run(call.transcript(), prompts: CoverageReportTests.tiny, tracing: true)
        #expect(result.passed)
        let dot = FlowGraphWriter(graph: FlowGraph(prompts: CoverageReportTests.tiny), reached: result.covered).dot()
        // agent.* are never entered; "if main.more" was answered no; choice 1 was taken.
        #expect(dot.contains("the transcripts reach 4 of 6 nodes and 1 of 4 ways out (red: never reached)"))
        #expect(dot.contains("\"agent.start\" [label=\"start\\ndo request-agent\", shape=hexagon, fillcolor=\"#ffd7d5\", color=\"#c62828\""))
        #expect(dot.contains("\"main.menu\" [label=\"menu\\nmenu\", shape=box3d, fillcolor=\"#e3f4e1\"];"))
        #expect(dot.contains("\"main.more\" -> \"main.menu\" [label=\"if main.more\", color=\"#6a1b9a\", style=dashed, color=\"#c62828\""))
        #expect(dot.contains("\"main.menu\" -> \"main.more\" [label=\"1 book\", color=\"#1565c0\"];"))
    }
}
