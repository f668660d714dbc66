import Synchronization
import HotelCalendar

/// One text the line may say, at its longest.
public struct LongestText: Sendable, CustomStringConvertible {
    /// Where it is written: the text's line in its catalog, or the node of a menu.
    public var location: SourceLocation
    /// `"main.menu"` for a text, `the menu of main.menu` for a node's prompt and choices.
    public var what: String
    /// Its bytes as sent: laid out to the line width, each line ending CR LF.
    public var bytes: Int

    public var description: String { "\(location): \(what): \(bytes) bytes" }
}

extension PromptSet {
    /// Every text at its longest, in every language: each catalog text with every value a
    /// conversation fills in (an answer, a name looked up, a number) at `valueBytes` (the
    /// longest line a guest may send) and the hotel's own facts (the room table) as they
    /// are, and each menu (a node's prompt with its choices), laid out as the line lays
    /// them out and counted as sent. With `over`, only the texts longer than that many
    /// bytes: a text whose bound (`bytesSentBound`) is within it is passed over without
    /// laying it out, which is most of the work for a long `valueBytes`.
    public func longestTexts(valueBytes: Int, over limit: Int? = nil) -> [LongestText] {
        var sizes: [LongestText] = []
        let filler = String(repeating: "x", count: max(1, valueBytes))
        let today = CivilDate(year: 2026, month: 9, day: 30)!  // a long month and weekday name in English
        for pack in languages {
            let renderer = Renderer(variables: [:], hotel: hotel, pack: pack, today: today)
            func longest(_ template: MessageTemplate) -> String {
                var extras: [String: String] = [:]
                for name in template.placeholders where !ConstantTexts.hotelFacts.contains(name) && name != "date.today" { extras[name] = filler }
                return renderer.render(template, extras)
            }
            func measure(_ text: String, at location: SourceLocation, what: String) {
                if let limit, Self.bytesSentBound(text, width: hotel.lineWidth) <= limit { return }
                let bytes = Self.bytesSent(text, width: hotel.lineWidth)
                if let limit, bytes <= limit { return }
                sizes.append(LongestText(location: location, what: what, bytes: bytes))
            }
            // What `longest` would fill in, counted: the filler once, each fact once.
            let fillerCounts = SentCounts(filler)
            var factCounts: [String: SentCounts] = [:]
            func valueCounts(_ name: String) -> SentCounts {
                guard ConstantTexts.hotelFacts.contains(name) || name == "date.today" else { return fillerCounts }
                if let counted = factCounts[name] { return counted }
                let counted = SentCounts(renderer.placeholder(name) ?? "")
                factCounts[name] = counted
                return counted
            }
            /// At least the counts of `longest(template)`, without making it: a counted
            /// placeholder's value and both its words (the words it says are one of them).
            func longestCounts(_ template: MessageTemplate) -> SentCounts {
                var counts = SentCounts()
                for segment in template.segments {
                    switch segment {
                    case .literal(let text): counts += SentCounts(text)
                    case .placeholder(let name): counts += valueCounts(name)
                    case .counted(let name, let one, let other): counts += valueCounts(name) + SentCounts(" " + one + other)
                    }
                }
                return counts
            }
            for (key, text) in pack.catalog.texts {
                if let limit, longestCounts(text.template).bound(width: hotel.lineWidth) <= limit { continue }
                measure(longest(text.template), at: text.location, what: "\"\(key)\"")
            }
            for node in nodes where !node.choices.isEmpty {
                let prompt = node.prompt.flatMap { pack.catalog.text($0) }.map(longest) ?? ""
                let menu = prompt + "\n" + Conversation.menuLines(node.choices) { key in pack.catalog.text(key).map(longest) ?? key }
                measure(menu, at: node.location, what: "the menu of \(node.qualifiedName)")
            }
        }
        return sizes.sorted { ($0.location.file, $0.location.line, $0.what) < ($1.location.file, $1.location.line, $1.what) }
    }

