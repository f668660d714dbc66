import Telnet

/// The bounds a line server or client keeps, and the telnet it speaks, each with a default.
///
/// Promises: a server never buffers more than `maxLineBytes` of one input line or
/// `maxOutputBytes` of one connection's output (counting what waits in the kernel's send
/// buffer: see `kernelSendBytes`), never reads more than `readChunkBytes` at once, never
/// serves more than `maxConnections` at a time (nor more than
/// `maxConnectionsPerAddress` from one address), never takes more than `maxLinesPerSecond`
/// lines a second from one connection (after a burst of `lineBurst`), and never waits more
/// than `closeTimeout` seconds for a peer to take its last output. A limit of 0 is none.
public struct ConnectionSettings: Sendable, Equatable {
    /// Longest input line in bytes; a longer one is reported once as `.tooLong`.
    public var maxLineBytes: Int
    /// Connections served at once; the next one is sent the busy message and closed.
    public var maxConnections: Int
    /// Connections served at once from one address (0: no such limit); the next one from it
    /// is sent the busy message and closed, so one address cannot take every slot.
    public var maxConnectionsPerAddress: Int
    /// Lines a second taken from one connection (0: no such limit); faster input waits (the
    /// connection stops reading meanwhile), and other connections never wait for it.
    public var maxLinesPerSecond: Double
    /// Lines taken at once before `maxLinesPerSecond` applies: a paste, typing ahead.
    public var lineBurst: Int
    /// Seconds input may keep waiting on `maxLinesPerSecond`, its backlog never emptying,
    /// before the connection is told it sends too fast and closed (`.inputFlood`).
    public var floodSeconds: Double
    /// Output held for one connection, in our buffer and the kernel's send buffer together,
    /// past which it is closed with `.outputOverflow`.
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
        maxConnectionsPerAddress: Int = 0,
        maxLinesPerSecond: Double = 0,
        lineBurst: Int = 40,
        floodSeconds: Double = 5,
        maxOutputBytes: Int = 256 * 1024,
        readChunkBytes: Int = 16 * 1024,
        closeTimeout: Double = 5,
        telnet: TelnetPolicy = .refusing,
        negotiationWaitSeconds: Double = 1
    ) {
        precondition(maxLineBytes > 0 && maxConnections >= 0 && maxOutputBytes > 0 && readChunkBytes > 0
                     && maxConnectionsPerAddress >= 0 && maxLinesPerSecond >= 0 && lineBurst >= 1 && floodSeconds > 0,
                     "ConnectionSettings must be positive")
        self.maxLineBytes = maxLineBytes
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
        self.maxLinesPerSecond = maxLinesPerSecond
        self.lineBurst = lineBurst
        self.floodSeconds = floodSeconds
        self.maxOutputBytes = maxOutputBytes
        self.readChunkBytes = readChunkBytes
        self.closeTimeout = closeTimeout
        self.telnet = telnet
        self.negotiationWaitSeconds = negotiationWaitSeconds
    }

    /// The kernel's share of `maxOutputBytes`: a server's sockets get a send buffer this size
    /// (`SO_SNDBUF`, asked for as half, since Linux doubles it for its bookkeeping), so what
    /// the kernel holds for a peer that stops reading is bounded and counted, not grown by
    /// autotuning to megabytes (tcp_wmem) outside the line's view. A quarter: a peer that
    /// reads gets a reply of many kilobytes in one go, and the rest is ours to account for.
    public var kernelSendBytes: Int { maxOutputBytes / 4 }

    /// What the line may queue for one peer in its own buffer when the kernel holds
    /// `kernelShare` bytes for it: `maxOutputBytes` less that share. It is also the longest
    /// text one answer may be sure to fit (`hotelline check --max-output`): the kernel's part
    /// may already be full with an earlier answer.
    public func ownOutputBytes(kernelShare: Int) -> Int { max(0, maxOutputBytes - kernelShare) }

    /// The longest answer sure to fit, with the kernel's share as asked for.
    public var maxAnswerBytes: Int { ownOutputBytes(kernelShare: kernelSendBytes) }
}
