import Telnet
/// Receives a connection's input and its end. Called on the loop thread only.
///
/// Promises: for each connection, inputs in order, then at most one `.endOfInput`, then
/// exactly one `connectionDidClose`; nothing after that. Any method may call back into
/// the connection (send, close, pause) safely.
public protocol ConnectionDelegate: AnyObject {
    func connection(_ connection: Connection, didReceive input: TypedInput)
    /// A telnet peer reported its window size or terminal type (never held back with input:
    /// a size reported while lines wait applies to them).
    func connection(_ connection: Connection, didReport report: TerminalReport)
    /// Said (as a line) to a peer cut for sending faster than `maxLinesPerSecond`, before
    /// it is closed with `.inputFlood`.
    func inputRateMessage(for connection: Connection) -> String
    func connectionDidClose(_ connection: Connection, reason: CloseReason)
}

extension ConnectionDelegate {
    public func connection(_ connection: Connection, didReport report: TerminalReport) {}

    public func inputRateMessage(for connection: Connection) -> String {
        "You are sending faster than the line can read. Goodbye."
    }
}

/// A line server's delegate: new connections, and the words for refused ones.
///
/// The server holds its delegate until its loop is closed.
public protocol ListenerDelegate: ConnectionDelegate {
    func listener(_ server: Listener, didAccept connection: Connection)
    /// Sent (as a line) to a client refused past `maxConnections`, before closing it.
    func busyMessage(for server: Listener) -> String
}

/// A line client's delegate: outbound connections becoming usable.
///
/// The client holds its delegate until its loop is closed.
public protocol DialerDelegate: ConnectionDelegate {
    /// The connection is established; output queued before now is being sent.
    func connectionDidConnect(_ connection: Connection)
}

extension DialerDelegate {
    public func connectionDidConnect(_ connection: Connection) {}
}
