import HotelCalendar
import Dialogue
import Storage
import Transcript

/// What the agent console asks of the calls: lists, taking and handing back a guest,
/// talking, notes, watching, and the supervisors' whisper and barge. Each returns the
/// problem to show the agent, or nil when done.
extension ServiceCenter {
    func summaries(now: WallTime) -> [CallSummary] {
        sessions.values.filter { !$0.isClosed }.sorted { $0.connection.id < $1.connection.id }.map { summary(of: $0, now: now) }
    }

    func agentLoggedIn(_ agent: String) {
        apply(queue.agentLogsIn(agent, now: queueTime), now: clock.now())
    }

    /// Logged out, revoked or disconnected: a guest on their call goes back to the queue.
    func agentLoggedOut(_ agent: String) {
        let now = clock.now()
        for session in sessions.values where session.barging.contains(agent) {
            session.barging.removeAll { $0 == agent }
        }
        apply(queue.agentLeaves(agent, now: queueTime), now: now)
    }

    func setStatus(_ agent: String, available: Bool) {
        let now = queueTime
        apply(available ? queue.agentIsAvailable(agent, now: now) : queue.agentIsAway(agent, now: now), now: clock.now())
    }

    func accept(_ agent: String) -> String? {
        guard case .offered? = queue.agents[agent] else { return "no call is being offered to you" }
        apply(queue.agentAccepts(agent, now: queueTime), now: clock.now())
        return nil
    }

    func decline(_ agent: String) -> String? {
        guard case .offered? = queue.agents[agent] else { return "no call is being offered to you" }
        apply(queue.agentDeclines(agent, now: queueTime), now: clock.now())
        return nil
    }

    func take(_ agent: String, guest: UInt64) -> String? {
        guard let session = sessions[guest], !session.isClosed else { return "there is no call \(guest) (type sessions)" }
        if let other = session.agent { return other == agent ? "you are already talking with \(guest)" : "call \(guest) is already with \(other)" }
        if case .onCall(let current, _)? = queue.agents[agent] { return "you are on call \(current): release or hang up first" }
        guard !session.conversation.isPerforming else { return "call \(guest) is saving a record; try again in a moment" }
        apply(queue.agentTakes(agent, guest, now: queueTime), now: clock.now())
        return nil
    }

    func next(_ agent: String) -> String? {
        guard let guest = queue.waitingGuests.first else { return "nobody is waiting" }
        return take(agent, guest: guest)
    }

    /// What the agent types during a call goes to the guest as "Mei: …".
    func agentSays(_ agent: String, name: String, text: String) -> String? {
        guard let session = session(of: agent) else { return "you are not on a call (take one, or type help)" }
        // Recorded as said by a person (a replay takes it as given), then as the guest saw it:
        // escaped, so no invisible or direction-changing character reaches the guest.
        hear(.agentSaid(name: name, text: ConsoleText.safe(text)), in: session, at: clock.now())
        for other in session.staffInCall where other != agent {
            desk?.show(["\(agent)> " + ConsoleText.safe(text)], toAgent: other)
        }
        return nil
    }

    /// Hands the guest back to the question they were at (the main menu when none): what
    /// the console is told, or the problem.
    func release(_ agent: String) -> Result<String, ConsoleProblem> {
        guard let session = session(of: agent), session.agent == agent else { return .failure(ConsoleProblem("you are not on a call")) }
        endCall(of: session, agent: agent, how: .released)
        let back = session.conversation.place.map { $0.node == "main.menu" ? "the main menu" : CallPlaceText.question($0) } ?? "the main menu"
        return .success("* Handed back to \(back), with what they had answered kept. You are wrapping up; calls come again in a moment.")
    }

    /// The agent fills `text` in as the guest's answer at the question they were at: taken
    /// as if the guest typed it, and the guest sees it. What the console is told, or why not.
    func answer(for agent: String, name: String, text: String) -> Result<String, ConsoleProblem> {
        guard let session = session(of: agent), session.agent == agent else { return .failure(ConsoleProblem("you are not on a call")) }
        let given = ConsoleText.safe(text)
        if let problem = session.conversation.agentAnswerProblem(given) {
            switch problem {
            case .noPersonInCall: return .failure(ConsoleProblem("you are not on a call"))
            case .noQuestion: return .failure(ConsoleProblem("the guest is at no question yet; talk with them, or /release them to the menu"))
            case .wouldAct:
                return .failure(ConsoleProblem("that answer would set the line to work (save, look up or queue); /release the guest to give it themselves"))
            case .wouldEndCall: return .failure(ConsoleProblem("that answer would end the call; use /hangup"))
            }
        }
        hear(.agentAnswered(name: name, text: given), in: session, at: clock.now())
        for other in session.staffInCall where other != agent {
            desk?.show(["\(agent) answered for the guest: " + given], toAgent: other)
        }
        let now = session.conversation.place.map(CallPlaceText.question) ?? "the main menu"
        return .success("* Answered for the guest; the question now: \(now). /release hands them back there.")
    }

