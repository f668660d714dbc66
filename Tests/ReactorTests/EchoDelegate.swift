import Glibc
import Telnet
import Reactor

/// The server side of the socket tests: echoes lines and turns every other input, and
/// every close, into a line the test client can read. Commands drive the rest:
/// `close`, `menu`, `pin`, `flood`, `big N`, `watch`, `pause`.
final class EchoDelegate: LineServerDelegate {
    let loop: EventLoop
    weak var server: LineServer?
    private var connections: [UInt64: LineConnection] = [:]
    private var watchers: Set<UInt64> = []

    init(loop: EventLoop) {
        self.loop = loop
    }

    /// A context that holds its connection (as a session does): only the connection letting
    /// go of it after the close ends the cycle.
    private final class Visit {
        let connection: LineConnection
        init(_ connection: LineConnection) { self.connection = connection }
    }

    private struct WeakVisit {
        weak var visit: Visit?
    }

    private var visits: [WeakVisit] = []

    func lineServer(_ server: LineServer, didAccept connection: LineConnection) {
        connections[connection.id] = connection
        let visit = Visit(connection)
        connection.context = visit
        visits.append(WeakVisit(visit: visit))
        connection.sendLine("welcome \(connection.id)")
    }

    func busyMessage(for server: LineServer) -> String {
        "busy: max number of clients reached"
    }

    func connection(_ connection: LineConnection, didReceive input: TypedInput) {
        switch input {
        case .text(let text): command(text, on: connection)
        case .tooLong(let limit): connection.sendLine("too long \(limit)")
        case .unreadable: connection.sendLine("invalid text")
        case .controlCharacters: connection.sendLine("control characters")
        case .interrupt: connection.sendLine("interrupt")
        case .endOfInput:
            connection.sendLine("end of input")
            connection.close()
        }
    }

    func connectionDidClose(_ connection: LineConnection, reason: CloseReason) {
        precondition(connection.context != nil, "the context is let go only after the delegate is told")
        connections[connection.id] = nil
        watchers.remove(connection.id)
        for watcher in watchers {
            connections[watcher]?.sendLine("closed \(connection.id) \(Self.name(reason))")
        }
    }

    private func command(_ text: String, on connection: LineConnection) {
        switch text {
        case "close":
            connection.sendLine("bye")
            connection.close()
        case "menu":
            connection.sendLine("1. Book\n2. Complain\r\n0. Agent")
        case "pin":
            connection.setLocalOption(TelnetOption.echo, enabled: true)
            connection.sendLine("pin?")
        case "watch":
            watchers.insert(connection.id)
            connection.sendLine("watching")
        case "flood":
            flood(connection)
        case _ where text.hasPrefix("big "):
            // Queue that many bytes, then close: the close must flush them first.
            connection.send(bytes: [UInt8](repeating: UInt8(ascii: "b"), count: Int(text.dropFirst(4)) ?? 0))
            connection.close()
        case "visits":
            // The contexts still alive, and whether this connection's is its own.
            let own = (connection.context as? Visit)?.connection === connection
            connection.sendLine("visits \(visits.filter { $0.visit != nil }.count) \(own ? "own" : "lost")")
        case "pause":
            connection.pauseReading()
            connection.sendLine("paused")
            loop.scheduleTimer(at: loop.now.adding(seconds: 0.02)) {
                connection.sendLine("resuming")
                connection.resumeReading()
            }
        default:
            connection.sendLine("echo: \(text)")
        }
    }

    /// Sends 64 KiB a millisecond until the connection ends: the kernel's buffers fill,
    /// then the output buffer, then the overflow limit bites.
    private func flood(_ connection: LineConnection) {
        guard connection.isOpen else { return }
        connection.send(bytes: [UInt8](repeating: UInt8(ascii: "f"), count: 64 * 1024))
        loop.scheduleTimer(at: loop.now.adding(seconds: 0.001)) { [weak self, weak connection] in
            if let connection { self?.flood(connection) }
        }
    }

    private static func name(_ reason: CloseReason) -> String {
        switch reason {
        case .closedByServer: "closedByServer"
        case .peerClosed: "peerClosed"
        case .reset: "reset"
        case .outputOverflow: "outputOverflow"
        case .error(let code): "error \(code)"
        }
    }
}

/// A line server with an `EchoDelegate`, running on its own loop thread.
struct EchoServer {
    let thread: EventLoopThread
    let port: UInt16

    init(limits: LineLimits = LineLimits()) throws {
        (thread, port) = try EventLoopThread.start { loop in
            let delegate = EchoDelegate(loop: loop)
            let server = try LineServer(loop: loop, host: "127.0.0.1", port: 0, limits: limits, delegate: delegate)
            delegate.server = server
            return server.localPort
        }
    }

    func stop() throws {
        try thread.stop()
    }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

let iac = TelnetCommand.iac
