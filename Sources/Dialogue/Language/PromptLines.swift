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
        var index = start
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
        // whose bytes hold no control is taken as it is, without walking its scalars.
        let utf8 = text.utf8
        while true {
            let end = utf8[index...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var last = end
            if last > start, utf8[utf8.index(before: last)] == 0x0D { last = utf8.index(before: last) }
            if mayHoldForbidden(utf8[start..<last]) {
                finish(at: end)
            } else {
                lines.append(text[start..<last])
            }
            guard end != utf8.endIndex else { break }
            start = utf8.index(after: end)
            index = start
        }
        return (lines, diagnostics)
    }

    /// True when `bytes` may encode a scalar `isForbidden` refuses: a C0 control but tab, DEL,
    /// or a C1 control (U+0080 to U+009F, the two bytes C2 80 to C2 9F).
    static func mayHoldForbidden(_ bytes: Substring.UTF8View) -> Bool {
        bytes.contains { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 }
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
