import HotelCalendar

/// Turning variables into typed requests, and outcomes back into variables.
extension Conversation {
    /// Days within which every complaining guest is called back (DOMAIN: within three days).
    public static let complaintFollowUpDays = 3

    /// The request for `action`, or nil when an answer it needs is missing (a flow that
    /// reaches a `do` on a path that skipped a question: reported, never guessed).
    func request(for action: ActionKind) -> ActionRequest? {
        switch action {
        case .checkAvailability:
            return stay().map(ActionRequest.checkAvailability)
        case .saveReservation:
            guard let stay = stay(), let name = text("guest.name"), let phone = phone("guest.phone") else { return nil }
            return .saveReservation(ReservationDraft(stay: stay, guestName: name, phone: phone, email: email("guest.email"), language: language))
        case .saveComplaint:
            guard case .choice(let category, _)? = variables["complaint.category"], let details = text("complaint.details"),
                  let expected = text("complaint.expected"), let name = text("guest.name"), let phone = phone("guest.phone") else { return nil }
            let staying = variables["complaint.staying"]?.isTruthy ?? true
            return .saveComplaint(ComplaintDraft(
                category: category, details: details, expectedResolution: expected, guestName: name, phone: phone,
                roomNumber: staying ? text("complaint.room") : nil, language: language,
                followUpBy: now.date.adding(days: Self.complaintFollowUpDays)))
        case .saveCallback:
            guard let phone = phone("guest.phone"), case .moment(let at)? = variables["callback.time"],
                  let reason = text("callback.reason"), case .choice(let callLanguage, _)? = variables["callback.language"] else { return nil }
            // The menu keeps its words folded (`zh-hant`); the record keeps the tag (`zh-Hant`).
            return .saveCallback(CallbackDraft(phone: phone, at: at, windowMinutes: prompts.hotel.callbackWindowMinutes,
                                               reason: reason, callLanguage: LanguageCode.canonical(callLanguage),
                                               guestName: text("guest.name"), language: language))
        case .saveSurvey:
            var ratings: [String: Int] = [:]
            for (name, value) in variables where name.hasPrefix("survey.") {
                if case .rating(let rating) = value { ratings[String(name.dropFirst("survey.".count))] = rating }
            }
            return .saveSurvey(SurveyDraft(
                declined: variables["survey.declined"]?.isTruthy ?? false, confirmation: text("lookup.confirmation"),
                guestName: text("guest.name"), phone: phone("guest.phone"), ratings: ratings,
                stayAgain: flag("survey.stay_again"), recommend: flag("survey.recommend"),
                suggestions: text("survey.suggestions"), language: language))
            // The stay the guest identified, if any, links the survey to it.
        case .findStay:
            guard let reference = text("lookup.confirmation"), let phone = phone("guest.phone"), let name = text("guest.name") else { return nil }
            return .findStay(reference: reference, phone: phone, name: name)
        case .findBooking:
            guard let reference = text("lookup.confirmation"), let phone = phone("guest.phone") else { return nil }
            return .findBooking(reference: reference, phone: phone)
        case .findComplaint:
            guard let reference = text("lookup.ticket"), let phone = phone("guest.phone") else { return nil }
            return .findComplaint(reference: reference, phone: phone)
        case .findCallback:
            guard let reference = text("lookup.callback"), let phone = phone("guest.phone") else { return nil }
            return .findCallback(reference: reference, phone: phone)
        case .findGuestFile:
            guard let file = text("lookup.file"), let phone = phone("guest.phone") else { return nil }
            return .findGuestFile(file: file, phone: phone)
        case .findCaller:
            guard let phone = phone("guest.phone"), let name = text("guest.name") else { return nil }
            return .findCaller(phone: phone, name: name)
        case .quoteChange:
            return changeDraft().map(ActionRequest.quoteChange)
        case .saveChange:
            return changeDraft().map { .saveChange($0, agreedFee: money("manage.fee") ?? 0) }
        case .quoteCancellation:
            guard let reference = text("lookup.confirmation"), let phone = phone("guest.phone") else { return nil }
            return .quoteCancellation(reference: reference, phone: phone)
        case .saveCancellation:
            guard let reference = text("lookup.confirmation"), let phone = phone("guest.phone") else { return nil }
            return .saveCancellation(reference: reference, phone: phone, agreedFee: money("manage.fee") ?? 0, language: language)
        case .requestAgent:
            return .requestAgent(topic: currentNode.map { String($0.prefix { $0 != "." }) } ?? "main")
        case .leaveQueue:
            return .leaveQueue
        }
    }

