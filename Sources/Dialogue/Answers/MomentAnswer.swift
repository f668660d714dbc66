import HotelCalendar

/// What a guest answered when asked "when?" (for a callback, say): a moment or "now".
///
/// "As soon as possible" is a real answer, not a missing one: the queue treats it as
/// due at once, so it is kept distinct from any clock reading.
public enum MomentAnswer: Hashable, Sendable {
    case asSoonAsPossible
    case at(LocalMoment)
}
