import HotelCalendar
import Storage

extension ServiceActivity {
    /// Every revisit the records owe (DOMAIN.md): every complaining guest's, due on the day
    /// they were promised (resolved or not: owed all the same), and every departed stay's,
    /// due on the second day after check-out; each under its guest file's kind as it is now,
    /// done once surveyed or declined.
    static func revisits(in store: HotelStore, rules: WorkRules, now: WallTime) -> [Revisit] {
        var revisits: [Revisit] = []
        for ticket in store.complaints {
            let item = store.workItem(.complaintRevisit(ticket.number), rules: rules, now: now)
            let file = ticket.guestFile.flatMap(store.guestFile) ?? store.guestFile(phone: ticket.request.phone)
            revisits.append(Revisit(day: ticket.request.followUpBy, kind: file?.kind ?? .individual, done: item.map(isMade) ?? false))
        }
        for booking in store.bookings where booking.state == .departed {
            guard let item = store.workItem(.stayRevisit(booking.reservation.number), rules: rules, now: now) else { continue }
            // Due at the end of its day: the day is the one before the midnight it is due at.
            let day = rules.localDate(item.due).adding(days: -1)
            let kind = store.guestFile(booking.reservation.guestFile)?.kind ?? booking.reservation.fileKind
            revisits.append(Revisit(day: day, kind: kind, done: isMade(item)))
        }
        return revisits
    }

    /// The revisit call was made: the guest answered the survey or declined it.
    private static func isMade(_ item: WorkItem) -> Bool {
        item.stage == .surveyed || item.stage == .declined
    }
}
