/// One thing a conversation did that decides where a call goes: collected in
/// `Conversation.trace` when `isTracing` is on, so a replay can tell which parts of the
/// prompts a set of transcripts exercises. Nodes are named `flow.node`.
public enum TracePoint: Hashable, Sendable {
    /// The conversation entered a node (ran its first step).
    case entered(node: String)
    /// The guest picked a menu choice by its number.
    case choice(node: String, number: String)
    /// An answer was refused; `key` is the text that said why (`invalid.date.past`).
    case refused(node: String, key: String)
    /// An action's outcome took the `on RESULT` branch of the `do` in `node`.
    case result(node: String, result: String)
    /// The `if` at `step` of `node` was tested and jumped (`taken`) or fell through.
    case condition(node: String, step: Int, taken: Bool)
    /// A global command, wherever it was typed.
    case command(GlobalCommand)
    /// After repeated wrong answers at `node`, a person was offered.
    case offeredPerson(node: String)
    /// The guest answered the offer of a person.
    case offerAnswered(accepted: Bool)
    /// The guest was silent for the idle time: reprompted, or (the last time) said goodbye to.
    case noInput(goodbye: Bool)
    /// The line could not take what the guest sent (`line.too_long`, …).
    case lineProblem(key: String)
    /// The call goes on in `code` from here (everything after is in it), chosen `how`.
    case language(code: String, how: Conversation.LanguageChange)
}

/// An answer checked against a question during the last event: what the guest typed and,
/// when it was taken, the value it became (nil when it was refused). The switchboard uses
/// these to recognise names, phone numbers and emails, e.g. to redact transcripts.
public struct AnswerAttempt: Equatable, Sendable {
    public var kind: AnswerKind
    public var variable: String
    /// The answer as typed, trimmed.
    public var typed: String
    public var value: AnswerValue?

    public init(kind: AnswerKind, variable: String, typed: String, value: AnswerValue?) {
        self.kind = kind
        self.variable = variable
        self.typed = typed
        self.value = value
    }
}

extension Conversation {
    /// Hands over the trace points collected since the last call.
    public mutating func takeTrace() -> [TracePoint] {
        defer { trace.removeAll() }
        return trace
    }

    mutating func note(_ point: TracePoint) {
        if isTracing { trace.append(point) }
    }

    /// Adds a point about `node` to the trace, naming the node only when tracing is on.
    mutating func note(at node: Int, _ point: (String) -> TracePoint) {
        if isTracing { trace.append(point(prompts.nodes[node].qualifiedName)) }
    }
}
