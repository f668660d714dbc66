import Dialogue
import Foundation
import Reactor
import Transcript

/// `hotelline replay` without the command line: replays transcript files and directories
/// in-process (or over TCP), prints `PASS path` or `FAIL path` and the first divergence
/// for each, rewrites failing files with `accept`, and collects coverage.
///
/// The caller prints `summary` last and exits 1 when `failed > 0`.
public struct ReplayRunner {
    public let prompts: PromptSet?
    /// Rewrite the expected output of files that fail (in-process only).
    public var accept = false
    /// Collects coverage of `prompts` when set (in-process only).
    public var coverage: CoverageReport?
    public private(set) var passed = 0
    public private(set) var failed = 0
    public private(set) var accepted = 0
    /// Transcripts replayed (for the coverage report).
    public private(set) var replayed = 0
    private let print: (String) -> Void

    /// - Parameters:
    ///   - prompts: the prompts to replay against; over TCP they only help place placeholders.
    ///   - print: receives each line of the report.
    public init(prompts: PromptSet?, print: @escaping (String) -> Void) {
        self.prompts = prompts
        self.print = print
    }

    /// `N passed, N failed`: the last line of a run.
    public var summary: String { "\(passed) passed, \(failed) failed" }

    /// Every transcript under `paths`: files as given, directories searched for `*.txt`
    /// (sorted); a path that does not exist comes back as an error.
    public static func transcripts(in paths: [String]) -> [Result<String, TranscriptError>] {
        paths.flatMap { path -> [Result<String, TranscriptError>] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return [.failure(TranscriptError(file: path, line: 0, "no such file or directory"))]
            }
            guard isDirectory.boolValue else { return [.success(path)] }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") } ?? []
            return found.sorted().map { .success(base + "/" + $0) }
        }
    }

    /// Replays each transcript in-process against `prompts`.
    public mutating func replay(_ paths: [String]) {
        guard let prompts else { preconditionFailure("Invalid runner: replaying in-process needs the prompts") }
        for item in Self.transcripts(in: paths) {
            guard let document = read(item) else { continue }
            replayed += 1
            let result = InProcessReplay.run(document, prompts: prompts, tracing: coverage != nil)
            coverage?.add(result.covered, byLanguage: result.coveredByLanguage)
            guard let divergence = result.divergence else {
                pass(document.fileName)
                continue
            }
            print("FAIL \(document.fileName)")
            print(divergence.report)
            guard accept else {
                failed += 1
                continue
            }
            guard result.canAccept else {
                print("not accepted: the actions differ, so the call must be recorded again")
                failed += 1
                continue
            }
            do {
                // A transcript holds what a guest said: the rewrite keeps the file's own
                // permissions (0600 as the server writes them), not the umask's 0644.
                let permissions = (try? FileManager.default.attributesOfItem(atPath: document.fileName)[.posixPermissions]) ?? 0o600
                try TranscriptRewriter.rewrite(document, outputs: result.outputs, promptsVersion: prompts.version)
                    .write(toFile: document.fileName, atomically: true, encoding: .utf8)
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: document.fileName)
                print("accepted: the expected output of \(document.fileName) is rewritten (review it with git diff)")
                accepted += 1
                passed += 1
            } catch {
                print("not accepted: cannot write \(document.fileName): \(error.localizedDescription)")
                failed += 1
            }
        }
    }

    /// Replays each transcript against the server at `host:port`, one after another, with
    /// its numbers as placeholders. Returns the reason when the server cannot be reached
    /// (and stops there).
    public mutating func replay(_ paths: [String], host: String, port: UInt16, timeouts: RemoteReplayer.Settings) throws -> String? {
        let loop = try EventLoop()
        defer { loop.close() }
        let replayer = RemoteReplayer(loop: loop)
        for item in Self.transcripts(in: paths) {
            guard let document = read(item) else { continue }
            replayed += 1
            let verdict = try replayer.replay(TranscriptImporter.placeholdersForNumbers(in: document, prompts: prompts), host: host, port: port,
                                              timeouts: timeouts)
            switch verdict {
            case .passed:
                pass(document.fileName)
            case .failed(let divergence):
                print("FAIL \(document.fileName)")
                print(divergence.report)
                failed += 1
            case .unreachable(let reason):
                return reason
            }
        }
        return nil
    }

    private mutating func read(_ item: Result<String, TranscriptError>) -> TranscriptDocument? {
        switch item.flatMap(TranscriptDocument.read) {
        case .success(let document):
            return document
        case .failure(let error):
            print("FAIL \(error.file)")
            print(error.description)
            failed += 1
            return nil
        }
    }

    private mutating func pass(_ file: String) {
        print("PASS \(file)")
        passed += 1
    }
}