    mutating func apply(_ outcome: ActionOutcome, of action: ActionKind) {
        switch outcome {
        case .available(let left):
            variables["availability.left"] = .number(left)
            if let stay = stay(), let room = prompts.hotel.room(code: stay.roomType) {
                variables["booking.nights"] = .number(stay.nights)
                variables["booking.rate"] = .money(room.rate)
                variables["booking.total"] = .money(room.rate * stay.nights * stay.rooms)
            }
        case .full(let left, let alternatives):
            variables["availability.left"] = .number(left)
            variables["availability.alternatives"] = .rooms(alternatives)
        case .saved(let reference, let guestFile):
            switch action {
            case .saveReservation:
                variables["booking.confirmation"] = .text(reference)
                if let guestFile { variables["guest.file"] = .text(guestFile) }
            case .saveComplaint:
                variables["complaint.ticket"] = .text(reference)
                variables["complaint.followup"] = .date(now.date.adding(days: Self.complaintFollowUpDays))
            case .saveCallback:
                variables["callback.reference"] = .text(reference)
                if case .moment(let at)? = variables["callback.time"] {
                    variables["callback.window"] = .window(at, at.adding(minutes: prompts.hotel.callbackWindowMinutes))
                }
            case .saveSurvey:
                variables["survey.reference"] = .text(reference)
            case .saveChange, .saveCancellation:
                variables["manage.reference"] = .text(reference)
            case .checkAvailability, .findStay, .findBooking, .findComplaint, .findCallback, .findGuestFile, .findCaller, .quoteChange,
                 .quoteCancellation, .requestAgent, .leaveQueue:
                break
            }
        case .found(let summary):
            wishBirthday(summary.isBirthday)
            variables["stay.name"] = .text(summary.guestName)
            variables["stay.checkin"] = .date(summary.checkIn)
            variables["stay.checkout"] = .date(summary.checkOut)
            variables["stay.room"] = .room(summary.roomType)
            variables["stay.rooms"] = .number(summary.rooms)
            variables["stay.nights"] = .number(CivilDate.days(from: summary.checkIn, to: summary.checkOut))
        case .foundBooking(let summary):
            wishBirthday(summary.isBirthday)
            variables["stay.name"] = .text(summary.guestName)
            variables["stay.checkin"] = .date(summary.checkIn)
            variables["stay.checkout"] = .date(summary.checkOut)
            variables["stay.room"] = .room(summary.roomType)
            variables["stay.rooms"] = .number(summary.rooms)
            variables["stay.nights"] = .number(CivilDate.days(from: summary.checkIn, to: summary.checkOut))
            variables["stay.total"] = .money(summary.total)
            variables["stay.free"] = .flag(summary.lateFee == 0)
            variables["stay.free_until"] = .moment(summary.freeUntil)
            variables["stay.late_fee"] = .money(summary.lateFee)
        case .quoted(let quote), .feeRaised(let quote):
            variables["manage.checkin"] = .date(quote.checkIn)
            variables["manage.checkout"] = .date(quote.checkOut)
            variables["manage.rooms"] = .number(quote.rooms)
            variables["manage.room"] = .room(quote.roomType)
            variables["manage.nights"] = .number(CivilDate.days(from: quote.checkIn, to: quote.checkOut))
            variables["manage.total"] = .money(quote.total)
            variables["manage.fee"] = .money(quote.fee)
            variables["manage.free_until"] = .moment(quote.freeUntil)
        case .foundFile(let summary):
            wishBirthday(summary.isBirthday)
            variables["caller.name"] = .text(summary.name)
            variables["caller.stayed"] = .flag(summary.hasStayed)
            variables["caller.bookings"] = .number(summary.bookings)
            variables["caller.stays_to_come"] = .number(summary.staysToCome)
            variables["caller.upcoming"] = .flag(summary.nextCheckIn != nil)
            variables["caller.open_complaints"] = .number(summary.openComplaints)
            variables["caller.next_checkin"] = summary.nextCheckIn.map(AnswerValue.date)
            variables["caller.next_confirmation"] = summary.nextConfirmation.map(AnswerValue.text)
        case .foundComplaint(let summary):
            wishBirthday(summary.isBirthday)
            let label = prompts.label(ofChoice: summary.category, into: "complaint.category")
            variables["ticket.category"] = label.map { .choice(value: summary.category, label: $0) } ?? .text(summary.category)
            variables["ticket.status"] = .choice(value: summary.stage.rawValue, label: summary.stage.textKey)
            variables["ticket.followup"] = .date(summary.followUpBy)
            // The result only once signed off; a lookup earlier in the call leaves nothing behind.
            variables["ticket.result"] = summary.stage.isSignedOff ? summary.result.map(AnswerValue.text) : nil
            variables["ticket.followed_up"] = .flag(summary.followedUp)
            // "We will call you by Saturday" is said only while Saturday has not passed.
            variables["ticket.late"] = .flag(!summary.followedUp && now.date > summary.followUpBy)
        case .foundCallback(let summary):
            wishBirthday(summary.isBirthday)
            variables["callback.status"] = .text(summary.stage.rawValue)
            variables["callback.window"] = .window(summary.windowFrom, summary.windowTo)
            variables["callback.tries"] = .number(summary.tries)
            variables["callback.next_try"] = summary.nextTry.map(AnswerValue.moment)
            variables["callback.reached_at"] = summary.reachedAt.map(AnswerValue.moment)
            // The time owed (the window's end, or the next try's) has passed without the call.
            let owedBy: LocalMoment? = switch summary.stage {
            case .waiting: summary.windowTo
            case .retrying: summary.nextTry
            case .reached, .unreachable, .wrongNumber: nil
            }
            variables["callback.late"] = .flag(owedBy.map { now >= $0 } ?? false)
        case .knownCaller(let summary):
            wishBirthday(summary.isBirthday)
            variables["caller.name"] = summary.name.map(AnswerValue.text)
            variables["caller.stayed"] = .flag(summary.hasStayed)
            variables["caller.upcoming"] = .flag(summary.hasUpcomingStay)
            variables["caller.open_complaint"] = .flag(summary.hasOpenComplaint)
        case .queued(let position, let wait):
            variables["queue.position"] = .number(position)
            variables["queue.wait"] = .wait(seconds: wait)
        case .failed, .missing, .newCaller, .left, .unavailable, .datesPassed, .locked, .bookingCancelled, .bookingClosed, .unchanged:
            break
        }
    }

