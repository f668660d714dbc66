import HotelCalendar
import Storage

extension ServiceActivity {
    /// Every revisit the records owe, as the revisit plans count them (`PlannedRevisit`):
    /// every complaining guest's, due on the day they were promised (resolved or not: owed
    /// all the same), and every departed stay's, due on the second day after check-out; each
    /// under its guest file's kind as it is now, done once surveyed or declined.
    static func revisits(in store: HotelStore, rules: WorkRules, now: WallTime) -> [Revisit] {
        store.plannedRevisits(rules: rules, now: now).map { Revisit(day: $0.day, kind: $0.kind, done: $0.status(at: now).isDone) }
    }
}
