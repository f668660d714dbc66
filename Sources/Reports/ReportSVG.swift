import Storage

/// A report as one SVG page for a browser: the hotel and the range at the top, the latest
/// period's headline figures with their change, then charts over the periods (calls and
/// their length, waits for a person against the target, the service's rates, satisfaction
/// and loyalty, business handled, complaints and their rate) and charts of the whole range
/// (complaints by category and department, satisfaction by dimension, revisits by kind of
/// guest). Every chart has its title, its axes' units and a legend; every bar and point
/// tells its figure on hover.
public enum ReportSVG {
    static let width = 1200.0, margin = 32.0, gutter = 24.0, rowHeight = 250.0, rowGap = 20.0, chartsTop = 216.0

    public static func render(_ report: ServiceReport) -> String {
        let height = chartsTop + 5 * (rowHeight + rowGap) + 36
        var canvas = SVGCanvas(width: width, height: height)
        let first = report.periods.first?.first.description ?? "", last = report.periods.last?.last.description ?? ""
        let title = "\(report.settings.hotelName): service report"
        canvas.text(title, margin, 44, size: 26, fill: SVGChart.ink, weight: "bold")
        let count = report.periods.count
        canvas.text("By \(report.grouping), \(first) to \(last) (\(count) \(report.grouping)\(count == 1 ? "" : "s"))  ·  read at "
                    + "\(report.readAt.date) \(report.readAt.time) on the hotel's clock  ·  answer target \(report.settings.answerTargetSeconds) s",
                    margin, 72, size: 14, fill: SVGChart.muted)
        canvas.line(margin, 90, width - margin, 90, stroke: SVGChart.border)
        tiles(&canvas, report)
        charts(&canvas, report)
        canvas.text("Computed from the journal by hotelline report. Each change is from the period before; the README says how "
                    + "every figure is counted.", margin, height - 14, size: 11, fill: SVGChart.muted)
        return canvas.document(title: title + ", \(first) to \(last)")
    }

    /// The latest period's headline figures, each with its change and whether that is good.
    static func tiles(_ canvas: inout SVGCanvas, _ report: ServiceReport) {
        guard let position = report.periods.indices.last else { return }
        let figures = report.figures[position], before = report.previous(position)
        canvas.text("Latest \(report.grouping): \(report.periods[position])", margin, 116, size: 12, fill: SVGChart.muted, weight: "bold")
        // Key, and whether up is good (nil: neither).
        let shown: [(String, Bool?)] = [("calls", nil), ("average_call_seconds", nil), ("answered_in_target_share", true),
                                        ("satisfaction", true), ("resolution_rate", true), ("revisit_completion", true)]
        let tileWidth = (width - 2 * margin - 5 * 16) / 6
        for (index, (key, upIsGood)) in shown.enumerated() {
            guard let column = report.column(key) else { continue }
            let x = margin + Double(index) * (tileWidth + 16), y = 124.0
            canvas.rect(x, y, tileWidth, 76, fill: SVGChart.card, stroke: SVGChart.border, radius: 8)
            canvas.text(column.title, x + 12, y + 20, size: 12, fill: SVGChart.muted)
            canvas.text(FigureFormat.text(column.value(figures), column.unit), x + 12, y + 48, size: 24, fill: SVGChart.ink, weight: "bold")
            let change = column.change(from: before, to: figures)
            var colour = SVGChart.muted, arrow = ""
            if let change, change != 0 {
                arrow = change > 0 ? "▲ " : "▼ "
                if let upIsGood { colour = (change > 0) == upIsGood ? "#15803d" : "#b91c1c" }
            }
            let was = shortLabel(report.periods[position].previous)
            canvas.text(change == nil ? "no figure for \(was)" : arrow + FigureFormat.change(change, column.unit) + " on \(was)",
                        x + 12, y + 67, size: 11, fill: colour)
        }
    }

