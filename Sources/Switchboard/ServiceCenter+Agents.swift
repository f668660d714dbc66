import Reactor
import HotelCalendar
import Dialogue
import Storage
import Transcript

/// The guest's side of the queue for a person: asking, waiting, being put through to an
/// agent, talking, and being handed back. The console's side is `AgentDesk`.
extension ServiceCenter {
    /// Queue time: the loop's monotonic clock, immune to the wall clock being set.
    var queueTime: MonotonicTime { loop.now }

    /// `0` / `agent`: the guest's answer from the queue (their place in it, or with nobody
    /// logged in the callback offer), and what the queue does next for others (offers to
    /// agents), to carry out once the guest has heard their answer.
    func askForAgent(_ session: GuestSession) -> (outcome: ActionOutcome, next: [CallQueue.Action]) {
        let vip = isVIP(session), joining = queue.position(of: session.connection.id) == nil
        var actions = queue.guestAsks(session.connection.id, vip: vip, now: queueTime)
        guard !actions.isEmpty else { preconditionFailure("Invalid queue answer: nothing for a guest who asked for a person") }
        let first = actions.removeFirst()
        switch first {
        case .tellPosition(_, let position, let wait):
            // The call's record says why a VIP's place is nearer the front than the order of asking.
            if vip, joining, let file = session.identifiedFile {
                record(.queuedAsVIP(file: file.description, aheadOf: queue.queueLength - position), in: session, at: clock.now())
            }
            return (.queued(position: position, expectedWaitSeconds: Self.wholeSeconds(wait)), actions)
        case .offerCallback:
            return (.unavailable, actions)
        case .offerCallbackWhileWaiting, .offerCall, .withdrawOffer, .connect, .returnToQueue:
            preconditionFailure("Invalid queue answer to a guest who asked for a person: \(first)")
        }
    }

    /// Carries out what the queue decided.
    func apply(_ actions: [CallQueue.Action], now: WallTime) {
        for action in actions {
            switch action {
            case .tellPosition(let guest, let position, let wait):
                guard let session = sessions[guest] else { continue }
                tellPosition(position, wait: wait, to: session, now: now)
            case .offerCallback(let guest, let reason):
                guard let session = sessions[guest] else { continue }
                hear(.queueEnded(reason == .noAgents ? .noOne : .waitedTooLong), in: session, at: now)
            case .offerCallbackWhileWaiting(let guest):
                guard let session = sessions[guest] else { continue }
                hear(.noOneAtDesk, in: session, at: now)
            case .offerCall(let agent, let guest):
                guard let session = sessions[guest] else { continue }
                desk?.offer(guest: summary(of: session, now: now), to: agent)
            case .withdrawOffer(let agent, let guest, let guestLeft):
                desk?.withdraw(guest: guest, from: agent, guestLeft: guestLeft)
            case .connect(let agent, let guest):
                guard let session = sessions[guest] else { continue }
                connect(agent, to: session, now: now)
            case .returnToQueue(let guest):
                guard let session = sessions[guest] else { continue }
                let agent = session.agent
                session.agent = nil
                // Back at the front of the queue (heard once the apology is said), then the agent is gone.
                tellPosition(1, wait: queue.expectedWait(atPosition: 1), to: session, now: now)
                hear(.agentLeft(.lost, id: agent ?? "?"), in: session, at: now)
            }
        }
    }

    /// The guest's place in the queue, recorded (whole seconds, as the transcript keeps it,
    /// so a replay says the same wait) and told.
    private func tellPosition(_ position: Int, wait: Double?, to session: GuestSession, now: WallTime) {
        hear(.queueMoved(position: position, waitSeconds: Self.wholeSeconds(wait).map { Int($0) }), in: session, at: now)
    }

    static func wholeSeconds(_ wait: Double?) -> Double? { wait.map { $0.rounded() } }

    private func connect(_ agent: String, to session: GuestSession, now: WallTime) {
        let name = desk?.name(of: agent) ?? agent
        session.agent = agent
        desk?.audit("takeover", ["agent": .text(agent), "session": .number(Int(session.connection.id))])
        hear(.agentJoined(id: agent, name: name), in: session, at: now)
        desk?.connected(agent, to: summary(of: session, now: now), recent: session.callLog.recentConsoleLines)
    }

    /// The guest hung up: out of the queue, or the agent's call ends.
    func guestLeft(_ session: GuestSession, now: WallTime) {
        let id = session.connection.id
        apply(queue.guestLeaves(id, now: queueTime), now: now)
        if let agent = session.agent {
            _ = queue.callEnds(agent, now: queueTime)
            desk?.callEnded(agent, guest: id, reason: "the guest hung up")
        }
        for supervisor in session.barging { desk?.callEnded(supervisor, guest: id, reason: "the guest hung up") }
        for console in session.callLog.watchers { desk?.show(["* \(id) call ended"], toConsole: console) }
    }

    /// What a console shows about a call.
    func summary(of session: GuestSession, now: WallTime) -> CallSummary {
        let phone: String?
        if case .phone(let number)? = session.conversation.value(of: "guest.phone") { phone = number.normalized } else { phone = nil }
        let state: String
        if let agent = session.agent {
            state = "with \(agent)"
        } else if let position = queue.position(of: session.connection.id) {
            state = "waiting (\(position))"
        } else {
            state = session.conversation.isPerforming ? "saving" : "in flow"
        }
        // A call at the language screen has no language yet: "-", as its node.
        let language = session.conversation.isChoosingFirstLanguage ? "-" : session.conversation.language
        return CallSummary(id: session.connection.id, language: language,
                           node: session.conversation.currentNode ?? "-", seconds: Double(now - session.startedAt) / 1000,
                           state: state, phone: phone, waiting: queue.position(of: session.connection.id) != nil,
                           wanted: CallPlaceText.describe(session.conversation.place), caller: callerCard(of: session, now: now))
    }
}

/// One call as the agent console lists it.
struct CallSummary: Equatable {
    var id: UInt64
    var language: String
    var node: String
    var seconds: Double
    var state: String
    /// The full number; consoles show it masked unless asked (and audited).
    var phone: String?
    var waiting: Bool
    /// What the guest was doing, in the hotel's words ("was making a booking, at: check-in date").
    var wanted: String
    /// What is known of the caller from their guest file; nil while they are not identified.
    var caller: CallerCard?
}
