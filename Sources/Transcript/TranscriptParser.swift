import HotelCalendar
import Dialogue

/// Reads the transcript format (README, "Transcripts"): a `#` header, then one entry per
/// line, `+SECONDS.MMM DIRECTION TEXT`. Blank lines and `#` lines after the header are
/// comments. Every problem comes back as `file:line: what is wrong`, never a crash.
enum TranscriptParser {
    static let headerKeys = ["session", "flows", "language", "started", "utc-offset"]
    /// 9999-12-31, and ten years: bounds that keep every clock a replay computes in range.
    static let latestStart: Int64 = 253_402_300_799_999
    static let longestCall: Int64 = 10 * 366 * 86_400_000

    static func parse(_ text: String, fileName: String) -> Result<TranscriptDocument, TranscriptError> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        func fail(_ line: Int, _ message: String) -> Result<TranscriptDocument, TranscriptError> {
            .failure(TranscriptError(file: fileName, line: line, message))
        }
        guard let first = lines.first else { return fail(1, "empty file: a transcript starts with \"# hotelline transcript \(TranscriptHeader.formatVersion)\"") }
        guard first.hasPrefix("# hotelline transcript "), let version = Int(first.dropFirst("# hotelline transcript ".count)) else {
            return fail(1, "not a hotelline transcript: the first line must be \"# hotelline transcript \(TranscriptHeader.formatVersion)\"")
        }
        guard version == TranscriptHeader.formatVersion else {
            return fail(1, "transcript format \(version) is not the one this hotelline reads (\(TranscriptHeader.formatVersion))")
        }
        var fields: [String: String] = [:]
        var entries: [TranscriptEntry] = []
        var lastOffset: Int64 = 0
        for (index, line) in lines.enumerated().dropFirst() {
            let number = index + 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if line.hasPrefix("#") {
                // Before the first entry, "# KEY VALUE" with a known key is a header field.
                let words = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
                if entries.isEmpty, let key = words.first, headerKeys.contains(key) {
                    guard fields[key] == nil else { return fail(number, "header field \"\(key)\" is given twice") }
                    fields[key] = words.count > 1 ? words[1] : ""
                }
                continue
            }
            guard entries.isEmpty == false || fields.count == headerKeys.count else {
                let missing = headerKeys.filter { fields[$0] == nil }.map { "# \($0)" }.joined(separator: ", ")
                return fail(number, "the header lacks \(missing) before the first entry (the recorder writes session, flows, language, started and utc-offset)")
            }
            switch parseEntry(line, number: number) {
            case .success(let entry):
                guard entry.offset >= lastOffset else {
                    return fail(number, "time offset \(TranscriptText.offset(entry.offset)) goes back before the entry above (\(TranscriptText.offset(lastOffset)))")
                }
                lastOffset = entry.offset
                entries.append(entry)
            case .failure(let problem):
                return fail(number, problem.description)
            }
        }
        let missing = headerKeys.filter { fields[$0] == nil }
        guard missing.isEmpty else {
            return fail(lines.count + 1, "the header lacks " + missing.map { "# \($0)" }.joined(separator: ", "))
        }
        let headerLine = { (key: String) in (lines.firstIndex { $0.hasPrefix("# \(key)") } ?? 0) + 1 }
        guard let started = Int64(fields["started"]!), (0...latestStart).contains(started) else {
            return fail(headerLine("started"), "# started must be milliseconds since 1970, e.g. 1795609585082, not \"\(fields["started"]!)\"")
        }
        guard let offset = Int(fields["utc-offset"]!), abs(offset) <= 14 * 3600 else {
            return fail(headerLine("utc-offset"), "# utc-offset must be the hotel's offset from UTC in seconds, e.g. 0 or 28800, not \"\(fields["utc-offset"]!)\"")
        }
        let header = TranscriptHeader(session: fields["session"]!, prompts: fields["flows"]!, language: fields["language"]!,
                                      startedAt: WallTime(millisecondsSince1970: started), utcOffsetSeconds: offset)
        return .success(TranscriptDocument(fileName: fileName, header: header, entries: entries, lines: lines))
    }

    /// `+12.345 guest 2`, `+12.345 line  Some text`, `+12.345 event hung up`.
    ///
    /// Read by Unicode scalar, not by `Character`: a text may start with a combining mark or
    /// a joiner, which as a `Character` would fuse with the space before it (and one after
    /// an escape with its `}`), and the entry would not read back.
    static func parseEntry(_ line: String, number: Int) -> Result<TranscriptEntry, TranscriptProblem> {
        let scalars = Substring(line).unicodeScalars
        let offsetText = Substring(scalars.prefix { $0 != " " })
        guard let offset = parseOffset(offsetText) else {
            return .failure(TranscriptProblem("bad time offset \"\(offsetText)\": an entry starts with +SECONDS.MILLISECONDS, e.g. +2.131, at most ten years in"))
        }
        let rest = scalars.dropFirst(offsetText.unicodeScalars.count).drop { $0 == " " }
        let word = String(String.UnicodeScalarView(rest.prefix { $0 != " " }))
        var text = Substring(rest.dropFirst(word.unicodeScalars.count))
        guard let direction = TranscriptDirection(rawValue: word) else {
            return .failure(TranscriptProblem("unknown direction \"\(word)\"" + Spelling.hint(for: word, among: TranscriptDirection.allCases.map(\.rawValue))
                + ": an entry is \"line\" (what the line said), \"guest\" (what the guest typed) or \"event\""))
        }
        // The recorder writes "line" padded to the width of "guest" and "event", then a space.
        let separator = direction == .said ? "  " : " "
        if text.unicodeScalars.starts(with: separator.unicodeScalars) {
            text = Substring(text.unicodeScalars.dropFirst(separator.count))
        } else if !text.unicodeScalars.allSatisfy({ $0 == " " }) {
            return .failure(TranscriptProblem("write \"\(direction.rawValue)\(separator)TEXT\": the text starts after \(separator.count == 2 ? "two spaces" : "one space")"))
        } else {
            text = ""
        }
        let unescaped: String
        switch unescape(text) {
        case .success(let value): unescaped = value
        case .failure(let problem): return .failure(problem)
        }
        switch direction {
        case .said: return .success(TranscriptEntry(line: number, offset: offset, content: .said(unescaped)))
        case .guest: return .success(TranscriptEntry(line: number, offset: offset, content: .typed(unescaped)))
        case .event:
            return TranscriptEvent.parse(unescaped).map { TranscriptEntry(line: number, offset: offset, content: .event($0)) }
        }
    }

    /// `+12.345` → 12345.
    static func parseOffset(_ text: Substring) -> Int64? {
        guard text.first == "+" else { return nil }
        let parts = text.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 12, parts[1].count == 3,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let seconds = Int64(parts[0]), let milliseconds = Int64(parts[1]), seconds * 1000 + milliseconds <= longestCall else { return nil }
        return seconds * 1000 + milliseconds
    }

    /// Undoes `TranscriptRecorder.escaped`: `\u{1b}` and `\\`.
    /// (By Unicode scalar: an escape followed by a combining mark is still an escape.)
    static func unescape(_ text: Substring) -> Result<String, TranscriptProblem> {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return .success(String(text)) }
        var result = String.UnicodeScalarView()
        var rest = text.unicodeScalars[...]
        while let backslash = rest.firstIndex(of: "\\") {
            result.append(contentsOf: rest[..<backslash])
            rest = rest[rest.index(after: backslash)...]
            if rest.first == "\\" {
                result.append("\\")
                rest = rest.dropFirst()
            } else if rest.starts(with: "u{".unicodeScalars), let close = rest.firstIndex(of: "}"),
                      let value = UInt32(String(String.UnicodeScalarView(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])), radix: 16),
                      let scalar = Unicode.Scalar(value) {
                result.append(scalar)
                rest = rest[rest.index(after: close)...]
            } else {
                return .failure(TranscriptProblem("bad escape \"\\\(String(String.UnicodeScalarView(rest.prefix(6))))\": write a backslash as \\\\ and a control character as \\u{1b}"))
            }
        }
        result.append(contentsOf: rest)
        return .success(String(result))
    }
}
