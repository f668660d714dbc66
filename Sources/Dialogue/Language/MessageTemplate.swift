/// A text with `{placeholders}`, split once at load time so speaking it is a walk over
/// segments, never a re-parse. `{{` and `}}` stand for literal braces.
public struct MessageTemplate: Sendable, Equatable {
    public enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    public let segments: [Segment]

    public var placeholders: [String] {
        segments.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    /// The text itself when there is nothing to fill in.
    public var constantText: String? {
        switch segments.count {
        case 0: return ""
        case 1: if case .literal(let text) = segments[0] { return text } else { return nil }
        default: return nil
        }
    }

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Parses `text`; the error names what is wrong in words an editor can act on.
    public init(parsing text: String) throws(TemplateProblem) {
        var segments: [Segment] = []
        var literal = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "{":
                var name = ""
                var closed = false
                while let next = iterator.next() {
                    if next == "}" { closed = true; break }
                    if next == "{", name.isEmpty { break }
                    name.append(next)
                }
                if name.isEmpty, !closed {
                    literal.append("{")  // "{{" is a literal brace
                    continue
                }
                guard closed else { throw .unclosed(String(name.prefix(30))) }
                let trimmed = String(name.trimmingSpaces())
                guard FlowParser.isPlaceholderName(trimmed) else { throw .badName(trimmed) }
                if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
                segments.append(.placeholder(trimmed))
            case "}":
                if case let following? = iterator.next() {
                    guard following == "}" else { throw .strayBrace }
                }
                literal.append("}")
            default:
                literal.append(character)
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }

    /// Fills placeholders with `value(name)`; an unknown name yields an empty string.
    public func render(_ value: (String) -> String?) -> String {
        if let constantText { return constantText }
        var output = ""
        for segment in segments {
            switch segment {
            case .literal(let text): output += text
            case .placeholder(let name): output += value(name) ?? ""
            }
        }
        return output
    }
}

/// Why a text's placeholders could not be read.
public enum TemplateProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case unclosed(String)
    case badName(String)
    case strayBrace

    public var description: String {
        switch self {
        case .unclosed(let start): return "placeholder \"{\(start)\" is not closed with \"}\""
        case .badName(let name): return "\"{\(name)}\" is not a placeholder: write {group.name}, like {guest.name}"
        case .strayBrace: return "a lone \"}\": write \"}}\" for a literal brace"
        }
    }
}

extension FlowParser {
    static func isPlaceholderName(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { isName(String($0)) }
    }
}
