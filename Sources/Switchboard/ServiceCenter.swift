import HotelCalendar
import Dialogue
import Storage
import Telnet
import Transcript
import Reactor
import Wallboard

/// The hotel's guest-service centre: answers every call on the guest line, runs each
/// guest's conversation, carries out what it asks (speak, save, look up, hang up), and
/// speaks a number only once the journal says its record is durable.
///
/// Everything here runs on the one event-loop thread; there are no locks. Conversations
/// keep the prompts they started with when `reload` installs new ones.
public final class ServiceCenter {
    let loop: EventLoop
    public private(set) var prompts: PromptSet
    /// The hotel's clock on the wall: instants to local days and times, by the prompts' zone.
    var localClock: LocalClock
    var zone: HotelTimeZone { localClock.zone }
    var office: BackOffice
    /// Where transcripts (and the audit log) are appended, off the loop; nil: not kept.
    let files: FileAppender?
    let settings: LineSettings
    let clock: WallClock
    /// Tells sessions of this run apart from earlier runs' in transcript names.
    let instance = String(UInt16.random(in: 0x1000...0xffff), radix: 16)
    var sessions: [UInt64: GuestSession] = [:]
    /// The queue for a person; the agent console works it.
    var queue: CallQueue
    /// The agent console, when one listens; told of offers, guest lines and hang-ups.
    weak var desk: AgentDesk?
    /// Where notes for the operator go (stderr, stamped, from the command line).
    public var log: (String) -> Void = { _ in }
    private var lastSnapshotProblem: String?
    /// Calls answered on the hotel's current day, for the supervisors' `stats`.
    var callsToday = 0
    /// What the wallboard and `/metrics` count: calls, lines, waits for a person.
    var counters = LineCounters()
    /// The work lists as last counted for the wallboard, when, and the records then (see
    /// `workCountSeconds`); a count under way off the loop, and where it runs (made when
    /// first needed).
    var workCountsCache: (at: MonotonicTime, records: Int, counts: [LineFigures.WorkListCount])?
    var countingWork = false
    private(set) lazy var offLoop = try? OffLoopWork(loop: loop)
    private var statsDay: CivilDate?
    /// Records on their way to disk: the session waiting and what it will hear.
    private var awaiting: [UInt64: (connection: UInt64, outcome: ActionOutcome)] = [:]
    /// Staff's records on their way to disk (a stay moved, a no-show): what to do once the
    /// journal has answered (nil: durable; else why not).
    var staffAwaiting: [UInt64: (JournalError?) -> Void] = [:]
    /// Wrong tries at lookups, by address (each call counts its own too).
    private var lookups: LookupGuard
    /// The hotel's day the no-show round last ran for.
    var noShowDay: CivilDate?
    /// When complaints were last looked at for escalation (once a minute is enough).
    private var escalationCheckedAt: WallTime?
    /// Requests from `hotelline stays` while this server holds the data directory.
    var stayRequests: StayRequests?
    private var shutdownDone: (() -> Void)?
    /// The minute sessions are being named in, its day (`2026-11-25`) and name prefix.
    var naming: (minute: Int64, day: String, prefix: String) = (.min, "", "")
    /// What timers and the journal's waker hold weakly instead of the centre (see `Pager`).
    private(set) lazy var pager = Pager(center: self)

    /// Reaches the centre for whoever must not keep it alive (its timers, the journal's
    /// waker): they hold the pager weakly, and only the centre holds it strongly, so it
    /// lives exactly as long as the centre. A weak reference to the centre itself would
    /// give it a side table, and every retain of the centre (one per guest line, as the
    /// connections' delegate) would then take the runtime's slow path.
    final class Pager {
        /// The centre that owns it (unowned: no side table, and a read after the centre is
        /// gone traps instead of reading freed memory).
        unowned let center: ServiceCenter

        init(center: ServiceCenter) {
            self.center = center
        }
    }

