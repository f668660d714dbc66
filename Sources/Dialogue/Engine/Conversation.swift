import HotelCalendar
import Telnet

/// What a conversation wants done; only the switchboard performs these.
public enum ConversationEffect: Equatable, Sendable {
    /// Speak a text to the guest (it may hold several lines).
    case say(String)
    /// Do something and tell the conversation how it turned out (`ConversationEvent.outcome`).
    /// Indirect: a request (a whole reservation) is many times the size of a text, and every
    /// effect, nearly all of them texts, would otherwise be copied at that size.
    indirect case perform(ActionRequest)
    /// End the call (after the texts before it are delivered).
    case hangUp
}

/// One guest's conversation: a state machine that runs the flows of a `PromptSet`.
///
/// Events go in through `handle(_:at:)` (`ConversationEvent`: the call answered, a guest
/// line, silence, an action's outcome, a person joining …), effects come out (`say`,
/// `perform`, `hangUp`); it performs no I/O, so every flow is tested without sockets and a
/// replay is deterministic. A conversation keeps the `PromptSet` it began with, even when the
/// prompts are reloaded. Once it has hung up, nothing makes it speak again.
public struct Conversation: Sendable {
    @usableFromInline
    enum State: Equatable, Sendable {
        /// The call has not been answered yet.
        case notStarted
        /// Several languages: the language screen, waiting for the guest to pick one, after
        /// `misses` wrong picks and `silences` idle timeouts in a row; at the start of the
        /// call (`resume` nil), or asked for mid-call, to go back to the question at `resume`.
        case choosingLanguage(misses: Int, silences: Int, resume: ResumePoint?)
        /// Waiting for an answer at the `ask` or menu step `step` of `node`, after `misses`
        /// wrong answers and `silences` idle timeouts in a row.
        case waiting(node: Int, step: Int, misses: Int, silences: Int)
        /// Waiting for the outcome of `action`, the `do` at `step` of `node`; what the guest
        /// sends meanwhile is `queued`, read once the outcome is in.
        case performing(node: Int, step: Int, action: ActionKind, queued: [TypedInput])
        /// After repeated wrong answers at `step` of `node`: asked whether they want a
        /// person, and silent `silences` times since.
        case offeringPerson(node: Int, step: Int, silences: Int)
        /// A person from the hotel is on the line; the switchboard carries the talk. `resume`
        /// is the question the guest goes back to when handed back (nil: the main menu), and
        /// the one an answer filled in by the person is taken at.
        case withAgent(name: String, resume: ResumePoint?)
        /// Hung up; nothing more happens.
        case ended
    }

    /// A question to come back to: the `ask` or menu step `step` of `node`.
    @usableFromInline
    struct ResumePoint: Equatable, Sendable {
        let node: Int
        let step: Int
    }

    /// The most wrong answers in a row before a person is offered.
    public static let maxNoMatch = 3
    /// Idle timeouts in a row before the line says goodbye.
    public static let maxNoInput = 3

    /// The narrowest a guest's texts are laid out to, whatever their window says: below it
    /// a text is more breaks than words.
    public static let minimumLineWidth = 30

    public let prompts: PromptSet
    @usableFromInline var state: State = .notStarted
    var pack: LanguagePack { didSet { constantTexts = pack.constantTexts } }
    /// `pack`'s constant texts, fetched once when the language is set: a conversation's
    /// every line looks in them.
    private var constantTexts: MadeConstantTexts
    var constants: ConstantTexts { constantTexts.texts }
    /// The columns every text is laid out to: the guest's window (`.windowResized`) within
    /// `minimumLineWidth` and the hotel's `line-width` (the upper bound, and the width until
    /// the window is known).
    public private(set) var lineWidth: Int
    /// The language's constant texts laid out to `lineWidth`.
    var layout: LaidOutTexts
    var variables: [String: AnswerValue] = [:]
    /// Nodes the guest answered at, for `back`.
    var history: [Int] = []
    /// The question the guest was at when they asked for a person (`0`, `agent`, yes to the
    /// offer of one), outside the agent flow: where a person who takes the call from the
    /// queue hands them back to.
    var personAskedAt: ResumePoint?
    /// True once the language is the guest's own choice mid-call or the one on their file:
    /// the file's language is taken once, and never over a language asked for mid-call.
    var languageSettled = false
    /// True once a lookup has found the guest on their birthday this call: the wish is
    /// handed to the flows once (`caller.birthday`), however often the guest is found again.
    var birthdayWished = false
    /// The hotel's clock on the wall, turning each event's instant into a local day and time.
    var clock: LocalClock
    /// The local day and time of the event being handled: what "today", "tomorrow at 10" and
    /// "3 nights" are counted from.
    var now: LocalMoment
    /// Answers checked at a question during the last event, in order: what was typed and
    /// what it became.
    public internal(set) var recentAnswers: [AnswerAttempt] = []
    /// Off by default; when on, every event adds to `trace` (see `TracePoint`), for coverage.
    public var isTracing = false
    /// What the conversation did since `takeTrace()` was last called, while tracing.
    public internal(set) var trace: [TracePoint] = []

