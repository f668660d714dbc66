import Glibc
import Telnet

/// What the connections of one server (or client) share: limits, delegate, the table of
/// live connections, and the work done for them before the loop sleeps.
///
/// The before-sleep work is Redis's: deliver input held back by `pauseReading`, write
/// every connection with new output once (`handleClientsWithPendingWrites`), then free
/// connections that ended during the turn (`freeClientsInAsyncFreeQueue`), repeating
/// while callbacks queue more, so nothing waits for an unrelated wake-up.
final class ConnectionHub {
    let loop: EventLoop
    let limits: ConnectionSettings
    /// Servers answer telnet negotiation; the load client only reads lines.
    let answersTelnet: Bool
    /// Held strongly until the loop closes, so a delegate cannot vanish while serving.
    /// Nil for a byte client, which has `byteDelegate` instead.
    var delegate: (any ConnectionDelegate)?
    /// Set, instead of `delegate`, for a client that reads bytes unframed (the load driver,
    /// remote replay): the codec is skipped.
    var byteDelegate: (any ByteClientDelegate)?

    private(set) var connections: [UInt64: Connection] = [:]
    /// Connections open from each address, when `maxConnectionsPerAddress` counts them.
    private var perAddress: [SocketAddress.HostKey: Int] = [:]
    private var lingering: [Int32: LingeringClose] = [:]
    private var nextID: UInt64 = 0
    private var resumeQueue: [Connection] = []
    private var flushQueue: [Connection] = []
    private var freeQueue: [Connection] = []
    private var batch: [Connection] = []
    private var eventScratch: [TelnetCodec.Event] = []
    private var runningQueues = false

    /// How long a closed socket waits for its peer's end of input, discarding it, so
    /// the kernel sends FIN rather than RST and the peer reads our last words.
    private static let lingerSeconds = 2.0

    init(loop: EventLoop, limits: ConnectionSettings, answersTelnet: Bool) {
        self.loop = loop
        self.limits = limits
        self.answersTelnet = answersTelnet
        // Strong captures: the loop keeps the hub for as long as it runs; `close()` on
        // the loop drops them and breaks the cycle.
        loop.addBeforeSleep { self.runQueues() }
        loop.addCloseAction { self.abandonAll() }
    }

    func makeConnectionID() -> UInt64 {
        nextID += 1
        return nextID
    }

    func add(_ connection: Connection, interest: IOEvents) throws {
        try loop.register(connection.fd, interest: interest, handler: connection)
        connections[connection.id] = connection
        if limits.maxConnectionsPerAddress > 0 { perAddress[connection.peerAddress.hostKey, default: 0] += 1 }
    }

