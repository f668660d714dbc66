import CSystem
import Glibc

/// A TCP server speaking lines: accepts guests (telnet or raw), frames their input and
/// carries their output, on one event loop.
///
/// Promises: accepting never blocks the loop and never spins it (out of descriptors, it
/// pauses accepting briefly); past `maxConnections`, or past `maxConnectionsPerAddress`
/// from the newcomer's address, a newcomer gets the busy message and is closed, and the
/// next one after a departure is served again; one peer's flood, stall or overflow never
/// holds up another. Loop thread only.
public final class Listener {
    /// The port actually bound (the free one chosen when asked for port 0).
    public let localPort: UInt16
    /// The address actually bound, e.g. `127.0.0.1`.
    public let localHost: String
    public let limits: ConnectionSettings

    private let loop: EventLoop
    private let hub: ConnectionHub
    /// Held strongly until the loop closes (which breaks the usual delegate cycle); one of
    /// the two is set: lines framed by the codec, or bytes as read.
    private var delegate: (any ListenerDelegate)?
    private var byteDelegate: (any ByteServerDelegate)?
    private var listenFD: Int32
    private var acceptPause: TimerID?

    /// Redis's MAX_ACCEPTS_PER_CALL: a connection storm cannot starve established guests.
    private static let maxAcceptsPerWakeUp = 1000
    /// How long accepting rests when the process is out of descriptors.
    private static let acceptPauseSeconds = 0.1

    /// Binds and listens (SO_REUSEADDR, non-blocking, large backlog). `host` is an IPv4 or
    /// IPv6 literal, `localhost`, or empty for every interface; port 0 picks a free port.
    /// Throws e.g. `cannot listen on 127.0.0.1:2323: address already in use`.
    public convenience init(loop: EventLoop, host: String, port: UInt16, limits: ConnectionSettings = ConnectionSettings(),
                            delegate: any ListenerDelegate) throws {
        try self.init(loop: loop, host: host, port: port, limits: limits, lines: delegate, bytes: nil)
    }

    /// A server whose connections hand `byteDelegate` the bytes as read, with no telnet and
    /// no line framing (nor the input rate, which counts lines), under the same limits on
    /// connections and output. Throws as the line server's `init` does.
    public convenience init(loop: EventLoop, host: String, port: UInt16, limits: ConnectionSettings = ConnectionSettings(),
                            byteDelegate: any ByteServerDelegate) throws {
        try self.init(loop: loop, host: host, port: port, limits: limits, lines: nil, bytes: byteDelegate)
    }

    private init(loop: EventLoop, host: String, port: UInt16, limits: ConnectionSettings,
                 lines delegate: (any ListenerDelegate)?, bytes byteDelegate: (any ByteServerDelegate)?) throws {
        guard let address = SocketAddress(host: host, port: port) else {
            throw SystemError.badAddress(host, port: port, doing: "listen on")
        }
        let fd = try Socket.listen(on: address, backlog: 4096).get()
        // Bounded once here, inherited by every accepted socket: output accounting counts it.
        let kernelSendBytes = Socket.boundSendBuffer(fd, to: limits.kernelSendBytes)
        let bound = Socket.localAddress(fd) ?? address
        self.localPort = bound.port
        self.localHost = bound.host
        self.limits = limits
        self.loop = loop
        self.hub = ConnectionHub(loop: loop, limits: limits, answersTelnet: true)
        if let kernelSendBytes { hub.kernelSendBufferTook(kernelSendBytes) }
        self.delegate = delegate
        self.byteDelegate = byteDelegate
        self.listenFD = fd
        if let delegate { hub.delegate = delegate }
        if let byteDelegate { hub.byteDelegate = byteDelegate }
        do {
            try loop.register(fd, interest: .readable, handler: self)
        } catch {
            Glibc.close(fd)
            throw error
        }
        loop.addCloseAction { [weak self] in
            self?.stopAccepting()
            self?.delegate = nil
            self?.byteDelegate = nil
        }
    }

    /// Connections open now, including those closing during this turn.
    public var connectionCount: Int { hub.connections.count }

    public var isAccepting: Bool { listenFD >= 0 }

    /// Closes the listening socket; established connections carry on.
    public func stopAccepting() {
        guard listenFD >= 0 else { return }
        if let acceptPause { loop.cancelTimer(acceptPause) }
        acceptPause = nil
        loop.unregister(listenFD)
        Glibc.close(listenFD)
        listenFD = -1
    }

    private func admit(_ fd: Int32, peer: SocketAddress) {
        guard hub.connections.count < limits.maxConnections, let count = hub.reserve(peer) else {
            refuse(fd)
            return
        }
        let connection = Connection(fd: fd, peerAddress: peer, hub: hub, connecting: false)
        connection.addressCount = count
        do {
            try hub.add(connection, interest: .readable)
        } catch {
            count.value -= 1
            Glibc.close(fd)
            return
        }
        delegate?.listener(self, didAccept: connection)
        byteDelegate?.listener(self, didAccept: connection)
    }

    /// Says the busy message straight away (a fresh socket takes a line without blocking)
    /// and closes gently, so the newcomer reads it before its end of input.
    private func refuse(_ fd: Int32) {
        var message = OutputBuffer()
        if let byteDelegate {
            byteDelegate.busyResponse(for: self).withUnsafeBytes { message.append($0) }
        } else {
            message.appendLine(delegate?.busyMessage(for: self) ?? "")
        }
        _ = message.withReadableBytes { Socket.send(fd, $0) }
        hub.lingerClose(fd)
    }

    private func pauseAccepting() {
        guard acceptPause == nil else { return }
        loop.setInterest(listenFD, [])
        acceptPause = loop.scheduleTimer(at: loop.now.adding(seconds: Self.acceptPauseSeconds)) { [weak self] in
            guard let self, self.listenFD >= 0 else { return }
            self.acceptPause = nil
            self.loop.setInterest(self.listenFD, .readable)
        }
    }
}

extension Listener: EventLoopHandler {
    func handleEvents(_ events: IOEvents) {
        for _ in 0..<Self.maxAcceptsPerWakeUp {
            guard listenFD >= 0 else { return }
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { csystem_accept4(listenFD, $0, &length, Socket.acceptFlags) }
            }
            if fd >= 0 {
                admit(fd, peer: SocketAddress(storage: storage, length: length))
                continue
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO, EPERM, ENETDOWN, ENOPROTOOPT, EHOSTDOWN, ENONET, EHOSTUNREACH,
                 EOPNOTSUPP, ENETUNREACH:
                continue // This newcomer failed; accept(2) says treat it as gone and go on.
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                // Level-triggered: the pending connection would wake us at once, forever.
                pauseAccepting()
                return
            default:
                return // EAGAIN: nobody else waiting.
            }
        }
    }
}

@available(*, unavailable)
extension Listener: Sendable {}