    /// An error for each text that could not be sent to a caller in one answer: longer at
    /// its longest than `maxAnswerBytes`, what the output limit (`limit`, as the operator
    /// gave it) leaves for one answer. The line would hang up on every caller who met it.
    /// Measured once per set and limits: kept for the last few (a set is immutable), so a
    /// process that starts many lines on the same prompts (the tests; `serve` reloading
    /// unchanged files) lays every text out at its longest once.
    public func answerSizeErrors(maxAnswerBytes: Int, valueBytes: Int, limit: String) -> [PromptDiagnostic] {
        let found = Self.recentSizeChecks.withLock { kept in
            kept.first { $0.prompts === self && $0.maxAnswerBytes == maxAnswerBytes && $0.valueBytes == valueBytes }?.tooLong
        }
        let tooLong = found ?? longestTexts(valueBytes: valueBytes, over: maxAnswerBytes)
        if found == nil {
            Self.recentSizeChecks.withLock { kept in
                kept.insert(SizeCheck(prompts: self, maxAnswerBytes: maxAnswerBytes, valueBytes: valueBytes, tooLong: tooLong), at: 0)
                if kept.count > 4 { kept.removeLast() }
            }
        }
        return tooLong.map { text in
            .error(text.location, "\(text.what) can be \(text.bytes) bytes when said, more than the \(maxAnswerBytes) bytes \(limit) "
                   + "leaves for one answer: every caller who reached it would be hung up; shorten it or raise the limit")
        }
    }

    /// One `answerSizeErrors` measurement. It holds its set, so the identity it is found by
    /// cannot pass to another set while it is kept.
    private struct SizeCheck: Sendable {
        var prompts: PromptSet
        var maxAnswerBytes: Int
        var valueBytes: Int
        var tooLong: [LongestText]
    }

    private static let recentSizeChecks = Mutex<[SizeCheck]>([])

    /// At least `bytesSent(text, width:)`, counted in one pass without laying the text out
    /// (`SentCounts`).
    static func bytesSentBound(_ text: String, width: Int) -> Int {
        SentCounts(text).bound(width: width)
    }

    /// `text` as the connection sends it: laid out to `width`, every line break CR LF, and
    /// CR LF at the end.
    static func bytesSent(_ text: String, width: Int) -> Int {
        let laid = TextLayout.laidOut(text, width: width)
        return laid.utf8.count + laid.utf8.count { $0 == 0x0A } + 2
    }
}

/// What bounds the bytes a text takes when sent (`bound(width:)`), counted in one pass over
/// its UTF-8 without laying it out: its bytes, line ends, scalars, and the places a layout
/// may break it. The counts of texts joined are the counts of each added up (a scalar never
/// spans two texts), so a text's can be counted from its pieces.
///
/// Laying out adds, at each break it makes, a CR LF and a hanging indent of at most half
/// the width; it breaks only at a space, around a wide character, or inside a piece wider
/// than what is left of a line (at most once per half a width of its columns, and a scalar
/// is at most two columns).
struct SentCounts {
    var bytes = 0
    var newlines = 0
    /// Spaces and wide characters.
    var opportunities = 0
    var scalars = 0

    init() {}

    /// Counted over the UTF-8 bytes, a scalar at a time (a String's UTF-8 is valid): an
    /// ASCII byte is its own scalar, and a scalar of two bytes is below U+0800, never wide,
    /// so only longer ones are decoded to be looked up. The texts measured are mostly a
    /// guest's longest answer, a line of ASCII, many times over.
    init(_ text: String) {
        var text = text
        var newlines = 0, opportunities = 0, scalars = 0
        bytes = text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                scalars += 1
                if lead < 0x80 {
                    if lead == UInt8(ascii: "\n") { newlines += 1 } else if lead == UInt8(ascii: " ") { opportunities += 1 }
                    index += 1
                } else if lead < 0xE0 {
                    index += 2
                } else {
                    let length = lead < 0xF0 ? 3 : 4
                    var value = UInt32(lead & (length == 3 ? 0x0F : 0x07))
                    for next in utf8[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
                    if let scalar = Unicode.Scalar(value), TerminalWidth.isWide(scalar) { opportunities += 1 }
                    index += length
                }
            }
            return utf8.count
        }
        self.newlines = newlines
        self.opportunities = opportunities
        self.scalars = scalars
    }

    /// At least the bytes the text takes laid out to `width` (0: as it is) with CR LF line ends.
    func bound(width: Int) -> Int {
        guard width > 0 else { return bytes + newlines + 2 }
        let half = max(1, width / 2)
        let breaks = opportunities + 2 * scalars / half + newlines + 1
        return bytes + 2 * newlines + 2 + breaks * (half + 2)
    }

    static func + (left: SentCounts, right: SentCounts) -> SentCounts {
        var sum = left
        sum += right
        return sum
    }

    static func += (left: inout SentCounts, right: SentCounts) {
        left.bytes += right.bytes
        left.newlines += right.newlines
        left.opportunities += right.opportunities
        left.scalars += right.scalars
    }
}
