import HotelCalendar

/// A period a revisit plan is made for (DOMAIN.md: plans by year, quarter and month),
/// written `2027`, `2027-Q1` or `2027-01`. A value: its days run from `first` to `last` on
/// the hotel's calendar, both counted, and every day of a year lies in exactly one of its
/// months and one of its quarters.
public struct PlanPeriod: Hashable, Sendable, CustomStringConvertible {
    /// How long a period is.
    public enum Length: String, Hashable, Sendable, CaseIterable {
        case month, quarter, year
    }

    public let length: Length
    /// The period's first day.
    public let first: CivilDate

    /// The year `year` (1 to 9999).
    public init?(year: Int) {
        guard (1...9999).contains(year), let first = CivilDate(year: year, month: 1, day: 1) else { return nil }
        self.length = .year
        self.first = first
    }

    /// Quarter `quarter` (1 to 4) of `year`: Q1 is January to March.
    public init?(year: Int, quarter: Int) {
        guard (1...9999).contains(year), (1...4).contains(quarter), let first = CivilDate(year: year, month: quarter * 3 - 2, day: 1) else {
            return nil
        }
        self.length = .quarter
        self.first = first
    }

    /// Month `month` (1 to 12) of `year`.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), let first = CivilDate(year: year, month: month, day: 1) else { return nil }
        self.length = .month
        self.first = first
    }

    /// Reads `2027`, `2027-Q1` (or `q1`) or `2027-01` (or `2027-1`); anything else is a
    /// problem that says what was wrong and how to write it.
    public init(_ text: String) throws(PlanPeriodProblem) {
        self = try PlanPeriodReader.read(text)
    }

    /// The period's last day.
    public var last: CivilDate { following.first.adding(days: -1) }

    /// How many days the period has (a leap year's February 29, a leap year 366).
    public var days: Int { CivilDate.days(from: first, to: following.first) }

    public func contains(_ day: CivilDate) -> Bool { first <= day && day <= last }

    /// The period of the same length that comes next: 2027-12 → 2028-01, 2027-Q4 → 2028-Q1.
    /// (For a report's change from one period to the next.) Past 9999, itself.
    public var next: PlanPeriod { following.first.year <= 9999 ? following : self }

    /// The period of the same length before: 2027-01 → 2026-12, 2027-Q1 → 2026-Q4.
    /// Before year 1, itself.
    public var previous: PlanPeriod {
        let day = first.adding(days: -1)
        let before: PlanPeriod?
        switch length {
        case .month: before = PlanPeriod(year: day.year, month: day.month)
        case .quarter: before = PlanPeriod(year: day.year, quarter: (day.month + 2) / 3)
        case .year: before = PlanPeriod(year: day.year)
        }
        return before ?? self
    }

    /// `2027-01`, `2027-Q1`, `2027`: what `init(_:)` reads.
    public var description: String {
        let year = String(repeating: "0", count: max(0, 4 - String(first.year).count)) + String(first.year)
        switch length {
        case .month: return year + (first.month < 10 ? "-0" : "-") + String(first.month)
        case .quarter: return year + "-Q" + String((first.month + 2) / 3)
        case .year: return year
        }
    }

    /// The period right after this one (its first day is the day after `last`), the year
    /// 10000 included: only `next` must stay within the years a period can be read for.
    private var following: PlanPeriod {
        let months: Int
        switch length {
        case .month: months = 1
        case .quarter: months = 3
        case .year: months = 12
        }
        let index = first.year * 12 + (first.month - 1) + months
        return PlanPeriod(length: length, first: CivilDate(year: index / 12, month: index % 12 + 1, day: 1)!)
    }

    private init(length: Length, first: CivilDate) {
        self.length = length
        self.first = first
    }
}

