import Dialogue
import Foundation
import Switchboard
import Transcript
import Replay

/// `hotelline replay FILE|DIR…`: replays transcripts against the current prompts (or a
/// running server), one `PASS`/`FAIL` per file, the last line `N passed, N failed`.
enum ReplayCommand {
    static let valued: Set<String> = ["prompts", "connect", "timeout", "idle-timeout", "import", "into"]
    static let switches: Set<String> = ["accept", "coverage", "help"]

    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: valued.union(LoadCommand.valued), switches: switches.union(LoadCommand.switches))
        if reader.flags.contains("help") {
            print(Usage.replay)
            return 0
        }
        let promptsGiven = reader.options["prompts"] != nil
        let promptsDirectory = try reader.directory("prompts", default: "Prompts")
        if LoadCommand.isLoad(reader) {
            guard reader.options["import"] == nil, reader.options["into"] == nil else {
                throw UsageError(description: "--import makes a test; it does not go with a load run")
            }
            return try LoadCommand.run(reader, promptsDirectory: promptsDirectory, promptsGiven: promptsGiven)
        }
        if let source = reader.options["import"] {
            guard let destination = reader.options["into"] else { throw UsageError(description: "--import needs --into FILE (where the test goes)") }
            guard reader.positional.isEmpty, reader.options["connect"] == nil, !reader.flags.contains("accept") else {
                throw UsageError(description: "--import takes one transcript and --into, nothing else")
            }
            guard let prompts = load(promptsDirectory) else { return 1 }
            return importing(source, into: destination, prompts: prompts)
        }
        guard reader.options["into"] == nil else { throw UsageError(description: "--into goes with --import FILE") }
        guard !reader.positional.isEmpty else { throw UsageError(description: "replay needs transcript files or directories") }
        var runner: ReplayRunner
        if let address = reader.options["connect"] {
            for flag in ["accept", "coverage"] where reader.flags.contains(flag) {
                throw UsageError(description: "--\(flag) works in-process only, not with --connect")
            }
            let (host, port) = try endpoint(address)
            let timeouts = RemoteReplayer.Settings(line: try reader.seconds("timeout", default: 5, range: 0.1...3600),
                                                   idle: try reader.seconds("idle-timeout", default: 60, range: 0...86_400))
            let prompts: PromptSet? = promptsGiven ? load(promptsDirectory) : try? PromptSet.load(directory: promptsDirectory).get()
            if promptsGiven && prompts == nil { return 1 }
            runner = ReplayRunner(prompts: prompts, print: Console.out)
            do {
                if let reason = try runner.replay(reader.positional, host: host, port: port, timeouts: timeouts) {
                    Console.error("hotelline replay: cannot connect to \(address): \(reason)")
                    return 1
                }
            } catch {
                Console.error("hotelline replay: \(error)")
                return 1
            }
        } else {
            for name in ["timeout", "idle-timeout"] where reader.options[name] != nil {
                throw UsageError(description: "--\(name) goes with --connect")
            }
            guard let prompts = load(promptsDirectory) else { return 1 }
            runner = ReplayRunner(prompts: prompts, print: Console.out)
            runner.accept = reader.flags.contains("accept")
            if reader.flags.contains("coverage") { runner.coverage = CoverageReport(prompts: prompts) }
            runner.replay(reader.positional)
            if let coverage = runner.coverage { Console.out(coverage.text(transcripts: runner.replayed)) }
        }
        if runner.accepted > 0 { Console.out("\(runner.accepted) accepted: review the rewritten files (git diff) before committing") }
        Console.out(runner.summary)
        return runner.failed > 0 ? 1 : 0
    }

    /// `hotelline replay --import LIVE --into TEST`: a recorded call becomes a test.
    private static func importing(_ source: String, into destination: String, prompts: PromptSet) -> Int32 {
        let document: TranscriptDocument
        switch TranscriptDocument.read(path: source) {
        case .success(let read): document = read
        case .failure(let error):
            Console.error(error.description)
            return 1
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            Console.error("hotelline replay: \(destination) exists; remove it first or choose another name")
            return 1
        }
        switch TranscriptImporter.makeTest(from: document, prompts: prompts) {
        case .failure(let divergence):
            Console.out("FAIL \(source)")
            Console.out(divergence.report)
            Console.error("hotelline replay: not imported: the prompts no longer answer as when this call was recorded; record it again")
            return 1
        case .success(let text):
            do {
                let directory = (destination as NSString).deletingLastPathComponent
                if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
                try text.write(toFile: destination, atomically: true, encoding: .utf8)
                // Guest data, like the transcript it came from: 0600, not the umask's 0644.
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: destination)
            } catch {
                Console.error("hotelline replay: cannot write \(destination): \(error.localizedDescription)")
                return 1
            }
            Console.out("imported \(source) as \(destination); it replays PASS")
            return 0
        }
    }

    private static func load(_ directory: String) -> PromptSet? {
        switch PromptSet.load(directory: directory) {
        case .success(let prompts): return prompts
        case .failure(let errors):
            Console.error("hotelline replay: the prompts in \(directory) have errors (hotelline check \(directory) lists them):\n\(errors)")
            return nil
        }
    }

    /// `HOST:PORT`, `[::1]:PORT`.
    static func endpoint(_ text: String) throws(UsageError) -> (String, UInt16) {
        guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]), port > 0 else {
            throw UsageError(description: "--connect needs HOST:PORT, e.g. 127.0.0.1:2323, not \"\(text)\"")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw UsageError(description: "--connect needs HOST:PORT, e.g. 127.0.0.1:2323, not \"\(text)\"") }
        return (host, port)
    }
}
