import Glibc
import HotelCalendar

/// The audit log, `DATA/audit.log` (`0600`): one event a line, as JSON Lines, for a
/// data-protection officer and the tools they use: logins, failed logins, lockouts and
/// unlocks, takeovers, hang-ups, every time an agent sees a guest's full phone number,
/// every export.
///
///     {"at":"2026-12-02T18:00:00.123Z","event":"login-failed","agent":"mei","from":"127.0.0.1"}
///
/// Promises: every line is one JSON object ending in LF, `at` and `event` first; values are
/// JSON strings or numbers, escaped by JSON's rules and more: every control character, line
/// or paragraph separator, format character (bidi marks and embeddings, zero-width
/// characters, the BOM), space other than U+0020, private-use or unassigned scalar is
/// written `\uXXXX`. So nothing a person typed can close a string, start a field, break the
/// line for any reader (U+2028 included), or look like something it is not on a terminal.
///
/// The server appends through its `FileAppender` (never blocking the line); the command
/// line appends directly, and does nothing it must log when the line cannot be written.
public enum AuditLog {
    public static let fileName = "audit.log"

    /// A field's value: text, or a whole number written as a JSON number.
    public enum Value: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case number(Int)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(integerLiteral value: Int) { self = .number(value) }
    }

    /// One line, stamped in UTC to the millisecond, ending in a newline.
    public static func line(_ event: String, _ details: KeyValuePairs<String, Value> = [:], at milliseconds: Int64) -> String {
        var text = "{\"at\":\"" + timestamp(milliseconds: milliseconds) + "\",\"event\":"
        appendString(event, to: &text)
        for (key, value) in details {
            text += ","
            appendString(key, to: &text)
            text += ":"
            switch value {
            case .text(let string): appendString(string, to: &text)
            case .number(let number): text += String(number)
            }
        }
        return text + "}\n"
    }

    /// `2026-12-02T18:00:00.123Z`.
    public static func timestamp(milliseconds: Int64) -> String {
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let whole = Int(fraction < 0 ? seconds - 1 : seconds), milli = Int(fraction < 0 ? fraction + 1000 : fraction)
        let (day, time) = whole.quotientAndRemainder(dividingBy: 86_400)
        let dayNumber = time < 0 ? day - 1 : day, second = time < 0 ? time + 86_400 : time
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let three = milli < 10 ? "00\(milli)" : milli < 100 ? "0\(milli)" : String(milli)
        return "\(CivilDate(dayNumber: dayNumber))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60)).\(three)Z"
    }

    /// `text` as a JSON string, quotes included.
    static func appendString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x7f && scalar.value >= 0x20 {
                    text.unicodeScalars.append(scalar)
                } else if isShownAsIs(scalar) {
                    text.unicodeScalars.append(scalar)
                } else if scalar.value > 0xFFFF {
                    let offset = scalar.value - 0x10000
                    text += hex4(0xD800 + (offset >> 10)) + hex4(0xDC00 + (offset & 0x3FF))
                } else {
                    text += hex4(scalar.value)
                }
            }
        }
        text += "\""
    }

    /// True for a scalar a terminal shows as a visible mark of its own: not a control, a
    /// format character, a separator other than the plain space, private use or unassigned.
    public static func isShownAsIs(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .privateUse, .surrogate, .unassigned: false
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark,
             .enclosingMark, .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation, .dashPunctuation, .openPunctuation,
             .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
             .modifierSymbol, .otherSymbol: true
        @unknown default: false
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Appends `line` now (the command line's way); returns why not, if it could not.
    @discardableResult
    public static func append(_ line: String, dataDirectory: String) -> String? {
        let path = dataDirectory + "/" + fileName
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "\(path): cannot open: \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        let written = line.utf8.withContiguousStorageIfAvailable { write(fd, $0.baseAddress, $0.count) } ?? -1
        guard written == line.utf8.count else { return "\(path): cannot write: \(String(cString: strerror(errno)))" }
        // The line is the licence for what follows it (an export): on disk before it happens.
        guard fsync(fd) == 0 else { return "\(path): cannot sync: \(String(cString: strerror(errno)))" }
        return nil
    }

    /// Milliseconds since 1970, from the system clock.
    public static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
