import Reactor
import Transcript

/// How a replay over TCP ended.
public enum RemoteVerdict: Equatable, Sendable {
    case passed
    case failed(ReplayDivergence)
    /// The server could not be reached: the reason, e.g. `connection refused`.
    case unreachable(String)
}

/// Replays transcripts against a running server over TCP, one at a time on one event loop:
/// each is a `ScriptedCall` (the matcher the load driver uses too) on a connection of its
/// own, and this class carries out what the call asks (send, arm the timeout, hang up) and
/// words its verdict as a report: a divergence becomes a `ReplayDivergence`, a diff that
/// quotes the transcript.
///
/// Loop thread only: `replay` runs the loop on the calling thread until the verdict.
public final class RemoteReplayer: ByteClientDelegate {
    /// How long to wait, in seconds.
    public struct Settings: Sendable {
        /// For the whole reply to each guest line (and to the call being answered).
        public var line: Double
        /// The server's idle time: after a `no input`, the wait is this plus `line`.
        public var idle: Double

        public init(line: Double = 5, idle: Double = 60) {
            self.line = line
            self.idle = idle
        }
    }

    /// The transcript being replayed, on its connection.
    private struct Replay {
        let document: TranscriptDocument
        let connection: Connection
        var call: ScriptedCall
    }

    private let loop: EventLoop
    private var client: Dialer!
    private var replay: Replay?
    private var timer: TimerID?
    private var verdict: RemoteVerdict?
    private var actions: [ScriptedCall.Action] = []

    public init(loop: EventLoop) {
        self.loop = loop
        client = Dialer(loop: loop, byteDelegate: self)
    }

    /// Connects to `host:port`, replays `document` (its numbers already placeholders), and
    /// returns the verdict once there is one. Throws only when the loop fails.
    public func replay(_ document: TranscriptDocument, host: String, port: UInt16, timeouts: Settings = Settings()) throws -> RemoteVerdict {
        precondition(replay == nil, "one replay at a time")
        let connection: Connection
        do {
            connection = try client.connect(host: host, port: port)
        } catch {
            let text = "\(error)"
            let prefix = "cannot connect to \(host):\(port): "
            return .unreachable(text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text)
        }
        let call = ScriptedCall(CallScript(document), timeout: timeouts.line, idleTimeout: timeouts.idle)
        replay = Replay(document: document, connection: connection, call: call)
        while verdict == nil { try loop.run() }
        let result = verdict!
        verdict = nil
        return result
    }

    public func connectionDidConnect(_ connection: Connection) {
        guard replay?.connection === connection else { return }
        replay!.call.connected(into: &actions)
        carryOut()
    }

    public func connection(_ connection: Connection, didRead bytes: UnsafeRawBufferPointer) {
        guard replay?.connection === connection else { return }
        replay!.call.read(bytes, into: &actions)
        carryOut()
    }

    public func connectionDidEndInput(_ connection: Connection) {
        guard replay?.connection === connection else { return }
        replay!.call.inputEnded(into: &actions)
        carryOut()
    }

    public func connectionDidClose(_ connection: Connection, reason: CloseReason) {
        guard replay?.connection === connection else { return }  // a replay finished earlier, closing now
        replay!.call.closed(reason, into: &actions)
        carryOut()
    }

    private func carryOut() {
        guard let replay else { return }
        for action in actions {
            switch action {
            case .send(let bytes):
                replay.connection.send(bytes: bytes)
            case .armTimeout(let seconds):
                cancelTimer()
                timer = loop.scheduleTimer(at: loop.now.adding(seconds: seconds)) { [weak self] in
                    guard let self, self.replay != nil else { return }
                    self.timer = nil
                    self.replay!.call.timedOut(into: &self.actions)
                    self.carryOut()
                }
            case .answered, .typedAhead:
                break  // figures are the load driver's business
            case .finish(let verdict):
                cancelTimer()
                replay.connection.close(flushFirst: true)
                self.replay = nil
                self.verdict = Self.report(verdict, of: replay.document)
                loop.stop()
            }
        }
        actions.removeAll()
    }

    private func cancelTimer() {
        if let timer { loop.cancelTimer(timer) }
        timer = nil
    }

    /// The call's verdict as a report: a divergence as a diff quoting the file.
    private static func report(_ verdict: ScriptedCall.Verdict, of document: TranscriptDocument) -> RemoteVerdict {
        switch verdict {
        case .passed:
            return .passed
        case .unreachable(let reason):
            let text = reason.description
            return .unreachable(text.hasPrefix("socket error: ") ? String(text.dropFirst("socket error: ".count)) : text)
        case .failed(let divergence):
            let removed: String?
            switch divergence.kind {
            case .saidMore: removed = nil
            case .saidSomethingElse, .hungUp, .closed, .timedOut, .needsAgent, .needsWindow: removed = document.line(divergence.line)
            }
            return .failed(ReplayDivergence.at(divergence.line, divergence.message, in: document, removed: removed,
                                               added: divergence.got.map { Said.text($0).written(offset: divergence.offset) }))
        }
    }
}

@available(*, unavailable)
extension RemoteReplayer: Sendable {}