    /// A call on `prompts`, in the hotel's time zone, or in `timeZone` (a replay keeps the
    /// offset its transcript was recorded at).
    public init(prompts: PromptSet, timeZone: HotelTimeZone? = nil) {
        self.prompts = prompts
        let first = prompts.languages[0]
        self.pack = first
        self.constantTexts = first.constantTexts
        self.clock = LocalClock(zone: timeZone ?? prompts.hotel.timeZone)
        self.now = LocalMoment(epochSeconds: 0, utcOffsetSeconds: 0)
        self.lineWidth = prompts.hotel.lineWidth
        self.layout = first.constantTexts.texts.laidOut
    }

    public var language: String { pack.code }
    /// True while the call is at the language screen it starts with: no language chosen yet.
    public var isChoosingFirstLanguage: Bool {
        if case .choosingLanguage(_, _, nil) = state { true } else { false }
    }
    // The switchboard asks these of a conversation kept in a class on every line: inlinable,
    // they read one field, where an opaque call would first copy the whole conversation.
    @inlinable public var hasEnded: Bool { if case .ended = state { true } else { false } }
    /// True while an action is under way (the switchboard owes its outcome).
    @inlinable public var isPerforming: Bool { if case .performing = state { true } else { false } }
    /// Guest inputs that arrived during an action and are not read yet.
    @inlinable public var queuedInputCount: Int {
        if case .performing(_, _, _, let queued) = state { queued.count } else { 0 }
    }
    /// The action under way, whose outcome the conversation waits for.
    public var pendingAction: ActionKind? { if case .performing(_, _, let action, _) = state { action } else { nil } }
    /// The node the guest is at, as `flow.node`, for consoles and coverage.
    public var currentNode: String? {
        switch state {
        case .waiting(let node, _, _, _), .performing(let node, _, _, _), .offeringPerson(let node, _, _):
            return prompts.nodes[node].qualifiedName
        case .withAgent: return "with an agent"
        case .choosingLanguage(_, _, let resume?): return prompts.nodes[resume.node].qualifiedName
        case .notStarted, .choosingLanguage, .ended: return nil
        }
    }

    public func value(of variable: String) -> AnswerValue? { variables[variable] }

    /// Takes `event`, which happened at `instant`, and returns what to do about it, in order.
    public mutating func handle(_ event: ConversationEvent, at instant: WallTime) -> [ConversationEffect] {
        now = clock.moment(at: instant)
        recentAnswers.removeAll(keepingCapacity: true)
        var effects = Self.effects()
        switch event {
        case .answered: answer(into: &effects)
        case .guest(let input): take(input, into: &effects)
        case .silence: hearSilence(into: &effects)
        case .outcome(let outcome): complete(outcome, into: &effects)
        case .closing: close(into: &effects)
        case .agentJoined(let name): agentJoined(name, into: &effects)
        case .agentSaid(let name, let text): agentSaid(name, text, into: &effects)
        case .agentLeft(let departure): agentLeft(departure, into: &effects)
        case .supervisorJoined(let name): supervisorJoined(name, into: &effects)
        case .supervisorLeft(let name): supervisorLeft(name, into: &effects)
        case .queueMoved(let position, let wait): queueMoved(position: position, expectedWaitSeconds: wait, into: &effects)
        case .queueEnded(let ending): queueEnded(ending, into: &effects)
        case .agentAnswered(let name, let text): agentAnswered(name, text, into: &effects)
        case .noOneAtDesk: noOneAtDesk(into: &effects)
        case .windowResized(let columns): resize(to: columns)
        }
        return effects
    }

