import Foundation
import Synchronization
import Telnet
import Testing
import TestSupport
import Transcript
import Reactor
import Replay

/// The load driver against the real line: the load set runs clean, and a reply that
/// differs from a transcript is counted and named by file and line.
@Suite("The load driver", .blocking)
struct LoadDriverTests {
    static func loadSet() throws -> [TranscriptDocument] {
        try ReplayRunner.transcripts(in: [TestPaths.repository + "/Tests/Transcripts/load"]).map { try TranscriptDocument.read(path: try $0.get()).get() }
    }

    /// A short run: a load run hammers the line as hard as it can for its whole duration,
    /// so its length is the suite's CPU. A reply may take as long as a busy machine needs.
    static func settings(port: UInt16, concurrency: Int = 8) -> LoadDriver.Settings {
        LoadDriver.Settings(host: "127.0.0.1", port: port, concurrency: concurrency, duration: 0.1, warmUp: 0, timeout: patience)
    }

    /// Runs again while a run has done too little to show what the test is after (`enough`),
    /// for `patience` seconds at most: one short run on a quiet machine, more on a busy one,
    /// never a longer run for everyone. Returns every run's report, the last one enough;
    /// `enough` sees each report once, as soon as its run ends.
    static func runs(_ scripts: [CallScript], _ settings: LoadDriver.Settings, until enough: (LoadDriver.Report) -> Bool) throws -> [LoadDriver.Report] {
        var reports: [LoadDriver.Report] = []
        var done = false
        try eventually(every: 0) {
            reports.append(try LoadDriver.run(scripts, settings: settings))
            done = enough(reports.last!)
            return done
        }
        #expect(done, "\(reports.count) runs of \(settings.duration) s did not do enough")
        return reports
    }

    @Test func theLoadSetRunsCleanAgainstTheRealLine() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        // A whole call must end inside a run (every call starts at the language screen).
        let settings = Self.settings(port: line.port)
        for report in try Self.runs(try Self.loadSet().map(CallScript.init), settings, until: { $0.sessions > 0 }) {
            #expect(report.errors == 0, "\(report.errorSamples)")
            #expect(report.latency.count == UInt64(report.guestLines), "every line of the load set waits for an answer")
            #expect(report.seconds >= settings.duration)
            if report.sessions > 0 { #expect(report.guestLines > report.sessions) }
        }
    }

    @Test func aReplyThatDiffersIsAnErrorNamingTheTranscriptLine() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        var document = try #require(try Self.loadSet().first)
        let text = document.text.replacingOccurrences(of: "line    2  Report a problem", with: "line    2  Report a problen")
        document = try TranscriptDocument.parse(text, fileName: "changed.txt").get()
        let changed = try #require(document.entries.first { $0.content == .said("  2  Report a problen or make a complaint") }?.line)
        for report in try Self.runs([CallScript(document)], Self.settings(port: line.port), until: { $0.errors > 0 }) {
            #expect(report.sessions == 0)
            guard let sample = report.errorSamples.first else { continue }
            #expect(sample == "changed.txt:\(changed): the line said something else: expected \"  2  Report a problen or make a complaint\", "
                + "got \"  2  Report a problem or make a complaint\"")
            #expect(report.errorSamples.count == 1, "the same error is shown once: \(report.errorSamples)")
        }
    }

    @Test func anEchoRunAgainstTheConversationLineFailsOnTheGreeting() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        for report in try Self.runs([CallScript.echo(line: "hello")], Self.settings(port: line.port), until: { $0.errors > 0 }) {
            #expect(report.guestLines == 0)
            guard let sample = report.errorSamples.first else { continue }
            #expect(sample.hasPrefix("echo: the line said something else: expected \"hello\", got \"  1  English"), "\(report.errorSamples)")
        }
    }

    /// Every line straight back, counting the connections it accepts (the bench's echo).
    final class EchoLine: ListenerDelegate {
        final class Count: Sendable {
            let value = Mutex(0)
        }

        let accepted: Count

        init(accepted: Count) {
            self.accepted = accepted
        }

        func listener(_ server: Listener, didAccept connection: Connection) {
            accepted.value.withLock { $0 += 1 }
        }

        func connection(_ connection: Connection, didReceive input: TypedInput) {
            if case .text(let text) = input { connection.sendText(text) } else { connection.close() }
        }

        func connectionDidClose(_ connection: Connection, reason: CloseReason) {}
        func busyMessage(for server: Listener) -> String { "busy" }
    }

    @Test(arguments: [nil, 3] as [Int?])
    func echoGuestsKeepOneConnectionOrDialAgainEveryCall(callLines: Int?) throws {
        let accepted = EchoLine.Count()
        let (thread, port) = try EventLoopThread.start { [accepted] loop in
            try Listener(loop: loop, host: "127.0.0.1", port: 0, limits: ConnectionSettings(), delegate: EchoLine(accepted: accepted)).localPort
        }
        defer { try? thread.stop() }
        let settings = Self.settings(port: port, concurrency: 4)
        // The connections each run made, read as soon as it ends: reading the count once
        // after every run would give the first run the lot when a busy machine needed two.
        var connectionsInRun: [Int] = []
        let reports = try Self.runs([CallScript.echo(line: "hello", callLines: callLines)], settings, until: { report in
            connectionsInRun.append(accepted.value.withLock { $0 } - connectionsInRun.reduce(0, +))
            return report.guestLines > 20
        })
        #expect(reports.count == connectionsInRun.count)
        for (report, connections) in zip(reports, connectionsInRun) {
            #expect(report.errors == 0, "\(report.errorSamples)")
            if let callLines {
                // Calls still running when the time is up were dialled but not finished.
                #expect(report.sessions * callLines <= report.guestLines)
                #expect(report.guestLines < (report.sessions + 2 * settings.concurrency) * callLines)
                #expect(connections >= report.sessions && connections <= report.sessions + 2 * settings.concurrency)
            } else {
                #expect(report.sessions == 0, "echo guests never hang up")
                #expect(connections == settings.concurrency)
            }
        }
    }
}
