import HotelCalendar

// The work lists are not kept: each item is made from the record it follows (a callback,
// a complaint, a departed stay, a booking about to arrive, a survey) and the steps taken
// on it, when asked. So an item exists from the moment its record does, and no second
// copy can drift from the records.

extension HotelState {
    /// The item `id` as it stands at `now`, or nil when its record does not make one (no
    /// such complaint; a stay not departed has no revisit; an opinion not low).
    func workItem(_ id: WorkItemID, rules: WorkRules, now: WallTime) -> WorkItem? {
        guard var item = freshItem(id, rules: rules, now: now) else { return nil }
        // Total, as replaying a journal must be: a step the rules refuse now (the hotel
        // changed them since) is left out of the item's state.
        for step in workSteps[id] ?? [] { item.apply(step, rules: rules) }
        if case .complaint(let number) = id, item.stage != .received, let ticket = complaints[number] {
            item.setDue(rules.endOfDay(ticket.request.followUpBy))
        }
        return item
    }

    /// The item before any step: its first stage and due time.
    private func freshItem(_ id: WorkItemID, rules: WorkRules, now: WallTime) -> WorkItem? {
        switch id {
        case .callback(let number):
            guard let callback = callbacks[number] else { return nil }
            let request = callback.request
            return WorkItem(id: id, due: request.dueAt.adding(seconds: Double(request.windowMinutes * 60)))
        case .complaint(let number):
            guard let ticket = complaints[number] else { return nil }
            return WorkItem(id: id, due: rules.endOfDay(rules.localDate(ticket.createdAt)), revisitDone: revisitMade(number))
        case .complaintRevisit(let number):
            guard let ticket = complaints[number], let complaint = workItem(.complaint(number), rules: rules, now: now) else { return nil }
            switch complaint.stage {
            case .resolved, .signedOff, .revisited, .closed: break
            case .received, .investigating, .waiting, .retrying, .reached, .unreachable, .wrongNumber, .declined, .surveyed, .confirmed, .answered,
                 .sent:
                return nil
            }
            // The day the guest was told they would be called (three days from the ticket).
            return WorkItem(id: id, due: rules.endOfDay(ticket.request.followUpBy))
        case .stayRevisit(let number):
            guard let day = revisitDay(id, rules: rules) else { return nil }
            var item = WorkItem(id: id, due: rules.endOfDay(day))
            // A guest who answered the survey on the line about this stay, from the day they
            // left, has been revisited: the list shows it done by the line, unless staff
            // recorded the revisit themselves (their step stands). A survey staff took at
            // the console (its session is `console:ID`) is marked by their own step.
            let left = day.adding(days: -rules.stayRevisitDay)
            let staffDone = (workSteps[id] ?? []).contains { $0.action == .surveyed || $0.action == .declined }
            if !staffDone, let answered = (surveysOfStay[number] ?? []).lazy.compactMap({ self.surveys[$0] })
                .first(where: { !$0.request.session.hasPrefix("console:") && rules.localDate($0.createdAt) >= left }) {
                item.apply(WorkStep(item: id, action: .surveyed, text: answered.number.description, by: WorkStep.line,
                                    createdAt: answered.createdAt), rules: rules)
            }
            return item
        case .arrival(let number):
            guard let booking = booking(number) else { return nil }
            let due = rules.endOfDay(booking.terms.checkIn.adding(days: -rules.arrivalDays.lowerBound))
            let confirmed = (workSteps[id] ?? []).contains { $0.action == .confirmed }
            // On the list from arrivalDays.upperBound days ahead until the guest comes
            // (overdue from the day before): a stay booked too late for the call, one
            // cancelled, or one whose guest came or never did, owes no call; one
            // confirmed stays on the list's history.
            let ahead = CivilDate.days(from: rules.localDate(now), to: booking.terms.checkIn)
            let owed = booking.state.isToCome && ahead >= 0 && ahead <= rules.arrivalDays.upperBound && booking.reservation.createdAt < due
            guard owed || confirmed else { return nil }
            return WorkItem(id: id, due: due)
        case .feedback(let number, let topic):
            guard let survey = surveys[number], Self.opinions(in: survey.request, rules: rules).contains(topic) else { return nil }
            return WorkItem(id: id, due: rules.endOfDay(rules.localDate(survey.createdAt).adding(days: rules.complaintRevisitDays)))
        case .birthday(let number, let year):
            guard let birthday = guestFiles[number]?.birthday else { return nil }
            let day = birthday.day(in: year)
            // On the list from birthdayDays days ahead through the day itself (a card after
            // the day is no birthday card); one sent stays on the list's history.
            let ahead = CivilDate.days(from: rules.localDate(now), to: day)
            let sent = (workSteps[id] ?? []).contains { $0.action == .card }
            guard (0...max(0, rules.birthdayDays)).contains(ahead) || sent else { return nil }
            return WorkItem(id: id, due: rules.endOfDay(day))
        }
    }