    /// The guest's window is `columns` wide (0: they do not know): texts from the next one
    /// on are laid out to it, within the minimum and the hotel's width.
    private mutating func resize(to columns: Int) {
        let hotelWidth = prompts.hotel.lineWidth
        let width: Int
        if columns <= 0 {
            width = hotelWidth
        } else if hotelWidth > 0 {
            width = min(hotelWidth, max(Self.minimumLineWidth, columns))
        } else {
            width = max(Self.minimumLineWidth, columns)  // the hotel never wraps: the window does
        }
        guard width != lineWidth else { return }
        lineWidth = width
        layout = constants.laidOut(width: width)
    }

    /// Speaks `pack`'s language from now on, its texts laid out as the others.
    mutating func speak(_ language: LanguagePack) {
        pack = language
        layout = constants.laidOut(width: lineWidth)
    }

    /// The call is answered: greet the guest at once.
    private mutating func answer(into effects: inout [ConversationEffect]) {
        guard case .notStarted = state else { preconditionFailure("Invalid state: the call was answered twice (\(state))") }
        if let screen = prompts.languageScreen {
            state = .choosingLanguage(misses: 0, silences: 0, resume: nil)
            effects.append(laidOut(screen))
        } else {
            run(from: prompts.startNode, into: &effects)
        }
    }

    /// The guest has been silent for the idle time: ask again, more helpfully each time,
    /// then say goodbye.
    private mutating func hearSilence(into effects: inout [ConversationEffect]) {
        switch state {
        case .waiting(let node, _, _, _) where prompts.nodes[node].isHold:
            break  // on hold for a person: silence is expected
        case .waiting(let node, let step, let misses, let silences):
            state = .waiting(node: node, step: step, misses: misses, silences: silences + 1)
            remind(at: node, silences: silences + 1, into: &effects)
        case .offeringPerson(let node, let step, let silences):
            state = .offeringPerson(node: node, step: step, silences: silences + 1)
            remind(at: node, silences: silences + 1, into: &effects)
        case .choosingLanguage(_, _, let resume?) where prompts.nodes[resume.node].isHold:
            break  // asked for the screen while on hold: silence is still expected
        case .choosingLanguage(let misses, let silences, let resume):
            if silences + 1 >= Self.maxNoInput {
                effects.append(saying("global.noinput.goodbye"))
                hangUp(&effects)
            } else {
                state = .choosingLanguage(misses: misses, silences: silences + 1, resume: resume)
                effects.append(sayingPrompt())
            }
        case .notStarted, .performing, .withAgent, .ended:
            break
        }
    }

    /// The `silences`-th silence at `node`: its own words for it, then the question again;
    /// goodbye at the last.
    private mutating func remind(at node: Int, silences: Int, into effects: inout [ConversationEffect]) {
        note(.noInput(goodbye: silences >= Self.maxNoInput))
        if silences >= Self.maxNoInput {
            effects.append(saying("global.noinput.goodbye"))
            hangUp(&effects)
        } else {
            let escalation = prompts.nodes[node].noInput
            let key = silences <= escalation.count ? escalation[silences - 1] : "global.noinput"
            effects.append(saying(key))
            effects.append(sayingPrompt())
        }
    }

    /// The action asked for last has an outcome: follow the flow's branch for it, then read
    /// what the guest sent meanwhile.
    private mutating func complete(_ outcome: ActionOutcome, into effects: inout [ConversationEffect]) {
        guard case .performing(let node, let step, let action, let queued) = state else {
            preconditionFailure("Invalid state: an action completed while none was under way (\(state))")
        }
        guard case .perform(_, let results) = prompts.nodes[node].steps[step], let target = results[outcome.result] else {
            preconditionFailure("Invalid outcome \(outcome.result) for \(action.rawValue) at \(prompts.nodes[node].qualifiedName)")
        }
        note(at: node) { .result(node: $0, result: outcome.result) }
        apply(outcome, of: action)
        if case .knownCaller(let caller) = outcome { takeLanguageOnFile(caller.language, into: &effects) }
        run(from: target, into: &effects)
        read(queued[...], into: &effects)
    }

