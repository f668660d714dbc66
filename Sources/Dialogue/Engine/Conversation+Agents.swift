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
    /// says to the other; lines typed ahead for the flow are dropped. The question the guest
    /// was at (or asked for a person from) is kept, with everything they answered, for when
    /// they are handed back.
    mutating func agentJoined(_ name: String, into effects: inout [ConversationEffect]) {
        guard !hasEnded else { return }
        state = .withAgent(name: name, resume: questionBeforePerson)
        effects.append(saying("agent.joined", ["agent.name": name]))
    }

    /// True for the agent flow's nodes (the hold, the callback offer): never a question to
    /// go back to after a person.
    func isInAgentFlow(_ node: Int) -> Bool { prompts.nodes[node].flow == prompts.nodes[prompts.agentNode].flow }

    /// The question the guest is at outside the agent flow, or else the one they asked for a
    /// person from; nil before any (the language screen the call starts with).
    var questionBeforePerson: ResumePoint? {
        let here: ResumePoint?
        switch state {
        case .waiting(let node, let step, _, _), .offeringPerson(let node, let step, _): here = ResumePoint(node: node, step: step)
        case .choosingLanguage(_, _, let resume): here = resume
        case .withAgent(_, let resume): return resume
        case .notStarted, .performing, .ended: here = nil
        }
        if let here, !isInAgentFlow(here.node) { return here }
        return personAskedAt
    }

    /// Remembers where the guest asked for a person, unless that was in the agent flow itself.
    mutating func askingForPerson(at node: Int, step: Int) {
        if !isInAgentFlow(node) { personAskedAt = ResumePoint(node: node, step: step) }
    }

    /// Where the call stands for a person taking it: the question the guest is at, or was at
    /// when they asked for a person (see `CallPlace`).
    public var place: CallPlace? {
        let asked: Bool
        switch state {
        case .withAgent: asked = personAskedAt != nil
        case .waiting(let node, _, _, _), .offeringPerson(let node, _, _): asked = isInAgentFlow(node)
        case .performing(let node, _, _, _): asked = isInAgentFlow(node)
        case .choosingLanguage(_, _, let resume): asked = resume.map { isInAgentFlow($0.node) } ?? false
        case .notStarted, .ended: return nil
        }
        guard let point = questionBeforePerson else { return nil }
        let node = prompts.nodes[point.node]
        let question: String?
        if case .ask(let asking) = node.steps[point.step] { question = asking.variable } else { question = nil }
        return CallPlace(flow: node.flow, node: node.qualifiedName, question: question, askedForPerson: asked)
    }

    /// Why a person in the call cannot fill `text` in as the guest's answer now; nil when
    /// they can (see `agentAnswered`).
    public func agentAnswerProblem(_ text: String) -> AgentAnswerProblem? {
        switch trialAnswer(text) {
        case .success: return nil
        case .failure(let problem): return problem
        }
    }

    /// `text` answered at the question the guest goes back to, on a copy: the copy and what
    /// it said, when it lands on a question of the flows again.
    private func trialAnswer(_ text: String) -> Result<(Conversation, [ConversationEffect]), AgentAnswerProblem> {
        guard case .withAgent(let name, let resume) = state else { return .failure(.noPersonInCall) }
        guard let resume else { return .failure(.noQuestion) }
        var trial = self
        var effects = Self.effects()
        trial.state = .waiting(node: resume.node, step: resume.step, misses: 0, silences: 0)
        trial.take(.text(text), into: &effects)
        switch trial.state {
        case .waiting(let node, let step, _, _) where !isInAgentFlow(node):
            trial.state = .withAgent(name: name, resume: ResumePoint(node: node, step: step))
            return .success((trial, effects))
        case .ended: return .failure(.wouldEndCall)
        case .waiting, .performing, .offeringPerson, .choosingLanguage, .withAgent, .notStarted:
            return .failure(.wouldAct)
        }
    }

    /// A person in the call typed `text` as the guest's answer to the question they go back
    /// to: the guest sees it given for them, then what the line says to it (a refusal and the
    /// question again, or the next question), as if they had typed it. The call stays with
    /// the person, and the question it led to is the one the guest goes back to. An answer
    /// that would set the line doing something (saving, looking up, queueing), leave the
    /// flows' questions or end the call is not taken: the guest gives those themselves.
    mutating func agentAnswered(_ name: String, _ text: String, into effects: inout [ConversationEffect]) {
        guard case .success(let (trial, said)) = trialAnswer(text) else { return }
        effects.append(saying("agent.answered", ["agent.name": name, "agent.text": text]))
        self = trial
        effects += said
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
        guard case .withAgent(let name, let resume) = state else { return }
        // Lost, the guest waits again and the next person hands them back to the same question.
        personAskedAt = departure == .lost ? resume : nil
        switch departure {
        case .released:
            effects.append(saying("agent.left", ["agent.name": name]))
            guard let resume else {
                history.removeAll(keepingCapacity: true)
                run(from: prompts.mainMenuNode, into: &effects)
                return
            }
            // Back at the question, with every answer given before it kept.
            state = .waiting(node: resume.node, step: resume.step, misses: 0, silences: 0)
            if history.last != resume.node { history.append(resume.node) }
            if resume.node != prompts.mainMenuNode { effects.append(saying("agent.resumed")) }
            effects.append(sayingPrompt())
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
