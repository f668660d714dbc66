/// The lines of a prompt file, as every reader of one takes them: split at LF, a CR just
/// before the LF dropped (a file saved on Windows reads as the same file saved with LF), and
/// any other CR or control character reported with its line, escaped (`\r`, `\u{1b}`) so the
/// message shows what an editor hides, then left out of the line so the rest still reads.
///
/// Splitting is by Unicode scalar, not by `Character`: to `String`, CR LF is one character,
/// so `split(separator: "\n")` never splits a CR LF file at all.
enum PromptLines {
    /// Each line (1-based numbers follow their order) and the problems found in them.
    static func split(_ text: String, fileName: String) -> (lines: [Substring], diagnostics: [PromptDiagnostic]) {
        var lines: [Substring] = []
        var diagnostics: [PromptDiagnostic] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        func finish(at end: String.UnicodeScalarView.Index) {
            var line = scalars[start..<end]
            if line.last == "\r" { line = line.dropLast() }
            if line.contains(where: isForbidden) {
                let location = SourceLocation(file: fileName, line: lines.count + 1)
                var reported: Set<Unicode.Scalar> = []
                for scalar in line where isForbidden(scalar) && reported.insert(scalar).inserted {
                    diagnostics.append(.error(location, message(for: scalar)))
                }
                var kept = String.UnicodeScalarView()
                kept.append(contentsOf: line.lazy.filter { !isForbidden($0) })
                lines.append(Substring(String(kept)))
            } else {
                lines.append(Substring(line))
            }
        }
        // Lines end at LF bytes (a LF is never part of a longer scalar in UTF-8), and a line
        // whose bytes hold no control is taken as it is, without walking its scalars. The
        // bytes are read in one pass from contiguous storage; an offset is an index at once.
        var contiguous = text
        let spans = contiguous.withUTF8(lineSpans)
        let utf8 = text.utf8
        for span in spans {
            start = utf8.index(utf8.startIndex, offsetBy: span.start)
            if span.mayHoldForbidden {
                finish(at: utf8.index(utf8.startIndex, offsetBy: span.end))
            } else {
                lines.append(text[start..<utf8.index(utf8.startIndex, offsetBy: span.last)])
            }
        }
        return (lines, diagnostics)
    }

    /// Where a line is in a file's bytes: it starts at `start`, its text ends at `last` (a CR
    /// before its LF left out), its LF (or the file's end) is at `end`.
    struct LineSpan {
        var start: Int
        var last: Int
        var end: Int
        /// Its text has a byte `mayBeForbidden` flags: its scalars are to be looked at.
        var mayHoldForbidden: Bool
    }

    /// Every line of `bytes`, split at LF: as many as LFs, plus one.
    static func lineSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> [LineSpan] {
        var spans: [LineSpan] = []
        var start = 0
        var suspect = false
        for index in 0...bytes.count {
            let byte: UInt8 = index < bytes.count ? bytes[index] : 0x0A
            guard byte == 0x0A else {
                if mayBeForbidden(byte) { suspect = true }
                continue
            }
            var last = index
            if last > start, bytes[last - 1] == 0x0D { last -= 1 }
            // The CR just dropped was counted: ask again of what stays.
            if suspect && last < index { suspect = bytes[start..<last].contains(where: mayBeForbidden) }
            spans.append(LineSpan(start: start, last: last, end: index, mayHoldForbidden: suspect))
            start = index + 1
            suspect = false
        }
        return spans
    }

    /// True when `byte` may be part of a scalar `isForbidden` refuses: a C0 control but tab,
    /// DEL, or the lead byte of a C1 control (U+0080 to U+009F, the two bytes C2 80 to C2 9F).
    @inline(__always)
    static func mayBeForbidden(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 || byte == 0x7F || byte == 0xC2
    }

    /// C0 controls but tab, DEL, and C1 controls: none belongs in a text a guest hears.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09) || value == 0x7f || (0x80..<0xa0).contains(value)
    }

    static func message(for scalar: Unicode.Scalar) -> String {
        if scalar == "\r" { return "a carriage return (\\r) inside the line: lines end with LF or CR LF; remove it" }
        return "a control character (\\u{\(String(scalar.value, radix: 16))}) in the line: a prompt file holds text, tabs and line ends only; remove it"
    }
}
