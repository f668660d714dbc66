/// The charts of the SVG report, drawn on an `SVGCanvas`: a card with a title and a legend,
/// and inside it either a chart over the periods (bars, stacked when several, and lines, on
/// one or two axes with their units) or horizontal bars for the whole range.
struct SVGChart {
    /// Bars over the periods; several are stacked.
    struct Bars {
        var name: String
        var color: String
        var values: [Double]
    }

    /// A line over the periods; a missing value breaks it.
    struct Line {
        var name: String
        var color: String
        var values: [Double?]
        var onRightAxis = false
    }

    /// A vertical axis: its unit in words, its range, and how a tick is written.
    struct Axis {
        var title: String
        var low: Double = 0
        var high: Double
        var step: Double
        var tick: (Double) -> String

        /// From 0 to a round number at or above `largest`, in about five steps (whole ones
        /// for counts).
        static func counting(_ title: String, upTo largest: Double, whole: Bool = true, tick: @escaping (Double) -> String) -> Axis {
            let (high, step) = SVGChart.roundScale(largest, whole: whole)
            return Axis(title: title, high: high, step: step, tick: tick)
        }
    }

    static let palette = ["#2f6db5", "#e07b39", "#3a9d5d", "#c8423b", "#7c5bb5", "#8c6d4f", "#d4679f", "#5f6b7a"]
    static let ink = "#1f2937", muted = "#6b7280", grid = "#e5e7eb", card = "#f9fafb", border = "#d1d5db"

    let x: Double, y: Double, width: Double, height: Double
    /// Rows the legend took (it wraps when it does not fit the card's width).
    private var legendRows = 1

    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The card: a light panel with `title` at its top and `legend` under it, in as many
    /// rows as it needs.
    mutating func card(_ canvas: inout SVGCanvas, _ title: String, legend: [(name: String, color: String, isLine: Bool)] = []) {
        canvas.rect(x, y, width, height, fill: Self.card, stroke: Self.border, radius: 8)
        canvas.text(title, x + 16, y + 26, size: 15, fill: Self.ink, weight: "bold")
        var at = x + 16, row = 0.0
        for item in legend {
            let itemWidth = 24 + Double(item.name.count) * 6.4
            if at > x + 16, at + itemWidth > x + width - 16 {
                at = x + 16
                row += 1
            }
            let middle = y + 44 + row * 16
            if item.isLine {
                canvas.line(at, middle, at + 18, middle, stroke: item.color, width: 3)
            } else {
                canvas.rect(at + 3, middle - 6, 12, 12, fill: item.color, radius: 2)
            }
            canvas.text(item.name, at + 24, middle + 4, size: 11, fill: Self.muted)
            at += itemWidth + 16
        }
        legendRows = Int(row) + 1
    }

