import Dialogue
import Foundation
import Reactor

/// The prompts as files: a prompt directory (`Prompts/`) read from disk and compiled.
/// Dialogue itself never touches a file.
extension PromptSet {
    /// The compiled prompts, or every diagnostic when they do not compile. Warnings come back
    /// with a successful set in `PromptSet.warnings`.
    public static func load(directory: String) -> Result<PromptSet, PromptErrors> {
        let sources: [PromptSource]
        do {
            sources = try read(directory: directory)
        } catch {
            return .failure(error)
        }
        let (prompts, diagnostics) = PromptSet.compileOrReuse(sources)
        guard let prompts else { return .failure(PromptErrors(diagnostics.filter { $0.severity == .error })) }
        return .success(prompts)
    }

    /// The compiled prompts, refused also when a text could not be sent to a caller within
    /// `connections` (its longest is past what `maxOutputBytes` leaves for one answer, with
    /// every value at the longest line a guest may send): the check `hotelline check
    /// --max-output` makes, and `serve` refuses to start (or reload) on.
    public static func load(directory: String, fitting connections: ConnectionSettings) -> Result<PromptSet, PromptErrors> {
        load(directory: directory).flatMap { prompts in
            let errors = prompts.answerSizeErrors(connections)
            return errors.isEmpty ? .success(prompts) : .failure(PromptErrors(errors))
        }
    }

    /// The texts too long to be sent to a caller within `connections`.
    public func answerSizeErrors(_ connections: ConnectionSettings) -> [PromptDiagnostic] {
        answerSizeErrors(maxAnswerBytes: connections.maxAnswerBytes, valueBytes: connections.maxLineBytes,
                         limit: "--max-output \(connections.maxOutputBytes)")
    }

    /// Every regular file of `directory`, named as the operator wrote the directory.
    public static func read(directory: String) throws(PromptErrors) -> [PromptSource] {
        let location = SourceLocation(file: directory, line: 0)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PromptErrors([.error(location, "no such directory of prompt files (give the right one: serve and replay take --prompts DIR, check takes DIR)")])
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw PromptErrors([.error(location, "cannot list the directory: \(error.localizedDescription)")])
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var sources: [PromptSource] = []
        for name in names {
            let path = prefix + name
            guard name == "hotel.conf" || name.hasSuffix(".flow") || name.hasSuffix(".messages") else {
                sources.append(PromptSource(fileName: path, text: ""))  // the compiler notes it as ignored
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PromptErrors([.error(SourceLocation(file: path, line: 0), "cannot read the file (check its permissions)")])
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw PromptErrors([.error(SourceLocation(file: path, line: 0), "not UTF-8 text: save it as UTF-8")])
            }
            sources.append(PromptSource(fileName: path, text: text))
        }
        return sources
    }
}
