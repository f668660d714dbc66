import HotelCalendar

/// The letter that starts one kind of number the line gives out.
public protocol RecordNumberPrefix: Sendable {
    static var letter: String { get }
}

/// A number told to a guest (`R1000017`): a letter for its kind, a serial, and a Luhn check
/// digit so a mistyped number is caught instead of finding someone else's record.
///
/// Serials only grow and are never reused, across restarts too (the journal remembers the
/// highest one given out, even when its record could not be saved).
public struct RecordNumber<Prefix: RecordNumberPrefix>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let serial: Int

    /// The first serial given out, so every number has the same length for a long time.
    public static var firstSerial: Int { 100_000 }

    public init(serial: Int) {
        precondition(serial > 0, "Invalid serial \(serial)")
        self.serial = serial
    }

    /// Reads `R1000017` (any case, spaces and dashes ignored); nil when the letter, the
    /// digits or the check digit are wrong.
    public init?(_ text: String) {
        let cleaned = text.uppercased().filter { $0 != " " && $0 != "-" }
        guard cleaned.hasPrefix(Prefix.letter) else { return nil }
        let digits = cleaned.dropFirst(Prefix.letter.count)
        guard digits.count >= 2, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let serial = Int(digits.dropLast()), serial > 0,
              Self.checkDigit(of: serial) == digits.last!.wholeNumberValue else { return nil }
        self.serial = serial
    }

    public var description: String { "\(Prefix.letter)\(serial)\(Self.checkDigit(of: serial))" }

    public static func < (a: Self, b: Self) -> Bool { a.serial < b.serial }

    static func checkDigit(of serial: Int) -> Int {
        var sum = 0
        var double = true
        var rest = serial
        while rest > 0 {
            var digit = rest % 10
            if double {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
            double.toggle()
            rest /= 10
        }
        return (10 - sum % 10) % 10
    }
}

/// The letters the line gives each kind of number: R, T, C, S, and M and X for a booking's
/// modifications and cancellation.
public enum ConfirmationPrefix: RecordNumberPrefix { public static var letter: String { "R" } }
public enum TicketPrefix: RecordNumberPrefix { public static var letter: String { "T" } }
public enum CallbackPrefix: RecordNumberPrefix { public static var letter: String { "C" } }
public enum SurveyPrefix: RecordNumberPrefix { public static var letter: String { "S" } }
public enum ChangePrefix: RecordNumberPrefix { public static var letter: String { "M" } }
public enum CancellationPrefix: RecordNumberPrefix { public static var letter: String { "X" } }

/// A reservation's confirmation number.
public typealias ConfirmationNumber = RecordNumber<ConfirmationPrefix>
/// A complaint's ticket number.
public typealias TicketNumber = RecordNumber<TicketPrefix>
/// A callback request's reference.
public typealias CallbackNumber = RecordNumber<CallbackPrefix>
/// A revisit survey's reference.
public typealias SurveyNumber = RecordNumber<SurveyPrefix>
/// A change to a booking (its dates, rooms or room type): a modification's reference.
public typealias ChangeNumber = RecordNumber<ChangePrefix>
/// A booking's cancellation reference.
public typealias CancellationNumber = RecordNumber<CancellationPrefix>

/// A guest file number, which is also the guest's card number: the arrival date as
/// `YYMMDD` and a serial for that day, `040214001` for the first guest arriving on
/// 14 February 2004 (DOMAIN.md). After 999 guests on one day the serial grows a fourth
/// digit (`0402141000`), so numbers stay unique and still start with the date.
public struct GuestFileNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let arrival: CivilDate
    public let serial: Int

    public init(arrival: CivilDate, serial: Int) {
        precondition(serial > 0, "Invalid guest file serial \(serial)")
        self.arrival = arrival
        self.serial = serial
    }

    public init?(_ text: String) {
        let digits = text.filter { $0 != " " }
        guard digits.count >= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let yy = Int(digits.prefix(2)), let mm = Int(digits.dropFirst(2).prefix(2)),
              let dd = Int(digits.dropFirst(4).prefix(2)), let serial = Int(digits.dropFirst(6)), serial > 0,
              let date = CivilDate(year: 2000 + yy, month: mm, day: dd) else { return nil }
        self.init(arrival: date, serial: serial)
    }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let serialText = serial < 10 ? "00\(serial)" : serial < 100 ? "0\(serial)" : String(serial)
        return two(arrival.year % 100) + two(arrival.month) + two(arrival.day) + serialText
    }

    public static func < (a: Self, b: Self) -> Bool { (a.arrival, a.serial) < (b.arrival, b.serial) }
}
