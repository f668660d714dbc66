import Storage

/// A report for other programs: one row a period with the same names in both formats, as
/// `hotelline export` writes records. `period`, `from` and `to` (its first and last day),
/// then every column's figure and its change (`calls`, `calls_change`, …).
///
/// - CSV (RFC 4180): a header row, then a row a period; CR LF line ends; a field quoted
///   when it holds a comma, a quote or a line end; a missing figure is an empty field.
/// - JSON Lines: one object a period, keys in the header's order; numbers as numbers,
///   a missing figure `null`.
public enum ReportRows {
    /// The header: `period`, `from`, `to`, then each column and its change.
    public static func names(_ report: ServiceReport) -> [String] {
        ["period", "from", "to"] + report.columns.flatMap { [$0.key, $0.key + "_change"] }
    }

    /// Each period's fields, as `names` lists them: text for the first three, then figures
    /// written for machines (nil: missing).
    static func values(_ report: ServiceReport) -> [[String?]] {
        report.periods.indices.map { position in
            let period = report.periods[position], figures = report.figures[position], before = report.previous(position)
            return [period.description, period.first.description, period.last.description] + report.columns.flatMap { column in
                [FigureFormat.machine(column.value(figures), column.unit),
                 FigureFormat.machine(column.change(from: before, to: figures), column.unit)]
            }
        }
    }

    public static func csv(_ report: ServiceReport) -> String {
        var text = names(report).map(RecordExporter.quoted).joined(separator: ",") + "\r\n"
        for row in values(report) { text += row.map { RecordExporter.quoted($0 ?? "") }.joined(separator: ",") + "\r\n" }
        return text
    }

    public static func jsonLines(_ report: ServiceReport) -> String {
        let keys = names(report)
        var text = ""
        for row in values(report) {
            let fields = zip(keys, row).enumerated().map { index, pair -> String in
                // The first three are text; the rest are numbers, written as they are.
                let value = pair.1.map { index < 3 ? RecordExporter.jsonString($0) : $0 } ?? "null"
                return RecordExporter.jsonString(pair.0) + ":" + value
            }
            text += "{" + fields.joined(separator: ",") + "}\n"
        }
        return text
    }
}
