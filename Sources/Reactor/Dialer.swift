import Glibc

/// Outbound connections on an event loop: framed into lines for a `DialerDelegate`, or
/// as bytes for a `ByteClientDelegate` (the load driver and remote replay).
///
/// Promises: connects without blocking the loop; a line client's connections frame input
/// exactly as the server does (same `TypedInput`s) but never answer telnet negotiation; a
/// byte client's hand over what they read untouched; output queued before the connect
/// completes goes out once it does. Loop thread only.
public final class Dialer {
    public let limits: ConnectionSettings
    private let hub: ConnectionHub

    /// `delegate` is held until the loop is closed.
    public init(loop: EventLoop, limits: ConnectionSettings = ConnectionSettings(), delegate: any DialerDelegate) {
        self.limits = limits
        self.hub = ConnectionHub(loop: loop, limits: limits, answersTelnet: false)
        hub.delegate = delegate
    }

    /// A client whose connections hand `delegate` the bytes as read, with no line framing.
    public init(loop: EventLoop, limits: ConnectionSettings = ConnectionSettings(), byteDelegate delegate: any ByteClientDelegate) {
        self.limits = limits
        self.hub = ConnectionHub(loop: loop, limits: limits, answersTelnet: false)
        hub.byteDelegate = delegate
    }

    /// Starts connecting to `host:port` (a literal or `localhost`). Throws when that fails
    /// at once; a later failure arrives as `connectionDidClose(.error(errno))`.
    public func connect(host: String, port: UInt16) throws -> Connection {
        guard let address = SocketAddress(host: host, port: port) else {
            throw SystemError.badAddress(host, port: port, doing: "connect to")
        }
        let fd = try Socket.connect(to: address).get()
        let connection = Connection(fd: fd, peerAddress: address, hub: hub, connecting: true)
        do {
            try hub.add(connection, interest: .writable)
        } catch {
            Glibc.close(fd)
            throw error
        }
        return connection
    }

    /// Connections open now, including those still connecting.
    public var connectionCount: Int { hub.connections.count }
}

@available(*, unavailable)
extension Dialer: Sendable {}
