/// The things a flow can ask the line to do (`do save-reservation`), what each needs from
/// the conversation's variables, and the results its `on` branches must cover.
///
/// The switchboard performs them; the conversation only asks and waits for the outcome.
public enum ActionKind: String, Sendable, CaseIterable {
    case checkAvailability = "check-availability"
    case saveReservation = "save-reservation"
    case saveComplaint = "save-complaint"
    case saveCallback = "save-callback"
    case saveSurvey = "save-survey"
    case findReservation = "find-reservation"
    case findComplaint = "find-complaint"
    case findCaller = "find-caller"
    case requestAgent = "request-agent"
    case leaveQueue = "leave-queue"

    /// Every result this action can come back with; a `do` must branch on each.
    public var results: [String] {
        switch self {
        case .checkAvailability: return ["available", "full"]
        case .saveReservation: return ["saved", "full", "failed", "past"]
        case .saveComplaint, .saveCallback, .saveSurvey: return ["saved", "failed"]
        case .findReservation, .findComplaint: return ["found", "missing"]
        case .findCaller: return ["known", "new"]
        case .requestAgent: return ["queued", "unavailable"]
        case .leaveQueue: return ["left"]
        }
    }

    /// Variables that must be answered (somewhere in the flows) before the action runs.
    public var requires: [String] {
        switch self {
        case .checkAvailability: return ["booking.checkin", "booking.checkout", "booking.rooms", "booking.room"]
        case .saveReservation: return ["booking.checkin", "booking.checkout", "booking.rooms", "booking.room", "guest.name", "guest.phone"]
        case .saveComplaint: return ["complaint.category", "complaint.details", "complaint.expected", "guest.name", "guest.phone"]
        case .saveCallback: return ["guest.phone", "callback.time", "callback.reason", "callback.language"]
        case .saveSurvey: return []
        case .findReservation: return ["lookup.confirmation"]
        case .findComplaint: return ["lookup.ticket"]
        case .findCaller: return ["guest.phone"]
        case .requestAgent, .leaveQueue: return []
        }
    }

    /// Variables the action sets for the texts that follow it.
    public var provides: [String] {
        switch self {
        case .checkAvailability:
            return ["booking.nights", "booking.rate", "booking.total", "availability.left", "availability.alternatives"]
        case .saveReservation: return ["booking.confirmation", "guest.file", "availability.left", "availability.alternatives"]
        case .saveComplaint: return ["complaint.ticket", "complaint.followup"]
        case .saveCallback: return ["callback.reference", "callback.window"]
        case .saveSurvey: return ["survey.reference"]
        case .findReservation: return ["stay.name", "stay.checkin", "stay.checkout", "stay.room", "stay.rooms", "stay.nights"]
        case .findComplaint: return ["ticket.category", "ticket.status", "ticket.followup"]
        case .findCaller: return ["caller.name", "caller.upcoming", "caller.open_complaint"]
        case .requestAgent: return ["queue.position", "queue.wait"]
        case .leaveQueue: return []
        }
    }
}