    public init(loop: EventLoop, prompts: PromptSet, store: HotelStore, files: FileAppender?,
                settings: LineSettings = LineSettings(), clock: WallClock = .system) {
        self.loop = loop
        self.prompts = prompts
        self.localClock = LocalClock(zone: prompts.hotel.timeZone)
        self.office = BackOffice(store: store)
        self.files = files
        self.settings = settings
        self.clock = clock
        self.queue = CallQueue(settings: settings.queue)
        self.lookups = LookupGuard(settings: settings.lookups)
    }

    public var sessionCount: Int { sessions.count }

    /// Records the no-shows a start finds due, then starts the once-a-second round that
    /// notices silent guests (and, once a day, the guests who never came).
    public func start() {
        recordNoShows(now: clock.now())
        scheduleIdleRound()
    }

    /// New calls use `prompts` from now on; calls in progress finish with the ones they began with.
    public func reload(_ prompts: PromptSet) {
        self.prompts = prompts
        self.localClock = LocalClock(zone: prompts.hotel.timeZone)  // the new zone from now on
        naming = (.min, "", "")
    }

    /// The journal has news (called on the loop when its waker fires).
    public func journalDidAcknowledge() {
        for ack in office.store.takeAcknowledgements() {
            if let done = staffAwaiting.removeValue(forKey: ack.token) {
                done(ack.failure)
                continue
            }
            guard let (connection, outcome) = awaiting.removeValue(forKey: ack.token) else { continue }
            guard let session = sessions[connection], !session.isClosed else { continue }
            let now = clock.now()
            if let failure = ack.failure {
                record(.notSaved(reason: "\(failure)"), in: session, at: now)
                log("a record was refused, the guest was told nothing is saved: \(failure)")
            } else {
                identify(session, by: office.file(openedBy: ack.record))
            }
            hear(.outcome(ack.failure == nil ? outcome : .failed), in: session, at: now)
            finishIfDone(session)
        }
        checkShutdown()
    }

    /// Says goodbye to every guest (after their pending record is saved and spoken), then
    /// calls `done`; gives up waiting after the grace period.
    public func shutDown(then done: @escaping () -> Void) {
        shutdownDone = done
        let now = clock.now()
        for session in Array(sessions.values) where !session.conversation.isPerforming {
            close(session, now: now)
        }
        _ = loop.scheduleTimer(at: loop.now.adding(seconds: settings.shutdownGraceSeconds)) { [weak pager] in
            guard let self = pager?.center, let done = self.shutdownDone else { return }
            self.shutdownDone = nil
            done()
        }
        checkShutdown()
    }

    func checkShutdown() {
        guard let done = shutdownDone, sessions.isEmpty, awaiting.isEmpty, staffAwaiting.isEmpty else { return }
        shutdownDone = nil
        done()
    }

    // MARK: Carrying out effects

    /// Records `event` on `session`'s call, then tells the conversation what it hears of it
    /// (`conversationEvent`, the mapping a replay uses too) and carries out its answer.
    func hear(_ event: TranscriptEvent, in session: GuestSession, at now: WallTime) {
        record(event, in: session, at: now)
        if let heard = event.conversationEvent { run(heard, in: session, at: now) }
    }

    /// Records `event` on `session`'s call, for its transcript and whoever follows the call.
    func record(_ event: TranscriptEvent, in session: GuestSession, at now: WallTime) {
        session.callLog.record(event, at: now, showingOn: desk)
    }

    /// Tells `session`'s conversation `event` and carries out its effects in one loop, in
    /// order. An action answered at once (a lookup, the queue) is recorded and told as the
    /// next event once the effects before it are done; one whose record must reach the disk
    /// first is told from `journalDidAcknowledge`. What the queue does next for others waits
    /// until the guest has heard their own answer.
    func run(_ event: ConversationEvent, in session: GuestSession, at now: WallTime) {
        var effects = session.conversation.handle(event, at: now)
        learnAnswers(in: session, after: event)
        var later: [CallQueue.Action]?  // nil, not empty: nothing to let go of on nearly every line
        while let outcome = carryOut(effects, in: session, at: now, then: &later) {
            // The outcome goes into the transcript so a replay can answer the same way without this store.
            let recorded = TranscriptEvent.outcome(outcome)
            record(recorded, in: session, at: now)
            guard let next = recorded.conversationEvent else { break }
            effects = session.conversation.handle(next, at: now)
            learnAnswers(in: session, after: next)
        }
        if let later { apply(later, now: now) }
        // A whole ordinary call (10-15 KiB) goes to the writer in one piece: one file opened,
        // written and closed per call; a long one in pieces of this size.
        if session.callLog.transcript.pendingCount > 16384 { flushTranscript(of: session) }
    }

