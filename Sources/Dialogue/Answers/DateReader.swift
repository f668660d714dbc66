import HotelCalendar

/// The date grammar: turns the pieces of an answer into a day, relative to today.
///
/// Order-tolerant on purpose: guests write "24 Dec", "Dec 24", "24th of December 2026",
/// "2026年12月24日". The reader collects what each piece says (a day, a month, a year, a
/// weekday, an offset in days) and then checks that the whole names exactly one day.
/// Unknown words are refused rather than skipped: "24 or 25 dec" must not become a day.
struct DateReader {
    let today: CivilDate
    let order: DateOrder

    /// What the pieces said, before it is checked to name one day.
    private struct Parts {
        var year: Int?
        var month: Int?
        var day: Int?
        var weekday: Int?
        var offset: Int?
        var next = false
        /// 0 for this week, 1 for the next (Monday to Sunday).
        var week: Int?
        /// The day was written with a marker (24日, 24号, 24th), so alone it is still a day.
        var dayMarked = false
    }

    func read(_ pieces: ArraySlice<AnswerPiece>) throws(AnswerProblem) -> CivilDate {
        var parts = Parts()
        var index = pieces.startIndex
        while index < pieces.endIndex {
            let following = index + 1 < pieces.endIndex ? pieces[index + 1] : nil
            switch pieces[index] {
            case .word(.relativeDay(let offset)):
                try set(&parts.offset, offset)
            case .word(.next):
                // "next next friday" is no day this grammar can name for sure.
                guard !parts.next else { throw .unreadable }
                parts.next = true
            case .word(.nextWeek):
                try set(&parts.week, 1)
            case .word(.thisWeek):
                try set(&parts.week, 0)
            case .word(.weekday(let weekday)):
                try set(&parts.weekday, weekday)
            case .word(.month(let month)):
                try set(&parts.month, month)
            case .number(let value, let digitCount):
                if try readMarked(value, digitCount, following, into: &parts) {
                    index += 1
                } else {
                    try readBare(value, digitCount, into: &parts)
                }
            case .compound(let groups, let separator):
                guard parts.year == nil, parts.month == nil, parts.day == nil else { throw .unreadable }
                (parts.year, parts.month, parts.day) = try numericDate(groups, separator)
            case .word, .sign, .unknown:
                throw .unreadable
            }
            index += 1
        }
        let date = try resolve(parts)
        if let weekday = parts.weekday, date.weekday != weekday {
            throw .weekdayMismatch(date: date, weekday: weekday)
        }
        return date
    }

    /// A number with a word after it that says what it is: 12月, 24日, 24th, 2026年, 3 days.
    /// False when the next piece is no such marker.
    private func readMarked(_ value: Int, _ digitCount: Int, _ marker: AnswerPiece?,
                            into parts: inout Parts) throws(AnswerProblem) -> Bool {
        switch marker {
        case .word(.monthMarker): try set(&parts.month, value)
        case .word(.dayMarker), .word(.ordinal):
            try set(&parts.day, value)
            parts.dayMarked = true
        case .word(.yearMarker): try set(&parts.year, try fullYear(value, digitCount))
        case .word(.days): try set(&parts.offset, value)
        default: return false
        }
        return true
    }

    /// A number alone: four digits are a year; the first short number is the day; a
    /// two-digit number after a day is a short year ("24 dec 26").
    private func readBare(_ value: Int, _ digitCount: Int, into parts: inout Parts) throws(AnswerProblem) {
        if digitCount == 4 {
            try set(&parts.year, value)
        } else if digitCount <= 2, parts.day == nil {
            parts.day = value
        } else if digitCount == 2, parts.year == nil {
            parts.year = 2000 + value
        } else {
            throw .unreadable
        }
    }

