import Reactor
import Dialogue

/// Text for the agent console: nothing a guest typed may drive the agent's terminal, and
/// tables fit an 80-column telnet window.
enum ConsoleText {
    /// Control characters (ESC, C1, DEL, …) and invisible or direction-changing ones shown
    /// escaped, `\u{1b}`, `\u{202e}`, so a guest's line can never move the agent's cursor,
    /// change colours, rename their terminal, hide words, break a line, or show its words in
    /// another order than they were typed (and the same for what an agent says to a guest).
    static func safe<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || value == 0x7f || (0x80..<0xa0).contains(value) || isHidden(value) {
                result += "\\u{" + String(value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
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
