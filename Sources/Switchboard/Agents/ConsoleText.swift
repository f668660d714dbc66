import Reactor
import Dialogue

/// Text for the agent console: nothing a guest typed may drive the agent's terminal, and
/// every line is wrapped to the agent's window (a telnet client's NAWS, else 79 columns).
enum ConsoleText {
    /// The width of a console whose window is not known: an 80-column terminal, less the
    /// last column (where a character would wrap before its line's end does).
    static let defaultColumns = 79

    /// `text` wrapped to `columns`, each of its lines on its own: a line with a tag
    /// (`17| `, `17> `, `17* `, `mei> `, `* `) continues under the text after its tag,
    /// so an agent reads the guest's whole line; any other by the line's layout rules
    /// (a table row continues under its second column).
    static func wrapped(_ text: String, columns: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let line = String(line)
            guard displayWidth(of: line) > columns else { return line }
            let tag = String(self.tag(of: line))
            guard !tag.isEmpty, columns - tag.count >= 20 else { return TextLayout.wrapped(line, width: columns) }
            let body = TextLayout.wrapped(String(line.dropFirst(tag.count)), width: columns - tag.count)
            let hanging = String(repeating: " ", count: tag.count)
            return body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { ($0.offset == 0 ? tag : hanging) + String($0.element) }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The tag a console line starts with (a word of at most 20 ASCII characters ending
    /// in `|`, `>` or `*`, and a space), or "".
    private static func tag(of line: String) -> Substring {
        let word = line.utf8.prefix { $0 != 0x20 }
        guard word.count <= 20, let last = word.last, [UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "*")].contains(last),
              line.utf8.count > word.count, word.allSatisfy({ $0 < 0x80 }) else { return "" }
        return line.prefix(word.count + 1)
    }

    /// Control characters (ESC, C1, DEL, …) and invisible or direction-changing ones shown
    /// escaped, `\u{1b}`, `\u{202e}`, so a guest's line can never move the agent's cursor,
    /// change colours, rename their terminal, hide words, break a line, or show its words in
    /// another order than they were typed (and the same for what an agent says to a guest).
    static func safe<S: StringProtocol>(_ text: S) -> String {
        // Nearly every line has nothing to escape, found from its bytes.
        if !text.utf8.contains(where: mayStartEscaped) { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isEscaped(value) {
                result += "\\u{" + String(value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The scalars `safe` escapes: controls, DEL, C1 controls, and the hidden ones.
    static func isEscaped(_ value: UInt32) -> Bool {
        value < 0x20 || value == 0x7f || (0x80..<0xa0).contains(value) || isHidden(value)
    }

    /// True for every byte that starts the UTF-8 of a scalar `isEscaped` takes (a control or
    /// DEL itself, C2 for C1, D8 for U+061C, E2 for U+200B to U+2069, EF for U+FEFF), and for
    /// a few that start others too (an "…", a "€"): a text with none has nothing to escape.
    @inline(__always)
    static func mayStartEscaped(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 || byte == 0xEF
    }

    /// Invisible or direction-changing: the Arabic letter mark, the zero-width space, the
    /// left-to-right and right-to-left marks, the line and paragraph separators, the bidi
    /// embeddings, overrides and isolates, the word joiner and invisible operators, and the
    /// BOM. (Zero-width joiners stay: scripts and emoji need them, and they reorder nothing.)
    /// The transcript encoder escapes the same set (`TranscriptEncoder.hiddenLength`).
    static func isHidden(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// `******0958`: enough to tell guests apart, not enough to call them.
    static func masked(phone: String?) -> String {
        guard let phone, phone.count > 4 else { return "-" }
        return "******" + phone.suffix(4)
    }

    /// `text` with every phone number written in it (`PhoneNumber.writtenRuns`), typed or
    /// read back, shown as `******0958`, as `sessions` shows them. The full number is for
    /// `phone ID`, which is logged.
    static func maskingPhones(_ text: String) -> String {
        guard text.utf8.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 7 else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for run in PhoneNumber.writtenRuns(in: words).reversed() {
            let digits = words[run].joined().filter(\.isNumber)
            words.replaceSubrange(run, with: ["******" + digits.suffix(4) + PhoneNumber.sentenceTail(of: words[run.upperBound - 1])])
        }
        return words.joined(separator: " ")
    }

    /// An agent's state in words, with how long it has lasted (or has left to run).
    static func describe(_ state: CallQueue.AgentState, now: MonotonicTime) -> String {
        switch state {
        case .away: return "away"
        case .available(let since): return "available for " + duration(now - since)
        case .offered(let guest, _): return "offered call \(guest)"
        case .onCall(let guest, let since): return "on call \(guest) for " + duration(now - since)
        case .wrapUp(let until): return "wrapping up, " + duration(until - now) + " left"
        }
    }

    /// `60 seconds`, `1 second`, `0.5 seconds`: a setting as an operator gave it.
    static func seconds(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return text + (text == "1" ? " second" : " seconds")
    }

    /// `2:05` for seconds, `1:02:05` past an hour.
    static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return total >= 3600 ? "\(total / 3600):\(two(total / 60 % 60)):\(two(total % 60))" : "\(total / 60):\(two(total % 60))"
    }

    /// Rows padded to their columns' widths (display width, so wide characters count two);
    /// the console wraps a row wider than the agent's window under its second column.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { displayWidth(of: $0[column]) }.max() ?? 0 }
        return all.map { row in
            let line = "  " + row.indices.map { column in
                column == row.count - 1 ? row[column] : padded(row[column], toWidth: widths[column])
            }.joined(separator: "  ")
            return line
        }.joined(separator: "\n")
    }
}
