import HotelCalendar

// The revisits the hotel's rules owe, for the plans: every complaint (resolved or not:
// DOMAIN.md revisits every complaining guest) and every departed stay, each with its due
// day, its guest file's kind and what came of its call. Made from the records when asked,
// as the work lists are.

extension HotelStore {
    /// Every revisit owed by the records at `now` (of any period and kind), in no order:
    /// what a `RevisitPlan` is made from.
    public func plannedRevisits(rules: WorkRules, now: WallTime) -> [PlannedRevisit] {
        state.plannedRevisits(rules: rules, now: now)
    }
}

extension HotelState {
    func plannedRevisits(rules: WorkRules, now: WallTime) -> [PlannedRevisit] {
        var ids = complaints.keys.map(WorkItemID.complaintRevisit)
        for (number, booking) in lives where booking.state == .departed { ids.append(.stayRevisit(number)) }
        return ids.compactMap { plannedRevisit($0, rules: rules, now: now) }
    }

    private func plannedRevisit(_ id: WorkItemID, rules: WorkRules, now: WallTime) -> PlannedRevisit? {
        guard let day = revisitDay(id, rules: rules) else { return nil }
        // A complaint not yet resolved has no item on the list: owed, not yet made.
        let item = workItem(id, rules: rules, now: now)
        let outcome: PlannedRevisit.Outcome
        switch item?.stage {
        case .surveyed?: outcome = .surveyed(item?.survey)
        case .declined?: outcome = .declined
        case nil, .waiting?, .retrying?, .reached?, .unreachable?, .wrongNumber?, .received?, .investigating?, .resolved?, .signedOff?,
             .revisited?, .closed?, .confirmed?, .answered?, .sent?:
            outcome = .pending
        }
        let file = revisitFile(id)
        return PlannedRevisit(id: id, kind: file.flatMap { guestFiles[$0]?.kind } ?? .individual, file: file, day: day,
                              due: rules.endOfDay(day), outcome: outcome, isOnList: item != nil)
    }

    /// The guest file a revisit's record links to: the stay's, or the complaint's (its
    /// phone's for a complaint from before every guest had a file).
    private func revisitFile(_ id: WorkItemID) -> GuestFileNumber? {
        switch id {
        case .stayRevisit(let number):
            return reservations[number]?.guestFile
        case .complaintRevisit(let number):
            guard let ticket = complaints[number] else { return nil }
            return ticket.guestFile ?? guestFileByPhone[ticket.request.phone]
        case .callback, .complaint, .arrival, .feedback, .birthday:
            return nil
        }
    }
}
