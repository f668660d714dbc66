import Dialogue

/// What a guest was doing, in the hotel's words, for the agent a call is offered to or put
/// through to: "was making a booking, at: check-in date", "asked for a person from the main
/// menu". Made from the flow and the question (`CallPlace`), never shown as a node name
/// unless the prompts hold a question this table does not know (then its words, spaced).
enum CallPlaceText {
    /// The whole description: what they were doing, and the question they were at.
    static func describe(_ place: CallPlace?) -> String {
        guard let place else { return "has not chosen anything yet" }
        if place.flow == "main" && place.node == "main.menu" {
            return place.askedForPerson ? "asked for a person from the main menu" : "is at the main menu"
        }
        if place.flow == "agent" { return place.askedForPerson ? "asked for a person" : "is waiting for a person" }
        let doing = activities[place.flow] ?? "was in \(spaced(place.flow))"
        return "\(doing), at: \(question(place))"
    }

    /// The question alone: "check-in date", "what to correct".
    static func question(_ place: CallPlace) -> String {
        if let variable = place.question { return questions[variable] ?? spaced(variable) }
        return menus[place.node] ?? spaced(place.node)
    }

    private static let activities: [String: String] = [
        "main": "was at the main menu",
        "booking": "was making a booking",
        "complaint": "was making a complaint",
        "callback": "was asking for a callback",
        "survey": "was answering the satisfaction survey",
        "status": "was checking on a booking, complaint or guest file",
        "manage": "was changing or cancelling a booking",
    ]

    private static let questions: [String: String] = [
        "booking.checkin": "check-in date",
        "booking.checkout": "check-out date",
        "booking.rooms": "number of rooms",
        "booking.room": "room type",
        "booking.correct": "the read-back (is it right?)",
        "guest.phone": "phone number",
        "guest.name": "name",
        "callback.same_phone": "call the same phone?",
        "callback.time": "when to call",
        "callback.reason": "what the call is about",
        "complaint.details": "what happened",
        "complaint.expected": "what they would like us to do",
        "complaint.staying": "are they staying with us?",
        "complaint.room": "room number",
        "main.more": "anything else?",
        "main.want_callback": "a callback instead?",
        "agent.want_callback": "a callback instead?",
        "lookup.confirmation": "confirmation number",
        "lookup.ticket": "ticket number",
        "lookup.file": "guest file number",
        "status.manage": "change the booking?",
        "manage.checkin": "new check-in date",
        "manage.checkout": "new check-out date",
        "manage.rooms": "new number of rooms",
        "manage.room": "new room type",
        "manage.agree": "agreeing to the change and its cost",
        "survey.consent": "will they take the survey?",
        "survey.front_desk": "rating the front desk",
        "survey.housekeeping": "rating housekeeping",
        "survey.food": "rating food and beverage",
        "survey.security": "rating security",
        "survey.room": "rating the room",
        "survey.facilities": "rating the facilities",
        "survey.environment": "rating the surroundings",
        "survey.stay_again": "would they stay again?",
        "survey.recommend": "would they recommend us?",
        "survey.suggestions": "suggestions",
    ]

    private static let menus: [String: String] = [
        "booking.full": "no rooms: what to change",
        "booking.full_none": "no rooms: what to change",
        "booking.fix": "what to correct",
        "callback.language": "the language for the call",
        "complaint.category": "what the complaint is about",
        "manage.what": "what to change",
        "status.what": "what to check",
    ]

    /// A name from the prompts in words: "booking.late_arrival" → "late arrival".
    private static func spaced(_ name: String) -> String {
        String((name.split(separator: ".").last ?? Substring(name)).map { $0 == "_" ? " " : $0 })
    }
}