    /// Performs `effects` in order; returns the outcome of the action they end with when it
    /// is known at once (a conversation asks for an action last, and waits for its outcome).
    private func carryOut(_ effects: [ConversationEffect], in session: GuestSession, at now: WallTime,
                          then later: inout [CallQueue.Action]?) -> ActionOutcome? {
        for effect in effects {
            switch effect {
            case .say(let text):
                counters.guestTextsSent += 1
                session.connection.sendText(text)
                session.callLog.record(.said, text, at: now, showingOn: desk)
            case .perform(let request):
                assert(effect == effects.last, "a conversation asks for an action last: it waits for its outcome")
                return perform(request, for: session, at: now, then: &later)
            case .hangUp:
                record(.hungUp, in: session, at: now)
                session.isClosed = true
                session.connection.close(flushFirst: true)
            }
        }
        return nil
    }

    /// Redacting, the transcript masks the answers the conversation took at `event` before
    /// anything it says is written.
    private func learnAnswers(in session: GuestSession, after event: ConversationEvent) {
        guard session.callLog.transcript.isRedacting, !event.isTalkInCall else { return }
        session.callLog.transcript.learn(session.conversation.recentAnswers, queued: session.conversation.queuedInputCount)
    }

    /// Carries out `request` for `session`: its outcome when known at once, nil when it comes
    /// once the record is on disk. What the queue does next for others is added to `later`.
    private func perform(_ request: ActionRequest, for session: GuestSession, at now: WallTime,
                         then later: inout [CallQueue.Action]?) -> ActionOutcome? {
        switch request {
        case .requestAgent:
            let (outcome, next) = askForAgent(session)
            later = (later ?? []) + next
            return outcome
        case .leaveQueue:
            requestEnded(session, putThrough: false)
            apply(queue.guestLeaves(session.connection.id, now: queueTime), now: now)
            return .left
        case .findStay, .findBooking, .findComplaint, .findCallback, .findGuestFile:
            let outcome = lookUp(request, for: session, at: now)
            identify(session, by: office.file(identifiedBy: request, answer: outcome))
            return outcome
        case .checkAvailability, .saveReservation, .saveComplaint, .saveCallback, .saveSurvey, .findCaller, .quoteChange, .saveChange,
             .quoteCancellation, .saveCancellation:
            switch office.perform(request, session: session.id, prompts: session.conversation.prompts, zone: zone, now: now) {
            case .done(let outcome):
                identify(session, by: office.file(identifiedBy: request, answer: outcome))
                return outcome
            case .awaitingDisk(let token, let outcome):
                awaiting[token] = (session.connection.id, outcome)
                return nil
            }
        }
    }

    /// A lookup that shows a number with a phone or a name: answered `locked` without looking
    /// once the call or its address has tried wrongly too often; a wrong try is counted and
    /// written to the audit log (never what was typed, only that it did not match).
    private func lookUp(_ request: ActionRequest, for session: GuestSession, at now: WallTime) -> ActionOutcome {
        let address = session.connection.peerAddress.host
        let what: String
        switch request {
        case .findBooking: what = "booking"
        case .findStay: what = "stay"
        case .findComplaint: what = "complaint"
        case .findCallback: what = "callback"
        case .findGuestFile: what = "guest-file"
        case .checkAvailability, .saveReservation, .saveComplaint, .saveCallback, .saveSurvey, .findCaller, .quoteChange, .saveChange,
             .quoteCancellation, .saveCancellation, .requestAgent, .leaveQueue:
            preconditionFailure("Invalid lookup \(request)")
        }
        guard lookups.allows(callFailures: session.lookupFailures, address: address, now: queueTime.seconds) else {
            audit("lookup-refused", ["session": .text(session.id), "from": .text(address), "what": .text(what)], at: now)
            return .locked
        }
        guard case .done(let outcome) = office.perform(request, session: session.id, prompts: session.conversation.prompts, zone: zone, now: now) else {
            preconditionFailure("a lookup saves nothing")
        }
        guard outcome == .missing else { return outcome }
        session.lookupFailures += 1
        audit("lookup-failed", ["session": .text(session.id), "from": .text(address), "what": .text(what), "tries": .number(session.lookupFailures)],
              at: now)
        if lookups.failed(address: address, now: queueTime.seconds) {
            let minutes = Int((lookups.settings.lockSeconds / 60).rounded(.up))
            audit("lookup-locked", ["from": .text(address), "minutes": .number(minutes)], at: now)
            log("lookups from \(address) locked for \(minutes) minutes after \(lookups.settings.maxFailuresPerAddress) wrong tries")
        }
        return lookups.allows(callFailures: session.lookupFailures, address: address, now: queueTime.seconds) ? .missing : .locked
    }

