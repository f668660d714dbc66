import Foundation
import Testing
import TestSupport

/// `hotelline replay` as QA runs it: on the suite, after a prompt edit, with --accept.
@Suite("hotelline replay", .blocking)
struct ReplayCommandTests {
    static let suite = TestPaths.repository + "/Tests/Transcripts"

    /// A scratch copy of `Prompts/` and of the suite's transcripts `names` (paths relative
    /// to the suite, folders kept).
    static func copies(of names: [String]) throws -> (root: String, prompts: String, transcripts: String) {
        let root = TestPaths.temporaryDirectory("cli")
        try FileManager.default.copyItem(atPath: HotelLineProcess.promptsDirectory, toPath: root + "/Prompts")
        for name in names {
            let copy = root + "/Transcripts/" + name
            try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: suite + "/" + name, toPath: copy)
        }
        return (root, root + "/Prompts", root + "/Transcripts")
    }

    /// Every transcript under `directory` (the load set is a folder of its own), as paths
    /// relative to it, sorted as replay sorts them.
    static func transcripts(in directory: String) -> [String] {
        (FileManager.default.subpaths(atPath: directory) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test func theSuitePassesAndTheLastLineCountsIt() throws {
        let run = try HotelLineProcess.run(["replay", "--prompts", HotelLineProcess.promptsDirectory, "--coverage", Self.suite])
        #expect(run.status == 0, "\(run.output)")
        let lines = run.output.split(separator: "\n")
        let count = Self.transcripts(in: Self.suite).count
        #expect(lines.last.map(String.init) == "\(count) passed, 0 failed")
        #expect(lines.filter { $0.hasPrefix("PASS ") }.count == count)
        #expect(lines.contains { $0.hasPrefix("coverage: nodes 100.0%") })
    }

    @Test func anEditedTextFailsExactlyTheTranscriptsThatHearItUntilAccepted() throws {
        let old = "What is your room number?", new = "Which room are you staying in?"
        // The transcripts that hear the text, one in ten of the others, and the load set in its
        // folder: that the whole suite passes is the test above.
        let scratch = try Self.copies(of: Self.transcripts(in: Self.suite).enumerated().filter { index, name in
            try index % 10 == 0 || name.hasPrefix("load/") || String(contentsOfFile: Self.suite + "/" + name, encoding: .utf8).contains(old)
        }.map(\.element))
        defer { try? FileManager.default.removeItem(atPath: scratch.root) }
        let messages = scratch.prompts + "/en.messages"
        try String(contentsOfFile: messages, encoding: .utf8).replacingOccurrences(of: old, with: new)
            .write(toFile: messages, atomically: true, encoding: .utf8)
        let names = Self.transcripts(in: scratch.transcripts)
        let affected = try names.filter { try String(contentsOfFile: scratch.transcripts + "/" + $0, encoding: .utf8).contains(old) }
        #expect(affected.count >= 2 && names.count >= affected.count + 10 && names.contains { $0.hasPrefix("load/") }, "\(names)")
        let failing = try HotelLineProcess.run(["replay", "--prompts", scratch.prompts, scratch.transcripts])
        #expect(failing.status == 1)
        let failed = failing.output.split(separator: "\n").filter { $0.hasPrefix("FAIL ") }.map { String($0.dropFirst("FAIL ".count + scratch.transcripts.count + 1)) }
        #expect(failed == affected)
        #expect(failing.output.contains("\n-+") && failing.output.contains("line  \(old)") && failing.output.contains("line  \(new)"))
        #expect(failing.output.hasSuffix("\(names.count - affected.count) passed, \(affected.count) failed\n"))
        // One as the server writes them (0600), one as a checkout has them (0644): each keeps its own.
        let mode: (String) throws -> Int = { try (FileManager.default.attributesOfItem(atPath: scratch.transcripts + "/" + $0)[.posixPermissions] as? Int) ?? -1 }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: scratch.transcripts + "/" + affected[0])
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: scratch.transcripts + "/" + affected[1])
        let contents = { (name: String) in FileManager.default.contents(atPath: scratch.transcripts + "/" + name) }
        let untouched = names.filter { !affected.contains($0) }.map { ($0, contents($0)) }
        let accepting = try HotelLineProcess.run(["replay", "--prompts", scratch.prompts, "--accept", scratch.transcripts])
        #expect(accepting.status == 0, "\(accepting.output)")
        #expect(accepting.output.contains("\(affected.count) accepted"))
        #expect(try mode(affected[0]) == 0o600 && mode(affected[1]) == 0o644)
        // The accepted transcripts pass now; every other one, which passed above, is as it was
        // byte for byte (so it still passes: a second replay of the whole suite proved no more).
        #expect(untouched.allSatisfy { contents($0.0) == $0.1 }, "only the failing transcripts are rewritten")
        let passing = try HotelLineProcess.run(["replay", "--prompts", scratch.prompts] + affected.map { scratch.transcripts + "/" + $0 })
        #expect(passing.status == 0)
        #expect(passing.output.hasSuffix("\(affected.count) passed, 0 failed\n"))
    }

    @Test func aLoadRunPrintsOneFigureALineAndExitsZeroWithoutErrors() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", HotelLineProcess.promptsDirectory])
        defer { _ = server.stop() }
        let run = try HotelLineProcess.run([
            // Short (a load run is as much CPU as it is long), and patient with a busy machine.
            "replay", "--connect", "127.0.0.1:\(server.port)", "--concurrency", "4", "--duration", "0.1", "--warmup", "0",
            "--timeout", String(Int(patience)), Self.suite + "/load", Self.suite + "/silence-goodbye.txt",
        ])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        let names = run.output.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["skipped", "load:", "sessions/s", "lines/s", "p50", "p90", "p99", "max", "lines", "errors"], "\(run.output)")
        #expect(run.output.contains("skipped \(Self.suite)/silence-goodbye.txt: waits for the idle timeout (event no input, line 23)"))
        #expect(run.output.contains("load: 4 guests, 4 transcript(s) round-robin, 0.1 s against 127.0.0.1:\(server.port)\n"))
        #expect(run.output.hasSuffix("\nerrors       0\n"))
        #expect(run.errors.isEmpty, "no progress line when stderr is not a terminal")
    }

    @Test func aLoadRunNeedsAServerAndEchoOrPingTakeNoTranscripts() throws {
        let alone = try HotelLineProcess.run(["replay", "--concurrency", "10", Self.suite])
        #expect(alone.status == 2)
        #expect(alone.errors.hasPrefix("hotelline: a load run (--concurrency, --duration, --echo, --ping) needs --connect HOST:PORT\n"))
        let echo = try HotelLineProcess.run(["replay", "--connect", "127.0.0.1:9", "--echo", Self.suite])
        #expect(echo.status == 2)
        #expect(echo.errors.hasPrefix("hotelline: --echo and --ping take no transcripts, and not each other\n"))
        for (arguments, message) in [
            (["--echo", "--call-lines", "0"], "--call-lines must be a whole number from 1 to 1000000, not \"0\""),
            (["--echo", "--call-lines", "lots"], "--call-lines must be a whole number from 1 to 1000000, not \"lots\""),
            (["--ping", "--call-lines", "19"], "--call-lines goes with --echo only"),
            (["--call-lines", "19", Self.suite], "--call-lines goes with --echo only: a transcript's calls are as long as it is"),
        ] {
            let run = try HotelLineProcess.run(["replay", "--connect", "127.0.0.1:9"] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.errors.hasPrefix("hotelline: \(message)\n"), "\(run.errors)")
        }
    }

    @Test func aMalformedTranscriptIsReportedWithFileAndLine() throws {
        let scratch = TestPaths.temporaryDirectory("cli")
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
        // A load run says the same at once, instead of a minute of refused connects as figures.
        let started = Date()
        let load = try HotelLineProcess.run(["replay", "--connect", "127.0.0.1:1", "--concurrency", "3", "--duration", "60",
                                             Self.suite + "/load"])
        #expect(load.status == 1)
        #expect(load.errors == "hotelline replay: cannot connect to 127.0.0.1:1: connection refused\n")
        #expect(!load.output.contains("lines/s"), "no figures for a run that never connected")
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func importMakesATestThatPassesAndWillNotOverwriteOne() throws {
        let scratch = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var call = RecordedCall.booking()
        let live = scratch + "/live.txt"
        try call.transcript().text.write(toFile: live, atomically: true, encoding: .utf8)
        let test = scratch + "/Tests/booking.txt"
        let made = try HotelLineProcess.run(["replay", "--prompts", HotelLineProcess.promptsDirectory, "--import", live, "--into", test])
        #expect(made.status == 0, "\(made.errors)")
        #expect(try String(contentsOfFile: test, encoding: .utf8).contains("Your confirmation number is {confirmation}."))
        #expect(try FileManager.default.attributesOfItem(atPath: test)[.posixPermissions] as? Int == 0o600, "guest data, as its source")
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

