import Telnet
import Reactor
import Transcript

/// Replays transcripts against a running server over TCP, any number at once on one event
/// loop: each is a `RemoteReplayMachine` on its own `LineClient` connection, and this
/// class only carries out what the machines ask (send, wait, close) and reports verdicts.
///
/// Loop thread only. A load driver starts many transcripts and counts the verdicts.
public final class RemoteReplayer: LineClientDelegate {
    /// How long to wait, in seconds.
    public struct Timeouts: Sendable {
        /// For each line the transcript expects.
        public var line: Double
        /// The server's idle time: after a `no input`, the wait is this plus `line`.
        public var idle: Double

        public init(line: Double = 5, idle: Double = 60) {
            self.line = line
            self.idle = idle
        }
    }

    private final class Replay {
        var machine: RemoteReplayMachine
        let connection: LineConnection
        let done: (RemoteVerdict) -> Void
        var timer: TimerID?
        var finished = false

        init(machine: RemoteReplayMachine, connection: LineConnection, done: @escaping (RemoteVerdict) -> Void) {
            self.machine = machine
            self.connection = connection
            self.done = done
        }
    }

    private let loop: EventLoop
    private var client: LineClient!
    private var replays: [UInt64: Replay] = [:]

    public init(loop: EventLoop) {
        self.loop = loop
        client = LineClient(loop: loop, delegate: self)
    }

    /// Transcripts under way.
    public var activeCount: Int { replays.count }

    /// Connects to `host:port` and replays `document`; `done` gets the verdict once, on
    /// the loop thread (at once when the connection cannot even be started).
    public func start(_ document: TranscriptDocument, host: String, port: UInt16, timeouts: Timeouts = Timeouts(),
                      done: @escaping (RemoteVerdict) -> Void) {
        let connection: LineConnection
        do {
            connection = try client.connect(host: host, port: port)
        } catch {
            let text = "\(error)"
            let prefix = "cannot connect to \(host):\(port): "
            done(.unreachable(text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text))
            return
        }
        let machine = RemoteReplayMachine(document, lineTimeout: timeouts.line, idleTimeout: timeouts.idle)
        replays[connection.id] = Replay(machine: machine, connection: connection, done: done)
    }

    public func connectionDidConnect(_ connection: LineConnection) {
        guard let replay = replays[connection.id] else { return }
        carryOut(replay.machine.connected(), for: replay)
    }

    public func connection(_ connection: LineConnection, didReceive input: LineInput) {
        guard let replay = replays[connection.id] else { return }
        carryOut(replay.machine.received(input), for: replay)
    }

    public func connectionDidClose(_ connection: LineConnection, reason: CloseReason) {
        guard let replay = replays.removeValue(forKey: connection.id) else { return }
        carryOut(replay.machine.closed(reason), for: replay)
        if let timer = replay.timer { loop.cancelTimer(timer) }
    }

    private func carryOut(_ actions: [RemoteReplayMachine.Action], for replay: Replay) {
        for action in actions {
            switch action {
            case .send(let text):
                replay.connection.sendLine(text)
            case .sendBytes(let bytes):
                replay.connection.send(bytes: bytes)
            case .wait(let seconds):
                if let timer = replay.timer { loop.cancelTimer(timer) }
                replay.timer = loop.scheduleTimer(at: loop.now.adding(seconds: seconds)) { [weak self, weak replay] in
                    guard let self, let replay else { return }
                    replay.timer = nil
                    self.carryOut(replay.machine.timedOut(), for: replay)
                }
            case .close:
                if let timer = replay.timer { loop.cancelTimer(timer) }
                replay.timer = nil
                replay.connection.close(flushFirst: true)
            case .finish(let verdict):
                guard !replay.finished else { continue }
                replay.finished = true
                replay.done(verdict)
            }
        }
    }
}

@available(*, unavailable)
extension RemoteReplayer: Sendable {}
