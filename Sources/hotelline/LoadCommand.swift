import Dialogue
import Glibc
import Switchboard
import Transcript
import Replay

/// `hotelline replay --connect HOST:PORT --concurrency N --duration S FILES…` (and `--echo`,
/// `--ping`): the load driver. Many guests on one event loop replay the transcripts
/// round-robin; prints sessions/s, guest lines/s, latency percentiles and errors, one
/// figure a line (`NAME VALUE`, easy for scripts), and exits 1 if there were errors.
enum LoadCommand {
    /// The options that turn `replay --connect` into a load run.
    static let valued: Set<String> = ["concurrency", "duration", "warmup", "call-lines"]
    static let switches: Set<String> = ["echo", "ping"]

    static func isLoad(_ reader: ArgumentReader) -> Bool {
        !valued.allSatisfy { reader.options[$0] == nil } || !reader.flags.isDisjoint(with: switches)
    }

    static func run(_ reader: ArgumentReader, promptsDirectory: String, promptsGiven: Bool) throws(UsageError) -> Int32 {
        guard let address = reader.options["connect"] else {
            throw UsageError(description: "a load run (--concurrency, --duration, --echo, --ping) needs --connect HOST:PORT")
        }
        for flag in ["accept", "coverage"] where reader.flags.contains(flag) {
            throw UsageError(description: "--\(flag) works in-process only, not in a load run")
        }
        if reader.options["idle-timeout"] != nil {
            throw UsageError(description: "--idle-timeout has no use in a load run: transcripts that wait for silence are skipped")
        }
        let (host, port) = try ReplayCommand.endpoint(address)
        var settings = LoadDriver.Settings(
            host: host, port: port,
            concurrency: try reader.integer("concurrency", default: 100, range: 1...60_000),
            duration: try reader.seconds("duration", default: 10, range: 0.1...86_400))
        settings.warmUp = try reader.seconds("warmup", default: 1, range: 0...3600)
        settings.timeout = try reader.seconds("timeout", default: 5, range: 0.1...3600)
        let echo = reader.flags.contains("echo"), ping = reader.flags.contains("ping")
        let scripts: [CallScript]
        if echo || ping {
            guard !(echo && ping), reader.positional.isEmpty else {
                throw UsageError(description: "--echo and --ping take no transcripts, and not each other")
            }
            let callLines = try reader.options["call-lines"] == nil ? nil : reader.integer("call-lines", default: 1, range: 1...1_000_000)
            guard echo || callLines == nil else { throw UsageError(description: "--call-lines goes with --echo only") }
            scripts = echo ? [CallScript.echo(line: "hello, are you there?", callLines: callLines)] : [CallScript.ping]
        } else {
            guard reader.options["call-lines"] == nil else {
                throw UsageError(description: "--call-lines goes with --echo only: a transcript's calls are as long as it is")
            }
            guard !reader.positional.isEmpty else { throw UsageError(description: "a load run needs transcripts (or --echo, --ping)") }
            let prompts: PromptSet? = try? PromptSet.load(directory: promptsDirectory).get()
            if promptsGiven && prompts == nil {
                Console.error("hotelline replay: the prompts in \(promptsDirectory) have errors (hotelline check \(promptsDirectory) lists them)")
                return 1
            }
            guard let loaded = load(reader.positional, prompts: prompts) else { return 1 }
            scripts = loaded
        }
        ServeCommand.raiseOpenFileLimit(for: settings.concurrency)
        signal(SIGPIPE, SIG_IGN)
        let what = echo ? "echo" + (reader.options["call-lines"].map { " in calls of \($0) lines" } ?? "") : ping ? "PING"
            : "\(scripts.count) transcript(s) round-robin"
        Console.out("load: \(settings.concurrency) guests, \(what), \(formatted(settings.duration)) s against \(address)"
            + (settings.warmUp > 0 ? " (after \(formatted(settings.warmUp)) s not counted)" : ""))
        let showsProgress = isatty(STDERR_FILENO) != 0
        guard let report = drive(scripts, settings, progress: showsProgress) else { return 1 }
        if showsProgress { Console.status("") }
        if let unreachable = report.unreachable {
            Console.error("hotelline replay: \(unreachable)")
            return 1
        }
        print(report)
        return report.errors > 0 ? 1 : 0
    }

    /// Runs the load (outside `run`, whose typed throws the compiler cannot mix with these).
    private static func drive(_ scripts: [CallScript], _ settings: LoadDriver.Settings, progress: Bool) -> LoadDriver.Report? {
        do {
            return try LoadDriver.run(scripts, settings: settings, progress: progress ? { progressLine($0) } : nil)
        } catch {
            Console.error("hotelline replay: \(error)")
            return nil
        }
    }

    /// The transcripts as load scripts; those a guest alone cannot drive are skipped with a
    /// note. Nil (after saying why) when a file is unreadable or nothing is left.
    private static func load(_ paths: [String], prompts: PromptSet?) -> [CallScript]? {
        var scripts: [CallScript] = []
        for item in ReplayRunner.transcripts(in: paths) {
            switch item.flatMap(TranscriptDocument.read) {
            case .failure(let error):
                Console.error("hotelline replay: \(error)")
                return nil
            case .success(let document):
                if let reason = CallScript.refusal(for: document) {
                    Console.out("skipped \(document.fileName): \(reason)")
                    continue
                }
                scripts.append(CallScript(TranscriptImporter.placeholdersForNumbers(in: document, prompts: prompts)))
            }
        }
        guard !scripts.isEmpty else {
            Console.error("hotelline replay: no transcript left to run (a guest alone cannot drive those skipped)")
            return nil
        }
        return scripts
    }

    private static func print(_ report: LoadDriver.Report) {
        let latency = report.latency
        Console.out("""
            sessions/s   \(formatted(report.sessionsPerSecond))
            lines/s      \(formatted(report.linesPerSecond))
            p50 ms       \(milliseconds(latency.percentile(0.50)))
            p90 ms       \(milliseconds(latency.percentile(0.90)))
            p99 ms       \(milliseconds(latency.percentile(0.99)))
            max ms       \(milliseconds(latency.maximum))
            lines        \(report.guestLines) in \(formatted(report.seconds)) s
            errors       \(report.errors)
            """)
        for sample in report.errorSamples { Console.out("  " + sample) }
        if report.errors > report.errorSamples.count { Console.out("  … and \(report.errors - report.errorSamples.count) more") }
    }

    /// Rewrites one stderr line each second (only when stderr is a terminal).
    private static func progressLine(_ progress: LoadDriver.Progress) {
        let phase = progress.isWarmingUp ? "warming up" : "\(Int(progress.elapsed)) s"
        Console.status("\(phase): \(progress.connected) connected, \(formatted(progress.linesPerSecond)) lines/s, "
            + "p99 \(milliseconds(progress.p99Microseconds)) ms, \(progress.errors) errors")
    }

    private static func milliseconds(_ microseconds: UInt64) -> String {
        formatted(Double(microseconds) / 1000, decimals: 2)
    }

    static func formatted(_ value: Double, decimals: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard decimals > 0 else { return String(scaled) }
        let whole = String(scaled / Int(scale))
        let fraction = String(scaled % Int(scale))
        return whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
