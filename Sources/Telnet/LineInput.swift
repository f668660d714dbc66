/// What a connection's peer said, one event per line or problem.
///
/// Promises: `.line` text is valid UTF-8 without its line ending and without control
/// characters (tabs became spaces, trailing blanks kept); problems name themselves
/// instead of carrying the bytes; `.endOfInput` comes once, last.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// The line passed `limit` bytes; the rest of it was dropped. The next line is normal.
    case tooLong(limit: Int)
    /// The line was not valid UTF-8.
    case invalidText
    /// The line held control characters (an arrow key's ESC [ A, a bell, a C1 control).
    case controlCharacters
    /// The user pressed an interrupt key (telnet IAC IP, BRK or AO).
    case interrupt
    /// The peer will send nothing more (it closed or half-closed); output may still go out.
    case endOfInput
}

/// Why a connection ended, as told to `connectionDidClose`.
///
/// Promises: exactly one reason per connection, given once, after the turn in which the
/// connection ended (never from inside a call the delegate made).
public enum CloseReason: Equatable, Sendable, CustomStringConvertible {
    /// `close()` was called (including when its flush timed out).
    case closedByServer
    /// The peer went away both ways while the connection was still open.
    case peerClosed
    /// The peer reset the connection (ECONNRESET, EPIPE).
    case reset
    /// More than `maxOutputBytes` was waiting for a peer that did not read.
    case outputOverflow
    /// Any other socket error, with its errno (e.g. ECONNREFUSED for a client).
    case error(Int32)

    public var description: String {
        switch self {
        case .closedByServer: "closed by server"
        case .peerClosed: "closed by peer"
        case .reset: "reset by peer"
        case .outputOverflow: "output buffer overflow"
        case .error(let code): "socket error: \(SystemError.reason(code))"
        }
    }
}
