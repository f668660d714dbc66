import HotelCalendar

/// The time grammar: `10`, `10am`, `2:30 pm`, `14h30`, `noon`, `下午3点半`.
///
/// A bare hour is read on the 24-hour clock ("2" is 02:00, never guessed to be 14:00):
/// the engine reads every answer back, and a rule the guest can learn beats a guess.
/// With am/pm, 12am is midnight and 12pm noon; "14pm" is tolerated as 14:00.
enum TimeReader {
    /// What the pieces said, before it is checked to name one time.
    private struct Parts {
        var hour: Int?
        var minute: Int?
        /// `.am`, `.pm` or `.noon`.
        var meridiem: Meaning?
        var sawHourMarker = false
    }

    static func read(_ pieces: ArraySlice<AnswerPiece>) throws(AnswerProblem) -> TimeOfDay {
        var parts = Parts()
        for piece in pieces {
            switch piece {
            case .compound(let groups, let separator):
                // "10:30" and "10.30"; minutes always in two digits, so "10.5" is refused.
                guard separator == ":" || separator == ".", parts.hour == nil, groups.count == 2,
                      groups[0].count <= 2, groups[1].count == 2 else { throw .unreadable }
                parts.hour = Int(groups[0])
                parts.minute = Int(groups[1])
            case .number(let value, let digitCount) where digitCount <= 2:
                if parts.hour == nil {
                    parts.hour = value
                } else if parts.sawHourMarker, parts.minute == nil {
                    parts.minute = value    // "14h30", "3点30分"
                } else {
                    throw .unreadable
                }
            case .word(.hourMarker):
                guard parts.hour != nil, parts.minute == nil, !parts.sawHourMarker else { throw .unreadable }
                parts.sawHourMarker = true
            case .word(.minuteMarker):
                guard parts.minute != nil else { throw .unreadable }
            case .word(.halfHour):
                guard parts.hour != nil, parts.minute == nil else { throw .unreadable }
                parts.minute = 30
            case .word(let meridiem) where [.am, .pm, .noon].contains(meridiem):
                guard parts.meridiem == nil else { throw .unreadable }
                parts.meridiem = meridiem
            case .number, .sign, .word, .unknown:
                throw .unreadable
            }
        }
        return try resolve(parts)
    }

    private static func resolve(_ parts: Parts) throws(AnswerProblem) -> TimeOfDay {
        guard let hour = parts.hour else {
            // "noon" alone; "am" alone names no time.
            guard parts.meridiem == .noon, parts.minute == nil else { throw .unreadable }
            return TimeOfDay(hour: 12, minute: 0)!
        }
        let clockHour: Int
        switch parts.meridiem {
        case .am?:
            guard hour <= 12 else { throw .noSuchTime }
            clockHour = hour == 12 ? 0 : hour
        case .pm?, .noon?:
            guard hour >= 1 else { throw .noSuchTime }
            clockHour = hour < 12 ? hour + 12 : hour
        default:
            clockHour = hour
        }
        guard let time = TimeOfDay(hour: clockHour, minute: parts.minute ?? 0) else { throw .noSuchTime }
        return time
    }
}
