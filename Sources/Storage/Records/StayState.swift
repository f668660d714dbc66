import HotelCalendar

/// Where a booked stay is in its life. A value state machine: `after(_:checkIn:today:)`
/// says what an event does to a stay in this state, or names why it may not happen; the
/// store records the event only when it may, so the journal never holds a move the
/// machine refuses.
///
///     booked ─change→ changed ─change→ changed
///     booked, changed ─cancel→ cancelled                 (up to the check-in day)
///     booked, changed ─arrive→ arrived ─depart→ departed (arrival on the check-in day)
///     booked, changed ─no-show→ no-show                  (from the check-in day; the line
///                                                         makes it so the day after)
///
/// Cancelled, departed and no-show are final.
public enum StayState: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Booked as the guest first agreed; still to come.
    case booked = 1
    /// Changed at least once (dates, rooms or room type); still to come.
    case changed = 2
    /// Cancelled: its rooms were freed at once. Final.
    case cancelled = 3
    /// The guest is in the hotel.
    case arrived = 4
    /// The guest has left. Final.
    case departed = 5
    /// The guest never came; the policy's no-show fee is recorded. Final.
    case noShow = 6

    /// The word exports and consoles show.
    public var description: String {
        switch self {
        case .booked: return "booked"
        case .changed: return "changed"
        case .cancelled: return "cancelled"
        case .arrived: return "arrived"
        case .departed: return "departed"
        case .noShow: return "no-show"
        }
    }

    /// Whether the stay holds its rooms: availability counts it on its nights.
    public var holdsRooms: Bool {
        switch self {
        case .booked, .changed, .arrived: return true
        case .cancelled, .departed, .noShow: return false
        }
    }

    /// Still to come: the guest may change or cancel it (up to its check-in day).
    public var isToCome: Bool {
        switch self {
        case .booked, .changed: return true
        case .cancelled, .arrived, .departed, .noShow: return false
        }
    }

    /// The state `event` leads to from this one, for a stay checking in on `checkIn`, on the
    /// hotel's day `today`; or why it may not happen.
    public func after(_ event: StayEvent, checkIn: CivilDate, today: CivilDate) -> Result<StayState, StayRefusal> {
        switch self {
        case .booked, .changed:
            switch event {
            case .change:
                return today <= checkIn ? .success(.changed) : .failure(.checkInDayOver(checkIn))
            case .cancel:
                return today <= checkIn ? .success(.cancelled) : .failure(.checkInDayOver(checkIn))
            case .arrive:
                if today < checkIn { return .failure(.beforeCheckIn(checkIn)) }
                return today == checkIn ? .success(.arrived) : .failure(.checkInDayOver(checkIn))
            case .depart:
                return .failure(.notArrived)
            case .noShow:
                return today < checkIn ? .failure(.beforeCheckIn(checkIn)) : .success(.noShow)
            }
        case .arrived:
            switch event {
            case .depart: return .success(.departed)
            case .change, .cancel, .arrive, .noShow: return .failure(.arrived)
            }
        case .cancelled: return .failure(.cancelled)
        case .departed: return .failure(.departed)
        case .noShow: return .failure(.noShow)
        }
    }
}

/// What can happen to a booked stay.
public enum StayEvent: String, Sendable, CaseIterable {
    /// The guest changes its dates, rooms or room type.
    case change
    /// The guest cancels it.
    case cancel
    /// Staff: the guest arrived.
    case arrive
    /// Staff: the guest left.
    case depart
    /// Staff, or the line the day after check-in: the guest never came.
    case noShow = "no-show"
}

/// Why a stay may not move as asked: each refused transition by name, with the words staff
/// read (a guest hears the prompts' own, kinder words).
public enum StayRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The booking was cancelled: nothing more happens to it.
    case cancelled
    /// The guest is in the hotel: no change, cancellation or second arrival.
    case arrived
    /// The guest has left.
    case departed
    /// The stay was recorded as a no-show.
    case noShow
    /// A departure before any arrival.
    case notArrived
    /// An arrival or no-show before the check-in day.
    case beforeCheckIn(CivilDate)
    /// A change, cancellation or arrival after the check-in day: the stay is past.
    case checkInDayOver(CivilDate)

    public var description: String {
        switch self {
        case .cancelled: return "the booking was cancelled"
        case .arrived: return "the guest has already arrived"
        case .departed: return "the guest has already departed"
        case .noShow: return "the stay was recorded as a no-show"
        case .notArrived: return "the guest has not arrived"
        case .beforeCheckIn(let day): return "the stay checks in on \(day), not before"
        case .checkInDayOver(let day): return "its check-in day, \(day), is over"
        }
    }
}
