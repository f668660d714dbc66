import Transcript
/// The first place a replay parts from its transcript: the transcript line, what went
/// wrong in words, and a small unified diff (`-` the transcript, `+` what the line did now,
/// ` ` context quoted from the file).
public struct ReplayDivergence: Error, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var diff: [String]

    /// `file:line: message`, then the diff under an `@@ line N @@` header.
    public var report: String {
        (["\(file):\(line): \(message)", "@@ line \(line) @@"] + diff).joined(separator: "\n")
    }

    /// The turn's expected entries against what the line said, as a unified diff around the
    /// first difference. `nextLine` is where the turn ends in the file (the next entry).
    static func turn(_ turn: ReplayTurn, actual: [Said], actualText: (String) -> String, in document: TranscriptDocument,
                     nextLine: Int) -> ReplayDivergence {
        let ops = DiffOp.align(turn.expected, actual) { entry, output in
            switch (entry.content, output) {
            case (.said(let expected), .text(let text)): PlaceholderBindings.resembles(expected: expected, actual: actualText(text))
            case (.event(.hungUp), .hangUp): true
            default: false
            }
        }
        let first = ops.firstIndex { if case .same = $0 { false } else { true } } ?? ops.count
        let nextExpected = ops[first...].lazy.compactMap(\.expected).first
        let line = nextExpected?.line ?? nextLine
        let message: String
        switch (ops.indices.contains(first) ? ops[first] : nil, ops.indices.contains(first + 1) ? ops[first + 1] : nil) {
        case (.removed?, .added?): message = "the line said something else"
        case (.removed(let entry)?, _): message = entry.content == .event(.hungUp) ? "the line did not hang up here" : "the line did not say this"
        case (.added(.hangUp)?, _): message = "the line hung up here"
        default: message = "the line said more here"
        }
        var diff = context(before: line, in: document)
        var changed = 0, trailing = 0
        walk: for op in ops[first...] {
            switch op {
            case .same(let entry, _):
                trailing += 1
                if trailing > 3 { break walk }
                diff.append(" " + (document.line(entry.line) ?? entry.written))
                continue
            case .removed(let entry):
                diff.append("-" + (document.line(entry.line) ?? entry.written))
            case .added(let output):
                diff.append("+" + output.written(offset: turn.offset))
            }
            trailing = 0
            changed += 1
            if changed == 12 {
                diff.append("  … and more below (the whole output is in the file after --accept)")
                return ReplayDivergence(file: document.fileName, line: line, message: message, diff: diff)
            }
        }
        // Context after the turn: what the file goes on with.
        if trailing < 3, let last = turn.expected.last?.line ?? turn.stimulus?.line {
            diff += (last + 1..<last + 4 - trailing).compactMap { document.line($0) }.filter { !$0.isEmpty }.map { " " + $0 }
        }
        return ReplayDivergence(file: document.fileName, line: line, message: message, diff: diff)
    }

    /// A difference at one place: the file lines before `line` (through `line` itself when
    /// `quoting` is false), then what the transcript has there and what came instead.
    static func at(_ line: Int, _ message: String, in document: TranscriptDocument, removed: String?, added: String?,
                   quoting: Bool = true) -> ReplayDivergence {
        var diff = context(before: quoting ? line : line + 1, in: document)
        if let removed { diff.append("-" + removed) }
        if let added { diff.append("+" + added) }
        return ReplayDivergence(file: document.fileName, line: line, message: message, diff: diff)
    }

    /// Up to three non-blank file lines before `line`.
    private static func context(before line: Int, in document: TranscriptDocument) -> [String] {
        let start = max(1, line - 3)
        return (start..<max(start, min(line, document.lines.count + 1))).compactMap { document.line($0) }
            .filter { !$0.isEmpty }.map { " " + $0 }
    }
}

/// One step of lining up a turn's expected entries with what the line said.
enum DiffOp {
    case same(TranscriptEntry, Said)
    case removed(TranscriptEntry)
    case added(Said)

    var expected: TranscriptEntry? {
        switch self {
        case .same(let entry, _), .removed(let entry): entry
        case .added: nil
        }
    }

    /// The longest common subsequence of the two, as a unified diff would show it.
    static func align(_ expected: [TranscriptEntry], _ actual: [Said],
                      _ equal: (TranscriptEntry, Said) -> Bool) -> [DiffOp] {
        let rows = expected.count, columns = actual.count
        var lengths = Array(repeating: Array(repeating: 0, count: columns + 1), count: rows + 1)
        for row in stride(from: rows - 1, through: 0, by: -1) {
            for column in stride(from: columns - 1, through: 0, by: -1) {
                lengths[row][column] = equal(expected[row], actual[column])
                    ? lengths[row + 1][column + 1] + 1 : max(lengths[row + 1][column], lengths[row][column + 1])
            }
        }
        var ops: [DiffOp] = []
        var row = 0, column = 0
        while row < rows || column < columns {
            if row < rows, column < columns, equal(expected[row], actual[column]) {
                ops.append(.same(expected[row], actual[column]))
                row += 1
                column += 1
            } else if row < rows, column == columns || lengths[row + 1][column] >= lengths[row][column + 1] {
                ops.append(.removed(expected[row]))
                row += 1
            } else {
                ops.append(.added(actual[column]))
                column += 1
            }
        }
        return ops
    }
}
