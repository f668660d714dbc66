import CSystem
import Glibc
import Telnet

/// One peer on the line: its socket, its telnet codec and its output buffer.
///
/// Promises: `send` never fails: output is queued and written once per connection per loop
/// turn (before the loop sleeps), or at once when it would pass what the connection may
/// hold in its own buffer; a peer that lets more than `maxOutputBytes` pile up, in our
/// buffer and the kernel's send buffer together, is closed with `.outputOverflow` after the
/// turn, with a reset, so the kernel lets go of what it held for them at once.
/// `close` may be called anywhere, even from inside a delegate callback: the connection
/// is freed after the turn and `connectionDidClose` comes then, exactly once. A raw peer
/// (its first line ended with a bare LF and it never sent IAC) is never sent an IAC byte by
/// this class; a peer whose first line ends with CR LF is sent the policy's probe alone
/// (`TelnetCodec`). While the codec awaits a telnet peer's answers, its input is held (at
/// most `negotiationWaitSeconds`), so what it hears next is laid out for its window and sent
/// as the agreed text. Loop thread only.
public final class Connection {
    /// Where the connection stands; the hub's queues move it along.
    enum State {
        /// An outbound connect is under way: output is queued, nothing is read.
        case connecting
        /// Reading and writing.
        case open
        /// `close(flushFirst: true)` was called: queued output drains, nothing more is
        /// read or queued; `timer` gives up on a peer that does not read.
        case draining(timer: TimerID)
        /// Ended during this turn; freed (fd closed, delegate told) before the loop sleeps.
        case closing(CloseReason, graceful: Bool)
        /// Freed. Every call is a harmless no-op now.
        case closed
    }

    /// Unique among the connections of one server (or client) for its lifetime.
    public let id: UInt64
    /// What the delegate keeps for this connection (the switchboard: the guest's session),
    /// reached without a table lookup per line. Let go once `connectionDidClose` has been
    /// told, or when the loop abandons the connection, so a context that holds its
    /// connection makes no lasting cycle.
    public var context: AnyObject?
    /// The peer's address, kept as an address: `host` to count or log the peer by,
    /// `description` for `host:port` (IPv6 in brackets).
    public let peerAddress: SocketAddress
    let fd: Int32
    /// Hubs outlive their open connections; a closed connection never touches its hub.
    /// Unchecked (`unowned(unsafe)`) for that reason: a checked unowned reference costs a
    /// reference-count check on every use, and the hub is used on every read and write.
    private unowned(unsafe) let hub: ConnectionHub
    private(set) var state: State
    private var codec: TelnetCodec
    private var output = OutputBuffer()
    private var inputEnded = false
    private var readingPaused = false
    /// Input decoded but not delivered because reading was paused meanwhile.
    private var heldInput = HeldInput()
    private var queuedForFlush = false
    private var waitingForWritable = false
    /// At least what the kernel holds for this peer (unacknowledged bytes in its send
    /// queue): the queue as last read (SIOCOUTQ) plus what was written since. It is read
    /// again only when a write might pass the kernel's share, so a peer that reads costs a
    /// system call per share's worth of output, not per write.
    private var kernelHeld = 0
    /// Set while the codec negotiates and input is held for it: fires at the wait's end.
    private var negotiationTimer: TimerID?
    /// The input rate, when `maxLinesPerSecond` limits it.
    private var rate: InputRateLimit?
    /// Set while input waits on the input rate: fires when a line's allowance is back.
    private var rateTimer: TimerID?
    /// Why a close under way ends the connection: `.closedByServer` unless said otherwise.
    private var closeReason = CloseReason.closedByServer
    /// The count of connections from this peer's address it is one of (a listener's).
    var addressCount: AddressCount?
    /// Input held for a negotiation past which reading stops until it ends.
    private static let maxHeldWhileNegotiating = 32

