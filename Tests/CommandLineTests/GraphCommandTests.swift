import Foundation
import Testing
import TestSupport

/// `hotelline graph` as a reviewer runs it: DOT from the line, SVG from Graphviz where it
/// is installed (`.ci/run` installs it), and one clear line for each mistake.
@Suite("hotelline graph", .blocking)
struct GraphCommandTests {
    static let prompts = HotelLineProcess.promptsDirectory
    static let transcript = TestPaths.repository + "/Tests/Transcripts/booking-happy-path.txt"

    @Test func dotHasEveryFlowOfTheShippedPrompts() throws {
        let run = try HotelLineProcess.run(["graph", Self.prompts])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("digraph hotelline {"))
        let flows = try FileManager.default.contentsOfDirectory(atPath: Self.prompts).filter { $0.hasSuffix(".flow") }
        #expect(run.output.components(separatedBy: "subgraph cluster_").count - 1 == flows.count)
        for flow in flows { #expect(run.output.contains("label=\"flow \(flow.dropLast(5)) (")) }
    }

    @Test func svgIsGraphvizsDrawingWithWhatTheTranscriptMissedInRed() throws {
        let run = try HotelLineProcess.run(["graph", Self.prompts, "--format", "svg", "--coverage", Self.transcript])
        guard Self.graphvizIsInstalled else {
            #expect(run.status == 1)
            #expect(run.errors.contains("needs Graphviz's dot, which is not on PATH"))
            return
        }
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("<svg") && run.output.hasSuffix("</svg>\n"))
        #expect(run.output.contains("the transcripts reach "))
        #expect(run.output.contains("fill=\"#ffd7d5\""), "one booking leaves most of the line unreached")
        #expect(run.output.contains("<title>booking.save</title>"))
    }

    @Test func withoutGraphvizSvgSaysWhatToInstall() throws {
        let run = try HotelLineProcess.run(["graph", Self.prompts, "--format", "svg"], environment: ["PATH": "/nonexistent"])
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains("hotelline graph: --format svg needs Graphviz's dot, which is not on PATH: install Graphviz (apt-get install graphviz)"))
    }

    @Test func mistakesOnTheCommandLineSayWhatWasMeant() throws {
        let format = try HotelLineProcess.run(["graph", "--format", "sgv"])
        #expect(format.status == 2)
        #expect(format.errors.contains("--format is dot or svg, not \"sgv\" (did you mean \"svg\"?)"))
        let two = try HotelLineProcess.run(["graph", Self.prompts, Self.prompts])
        #expect(two.status == 2 && two.errors.contains("graph takes one directory of prompt files, not 2"))
        let flag = try HotelLineProcess.run(["graph", "--coverag", "x"])
        #expect(flag.status == 2 && flag.errors.contains("unknown option --coverag"))
    }

    @Test func badPromptsAndMissingTranscriptsAreOneClearProblem() throws {
        let missing = try HotelLineProcess.run(["graph", "/nonexistent/prompts"])
        #expect(missing.status == 1 && missing.output.isEmpty)
        #expect(missing.errors.contains("no such directory of prompt files"))
        let root = TestPaths.temporaryDirectory("graph")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: Self.prompts, toPath: root + "/Prompts")
        let flow = root + "/Prompts/main.flow"
        let text = try String(contentsOfFile: flow, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("goto ") }! + 1
        let target = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        try text.replacingOccurrences(of: String(target), with: "  goto nowhere_at_all").write(toFile: flow, atomically: true, encoding: .utf8)
        let broken = try HotelLineProcess.run(["graph", root + "/Prompts"])
        #expect(broken.status == 1 && broken.output.isEmpty)
        #expect(broken.errors.contains("main.flow:\(line): "), "\(broken.errors)")
        let noTranscripts = try HotelLineProcess.run(["graph", Self.prompts, "--coverage", root + "/none"])
        #expect(noTranscripts.status == 1)
        #expect(noTranscripts.errors.contains("--coverage \(root)/none: no such file or directory of transcripts"))
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        let empty = try HotelLineProcess.run(["graph", Self.prompts, "--coverage", root + "/empty"])
        #expect(empty.status == 1 && empty.errors.contains("holds no transcripts"), "\(empty.errors)")
    }

    @Test func aFailingTranscriptIsRefusedRatherThanColouredWrongly() throws {
        let root = TestPaths.temporaryDirectory("graph")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let text = try String(contentsOfFile: Self.transcript, encoding: .utf8)
        try text.replacingOccurrences(of: "Thank you", with: "Thanks ever so much").write(toFile: root + "/changed.txt", atomically: true, encoding: .utf8)
        #expect(text.contains("Thank you"))
        let run = try HotelLineProcess.run(["graph", Self.prompts, "--coverage", root + "/changed.txt"])
        #expect(run.status == 1 && run.output.isEmpty)
        #expect(run.errors.contains("FAIL \(root)/changed.txt"))
        #expect(run.errors.contains("hotelline graph: 0 passed, 1 failed: a failing transcript would colour the graph wrongly"))
    }

    static var graphvizIsInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/dot")
        }
    }
}
