/// A client delegate that takes what the peer sends as bytes, unframed: for a driver that
/// compares whole replies with what it expects (the load driver, remote replay) and must
/// not pay for line framing, nor measure it, on the client side. Nothing here is telnet:
/// a conformer needs this module only, never the codec's.
///
/// Promises, for each connection, on the loop thread: `connectionDidConnect` once the
/// connect completes (never, when it fails); then every byte read, in order, through
/// `didRead` (the buffer is valid only during the call); then at most one
/// `connectionDidEndInput` when the peer ends its side; then exactly one
/// `connectionDidClose`; nothing after that. Any method may call back into the connection
/// (send, close, reset) safely. The client holds its delegate until its loop is closed.
public protocol ByteClientDelegate: AnyObject {
    /// The connection is established; output queued before now is being sent.
    func connectionDidConnect(_ connection: Connection)
    /// The next bytes the peer sent, as read.
    func connection(_ connection: Connection, didRead bytes: UnsafeRawBufferPointer)
    /// The peer ended its side (it will send nothing more); the connection stays open for
    /// output until it is closed.
    func connectionDidEndInput(_ connection: Connection)
    /// The connection ended: after a `close` or `reset`, or by itself (the reason says how;
    /// `.error(errno)` when the connect failed).
    func connectionDidClose(_ connection: Connection, reason: CloseReason)
}
