/// A place in a prompt file: the file name as the operator sees it and a 1-based line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { line > 0 ? "\(file):\(line)" : file }
}

/// One finding about the prompt files, printed as `file:line: message`.
///
/// Errors stop `hotelline check` (exit 1) and stop `serve` from starting; warnings are
/// printed and tolerated. Every message says what is wrong and, where one fits, the fix.
public struct PromptDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whether the finding stops the prompts from being used.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> PromptDiagnostic {
        PromptDiagnostic(.error, at: location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> PromptDiagnostic {
        PromptDiagnostic(.warning, at: location, message)
    }

    public var description: String {
        severity == .error ? "\(location): \(message)" : "\(location): warning: \(message)"
    }
}

/// Raised when prompt files cannot be compiled: carries every error found, in file order.
public struct PromptErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [PromptDiagnostic]

    public init(_ diagnostics: [PromptDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Suggests the closest known name for a misspelt one ("confrim" → "confirm"), for every
/// message that names something the operator typed.
public enum Spelling {
    /// The candidate nearest to `word` by edit distance, if it is near enough to be a typo.
    public static func suggestion<S: Sequence>(for word: String, among candidates: S) -> String?
    where S.Element == String {
        // "--pin" for "--pin-stdin": the start of exactly one name is a typo too.
        let extended = candidates.filter { $0.hasPrefix(word) && $0 != word }
        if word.count >= 3, extended.count == 1 { return extended[0] }
        let limit = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate)
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// ` (did you mean "x"?)`, or an empty string when nothing is close.
    public static func hint<S: Sequence>(for word: String, among candidates: S) -> String
    where S.Element == String {
        guard let match = suggestion(for: word, among: candidates) else { return "" }
        return " (did you mean \"\(match)\"?)"
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and a swap
    /// of two neighbours ("confrim") each count as one typo.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