    init(fd: Int32, peerAddress: SocketAddress, hub: ConnectionHub, connecting: Bool) {
        self.id = hub.makeConnectionID()
        self.fd = fd
        self.peerAddress = peerAddress
        self.hub = hub
        self.state = connecting ? .connecting : .open
        self.codec = TelnetCodec(maxLineBytes: hub.limits.maxLineBytes, policy: hub.answersTelnet ? hub.limits.telnet : .refusing)
        if hub.limits.maxLinesPerSecond > 0 {
            rate = InputRateLimit(linesPerSecond: hub.limits.maxLinesPerSecond, burst: hub.limits.lineBurst,
                                  floodSeconds: hub.limits.floodSeconds, now: hub.loop.now)
        }
    }

    /// True once the peer is known to speak telnet (it sent a command or CR NUL, or
    /// answered the probe): only then may options be negotiated.
    public var isTelnetPeer: Bool { codec.sawTelnet }

    /// What the codec knows of the peer's telnet so far.
    public var telnetPeer: TelnetCodec.Peer { codec.peer }

    /// Output queued and not yet taken by the kernel.
    public var pendingOutputBytes: Int { output.count }

    /// True until `close()` is called or the connection ends.
    public var isOpen: Bool {
        switch state {
        case .connecting, .open: true
        case .draining, .closing, .closed: false
        }
    }

    // MARK: Output

    /// Queues the UTF-8 bytes of `text` as they are.
    public func send(_ text: String) {
        guard isOpen else { return }
        output.append(text)
        outputDidGrow()
    }

    /// Queues `text` and CR LF; any bare LF inside `text` becomes CR LF as well.
    public func sendText(_ text: String) {
        guard isOpen else { return }
        output.appendLine(text)
        outputDidGrow()
    }

    /// Queues raw bytes as data: to a telnet peer each 0xFF goes doubled (IAC IAC), so it
    /// arrives as the byte and not as a command.
    public func send(bytes: UnsafeRawBufferPointer) {
        guard isOpen else { return }
        if isTelnetPeer, let base = bytes.baseAddress, memchr(base, 0xFF, bytes.count) != nil {
            TelnetCodec.escapingIAC(bytes).withUnsafeBytes { output.append($0) }
        } else {
            output.append(bytes)
        }
        outputDidGrow()
    }

    public func send(bytes: [UInt8]) {
        bytes.withUnsafeBytes { send(bytes: $0) }
    }

    // MARK: Telnet options

    /// Options we agree to perform when a telnet peer asks; others are refused.
    public var acceptedLocalOptions: Set<UInt8> {
        get { codec.acceptsLocal }
        set { codec.acceptsLocal = newValue }
    }

    /// Options we let a telnet peer perform when it offers; others are refused.
    public var acceptedRemoteOptions: Set<UInt8> {
        get { codec.acceptsRemote }
        set { codec.acceptsRemote = newValue }
    }

    public func isLocalOptionEnabled(_ option: UInt8) -> Bool { codec.isLocalEnabled(option) }
    public func isRemoteOptionEnabled(_ option: UInt8) -> Bool { codec.isRemoteEnabled(option) }

    /// Asks to turn an option we perform on or off (WILL ECHO hides a PIN as it is typed).
    /// Does nothing for a raw peer, which must never see IAC.
    public func setLocalOption(_ option: UInt8, enabled: Bool) {
        guard isTelnetPeer, isOpen else { return }
        queueReply(enabled ? codec.enableLocal(option) : codec.disableLocal(option))
    }

    /// Asks the peer to turn an option it performs on or off. Nothing for a raw peer.
    public func setRemoteOption(_ option: UInt8, enabled: Bool) {
        guard isTelnetPeer, isOpen else { return }
        queueReply(enabled ? codec.enableRemote(option) : codec.disableRemote(option))
    }

    /// Queues telnet commands as they are (never escaped).
    private func queueReply(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, isOpen else { return }
        bytes.withUnsafeBytes { output.append($0) }
        outputDidGrow()
    }

