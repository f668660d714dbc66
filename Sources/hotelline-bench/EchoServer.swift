import Glibc
import Telnet
import Reactor

/// The echo baseline: the line's own `EventLoop` and `Listener` (telnet codec, line
/// framing, one write per connection per wake-up) serving the most trivial line there is:
/// every line comes straight back. Measured beside `hotelline serve` under the same load
/// driver, the ratio is what the conversation engine and the transcripts cost.
final class EchoServer: ListenerDelegate {
    func listener(_ server: Listener, didAccept connection: Connection) {}

    func connection(_ connection: Connection, didReceive input: TypedInput) {
        switch input {
        case .text(let text): connection.sendText(text)
        case .tooLong, .unreadable, .controlCharacters, .interrupt: connection.sendText("?")
        case .endOfInput: connection.close()
        }
    }

    func connectionDidClose(_ connection: Connection, reason: CloseReason) {}

    func busyMessage(for server: Listener) -> String { "busy" }

    /// `hotelline-bench echo`: listens on 127.0.0.1 (`--port`, default a free one), prints
    /// "echo line listening on HOST:PORT", and serves until SIGTERM or SIGINT.
    static func run(_ options: BenchArguments) throws -> Int32 {
        try options.check(known: ["port", "max"])
        let port = try options.number("port", default: 0)
        let maxConnections = Int(try options.number("max", default: 100_000))
        guard port == port.rounded(), port < 65536 else { throw BenchArguments.Mistake(description: "--port must be a port number") }
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(maxConnections + 64) {
            limit.rlim_cur = min(rlim_t(maxConnections + 64), limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        signal(SIGPIPE, SIG_IGN)
        EventLoop.blockSignals([SIGTERM, SIGINT])
        let loop = try EventLoop()
        var limits = ConnectionSettings()
        limits.maxConnections = maxConnections
        let server = try Listener(loop: loop, host: "127.0.0.1", port: UInt16(port), limits: limits, delegate: EchoServer())
        try loop.watchSignals([SIGTERM, SIGINT]) { _ in loop.stop() }
        print("echo line listening on \(server.localHost):\(server.localPort)")
        fflush(nil)
        try loop.run()
        loop.close()
        return 0
    }
}
