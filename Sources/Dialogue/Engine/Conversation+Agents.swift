import HotelCalendar

/// A person from the hotel joining and leaving the call, and the guest's place in the
/// queue while they wait for one. The switchboard decides; the conversation says it.
extension Conversation {
    /// How an agent left the call.
    public enum AgentDeparture: Equatable, Sendable {
        /// Handed the guest back to the main menu.
        case released
        /// Ended the call.
        case hungUp
        /// The agent's console dropped: the guest is back at the front of the queue.
        case lost
    }

    /// Why the queue gave up on a guest.
    public enum QueueEnding: Equatable, Sendable {
        /// No agent is logged in (any more).
        case noOne
        /// The guest waited past the maximum.
        case waitedTooLong
    }

    @inlinable public var isWithAgent: Bool { if case .withAgent = state { true } else { false } }

    /// True while the guest waits on hold for a person.
    public var isOnHold: Bool {
        if case .waiting(let node, _) = state { return script.nodes[node].isHold }
        return false
    }

    /// A person joined: "Mei from guest services has joined". From now on the switchboard
    /// carries what each says to the other, until `agentLeft`.
    public mutating func agentJoined(name: String, now: LocalMoment) -> [ConversationEffect] {
        self.now = now
        guard state != .ended else { return [] }
        queuedInput.removeAll()
        state = .withAgent(name: name)
        return [saying("agent.joined", ["agent.name": name])]
    }

    /// "Sara from guest services has joined": for a second person joining (a supervisor
    /// barging in) without changing whose call it is.
    public func joinedText(name: String) -> String {
        TextLayout.wrap(render("agent.joined", ["agent.name": name]), width: script.hotel.lineWidth)
    }

    /// What the guest hears when someone who joined the call (a supervisor) leaves it.
    public func leftText(name: String) -> String {
        TextLayout.wrap(render("agent.left", ["agent.name": name]), width: script.hotel.lineWidth)
    }

    /// What the agent typed, as the guest sees it ("Mei: Good evening…").
    public func agentLine(name: String, text: String) -> String {
        render("agent.said", ["agent.name": name, "agent.text": text])
    }

    public mutating func agentLeft(_ departure: AgentDeparture, now: LocalMoment) -> [ConversationEffect] {
        self.now = now
        guard case .withAgent(let name) = state else { return [] }
        var effects = Self.effects()
        switch departure {
        case .released:
            effects.append(saying("agent.left", ["agent.name": name]))
            history.removeAll(keepingCapacity: true)
            run(from: script.mainMenuNode, into: &effects)
        case .hungUp:
            effects.append(saying("agent.goodbye", ["agent.name": name]))
            hangUp(&effects)
        case .lost:
            effects.append(saying("agent.lost", ["agent.name": name]))
            if let hold = script.holdNode { run(from: hold, into: &effects) } else { run(from: script.agentNode, into: &effects) }
        }
        return effects
    }

    /// The guest's place in the queue changed (or is announced again).
    public mutating func queueMoved(position: Int, expectedWaitSeconds: Double?, now: LocalMoment) -> [ConversationEffect] {
        self.now = now
        variables["queue.position"] = .number(position)
        variables["queue.wait"] = .wait(seconds: expectedWaitSeconds)
        guard isOnHold else { return [] }
        return [saying("agent.position")]
    }

    /// The queue gave up (nobody logged in, or waited too long): say so, then the flow's
    /// fallback (`agent.none`: a callback offer).
    public mutating func queueEnded(_ ending: QueueEnding, now: LocalMoment) -> [ConversationEffect] {
        self.now = now
        guard isOnHold else { return [] }
        var effects: [ConversationEffect] = [saying(ending == .noOne ? "agent.gave_up.no_one" : "agent.gave_up.too_long")]
        run(from: script.agentFallbackNode, into: &effects)
        return effects
    }
}