    static func charts(_ canvas: inout SVGCanvas, _ report: ServiceReport) {
        let columnWidth = (width - 2 * margin - gutter) / 2
        func frame(_ row: Int, _ column: Int) -> SVGChart {
            SVGChart(x: margin + Double(column) * (columnWidth + gutter), y: chartsTop + Double(row) * (rowHeight + rowGap),
                     width: columnWidth, height: rowHeight)
        }
        let labels = report.periods.map(shortLabel)
        let figures = report.figures
        func series(_ key: String) -> [Double?] { figures.map { report.column(key)!.value($0) } }
        let palette = SVGChart.palette
        let percent: (Double) -> String = { FigureFormat.fixed($0 * 100, decimals: 0) + "%" }
        let whole: (Double) -> String = { FigureFormat.fixed($0, decimals: 0) }
        let seconds: (Double) -> String = { FigureFormat.fixed($0, decimals: $0 < 10 && $0 != 0 ? 1 : 0) }
        let shares = SVGChart.Axis(title: "percent", high: 1, step: 0.2, tick: percent)

        // Calls and their length.
        let calls = figures.map { Double($0.calls) }, average = series("average_call_seconds")
        var chart = frame(0, 0)
        chart.card(&canvas, "Call volume and average call length",
                   legend: [("calls", palette[0], false), ("average call (seconds)", palette[1], true)])
        chart.periods(&canvas, labels: labels, bars: [SVGChart.Bars(name: "calls", color: palette[0], values: calls)],
                      lines: [SVGChart.Line(name: "average call", color: palette[1], values: average, onRightAxis: true)],
                      left: .counting("calls", upTo: calls.max() ?? 0, tick: whole),
                      right: .counting("seconds", upTo: average.compactMap { $0 }.max() ?? 0, whole: false, tick: seconds))

        // Waits for a person against the target.
        let median = series("wait_median_seconds"), p90 = series("wait_p90_seconds")
        let target = Double(report.settings.answerTargetSeconds)
        chart = frame(0, 1)
        chart.card(&canvas, "Waiting for a person (put through)",
                   legend: [("median", palette[0], true), ("90th percentile", palette[4], true),
                            ("target, \(report.settings.answerTargetSeconds) s", palette[3], true)])
        chart.periods(&canvas, labels: labels, bars: [],
                      lines: [SVGChart.Line(name: "median", color: palette[0], values: median),
                              SVGChart.Line(name: "90th percentile", color: palette[4], values: p90)],
                      left: .counting("seconds waited", upTo: max(target, (median + p90).compactMap { $0 }.max() ?? 0), whole: false, tick: seconds),
                      target: target)

        // The rates.
        let rates: [(String, String)] = [("resolution_rate", "resolution"), ("complaint_timeliness", "complaint timeliness"),
                                         ("revisit_completion", "revisit completion"), ("answered_in_target_share", "answered in target")]
        chart = frame(1, 0)
        chart.card(&canvas, "Service rates", legend: rates.enumerated().map { ($1.1, palette[[2, 1, 4, 0][$0]], true) })
        chart.periods(&canvas, labels: labels, bars: [], lines: rates.enumerated().map { index, rate in
            SVGChart.Line(name: rate.1, color: palette[[2, 1, 4, 0][index]], values: series(rate.0))
        }, left: shares)

        // Satisfaction and loyalty.
        chart = frame(1, 1)
        chart.card(&canvas, "Satisfaction and loyalty", legend: [("satisfaction (1 to 5)", palette[0], true),
                                                                 ("would return", palette[2], true), ("would recommend", palette[1], true)])
        chart.periods(&canvas, labels: labels, bars: [],
                      lines: [SVGChart.Line(name: "satisfaction", color: palette[0], values: series("satisfaction")),
                              SVGChart.Line(name: "would return", color: palette[2], values: series("would_return"), onRightAxis: true),
                              SVGChart.Line(name: "would recommend", color: palette[1], values: series("would_recommend"), onRightAxis: true)],
                      left: SVGChart.Axis(title: "average rating", low: 1, high: 5, step: 1, tick: whole),
                      right: SVGChart.Axis(title: "percent of guests", high: 1, step: 0.2, tick: percent))

        // Business handled, stacked.
        let business: [(String, String)] = [("bookings", "booked"), ("booking_changes", "changed"), ("cancellations", "cancelled"),
                                            ("complaints", "complaints"), ("callbacks", "callbacks"), ("surveys", "surveys")]
        chart = frame(2, 0)
        chart.card(&canvas, "Business handled", legend: business.enumerated().map { ($1.1, palette[$0], false) })
        chart.periods(&canvas, labels: labels, bars: business.enumerated().map { index, kind in
            SVGChart.Bars(name: kind.1, color: palette[index], values: series(kind.0).map { $0 ?? 0 })
        }, lines: [], left: .counting("records", upTo: Double(figures.map(\.businessHandled).max() ?? 0), tick: whole))

        // Complaints and their rate.
        let complaints = figures.map { Double($0.complaints) }, rate = series("complaint_rate")
        chart = frame(2, 1)
        chart.card(&canvas, "Complaints and complaint rate",
                   legend: [("complaints", palette[3], false), ("complaints per call", palette[5], true)])
        chart.periods(&canvas, labels: labels, bars: [SVGChart.Bars(name: "complaints", color: palette[3], values: complaints)],
                      lines: [SVGChart.Line(name: "complaints per call", color: palette[5], values: rate, onRightAxis: true)],
                      left: .counting("complaints", upTo: complaints.max() ?? 0, tick: whole),
                      right: .counting("percent of calls", upTo: min(1, max(rate.compactMap { $0 }.max() ?? 0, 0.05)), whole: false, tick: percent))

        wholeRange(&canvas, report, frame)
    }

