import Foundation

/// A `{name}` in a transcript that stands for a value which legitimately differs from run
/// to run: the numbers the line gives out, dates and times. `{confirmation2}`, `{ticket3}`…
/// are further values of the same kind in one call.
///
/// In expected `line` text a placeholder matches its pattern (or itself, written out);
/// the first value it matches binds it, and a later use must be that same value (`{any}`
/// never binds). In a `guest` line it sends the bound value, or `sample` when unbound.
public struct Placeholder: Hashable, Sendable {
    /// The placeholders there are; README lists them with their patterns.
    public enum Kind: String, CaseIterable, Sendable {
        case confirmation, ticket, callback, survey, change, cancellation, file, date, time, phone, any
    }

    public var kind: Kind
    /// 1 for `{confirmation}`, 2 for `{confirmation2}`, …
    public var index: Int

    public init(_ kind: Kind, index: Int = 1) {
        self.kind = kind
        self.index = index
    }

    public var token: String { "{" + kind.rawValue + (index > 1 ? String(index) : "") + "}" }

    /// What it matches, as a regular expression.
    var pattern: String {
        switch kind {
        case .confirmation: return "R[0-9]{7}"
        case .ticket: return "T[0-9]{7}"
        case .callback: return "C[0-9]{7}"
        case .survey: return "S[0-9]{7}"
        case .change: return "M[0-9]{7}"
        case .cancellation: return "X[0-9]{7}"
        case .file: return "[0-9]{9}"
        case .date: return "[^ ]+ [0-9]{1,2} [^ ]+ [0-9]{4}"
        case .time: return "[0-9]{1,2}:[0-9]{2}"
        case .phone: return "\\+?[0-9]{7,15}"
        case .any: return ".*"
        }
    }

    /// A valid value a replay types for it when nothing bound it yet.
    public var sample: String {
        func padded(_ width: Int) -> String {
            let digits = String(index)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        switch kind {
        case .confirmation: return "R" + padded(7)
        case .ticket: return "T" + padded(7)
        case .callback: return "C" + padded(7)
        case .survey: return "S" + padded(7)
        case .change: return "M" + padded(7)
        case .cancellation: return "X" + padded(7)
        case .file: return padded(9)
        case .date: return "tomorrow"
        case .time: return "10:00"
        case .phone: return "+" + padded(12)
        case .any: return "x"
        }
    }

    var binds: Bool { kind != .any }

    /// The kind of number a record reference starting with `letter` is.
    public static func reference(startingWith letter: Character) -> Kind? {
        switch letter {
        case "R": .confirmation
        case "T": .ticket
        case "C": .callback
        case "S": .survey
        case "M": .change
        case "X": .cancellation
        default: nil
        }
    }

    /// Every placeholder written in `text`, in order; other braces are plain text.
    public static func occurrences(in text: String) -> [(range: Range<String.Index>, placeholder: Placeholder)] {
        var found: [(Range<String.Index>, Placeholder)] = []
        var searchFrom = text.startIndex
        while let open = text[searchFrom...].firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
            let name = text[text.index(after: open)..<close]
            let letters = name.prefix { $0.isLetter }
            let digits = name.dropFirst(letters.count)
            if let kind = Kind(rawValue: String(letters)), digits.allSatisfy(\.isNumber),
               digits.isEmpty || (Int(digits).map { $0 >= 2 } ?? false) {
                found.append((open..<text.index(after: close), Placeholder(kind, index: Int(digits) ?? 1)))
                searchFrom = text.index(after: close)
            } else {
                searchFrom = text.index(after: open)
            }
        }
        return found
    }
}

/// The values placeholders took during one replay, and the matching that binds them.
public struct PlaceholderBindings: Sendable {
    public private(set) var values: [Placeholder: String] = [:]

    public init() {}

    /// True when `actual` is what `expected` says, placeholders matched by pattern; binds
    /// the placeholders it matched only when the whole line matches.
    public mutating func match(expected: String, actual: String) -> Bool {
        if expected == actual { return true }
        guard let captured = Self.capture(expected: expected, actual: actual) else { return false }
        var bound = values
        for (placeholder, value) in captured where placeholder.binds && value != placeholder.token {
            if let earlier = bound[placeholder], earlier != value { return false }
            bound[placeholder] = value
        }
        values = bound
        return true
    }

    /// Like `match`, but neither checks nor changes the bindings (for lining up a diff).
    public static func resembles(expected: String, actual: String) -> Bool {
        expected == actual || capture(expected: expected, actual: actual) != nil
    }

    /// A guest line with each placeholder replaced by its bound value or its sample.
    public func filling(_ text: String) -> String {
        var result = text
        for (range, placeholder) in Placeholder.occurrences(in: text).reversed() {
            result.replaceSubrange(range, with: values[placeholder] ?? placeholder.sample)
        }
        return result
    }

    private static func capture(expected: String, actual: String) -> [(Placeholder, String)]? {
        let occurrences = Placeholder.occurrences(in: expected)
        guard !occurrences.isEmpty else { return nil }
        var pattern = "^"
        var last = expected.startIndex
        for (range, placeholder) in occurrences {
            pattern += NSRegularExpression.escapedPattern(for: String(expected[last..<range.lowerBound]))
            pattern += "(" + NSRegularExpression.escapedPattern(for: placeholder.token) + "|" + placeholder.pattern + ")"
            last = range.upperBound
        }
        pattern += NSRegularExpression.escapedPattern(for: String(expected[last...])) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: actual, range: NSRange(actual.startIndex..., in: actual)) else { return nil }
        return occurrences.enumerated().compactMap { index, occurrence in
            Range(match.range(at: index + 1), in: actual).map { (occurrence.placeholder, String(actual[$0])) }
        }
    }
}
