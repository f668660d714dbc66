import Telnet
import Reactor

/// One connection to the agent console: its login (who, if anyone, is logged in there) and
/// the call it watches. Lives on the event loop with `AgentDesk`, which owns it.
final class AgentConsole {
    let connection: Connection
    var login: ConsoleLogin
    /// The call this console follows read-only (`watch`), if any.
    var watching: UInt64?
    /// A revisit survey the agent is taking here, if any.
    var survey: ConsoleSurvey?
    /// What it is shown of the calls it follows, within its rate and room.
    var traffic: CallTraffic
    /// Ends the console if nobody has logged in by then; nil once someone has.
    var loginTimer: TimerID?
    /// True once anything came from the peer: a console that has typed nothing is the first
    /// to make room for another from its address.
    var hasTyped = false
    /// The columns every line is wrapped to: the agent's window (telnet NAWS, at least 30),
    /// or 79 while it is not known.
    var columns = ConsoleText.defaultColumns

    /// When it was accepted (for `lockouts`).
    let connectedAt: MonotonicTime

    init(connection: Connection, login: ConsoleLogin, traffic: CallTraffic, connectedAt: MonotonicTime) {
        self.connection = connection
        self.login = login
        self.traffic = traffic
        self.connectedAt = connectedAt
    }

    /// The remote host without the port (`::1`, `127.0.0.1`), as the audit log has it.
    var host: String { login.peer.host }

    func say(_ text: String) { connection.sendText(ConsoleText.wrapped(text, columns: columns)) }

    func say(_ lines: [String]) { for line in lines { say(line) } }

    func sayProblem(_ problem: String?, done: String? = nil) {
        if let problem { say("Cannot: \(problem).") } else if let done { say(done) }
    }
}

@available(*, unavailable)
extension AgentConsole: Sendable {}