    // MARK: Flow control and closing

    /// Stops delivering input (and reading the socket) until `resumeReading()`.
    public func pauseReading() {
        guard !readingPaused else { return }
        readingPaused = true
        updateInterest()
    }

    /// Delivers input held back by `pauseReading()` (after the current turn), then reads on.
    public func resumeReading() {
        guard readingPaused else { return }
        readingPaused = false
        releaseHeldInput()
    }

    /// Held input goes out after the turn, unless something still holds it.
    private func releaseHeldInput() {
        if heldInput.isEmpty || isHoldingInput {
            updateInterest()
        } else if isOpen {
            hub.needsResume(self)
        }
    }

    /// Input is held rather than delivered: reading is paused, a negotiation is awaited, or
    /// the input rate says wait.
    private var isHoldingInput: Bool { readingPaused || negotiationTimer != nil || rateTimer != nil }

    /// Whether to read the socket now: not while paused, and not while input waits to be
    /// delivered, except a few lines held for a negotiation (whose answers must be read).
    private var wantsToRead: Bool {
        guard !inputEnded, !readingPaused else { return false }
        return heldInput.isEmpty || (negotiationTimer != nil && heldInput.count < Self.maxHeldWhileNegotiating)
    }

    // MARK: Negotiation

    /// The codec started waiting for telnet answers: hold input until they come, or for
    /// `negotiationWaitSeconds` at most.
    private func holdForNegotiation() {
        guard negotiationTimer == nil else { return }
        negotiationTimer = hub.loop.scheduleTimer(at: hub.loop.now.adding(seconds: hub.limits.negotiationWaitSeconds)) { [weak self] in
            guard let self else { return }
            self.negotiationTimer = nil
            self.codec.stopWaiting()
            self.releaseHeldInput()
        }
    }

    // MARK: Input rate

    /// True when the input rate lets `input` go now (no rate, the end of input, or a line
    /// within it); otherwise it waits (false: the caller keeps it held) or, past the flood
    /// time, the connection is cut (false, and it is dropped).
    @inline(__always)
    private func rateAllows(_ input: TypedInput) -> Bool {
        rate == nil || input.isEndOfInput || rate!.takeAtOnce(at: hub.now) || rateRefused()
    }

    /// A line the input rate did not take at once: waits, or is cut (true only if it may go after all).
    private func rateRefused() -> Bool {
        if rate != nil {
            switch rate!.refused(at: hub.now) {
            case .deliver:
                return true
            case .wait(let until):
                rateTimer = hub.loop.scheduleTimer(at: until) { [weak self] in
                    guard let self else { return }
                    self.rateTimer = nil
                    self.releaseHeldInput()
                }
                updateInterest()  // nothing more is read meanwhile: the peer's own socket fills
                return false
            case .cut:
                heldInput.removeAll()
                if let delegate = hub.delegate { output.appendLine(delegate.inputRateMessage(for: self)) }
                closeReason = .inputFlood
                close(flushFirst: true)
                return false
            }
        }
        return true
    }

    private func endNegotiationHold() {
        guard let timer = negotiationTimer else { return }
        hub.loop.cancelTimer(timer)
        negotiationTimer = nil
        releaseHeldInput()
    }

    /// Ends the connection. With `flushFirst`, queued output is written first, giving up
    /// after `closeTimeout` seconds on a peer that does not read. Input arriving after
    /// this call is dropped. `connectionDidClose(.closedByServer)` follows after the turn.
    public func close(flushFirst: Bool = true) {
        switch state {
        case .connecting:
            markClosing(closeReason, graceful: false)
        case .open:
            guard flushFirst, !output.isEmpty else {
                output.removeAll()
                markClosing(closeReason, graceful: true)
                return
            }
            let deadline = hub.loop.now.adding(seconds: hub.limits.closeTimeout)
            let timer = hub.loop.scheduleTimer(at: deadline) { [weak self] in
                guard let self else { return }
                self.markClosing(self.closeReason, graceful: false)
            }
            state = .draining(timer: timer)
            scheduleFlush()
            // The flush comes before the loop sleeps and sets the interest then; only a
            // connection already waiting to write must stop reading now.
            if waitingForWritable { updateInterest() }
        case .draining, .closing, .closed:
            return
        }
    }