    /// The breakdowns over the whole range.
    static func wholeRange(_ canvas: inout SVGCanvas, _ report: ServiceReport, _ frame: (Int, Int) -> SVGChart) {
        let total = PeriodFigures.total(report.figures)
        let palette = SVGChart.palette
        func counts(_ items: [(String, Int)]) -> [(name: String, value: Double, label: String)] {
            items.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.map { ($0.0, Double($0.1), "\($0.1)") }
        }
        let categories = counts(report.categories.map { ($0, total.complaintsByCategory[$0] ?? 0) })
        var chart = frame(3, 0)
        chart.card(&canvas, "Complaints by category (whole range)")
        chart.horizontal(&canvas, categories, high: categories.first?.value ?? 0, color: palette[3], empty: "No complaints in this range")
        let departments = counts(report.departments.map { department in
            (department.name, department.categories.reduce(0) { $0 + (total.complaintsByCategory[$1] ?? 0) })
        })
        chart = frame(3, 1)
        chart.card(&canvas, "Complaints by department (whole range)")
        chart.horizontal(&canvas, departments, high: departments.first?.value ?? 0, color: palette[5],
                         empty: report.departments.isEmpty ? "hotel.conf names no departments" : "No complaints in this range")
        let dimensions = report.dimensions.compactMap { dimension -> (name: String, value: Double, label: String)? in
            guard let tally = total.ratingsByDimension[dimension], let average = tally.average else { return nil }
            return (dimension.replacingUnderscores, average, FigureFormat.fixed(average, decimals: 2) + " of 5 (\(tally.count))")
        }
        chart = frame(4, 0)
        chart.card(&canvas, "Satisfaction by survey dimension (whole range, 1 to 5)")
        chart.horizontal(&canvas, dimensions, high: 5, color: palette[0], empty: "No survey ratings in this range")
        let kinds = GuestKind.allCases.compactMap { kind -> (name: String, value: Double, label: String)? in
            guard let share = total.revisitsByKind[kind], let completion = share.share else { return nil }
            return (kind.description, completion, "\(share.yes) of \(share.of) (" + FigureFormat.text(completion, .share) + ")")
        }
        chart = frame(4, 1)
        chart.card(&canvas, "Revisit completion by kind of guest (whole range)")
        chart.horizontal(&canvas, kinds, high: 1, color: palette[2], empty: "No revisits fell due in this range")
    }

    /// A period as an axis shows it: `03-01`, `W09`, `2027-03`.
    static func shortLabel(_ period: ReportPeriod) -> String {
        let text = period.description
        switch period.grouping {
        case .day: return String(text.dropFirst(5))
        case .week: return String(text.dropFirst(5))
        case .month: return text
        }
    }
}

extension String {
    /// `front_desk` as `front desk`.
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
