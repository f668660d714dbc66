import Glibc
import Telnet
import Reactor

/// The server side of the socket tests: echoes lines and turns every other input, and
/// every close, into a line the test client can read. Commands drive the rest:
/// `close`, `menu`, `pin`, `flood`, `big N`, `watch`, `pause`.
final class EchoDelegate: ListenerDelegate {
    let loop: EventLoop
    weak var server: Listener?
    private var connections: [UInt64: Connection] = [:]
    private var watchers: Set<UInt64> = []

    init(loop: EventLoop) {
        self.loop = loop
    }

    /// A context that holds its connection (as a session does): only the connection letting
    /// go of it after the close ends the cycle.
    private final class Visit {
        let connection: Connection
        init(_ connection: Connection) { self.connection = connection }
    }

    private struct WeakVisit {
        weak var visit: Visit?
    }

    private var visits: [WeakVisit] = []

    func listener(_ server: Listener, didAccept connection: Connection) {
        connections[connection.id] = connection
        let visit = Visit(connection)
        connection.context = visit
        visits.append(WeakVisit(visit: visit))
        connection.sendText("welcome \(connection.id)")
    }

    func busyMessage(for server: Listener) -> String {
        "busy: max number of clients reached"
    }

    func connection(_ connection: Connection, didReceive input: TypedInput) {
        switch input {
        case .text(let text): command(text, on: connection)
        case .tooLong(let limit): connection.sendText("too long \(limit)")
        case .unreadable: connection.sendText("invalid text")
        case .controlCharacters: connection.sendText("control characters")
        case .interrupt: connection.sendText("interrupt")
        case .endOfInput:
            connection.sendText("end of input")
            connection.close()
        }
    }

    func connectionDidClose(_ connection: Connection, reason: CloseReason) {
        precondition(connection.context != nil, "the context is let go only after the delegate is told")
        connections[connection.id] = nil
        watchers.remove(connection.id)
        for watcher in watchers {
            connections[watcher]?.sendText("closed \(connection.id) \(Self.name(reason))")
        }
    }

    private func command(_ text: String, on connection: Connection) {
        switch text {
        case "close":
            connection.sendText("bye")
            connection.close()
        case "menu":
            connection.sendText("1. Book\n2. Complain\r\n0. Agent")
        case "pin":
            connection.setLocalOption(TelnetOption.echo, enabled: true)
            connection.sendText("pin?")
        case "watch":
            watchers.insert(connection.id)
            connection.sendText("watching")
        case "flood":
            flood(connection)
        case _ where text.hasPrefix("big "):
            // Queue that many bytes, then close: the close must flush them first.
            connection.send(bytes: [UInt8](repeating: UInt8(ascii: "b"), count: Int(text.dropFirst(4)) ?? 0))
            connection.close()
        case "visits":
            // The contexts still alive, and whether this connection's is its own.
            let own = (connection.context as? Visit)?.connection === connection
            connection.sendText("visits \(visits.filter { $0.visit != nil }.count) \(own ? "own" : "lost")")
        case "pause":
            connection.pauseReading()
            connection.sendText("paused")
            loop.scheduleTimer(at: loop.now.adding(seconds: 0.02)) {
                connection.sendText("resuming")
                connection.resumeReading()
            }
        default:
            connection.sendText("echo: \(text)")
        }
    }

    /// Sends 64 KiB a millisecond until the connection ends: the kernel's buffers fill,
    /// then the output buffer, then the overflow limit bites.
    private func flood(_ connection: Connection) {
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
        case .inputFlood: "inputFlood"
        case .error(let code): "error \(code)"
        }
    }
}

/// A line server with an `EchoDelegate`, running on its own loop thread.
struct EchoServer {
    let thread: EventLoopThread
    let port: UInt16

    init(limits: ConnectionSettings = ConnectionSettings()) throws {
        (thread, port) = try EventLoopThread.start { loop in
            let delegate = EchoDelegate(loop: loop)
            let server = try Listener(loop: loop, host: "127.0.0.1", port: 0, limits: limits, delegate: delegate)
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
