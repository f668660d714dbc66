import Foundation
import Testing
import TestSupport

/// `hotelline replay` as QA runs it: on the suite, after a prompt edit, with --accept.
@Suite("hotelline replay")
struct ReplayCommandTests {
    static let suite = TestPrompts.repository + "/Tests/Transcripts"

    /// A scratch copy of `Prompts/` and of the transcript suite.
    static func copies() throws -> (root: String, prompts: String, transcripts: String) {
        let root = CommandLineTests.temporaryDirectory()
        for (from, to) in [(HotelLineProcess.promptsDirectory, "/Prompts"), (suite, "/Transcripts")] {
            try FileManager.default.copyItem(atPath: from, toPath: root + to)
        }
        return (root, root + "/Prompts", root + "/Transcripts")
    }

    @Test func theSuitePassesAndTheLastLineCountsIt() throws {
        let run = try HotelLineProcess.run(["replay", "--prompts", HotelLineProcess.promptsDirectory, "--coverage", Self.suite])
        #expect(run.status == 0, "\(run.output)")
        let lines = run.output.split(separator: "\n")
        let count = try FileManager.default.contentsOfDirectory(atPath: Self.suite).filter { $0.hasSuffix(".txt") }.count
        #expect(lines.last.map(String.init) == "\(count) passed, 0 failed")
        #expect(lines.filter { $0.hasPrefix("PASS ") }.count == count)
        #expect(lines.contains { $0.hasPrefix("coverage: nodes 100.0%") })
    }

    @Test func anEditedTextFailsExactlyTheTranscriptsThatHearItUntilAccepted() throws {
        let scratch = try Self.copies()
        defer { try? FileManager.default.removeItem(atPath: scratch.root) }
        let messages = scratch.prompts + "/en.messages"
        let old = "What is your room number?", new = "Which room are you staying in?"
        try String(contentsOfFile: messages, encoding: .utf8).replacingOccurrences(of: old, with: new)
            .write(toFile: messages, atomically: true, encoding: .utf8)
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.transcripts).sorted()
        let affected = try names.filter { try String(contentsOfFile: scratch.transcripts + "/" + $0, encoding: .utf8).contains(old) }
        #expect(affected.count >= 2)
        let failing = try HotelLineProcess.run(["replay", "--prompts", scratch.prompts, scratch.transcripts])
        #expect(failing.status == 1)
        let failed = failing.output.split(separator: "\n").filter { $0.hasPrefix("FAIL ") }.map { String($0.split(separator: "/").last!) }
        #expect(failed == affected)
        #expect(failing.output.contains("\n-+") && failing.output.contains("line  \(old)") && failing.output.contains("line  \(new)"))
        #expect(failing.output.hasSuffix("\(names.count - affected.count) passed, \(affected.count) failed\n"))
        let accepting = try HotelLineProcess.run(["replay", "--prompts", scratch.prompts, "--accept", scratch.transcripts])
        #expect(accepting.status == 0, "\(accepting.output)")
        #expect(accepting.output.contains("\(affected.count) accepted"))
        let passing = try HotelLineProcess.run(["replay", "--prompts", scratch.prompts, scratch.transcripts])
        #expect(passing.status == 0)
        #expect(passing.output.hasSuffix("\(names.count) passed, 0 failed\n"))
    }

    @Test func aMalformedTranscriptIsReportedWithFileAndLine() throws {
        let scratch = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let path = scratch + "/broken.txt"
        try "# hotelline transcript 1\n# session s\n# flows f\n# language en\n# started 0\n# utc-offset 0\n+0.0 line  hi\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let run = try HotelLineProcess.run(["replay", "--prompts", HotelLineProcess.promptsDirectory, path, scratch + "/missing.txt"])
        #expect(run.status == 1)
        #expect(run.output == """
            FAIL \(path)
            \(path):7: bad time offset "+0.0": an entry starts with +SECONDS.MILLISECONDS, e.g. +2.131, at most ten years in
            FAIL \(scratch)/missing.txt
            \(scratch)/missing.txt: no such file or directory
            0 passed, 2 failed

            """)
    }

    @Test func anUnreachableServerIsOneClearLine() throws {
        let run = try HotelLineProcess.run(["replay", "--connect", "127.0.0.1:1", Self.suite + "/booking-happy-path.txt"])
        #expect(run.status == 1)
        #expect(run.errors == "hotelline replay: cannot connect to 127.0.0.1:1: connection refused\n")
    }

    @Test func importMakesATestThatPassesAndWillNotOverwriteOne() throws {
        let scratch = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var call = RecordedCall.booking()
        let live = scratch + "/live.txt"
        try call.transcript().text.write(toFile: live, atomically: true, encoding: .utf8)
        let test = scratch + "/Tests/booking.txt"
        let made = try HotelLineProcess.run(["replay", "--prompts", HotelLineProcess.promptsDirectory, "--import", live, "--into", test])
        #expect(made.status == 0, "\(made.errors)")
        #expect(try String(contentsOfFile: test, encoding: .utf8).contains("Your confirmation number is {confirmation}."))
        let again = try HotelLineProcess.run(["replay", "--import", live, "--into", test])
        #expect(again.status == 1)
        #expect(again.errors.contains("\(test) exists; remove it first or choose another name"))
    }

    @Test(arguments: [
        (["replay"], "replay needs transcript files or directories"),
        (["replay", "--accept", "--connect", "127.0.0.1:2323", "x.txt"], "--accept works in-process only, not with --connect"),
        (["replay", "--connect", "localhost", "x.txt"], "--connect needs HOST:PORT, e.g. 127.0.0.1:2323, not \"localhost\""),
        (["replay", "--import", "x.txt"], "--import needs --into FILE"),
        (["replay", "--timeout", "3", "x.txt"], "--timeout goes with --connect"),
    ])
    func mistakesOnTheCommandLineExitTwo(arguments: [String], message: String) throws {
        let run = try HotelLineProcess.run(arguments)
        #expect(run.status == 2)
        #expect(run.errors.contains(message), "stderr was: \(run.errors)")
    }
}
