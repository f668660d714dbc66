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
    /// A stay that has begun, by its number and the phone or name on it (the survey).
    case findStay = "find-stay"
    /// A booking by its number and the phone it was made under, as it stands now.
    case findBooking = "find-booking"
    case findComplaint = "find-complaint"
    /// A callback by its reference and the phone it is to call.
    case findCallback = "find-callback"
    /// A guest's file by its number and the phone on it.
    case findGuestFile = "find-guest-file"
    /// Is this phone, with this name, on file? (a repeat guest; a phone alone says nothing)
    case findCaller = "find-caller"
    /// What a change to the booking found would be: the rooms checked, the fee priced.
    case quoteChange = "quote-change"
    case saveChange = "save-change"
    /// What cancelling the booking found would cost now.
    case quoteCancellation = "quote-cancellation"
    case saveCancellation = "save-cancellation"
    case requestAgent = "request-agent"
    case leaveQueue = "leave-queue"

    /// Every result this action can come back with; a `do` must branch on each.
    public var results: [String] {
        switch self {
        case .checkAvailability: return ["available", "full"]
        case .saveReservation: return ["saved", "full", "failed", "past"]
        case .saveComplaint, .saveCallback, .saveSurvey: return ["saved", "failed"]
        case .findStay, .findComplaint, .findCallback, .findGuestFile: return ["found", "missing", "locked"]
        case .findBooking: return ["found", "cancelled", "closed", "missing", "locked"]
        case .findCaller: return ["known", "new"]
        case .quoteChange: return ["free", "fee", "same", "full", "cancelled", "closed", "past"]
        case .saveChange: return ["saved", "fee", "same", "full", "cancelled", "closed", "past", "failed"]
        case .quoteCancellation: return ["free", "fee", "cancelled", "closed"]
        case .saveCancellation: return ["saved", "fee", "cancelled", "closed", "failed"]
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
        case .findStay: return ["lookup.confirmation", "guest.phone", "guest.name"]
        case .findBooking, .quoteChange, .saveChange, .quoteCancellation, .saveCancellation: return ["lookup.confirmation", "guest.phone"]
        case .findComplaint: return ["lookup.ticket", "guest.phone"]
        case .findCallback: return ["lookup.callback", "guest.phone"]
        case .findGuestFile: return ["lookup.file", "guest.phone"]
        case .findCaller: return ["guest.phone", "guest.name"]
        case .requestAgent, .leaveQueue: return []
        }
    }

    /// Variables the action sets for the texts that follow it. Every lookup that identifies
    /// the guest (a number of theirs with the phone or name on it, or their phone with the
    /// name on file) sets `caller.birthday`: yes the first time in a call that it finds the
    /// guest on their birthday, no otherwise, so a `say … if caller.birthday` wishes them
    /// a happy birthday once a call.
    public var provides: [String] {
        switch self {
        case .checkAvailability:
            return ["booking.nights", "booking.rate", "booking.total", "availability.left", "availability.alternatives"]
        case .saveReservation: return ["booking.confirmation", "guest.file", "availability.left", "availability.alternatives"]
        case .saveComplaint: return ["complaint.ticket", "complaint.followup"]
        case .saveCallback: return ["callback.reference", "callback.window"]
        case .saveSurvey: return ["survey.reference"]
        case .findStay: return ["stay.name", "stay.checkin", "stay.checkout", "stay.room", "stay.rooms", "stay.nights", "caller.birthday"]
        case .findBooking:
            return ["stay.name", "stay.checkin", "stay.checkout", "stay.room", "stay.rooms", "stay.nights", "stay.total", "stay.free",
                    "stay.free_until", "stay.late_fee", "caller.birthday"]
        case .findComplaint: return ["ticket.category", "ticket.status", "ticket.followup", "ticket.result", "ticket.followed_up", "ticket.late", "caller.birthday"]
        case .findCallback:
            return ["callback.status", "callback.window", "callback.tries", "callback.next_try", "callback.reached_at", "callback.late", "caller.birthday"]
        case .findGuestFile:
            return ["caller.name", "caller.stayed", "caller.upcoming", "caller.bookings", "caller.stays_to_come", "caller.open_complaints",
                    "caller.next_checkin", "caller.next_confirmation", "caller.birthday"]
        case .findCaller: return ["caller.name", "caller.stayed", "caller.upcoming", "caller.open_complaint", "caller.birthday"]
        case .quoteChange, .saveChange:
            return ["manage.checkin", "manage.checkout", "manage.rooms", "manage.room", "manage.nights", "manage.total", "manage.fee",
                    "manage.free_until", "manage.reference", "availability.left", "availability.alternatives"]
        case .quoteCancellation, .saveCancellation: return ["manage.fee", "manage.free_until", "manage.reference"]
        case .requestAgent: return ["queue.position", "queue.wait"]
        case .leaveQueue: return []
        }
    }
}
