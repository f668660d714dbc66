import HotelCalendar

/// A guest's birthday as a month and a day, without a year: `03-14`. The 29th of February
/// is allowed (a leap-day guest is greeted on the 28th in other years, by whoever greets).
public struct Birthday: Hashable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    /// Nil unless `month`-`day` is a day of some year (02-29 counts, 02-30 does not).
    public init?(month: Int, day: Int) {
        // 2000 is a leap year: every month-day that exists at all exists in it.
        guard CivilDate(year: 2000, month: month, day: day) != nil else { return nil }
        self.month = month
        self.day = day
    }

    /// Reads `MM-DD` (`3-14` too); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[0]), let day = Int(parts[1]) else { return nil }
        self.init(month: month, day: day)
    }

    /// How the journal keeps it: month × 100 + day.
    var packed: Int { month * 100 + day }

    init?(packed: Int) { self.init(month: packed / 100, day: packed % 100) }

    public var description: String { (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)" }
}
