import Glibc
import Reactor
import Transcript

/// Many guests at once against a running line (or an echo server, or Redis), all on one
/// event loop through one `LineClient`: no thread per guest.
///
/// Each guest runs `LoadScript`s round-robin, one call per connection: it sends a step's
/// line, and as soon as the last byte it expects for that step has arrived, the next one
/// (no think time: a closed loop). The time from queueing a line to the arrival of the
/// last expected byte of its reply is the step's latency. A reply that differs from the
/// script, a connection that ends early and a step that times out are errors: the guest
/// hangs up and starts its next call. Echo and ping guests keep one connection and repeat.
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
        var connection: LineConnection?
        var script = 0
        var step = 0
        var piece = 0
        var offset = 0
        /// A pattern line arriving in pieces.
        var partial: [UInt8] = []
        var bindings = PlaceholderBindings()
        var sentAt = MonotonicTime(nanoseconds: 0)
        /// Waiting for bytes (or the connection) since then; nil when not waiting.
        var waitingSince: MonotonicTime?
        var awaitingHangUp = false
        /// The call ended (done or failed); its connection is closing.
        var isDone = false

        init(number: Int) {
            self.number = number
        }
    }

    private let loop: EventLoop
    private let scripts: [LoadScript]
    private let settings: Settings
    private var client: LineClient!
    private var guests: [Guest] = []
    private var byConnection: [UInt64: Guest] = [:]
    private var nextScript = 0
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

    private init(loop: EventLoop, scripts: [LoadScript], settings: Settings, progress: ((Progress) -> Void)?) {
        self.loop = loop
        self.scripts = scripts
        self.settings = settings
        self.progress = progress
    }

    /// Runs the load on this thread for `warmUp + duration` seconds; throws only when the
    /// loop cannot be made. An unreachable server shows as errors.
    public static func run(_ scripts: [LoadScript], settings: Settings, progress: ((Progress) -> Void)? = nil) throws -> Report {
        precondition(!scripts.isEmpty && settings.concurrency > 0, "a load run needs scripts and guests")
        let loop = try EventLoop()
        defer { loop.close() }
        let driver = LoadDriver(loop: loop, scripts: scripts, settings: settings, progress: progress)
        var limits = LineLimits()
        limits.maxConnections = Int.max
        driver.client = LineClient(loop: loop, limits: limits, byteDelegate: driver)
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
        guest.script = nextScript % scripts.count
        nextScript += 1
        guest.step = 0
        guest.piece = 0
        guest.offset = 0
        guest.partial.removeAll(keepingCapacity: true)
        guest.bindings = PlaceholderBindings()
        guest.awaitingHangUp = false
        guest.isDone = false
        guest.waitingSince = loop.now
        do {
            let connection = try client.connect(host: settings.host, port: settings.port)
            guest.connection = connection
            byConnection[connection.id] = guest
        } catch {
            guest.connection = nil
            countError("\(error)")
            connectFailed("\(error)")
            retry.append(guest)
        }
    }

    public func connectionDidConnect(_ connection: LineConnection) {
        connectedOnce = true
        guard let guest = byConnection[connection.id], !guest.isDone else { return }
        guest.sentAt = MonotonicTime.now()
        if scripts[guest.script].steps[0].expected.isEmpty {
            stepDone(guest)
        }
    }

    public func connection(_ connection: LineConnection, didRead bytes: UnsafeRawBufferPointer) {
        guard let guest = byConnection[connection.id], !guest.isDone else { return }
        let steps = scripts[guest.script].steps
        var input = bytes[...]
        while !input.isEmpty {
            guard !guest.awaitingHangUp, guest.piece < steps[guest.step].expected.count else {
                let got = Self.printable(input.prefix { $0 != 13 && $0 != 10 })
                return fail(guest, "the line said more than the transcript: \"\(got)\"", at: steps[guest.step].line)
            }
            switch steps[guest.step].expected[guest.piece] {
            case .bytes(let expected, let lines):
                let count = min(expected.count - guest.offset, input.count)
                let same = expected.withUnsafeBytes { want in
                    memcmp(want.baseAddress! + guest.offset, input.base.baseAddress! + input.startIndex, count) == 0
                }
                guard same else {
                    let (line, want, got) = Self.difference(expected, at: guest.offset, lines: lines, input: input)
                    return fail(guest, "the line said something else: expected \"\(want)\", got \"\(got)\"", at: line)
                }
                guest.offset += count
                input = input.dropFirst(count)
                if guest.offset == expected.count { pieceDone(guest) }
            case .pattern(let pattern, let line):
                if let end = input.firstIndex(of: 10) {
                    guest.partial.append(contentsOf: input[..<end])
                    input = input[(end + 1)...]
                    if guest.partial.last == 13 { guest.partial.removeLast() }
                    let text = String(decoding: guest.partial, as: UTF8.self)
                    guest.partial.removeAll(keepingCapacity: true)
                    guard guest.bindings.match(expected: pattern, actual: text) else {
                        return fail(guest, "the line said something else: expected \"\(pattern)\", got \"\(text)\"", at: line)
                    }
                    pieceDone(guest)
                } else {
                    guest.partial.append(contentsOf: input)
                    input = input[input.endIndex...]
                }
            }
            if guest.isDone { return }
        }
    }

    public func connectionDidEndInput(_ connection: LineConnection) {
        guard let guest = byConnection[connection.id], !guest.isDone else { return }
        guard guest.awaitingHangUp else {
            return fail(guest, "the line hung up before the transcript's end", at: scripts[guest.script].steps[guest.step].line)
        }
        callDone(guest)
    }

    public func connectionDidClose(_ connection: LineConnection, reason: CloseReason) {
        guard let guest = byConnection.removeValue(forKey: connection.id) else { return }
        guest.connection = nil
        if !guest.isDone {
            guest.isDone = true
            countError(reason == .closedByServer ? "closed" : "\(settings.host):\(settings.port): \(reason)")
            if case .error(let code) = reason, !connectedOnce {
                connectFailed("\(SystemError.cannotConnect(to: "\(settings.host):\(settings.port)", errno: code))")
            }
        }
        call(guest)
    }

    private func pieceDone(_ guest: Guest) {
        guest.piece += 1
        guest.offset = 0
        if guest.piece == scripts[guest.script].steps[guest.step].expected.count {
            stepDone(guest)
        }
    }

    /// Everything the step expects has arrived: count it, then send what comes next.
    private func stepDone(_ guest: Guest) {
        let script = scripts[guest.script]
        let step = script.steps[guest.step]
        if step.send != nil { countLine(since: guest.sentAt) }
        if step.hangsUp {
            guest.awaitingHangUp = true
            guest.waitingSince = loop.now
            return
        }
        while true {
            guest.step += 1
            if guest.step == script.steps.count {
                guard script.repeats else { return callDone(guest) }
                guest.step = 1
            }
            let next = script.steps[guest.step]
            guest.piece = 0
            guest.offset = 0
            guest.sentAt = MonotonicTime.now()
            switch next.send {
            case .bytes(let bytes): guest.connection?.send(bytes: bytes)
            case .text(let text): guest.connection?.sendLine(guest.bindings.filling(text))
            case nil: break
            }
            guard next.expected.isEmpty else {
                guest.waitingSince = loop.now
                return
            }
            if next.send != nil { countLine(since: nil) }  // typed ahead: its answer comes with a later line's
            if next.hangsUp {
                guest.awaitingHangUp = true
                guest.waitingSince = loop.now
                return
            }
        }
    }

    private func callDone(_ guest: Guest) {
        guest.isDone = true
        guest.waitingSince = nil
        if measuring { sessions += 1 }
        // The line has hung up and everything it said is read: a reset, not the closing
        // handshake, so the calls of a long run leave no TIME_WAIT behind to slow later ones.
        guest.connection?.reset()
    }

    private func fail(_ guest: Guest, _ message: String, at line: Int) {
        guest.isDone = true
        guest.waitingSince = nil
        let name = scripts[guest.script].name
        countError(line > 0 ? "\(name):\(line): \(message)" : "\(name): \(message)")
        guest.connection?.close(flushFirst: false)
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

    // MARK: Timeouts and progress

    private func scheduleSweep() {
        loop.scheduleTimer(at: loop.now.adding(seconds: Self.sweepSeconds)) { [self] in
            sweep()
            if isRunning { scheduleSweep() }
        }
    }

    private func sweep() {
        let now = loop.now
        for guest in guests where !guest.isDone {
            guard let since = guest.waitingSince, now - since > settings.timeout else { continue }
            let steps = scripts[guest.script].steps
            if guest.connection == nil { continue }
            fail(guest, "nothing arrived for \(settings.timeout) s", at: steps[guest.step].line)
        }
        let waiting = retry
        retry.removeAll()
        for guest in waiting { call(guest) }
        if let progress, now - lastProgress >= 1 {
            let interval = now - lastProgress
            progress(Progress(elapsed: now - started, connected: byConnection.count, linesPerSecond: Double(secondLines) / interval,
                              p99Microseconds: secondLatency.percentile(0.99), errors: errors, isWarmingUp: !measuring))
            secondLines = 0
            secondLatency.reset()
            lastProgress = now
        }
    }

    // MARK: Reports

    /// Where the input departs from `expected` (compared from `offset`): the transcript
    /// line, that line as expected, and as it arrived (what came before it in this line
    /// matched, so it is taken from `expected`).
    private static func difference(_ expected: [UInt8], at offset: Int, lines: [Int],
                                   input: Slice<UnsafeRawBufferPointer>) -> (line: Int, expected: String, got: String) {
        var matched = 0
        while matched < input.count, offset + matched < expected.count,
              expected[offset + matched] == input[input.startIndex + matched] { matched += 1 }
        let at = offset + matched
        let lineStart = expected[..<at].lastIndex(of: 10).map { $0 + 1 } ?? 0
        let lineEnd = expected[at...].firstIndex(of: 13) ?? expected.count
        let rest = input[(input.startIndex + matched)...]
        let got = expected[lineStart..<at] + rest.prefix { $0 != 13 && $0 != 10 }
        let newlines = expected[..<at].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        return (lines.isEmpty ? 0 : lines[min(newlines, lines.count - 1)],
                printable(expected[lineStart..<lineEnd]), printable(got))
    }

    private static func printable(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.prefix(200), as: UTF8.self)
    }
}

@available(*, unavailable)
extension LoadDriver: Sendable {}
