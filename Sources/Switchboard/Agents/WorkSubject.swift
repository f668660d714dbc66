import HotelCalendar
import Dialogue
import Storage

/// Who a work item is about and what, from the record it follows: the guest's name, phone
/// and language, a one-line summary for the lists, and the facts `show` gives.
struct WorkSubject {
    var name: String?
    var phone: String?
    var language: String
    var summary: String
    var facts: [String]

    init(_ item: WorkItem, store: HotelStore, hotel: HotelProfile, zone: HotelTimeZone) {
        func local(_ instant: WallTime) -> String { Self.local(instant, zone: zone) }
        func department(_ category: String) -> String {
            hotel.department(ofCategory: category).map { "\($0.name) (head \($0.head))" } ?? "no department"
        }
        name = nil
        phone = nil
        language = hotel.primaryLanguage
        summary = ""
        facts = []
        switch item.id {
        case .callback(let number):
            guard let callback = store.callback(number) else { return }
            let q = callback.request
            (name, phone, language) = (q.guestName, q.phone, q.callLanguage)
            let window = "\(local(q.dueAt))–\(zone.localMoment(at: q.dueAt.adding(seconds: Double(q.windowMinutes * 60))).time)"
            summary = "\(window) \(q.callLanguage): \(q.reason)"
            facts = ["promised: a call between \(window), in \(q.callLanguage)", "reason: \(q.reason)",
                     "asked for on \(local(callback.createdAt))" + (item.tries > 0 ? "; tried \(item.tries) time(s)" : "")]
        case .complaint(let number), .complaintRevisit(let number):
            guard let ticket = store.complaint(number) else { return }
            let q = ticket.request
            (name, phone, language) = (q.guestName, q.phone, q.language)
            if case .complaintRevisit = item.id {
                summary = "revisit after complaint \(number) (\(q.category))"
                facts = ["complaint \(number), \(q.category): \(q.details)"]
            } else {
                summary = "\(q.category): \(q.details)"
                facts = ["received \(local(ticket.createdAt)) by the line (call \(q.session))", "category \(q.category), \(department(q.category))",
                         "what happened: \(q.details)", "the guest expects: \(q.expectedResolution)",
                         "promised: looked into today, called back by \(q.followUpBy)"]
                if let room = q.roomNumber { facts.append("room \(room)") }
            }
        case .stayRevisit(let number), .arrival(let number):
            guard let booking = store.booking(number) else { return }
            let q = booking.reservation.request, terms = booking.terms
            (name, phone, language) = (q.guestName, q.phone, q.language)
            let stay = "\(number): \(terms.checkIn) to \(terms.checkOut), \(terms.rooms) × \(terms.roomType)"
            if case .arrival = item.id {
                summary = "arrives \(terms.checkIn), \(terms.nights) night(s), \(terms.rooms) × \(terms.roomType)"
                facts = ["stay " + stay + " (\(booking.state))", "guest file \(booking.reservation.guestFile)"]
                let needs = store.specialNeeds(file: booking.reservation.guestFile)
                if !needs.isEmpty { facts.append("needs on the guest's file: " + needs.joined(separator: "; ")) }
            } else {
                summary = "revisit after the stay \(number) (\(terms.checkIn) to \(terms.checkOut))"
                facts = ["stay " + stay + ", departed"]
            }
        case .feedback(let number, let topic):
            guard let survey = store.survey(number) else { return }
            let q = survey.request
            (name, phone, language) = (q.guestName, q.phone, q.language)
            let said = topic == "suggestions" ? "suggests: \(q.suggestions ?? "")" : "rated \(topic) \(q.ratings[topic] ?? 0) of 5"
            let to = item.department ?? hotel.department(ofTopic: topic)?.code ?? "no department"
            summary = "\(to): \(said)"
            facts = ["survey \(number) of \(local(survey.createdAt))" + (q.confirmation.map { " for the stay \($0)" } ?? ""), said, "goes to \(to)"]
        case .birthday(let number, let year):
            guard let file = store.guestFile(number), let birthday = file.birthday else { return }
            (name, phone) = (file.name, file.phone)
            language = store.caller(phone: file.phone)?.language ?? hotel.primaryLanguage
            let day = birthday.day(in: year)
            let leap = day.day != birthday.day ? " (born on 29 February: the 28th this year)" : ""
            summary = "birthday \(day)\(leap), \(file.kind) guest"
            facts = ["guest file \(number), kind \(file.kind), birthday \(birthday)", "birthday this year: \(day)\(leap)"]
            // A guest staying with us that night can have the card in their room.
            for stay in file.reservations.compactMap({ store.booking($0) })
            where stay.state.holdsRooms && stay.terms.checkIn <= day && day < stay.terms.checkOut {
                facts.append("staying with us that night: \(stay.number), \(stay.terms.checkIn) to \(stay.terms.checkOut) (\(stay.state))")
            }
        }
    }

    /// `2026-12-03 10:30` on the hotel's clock; a midnight that ends a day is that day's `24:00`.
    static func local(_ instant: WallTime, zone: HotelTimeZone) -> String {
        let moment = zone.localMoment(at: instant)
        if moment.time.minutesSinceMidnight == 0 { return moment.date.adding(days: -1).description + " 24:00" }
        return moment.date.description + " " + moment.time.description
    }
}