    /// Ends the connection with a reset instead of the closing handshake: nothing queued is
    /// sent, and neither end keeps the connection in TIME_WAIT. For a client that has read
    /// the peer's end of input and has nothing left to say (the load driver, ending
    /// thousands of calls a second, which would otherwise fill the kernel's table of closed
    /// connections); never for a guest, whose last words the handshake protects.
    public func reset() {
        switch state {
        case .connecting, .open, .draining:
            var abortive = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, socklen_t(MemoryLayout<linger>.size))
            output.removeAll()
            markClosing(.closedByServer, graceful: false)
        case .closing, .closed:
            return
        }
    }

    // MARK: Loop side

    private func outputDidGrow() {
        if output.count > hub.ownOutputBytes {
            // Past our own share: the kernel may have room for the rest (a reader's buffer
            // drains), so try it now; if it takes too little, the peer is not reading.
            writeEarly()
            guard output.count <= hub.ownOutputBytes else {
                output.removeAll()
                markClosing(.outputOverflow, graceful: false)
                return
            }
        }
        scheduleFlush()
    }

    /// One write before the turn ends, for output about to pass its bound; a socket already
    /// waiting to be writable has no room, and one not yet connected takes nothing.
    private func writeEarly() {
        switch state {
        case .open, .draining: break
        case .connecting, .closing, .closed: return
        }
        guard !waitingForWritable else { return }
        let written = writeToKernel(last: false)
        if written > 0 {
            output.consume(written)
        } else if written != -Int(EAGAIN) && written != -Int(EINTR) {
            markClosing(Socket.closeReason(errno: Int32(-written)), graceful: false)
        }
    }

    /// Writes what the kernel's share leaves room for: bytes written, or -errno (-EAGAIN
    /// when there is no room). Never more than the share in the kernel, so what is held for
    /// a peer that stops reading is our buffer plus at most the share: `maxOutputBytes`.
    /// (The send buffer alone would not bound it: a write may grow the queue's last
    /// segment past the buffer's size, by up to 64 KiB.)
    private func writeToKernel(last: Bool) -> Int {
        guard let share = hub.kernelShare else {
            return output.withReadableBytes { Socket.send(fd, $0, last: last) }
        }
        var room = share - kernelHeld
        if room < output.count {
            let queued = Int(csystem_send_queue_bytes(fd))
            if queued >= 0 { kernelHeld = queued }
            room = share - kernelHeld
        }
        guard room > 0 else { return -Int(EAGAIN) }
        let count = min(room, output.count)
        let written = output.withReadableBytes { Socket.send(fd, UnsafeRawBufferPointer(rebasing: $0[..<count]), last: last && count == $0.count) }
        if written > 0 { kernelHeld += written }
        return written
    }

    private func scheduleFlush() {
        switch state {
        case .open, .draining:
            guard !queuedForFlush, !waitingForWritable else { return }
            queuedForFlush = true
            hub.needsFlush(self)
        case .connecting, .closing, .closed:
            return // A connecting socket is flushed once connected.
        }
    }

    /// The hub's before-sleep write: one write, then wait for writability if bytes remain.
    func flush() {
        queuedForFlush = false
        guard !waitingForWritable else { return }
        writeOnce()
    }

    private func writeOnce() {
        switch state {
        case .open, .draining: break
        case .connecting, .closing, .closed: return
        }
        if !output.isEmpty {
            // Draining, the close comes once the output is all written: the FIN may carry its tail.
            let last: Bool = if case .draining = state { true } else { false }
            let written = writeToKernel(last: last)
            if written > 0 {
                output.consume(written)
            } else if written != -Int(EAGAIN) && written != -Int(EINTR) {
                markClosing(Socket.closeReason(errno: Int32(-written)), graceful: false)
                return
            }
        }
        waitingForWritable = !output.isEmpty
        if case .draining = state, output.isEmpty {
            markClosing(closeReason, graceful: true)
            return
        }
        updateInterest()
    }

    /// Marks the connection ended; the hub frees it before the loop sleeps.
    func markClosing(_ reason: CloseReason, graceful: Bool) {
        if let timer = negotiationTimer {
            hub.loop.cancelTimer(timer)
            negotiationTimer = nil
        }
        if let timer = rateTimer {
            hub.loop.cancelTimer(timer)
            rateTimer = nil
        }
        switch state {
        case .draining(let timer):
            hub.loop.cancelTimer(timer)
        case .connecting, .open:
            break
        case .closing, .closed:
            return
        }
        // No interest change: the free comes before the loop sleeps again, and until then an
        // event for this fd finds it closing and is ignored.
        state = .closing(reason, graceful: graceful)
        hub.needsFree(self)
    }

    /// The hub's after-the-turn free: close the socket, then tell the delegate.
    func free() {
        guard case .closing(let reason, let graceful) = state else { return }
        state = .closed
        if graceful && !inputEnded {
            hub.lingerClose(fd, registered: true)
        } else if reason == .outputOverflow {
            // A peer that stopped reading: reset, or the kernel keeps what it holds for them
            // (a send buffer's worth) while it probes a closed window for minutes.
            hub.loop.forget(fd)
            var abortive = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, socklen_t(MemoryLayout<linger>.size))
            Glibc.close(fd)
        } else {
            // Nothing unread can be left after the peer's end of input: the close sends FIN.
            hub.loop.forget(fd)
            Glibc.close(fd)
        }
        output.removeAll()
        heldInput.removeAll()
        hub.remove(self)
        hub.delegate?.connectionDidClose(self, reason: reason)
        hub.byteDelegate?.connectionDidClose(self, reason: reason)
        context = nil
    }

    /// The loop is closing: close the socket without telling anyone.
    func abandon() {
        if case .closed = state { return }
        if case .draining(let timer) = state { hub.loop.cancelTimer(timer) }
        if let timer = negotiationTimer { hub.loop.cancelTimer(timer) }
        if let timer = rateTimer { hub.loop.cancelTimer(timer) }
        negotiationTimer = nil
        rateTimer = nil
        state = .closed
        context = nil
        hub.loop.unregister(fd)
        Glibc.close(fd)
    }

    private func updateInterest() {
        var interest: IOEvents = []
        switch state {
        case .connecting:
            interest = .writable
        case .open:
            if wantsToRead { interest.insert(.readable) }
            if waitingForWritable { interest.insert(.writable) }
        case .draining:
            if waitingForWritable { interest.insert(.writable) }
        case .closing, .closed:
            return
        }
        hub.loop.setInterest(fd, interest)
    }
}

