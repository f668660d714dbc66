import HotelCalendar

/// Reads what a guest typed into a typed value, or says why it could not.
///
/// One entry point per kind of question. Every parser is pure and total: any string,
/// however long or strange, yields a value or an `AnswerProblem`, never a crash. Each
/// one normalises its input itself (case, surrounding and repeated spaces, trailing
/// `.`/`!`/`。`, fullwidth digits and punctuation), and language-specific words come
/// from the `AnswerWords` passed in, so the same grammar serves every language.
public enum AnswerParser {
    /// A day: `2026-12-24`, `24/12/2026`, `24/12/26`, `24/12`, `24 Dec`, `Dec 24 2026`,
    /// `24th December 2026`, `today`, `tomorrow`, `day after tomorrow`, `friday` (today
    /// or later), `next friday` (strictly after today), `in 3 days`, `24 de diciembre`,
    /// `2026年12月24日`, `明天`, `周五`. A date without a year is its next occurrence on or
    /// after `today`. Bare numbers ("3") are refused: they are as likely a count of nights.
    public static func parseDate(_ text: String, today: CivilDate, words: AnswerWords)
        -> Result<CivilDate, AnswerProblem> {
        let pieces = words.pieces(of: text)
        return Result { () throws(AnswerProblem) in
            try DateReader(today: today, order: words.dateOrder).read(pieces[...])
        }
    }

    /// A time of day: `10`, `10am`, `10:30`, `10.30`, `2:30 pm`, `noon`, `14h30`, `下午3点`.
    /// A bare hour is on the 24-hour clock.
    public static func parseTime(_ text: String, words: AnswerWords) -> Result<TimeOfDay, AnswerProblem> {
        let pieces = words.pieces(of: text)
        return Result { () throws(AnswerProblem) in try TimeReader.read(pieces[...]) }
    }

    /// A moment for a callback: `now`/`asap`, `10:30`, `tomorrow at 10:30`, `friday 3pm`,
    /// `24 Dec 14:00`, `2026-12-24 09:15`. A time alone is its next occurrence (today, or
    /// tomorrow once past); a day alone is `.missingTime`. Explicit moments already past
    /// are returned as read: whether that is acceptable is the caller's rule.
    public static func parseMoment(_ text: String, now: LocalMoment, words: AnswerWords)
        -> Result<MomentAnswer, AnswerProblem> {
        let pieces = words.pieces(of: text)
        return Result { () throws(AnswerProblem) in
            try MomentReader(now: now, order: words.dateOrder).read(pieces)
        }
    }

    /// A length of stay: `3`, `3 nights`, `three nights`, `tres noches`, `3晚`. Anything
    /// else in the answer makes it unreadable, so a date is never mistaken for nights.
    public static func parseNights(_ text: String, words: AnswerWords) -> Result<Int, AnswerProblem> {
        let pieces = words.pieces(of: text)
        guard case .number(let nights, _)? = pieces.first,
              pieces.count == 1 || (pieces.count == 2 && pieces[1] == .word(.nights))
        else { return .failure(.unreadable) }
        return .success(nights)
    }

    /// A whole number in digits or words (`3`, `-2`, `three`, `三`), possibly among other
    /// words ("2 rooms please"). Two numbers are unreadable. Bounds are the caller's.
    public static func parseInteger(_ text: String, words: AnswerWords) -> Result<Int, AnswerProblem> {
        let numbers = signedNumbers(in: words.pieces(of: text))
        guard numbers.count == 1, let number = numbers.first else { return .failure(.unreadable) }
        return .success(number)
    }

    /// Yes or no, in a word or a phrase ("yes please", "no thanks", "that's right", "是的").
    /// The first meaningful word must say yes or no, and nothing after may say the
    /// opposite: "yes no" and "not sure" are unreadable; "yesterday" is no "yes".
    public static func parseYesNo(_ text: String, words: AnswerWords) -> Result<Bool, AnswerProblem> {
        let pieces = words.pieces(of: text)
        let answer: Bool
        switch pieces.first {
        case .word(.yes)?: answer = true
        case .word(.no)?: answer = false
        default: return .failure(.unreadable)
        }
        let contrary: AnswerPiece = answer ? .word(.no) : .word(.yes)
        return pieces.contains(contrary) ? .failure(.unreadable) : .success(answer)
    }

    /// A score on a scale from `min` to `max`: `4`, `four`, `4 stars`, `4/5`, `4 out of 5`.
    /// A scale that is not `max` ("8/10" on a 1–5 question) is out of range, so the guest
    /// is told the scale.
    public static func parseRating(_ text: String, min: Int, max: Int, words: AnswerWords)
        -> Result<Int, AnswerProblem> {
        let pieces = words.pieces(of: text)
        let score: Int
        var scale: Int?
        let numbers = signedNumbers(in: pieces)
        if numbers.count == 1, let only = numbers.first {
            score = only
        } else if numbers.count == 2, pieces.contains(.word(.scaleMarker)) {
            score = numbers[0]
            scale = numbers[1]
        } else if pieces.count == 1, case .compound(let groups, "/") = pieces[0], groups.count == 2,
                  let top = Int(groups[0]), let bottom = Int(groups[1]) {
            score = top
            scale = bottom
        } else {
            return .failure(.unreadable)
        }
        guard scale.map({ $0 == max }) ?? true, (min...max).contains(score) else {
            return .failure(.outOfRange(min: min, max: max))
        }
        return .success(score)
    }

    /// A phone number; see `PhoneNumber` for the accepted and normalised forms.
    public static func parsePhone(_ text: String) -> Result<PhoneNumber, AnswerProblem> {
        PhoneNumber.parse(text)
    }

    /// An email address; see `EmailAddress` for what is accepted.
    public static func parseEmail(_ text: String) -> Result<EmailAddress, AnswerProblem> {
        EmailAddress.parse(text)
    }

    /// Every number in the pieces with its sign applied; an empty list when a compound
    /// (`4.5`, `1-2`) makes the answer something other than whole numbers.
    private static func signedNumbers(in pieces: [AnswerPiece]) -> [Int] {
        var numbers: [Int] = []
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .number(let value, _):
                numbers.append(index > 0 && pieces[index - 1] == .sign("-") ? -value : value)
            case .compound:
                return []
            case .sign, .word, .unknown:
                continue
            }
        }
        return numbers
    }
}
