import Foundation

/// The built `hotelline` binary, run as a child process the way an operator runs it.
struct HotelLineProcess {
    /// `HOTELLINE_BINARY` (the release build, for `Scripts/crash-test`), or the one next to
    /// the test bundle in the build directory (`swift test` builds it first).
    static let binary: String = {
        if let given = ProcessInfo.processInfo.environment["HOTELLINE_BINARY"] { return given }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("hotelline").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("hotelline").path
    }()

    static let promptsDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("Prompts").path
    }()

    struct Finished {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs to completion (with a generous guard), with `input` (if given) on standard
    /// input, and collects both streams.
    static func run(_ arguments: [String], input: String? = nil, timeout: TimeInterval = 20) throws -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        let stdin = input.map { _ in Pipe() }
        if let stdin { process.standardInput = stdin }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let stdin, let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
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
    private let errors: Pipe

    /// Starts `serve` and waits for its listening line.
    init(serve arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--guest-port", "0", "--agent-port", "0"] + arguments
        let out = Pipe()
        errors = Pipe()
        process.standardOutput = out
        process.standardError = errors
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        guard first.hasPrefix("guest line listening on 127.0.0.1:"),
              let port = UInt16(first.split(separator: ":").last!.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no listening line, got: \(text)"])
        }
        self.port = port
    }

    /// Sends `signal` and waits for the exit status.
    func stop(with signal: Int32 = SIGTERM) -> (status: Int32, errors: String) {
        kill(process.processIdentifier, signal)
        let text = String(decoding: (try? errors.fileHandleForReading.readToEnd()) ?? Data(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
