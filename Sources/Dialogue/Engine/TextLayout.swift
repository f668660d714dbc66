/// Fits what the line says to a terminal: long lines are broken at spaces so `telnet`
/// and `nc` users read words whole, with East Asian wide characters counted as two
/// columns. Indented rows (menus, room tables, read-backs) continue under their text.
enum TextLayout {
    static func wrap(_ text: String, width: Int) -> String {
        guard width > 0, text.utf8.count > width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrap(line: $0, width: width) }
            .joined(separator: "\n")
    }

    private static func wrap(line: Substring, width: Int) -> String {
        guard displayWidth(of: String(line)) > width else { return String(line) }
        let indent = String(repeating: " ", count: min(hangingIndent(of: line), width / 2))
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        let leading = line.prefix { $0 == " " }
        for word in line.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = displayWidth(of: String(word))
            if current.isEmpty {
                current = lines.isEmpty ? String(leading) + word : indent + word
                currentWidth = (lines.isEmpty ? leading.count : indent.count) + wordWidth
            } else if currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
            } else {
                lines.append(current)
                current = indent + word
                currentWidth = indent.count + wordWidth
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    /// Where continuation lines start: under the text of an indented row such as
    /// `  2  Deluxe King …` (after its label and the two spaces), or under its indent.
    static func hangingIndent(of line: Substring) -> Int {
        let leading = line.prefix { $0 == " " }.count
        guard leading > 0 else { return 0 }
        var rest = line.dropFirst(leading)
        let label = rest.prefix { $0 != " " }
        rest = rest.dropFirst(label.count)
        let gap = rest.prefix { $0 == " " }.count
        return gap >= 2 ? leading + displayWidth(of: String(label)) + gap : leading
    }
}
