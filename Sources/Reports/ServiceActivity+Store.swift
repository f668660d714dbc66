import HotelCalendar
import Storage

extension ServiceActivity {
    /// The activity on `store`'s records, on the hotel's calendar (`rules.zone`), as it
    /// stands at `now` (what is resolved, which due times have passed).
    public init(store: HotelStore, rules: WorkRules, now: WallTime) {
        self.init()
        let day = rules.localDate
        calls = store.calls.map { Call(day: day($0.startedAt), milliseconds: $0.milliseconds, waits: $0.waits) }
        for booking in store.bookings {
            bookings.append(day(booking.reservation.createdAt))
            for event in booking.history {
                switch event {
                case .changed(let change): changes.append(day(change.createdAt))
                case .cancelled(let cancellation): cancellations.append(day(cancellation.createdAt))
                case .moved: break
                }
            }
        }
        callbacks = store.callbacks.map { day($0.createdAt) }
        complaints = store.complaints.map { ticket in
            let item = store.workItem(.complaint(ticket.number), rules: rules, now: now)
            return Complaint(day: day(ticket.createdAt), category: ticket.request.category, resolved: item.map(Self.isResolved) ?? false,
                             handling: Self.handling(of: ticket, steps: item?.history ?? [], rules: rules, now: now))
        }
        surveys = store.surveys.map { survey in
            let q = survey.request
            return Survey(day: day(survey.createdAt), declined: q.declined, ratings: q.ratings, stayAgain: q.stayAgain, recommend: q.recommend)
        }
        revisits = Self.revisits(in: store, rules: rules, now: now)
    }

    /// Past investigation: resolved, signed off, revisited or closed.
    static func isResolved(_ item: WorkItem) -> Bool {
        switch item.stage {
        case .resolved, .signedOff, .revisited, .closed: return true
        case .received, .investigating, .waiting, .retrying, .reached, .unreachable, .wrongNumber, .declined, .surveyed, .confirmed, .answered,
             .sent:
            return false
        }
    }

    /// On time: looked into before the end of the day it came in and resolved before the end
    /// of the day the guest was promised; late once either due time passed without its step.
    static func handling(of ticket: ComplaintTicket, steps: [WorkStep], rules: WorkRules, now: WallTime) -> Handling {
        let lookBy = rules.endOfDay(rules.localDate(ticket.createdAt))
        let answerBy = rules.endOfDay(ticket.request.followUpBy)
        let looked = steps.first { $0.action == .investigate }?.createdAt
        let resolved = steps.first { $0.action == .resolve }?.createdAt
        if let looked, looked < lookBy, let resolved, resolved < answerBy { return .onTime }
        let lateLook = looked.map { !($0 < lookBy) } ?? !(now < lookBy)
        let lateAnswer = resolved.map { !($0 < answerBy) } ?? !(now < answerBy)
        return lateLook || lateAnswer ? .late : .inTime
    }
}
