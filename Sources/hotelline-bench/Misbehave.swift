import Glibc
import Reactor

/// `hotelline-bench misbehave`: thousands of callers who do everything wrong at once, on one
/// event loop, for `Scripts/soak`: idle ones (connect, read, never speak), slow ones (a
/// byte a second, never a whole line for long), flooders (lines as fast as the socket takes
/// them) and deaf ones (lines sent, nothing ever read). Each dials again when the line hangs
/// up on it, so the pressure stays up; the summary counts who was cut for what.
final class Misbehave: ByteClientDelegate {
    enum Kind: String, CaseIterable {
        case idle, slow, flood, deaf
    }

    private let loop: EventLoop
    private var dialer: Dialer!
    private let host: String
    private let port: UInt16
    private var kinds: [UInt64: Kind] = [:]
    private var slowProgress: [UInt64: Int] = [:]
    private var dialled: [Kind: Int] = [:]
    private var closed: [String: Int] = [:]
    private var busy = 0
    private var stopping = false
    private static let floodChunk = Array(String(repeating: "help\n", count: 3000).utf8)
    private static let slowLine = Array("24 December, slowly\n".utf8)

    init(loop: EventLoop, host: String, port: UInt16) {
        self.loop = loop
        self.host = host
        self.port = port
    }

    func start(_ counts: [Kind: Int]) {
        var limits = ConnectionSettings()
        limits.maxOutputBytes = 64 << 20  // the client's own queue: the flooders' lines wait here
        dialer = Dialer(loop: loop, limits: limits, byteDelegate: self)
        for (kind, count) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for index in 0..<count {
                // Spread over the first second: a storm of connects is another test.
                _ = loop.scheduleTimer(at: loop.now.adding(seconds: Double(index) / Double(max(count, 1)))) { [self] in dial(kind) }
            }
        }
    }

    func stop() { stopping = true }

    var summary: String {
        let dials = Kind.allCases.map { "\($0.rawValue) \(dialled[$0, default: 0])" }.joined(separator: ", ")
        let ends = closed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "misbehave: dialled \(dials); open at the end \(dialer.connectionCount); ended: \(ends.isEmpty ? "none" : ends); busy lines heard \(busy)"
    }

    private func dial(_ kind: Kind) {
        guard !stopping, let connection = try? dialer.connect(host: host, port: port) else { return }
        kinds[connection.id] = kind
        dialled[kind, default: 0] += 1
    }

    func connectionDidConnect(_ connection: Connection) {
        switch kinds[connection.id] {
        case .deaf?:
            connection.pauseReading()  // never reads: the line's output to it piles up
            feed(connection)
        case .flood?:
            feed(connection)
        case .slow?:
            trickle(connection)
        case .idle?, nil:
            break
        }
    }

    /// Queues another chunk of lines whenever the last has gone out, ten times a second
    /// (the socket takes far less than that once the line slows it down).
    private func feed(_ connection: Connection) {
        guard connection.isOpen, !stopping else { return }
        if connection.pendingOutputBytes < 64 * 1024 { connection.send(bytes: Self.floodChunk) }
        _ = loop.scheduleTimer(at: loop.now.adding(seconds: 0.1)) { [weak self, weak connection] in
            guard let self, let connection else { return }
            self.feed(connection)
        }
    }

    /// One byte a second.
    private func trickle(_ connection: Connection) {
        guard connection.isOpen, !stopping else { return }
        let next = slowProgress[connection.id, default: 0]
        connection.send(bytes: [Self.slowLine[next % Self.slowLine.count]])
        slowProgress[connection.id] = next + 1
        _ = loop.scheduleTimer(at: loop.now.adding(seconds: 1)) { [weak self, weak connection] in
            guard let self, let connection else { return }
            self.trickle(connection)
        }
    }

    func connection(_ connection: Connection, didRead bytes: UnsafeRawBufferPointer) {
        if bytes.count < 200, String(decoding: bytes, as: UTF8.self).contains("lines are busy") { busy += 1 }
    }

    func connectionDidEndInput(_ connection: Connection) {
        connection.close(flushFirst: false)
    }

    func connectionDidClose(_ connection: Connection, reason: CloseReason) {
        let kind = kinds.removeValue(forKey: connection.id)
        slowProgress[connection.id] = nil
        closed["\(kind?.rawValue ?? "?"): \(reason)", default: 0] += 1
        guard let kind, !stopping else { return }
        _ = loop.scheduleTimer(at: loop.now.adding(seconds: 0.5)) { [self] in dial(kind) }
    }

    /// `hotelline-bench misbehave --port N [--idle N] [--slow N] [--flood N] [--deaf N] [--seconds S]`
    static func run(_ options: BenchArguments) throws -> Int32 {
        try options.check(known: ["port", "idle", "slow", "flood", "deaf", "seconds"])
        let port = try options.number("port", default: 2323)
        guard port == port.rounded(), port < 65536 else { throw BenchArguments.Mistake(description: "--port must be a port number") }
        var counts: [Kind: Int] = [:]
        for kind in Kind.allCases { counts[kind] = try options.count(kind.rawValue, default: 0) }
        let seconds = try options.number("seconds", default: 30)
        var limit = rlimit()
        let wanted = rlim_t(counts.values.reduce(0, +) * 2 + 256)
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < wanted {
            limit.rlim_cur = min(wanted, limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        signal(SIGPIPE, SIG_IGN)
        let loop = try EventLoop()
        let clients = Misbehave(loop: loop, host: "127.0.0.1", port: UInt16(port))
        clients.start(counts)
        _ = loop.scheduleTimer(at: loop.now.adding(seconds: seconds)) {
            clients.stop()
            print(clients.summary)
            fflush(nil)
            loop.stop()
        }
        try loop.run()
        loop.close()
        return 0
    }
}

@available(*, unavailable)
extension Misbehave: Sendable {}
