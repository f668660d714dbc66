import HotelCalendar

/// What the guest's side of the line delivered: a whole line, or a line the line refused.
public enum GuestInput: Equatable, Sendable {
    case line(String)
    case tooLong(limit: Int)
    case unreadable
    case controlCharacters
}

/// What a conversation wants done; only the switchboard performs these.
public enum ConversationEffect: Equatable, Sendable {
    /// Speak a text to the guest (it may hold several lines).
    case say(String)
    /// Do something and answer with `Conversation.complete(_:now:)`.
    /// Indirect: a request (a whole reservation) is many times the size of a text, and every
    /// effect, nearly all of them texts, would otherwise be copied at that size.
    indirect case perform(ActionRequest)
    /// End the call (after the texts before it are delivered).
    case hangUp
}

/// One guest's conversation: a state machine that runs the flows of a `FlowSet`.
///
/// Events go in (`start`, `receive`, `noInput`, `complete`), effects come out; it performs
/// no I/O, so every flow is tested without sockets and a replay is deterministic. A
/// conversation keeps the `FlowSet` it began with, even when the prompts are reloaded.
public struct Conversation: Sendable {
    @usableFromInline
    enum State: Equatable, Sendable {
        /// `start` has not been called.
        case notStarted
        /// Several languages: waiting for the guest to pick one.
        case choosingLanguage(misses: Int)
        /// Waiting for an answer at the `ask` or menu step `step` of `node`.
        case waiting(node: Int, step: Int)
        /// Waiting for the outcome of the `do` at `step` of `node`; guest lines queue up.
        case performing(node: Int, step: Int, action: ActionKind)
        /// After repeated wrong answers: asked whether they want a person.
        case offeringPerson(node: Int, step: Int)
        /// A person from the hotel is on the line; the switchboard carries the talk.
        case withAgent(name: String)
        /// Hung up; nothing more happens.
        case ended
    }

    /// The most wrong answers in a row before a person is offered.
    public static let maxNoMatch = 3
    /// Idle timeouts in a row before the line says goodbye.
    public static let maxNoInput = 3

    public let script: FlowSet
    @usableFromInline var state: State = .notStarted
    var pack: LanguagePack
    var variables: [String: AnswerValue] = [:]
    /// Nodes the guest answered at, for `back`.
    var history: [Int] = []
    var noMatchCount = 0
    var noInputCount = 0
    /// Lines that arrived while an action was under way, answered once it completes.
    @usableFromInline var queuedInput: [GuestInput] = []
    var now: LocalMoment
    /// Answers checked at a question during the last event (`start`, `receive`, `noInput`,
    /// `complete`, `close`), in order: what was typed and what it became.
    public internal(set) var recentAnswers: [AnswerAttempt] = []
    /// Off by default; when on, every event adds to `trace` (see `TracePoint`), for coverage.
    public var isTracing = false
    /// What the conversation did since `takeTrace()` was last called, while tracing.
    public internal(set) var trace: [TracePoint] = []

    public init(script: FlowSet, now: LocalMoment) {
        self.script = script
        self.pack = script.languages[0]
        self.now = now
    }

    public var language: String { pack.code }
    // The switchboard asks these of a conversation kept in a class on every line: inlinable,
    // they read one field, where an opaque call would first copy the whole conversation.
    @inlinable public var hasEnded: Bool { if case .ended = state { true } else { false } }
    /// True while an action is under way (the switchboard owes a `complete`).
    @inlinable public var isPerforming: Bool { if case .performing = state { true } else { false } }
    /// Guest inputs that arrived during an action and are not read yet.
    @inlinable public var queuedInputCount: Int { queuedInput.count }
    /// The action under way, whose outcome `complete` expects.
    public var pendingAction: ActionKind? { if case .performing(_, _, let action) = state { action } else { nil } }
    /// The node the guest is at, as `flow.node`, for consoles and coverage.
    public var currentNode: String? {
        switch state {
        case .waiting(let node, _), .performing(let node, _, _), .offeringPerson(let node, _): return script.nodes[node].qualifiedName
        case .withAgent: return "with an agent"
        case .notStarted, .choosingLanguage, .ended: return nil
        }
    }

    public func value(of variable: String) -> AnswerValue? { variables[variable] }

    /// The call is answered: greet the guest at once.
    public mutating func start(now: LocalMoment) -> [ConversationEffect] {
        precondition(state == .notStarted, "Invalid state: start called twice")
        self.now = now
        recentAnswers.removeAll(keepingCapacity: true)
        var effects = Self.effects()
        if script.languages.count > 1 {
            state = .choosingLanguage(misses: 0)
            effects.append(laidOut(languageMenu()))
        } else {
            run(from: script.startNode, into: &effects)
        }
        return effects
    }

    /// The guest sent something.
    public mutating func receive(_ input: GuestInput, now: LocalMoment) -> [ConversationEffect] {
        self.now = now
        recentAnswers.removeAll(keepingCapacity: true)
        var effects = Self.effects()
        handle(input, into: &effects)
        return effects
    }