    /// One line in the audit log.
    func audit(_ event: String, _ details: KeyValuePairs<String, AuditLog.Value>, at now: WallTime) {
        files?.append(AuditLog.line(event, details, at: now.millisecondsSince1970), to: AuditLog.fileName)
    }

    /// During a call with a person, a guest line the line itself refused (and answered)
    /// is noted to the agent and any supervisor in the call, so they know why the guest
    /// heard the line speak; its bytes never reach their terminals.
    func tellStaffInCall(_ session: GuestSession, _ note: String) {
        guard session.conversation.isWithAgent else { return }
        let lines = ["\(session.connection.id)* " + note]
        for agent in session.staffInCall { desk?.showCall(lines, of: session.connection.id, from: .guest, toAgent: agent) }
    }

    /// A guest who stopped sending is let go once nothing they were promised is pending.
    func finishIfDone(_ session: GuestSession) {
        guard !session.isClosed else { return }
        if session.inputEnded && !session.conversation.isPerforming {
            hear(.guestFinishedSending, in: session, at: clock.now())
            session.isClosed = true
            session.connection.close(flushFirst: true)
        } else if shutdownDone != nil && !session.conversation.isPerforming {
            close(session, now: clock.now())
        }
    }

    /// The line is closing: the guest is told (noted first, so a replay tells them too).
    private func close(_ session: GuestSession, now: WallTime) {
        hear(.closing, in: session, at: now)
    }

    func flushTranscript(of session: GuestSession) {
        let text = session.callLog.transcript.take()
        guard !text.isEmpty else { return }
        files?.append(to: session.transcriptPath) { text.bytes() }
    }

    func local(_ instant: WallTime) -> LocalMoment {
        localClock.moment(at: instant)
    }

    private func scheduleIdleRound() {
        _ = loop.scheduleTimer(at: loop.now.adding(seconds: settings.roundSeconds)) { [weak pager] in
            guard let self = pager?.center else { return }
            self.idleRound()
            self.scheduleIdleRound()
        }
    }

    private func idleRound() {
        let now = clock.now()
        let today = local(now).date
        if statsDay != today {
            if statsDay != nil { queue.startDay(); callsToday = 0; counters.startDay() }
            statsDay = today
        }
        if noShowDay != today { recordNoShows(now: now) }
        if escalationCheckedAt.map({ now - $0 >= 60_000 || now < $0 }) ?? true {
            escalationCheckedAt = now
            escalateComplaints(now: now)
        }
        apply(queue.tick(now: queueTime), now: now)
        desk?.idleRound()
        stayRequests?.round(now: queueTime)
        for failure in files?.takeFailures() ?? [] { log("transcript or audit log: \(failure)") }
        if let problem = office.store.snapshotProblem, problem != lastSnapshotProblem {
            lastSnapshotProblem = problem
            log("journal snapshot not written (every segment is kept, nothing is lost): \(problem)")
        }
        let limit = Int64((settings.idleTimeoutSeconds * 1000).rounded())
        for session in sessions.values where !session.isClosed && !session.conversation.isPerforming && now - session.lastHeard >= limit {
            session.lastHeard = now
            hear(.noInput, in: session, at: now)
        }
    }
}
