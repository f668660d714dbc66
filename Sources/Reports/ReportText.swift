import Storage

/// A report as text for a terminal: a heading, then one table per group of measures with a
/// row per period, then the breakdowns (complaints by category and department, satisfaction
/// by dimension, revisits by kind of guest) with a row per period and name that has
/// anything to show. Every line fits 80 columns (`TextTable`); a change is from the period
/// before, `-` where there is nothing to compare.
public enum ReportText {
    public static func render(_ report: ServiceReport) -> String {
        var tables: [TextTable] = []
        tables.append(measures(report, "Calls", [("calls", true), ("average_call_seconds", true), ("complaint_rate", true)],
                               titles: ["calls", "avg call", "complaint rate"]))
        tables.append(measures(report, "Answering a guest who asks for a person (target \(report.settings.answerTargetSeconds) s)",
                               [("person_requests", false), ("put_through", false), ("wait_median_seconds", false),
                                ("wait_p90_seconds", false), ("answered_in_target_share", true)],
                               titles: ["asked", "put through", "median", "90th pct", "in target"]))
        tables.append(measures(report, "Business handled (the total counts complaints too)",
                               [("bookings", false), ("booking_changes", false), ("cancellations", false), ("callbacks", false),
                                ("surveys", false), ("business_handled", true)],
                               titles: ["booked", "changed", "cancelled", "callbacks", "surveys", "total"]))
        tables.append(measures(report, "Complaints: resolution and timeliness (handled by the list's due times)",
                               [("complaints", false), ("complaints_resolved", false), ("resolution_rate", true),
                                ("complaint_timeliness", true)],
                               titles: ["received", "resolved", "resolution", "timeliness"]))
        tables.append(measures(report, "Satisfaction (ratings 1 to 5) and loyalty",
                               [("ratings", false), ("satisfaction", true), ("would_return", true), ("would_recommend", true)],
                               titles: ["ratings", "score", "would return", "recommend"]))
        tables.append(measures(report, "Revisits", [("revisits_planned", false), ("revisits_done", false), ("revisit_completion", true)],
                               titles: ["planned", "done", "completion"]))
        tables.append(breakdown(report, "Complaints by category", name: "category", report.categories.map { category in
            (category, [report.column("complaints_category_" + category)!])
        }, titles: ["received"]))
        if !report.departments.isEmpty {
            tables.append(breakdown(report, "Complaints by department", name: "department", report.departments.map { department in
                (department.name, [report.column("complaints_department_" + department.code)!])
            }, titles: ["received"]))
        }
        tables.append(breakdown(report, "Satisfaction by survey dimension", name: "dimension", report.dimensions.map { dimension in
            (dimension, [report.column("ratings_" + dimension)!, report.column("satisfaction_" + dimension)!])
        }, titles: ["ratings", "score"]))
        tables.append(breakdown(report, "Revisits by kind of guest", name: "kind", GuestKind.allCases.map(\.description).map { kind in
            (kind, [report.column("revisits_planned_" + kind)!, report.column("revisits_done_" + kind)!,
                    report.column("revisit_completion_" + kind)!])
        }, titles: ["planned", "done", "completion"]))
        var lines = heading(report)
        for table in tables {
            lines.append("")
            lines += table.lines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The hotel, the range and grouping, and when it was read.
    static func heading(_ report: ServiceReport) -> [String] {
        let first = report.periods.first?.first.description ?? "", last = report.periods.last?.last.description ?? ""
        return [TextTable.cut("\(report.settings.hotelName): service report by \(report.grouping), \(first) to \(last)", to: 80),
                "Read at \(report.readAt.date) \(report.readAt.time) (hotel's clock); changes are from the period before."]
    }

    /// A row per period: each of `keys`' figures, followed by its change where asked.
    static func measures(_ report: ServiceReport, _ title: String, _ keys: [(key: String, change: Bool)], titles: [String]) -> TextTable {
        var header: [(String, TextTable.Alignment)] = [("period", .left)]
        for (index, key) in keys.enumerated() {
            header.append((titles[index], .right))
            if key.change { header.append(("change", .right)) }
        }
        var table = TextTable(title, header)
        let columns = keys.map { report.column($0.key)! }
        for (position, period) in report.periods.enumerated() {
            let figures = report.figures[position], before = report.previous(position)
            var row = [period.description]
            for (index, key) in keys.enumerated() {
                let column = columns[index]
                row.append(FigureFormat.text(column.value(figures), column.unit))
                if key.change { row.append(FigureFormat.change(column.change(from: before, to: figures), column.unit)) }
            }
            table.add(row)
        }
        return table
    }

    /// A row per period and name with anything to show there or in the period before: each
    /// of the name's figures, and the change of the last; one row saying so when none has.
    static func breakdown(_ report: ServiceReport, _ title: String, name: String, _ names: [(String, [ReportColumn])],
                          titles: [String]) -> TextTable {
        var table = TextTable(title, [("period", .left), (name, .left)] + titles.map { ($0, .right) } + [("change", .right)])
        for (position, period) in report.periods.enumerated() {
            let figures = report.figures[position], before = report.previous(position)
            var shown = 0
            for (label, columns) in names {
                let counted = columns[0]
                guard (counted.value(figures) ?? 0) > 0 || (counted.value(before) ?? 0) > 0 else { continue }
                let last = columns[columns.count - 1]
                table.add([shown == 0 ? period.description : "", label] + columns.map { FigureFormat.text($0.value(figures), $0.unit) }
                          + [FigureFormat.change(last.change(from: before, to: figures), last.unit)])
                shown += 1
            }
        }
        if table.rows.isEmpty { table.add(["", "none in this range"] + titles.map { _ in "" } + [""]) }
        return table
    }
}