    /// Reads inputs that were queued during an action, in order, until another action starts
    /// (the rest wait for it) or the call ends (the rest are dropped).
    private mutating func read(_ queued: ArraySlice<TypedInput>, into effects: inout [ConversationEffect]) {
        var rest = queued
        while let input = rest.first {
            switch state {
            case .performing(let node, let step, let action, let more):
                state = .performing(node: node, step: step, action: action, queued: Array(rest) + more)
                return
            case .ended:
                return
            case .notStarted, .choosingLanguage, .waiting, .offeringPerson, .withAgent:
                rest.removeFirst()
                take(input, into: &effects)
            }
        }
    }

    /// The line is closing (the server stops): say so politely and end.
    private mutating func close(into effects: inout [ConversationEffect]) {
        guard !hasEnded else { return }
        effects.append(saying("global.closing"))
        hangUp(&effects)
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
    private func lineProblem(_ input: TypedInput) -> (key: String, text: String)? {
        let key: String
        var details: [String: String] = [:]
        switch input {
        case .text, .interrupt, .endOfInput: return nil
        case .tooLong(let limit):
            key = "line.too_long"
            details["line.limit"] = String(limit)
        case .unreadable: key = "line.unreadable"
        case .controlCharacters: key = "line.control"
        }
        return (key, render(key, details))
    }

    /// Saying `text`, fitted to the guest's terminal (`lineWidth`). Every `say` is made by
    /// this, `saying` or `sayingPrompt`, so what leaves the machine is always laid out (but
    /// what a person in the call typed, passed on as typed).
    func laidOut(_ text: String) -> ConversationEffect {
        .say(TextLayout.laidOut(text, width: lineWidth))
    }

    /// Saying the text `key`: a constant text as laid out once at compile time, any other
    /// rendered and laid out now.
    func saying(_ key: String, _ extras: [String: String] = [:]) -> ConversationEffect {
        if let text = layout.spoken[key], ConstantTexts.leftAlone(by: extras) { return .say(text) }
        return laidOut(render(key, extras))
    }

    /// Saying what the guest is being asked (`currentPrompt`), laid out.
    func sayingPrompt() -> ConversationEffect {
        if case .waiting(let node, _, _, _) = state, let constant = layout.prompts[node] { return .say(constant) }
        if case .choosingLanguage = state, let screen = prompts.languageScreen { return laidOut(screen) }
        return laidOut(currentPrompt())
    }

    mutating func hangUp(_ effects: inout [ConversationEffect]) {
        state = .ended
        effects.append(.hangUp)
    }

    /// What the guest sent: an answer to whatever they are asked, queued while an action is
    /// under way, or for a person in the call to read.
    mutating func take(_ input: TypedInput, into effects: inout [ConversationEffect]) {
        // The guest finished sending: the switchboard ends the call once nothing is pending.
        if case .endOfInput = input { return }
        switch state {
        case .notStarted, .ended:
            return
        case .withAgent:
            // The agent hears whole lines; a line the line refused is explained to the guest.
            if let problem = lineProblem(input) { effects.append(laidOut(problem.text)) }
            return
        case .performing(let node, let step, let action, var queued):
            queued.append(input)
            state = .performing(node: node, step: step, action: action, queued: queued)
            return
        // Anything the guest sends breaks a silence.
        case .choosingLanguage(let misses, let silences, let resume):
            if silences > 0 { state = .choosingLanguage(misses: misses, silences: 0, resume: resume) }
        case .waiting(let node, let step, let misses, let silences):
            if silences > 0 { state = .waiting(node: node, step: step, misses: misses, silences: 0) }
        case .offeringPerson(let node, let step, let silences):
            if silences > 0 { state = .offeringPerson(node: node, step: step, silences: 0) }
        }
        let line: String
        switch input {
        case .text(let text): line = text
        case .interrupt: line = "quit"  // whatever the language: as the line always took it
        case .endOfInput: return
        case .tooLong, .unreadable, .controlCharacters:
            if let problem = lineProblem(input) {
                note(.lineProblem(key: problem.key))
                effects.append(laidOut(problem.text))
            }
            effects.append(sayingPrompt())
            return
        }
        let typed = TypedAnswer(line)
        switch state {
        case .choosingLanguage(let misses, _, let resume): chooseLanguage(typed, misses: misses, resume: resume, into: &effects)
        case .offeringPerson(let node, let step, _): answerOffer(typed, node: node, step: step, into: &effects)
        case .waiting(let node, let step, let misses, _): answer(typed, node: node, step: step, misses: misses, into: &effects)
        case .notStarted, .performing, .withAgent, .ended: break
        }
    }
}
