import Dialogue
import Foundation

/// One entry of a transcript: when (milliseconds after the call was answered), from whom,
/// and what, with the file line it is written on.
public struct TranscriptEntry: Equatable, Sendable {
    /// What an entry holds, by direction.
    public enum Content: Equatable, Sendable {
        /// `line`: one line the line said.
        case said(String)
        /// `guest`: one line the guest typed.
        case typed(String)
        case event(TranscriptEvent)
    }

    /// 1-based line number in the file.
    public var line: Int
    public var offset: Int64
    public var content: Content

    public init(line: Int, offset: Int64, content: Content) {
        self.line = line
        self.offset = offset
        self.content = content
    }

    public var direction: TranscriptDirection {
        switch content {
        case .said: .said
        case .typed: .guest
        case .event: .event
        }
    }

    /// The text after the direction, unescaped.
    public var text: String {
        switch content {
        case .said(let text), .typed(let text): text
        case .event(let event): event.text
        }
    }

    /// The entry as the recorder writes it.
    public var written: String { TranscriptText.entryLine(offset: offset, direction: direction, text: text) }
}

/// A transcript read from a file: its header, its entries, and every line as written (so
/// a diff can quote the file and `--accept` can rewrite it keeping comments and notes).
public struct TranscriptDocument: Sendable {
    public var fileName: String
    public var header: TranscriptHeader
    public var entries: [TranscriptEntry]
    /// Every line of the file, without line endings; `lines[n - 1]` is line `n`.
    public var lines: [String]

    /// Reads and parses the file at `path`; every problem names `path:line`.
    public static func read(path: String) -> Result<TranscriptDocument, TranscriptError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            return .failure(TranscriptError(file: path, line: 0, exists ? "cannot read the file (check its permissions)" : "no such file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(TranscriptError(file: path, line: 0, "not UTF-8 text: a transcript is written in UTF-8"))
        }
        return TranscriptParser.parse(text, fileName: path)
    }

    /// Parses transcript text; `fileName` is the name problems are reported under.
    public static func parse(_ text: String, fileName: String) -> Result<TranscriptDocument, TranscriptError> {
        TranscriptParser.parse(text, fileName: fileName)
    }

    /// The file text: every line followed by a line feed.
    public var text: String { lines.map { $0 + "\n" }.joined() }

    /// The file line `number` (1-based), or nil past the end.
    public func line(_ number: Int) -> String? { lines.indices.contains(number - 1) ? lines[number - 1] : nil }
}
