import Testing
import TestSupport
import Transcript
import Replay

/// CI's guard on the prompts: every recorded call in `Tests/Transcripts/` must still be
/// answered exactly as recorded, and together they must reach every node (in every language
/// the hotel declares) and nearly every branch of `Prompts/`.
@Suite("The transcript suite")
struct TranscriptSuiteTests {
    @Test func everyTranscriptReplaysAndTheSuiteCoversThePrompts() {
        var report: [String] = []
        var runner = ReplayRunner(prompts: TestPrompts.shipped) { report.append($0) }
        runner.coverage = CoverageReport(prompts: TestPrompts.shipped)
        runner.replay([TestPaths.repository + "/Tests/Transcripts"])
        let coverage = runner.coverage!
        print(coverage.text(transcripts: runner.replayed))
        print(runner.summary)
        #expect(runner.replayed >= 40, "the suite has at least 40 transcripts")
        #expect(runner.failed == 0, "\(report.filter { !$0.hasPrefix("PASS ") }.joined(separator: "\n"))")
        #expect(coverage.nodes.hit == coverage.nodes.total, "every node: \(coverage.summary)")
        #expect(coverage.languages == ["en", "zh-Hant", "zh-Hans", "es"])
        for language in coverage.languages {
            #expect(coverage.nodes(in: language).hit == coverage.nodes.total, "every node in \(language): \(coverage.summary)")
        }
        #expect(coverage.branches.hit * 10 >= coverage.branches.total * 9, "90% of branches: \(coverage.summary)")
    }
}
