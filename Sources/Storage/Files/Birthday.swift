import HotelCalendar

/// A guest's birthday as a month and a day, without a year: `03-14`. The 29th of February
/// is allowed: in a year without one, a leap-day guest's birthday falls on the 28th (the
/// line greets them then, and their card is due then).
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

    /// The day it falls on in `year`: the 28th of February for the 29th in a year without one.
    public func day(in year: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day) ?? CivilDate(year: year, month: 2, day: 28)!
    }

    /// Does it fall on `date` (in `date`'s year)?
    public func falls(on date: CivilDate) -> Bool { day(in: date.year) == date }

    /// Is it the guest's birthday at `instant` on the hotel's clock (`zone`)? At 23:30 UTC
    /// on 13 March it is already the 14th in Madrid, and still the 13th in UTC.
    public func isToday(at instant: WallTime, in zone: HotelTimeZone) -> Bool {
        falls(on: zone.localMoment(at: instant).date)
    }

    /// The first day on or after `date` it falls on: this year's, or next year's once this
    /// year's has passed (12-31 seen on 1 January is 365 or 366 days off).
    public func next(onOrAfter date: CivilDate) -> CivilDate {
        let this = day(in: date.year)
        return this >= date ? this : day(in: date.year + 1)
    }

    /// How the journal keeps it: month × 100 + day.
    var packed: Int { month * 100 + day }

    init?(packed: Int) { self.init(month: packed / 100, day: packed % 100) }

    public var description: String { (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)" }
}
