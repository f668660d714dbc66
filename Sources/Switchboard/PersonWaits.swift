import HotelCalendar
import Storage
import Transcript

/// The waits for a person in one call, as its events show them: a wait begins when the
/// guest is queued (or put back in the queue when their agent's console dropped) and ends
/// when an agent joins, the queue gives up, the guest leaves it for a callback, or the call
/// ends. Asking again while waiting is the same wait; nobody on duty is a wait of nothing,
/// ended at once.
///
/// A value fed the events the call's log records, in order, so it sees exactly what the
/// transcript keeps; tested without sockets.
struct PersonWaits {
    private enum State {
        /// Not in the queue for a person.
        case idle
        /// In the queue since `since`.
        case waiting(since: WallTime)
    }

    private var state = State.idle
    /// The waits that ended, in order.
    private(set) var ended: [PersonWait] = []

    /// Takes `event`, recorded on the call at `instant`.
    mutating func heard(_ event: TranscriptEvent, at instant: WallTime) {
        switch event {
        case .outcome(.queued), .queueMoved, .queuedAsVIP:
            if case .idle = state { state = .waiting(since: instant) }
        case .outcome(.unavailable):
            // Only a request for a person is answered "unavailable": nobody logged in.
            end(.nobodyOnDuty, at: instant, evenIfIdle: true)
        case .outcome(.left): end(.leftQueue, at: instant)
        case .agentJoined: end(.putThrough, at: instant)
        case .queueEnded: end(.queueGaveUp, at: instant)
        case .connected, .outcome, .noInput, .tooLong, .unreadable, .controlCharacters, .interrupt, .closing, .hungUp, .guestHungUp,
             .guestFinishedSending, .guestStoppedReading, .guestSentTooFast, .notSaved, .agentSaid, .agentAnswered, .agentLeft,
             .supervisorJoined, .supervisorLeft, .whisper, .note, .noOneAtDesk, .window, .terminal:
            break
        }
    }

    /// Every wait of the call, once it ended at `instant`: one still open ends as hung up.
    mutating func callEnded(at instant: WallTime) -> [PersonWait] {
        end(.hungUp, at: instant)
        return ended
    }

    private mutating func end(_ ending: PersonWait.Ending, at instant: WallTime, evenIfIdle: Bool = false) {
        switch state {
        case .waiting(let since):
            ended.append(PersonWait(milliseconds: max(0, instant - since), ending: ending))
            state = .idle
        case .idle:
            if evenIfIdle { ended.append(PersonWait(milliseconds: 0, ending: ending)) }
        }
    }
}
