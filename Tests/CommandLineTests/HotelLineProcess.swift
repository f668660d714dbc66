import TestSupport
import Foundation
import Glibc

/// The built `hotelline` binary, run as a child process the way an operator runs it.
final class HotelLineProcess {
    /// `HOTELLINE_BINARY` (another build, say the release one), or the one next to
    /// the test bundle in the build directory (`swift test` builds it first).
    static let binary: String = {
        if let given = ProcessInfo.processInfo.environment["HOTELLINE_BINARY"] { return given }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("hotelline").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("hotelline").path
    }()

    static let promptsDirectory = TestPaths.prompts

    /// The shipped prompts as a line of English alone (`languages = en`, en.messages the one
    /// catalog; the flows and hotel.conf as shipped), for commands that read the prompts only
    /// for hotel.conf (`stays` and `plan`: the policy, the hotel's clock, the work rules): the
    /// set compiles in a third of the time, and the suite starts dozens of such commands.
    /// Made once per test process, removed at its exit.
    static let hotelSettingsPrompts: String = {
        let copy = TestPaths.temporaryDirectory("english-prompts")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: promptsDirectory)) ?? []
        where !name.hasSuffix(".messages") || name == "en.messages" {
            var text = (try? String(contentsOfFile: promptsDirectory + "/" + name, encoding: .utf8)) ?? ""
            if name == "hotel.conf" {
                text = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix("languages = ") ? "languages = en" : String($0) }.joined(separator: "\n")
            }
            try? text.write(toFile: copy + "/" + name, atomically: true, encoding: .utf8)
        }
        atexit { try? FileManager.default.removeItem(atPath: HotelLineProcess.hotelSettingsPrompts) }
        return copy
    }()

    struct Finished {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs to completion (with a generous guard, `patience`), with `input` (if given) on
    /// standard input, and collects both streams.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String]? = nil, timeout: TimeInterval = patience) throws -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        let stdin = input.map { _ in Pipe() }
        if let stdin { process.standardInput = stdin }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let stdin, let input {
            // A command that exits before it reads (a usage error) closes the pipe: the write
            // must fail with EPIPE, not raise SIGPIPE, which ends the whole test process.
            signal(SIGPIPE, SIG_IGN)
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let deadline = Date().addingTimeInterval(timeout)
        // `readToEnd()` throws where `readDataToEndOfFile()` traps: a failed read fails
        // this test instead of taking the whole test process down.
        let outData = try out.fileHandleForReading.readToEnd() ?? Data()
        let errData = try err.fileHandleForReading.readToEnd() ?? Data()
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Finished(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                        errors: String(decoding: errData, as: UTF8.self))
    }

    let process: Process
    let port: UInt16
    /// The agent console's port, from the second listening line.
    let agentPort: UInt16
    /// The wallboard's port, from the third, when `--wallboard-port` asked for one.
    let wallboardPort: UInt16?
    private let errors: Pipe
    /// What the server wrote to stderr that `waitForLog` has read already.
    private var logSoFar = Data()

    /// Starts `serve` and waits for its listening line. The line looks round twenty times a
    /// second (`--round 0.05`, as `RunningLine` does), so what a test hands it through the data
    /// directory (an unlock, an edited roster) is taken on in tens of milliseconds, not a second.
    init(serve arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--guest-port", "0", "--agent-port", "0", "--round", "0.05"] + arguments
        let out = Pipe()
        errors = Pipe()
        process.standardOutput = out
        process.standardError = errors
        try process.run()
        var line = Data()
        let deadline = Date().addingTimeInterval(patience)
        let descriptor = out.fileHandleForReading.fileDescriptor
        let listeners = arguments.contains("--wallboard-port") ? 3 : 2
        while line.count(where: { $0 == UInt8(ascii: "\n") }) < listeners, deadline.timeIntervalSinceNow > 0 {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got <= 0 { break }
            line += chunk[..<got]
        }
        let text = String(decoding: line, as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        let first = lines.first ?? "", second = lines.dropFirst().first ?? ""
        guard first.hasPrefix("guest line listening on 127.0.0.1:"),
              let port = UInt16(first.split(separator: ":").last!.trimmingCharacters(in: .whitespacesAndNewlines)),
              second.hasPrefix("agent console listening on "),
              let agentPort = UInt16(second.split(separator: ":").last!.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no listening lines, got: \(text)"])
        }
        self.port = port
        self.agentPort = agentPort
        let third = lines.dropFirst(2).first ?? ""
        wallboardPort = third.hasPrefix("wallboard listening on 127.0.0.1:") ? UInt16(third.split(separator: ":").last!) : nil
        if listeners == 3 && wallboardPort == nil {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no wallboard listening line, got: \(text)"])
        }
    }

    /// Reads the server's stderr until `text` appears; false if it has not after `timeout`
    /// seconds (or the server exited), so a test waits for what it checks, not for a guess.
    func waitForLog(containing text: String, timeout: TimeInterval = patience) -> Bool {
        let needle = Data(text.utf8)
        _ = readLog(until: Date().addingTimeInterval(timeout)) { $0.range(of: needle) != nil }
        return logSoFar.range(of: needle) != nil
    }

    /// Reads stderr into `logSoFar` until `enough` says so, the end of the stream (true) or
    /// the deadline (false).
    private func readLog(until deadline: Date, enough: (Data) -> Bool = { _ in false }) -> Bool {
        let descriptor = errors.fileHandleForReading.fileDescriptor
        while !enough(logSoFar) {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return false }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(left * 1000) + 1) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard got > 0 else { return true }
            logSoFar += chunk[..<got]
        }
        return true
    }

    /// Kills the server if it still runs: for a `defer`, so a test that throws half-way
    /// leaves no server behind (a stopped one is left alone: its PID may be another's now).
    func stopIfRunning() {
        if process.isRunning { _ = stop(with: SIGKILL) }
    }

    /// Sends `signal` and waits for the exit status; `errors` is all the server wrote to
    /// stderr. A server still running `patience` seconds later is killed (its status then says so).
    func stop(with signal: Int32 = SIGTERM) -> (status: Int32, errors: String) {
        kill(process.processIdentifier, signal)
        // Read stderr to its end (the server's exit) while waiting, so a chatty server is
        // never stuck writing to a full pipe.
        if !readLog(until: Date().addingTimeInterval(patience)) { kill(process.processIdentifier, SIGKILL) }
        let rest = (try? errors.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: logSoFar + rest, as: UTF8.self))
    }
}