    /// `2026-12-24` (year first, any order), or day and month in the language's order
    /// with an optional two- or four-digit year last.
    private func numericDate(_ groups: [String], _ separator: Character)
        throws(AnswerProblem) -> (year: Int?, month: Int, day: Int) {
        guard separator != ":", groups.allSatisfy({ $0.count <= 4 }) else { throw .unreadable }
        let values = groups.map { Int($0)! }
        let lengths = groups.map(\.count)
        switch (values.count, lengths.first) {
        case (3, 4):
            guard lengths[1] <= 2, lengths[2] <= 2 else { throw .unreadable }
            return (values[0], values[1], values[2])
        case (3, _):
            guard lengths[0] <= 2, lengths[1] <= 2 else { throw .unreadable }
            let (day, month) = dayAndMonth(values[0], values[1])
            return (try fullYear(values[2], lengths[2]), month, day)
        case (2, _):
            guard lengths[0] <= 2, lengths[1] <= 2 else { throw .unreadable }
            let (day, month) = dayAndMonth(values[0], values[1])
            return (nil, month, day)
        default:
            throw .unreadable
        }
    }

    /// The two leading numbers in the language's order, swapped when that order cannot
    /// be right and the other can (24/12 under month-first is still 24 December).
    private func dayAndMonth(_ first: Int, _ second: Int) -> (day: Int, month: Int) {
        let (day, month) = order == .dayMonthYear ? (first, second) : (second, first)
        return month > 12 && (1...12).contains(day) ? (month, day) : (day, month)
    }

    private func fullYear(_ value: Int, _ digitCount: Int) throws(AnswerProblem) -> Int {
        switch digitCount {
        case 4: return value
        case 2: return 2000 + value
        default: throw .unreadable
        }
    }

    private func resolve(_ parts: Parts) throws(AnswerProblem) -> CivilDate {
        if let offset = parts.offset {
            guard parts.year == nil, parts.month == nil, parts.day == nil, !parts.next, parts.week == nil else { throw .unreadable }
            return today.adding(days: offset)
        }
        if let week = parts.week {
            // 下星期五: Friday of the week after this one; 這週五: this week's, past or not.
            guard let weekday = parts.weekday, !parts.next, parts.year == nil, parts.month == nil, parts.day == nil else { throw .unreadable }
            return today.adding(days: 7 * week + weekday - today.weekday)
        }
        if parts.dayMarked, parts.year == nil, parts.month == nil, let day = parts.day {
            return try nextOccurrence(day: day)  // 24号: the next 24th
        }
        if parts.year != nil || parts.month != nil || parts.day != nil {
            guard let month = parts.month, let day = parts.day else { throw .unreadable }
            guard let year = parts.year else { return try nextOccurrence(month: month, day: day) }
            guard let date = CivilDate(year: year, month: month, day: day) else {
                throw .noSuchDay(day: day, month: month)
            }
            return date
        }
        guard let weekday = parts.weekday else { throw .unreadable }
        // "friday" may be today; "next friday" is strictly after today.
        let ahead = (weekday - today.weekday + 7) % 7
        return today.adding(days: ahead == 0 && parts.next ? 7 : ahead)
    }

    /// The first day with this month and day on or after today: "5 Jan" said in November
    /// is next January, and "29 Feb" is the next leap day.
    private func nextOccurrence(month: Int, day: Int) throws(AnswerProblem) -> CivilDate {
        // Leap days recur within eight years (2096 → 2104 is the longest gap).
        for year in today.year...(today.year + 8) {
            if let date = CivilDate(year: year, month: month, day: day), date >= today {
                return date
            }
        }
        throw .noSuchDay(day: day, month: month)
    }

    /// The first day of this month or a later one numbered `day`, on or after today: "24号"
    /// said on 25 November is 24 December, "31号" the next month that has a 31st.
    private func nextOccurrence(day: Int) throws(AnswerProblem) -> CivilDate {
        guard (1...31).contains(day) else { throw .noSuchDay(day: day, month: today.month) }
        var year = today.year, month = today.month
        for _ in 0..<12 {
            if let date = CivilDate(year: year, month: month, day: day), date >= today { return date }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        throw .noSuchDay(day: day, month: today.month)
    }

    /// Stores a value once: an answer that says two days, or two months, is unreadable.
    private func set(_ slot: inout Int?, _ value: Int) throws(AnswerProblem) {
        guard slot == nil else { throw .unreadable }
        slot = value
    }
}
