/// Fits what the line says to a terminal: long lines are broken at spaces so `telnet`
/// and `nc` users read words whole, with East Asian wide characters counted as two
/// columns. Indented rows (menus, room tables, read-backs) continue under their text.
///
/// The rules, for a line wider than the width: its leading spaces stay on its first line;
/// the lines after it start under its text (`hangingIndent`, at most half the width). It
/// breaks at spaces, and also around East Asian wide characters (so Chinese, written
/// without spaces, breaks between characters), but never before closing punctuation
/// (`。`, `，`, `)`, …) or after opening punctuation (`（`, `(`, …), and never inside a
/// character (a grapheme cluster: a letter and its accents, an emoji), a word or a number.
/// Only a word wider than a whole line is cut, between characters, as much on each line
/// as fits.
public enum TextLayout {
    /// `text` as a terminal `width` columns wide should get it, by the rules above (0: as it is).
    public static func wrapped(_ text: String, width: Int) -> String { laidOut(text, width: width) }

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
        if columnsAtMost(line.utf8) <= width { return String(line) }
        var line = String(line)
        guard line.utf8.count > width, displayWidth(of: line) > width else { return line }
        if let ascii = line.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? wrapASCII(bytes, width: width) : nil }) {
            return ascii  // an ASCII line of a text that is not
        }
        return breaking(Substring(line), width: width)
    }

    /// At least the columns `text` takes, counted from its bytes without finding a single
    /// character: a printable ASCII byte is 1 column, a control 0, a scalar of two bytes at
    /// most 1 (nothing below U+1100 is wide), a scalar of three or four bytes at most 2. A
    /// cluster takes its first scalar's columns, or 2 for an emoji with VS16 (itself three
    /// bytes, so counted 2 here): never more than its scalars' bounds added up.
    static func columnsAtMost(_ text: Substring.UTF8View) -> Int {
        var columns = 0
        for byte in text {
            if byte < 0x80 {
                if byte >= 0x20 && byte != 0x7F { columns += 1 }
            } else if byte >= 0xE0 {
                columns += 2
            } else if byte >= 0xC0 {
                columns += 1
            }
        }
        return columns
    }

    /// The columns of ASCII bytes: one for each but controls and DEL.
    @inline(__always)
    private static func columns(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var width = 0
        for byte in bytes where byte >= 0x20 && byte != 0x7F { width += 1 }
        return width
    }

    /// `breaking` for an ASCII line, appended to `output`, the lines it fills written in
    /// place. A character is a byte here (CR LF, the one ASCII cluster of two, is two
    /// controls of no width, which `breaking` never separates either: nothing of no width
    /// starts a line).
    private static func breakingASCII(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, into output: inout [UInt8]) {
        let indent = min(hangingIndentASCII(bytes), width / 2)
        var leading = 0
        while leading < bytes.count && bytes[leading] == 0x20 { leading += 1 }
        append(UnsafeBufferPointer(rebasing: bytes[0..<leading]), to: &output)
        var currentWidth = leading
        var hasText = false
        func newLine() {
            output.append(0x0A)
            appendSpaces(indent, to: &output)
            currentWidth = indent
        }
        /// A word on a line holding nothing but its start: whole, or cut when wider than the line.
        func add(_ word: UnsafeBufferPointer<UInt8>, _ wordWidth: Int) {
            hasText = true
            guard currentWidth + wordWidth > width else {
                append(word, to: &output)
                currentWidth += wordWidth
                return
            }
            var fresh = true
            for byte in word {
                let columns = byte >= 0x20 && byte != 0x7F ? 1 : 0
                if columns > 0 && !fresh && currentWidth + columns > width {
                    newLine()
                    fresh = true
                }
                output.append(byte)
                currentWidth += columns
                if columns > 0 { fresh = false }
            }
        }
        var gap = 0
        var start = leading
        for index in leading...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
            start = index + 1
            guard !word.isEmpty else {
                if index < bytes.count { gap += 1 }
                continue
            }
            let wordWidth = columns(of: word)
            if !hasText {
                add(word, wordWidth)
            } else if currentWidth + gap + wordWidth <= width {
                appendSpaces(gap, to: &output)
                append(word, to: &output)
                currentWidth += gap + wordWidth
            } else {
                newLine()
                add(word, wordWidth)
            }
            gap = index < bytes.count ? 1 : 0
        }
        // Spaces ending the line stay when they fit.
        if hasText && currentWidth + gap <= width { appendSpaces(gap, to: &output) }
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

    /// A line too wide for `width` broken by the rules above, continuation lines hanging
    /// under its text; character by character, for any text.
    static func breaking(_ line: Substring, width: Int) -> String {
        let leading = line.prefix { $0 == " " }
        var breaker = LineBreaker(width: width, indent: min(hangingIndent(of: line), width / 2), leading: String(leading))
        var gap = 0
        var first = true
        for word in line.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
            if !first { gap += 1 }
            first = false
            guard !word.isEmpty else { continue }
            if !word.contains(where: isWide) {
                breaker.place(word, width: displayWidth(of: String(word)), gap: gap)
            } else {
                // Wide characters: the word breaks between them too, its pieces joined without a space.
                var pieceGap = gap
                for unit in units(of: word) {
                    breaker.place(unit, width: displayWidth(of: String(unit)), gap: pieceGap)
                    pieceGap = 0
                }
            }
            gap = 0
        }
        return breaker.finish(trailingGap: gap)
    }

    /// The pieces of a word that never break inside: runs without a break opportunity,
    /// which comes before and after each wide character, except before closing
    /// punctuation and after opening punctuation.
    static func units(of word: Substring) -> [Substring] {
        var units: [Substring] = []
        var start = word.startIndex
        var previous: Character?
        var index = word.startIndex
        while index < word.endIndex {
            let character = word[index]
            if let previous, isWide(previous) || isWide(character), !closesText(character), !opensText(previous) {
                units.append(word[start..<index])
                start = index
            }
            previous = character
            index = word.index(after: index)
        }
        units.append(word[start..<word.endIndex])
        return units
    }

    static func isWide(_ character: Character) -> Bool { TerminalWidth.columns(of: character) == 2 }

    /// Punctuation a line must not start with.
    static func closesText(_ character: Character) -> Bool { closing.contains(character) }
    /// Punctuation a line must not end with.
    static func opensText(_ character: Character) -> Bool { opening.contains(character) }

    private static let closing: Set<Character> = [
        ".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "、", "。", "，", "．", "：", "；", "！", "？", "）", "］", "｝",
        "」", "』", "】", "〕", "〉", "》", "〗", "〙", "〛", "｣", "ー", "々", "～", "…", "・",
    ]
    private static let opening: Set<Character> = ["(", "[", "{", "（", "［", "｛", "「", "『", "【", "〔", "〈", "《", "〖", "〘", "〚", "｢"]

    /// Fills lines greedily with what `place` is given, the first line starting with
    /// `leading`, the others with `indent` spaces.
    struct LineBreaker {
        let width: Int
        let indent: Int
        private var lines: [String] = []
        private var current: String
        private var currentWidth: Int
        /// The current line holds a piece (not only its start).
        private var hasText = false

        init(width: Int, indent: Int, leading: String) {
            self.width = width
            self.indent = indent
            self.current = leading
            self.currentWidth = leading.count
        }

        /// Puts `piece` (`pieceWidth` columns) after the current line's text and `gap`
        /// spaces, or at the start of a new line (the gap dropped) when it does not fit; one
        /// wider than a whole line is cut.
        mutating func place(_ piece: Substring, width pieceWidth: Int, gap: Int) {
            if !hasText {
                add(piece, pieceWidth)
            } else if currentWidth + gap + pieceWidth <= width {
                current += String(repeating: " ", count: gap)
                current += piece
                currentWidth += gap + pieceWidth
            } else {
                newLine()
                add(piece, pieceWidth)
            }
        }

        /// `piece` on a line holding nothing but its start: whole, or cut when it is wider
        /// than the line.
        private mutating func add(_ piece: Substring, _ pieceWidth: Int) {
            hasText = true
            guard currentWidth + pieceWidth > width else {
                current += piece
                currentWidth += pieceWidth
                return
            }
            var fresh = true
            for character in piece {
                let columns = TerminalWidth.columns(of: character)
                if columns > 0 && !fresh && currentWidth + columns > width {
                    newLine()
                    fresh = true
                }
                current.append(character)
                currentWidth += columns
                if columns > 0 { fresh = false }
            }
        }

        private mutating func newLine() {
            lines.append(current)
            current = String(repeating: " ", count: indent)
            currentWidth = indent
        }

        /// The lines, joined; spaces that ended the line stay when they fit.
        mutating func finish(trailingGap: Int) -> String {
            if hasText && currentWidth + trailingGap <= width { current += String(repeating: " ", count: trailingGap) }
            lines.append(current)
            return lines.joined(separator: "\n")
        }
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
