/// What every delegate that takes a connection's bytes unframed is told: the bytes as read,
/// the peer's end of input, the close. Nothing here is telnet: a conformer needs this
/// module only, never the codec's. Refined by `ByteClientDelegate` (outbound connections)
/// and `ByteServerDelegate` (accepted ones).
///
/// Promises, for each connection, on the loop thread: every byte read, in order, through
/// `didRead` (the buffer is valid only during the call); then at most one
/// `connectionDidEndInput` when the peer ends its side; then exactly one
/// `connectionDidClose`; nothing after that. Any method may call back into the connection
/// (send, close, reset) safely.
public protocol ByteConnectionDelegate: AnyObject {
    /// The next bytes the peer sent, as read.
    func connection(_ connection: Connection, didRead bytes: UnsafeRawBufferPointer)
    /// The peer ended its side (it will send nothing more); the connection stays open for
    /// output until it is closed.
    func connectionDidEndInput(_ connection: Connection)
    /// The connection ended: after a `close` or `reset`, or by itself (the reason says how;
    /// `.error(errno)` when a connect failed).
    func connectionDidClose(_ connection: Connection, reason: CloseReason)
}

/// A client delegate that takes what the peer sends as bytes, unframed: for a driver that
/// compares whole replies with what it expects (the load driver, remote replay) and must
/// not pay for line framing, nor measure it, on the client side.
///
/// Promises, besides `ByteConnectionDelegate`'s: `connectionDidConnect` once the connect
/// completes (never, when it fails), before any byte is read. The client holds its
/// delegate until its loop is closed.
public protocol ByteClientDelegate: ByteConnectionDelegate {
    /// The connection is established; output queued before now is being sent.
    func connectionDidConnect(_ connection: Connection)
}

/// A server delegate that takes what each peer sends as bytes, unframed: for a protocol of
/// its own on the loop (the wallboard's HTTP), with the listener's limits on connections
/// (in all and per address) and on output, and never a telnet byte either way.
///
/// Promises, besides `ByteConnectionDelegate`'s: `listener(_:didAccept:)` once per
/// accepted connection, before any byte is read from it. The listener holds its delegate
/// until its loop is closed.
public protocol ByteServerDelegate: ByteConnectionDelegate {
    func listener(_ server: Listener, didAccept connection: Connection)
    /// Sent as it is to a peer refused past `maxConnections` (or its address's share),
    /// before it is closed: the protocol's own words for "busy".
    func busyResponse(for server: Listener) -> [UInt8]
}
