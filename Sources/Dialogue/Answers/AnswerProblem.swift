import HotelCalendar

/// Why a guest's answer could not be taken: a fact, never a sentence.
///
/// The conversation engine turns each case into a polite reprompt in the guest's
/// language ("There is no 31 February; which day did you mean?"), so this type holds no
/// text of its own, only the values such a message needs.
public enum AnswerProblem: Error, Equatable, Sendable {
    /// Nothing in the answer reads as the kind of value asked for.
    case unreadable
    /// A day and month were read but no such day exists (31/02, 32/13, 29 Feb 2027).
    case noSuchDay(day: Int, month: Int)
    /// A date and a weekday were both given and disagree ("friday 24 December 2026",
    /// a Thursday): the date read, and the weekday said (1 = Monday … 7 = Sunday).
    case weekdayMismatch(date: CivilDate, weekday: Int)
    /// An hour and minute were read but no such time exists (25:00, 10:75, 13am).
    case noSuchTime
    /// A moment was asked for and only a day was given ("tomorrow"): ask for the hour.
    case missingTime
    /// A number outside the question's bounds, with the bounds to tell the guest.
    case outOfRange(min: Int, max: Int)
    /// A phone number containing letters.
    case phoneHasLetters
    /// A phone number with a symbol that has no place in one, or a `+` not in front.
    case phoneMalformed
    /// Fewer than 7 digits; `digits` is how many there were.
    case phoneTooShort(digits: Int)
    /// More than 15 digits (the E.164 maximum); `digits` is how many there were.
    case phoneTooLong(digits: Int)
    /// Not an email address of the form local@domain.tld.
    case emailMalformed
}
