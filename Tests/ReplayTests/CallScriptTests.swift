import Testing
import TestSupport
import Transcript
import Replay

@Suite("Call scripts and the latency histogram")
struct CallScriptTests {
    static let suite = TestPaths.repository + "/Tests/Transcripts"

    static func document(_ name: String) throws -> TranscriptDocument {
        try TranscriptDocument.read(path: suite + "/" + name).get()
    }

    @Test func aTranscriptBecomesOneStepPerGuestLineAfterTheGreeting() throws {
        let document = try Self.document("main-menu-help-repeat-back.txt")
        let script = CallScript(document)
        let typed = document.entries.filter { if case .typed = $0.content { true } else { false } }.count
        #expect(script.guestLineCount == typed)
        #expect(script.name == document.fileName)
        #expect(CallScript.refusal(for: document) == nil)
    }

    @Test func silenceClosingAndAgentsAreRefusedWithTheLineThatNeedsThem() throws {
        let silent = try Self.document("silence-goodbye.txt")
        #expect(CallScript.refusal(for: silent)?.hasPrefix("waits for the idle timeout (event no input, line ") == true)
        let closing = try Self.document("closing-during-a-call.txt")
        #expect(CallScript.refusal(for: closing)?.hasPrefix("needs the server to stop") == true)
        let agent = try Self.document("agent-hangs-up.txt")
        let joined = try #require(agent.entries.first { if case .event(.agentJoined) = $0.content { true } else { false } })
        #expect(CallScript.refusal(for: agent) == "needs an agent at the console (event agent joined, line \(joined.line))")
    }

    @Test func theLoadSetStartsNoActionAndNeedsNoSilence() throws {
        let paths = ReplayRunner.transcripts(in: [Self.suite + "/load"])
        #expect(paths.count >= 4)
        for path in paths {
            let document = try TranscriptDocument.read(path: try path.get()).get()
            #expect(CallScript.refusal(for: document) == nil)
            #expect(!document.entries.contains { if case .event(.outcome) = $0.content { true } else { false } }, "\(document.fileName)")
        }
    }

    @Test func percentilesAreWithinThreePercentAndNeverBelowTheTruth() {
        var histogram = LatencyHistogram()
        for value in 1...100_000 { histogram.record(microseconds: UInt64(value)) }
        #expect(histogram.count == 100_000)
        #expect(histogram.maximum == 100_000)
        for (fraction, truth) in [(0.5, 50_000.0), (0.9, 90_000.0), (0.99, 99_000.0)] {
            let found = Double(histogram.percentile(fraction))
            #expect(found >= truth && found <= truth * 1.03, "p\(fraction * 100) \(found), truth \(truth)")
        }
        #expect(histogram.percentile(1) == 100_000)
        var small = LatencyHistogram()
        for value: UInt64 in [3, 3, 7, 63] { small.record(microseconds: value) }
        #expect(small.percentile(0.5) == 3, "exact below 64 µs")
        #expect(small.percentile(1) == 63)
        #expect(LatencyHistogram().percentile(0.99) == 0)
    }

    @Test func histogramsMerge() {
        var first = LatencyHistogram(), second = LatencyHistogram()
        first.record(microseconds: 10)
        second.record(microseconds: 1_000_000)
        first.merge(second)
        #expect(first.count == 2)
        #expect(first.maximum == 1_000_000)
        #expect(first.percentile(0.5) == 10)
    }
}
