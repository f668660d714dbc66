import Reactor

/// Many guests at once against a running line (or an echo server, or Redis), all on one
/// event loop through one `Dialer`: no thread per guest.
///
/// Each guest plays `CallScript`s round-robin, one call per connection, each call a
/// `ScriptedCall` (the matcher remote replay uses too): it sends a step's line, and as soon
/// as the last byte it expects for that step has arrived, the next one (no think time: a
/// closed loop). The time from queueing a line to the arrival of the last expected byte of
/// its reply is the step's latency. A reply that differs from the script, a connection that
/// ends early and a step that times out are errors: the guest hangs up and starts its next
/// call. Echo and ping guests keep one connection and repeat.
///
/// Loop thread only: `run` makes the loop, runs it on the calling thread and returns the
/// report when the duration is over.
public final class LoadDriver: ByteClientDelegate {
    public struct Settings: Sendable {
        public var host: String
        public var port: UInt16
        /// Guests at once (one connection each).
        public var concurrency: Int
        /// Seconds measured, after the warm-up.
        public var duration: Double
        /// Seconds run first and not counted: connections are made, caches warm.
        public var warmUp: Double
        /// Seconds to wait for a reply before counting an error.
        public var timeout: Double

        public init(host: String, port: UInt16, concurrency: Int, duration: Double, warmUp: Double = 1, timeout: Double = 5) {
            self.host = host
            self.port = port
            self.concurrency = concurrency
            self.duration = duration
            self.warmUp = warmUp
            self.timeout = timeout
        }
    }

    /// What a run measured (after the warm-up).
    public struct Report: Sendable {
        public var seconds: Double
        /// Calls finished as the script says (none for echo and ping, which never hang up).
        public var sessions: Int
        /// Lines the guests sent and got their whole answer to.
        public var guestLines: Int
        /// Per guest line: from sending it to the last byte of its answer.
        public var latency: LatencyHistogram
        /// Over the whole run, warm-up included.
        public var errors: Int
        /// The first few different errors, in words.
        public var errorSamples: [String]
        /// Set when the run stopped early because not one guest could connect: every
        /// guest's first call failed to connect, and none ever had (a wrong port, or no
        /// server). The figures are then meaningless.
        public var unreachable: String?

        public var sessionsPerSecond: Double { seconds > 0 ? Double(sessions) / seconds : 0 }
        public var linesPerSecond: Double { seconds > 0 ? Double(guestLines) / seconds : 0 }
    }

    /// Once a second while running, for a progress line.
    public struct Progress: Sendable {
        public var elapsed: Double
        public var connected: Int
        /// Over the last second.
        public var linesPerSecond: Double
        public var p99Microseconds: UInt64
        public var errors: Int
        public var isWarmingUp: Bool
    }

    private final class Guest {
        let number: Int
        var connection: Connection?
        /// The call under way (the last one, once it is done).
        var call: ScriptedCall?
        var sentAt = MonotonicTime(nanoseconds: 0)
        /// Since when the call's timeout runs (nil when none is armed), and for how long.
        /// Two stores per reply; the sweep does the sum.
        var waitingSince: MonotonicTime?
        var wait = 0.0
        /// The call ended (done or failed); its connection is closing.
        var isDone = false

        init(number: Int) {
            self.number = number
        }
    }

    private let loop: EventLoop
    private let scripts: [CallScript]
    private let settings: Settings
    private var client: Dialer!
    private var guests: [Guest] = []
    private var nextScript = 0
    /// What the call being driven asks for, carried out at once; reused from call to call.
    private var actions: [ScriptedCall.Action] = []
    private var isRunning = true
    private let progress: ((Progress) -> Void)?

    private var measuring = false
    private var measuredFrom = MonotonicTime(nanoseconds: 0)
    private var sessions = 0
    private var guestLines = 0
    private var latency = LatencyHistogram()
    private var errors = 0
    private var errorSamples: [String] = []
    private var started = MonotonicTime(nanoseconds: 0)
    private var secondLines = 0
    private var secondLatency = LatencyHistogram()
    private var lastProgress = MonotonicTime(nanoseconds: 0)
    /// Guests whose connect failed at once (out of ports or descriptors): tried again later.
    private var retry: [Guest] = []
    /// Whether any guest ever connected, and how many connects failed before one did.
    private var connectedOnce = false
    private var failedConnects = 0
    private var unreachable: String?