    /// The guest is identified (`isBirthday`: on their birthday): `caller.birthday` is yes
    /// only the first time that finds them on their birthday in this call, so the flows'
    /// `say … if caller.birthday` right after the lookup wishes them once.
    private mutating func wishBirthday(_ isBirthday: Bool) {
        let wish = isBirthday && !birthdayWished
        if wish { birthdayWished = true }
        variables["caller.birthday"] = .flag(wish)
    }

    private func stay() -> StayQuery? {
        guard case .date(let checkIn)? = variables["booking.checkin"], case .date(let checkOut)? = variables["booking.checkout"],
              case .number(let rooms)? = variables["booking.rooms"], case .room(let roomType)? = variables["booking.room"] else { return nil }
        return StayQuery(checkIn: checkIn, checkOut: checkOut, rooms: rooms, roomType: roomType)
    }

    /// The change the guest asked for at `manage.*`, to the booking they showed.
    private func changeDraft() -> BookingChangeDraft? {
        guard let reference = text("lookup.confirmation"), let phone = phone("guest.phone") else { return nil }
        var draft = BookingChangeDraft(reference: reference, phone: phone, language: language)
        if case .date(let day)? = variables["manage.checkin"] { draft.checkIn = day }
        if case .date(let day)? = variables["manage.checkout"] { draft.checkOut = day }
        if case .number(let rooms)? = variables["manage.rooms"] { draft.rooms = rooms }
        if case .room(let code)? = variables["manage.room"] { draft.roomType = code }
        return draft
    }

    private func money(_ name: String) -> Int? {
        if case .money(let amount)? = variables[name] { return amount }
        return nil
    }

    private func text(_ name: String) -> String? {
        if case .text(let text)? = variables[name] { return text }
        return nil
    }

    private func phone(_ name: String) -> PhoneNumber? {
        if case .phone(let phone)? = variables[name] { return phone }
        return nil
    }

    private func email(_ name: String) -> EmailAddress? {
        if case .email(let email)? = variables[name] { return email }
        return nil
    }

    private func flag(_ name: String) -> Bool? {
        if case .flag(let flag)? = variables[name] { return flag }
        return nil
    }
}
