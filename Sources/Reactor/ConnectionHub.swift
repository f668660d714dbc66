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
    /// The loop again, read without a reference count for the time it caches (`now`), which
    /// the input rate asks for every line: the hub never outlives its loop.
    private unowned(unsafe) let clock: EventLoop
    let limits: ConnectionSettings
    /// Servers answer telnet negotiation; the load client only reads lines.
    let answersTelnet: Bool
    /// What each connection may hand the kernel at most (unacknowledged bytes in its send
    /// queue), once a listener has bounded the send buffer (`kernelSendBufferTook`); nil for
    /// a client's connections, which count only their own buffer.
    private(set) var kernelShare: Int?
    /// What each connection may hold in its own buffer: `maxOutputBytes` less the kernel's share.
    private(set) var ownOutputBytes: Int
    /// Held strongly until the loop closes, so a delegate cannot vanish while serving.
    /// Nil for a byte client, which has `byteDelegate` instead.
    var delegate: (any ConnectionDelegate)? {
        didSet { inputDelegate = delegate }
    }
    /// `delegate` again, not counted, for the one call made for every line (`delegate`
    /// holds it for as long as the hub serves).
    private(set) unowned(unsafe) var inputDelegate: (any ConnectionDelegate)?
    /// Set, instead of `delegate`, for connections read as bytes unframed (the load driver,
    /// remote replay, the wallboard's HTTP): the codec is skipped.
    var byteDelegate: (any ByteConnectionDelegate)?

    private(set) var connections: [UInt64: Connection] = [:]
    /// Connections open from each address, while `maxConnectionsPerAddress` counts them. A
    /// connection holds its address's count and lets go of it without a lookup; counts
    /// fallen to zero are swept out when they outnumber the open connections.
    private var perAddress: [SocketAddress.HostKey: AddressCount] = [:]
    /// True while the addresses are counted: from when the connections open reach the
    /// per-address limit (below it no address can pass it, and nothing is counted) until
    /// they fall to half of it again.
    private var countingAddresses = false
    /// Held by connections when no limit counts them: its value means nothing.
    private let uncounted = AddressCount()
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
        self.clock = loop
        self.limits = limits
        self.answersTelnet = answersTelnet
        self.ownOutputBytes = limits.maxOutputBytes
        // Made now, at start-up, rather than by the first caller: the table's first growth
        // also instantiates its type.
        if limits.maxConnectionsPerAddress > 0 { perAddress.reserveCapacity(64) }
        // Strong captures: the loop keeps the hub for as long as it runs; `close()` on
        // the loop drops them and breaks the cycle.
        loop.addBeforeSleep { self.runQueues() }
        loop.addCloseAction { self.abandonAll() }
    }

    /// The kernel gave the listening socket a send buffer of `bytes` (accepted ones inherit
    /// it): each connection hands the kernel at most its share, and holds the rest itself.
    func kernelSendBufferTook(_ bytes: Int) {
        // Never less than the buffer the kernel gave: a socket it calls writable always has
        // room in the share, so waiting for writability never spins.
        let share = max(limits.kernelSendBytes, bytes)
        kernelShare = share
        ownOutputBytes = limits.ownOutputBytes(kernelShare: share)
    }
    /// The loop's time for this turn.
    var now: MonotonicTime { clock.now }

    func makeConnectionID() -> UInt64 {
        nextID += 1
        return nextID
    }

    func add(_ connection: Connection, interest: IOEvents) throws {
        try loop.register(connection.fd, interest: interest, handler: connection)
        connections[connection.id] = connection
    }

    func remove(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.id) != nil else { return }
        connection.addressCount?.value -= 1
    }

    /// Counts one more connection from `peer`, if that stays within `maxConnectionsPerAddress`:
    /// the count, for the connection to hold (`Connection.addressCount`, let go of in
    /// `remove`); nil, counting nothing, when it would go past.
    func reserve(_ peer: SocketAddress) -> AddressCount? {
        let limit = limits.maxConnectionsPerAddress
        guard limit > 0 else { return uncounted }
        if countingAddresses && connections.count < limit / 2 {
            stopCountingAddresses()
        } else if !countingAddresses && connections.count >= limit {
            startCountingAddresses()
        }
        guard countingAddresses else { return uncounted }
        if perAddress.count > 2 * connections.count + 64 { perAddress = perAddress.filter { $0.value.value > 0 } }
        let key = peer.hostKey
        let count: AddressCount
        if let known = perAddress[key] {
            count = known
        } else {
            count = AddressCount()
            perAddress[key] = count
        }
        guard count.value < limit else { return nil }
        count.value += 1
        return count
    }

    /// Counts every open connection by its address, from now on.
    private func startCountingAddresses() {
        countingAddresses = true
        for connection in connections.values {
            let key = connection.peerAddress.hostKey
            let count = perAddress[key] ?? AddressCount()
            perAddress[key] = count
            count.value += 1
            connection.addressCount = count
        }
    }

    private func stopCountingAddresses() {
        countingAddresses = false
        for connection in connections.values { connection.addressCount = nil }
        perAddress.removeAll(keepingCapacity: true)
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

/// How many connections are open from one address (see `ConnectionHub.reserve`).
final class AddressCount {
    var value = 0
}

@available(*, unavailable)
extension AddressCount: Sendable {}

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
