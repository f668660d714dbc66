import Reactor

/// The wallboard's HTTP/1.1 server, on the line's own event loop: the page, its live
/// figures (`/events`, `/state.json`) and `/metrics`, one request per connection.
///
/// Promises: a client is held to the guest line's limits: a request line or header line
/// longer than `--max-line` is refused (414, 431), the whole request head must arrive
/// within `--idle-timeout` (408), output held for one that stops reading is capped at
/// `--max-output` (then it is cut), and clients from one address at `--max-per-address`;
/// every refusal is a status with a sentence saying why. Each response ends the connection,
/// except an event stream, which is sent the figures each round they change until either
/// side closes. Nothing is read past a request's head. Loop thread only.
public final class WallboardServer {
    /// Where one connection stands.
    final class Exchange {
        enum State {
            /// Reading the request head; `timer` ends a client too slow to send it whole.
            case reading(HTTPRequestParser, timer: TimerID)
            /// Answered: closing once the answer is written; what the client sends is dropped.
            case answered
            /// Following `/events`; `dropped` counts what the client has sent since (nothing,
            /// from a browser).
            case streaming(dropped: Int)
        }

        var state: State

        init(_ state: State) {
            self.state = state
        }
    }

    public let listener: Listener
    private let loop: EventLoop
    private let settings: WallboardSettings
    private let limits: HTTPRequestParser.Limits
    private let requestSeconds: Double
    private let source: any WallboardSource
    /// Open event streams, by connection ID.
    private var streams: [UInt64: Connection] = [:]
    private var counts = LineMetrics.ServerCounts()
    private var roundTimer: TimerID?
    /// The figures last sent to the streams, and when something was last sent.
    private var lastSent = ""
    private var lastSentAt: MonotonicTime

    /// Listens on `settings.host:settings.port` (which must be set). `guests` are the
    /// guest line's connection limits and `requestSeconds` its idle time: what a wallboard
    /// client is held to. Throws when the port cannot be had.
    public init(loop: EventLoop, settings: WallboardSettings, guests: ConnectionSettings, requestSeconds: Double,
                source: any WallboardSource) throws {
        self.loop = loop
        self.settings = settings
        self.limits = HTTPRequestParser.Limits(maxLineBytes: guests.maxLineBytes, maxFieldBytes: 16 * guests.maxLineBytes)
        self.requestSeconds = requestSeconds
        self.source = source
        self.lastSentAt = loop.now
        let delegate = Delegate()
        listener = try Listener(loop: loop, host: settings.host, port: settings.port ?? 0,
                                limits: settings.connectionLimits(from: guests), byteDelegate: delegate)
        delegate.server = self
    }

    /// Event streams open now.
    public var streamCount: Int { streams.count }

    /// Closes the port and every stream (the line is stopping); a page shows it is
    /// reconnecting until the line is back.
    public func stop() {
        listener.stopAccepting()
        for connection in streams.values { connection.close(flushFirst: true) }
        if let roundTimer { loop.cancelTimer(roundTimer) }
        roundTimer = nil
    }

    // MARK: Connections

    func accepted(_ connection: Connection) {
        let timer = loop.scheduleTimer(at: loop.now.adding(seconds: requestSeconds)) { [weak self, weak connection] in
            guard let self, let connection, let exchange = connection.context as? Exchange,
                  case .reading = exchange.state else { return }
            exchange.state = .answered
            self.refuse(.tooSlow(seconds: self.requestSeconds), on: connection)
        }
        connection.context = Exchange(.reading(HTTPRequestParser(limits: limits), timer: timer))
    }

    func read(_ bytes: UnsafeRawBufferPointer, on connection: Connection) {
        guard let exchange = connection.context as? Exchange else { return }
        switch exchange.state {
        case .reading(var parser, let timer):
            exchange.state = .answered  // the parser is moved out while it reads, not copied
            switch parser.feed(bytes) {
            case .needMore:
                exchange.state = .reading(parser, timer: timer)
            case .request(let head, _):
                loop.cancelTimer(timer)
                answer(head, on: connection, exchange)
            case .refused(let refusal):
                loop.cancelTimer(timer)
                refuse(refusal, on: connection)
            }
        case .answered:
            break
        case .streaming(let dropped):
            // A page sends nothing on its stream; a client that does is not one.
            exchange.state = .streaming(dropped: dropped + bytes.count)
            if dropped + bytes.count > limits.maxLineBytes { connection.close(flushFirst: false) }
        }
    }

    func inputEnded(on connection: Connection) {
        guard let exchange = connection.context as? Exchange else { return }
        switch exchange.state {
        case .reading(let parser, let timer):
            loop.cancelTimer(timer)
            exchange.state = .answered
            if parser.hasStarted {
                refuse(.malformed("the request ended before the blank line that closes its head"), on: connection)
            } else {
                connection.close(flushFirst: false)
            }
        case .answered:
            break
        case .streaming:
            connection.close(flushFirst: false)
        }
    }