    private static let maxErrorSamples = 5
    private static let sweepSeconds = 0.25

    private init(loop: EventLoop, scripts: [CallScript], settings: Settings, progress: ((Progress) -> Void)?) {
        self.loop = loop
        self.scripts = scripts
        self.settings = settings
        self.progress = progress
    }

    /// Runs the load on this thread for `warmUp + duration` seconds; throws only when the
    /// loop cannot be made. An unreachable server shows as errors.
    public static func run(_ scripts: [CallScript], settings: Settings, progress: ((Progress) -> Void)? = nil) throws -> Report {
        precondition(!scripts.isEmpty && settings.concurrency > 0, "a load run needs scripts and guests")
        let loop = try EventLoop()
        defer { loop.close() }
        let driver = LoadDriver(loop: loop, scripts: scripts, settings: settings, progress: progress)
        var limits = ConnectionSettings()
        limits.maxConnections = Int.max
        driver.client = Dialer(loop: loop, limits: limits, byteDelegate: driver)
        driver.start()
        try loop.run()
        return driver.report(until: loop.now)
    }

    private func start() {
        started = loop.now
        lastProgress = started
        guests = (0..<settings.concurrency).map(Guest.init)
        for guest in guests { call(guest) }
        if settings.warmUp > 0 {
            loop.scheduleTimer(at: started.adding(seconds: settings.warmUp)) { [self] in beginMeasuring() }
        } else {
            beginMeasuring()
        }
        loop.scheduleTimer(at: started.adding(seconds: settings.warmUp + settings.duration)) { [self] in
            isRunning = false
            loop.stop()
        }
        scheduleSweep()
    }

    private func beginMeasuring() {
        measuring = true
        measuredFrom = loop.now
        sessions = 0
        guestLines = 0
        latency.reset()
    }

    private func report(until end: MonotonicTime) -> Report {
        Report(seconds: measuring ? end - measuredFrom : 0, sessions: sessions, guestLines: guestLines, latency: latency,
               errors: errors, errorSamples: errorSamples, unreachable: unreachable)
    }

    // MARK: Calls

    /// Starts the guest's next call on a new connection.
    private func call(_ guest: Guest) {
        guard isRunning else { return }
        guest.call = ScriptedCall(scripts[nextScript % scripts.count], timeout: settings.timeout)
        nextScript += 1
        guest.isDone = false
        guest.waitingSince = loop.now
        guest.wait = settings.timeout
        do {
            let connection = try client.connect(host: settings.host, port: settings.port)
            guest.connection = connection
            // Found again from the connection on every read, without a table lookup.
            connection.context = guest
        } catch {
            guest.connection = nil
            countError("\(error)")
            connectFailed("\(error)")
            retry.append(guest)
        }
    }

    public func connectionDidConnect(_ connection: Connection) {
        connectedOnce = true
        guard let guest = connection.context as? Guest, !guest.isDone else { return }
        guest.call?.connected(into: &actions)
        carryOut(for: guest)
    }

    public func connection(_ connection: Connection, didRead bytes: UnsafeRawBufferPointer) {
        guard let guest = connection.context as? Guest, !guest.isDone else { return }
        guest.call?.read(bytes, into: &actions)
        carryOut(for: guest)
    }

    public func connectionDidEndInput(_ connection: Connection) {
        guard let guest = connection.context as? Guest, !guest.isDone else { return }
        guest.call?.inputEnded(into: &actions)
        carryOut(for: guest)
    }

    public func connectionDidClose(_ connection: Connection, reason: CloseReason) {
        guard let guest = connection.context as? Guest else { return }
        guest.connection = nil
        if !guest.isDone {
            guest.call?.closed(reason, into: &actions)
            carryOut(for: guest)
        }
        call(guest)
    }

    /// Does what the guest's call asked, in order, and empties the list (from the end: a
    /// call asks for one to three things, and `removeAll(keepingCapacity:)` costs a generic
    /// range replacement whatever the count).
    private func carryOut(for guest: Guest) {
        for action in actions {
            switch action {
            case .send(let bytes):
                guest.sentAt = MonotonicTime.now()
                guest.connection?.send(bytes: bytes)
            case .armTimeout(let seconds):
                guest.waitingSince = loop.now
                guest.wait = seconds
            case .answered:
                countLine(since: guest.sentAt)
            case .typedAhead:
                countLine(since: nil)
            case .finish(let verdict):
                finish(guest, verdict)
            }
        }
        while actions.popLast() != nil {}
    }

