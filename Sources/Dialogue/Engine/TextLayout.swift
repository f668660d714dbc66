/// Fits what the line says to a terminal: long lines are broken at spaces so `telnet`
/// and `nc` users read words whole, with East Asian wide characters counted as two
/// columns. Indented rows (menus, room tables, read-backs) continue under their text.
enum TextLayout {
    /// `text` as the guest's terminal should get it: wrapped at `width` columns (0: as it is).
    static func laidOut(_ text: String, width: Int) -> String {
        width > 0 ? wrap(text, width: width) : text
    }

    static func wrap(_ text: String, width: Int) -> String {
        guard width > 0, text.utf8.count > width, !everyLineFits(text, byteCount: width) else { return text }
        // Lines split at LF bytes, as `split(separator: "\n")` splits at characters (a LF
        // after CR is part of the character CR LF), without walking the characters.
        let utf8 = text.utf8
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        var lineStart = utf8.startIndex
        var index = lineStart
        var previous: UInt8 = 0
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A && previous != 0x0D {
                result += wrap(line: text[lineStart..<index], width: width)
                result += "\n"
                lineStart = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        result += wrap(line: text[lineStart..<utf8.endIndex], width: width)
        return result
    }

    /// True when no line of `text` has more than `width` UTF-8 bytes, so none can need more
    /// columns (a character never takes more columns than it has bytes): the text fits as it
    /// is, which is what nearly everything the line says finds out here, without looking at
    /// a single character. Lines end at LF, as `split` sees them (CR LF is one character).
    static func everyLineFits(_ text: String, byteCount width: Int) -> Bool {
        var length = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A && previous != 0x0D {
                length = 0
            } else {
                length += 1
                if length > width { return false }
            }
            previous = byte
        }
        return true
    }

    private static func wrap(line: Substring, width: Int) -> String {
        guard line.utf8.count > width, displayWidth(of: String(line)) > width else { return String(line) }
        return line.utf8.allSatisfy({ $0 < 0x80 }) ? breakingASCII(line, width: width) : breaking(line, width: width)
    }

    /// `breaking` for an ASCII line, where a character is a byte and its width 1 (0 for a
    /// control): the same words, the same greedy fill, built as bytes.
    static func breakingASCII(_ line: Substring, width: Int) -> String {
        let bytes = Array(line.utf8)
        let indent = min(hangingIndent(of: line), width / 2)
        var leading = 0
        while leading < bytes.count && bytes[leading] == 0x20 { leading += 1 }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var lineCount = 0
        var current: [UInt8] = []
        var currentWidth = 0
        var start = leading
        for index in leading...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            let word = bytes[start..<index]
            start = index + 1
            let wordWidth = word.reduce(0) { $0 + ($1 >= 0x20 && $1 != 0x7F ? 1 : 0) }
            if current.isEmpty {
                current = lineCount == 0 ? Array(bytes[0..<leading]) : Array(repeating: 0x20, count: indent)
                current += word
                currentWidth = (lineCount == 0 ? leading : indent) + wordWidth
            } else if currentWidth + 1 + wordWidth <= width {
                current.append(0x20)
                current += word
                currentWidth += 1 + wordWidth
            } else {
                if lineCount > 0 { output.append(0x0A) }
                output += current
                lineCount += 1
                current = Array(repeating: 0x20, count: indent)
                current += word
                currentWidth = indent + wordWidth
            }
        }
        if !current.isEmpty {
            if lineCount > 0 { output.append(0x0A) }
            output += current
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A line too wide for `width` broken at spaces, continuation lines hanging under its
    /// text; character by character, for any text.
    static func breaking(_ line: Substring, width: Int) -> String {
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