    /// The guest has been silent for the idle time.
    public mutating func noInput(now: LocalMoment) -> [ConversationEffect] {
        self.now = now
        recentAnswers.removeAll(keepingCapacity: true)
        var effects = Self.effects()
        switch state {
        case .waiting(let node, _) where script.nodes[node].isHold:
            break  // on hold for a person: silence is expected
        case .waiting(let node, _), .offeringPerson(let node, _):
            noInputCount += 1
            note(.noInput(goodbye: noInputCount >= Self.maxNoInput))
            if noInputCount >= Self.maxNoInput {
                effects.append(saying("global.noinput.goodbye"))
                hangUp(&effects)
            } else {
                let escalation = script.nodes[node].noInput
                let key = noInputCount <= escalation.count ? escalation[noInputCount - 1] : "global.noinput"
                effects.append(saying(key))
                effects.append(sayingPrompt())
            }
        case .choosingLanguage:
            noInputCount += 1
            if noInputCount >= Self.maxNoInput {
                effects.append(saying("global.noinput.goodbye"))
                hangUp(&effects)
            } else {
                effects.append(laidOut(languageMenu()))
            }
        case .notStarted, .performing, .withAgent, .ended:
            break
        }
        return effects
    }

    /// The action asked for last has an outcome: follow the flow's branch for it.
    public mutating func complete(_ outcome: ActionOutcome, now: LocalMoment) -> [ConversationEffect] {
        self.now = now
        recentAnswers.removeAll(keepingCapacity: true)
        guard case .performing(let node, let step, let action) = state else {
            preconditionFailure("Invalid state: an action completed while none was under way (\(state))")
        }
        guard case .perform(_, let results) = script.nodes[node].steps[step], let target = results[outcome.result] else {
            preconditionFailure("Invalid outcome \(outcome.result) for \(action.rawValue) at \(script.nodes[node].qualifiedName)")
        }
        note(at: node) { .result(node: $0, result: outcome.result) }
        apply(outcome, of: action)
        var effects = Self.effects()
        run(from: target, into: &effects)
        while !queuedInput.isEmpty, !isPerforming, state != .ended {
            handle(queuedInput.removeFirst(), into: &effects)
        }
        return effects
    }

    /// The line is closing (the server stops): say so politely and end.
    public mutating func close(now: LocalMoment) -> [ConversationEffect] {
        self.now = now
        recentAnswers.removeAll(keepingCapacity: true)
        guard state != .ended else { return [] }
        var effects: [ConversationEffect] = [saying("global.closing")]
        hangUp(&effects)
        return effects
    }

    /// An empty list of effects with room for an event's usual few (a text, a prompt, a hang-up),
    /// so appending them allocates once.
    @inline(__always)
    static func effects() -> [ConversationEffect] {
        var effects: [ConversationEffect] = []
        effects.reserveCapacity(4)
        return effects
    }

    /// The text key and words for a line the line refused; nil for a whole line.
    private func lineProblem(_ input: GuestInput) -> (key: String, text: String)? {
        let key: String
        var details: [String: String] = [:]
        switch input {
        case .line: return nil
        case .tooLong(let limit):
            key = "line.too_long"
            details["line.limit"] = String(limit)
        case .unreadable: key = "line.unreadable"
        case .controlCharacters: key = "line.control"
        }
        return (key, render(key, details))
    }

    /// Saying `text`, fitted to the hotel's terminal width. Every `say` is made by this,
    /// `saying` or `sayingPrompt`, so what leaves the machine is always laid out.
    func laidOut(_ text: String) -> ConversationEffect {
        .say(TextLayout.laidOut(text, width: script.hotel.lineWidth))
    }

    /// Saying the text `key`: a constant text as laid out once at compile time, any other
    /// rendered and laid out now.
    func saying(_ key: String, _ extras: [String: String] = [:]) -> ConversationEffect {
        if let text = pack.constants.spoken[key], ConstantTexts.leftAlone(by: extras) { return .say(text) }
        return laidOut(render(key, extras))
    }

    /// Saying what the guest is being asked (`currentPrompt`), laid out.
    func sayingPrompt() -> ConversationEffect {
        if case .waiting(let node, _) = state, let constant = pack.constants.prompts[node] { return .say(constant) }
        return laidOut(currentPrompt())
    }

    mutating func hangUp(_ effects: inout [ConversationEffect]) {
        state = .ended
        queuedInput.removeAll()
        effects.append(.hangUp)
    }

    private mutating func handle(_ input: GuestInput, into effects: inout [ConversationEffect]) {
        switch state {
        case .notStarted, .ended:
            return
        case .withAgent:
            // The agent hears whole lines; a line the line refused is explained to the guest.
            if let problem = lineProblem(input) { effects.append(laidOut(problem.text)) }
            return
        case .performing:
            queuedInput.append(input)
            return
        case .choosingLanguage, .waiting, .offeringPerson:
            break
        }
        noInputCount = 0
        guard case .line(let line) = input else {
            if let problem = lineProblem(input) {
                note(.lineProblem(key: problem.key))
                effects.append(laidOut(problem.text))
            }
            effects.append(sayingPrompt())
            return
        }
        let typed = TypedAnswer(line)
        switch state {
        case .choosingLanguage(let misses): chooseLanguage(typed, misses: misses, into: &effects)
        case .offeringPerson(let node, let step): answerOffer(typed, node: node, step: step, into: &effects)
        case .waiting(let node, let step): answer(typed, node: node, step: step, into: &effects)
        case .notStarted, .performing, .withAgent, .ended: break
        }
    }
}