    func closed(_ connection: Connection) {
        if let exchange = connection.context as? Exchange, case .reading(_, let timer) = exchange.state { loop.cancelTimer(timer) }
        streams.removeValue(forKey: connection.id)
    }

    // MARK: Answers

    private func answer(_ head: HTTPRequestHead, on connection: Connection, _ exchange: Exchange) {
        let route: WallboardRoute, withBody: Bool
        switch WallboardRoute.route(head) {
        case .success(let found): (route, withBody) = found
        case .failure(let refusal): return refuse(refusal, on: connection)
        }
        switch route {
        case .page:
            let (language, labels) = source.wallboardLabels(language: head.queryValue("lang"))
            let page = WallboardPage.render(source.lineFigures(), labels: labels, language: language)
            send(HTTPResponse(status: .ok, contentType: "text/html; charset=utf-8", text: page), withBody: withBody, on: connection)
        case .state:
            let json = FiguresJSON.render(source.lineFigures())
            send(HTTPResponse(status: .ok, contentType: "application/json", text: json), withBody: withBody, on: connection)
        case .metrics:
            let text = LineMetrics.render(source.lineFigures(), server: serverCounts)
            send(HTTPResponse(status: .ok, contentType: MetricsExposition.contentType, text: text), withBody: withBody, on: connection)
        case .events:
            var response = HTTPResponse(status: .ok, contentType: "text/event-stream; charset=utf-8", body: [])
            response.streams = true
            guard withBody else { return send(response, withBody: false, on: connection) }
            counts.responses[200, default: 0] += 1
            connection.send(bytes: response.bytes(withBody: false))
            // The browser waits this long before it reconnects after a drop.
            connection.send("retry: 2000\n\n" + Self.event(FiguresJSON.render(source.lineFigures())))
            exchange.state = .streaming(dropped: 0)
            streams[connection.id] = connection
            scheduleRound()
        }
    }

    private func send(_ response: HTTPResponse, withBody: Bool, on connection: Connection) {
        counts.responses[response.status.code, default: 0] += 1
        connection.send(bytes: response.bytes(withBody: withBody))
        connection.close(flushFirst: true)
    }

    private func refuse(_ refusal: HTTPRefusal, on connection: Connection) {
        send(HTTPResponse(refusal: refusal), withBody: true, on: connection)
    }

    private var serverCounts: LineMetrics.ServerCounts {
        var current = counts
        current.streams = streams.count
        return current
    }

    // MARK: Streams

    private static func event(_ json: String) -> String { "data: \(json)\n\n" }

    private func scheduleRound() {
        guard roundTimer == nil, !streams.isEmpty else { return }
        roundTimer = loop.scheduleTimer(at: loop.now.adding(seconds: settings.roundSeconds)) { [weak self] in
            guard let self else { return }
            self.roundTimer = nil
            self.round()
            self.scheduleRound()
        }
    }

    /// Each round with a stream open: the figures to every stream if they changed, else,
    /// now and then, a comment to keep it open.
    private func round() {
        guard !streams.isEmpty else { return }
        let json = FiguresJSON.render(source.lineFigures())
        let text: String
        if json != lastSent {
            text = Self.event(json)
            lastSent = json
        } else if loop.now - lastSentAt >= settings.keepAliveSeconds {
            text = ": the line is quiet\n\n"
        } else {
            return
        }
        lastSentAt = loop.now
        for connection in streams.values { connection.send(text) }
    }

    func busyResponse() -> [UInt8] {
        counts.responses[HTTPStatus.serviceUnavailable.code, default: 0] += 1
        return HTTPResponse(refusal: .busy).bytes(withBody: true)
    }

    /// The listener's delegate: holds the server weakly, so the listener (which keeps its
    /// delegate until the loop closes) does not keep the server and its source alive.
    private final class Delegate: ByteServerDelegate {
        weak var server: WallboardServer?

        func listener(_ server: Listener, didAccept connection: Connection) { self.server?.accepted(connection) }
        func connection(_ connection: Connection, didRead bytes: UnsafeRawBufferPointer) { server?.read(bytes, on: connection) }
        func connectionDidEndInput(_ connection: Connection) { server?.inputEnded(on: connection) }
        func connectionDidClose(_ connection: Connection, reason: CloseReason) { server?.closed(connection) }
        func busyResponse(for server: Listener) -> [UInt8] { self.server?.busyResponse() ?? [] }
    }
}

@available(*, unavailable)
extension WallboardServer: Sendable {}
