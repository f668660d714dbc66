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

    static func settings(_ line: RunningLine) -> LoadDriver.Settings {
        LoadDriver.Settings(host: "127.0.0.1", port: line.port, concurrency: 8, duration: 0.5, warmUp: 0, timeout: 3)
    }

    @Test func theLoadSetRunsCleanAgainstTheRealLine() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        // A whole call must end inside the run: a second, as half of one on two cores busy
        // with the other suites did not always see one (every call starts at the language screen).
        var settings = Self.settings(line)
        settings.duration = 1
        let report = try LoadDriver.run(try Self.loadSet().map(CallScript.init), settings: settings)
        #expect(report.errors == 0, "\(report.errorSamples)")
        #expect(report.sessions > 0)
        #expect(report.guestLines > report.sessions)
        #expect(report.latency.count == UInt64(report.guestLines), "every line of the load set waits for an answer")
        #expect(report.seconds >= 1)
    }

    @Test func aReplyThatDiffersIsAnErrorNamingTheTranscriptLine() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        var document = try #require(try Self.loadSet().first)
        let text = document.text.replacingOccurrences(of: "line    2  Report a problem", with: "line    2  Report a problen")
        document = try TranscriptDocument.parse(text, fileName: "changed.txt").get()
        let changed = try #require(document.entries.first { $0.content == .said("  2  Report a problen or make a complaint") }?.line)
        let report = try LoadDriver.run([CallScript(document)], settings: Self.settings(line))
        #expect(report.errors > 0)
        #expect(report.sessions == 0)
        let sample = try #require(report.errorSamples.first)
        #expect(sample == "changed.txt:\(changed): the line said something else: expected \"  2  Report a problen or make a complaint\", "
            + "got \"  2  Report a problem or make a complaint\"")
        #expect(report.errorSamples.count == 1, "the same error is shown once: \(report.errorSamples)")
    }

    @Test func anEchoRunAgainstTheConversationLineFailsOnTheGreeting() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        let report = try LoadDriver.run([CallScript.echo(line: "hello")], settings: Self.settings(line))
        #expect(report.guestLines == 0)
        #expect(report.errorSamples.first?.hasPrefix("echo: the line said something else: expected \"hello\", got \"  1  English") == true,
                "\(report.errorSamples)")
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
        let settings = LoadDriver.Settings(host: "127.0.0.1", port: port, concurrency: 4, duration: 1, warmUp: 0, timeout: 3)
        let report = try LoadDriver.run([CallScript.echo(line: "hello", callLines: callLines)], settings: settings)
        #expect(report.errors == 0, "\(report.errorSamples)")
        #expect(report.guestLines > 20, "a second of echoes, however busy the machine")
        let connections = accepted.value.withLock { $0 }
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
