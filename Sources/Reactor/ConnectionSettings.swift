import Telnet

/// The bounds a line server or client keeps, and the telnet it speaks, each with a default.
///
/// Promises: a server never buffers more than `maxLineBytes` of one input line or
/// `maxOutputBytes` of one connection's output, never reads more than `readChunkBytes`
/// at once, never serves more than `maxConnections` at a time, and never waits more than
/// `closeTimeout` seconds for a peer to take its last output.
public struct ConnectionSettings: Sendable, Equatable {
    /// Longest input line in bytes; a longer one is reported once as `.tooLong`.
    public var maxLineBytes: Int
    /// Connections served at once; the next one is sent the busy message and closed.
    public var maxConnections: Int
    /// Output queued for one connection past which it is closed with `.outputOverflow`.
    public var maxOutputBytes: Int
    /// Bytes read from one socket per wake-up, so one busy peer cannot starve the rest.
    public var readChunkBytes: Int
    /// Seconds `close(flushFirst: true)` waits for a peer to read what is queued.
    public var closeTimeout: Double
    /// The telnet options a server agrees to and asks for (a client refuses everything).
    public var telnet: TelnetPolicy
    /// Seconds a peer's input is held while the line waits for its telnet answers (a raw
    /// client that ends lines with CR LF never answers the probe: its first line waits this long).
    public var negotiationWaitSeconds: Double

    public init(
        maxLineBytes: Int = 1024,
        maxConnections: Int = 4096,
        maxOutputBytes: Int = 256 * 1024,
        readChunkBytes: Int = 16 * 1024,
        closeTimeout: Double = 5,
        telnet: TelnetPolicy = .refusing,
        negotiationWaitSeconds: Double = 1
    ) {
        precondition(maxLineBytes > 0 && maxConnections >= 0 && maxOutputBytes > 0 && readChunkBytes > 0,
                     "LineLimits must be positive")
        self.maxLineBytes = maxLineBytes
        self.maxConnections = maxConnections
        self.maxOutputBytes = maxOutputBytes
        self.readChunkBytes = readChunkBytes
        self.closeTimeout = closeTimeout
        self.telnet = telnet
        self.negotiationWaitSeconds = negotiationWaitSeconds
    }
}
