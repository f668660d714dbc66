import Foundation

/// Graphviz's `dot`, found on PATH and run once per drawing: DOT in on stdin, the
/// drawing out on stdout. Its absence or failure is a sentence the operator can act on.
enum Graphviz {
    /// Why a drawing could not be made.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The first executable `dot` on PATH.
    static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for directory in (path ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func render(_ dot: String, format: String) -> Result<String, Problem> {
        guard let executable = locate() else {
            return .failure(Problem(description: "--format \(format) needs Graphviz's dot, which is not on PATH: install Graphviz "
                + "(apt-get install graphviz), or write --format dot and draw it where Graphviz is"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T\(format)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(Problem(description: "cannot run \(executable): \(error.localizedDescription)"))
        }
        // dot reads the whole graph before it draws, so it takes all of the input before it
        // writes a byte: writing first cannot leave both sides waiting on a full pipe.
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(dot.utf8))
        try? input.fileHandleForWriting.close()
        let drawn = (try? output.fileHandleForReading.readToEnd()) ?? Data()
        let complaint = (try? errors.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: complaint, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(Problem(description: "\(executable) -T\(format) failed (exit \(process.terminationStatus))" + (said.isEmpty ? "" : ": \(said)")))
        }
        return .success(String(decoding: drawn, as: UTF8.self))
    }
}
