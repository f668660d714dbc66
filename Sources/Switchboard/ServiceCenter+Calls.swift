import HotelCalendar
import Storage

/// Every call that ends is written to the journal (`CallRecord`), for the service's
/// measures: how many calls, how long, and how long guests waited for a person.
extension ServiceCenter {
    /// Writes `session`'s call, ended at `now`. Nobody on the line waits for it; a server
    /// stopping does (it is held with the staff's records until the journal answers), and
    /// a refusal is told to the operator.
    func recordCall(of session: GuestSession, endedAt now: WallTime) {
        let call = CallRecord(session: session.id, startedAt: session.startedAt, endedAt: now, language: session.conversation.language,
                              waits: session.callLog.waits.callEnded(at: now))
        let token = office.recordCall(call)
        staffAwaiting[token] = { [weak pager] failure in
            guard let failure, let self = pager?.center else { return }
            self.log("call \(call.session) was not recorded for the figures: \(failure)")
        }
    }
}
