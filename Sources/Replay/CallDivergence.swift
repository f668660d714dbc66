import Reactor

/// Where a `ScriptedCall` parted from its script, as facts: what happened, at which
/// transcript line, what the transcript has there and what came instead. Each driver words
/// it its own way: remote replay as a `ReplayDivergence` (a diff quoting the file), the load
/// driver as one line among its error samples.
struct CallDivergence: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// The line said `got` where the transcript has `expected`.
        case saidSomethingElse
        /// The line said `got` where the transcript has it hang up.
        case saidMore
        /// The line hung up (ended its side) before saying `expected`.
        case hungUp
        /// The connection ended by itself before the line said `expected`.
        case closed(CloseReason)
        /// Nothing (or not all of the reply) arrived within the wait.
        case timedOut(seconds: Double)
        /// The transcript needs an agent at the console here.
        case needsAgent
        /// The transcript's guest tells a telnet window size here.
        case needsWindow
    }

    var kind: Kind
    /// The transcript line of the entry the line did not say (for `.needsAgent`, of the
    /// event that needs one); 0 for echo and ping.
    var line: Int
    /// When (milliseconds after the answer) what came instead goes in a diff.
    var offset: Int64
    /// The line as the transcript has it, placeholders and all; nil for a hang-up or an agent.
    var expected: String?
    /// What the line said instead, one line without its ending; nil when nothing came.
    var got: String?

    /// What went wrong in words, as the in-process replay words it where it can.
    var message: String {
        switch kind {
        case .saidSomethingElse: "the line said something else"
        case .saidMore: "the line said more here"
        case .hungUp: "the line hung up instead of saying this"
        case .closed(let reason): "the connection closed (\(reason)) before the line said this"
        case .timedOut(let seconds): "nothing arrived for \(Self.seconds(seconds)) s; the transcript expects this"
        case .needsAgent: "the transcript needs an agent at the console here, which a replay over TCP cannot be; replay it in-process"
        case .needsWindow: "the guest's telnet told its window size here, which a replay over TCP (a raw client) cannot; replay it in-process"
        }
    }

    /// `5` for whole seconds, `0.5` otherwise.
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
