import Dialogue

/// Text for the agent console: nothing a guest typed may drive the agent's terminal, and
/// tables fit an 80-column telnet window.
enum ConsoleText {
    /// Control characters (ESC, C1, DEL, …) shown escaped, `\u{1b}`, so a guest's line can
    /// never move the agent's cursor, change colours, or rename their terminal.
    static func safe<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || value == 0x7f || (0x80..<0xa0).contains(value) || (0x202a...0x202e).contains(value) || (0x2066...0x2069).contains(value) {
                result += "\\u{" + String(value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `******0958`: enough to tell guests apart, not enough to call them.
    static func masked(phone: String?) -> String {
        guard let phone, phone.count > 4 else { return "-" }
        return "******" + phone.suffix(4)
    }

    /// `text` with every phone number in it shown as `******0958`, as `sessions` shows them:
    /// a number, typed or read back, in groups or not, is a run of words made of digits and
    /// `+-.()/` with seven digits or more in all. The full number is for `phone ID`, which
    /// is logged.
    static func maskingPhones(_ text: String) -> String {
        guard text.utf8.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 7 else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < words.count {
            var end = index
            while end < words.count, isPhonePiece(words[end]) { end += 1 }
            let digits = words[index..<end].joined().filter(\.isNumber)
            if digits.count >= 7 {
                let tail = String(words[end - 1].reversed().prefix { ",;:!?.".contains($0) }.reversed())
                words.replaceSubrange(index..<end, with: ["******" + digits.suffix(4) + tail])
                index += 1
            } else {
                index += 1
            }
        }
        return words.joined(separator: " ")
    }

    /// Digits and phone punctuation, perhaps followed by a sentence's; not a date
    /// (`24/12/2026`, `2026-12-24`), which a guest types as often as a number.
    private static func isPhonePiece(_ word: String) -> Bool {
        let core = String(word.reversed().drop { ",;:!?".contains($0) }.reversed())
        guard core.contains(where: \.isNumber), core.allSatisfy({ $0.isNumber || "+-.()/".contains($0) }) else { return false }
        let groups = core.split(whereSeparator: { "/-.".contains($0) }).map(\.count)
        let isDate = groups.count == 3 && core.allSatisfy({ $0.isNumber || "/-.".contains($0) })
            && (groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4) || groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2)
        return !isDate
    }

    /// An agent's state in words, with how long it has lasted (or has left to run).
    static func describe(_ state: CallQueue.AgentState, now: Double) -> String {
        switch state {
        case .away: return "away"
        case .available(let since): return "available for " + duration(now - since)
        case .offered(let guest, _): return "offered call \(guest)"
        case .onCall(let guest, let since): return "on call \(guest) for " + duration(now - since)
        case .wrapUp(let until): return "wrapping up, " + duration(until - now) + " left"
        }
    }

    /// `2:05` for seconds, `1:02:05` past an hour.
    static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return total >= 3600 ? "\(total / 3600):\(two(total / 60 % 60)):\(two(total % 60))" : "\(total / 60):\(two(total % 60))"
    }

    /// Rows padded to their columns' widths (display width, so wide characters count two),
    /// every line cut at 79 columns.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { displayWidth(of: $0[column]) }.max() ?? 0 }
        return all.map { row in
            let line = "  " + row.indices.map { column in
                column == row.count - 1 ? row[column] : padded(row[column], toWidth: widths[column])
            }.joined(separator: "  ")
            return fit(line, columns: 79)
        }.joined(separator: "\n")
    }

    static func fit(_ line: String, columns: Int) -> String {
        guard displayWidth(of: line) > columns else { return line }
        var result = ""
        var width = 0
        for character in line {
            let next = displayWidth(of: String(character))
            guard width + next <= columns - 1 else { break }
            result.append(character)
            width += next
        }
        return result + "…"
    }
}
