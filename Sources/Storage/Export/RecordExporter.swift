import HotelCalendar

/// Writes the store's records as CSV (RFC 4180) or JSON Lines, for the hotel's other
/// systems. Output goes out line by line through `write`, so a large export never has to
/// sit in memory as one string.
public enum RecordExporter {
    /// `view` reads the work lists (the stage, due time and history of callbacks,
    /// complaints and the lists of their own); UTC and the default rules when not given.
    /// `masked` masks guests' names, phones and emails for sharing.
    public static func export(_ kind: ExportKind, as format: ExportFormat, from store: HotelStore, work view: WorkView? = nil,
                              masked: Bool = false, write: (String) -> Void) {
        let view = view ?? WorkView(rules: WorkRules(zone: HotelTimeZone("UTC")!), now: WallTime(millisecondsSince1970: 0))
        var table = RecordTable(kind, from: store, work: view)
        if masked { table = ExportMask.masked(table) }
        switch format {
        case .csv:
            write(table.columns.joined(separator: ",") + "\r\n")
            for row in table.rows { write(row.map(csvField).joined(separator: ",") + "\r\n") }
        case .json:
            for row in table.rows {
                let fields = zip(table.columns, row).map { "\"\($0)\":\(jsonValue($1))" }
                write("{" + fields.joined(separator: ",") + "}\n")
            }
        }
    }

    static func csvField(_ value: ExportValue) -> String {
        switch value {
        case .missing: return ""
        case .number(let number): return String(number)
        case .flag(let flag): return flag ? "yes" : "no"
        case .text(let text): return quoted(text)
        case .guestText(let text):
            // A guest could type "=HYPERLINK(…)"; a leading quote keeps a spreadsheet from running it.
            let risky = text.first.map { "=+-@\t\r".contains($0) } ?? false
            return quoted(risky ? "'" + text : text)
        }
    }

    /// `text` as an RFC 4180 field: quoted (each `"` doubled) when it holds a comma, a quote
    /// or a line end; as it is otherwise.
    public static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        var field = "\""
        for character in text {
            if character == "\"" { field += "\"\"" } else { field.append(character) }
        }
        return field + "\""
    }

    static func jsonValue(_ value: ExportValue) -> String {
        switch value {
        case .missing: return "null"
        case .number(let number): return String(number)
        case .flag(let flag): return flag ? "true" : "false"
        case .text(let text), .guestText(let text): return jsonString(text)
        }
    }

    /// `text` as a JSON string: quoted, with quotes, backslashes, control characters and the
    /// line and paragraph separators escaped.
    public static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// `export --mask`: guests' names, phone numbers and emails masked, for sharing the records
/// with someone who must not see who the guests are. Each distinct name becomes `Guest 1`,
/// `Guest 2`… in order of appearance (so rows of one guest still go together); a phone
/// keeps its last four digits (`******0958`, as the console shows it); an email becomes
/// `guestN@example.invalid`; a birthday is left out (and in a table of birthdays, the due
/// time, which is the birthday's end). Free text (a complaint's details) is left as the
/// guest wrote it.
enum ExportMask {
    static let nameColumns: Set<String> = ["guest_name", "name"]
    static let droppedColumns: Set<String> = ["birthday"]
    static let phoneColumns: Set<String> = ["phone"]
    static let emailColumns: Set<String> = ["email"]

    static func masked(_ table: RecordTable) -> RecordTable {
        var names: [String: Int] = [:], emails: [String: Int] = [:]
        var table = table
        let dropped = table.columns.contains("birthday") && table.columns.contains("due") ? droppedColumns.union(["due"]) : droppedColumns
        for (index, column) in table.columns.enumerated() {
            for row in table.rows.indices {
                guard let text = table.rows[row][index].textValue, !text.isEmpty else { continue }
                if nameColumns.contains(column) {
                    let number = names[text] ?? (names.count + 1)
                    names[text] = number
                    table.rows[row][index] = .text("Guest \(number)")
                } else if phoneColumns.contains(column) {
                    table.rows[row][index] = .text(phone(text))
                } else if dropped.contains(column) {
                    table.rows[row][index] = .missing
                } else if emailColumns.contains(column) {
                    let number = emails[text] ?? (emails.count + 1)
                    emails[text] = number
                    table.rows[row][index] = .text("guest\(number)@example.invalid")
                }
            }
        }
        return table
    }

    /// Every digit but the last four as `*`, the rest dropped: `+44 20 7946 0958` → `******0958`.
    static func phone(_ text: String) -> String {
        let digits = text.filter(\.isASCIIDigit)
        guard digits.count > 4 else { return String(repeating: "*", count: digits.count) }
        return String(repeating: "*", count: 6) + digits.suffix(4)
    }
}

extension ExportValue {
    var textValue: String? {
        switch self {
        case .text(let text), .guestText(let text): text
        case .missing, .number, .flag: nil
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
