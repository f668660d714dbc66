/// The lists the service centre works: each item is a promise the line made to a guest or
/// a task the hotel's rules set (DOMAIN.md), with a due time.
public enum WorkList: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Guests who asked to be called, in the window they were promised.
    case callbacks
    /// Complaints from receipt to sign-off.
    case complaints
    /// Follow-up calls: every complaint once resolved, every stay once departed.
    case revisits
    /// Stays arriving in one to two days: confirm, and ask for special needs.
    case arrivals
    /// What guests said in a survey that a department must answer: a low rating or a suggestion.
    case feedback
    /// Guests whose birthday comes within the next days (`birthday-days`): a card for each.
    case birthdays

    public var description: String { rawValue }
}
