/// Fits what the line says to a terminal: long lines are broken at spaces so `telnet`
/// and `nc` users read words whole, with East Asian wide characters counted as two
/// columns. Indented rows (menus, room tables, read-backs) continue under their text.
enum TextLayout {
    /// `text` as the guest's terminal should get it: wrapped at `width` columns (0: as it is).
    static func laidOut(_ text: String, width: Int) -> String {
        width > 0 ? wrap(text, width: width) : text
    }

    static func wrap(_ text: String, width: Int) -> String {
        guard width > 0, text.utf8.count > width else { return text }
        var text = text
        let shape = text.withUTF8 { bytes -> Shape in
            if everyLineFits(bytes, byteCount: width) { return .fits }
            return bytes.allSatisfy({ $0 < 0x80 }) ? .ascii(wrapASCII(bytes, width: width)) : .other
        }
        switch shape {
        case .fits: return text
        case .ascii(let wrapped): return wrapped
        case .other: break
        }
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

    /// `wrap` for an ASCII text, where a character is a byte (CR LF the one exception, and
    /// it is neither a space nor a line end to `split`) and its width 1 (0 for a control):
    /// the same lines, the same words, the same greedy fill, all in bytes in one buffer.
    static func wrapASCII(_ text: UnsafeBufferPointer<UInt8>, width: Int) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.count + 64)
        var lineStart = 0
        var previous: UInt8 = 0
        for index in 0...text.count {
            let byte: UInt8 = index < text.count ? text[index] : 0x0A
            defer { previous = byte }
            guard byte == 0x0A && (previous != 0x0D || index == text.count) else { continue }
            if lineStart > 0 { output.append(0x0A) }
            let line = UnsafeBufferPointer(rebasing: text[lineStart..<index])
            if line.count > width && columns(of: line) > width {
                breakingASCII(line, width: width, into: &output)
            } else {
                output.append(contentsOf: line)
            }
            lineStart = index + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// True when no line of `text` has more than `width` UTF-8 bytes, so none can need more
    /// columns (a character never takes more columns than it has bytes): the text fits as it
    /// is, which is what nearly everything the line says finds out here, without looking at
    /// a single character. Lines end at LF, as `split` sees them (CR LF is one character).
    static func everyLineFits(_ text: UnsafeBufferPointer<UInt8>, byteCount width: Int) -> Bool {
        var length = 0
        var previous: UInt8 = 0
        for byte in text {
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

    /// What `wrap` found on its look at the bytes.
    private enum Shape {
        case fits
        case ascii(String)
        case other
    }

    private static func wrap(line: Substring, width: Int) -> String {
        var line = String(line)
        guard line.utf8.count > width, displayWidth(of: line) > width else { return line }
        if let ascii = line.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? wrapASCII(bytes, width: width) : nil }) {
            return ascii  // an ASCII line of a text that is not
        }
        return breaking(Substring(line), width: width)
    }

    /// The columns of ASCII bytes: one for each but controls and DEL.
    @inline(__always)
    private static func columns(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var width = 0
        for byte in bytes where byte >= 0x20 && byte != 0x7F { width += 1 }
        return width
    }

    /// `breaking` for an ASCII line, appended to `output`. The line being filled is written
    /// in place: a line end goes in when the next line starts, and comes out again if that
    /// line stays empty to the end (where `breaking` would not add it).
    private static func breakingASCII(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, into output: inout [UInt8]) {
        let indent = min(hangingIndentASCII(bytes), width / 2)
        var leading = 0
        while leading < bytes.count && bytes[leading] == 0x20 { leading += 1 }
        var lineCount = 0
        var currentStart = output.count
        var currentWidth = 0
        var start = leading
        for index in leading...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
            start = index + 1
            let wordWidth = columns(of: word)
            if output.count == currentStart {
                if lineCount == 0 {
                    append(UnsafeBufferPointer(rebasing: bytes[0..<leading]), to: &output)
                } else {
                    appendSpaces(indent, to: &output)
                }
                append(word, to: &output)
                currentWidth = (lineCount == 0 ? leading : indent) + wordWidth
            } else if currentWidth + 1 + wordWidth <= width {
                output.append(0x20)
                append(word, to: &output)
                currentWidth += 1 + wordWidth
            } else {
                lineCount += 1
                output.append(0x0A)
                currentStart = output.count
                appendSpaces(indent, to: &output)
                append(word, to: &output)
                currentWidth = indent + wordWidth
            }
        }
        if lineCount > 0 && output.count == currentStart { output.removeLast() }
    }

    @inline(__always)
    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(contentsOf: bytes)
    }

    @inline(__always)
    private static func appendSpaces(_ count: Int, to output: inout [UInt8]) {
        for _ in 0..<count { output.append(0x20) }
    }

    /// `hangingIndent` of an ASCII line, by bytes.
    private static func hangingIndentASCII(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var leading = 0
        while leading < line.count && line[leading] == 0x20 { leading += 1 }
        guard leading > 0 else { return 0 }
        var end = leading
        while end < line.count && line[end] != 0x20 { end += 1 }
        let label = columns(of: UnsafeBufferPointer(rebasing: line[leading..<end]))
        var gap = 0
        while end + gap < line.count && line[end + gap] == 0x20 { gap += 1 }
        return gap >= 2 ? leading + label + gap : leading
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
