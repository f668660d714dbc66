import Dialogue
import Foundation
import Replay
import Switchboard

/// `hotelline graph [DIR] --format dot|svg [--coverage TRANSCRIPTS]`: the flows as a graph
/// on stdout. DOT is written here; SVG is Graphviz's `dot` drawing that DOT, where it is
/// installed. Exit 1 when the prompts have errors, a transcript fails, or `dot` is missing
/// or fails; 2 for a mistake on the command line.
enum GraphCommand {
    static let formats = ["dot", "svg"]

    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["format", "coverage"], switches: ["help"])
        if reader.flags.contains("help") {
            print(Usage.graph)
            return 0
        }
        guard reader.positional.count <= 1 else {
            throw UsageError(description: "graph takes one directory of prompt files, not \(reader.positional.count)")
        }
        let format = reader.options["format"] ?? "dot"
        guard formats.contains(format) else {
            throw UsageError(description: "--format is dot or svg, not \"\(format)\"" + Spelling.hint(for: format, among: formats))
        }
        let directory = reader.positional.first ?? "Prompts"
        let prompts: PromptSet
        switch PromptSet.load(directory: directory) {
        case .success(let loaded): prompts = loaded
        case .failure(let errors):
            Console.error("hotelline graph: the prompts in \(directory) have errors (hotelline check \(directory) lists them):\n\(errors)")
            return 1
        }
        var reached: Set<CoveragePoint>?
        if let transcripts = reader.options["coverage"] {
            guard FileManager.default.fileExists(atPath: transcripts) else {
                Console.error("hotelline graph: --coverage \(transcripts): no such file or directory of transcripts")
                return 1
            }
            var runner = ReplayRunner(prompts: prompts) { line in
                if !line.hasPrefix("PASS ") { Console.error(line) }
            }
            runner.coverage = CoverageReport(prompts: prompts)
            runner.replay([transcripts])
            guard runner.failed == 0 else {
                Console.error("hotelline graph: \(runner.summary): a failing transcript would colour the graph wrongly; fix it first (hotelline replay)")
                return 1
            }
            guard runner.replayed > 0 else {
                Console.error("hotelline graph: --coverage \(transcripts) holds no transcripts (*.txt)")
                return 1
            }
            reached = runner.coverage?.hit
        }
        let dot = FlowGraphWriter(graph: FlowGraph(prompts: prompts), reached: reached).dot()
        guard format == "svg" else {
            Console.write(dot)
            return 0
        }
        switch Graphviz.render(dot, format: "svg") {
        case .success(let svg):
            Console.write(svg)
            return 0
        case .failure(let problem):
            Console.error("hotelline graph: \(problem)")
            return 1
        }
    }
}
