/// A person from the hotel joining, talking and leaving, and the guest's place in the queue
/// while they wait for one. The switchboard decides; the conversation says it.
extension Conversation {
    @inlinable public var isWithAgent: Bool { if case .withAgent = state { true } else { false } }

    /// True while the guest waits on hold for a person (looking at the language screen
    /// they opened there included: the queue still moves and may still give up).
    public var isOnHold: Bool {
        switch state {
        case .waiting(let node, _, _, _): return prompts.nodes[node].isHold
        case .choosingLanguage(_, _, let resume?): return prompts.nodes[resume.node].isHold
        case .notStarted, .choosingLanguage, .performing, .offeringPerson, .withAgent, .ended: return false
        }
    }

    /// "Mei from guest services has joined". From now on the switchboard carries what each
    /// says to the other; lines typed ahead for the flow are dropped.
    mutating func agentJoined(_ name: String, into effects: inout [ConversationEffect]) {
        guard !hasEnded else { return }
        state = .withAgent(name: name)
        effects.append(saying("agent.joined", ["agent.name": name]))
    }

    /// What a person in the call typed, as the guest sees it ("Mei: Good evening…"): passed
    /// on as typed, not laid out again.
    mutating func agentSaid(_ name: String, _ text: String, into effects: inout [ConversationEffect]) {
        guard !hasEnded else { return }
        effects.append(.say(render("agent.said", ["agent.name": name, "agent.text": text])))
    }

    /// "Sara from guest services has joined": a second person (a supervisor barging in),
    /// without changing whose call it is.
    mutating func supervisorJoined(_ name: String, into effects: inout [ConversationEffect]) {
        guard !hasEnded else { return }
        effects.append(saying("agent.joined", ["agent.name": name]))
    }

    /// Someone who joined the call (a supervisor) left it; the agent stays.
    mutating func supervisorLeft(_ name: String, into effects: inout [ConversationEffect]) {
        guard !hasEnded else { return }
        effects.append(saying("agent.left", ["agent.name": name]))
    }

    mutating func agentLeft(_ departure: AgentDeparture, into effects: inout [ConversationEffect]) {
        guard case .withAgent(let name) = state else { return }
        switch departure {
        case .released:
            effects.append(saying("agent.left", ["agent.name": name]))
            history.removeAll(keepingCapacity: true)
            run(from: prompts.mainMenuNode, into: &effects)
        case .hungUp:
            effects.append(saying("agent.goodbye", ["agent.name": name]))
            hangUp(&effects)
        case .lost:
            effects.append(saying("agent.lost", ["agent.name": name]))
            if let hold = prompts.holdNode { run(from: hold, into: &effects) } else { run(from: prompts.agentNode, into: &effects) }
        }
    }

    /// The guest's place in the queue changed (or is announced again): said while on hold,
    /// remembered for the flow's texts in any case.
    mutating func queueMoved(position: Int, expectedWaitSeconds: Double?, into effects: inout [ConversationEffect]) {
        variables["queue.position"] = .number(position)
        variables["queue.wait"] = .wait(seconds: expectedWaitSeconds)
        guard isOnHold else { return }
        effects.append(saying("agent.position"))
    }

    /// Nobody is at the desk (every agent logged in is away): said while on hold, with the
    /// callback the hold offers (its `1`); the guest keeps their place and may stay.
    mutating func noOneAtDesk(into effects: inout [ConversationEffect]) {
        guard isOnHold else { return }
        effects.append(saying("agent.no_one_at_desk"))
    }

    /// The queue gave up (nobody logged in, or waited too long): say so, then the flow's
    /// fallback (`agent.none`: a callback offer).
    mutating func queueEnded(_ ending: QueueEnding, into effects: inout [ConversationEffect]) {
        guard isOnHold else { return }
        effects.append(saying(ending == .noOne ? "agent.gave_up.no_one" : "agent.gave_up.too_long"))
        run(from: prompts.agentFallbackNode, into: &effects)
    }
}
