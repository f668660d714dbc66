import Glibc
import Telnet

/// The echo baseline: the line's own `EventLoop` and `LineServer` (telnet codec, line
/// framing, one write per connection per wake-up) serving the most trivial line there is:
/// every line comes straight back. Measured beside `hotelline serve` under the same load
/// driver, the ratio is what the conversation engine and the transcripts cost.
final class EchoServer: LineServerDelegate {
    func lineServer(_ server: LineServer, didAccept connection: LineConnection) {}

    func connection(_ connection: LineConnection, didReceive input: LineInput) {
        switch input {
        case .line(let text): connection.sendLine(text)
        case .tooLong, .invalidText, .controlCharacters, .interrupt: connection.sendLine("?")
        case .endOfInput: connection.close()
        }
    }

    func connectionDidClose(_ connection: LineConnection, reason: CloseReason) {}

    func busyMessage(for server: LineServer) -> String { "busy" }

    /// Listens on `host:port` and serves until SIGTERM or SIGINT; prints the address bound.
    static func serve(host: String, port: UInt16, maxConnections: Int) throws {
        EventLoop.blockSignals([SIGTERM, SIGINT])
        let loop = try EventLoop()
        var limits = LineLimits()
        limits.maxConnections = maxConnections
        let server = try LineServer(loop: loop, host: host, port: port, limits: limits, delegate: EchoServer())
        try loop.watchSignals([SIGTERM, SIGINT]) { _ in loop.stop() }
        print("echo line listening on \(server.localHost):\(server.localPort)")
        fflush(nil)
        try loop.run()
        loop.close()
    }
}