    /// Bars and lines over `labels` (one per period) on `left` (and `right` for lines that
    /// say so), with an optional dashed `target` line on the left axis (the legend names it).
    func periods(_ canvas: inout SVGCanvas, labels: [String], bars: [Bars], lines: [Line], left: Axis, right: Axis? = nil,
                 target: Double? = nil) {
        let top = 46 + 16 * Double(legendRows)
        let plot = (x: x + 64, y: y + top, width: width - 64 - (right == nil ? 24 : 64), height: height - top - 40)
        func level(_ value: Double, _ axis: Axis) -> Double {
            let fraction = (value - axis.low) / max(axis.high - axis.low, 1e-9)
            return plot.y + plot.height - min(max(fraction, 0), 1) * plot.height
        }
        // Grid and the left axis's ticks; the right axis's ticks beside its edge.
        var tick = left.low
        while tick <= left.high + left.step / 1000 {
            let at = level(tick, left)
            canvas.line(plot.x, at, plot.x + plot.width, at, stroke: Self.grid)
            canvas.text(left.tick(tick), plot.x - 8, at + 4, size: 11, fill: Self.muted, anchor: .end)
            tick += left.step
        }
        canvas.text(left.title, x + 16, plot.y + plot.height / 2, size: 11, fill: Self.muted, anchor: .middle, rotate: true)
        if let right {
            var tick = right.low
            while tick <= right.high + right.step / 1000 {
                canvas.text(right.tick(tick), plot.x + plot.width + 8, level(tick, right) + 4, size: 11, fill: Self.muted)
                tick += right.step
            }
            canvas.text(right.title, x + width - 12, plot.y + plot.height / 2, size: 11, fill: Self.muted, anchor: .middle, rotate: true)
        }
        canvas.line(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height, stroke: Self.muted)
        let band = plot.width / Double(max(labels.count, 1))
        func centre(_ index: Int) -> Double { plot.x + band * (Double(index) + 0.5) }
        // Period labels, as many as fit without touching.
        let longest = Double(labels.map(\.count).max() ?? 1) * 6.6 + 10
        let every = max(1, Int((longest / band).rounded(.up)))
        for (index, label) in labels.enumerated() where index % every == 0 {
            canvas.text(label, centre(index), plot.y + plot.height + 18, size: 11, fill: Self.muted, anchor: .middle)
        }
        for index in labels.indices {
            var base = 0.0
            for series in bars {
                let value = series.values[index]
                guard value > 0 else { continue }
                let top = level(base + value, left), bottom = level(base, left)
                let barWidth = min(band * 0.7, 48)
                canvas.rect(centre(index) - barWidth / 2, top, barWidth, bottom - top, fill: series.color,
                            tooltip: "\(labels[index]): \(series.name) \(FigureFormat.fixed(value, decimals: 0))")
                base += value
            }
        }
        if let target {
            let at = level(target, left)
            canvas.line(plot.x, at, plot.x + plot.width, at, stroke: Self.palette[3], width: 1.5, dashed: true)
        }
        for series in lines {
            let axis = series.onRightAxis ? (right ?? left) : left
            var run: [(Double, Double)] = []
            for (index, value) in series.values.enumerated() {
                guard let value else {
                    canvas.polyline(run, stroke: series.color)
                    run = []
                    continue
                }
                run.append((centre(index), level(value, axis)))
            }
            canvas.polyline(run, stroke: series.color)
            for (index, value) in series.values.enumerated() {
                guard let value else { continue }
                canvas.circle(centre(index), level(value, axis), radius: labels.count > 40 ? 2 : 3.5, fill: series.color,
                              tooltip: "\(labels[index]): \(series.name) \(axis.tick(value))")
            }
        }
    }

    /// One bar a name, longest first as given, each with its figure written at its end;
    /// `empty` said instead when there is nothing to draw.
    func horizontal(_ canvas: inout SVGCanvas, _ items: [(name: String, value: Double, label: String)], high: Double, color: String,
                    empty: String) {
        let top = y + 50, rowHeight = min(30, (height - 62) / Double(max(items.count, 1)))
        guard !items.isEmpty, high > 0 else {
            canvas.text(empty, x + width / 2, y + height / 2 + 4, size: 13, fill: Self.muted, anchor: .middle)
            return
        }
        let nameWidth = 150.0, barLeft = x + 16 + nameWidth, barSpace = width - nameWidth - 16 - 130
        for (index, item) in items.enumerated() {
            let middle = top + rowHeight * (Double(index) + 0.5)
            canvas.text(TextTable.cut(item.name, to: 22), barLeft - 10, middle + 4, size: 12, fill: Self.ink, anchor: .end)
            let length = barSpace * min(item.value / high, 1)
            canvas.rect(barLeft, middle - rowHeight * 0.32, length, rowHeight * 0.64, fill: color, radius: 2,
                        tooltip: "\(item.name): \(item.label)")
            canvas.text(item.label, barLeft + length + 6, middle + 4, size: 11, fill: Self.muted)
        }
    }

    /// A round step (1, 2, 2.5 or 5 times a power of ten; whole numbers, never 2.5, when
    /// `whole`) for about five steps up to `largest`, and the top: the first step at or above
    /// it (0…50 by 10 for 43). At least one step, so an empty chart has an axis.
    static func roundScale(_ largest: Double, whole: Bool = false) -> (high: Double, step: Double) {
        let wanted = max(largest / 5, whole ? 1 : 1e-6)
        var power = 1.0
        while power * 10 <= wanted { power *= 10 }
        while power > wanted { power /= 10 }
        let multiples = whole ? [1.0, 2.0, 5.0, 10.0] : [1.0, 2.0, 2.5, 5.0, 10.0]
        let step = multiples.map { $0 * power }.first { $0 >= wanted } ?? power * 10
        return (max((largest / step).rounded(.up), 1) * step, step)
    }
}
