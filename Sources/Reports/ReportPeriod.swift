import HotelCalendar

/// How a report groups days: `--by day|week|month`.
public enum ReportGrouping: String, Sendable, CaseIterable, CustomStringConvertible {
    case day, week, month

    public var description: String { rawValue }
}

/// One period of a report: a day, an ISO week (Monday to Sunday) or a calendar month, on the
/// hotel's calendar. A value: every day lies in exactly one period of each grouping, and
/// `previous` and `next` step to the neighbouring period of the same grouping (across a
/// year's end too: the week of 2026-12-28 is 2026-W53 and the next is 2027-W01).
public struct ReportPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let grouping: ReportGrouping
    /// The period's first day (a Monday for a week, the 1st for a month).
    public let first: CivilDate

    /// The period of `grouping` that holds `day`.
    public init(containing day: CivilDate, by grouping: ReportGrouping) {
        self.grouping = grouping
        switch grouping {
        case .day: first = day
        case .week: first = day.adding(days: 1 - day.weekday)
        case .month: first = CivilDate(year: day.year, month: day.month, day: 1)!
        }
    }

    /// The first day of the period after this one.
    public var end: CivilDate {
        switch grouping {
        case .day: return first.adding(days: 1)
        case .week: return first.adding(days: 7)
        case .month: return first.adding(days: CivilDate.daysInMonth(year: first.year, month: first.month))
        }
    }

    /// The period's last day.
    public var last: CivilDate { end.adding(days: -1) }

    public var next: ReportPeriod { ReportPeriod(containing: end, by: grouping) }

    public var previous: ReportPeriod { ReportPeriod(containing: first.adding(days: -1), by: grouping) }

    public func contains(_ day: CivilDate) -> Bool { first <= day && day < end }

    /// `2027-03-01`, `2027-W09` (the ISO week-numbering year and week) or `2027-03`.
    public var description: String {
        switch grouping {
        case .day: return first.description
        case .week:
            let (year, week) = Self.isoWeek(of: first)
            return Self.digits(year, 4) + "-W" + Self.digits(week, 2)
        case .month: return String(first.description.prefix(7))
        }
    }

    /// Every period of `grouping` from the one holding `from` to the one holding `to`, in
    /// order: whole periods, so a month asked for from its 10th is the whole month.
    public static func covering(from: CivilDate, to: CivilDate, by grouping: ReportGrouping) -> [ReportPeriod] {
        var periods: [ReportPeriod] = []
        var period = ReportPeriod(containing: from, by: grouping)
        while period.first <= to {
            periods.append(period)
            period = period.next
        }
        return periods
    }

    /// How many periods `covering` would give, without making them (to refuse a range too
    /// long before building it).
    public static func count(from: CivilDate, to: CivilDate, by grouping: ReportGrouping) -> Int {
        guard from <= to else { return 0 }
        let first = ReportPeriod(containing: from, by: grouping).first, last = ReportPeriod(containing: to, by: grouping).first
        switch grouping {
        case .day: return CivilDate.days(from: first, to: last) + 1
        case .week: return CivilDate.days(from: first, to: last) / 7 + 1
        case .month: return (last.year - first.year) * 12 + last.month - first.month + 1
        }
    }

    /// ISO 8601 week date: the week belongs to the year of its Thursday, and week 1 is the
    /// one holding that year's first Thursday.
    static func isoWeek(of day: CivilDate) -> (year: Int, week: Int) {
        let thursday = day.adding(days: 4 - day.weekday)
        let january1 = CivilDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, CivilDate.days(from: january1, to: thursday) / 7 + 1)
    }

    private static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    public static func < (lhs: ReportPeriod, rhs: ReportPeriod) -> Bool { lhs.first < rhs.first }
}
