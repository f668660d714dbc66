/// How figures are written: for people (text and SVG: `75.0%`, `2m05s`, `+5.0 pp`) and for
/// machines (CSV and JSON: plain decimals, a share as a fraction, no signs but minus). The
/// same rounding everywhere, done on whole numbers, so no locale or platform changes a digit.
enum FigureFormat {
    /// `value` as a person reads it; `-` when missing.
    static func text(_ value: Double?, _ unit: ReportColumn.Unit) -> String {
        guard let value else { return "-" }
        switch unit {
        case .count: return String(Int(value.rounded()))
        case .share: return fixed(value * 100, decimals: 1) + "%"
        case .seconds: return duration(value)
        case .score: return fixed(value, decimals: 2)
        }
    }

    /// A change as a person reads it: signed, a share's in percentage points; `-` when missing.
    static func change(_ value: Double?, _ unit: ReportColumn.Unit) -> String {
        guard let value else { return "-" }
        let sign = value > 0 ? "+" : value < 0 ? "-" : ""
        switch unit {
        case .count:
            let whole = Int(value.rounded())
            return whole == 0 ? "0" : (whole > 0 ? "+" : "") + String(whole)
        case .share:
            let text = fixed(abs(value) * 100, decimals: 1)
            return (text == "0.0" ? "" : sign) + text + " pp"
        case .seconds:
            let text = duration(abs(value))
            return (text == "0.0s" ? "" : sign) + text
        case .score:
            let text = fixed(abs(value), decimals: 2)
            return (text == "0.00" ? "" : sign) + text
        }
    }

    /// `value` for CSV and JSON: counts whole, shares as fractions to 4 places, seconds to the
    /// millisecond, scores to 4 places; nil when missing.
    static func machine(_ value: Double?, _ unit: ReportColumn.Unit) -> String? {
        guard let value else { return nil }
        switch unit {
        case .count: return String(Int(value.rounded()))
        case .share, .score: return fixed(value, decimals: 4)
        case .seconds: return fixed(value, decimals: 3)
        }
    }

    /// `42.5s` under a minute, `2m05s` under an hour, `1h02m` past it.
    static func duration(_ seconds: Double) -> String {
        if seconds < 59.95 { return fixed(seconds, decimals: 1) + "s" }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60)m" + two(whole % 60) + "s" }
        return "\(whole / 3600)h" + two(whole / 60 % 60) + "m"
    }

    /// `value` rounded half away from zero to `decimals` places: `fixed(2.345, 2)` is
    /// `2.35`, `fixed(-0.004, 2)` is `0.00` (no minus on a zero).
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = String(scaled / Int(scale))
        let negative = value < 0 && scaled != 0
        guard decimals > 0 else { return (negative ? "-" : "") + whole }
        let fraction = String(scaled % Int(scale))
        return (negative ? "-" : "") + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
