import Reactor

/// The wallboard's own tunables, each with a default and a `serve` flag (in its comment).
/// Its limits on a client are the guest line's (see `WallboardServer.init`): a browser or a
/// scraper is held to what a caller is.
public struct WallboardSettings: Sendable, Equatable {
    /// `--wallboard-port`: nil (the default) serves no wallboard; 0 picks a free port.
    public var port: UInt16?
    /// `--wallboard-host`: the supervisors' machine only, unless told, as the console.
    public var host = "127.0.0.1"
    /// `--max-wallboards`: clients at once, pages, streams and scrapes together; the next
    /// is answered 503 and closed.
    public var maxClients = 64
    /// How often each open event stream is sent the figures when they changed.
    public var roundSeconds: Double = 1
    /// A stream whose figures have not changed for this long is sent a comment line, so a
    /// proxy between it and the page does not take it for dead.
    public var keepAliveSeconds: Double = 15

    public init() {}

    /// The connection limits of a wallboard client: the guest line's line length, output
    /// and per-address cap, `maxClients` in all, no telnet.
    public func connectionLimits(from guests: ConnectionSettings) -> ConnectionSettings {
        ConnectionSettings(maxLineBytes: guests.maxLineBytes, maxConnections: maxClients,
                           maxConnectionsPerAddress: guests.maxConnectionsPerAddress, maxOutputBytes: guests.maxOutputBytes,
                           readChunkBytes: guests.readChunkBytes, closeTimeout: guests.closeTimeout)
    }
}
