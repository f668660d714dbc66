import Dialogue
import Storage
import Transcript

/// The guest's side of the queue for a person: asking, waiting, being put through to an
/// agent, talking, and being handed back. The console's side is `AgentDesk`.
extension ServiceCenter {
    /// Queue time: monotonic seconds, immune to the wall clock being set.
    var queueTime: Double { Double(loop.now.nanoseconds) / 1e9 }

    /// Records a transcript entry and shows it to whoever follows the call on a console.
    /// Cheap when nobody follows: the entry is kept raw, formatted only if a console asks.
    func record(_ direction: TranscriptDirection, _ text: String, in session: GuestSession, at now: Int64) {
        session.transcript.record(direction, text, at: now)
        session.remember(direction, text)
        // Nobody follows most calls: that is found without making the list of agents.
        let toAgents = direction == .guest && session.conversation.isWithAgent && (session.agent != nil || !session.barging.isEmpty)
        guard !session.watchers.isEmpty || toAgents else { return }
        let agents = toAgents ? session.staffInCall : []
        let lines = Self.consoleLines(direction, text, session: session.connection.id)
        for console in session.watchers { desk?.show(lines, toConsole: console) }
        for agent in agents { desk?.show(lines, toAgent: agent) }
    }

    /// `17> ` what the guest typed, `17| ` what the line said (cut to the window), `17* ` events;
    /// escaped, so nothing a guest typed can drive the agent's terminal.
    static func consoleLines(_ direction: TranscriptDirection, _ text: String, session id: UInt64) -> [String] {
        // Phones shown masked, as in `sessions`: the full number is `phone ID`, which is logged.
        switch direction {
        case .guest: return ["\(id)> " + ConsoleText.safe(ConsoleText.maskingPhones(text))]
        case .line:
            return text.split(separator: "\n", omittingEmptySubsequences: false).map {
                ConsoleText.fit("\(id)| " + ConsoleText.safe(ConsoleText.maskingPhones(String($0))), columns: 79)
            }
        case .event: return ["\(id)* " + ConsoleText.safe(ConsoleText.maskingPhones(text))]
        }
    }

    /// `0` / `agent`: into the queue, or, with nobody logged in, straight to the callback offer.
    func askForAgent(_ session: GuestSession, now: Int64) {
        var actions = queue.guestAsks(session.connection.id, now: queueTime)
        guard let first = actions.first else { return }
        actions.removeFirst()
        switch first {
        case .tellPosition(_, let position, let wait):
            complete(.queued(position: position, expectedWaitSeconds: Self.wholeSeconds(wait)), in: session, now: now)
        default:
            complete(.unavailable, in: session, now: now)
        }
        apply(actions, now: now)
    }

    /// Carries out what the queue decided.
    func apply(_ actions: [CallQueue.Action], now: Int64) {
        for action in actions {
            switch action {
            case .tellPosition(let guest, let position, let wait):
                guard let session = sessions[guest] else { continue }
                tellPosition(position, wait: wait, to: session, now: now)
            case .offerCallback(let guest, let reason):
                guard let session = sessions[guest] else { continue }
                let ending: Conversation.QueueEnding = reason == .noAgents ? .noOne : .waitedTooLong
                record(.event, TranscriptEvent.queueEnded(ending).text, in: session, at: now)
                execute(session.conversation.queueEnded(ending, now: local(now)), in: session, now: now)
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
                record(.event, TranscriptEvent.agentLeft(.lost, id: agent ?? "?").text, in: session, at: now)
                execute(session.conversation.agentLeft(.lost, now: local(now)), in: session, now: now)
            }
        }
    }

    /// The guest's place in the queue, recorded (whole seconds, as the transcript keeps it,
    /// so a replay says the same wait) and told.
    private func tellPosition(_ position: Int, wait: Double?, to session: GuestSession, now: Int64) {
        let seconds = Self.wholeSeconds(wait)
        record(.event, TranscriptEvent.queueMoved(position: position, waitSeconds: seconds.map { Int($0) }).text, in: session, at: now)
        execute(session.conversation.queueMoved(position: position, expectedWaitSeconds: seconds, now: local(now)), in: session, now: now)
    }

    static func wholeSeconds(_ wait: Double?) -> Double? { wait.map { $0.rounded() } }

    private func connect(_ agent: String, to session: GuestSession, now: Int64) {
        let name = desk?.name(of: agent) ?? agent
        session.agent = agent
        record(.event, TranscriptEvent.agentJoined(id: agent, name: name).text, in: session, at: now)
        desk?.audit("takeover", ["agent": agent, "session": String(session.connection.id)])
        execute(session.conversation.agentJoined(name: name, now: local(now)), in: session, now: now)
        desk?.connected(agent, to: summary(of: session, now: now), recent: session.recentConsoleLines)
    }

    /// The guest hung up: out of the queue, or the agent's call ends.
    func guestLeft(_ session: GuestSession, now: Int64) {
        let id = session.connection.id
        apply(queue.guestLeaves(id, now: queueTime), now: now)
        if let agent = session.agent {
            _ = queue.callEnds(agent, now: queueTime)
            desk?.callEnded(agent, guest: id, reason: "the guest hung up")
        }
        for supervisor in session.barging { desk?.callEnded(supervisor, guest: id, reason: "the guest hung up") }
        for console in session.watchers { desk?.show(["* \(id) call ended"], toConsole: console) }
    }

    /// What a console shows about a call.
    func summary(of session: GuestSession, now: Int64) -> CallSummary {
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
        return CallSummary(id: session.connection.id, language: session.conversation.language,
                           node: session.conversation.currentNode ?? "-", seconds: Double(now - session.startedAt) / 1000,
                           state: state, phone: phone, waiting: queue.position(of: session.connection.id) != nil)
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
}