/// Why a text is no plan period, said so that the person who typed it can put it right.
public enum PlanPeriodProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing given.
    case empty
    /// A year not of four digits, or the year 0000: `27`.
    case year(String)
    /// A month not from 01 to 12: `2027-13`.
    case month(String)
    /// A quarter not from Q1 to Q4: `2027-Q5`.
    case quarter(String)
    /// The year written last: `01-2027`, `Q1-2027`; `suggestion` is the period meant, when
    /// the rest of it reads.
    case yearLast(String, suggestion: String?)
    /// A day, not a period: `2027-01-15`; `suggestion` is its month.
    case day(String, suggestion: String?)
    /// Anything else: `next month`, `2027-01..2027-03`.
    case unreadable(String)

    /// The three ways a period is written, with an example of each.
    public static let forms = "a year (2027), a quarter (2027-Q1) or a month (2027-01)"

    public var description: String {
        switch self {
        case .empty:
            return "a period is needed: " + Self.forms
        case .year(let text):
            return "\"\(text)\": a year has four digits, like 2027"
        case .month(let text):
            return "\"\(text)\": there is no such month; months are 01 to 12, like 2027-01"
        case .quarter(let text):
            return "\"\(text)\": there is no such quarter; quarters are Q1 to Q4, like 2027-Q1"
        case .yearLast(let text, let suggestion):
            return "\"\(text)\": the year comes first" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? ", like 2027-Q1 or 2027-01")
        case .day(let text, let suggestion):
            return "\"\(text)\" is a day: a plan is for " + Self.forms + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .unreadable(let text):
            return "\"\(text)\" is not a period: write " + Self.forms
        }
    }
}

/// Reads the three ways a period is written, and tells the near misses apart.
private enum PlanPeriodReader {
    static func read(_ raw: String) throws(PlanPeriodProblem) -> PlanPeriod {
        let text = raw.trimmingSpaces
        guard !text.isEmpty else { throw .empty }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            guard isDigits(text) else { throw .unreadable(raw) }
            return try year(text, raw)
        case 2:
            let (head, tail) = (parts[0], parts[1])
            if isDigits(head), head.count == 4 {
                let year = try self.year(head, raw).first.year
                if isQuarter(tail) {
                    guard let period = quarterNumber(tail).flatMap({ PlanPeriod(year: year, quarter: $0) }) else { throw .quarter(raw) }
                    return period
                }
                guard isDigits(tail), (1...2).contains(tail.count) else { throw .unreadable(raw) }
                guard let period = PlanPeriod(year: year, month: Int(tail)!) else { throw .month(raw) }
                return period
            }
            if isDigits(tail), tail.count == 4 {
                // 01-2027, Q1-2027: the year last.
                let meant = (quarterNumber(head).map { "Q\($0)" } ?? head).uppercased()
                let suggestion = (try? PlanPeriodReader.read(tail + "-" + meant))?.description
                throw .yearLast(raw, suggestion: suggestion)
            }
            if isDigits(head), isQuarter(tail) || isDigits(tail) { throw .year(raw) }
            throw .unreadable(raw)
        case 3:
            guard parts.allSatisfy(isDigits) else { throw .unreadable(raw) }
            if parts[0].count == 4 {
                throw .day(raw, suggestion: (try? PlanPeriodReader.read(parts[0] + "-" + parts[1]))?.description)
            }
            if parts[2].count == 4 { throw .day(raw, suggestion: nil) }
            throw .unreadable(raw)
        default:
            throw .unreadable(raw)
        }
    }

    private static func year(_ digits: String, _ raw: String) throws(PlanPeriodProblem) -> PlanPeriod {
        guard digits.count == 4, let period = PlanPeriod(year: Int(digits)!) else { throw .year(raw) }
        return period
    }

    /// Is it written as a quarter (`Q…` or `q…`), whether or not there is such a quarter?
    private static func isQuarter(_ text: String) -> Bool { text.first == "Q" || text.first == "q" }

    /// `Q3` or `q3` (up to four digits after the Q) → 3; nil when it is no `Q` and digits.
    private static func quarterNumber(_ text: String) -> Int? {
        guard isQuarter(text) else { return nil }
        let digits = String(text.dropFirst())
        guard isDigits(digits), digits.count <= 4 else { return nil }
        return Int(digits)
    }

    private static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

extension String {
    /// Without the spaces and tabs at either end.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