extension Connection: EventLoopHandler {
    func handleEvents(_ events: IOEvents) {
        switch state {
        case .connecting:
            finishConnecting()
            return
        case .open, .draining:
            break
        case .closing, .closed:
            return
        }
        if events.contains(.readable), case .open = state, wantsToRead {
            readOnce()
        }
        if events.contains(.writable), waitingForWritable {
            writeOnce()
        }
        if !events.isDisjoint(with: [.error, .hangup]) {
            peerVanished(error: events.contains(.error))
        }
    }

    /// One bounded read into the loop's shared buffer, decoded and delivered at once.
    private func readOnce() {
        let buffer = hub.loop.readBuffer(capacity: hub.limits.readChunkBytes)
        let got = Glibc.read(fd, buffer.baseAddress, buffer.count)
        if got > 0, let bytes = hub.byteDelegate {
            bytes.connection(self, didRead: UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
        } else if got > 0 {
            var events = hub.borrowEvents()
            let negotiating = codec.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<got]), into: &events)
            // Answers to the peer's telnet commands go out before anything this chunk's
            // lines make us say. Ctrl-C in telnet arrives as IAC IP IAC DO TIMING-MARK, and
            // telnet throws away what it receives until the timing mark is answered: an
            // answer queued after the goodbye would swallow the goodbye. What the peer
            // reports of its terminal is told first too (never held): a window size sent
            // with lines applies to the answers to them.
            for event in events {
                switch event {
                case .typed: continue
                case .reply(let bytes): if hub.answersTelnet { queueReply(bytes) }
                case .report(let report): if case .open = state { hub.delegate?.connection(self, didReport: report) }
                }
            }
            // A negotiation under way holds this chunk's lines too: the reply to the line that
            // made the line ask is laid out once the window size is known.
            if negotiating, hub.answersTelnet { holdForNegotiation() }
            for event in events {
                deliver(event)
            }
            hub.returnEvents(&events)
            if negotiationTimer != nil, !negotiating { endNegotiationHold() }
        } else if got == 0 {
            inputEnded = true
            if let bytes = hub.byteDelegate {
                bytes.connectionDidEndInput(self)
            } else {
                if let last = codec.finish() {
                    deliverInput(last)
                }
                deliverInput(.endOfInput)
            }
            // Level-triggered epoll reports EOF forever: stop asking (unless the delegate
            // closed the connection meanwhile, which settles its interest itself).
            if case .open = state { updateInterest() }
        } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
            markClosing(Socket.closeReason(errno: errno), graceful: false)
        }
    }

    private func deliver(_ event: TelnetCodec.Event) {
        switch event {
        case .reply, .report:
            break  // sent and told by `readOnce` before the chunk's input is delivered
        case .typed(let input): deliverInput(input)
        }
    }

    private func deliverInput(_ input: TypedInput) {
        guard case .open = state else { return }
        if isHoldingInput || !heldInput.isEmpty {
            heldInput.append(input)
        } else if rate == nil || input.isEndOfInput || rate!.takeAtOnce(at: hub.now) {
            hub.inputDelegate?.connection(self, didReceive: input)
        } else if rateRefused() {
            hub.delegate?.connection(self, didReceive: input)
        } else if case .open = state {
            heldInput.append(input)
        }
    }

    /// The hub's before-sleep delivery of input held while paused.
    func deliverHeldInput() {
        while let input = heldInput.first, !isHoldingInput, case .open = state {
            guard rateAllows(input) else { break }
            heldInput.removeFirst()
            hub.delegate?.connection(self, didReceive: input)
        }
        if case .open = state {
            if heldInput.isEmpty { rate?.caughtUp() }
            updateInterest()
        }
    }

    /// ERR or HUP: the socket is dead in a way epoll keeps reporting, so end it now,
    /// except that input still buffered after a HUP is read first (by the coming turns).
    private func peerVanished(error: Bool) {
        switch state {
        case .open, .draining: break
        case .connecting, .closing, .closed: return
        }
        if error {
            let code = Socket.pendingError(fd)
            markClosing(code == 0 ? .peerClosed : Socket.closeReason(errno: code), graceful: false)
        } else if case .open = state, wantsToRead {
            return
        } else {
            markClosing(.peerClosed, graceful: false)
        }
    }

    private func finishConnecting() {
        let code = Socket.pendingError(fd)
        guard code == 0 else {
            markClosing(.error(code), graceful: false)
            return
        }
        state = .open
        updateInterest()
        if !output.isEmpty { scheduleFlush() }
        if let bytes = hub.byteDelegate {
            (bytes as? any ByteClientDelegate)?.connectionDidConnect(self)
        } else {
            (hub.delegate as? DialerDelegate)?.connectionDidConnect(self)
        }
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
