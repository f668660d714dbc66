import HotelCalendar

/// Writes the store's records as CSV (RFC 4180) or JSON Lines, for the hotel's other
/// systems. Output goes out line by line through `write`, so a large export never has to
/// sit in memory as one string.
public enum RecordExporter {
    /// `view` reads the work lists (the stage, due time and history of callbacks,
    /// complaints and the lists of their own); UTC and the default rules when not given.
    public static func export(_ kind: ExportKind, as format: ExportFormat, from store: HotelStore, work view: WorkView? = nil,
                              write: (String) -> Void) {
        let view = view ?? WorkView(rules: WorkRules(zone: HotelTimeZone("UTC")!), now: WallTime(millisecondsSince1970: 0))
        let table = RecordTable(kind, from: store, work: view)
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

    private static func quoted(_ text: String) -> String {
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

    static func jsonString(_ text: String) -> String {
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