    /// The day on the hotel's calendar a revisit falls due: for a complaint, the day its
    /// guest was told they would be called (three days from the ticket), resolved or not;
    /// for a stay, the `stayRevisitDay`th day after the guest left (the day the departure
    /// was recorded). Nil for no such complaint, a stay not departed, or an item that is
    /// no revisit. The work list and the revisit plans both count from it.
    func revisitDay(_ id: WorkItemID, rules: WorkRules) -> CivilDate? {
        switch id {
        case .complaintRevisit(let number):
            return complaints[number]?.request.followUpBy
        case .stayRevisit(let number):
            guard let booking = booking(number), booking.state == .departed else { return nil }
            let left = booking.history.last { if case .moved(let move) = $0 { return move.kind == .departed } else { return false } }
            let day = left.map { rules.localDate($0.createdAt) } ?? booking.terms.checkOut
            return day.adding(days: rules.stayRevisitDay)
        case .callback, .complaint, .arrival, .feedback, .birthday:
            return nil
        }
    }

    /// Was the complaint's revisit call made (answered or declined)?
    private func revisitMade(_ number: TicketNumber) -> Bool {
        (workSteps[.complaintRevisit(number)] ?? []).contains { $0.action == .declined || $0.action == .surveyed }
    }

    /// The topics of a survey a department must answer: each rating at or below the low
    /// mark, and the suggestions when there are any.
    static func opinions(in survey: SurveyResponse.Request, rules: WorkRules) -> [String] {
        guard !survey.declined else { return [] }
        var topics = survey.ratings.filter { $0.value <= rules.lowRating }.keys.sorted()
        if survey.stayAgain == false { topics.append("stay_again") }
        if survey.recommend == false { topics.append("recommend") }
        if let suggestions = survey.suggestions, !suggestions.isEmpty { topics.append("suggestions") }
        return topics
    }

    /// Does `step` take its complaint out of waiting to be looked into?
    static func answersComplaint(_ step: WorkStep) -> TicketNumber? {
        guard case .complaint(let number) = step.item else { return nil }
        switch step.action {
        case .investigate, .escalate: return number
        case .assign, .note, .reached, .noAnswer, .wrongNumber, .resolve, .signOff, .close, .declined, .surveyed, .confirmed, .needs,
             .route, .answer, .card:
            return nil
        }
    }

    /// Every item on `list` at `now`, done ones too.
    func workItems(on list: WorkList, rules: WorkRules, now: WallTime) -> [WorkItem] {
        var ids: [WorkItemID] = []
        switch list {
        case .callbacks: ids = callbacks.keys.map(WorkItemID.callback)
        case .complaints: ids = complaints.keys.map(WorkItemID.complaint)
        case .revisits:
            ids = complaints.keys.map(WorkItemID.complaintRevisit)
            for (number, booking) in lives where booking.state == .departed { ids.append(.stayRevisit(number)) }
        case .arrivals:
            let today = rules.localDate(now)
            for (number, reservation) in reservations {
                let checkIn = lives[number]?.terms.checkIn ?? reservation.request.checkIn
                if (0...rules.arrivalDays.upperBound).contains(CivilDate.days(from: today, to: checkIn)) || workSteps[.arrival(number)] != nil {
                    ids.append(.arrival(number))
                }
            }
        case .feedback:
            for (number, survey) in surveys {
                ids += Self.opinions(in: survey.request, rules: rules).map { WorkItemID.feedback(number, topic: $0) }
            }
        case .birthdays:
            // Each file's next birthday (this year's, or next year's once it has passed),
            // and every birthday a step was taken on (the cards sent).
            let today = rules.localDate(now)
            var seen = Set<WorkItemID>()
            for (number, file) in guestFiles {
                guard let day = file.birthday?.next(onOrAfter: today), CivilDate.days(from: today, to: day) <= rules.birthdayDays else { continue }
                seen.insert(.birthday(number, year: day.year))
            }
            for id in workSteps.keys where id.list == .birthdays { seen.insert(id) }
            ids = Array(seen)
        }
        return ids.compactMap { workItem($0, rules: rules, now: now) }
    }
}
