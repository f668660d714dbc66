import HotelCalendar
import Storage

// Callers known by their file: the session remembers the file a caller showed is theirs,
// and the queue and the consoles read it as it stands.
extension ServiceCenter {
    /// The caller on `session` showed `file` is theirs (nil: this answer showed nothing): the
    /// latest file shown is the one they are known by for the rest of the call.
    func identify(_ session: GuestSession, by file: GuestFileNumber?) {
        if let file { session.identifiedFile = file }
    }

    /// What agents are shown of `session`'s caller; nil while they are not identified.
    func callerCard(of session: GuestSession, now: WallTime) -> CallerCard? {
        session.identifiedFile.flatMap { office.callerCard($0, hotel: prompts.hotel, thresholds: segmentThresholds, now: now) }
    }

    /// True when `session`'s caller is identified as a VIP's file: the kind as it is when
    /// they ask for a person (an agent may have set it while they were on the line).
    func isVIP(_ session: GuestSession) -> Bool {
        session.identifiedFile.flatMap { office.store.guestFile($0) }?.kind == .vip
    }
}
