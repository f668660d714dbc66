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
    /// The peer sent lines faster than `maxLinesPerSecond` for `floodSeconds`: it was told
    /// so politely and closed.
    case inputFlood
    /// Any other socket error, with its errno (e.g. ECONNREFUSED for a client).
    case error(Int32)

    public var description: String {
        switch self {
        case .closedByServer: "closed by server"
        case .peerClosed: "closed by peer"
        case .reset: "reset by peer"
        case .outputOverflow: "output buffer overflow"
        case .inputFlood: "input faster than its limit"
        case .error(let code): "socket error: \(SystemError.reason(code))"
        }
    }
}