    func hangUp(_ agent: String) -> String? {
        guard let session = session(of: agent), session.agent == agent else { return "you are not on a call" }
        desk?.audit("hangup", ["agent": .text(agent), "session": .number(Int(session.connection.id))])
        endCall(of: session, agent: agent, how: .hungUp)
        return nil
    }

    /// The agent leaves the call `how` (released or hung up): the supervisors in it are told
    /// and leave with them, the agent wraps up, and the guest hears it.
    private func endCall(of session: GuestSession, agent: String, how: Conversation.AgentDeparture) {
        session.agent = nil
        let note = how == .released ? "released by \(agent)" : "hung up by \(agent)"
        for supervisor in session.barging { desk?.callEnded(supervisor, guest: session.connection.id, reason: note) }
        session.barging.removeAll()
        _ = queue.callEnds(agent, now: queueTime)
        hear(.agentLeft(how, id: agent), in: session, at: clock.now())
    }

    /// A barging supervisor leaves; the agent and guest carry on, told so.
    func leaveBarge(_ supervisor: String, name: String) -> String? {
        guard let session = sessions.values.first(where: { $0.barging.contains(supervisor) }) else { return "you are not in a call" }
        session.barging.removeAll { $0 == supervisor }
        hear(.supervisorLeft(id: supervisor, name: name), in: session, at: clock.now())
        if let agent = session.agent { desk?.show(["* \(supervisor) left the call"], toAgent: agent) }
        return nil
    }

    func note(_ agent: String, guest: UInt64?, text: String) -> String? {
        guard let session = guest.flatMap({ sessions[$0] }) ?? session(of: agent) else {
            return "note goes into the call you are on or watching"
        }
        record(.note(by: agent, text: text), in: session, at: clock.now())
        return nil
    }

    /// The full phone number of a call's guest, for an agent who must call them (audited).
    func fullPhone(of guest: UInt64) -> Result<String, ConsoleProblem> {
        guard let session = sessions[guest] else { return .failure(ConsoleProblem("there is no call \(guest)")) }
        guard case .phone(let phone)? = session.conversation.value(of: "guest.phone") else {
            return .failure(ConsoleProblem("call \(guest) has not given a phone number"))
        }
        return .success(phone.normalized)
    }

    /// Starts following a call read-only: the lines so far, then each new one.
    func watch(_ console: UInt64, guest: UInt64) -> Result<[String], ConsoleProblem> {
        guard let session = sessions[guest], !session.isClosed else { return .failure(ConsoleProblem("there is no call \(guest)")) }
        session.callLog.watchers.insert(console)
        return .success(session.callLog.recentConsoleLines)
    }

    func unwatch(_ console: UInt64) {
        for session in sessions.values { session.callLog.watchers.remove(console) }
    }

    func whisper(_ supervisor: String, guest: UInt64, text: String) -> String? {
        guard let session = sessions[guest], let agent = session.agent else { return "call \(guest) has no agent to whisper to" }
        desk?.show(["(whisper from \(supervisor)) " + ConsoleText.safe(text)], toAgent: agent)
        record(.whisper(from: supervisor, to: agent), in: session, at: clock.now())
        return nil
    }

    /// `console` is the supervisor's own: if it was watching this call it stops, since a
    /// supervisor in the call sees the guest's lines as the agent does (once, not twice).
    func barge(_ supervisor: String, name: String, guest: UInt64, console: UInt64) -> String? {
        guard let session = sessions[guest], let agent = session.agent else { return "call \(guest) has no agent; use take" }
        guard agent != supervisor, !session.barging.contains(supervisor) else { return "you are already in call \(guest)" }
        session.barging.append(supervisor)
        session.callLog.watchers.remove(console)
        hear(.supervisorJoined(id: supervisor, name: name), in: session, at: clock.now())
        desk?.audit("barge", ["supervisor": .text(supervisor), "session": .number(Int(guest))])
        desk?.show(["* \(supervisor) joined the call"], toAgent: agent)
        return nil
    }

    /// The agent's own call: the one they are on, or barged into.
    func session(of agent: String) -> GuestSession? {
        sessions.values.first { $0.agent == agent || $0.barging.contains(agent) }
    }

    func stats(now: WallTime) -> String {
        var counts: [String: Int] = [:]
        for state in queue.agents.values {
            let name: String
            switch state {
            case .away: name = "away"
            case .available: name = "available"
            case .offered: name = "offered a call"
            case .onCall: name = "on a call"
            case .wrapUp: name = "wrapping up"
            }
            counts[name, default: 0] += 1
        }
        let agents = counts.isEmpty ? "none logged in" : counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let longest = queue.longestWait(now: queueTime).map(ConsoleText.duration) ?? "-"
        let average = queue.averageHandlingSeconds.map(ConsoleText.duration) ?? "no calls yet"
        return """
            agents:        \(agents)
            queue:         \(queue.queueLength) waiting, longest \(longest)
            calls today:   \(callsToday) answered, \(queue.callsConnected) put through to an agent; \(sessions.count) on the line now
            average call:  \(average)
            """
    }
}

/// A console request that cannot be done, in words for the agent.
struct ConsoleProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
