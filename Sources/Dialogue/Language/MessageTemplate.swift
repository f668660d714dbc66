/// A text with `{placeholders}`, split once at load time so speaking it is a walk over
/// segments, never a re-parse. `{{` and `}}` stand for literal braces.
///
/// `{booking.nights|night|nights}` is the number followed by the word for one or for
/// more, so a text reads "1 night" and "3 nights" (a language without plurals writes the
/// same word twice).
public struct MessageTemplate: Sendable, Equatable {
    /// A run of the text: words as written, or a value to fill in.
    public enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
        /// A number and the word that goes with it: `{name|one|other}`.
        case counted(String, one: String, other: String)
    }

    public let segments: [Segment]

    public var placeholders: [String] {
        segments.compactMap {
            switch $0 {
            case .placeholder(let name), .counted(let name, _, _): name
            case .literal: nil
            }
        }
    }

    /// The text itself when there is nothing to fill in.
    public var constantText: String? {
        switch segments.count {
        case 0: return ""
        case 1: if case .literal(let text) = segments[0] { return text } else { return nil }
        default: return nil
        }
    }

    /// The text as it would be written in a catalog (braces doubled aside), for checks
    /// that look at its shape, such as a table's columns.
    public var written: String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .placeholder(let name): "{\(name)}"
            case .counted(let name, let one, let other): "{\(name)|\(one)|\(other)}"
            }
        }.joined()
    }

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Parses `text`; the error names what is wrong in words an editor can act on.
    public init(parsing text: String) throws(TemplateProblem) {
        // Most texts hold no brace: they are one literal, as the loop below would find
        // character by character (a prompt compile parses some four thousand texts).
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else {
            self.segments = text.isEmpty ? [] : [.literal(text)]
            return
        }
        if let segments = try Self.segments(ofBytes: text) {
            self.segments = segments
            return
        }
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
                let parts = name.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmingSpaces()) }
                guard FlowParser.isPlaceholderName(parts[0]) else { throw .badName(parts[0]) }
                guard parts.count == 1 || (parts.count == 3 && !parts[1].isEmpty && !parts[2].isEmpty) else { throw .badPlural(name) }
                if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
                segments.append(parts.count == 1 ? .placeholder(parts[0]) : .counted(parts[0], one: parts[1], other: parts[2]))
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

    /// The segments of `text` found in its bytes, as the characters would find them, when
    /// every brace in it is a character of its own (nil otherwise): a brace byte is when the
    /// scalar after it starts a character (`CharacterBytes`) and the one before it is not a
    /// prepended mark (a few scalars, none of them CJK or Latin).
    private static func segments(ofBytes text: String) throws(TemplateProblem) -> [Segment]? {
        let bytes = Array(text.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        for (index, byte) in bytes.enumerated() where byte == open || byte == close {
            if index + 1 < bytes.count, !CharacterBytes.startsCharacter(bytes[(index + 1)...]) { return nil }
            if index > 0, bytes[index - 1] >= 0x80, mayPrepend(bytes, endingAt: index) { return nil }
        }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var segments: [Segment] = []
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == open {
                let nameStart = index + 1
                if nameStart == bytes.count || bytes[nameStart] == open {
                    literal.append(open)  // "{{" is a literal brace, as is one at the very end
                    index = nameStart + 1
                    continue
                }
                guard let nameEnd = bytes[nameStart...].firstIndex(of: close) else {
                    throw .unclosed(String(string(nameStart..<bytes.count).prefix(30)))
                }
                let name = string(nameStart..<nameEnd)
                let parts = name.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmingSpaces()) }
                guard FlowParser.isPlaceholderName(parts[0]) else { throw .badName(parts[0]) }
                guard parts.count == 1 || (parts.count == 3 && !parts[1].isEmpty && !parts[2].isEmpty) else { throw .badPlural(name) }
                if !literal.isEmpty { segments.append(.literal(String(decoding: literal, as: UTF8.self))); literal = [] }
                segments.append(parts.count == 1 ? .placeholder(parts[0]) : .counted(parts[0], one: parts[1], other: parts[2]))
                index = nameEnd + 1
            } else if byte == close {
                if index + 1 < bytes.count {
                    guard bytes[index + 1] == close else { throw .strayBrace }
                    index += 1
                }
                literal.append(close)
                index += 1
            } else {
                var end = index + 1
                while end < bytes.count, bytes[end] != open, bytes[end] != close { end += 1 }
                literal.append(contentsOf: bytes[index..<end])
                index = end
            }
        }
        if !literal.isEmpty { segments.append(.literal(String(decoding: literal, as: UTF8.self))) }
        return segments
    }

    /// True when the scalar whose last byte is at `end - 1` might be a Prepend mark, which
    /// joins the character after it (Arabic number signs and a few Brahmic marks; every
    /// such scalar lies in U+0600..<U+0D4F or beyond U+11000).
    private static func mayPrepend(_ bytes: [UInt8], endingAt end: Int) -> Bool {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let lead = bytes[start]
        if lead >= 0xF0 { return true }  // beyond U+FFFF: look no further
        var value = UInt32(lead < 0xE0 ? lead & 0x1F : lead & 0x0F)
        for next in bytes[(start + 1)..<end] { value = value << 6 | UInt32(next & 0x3F) }
        return (0x0600..<0x0D4F).contains(value)
    }

    /// Fills placeholders with `value(name)`; an unknown name yields an empty string.
    public func render(_ value: (String) -> String?) -> String {
        if let constantText { return constantText }
        var output = ""
        for segment in segments {
            switch segment {
            case .literal(let text): output += text
            case .placeholder(let name): output += value(name) ?? ""
            case .counted(let name, let one, let other):
                let number = value(name) ?? ""
                output += number + " " + (number == "1" ? one : other)
            }
        }
        return output
    }
}

/// Why a text's placeholders could not be read.
public enum TemplateProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case unclosed(String)
    case badName(String)
    case badPlural(String)
    case strayBrace

    public var description: String {
        switch self {
        case .unclosed(let start): return "placeholder \"{\(start)\" is not closed with \"}\""
        case .badName(let name): return "\"{\(name)}\" is not a placeholder: write {group.name}, like {guest.name}"
        case .badPlural(let text): return "\"{\(text)}\" is not a counted placeholder: write {group.name|one|other}, like {booking.nights|night|nights}"
        case .strayBrace: return "a lone \"}\": write \"}}\" for a literal brace"
        }
    }
}

extension FlowParser {
    /// Names joined by dots, at least two (`guest.name`): in bytes, as `isName` reads a name
    /// (a byte outside ASCII is in no name, so no character needs finding).
    static func isPlaceholderName(_ text: String) -> Bool {
        var dots = 0
        var partLength = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard partLength > 0 else { return false }
                dots += 1
                partLength = 0
            } else if isNameByte(byte) {
                partLength += 1
            } else {
                return false
            }
        }
        return dots >= 1 && partLength > 0
    }
}
