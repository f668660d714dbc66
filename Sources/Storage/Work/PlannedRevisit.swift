import HotelCalendar

/// One revisit the hotel's rules owe (DOMAIN.md): a departed stay's, due on the second day
/// after the guest left, or a complaining guest's, due on the day they were promised (three
/// days from the ticket). Made from the records by `HotelStore.plannedRevisits(rules:now:)`;
/// a plain value, so a plan can be tested without a store.
public struct PlannedRevisit: Equatable, Sendable {
    /// What became of the revisit call.
    public enum Outcome: Equatable, Sendable {
        /// Not made yet.
        case pending
        /// The guest answered the survey (its number, when the step named one).
        case surveyed(SurveyNumber?)
        /// The guest did not want to answer; recorded, never argued.
        case declined
    }

    /// `V-R1000017` (a stay's) or `V-T1000041` (a complaint's).
    public let id: WorkItemID
    /// The guest file's kind as the records hold it when the plan is read (individual for
    /// a record that links to no file).
    public let kind: GuestKind
    /// The guest's file; nil for a record from before every guest had one, whose phone
    /// has no file either.
    public let file: GuestFileNumber?
    /// The day it falls due on the hotel's calendar: the day that puts it in a period.
    public let day: CivilDate
    /// The end of `day` on the hotel's clock: from then on, not made, it is overdue.
    public let due: WallTime
    public let outcome: Outcome
    /// On the revisits work list, so an agent can make it now. False only for a complaint
    /// not yet resolved: its revisit is owed all the same, but waits for the result.
    public let isOnList: Bool

    public init(id: WorkItemID, kind: GuestKind, file: GuestFileNumber?, day: CivilDate, due: WallTime, outcome: Outcome,
                isOnList: Bool = true) {
        self.id = id
        self.kind = kind
        self.file = file
        self.day = day
        self.due = due
        self.outcome = outcome
        self.isOnList = isOnList
    }

    /// Where it stands at `now`: made (surveyed or declined, whenever it was made), or
    /// else open until its day is over and overdue after.
    public func status(at now: WallTime) -> RevisitStatus {
        switch outcome {
        case .surveyed: return .surveyed
        case .declined: return .declined
        case .pending: return now < due ? .open : .overdue
        }
    }
}

/// Where a planned revisit stands at a moment. Surveyed and declined are both done: the
/// call was made, and a guest who declines has had their revisit (DOMAIN.md: declining is
/// recorded, not argued), so both count toward a plan's completion.
public enum RevisitStatus: String, Sendable, CaseIterable, CustomStringConvertible {
    case surveyed, declined, open, overdue

    /// The revisit call was made: it counts as done in the plan.
    public var isDone: Bool {
        switch self {
        case .surveyed, .declined: return true
        case .open, .overdue: return false
        }
    }

    public var description: String { rawValue }
}