    func remove(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.id) != nil, limits.maxConnectionsPerAddress > 0 else { return }
        let key = connection.peerAddress.hostKey
        if let count = perAddress[key], count > 1 { perAddress[key] = count - 1 } else { perAddress[key] = nil }
    }

    /// True when one more connection from `peer` stays within `maxConnectionsPerAddress`.
    func admits(_ peer: SocketAddress) -> Bool {
        limits.maxConnectionsPerAddress == 0 || perAddress[peer.hostKey, default: 0] < limits.maxConnectionsPerAddress
    }

    // Plain arrays, no key paths: a key path projection costs more than the append itself.
    func needsResume(_ connection: Connection) {
        resumeQueue.append(connection)
        wakeUpIfIdle()
    }

    func needsFlush(_ connection: Connection) {
        flushQueue.append(connection)
        wakeUpIfIdle()
    }

    func needsFree(_ connection: Connection) {
        freeQueue.append(connection)
        wakeUpIfIdle()
    }

    /// The reusable event array, lent out; the borrower gives it back with `returnEvents`.
    func borrowEvents() -> [TelnetCodec.Event] {
        var events: [TelnetCodec.Event] = []
        swap(&events, &eventScratch)
        return events
    }

    /// Takes the lent array back, emptied while the borrower's reference is its only one:
    /// emptying a second reference (the scratch, assigned first) would allocate a fresh
    /// buffer and free the old on every read. Emptied from the end, an event at a time: a
    /// read makes one or two, and `removeAll(keepingCapacity:)` costs a generic range
    /// replacement whatever the count.
    func returnEvents(_ events: inout [TelnetCodec.Event]) {
        while events.popLast() != nil {}
        swap(&events, &eventScratch)
    }

    /// Shuts our side, then closes once the peer is done or `lingerSeconds` pass. A socket
    /// still registered on the loop (a connection ending) keeps its registration, so the
    /// peer's end of input is simply the next readable event.
    func lingerClose(_ fd: Int32, registered: Bool = false) {
        shutdown(fd, Int32(SHUT_WR))
        let linger = LingeringClose(fd: fd, hub: self)
        if !registered || !loop.replaceHandler(fd, with: linger, interest: .readable) {
            let buffer = loop.readBuffer(capacity: limits.readChunkBytes)
            if Socket.discardInput(fd, using: buffer) {
                close(fd)
                return
            }
            do {
                try loop.register(fd, interest: .readable, handler: linger)
            } catch {
                close(fd)
                return
            }
        }
        linger.timer = loop.scheduleTimer(at: loop.now.adding(seconds: Self.lingerSeconds)) { [unowned self] in
            self.endLinger(fd)
        }
        lingering[fd] = linger
    }

    func endLinger(_ fd: Int32) {
        guard let linger = lingering.removeValue(forKey: fd) else { return }
        loop.forget(fd)
        if let timer = linger.timer { loop.cancelTimer(timer) }
        close(fd)
    }

    /// Work queued by a later before-sleep hook must not wait for the next event.
    private func wakeUpIfIdle() {
        if !runningQueues { loop.requestImmediateWakeUp() }
    }

    private func runQueues() {
        runningQueues = true
        defer { runningQueues = false }
        while !(resumeQueue.isEmpty && flushQueue.isEmpty && freeQueue.isEmpty) {
            // Each on a snapshot of its queue, so callbacks may queue more meanwhile.
            if !resumeQueue.isEmpty {
                swap(&resumeQueue, &batch)
                for connection in batch { connection.deliverHeldInput() }
                Self.empty(&batch)
            }
            if !flushQueue.isEmpty {
                swap(&flushQueue, &batch)
                for connection in batch { connection.flush() }
                Self.empty(&batch)
            }
            if !freeQueue.isEmpty {
                swap(&freeQueue, &batch)
                for connection in batch { connection.free() }
                Self.empty(&batch)
            }
        }
    }

    /// Empties a batch, keeping its memory, from the end: a batch holds a connection or
    /// two, and `removeAll(keepingCapacity:)` costs a generic range replacement whatever
    /// the count.
    private static func empty(_ batch: inout [Connection]) {
        while batch.popLast() != nil {}
    }

    /// The loop is closing: close every descriptor, tell no one.
    private func abandonAll() {
        for connection in connections.values {
            connection.abandon()
        }
        connections.removeAll()
        perAddress.removeAll()
        for fd in Array(lingering.keys) {
            endLinger(fd)
        }
        resumeQueue.removeAll()
        flushQueue.removeAll()
        freeQueue.removeAll()
        delegate = nil
        byteDelegate = nil
    }
}

@available(*, unavailable)
extension ConnectionHub: Sendable {}

/// A socket after our last word: drops what the peer still sends until it closes.
final class LingeringClose: EventLoopHandler {
    let fd: Int32
    unowned let hub: ConnectionHub
    var timer: TimerID?

    init(fd: Int32, hub: ConnectionHub) {
        self.fd = fd
        self.hub = hub
    }

    func handleEvents(_ events: IOEvents) {
        let buffer = hub.loop.readBuffer(capacity: hub.limits.readChunkBytes)
        if Socket.discardInput(fd, using: buffer) || events.contains(.error) {
            hub.endLinger(fd)
        }
    }
}

@available(*, unavailable)
extension LingeringClose: Sendable {}