    private func finish(_ guest: Guest, _ verdict: ScriptedCall.Verdict) {
        guest.isDone = true
        guest.waitingSince = nil
        switch verdict {
        case .passed:
            if measuring { sessions += 1 }
            // The line has hung up and everything it said is read (or the guest leaves now): a
            // reset, not the closing handshake, so the calls of a long run leave no TIME_WAIT
            // behind to slow later ones.
            guest.connection?.reset()
        case .failed(let divergence):
            countError(Self.describe(divergence, in: guest.call?.script.name ?? ""))
            guest.connection?.close(flushFirst: false)
        case .unreachable(let reason):
            countError(reason == .closedByServer ? "closed" : "\(settings.host):\(settings.port): \(reason)")
            if case .error(let code) = reason, !connectedOnce {
                connectFailed("\(SystemError.cannotConnect(to: "\(settings.host):\(settings.port)", errno: code))")
            }
        }
    }

    /// A connect failed before any succeeded: once every guest has failed so, there is
    /// no server to measure, and the run ends at once with `message`.
    private func connectFailed(_ message: String) {
        guard !connectedOnce, isRunning else { return }
        failedConnects += 1
        guard failedConnects >= settings.concurrency else { return }
        unreachable = message
        isRunning = false
        loop.stop()
    }

    private func countError(_ message: String) {
        errors += 1
        if errorSamples.count < Self.maxErrorSamples, !errorSamples.contains(message) { errorSamples.append(message) }
    }

    private func countLine(since sent: MonotonicTime?) {
        secondLines += 1
        if measuring { guestLines += 1 }
        guard let sent else { return }
        let now = MonotonicTime.now()
        let microseconds = now.nanoseconds > sent.nanoseconds ? (now.nanoseconds - sent.nanoseconds) / 1000 : 0
        secondLatency.record(microseconds: microseconds)
        if measuring { latency.record(microseconds: microseconds) }
    }

    // MARK: Settings and progress

    private func scheduleSweep() {
        loop.scheduleTimer(at: loop.now.adding(seconds: Self.sweepSeconds)) { [self] in
            sweep()
            if isRunning { scheduleSweep() }
        }
    }

    private func sweep() {
        let now = loop.now
        for guest in guests where !guest.isDone && guest.connection != nil {
            guard let since = guest.waitingSince, now - since >= guest.wait else { continue }
            guest.waitingSince = nil
            guest.call?.timedOut(into: &actions)
            carryOut(for: guest)
        }
        let waiting = retry
        retry.removeAll()
        for guest in waiting { call(guest) }
        if let progress, now - lastProgress >= 1 {
            let interval = now - lastProgress
            progress(Progress(elapsed: now - started, connected: client.connectionCount, linesPerSecond: Double(secondLines) / interval,
                              p99Microseconds: secondLatency.percentile(0.99), errors: errors, isWarmingUp: !measuring))
            secondLines = 0
            secondLatency.reset()
            lastProgress = now
        }
    }

    // MARK: Reports

    /// A divergence as one error sample: `file:line: what happened`, and for a line said
    /// differently what was expected and what came (at most 200 bytes of each).
    private static func describe(_ divergence: CallDivergence, in name: String) -> String {
        var text = divergence.line > 0 ? "\(name):\(divergence.line): \(divergence.message)" : "\(name): \(divergence.message)"
        switch divergence.kind {
        case .saidSomethingElse:
            text += ": expected \"\(printable(divergence.expected ?? ""))\", got \"\(printable(divergence.got ?? ""))\""
        case .saidMore:
            text += ": \"\(printable(divergence.got ?? ""))\""
        case .hungUp, .closed, .timedOut, .needsAgent, .needsWindow:
            break
        }
        return text
    }

    private static func printable(_ text: String) -> String {
        String(decoding: text.utf8.prefix(200), as: UTF8.self)
    }
}

@available(*, unavailable)
extension LoadDriver: Sendable {}
