import TestSupport
import Glibc
import Testing
import Telnet
import Reactor

/// The outbound side: a `Dialer` and a `Listener` on one loop, talking.
@Suite(.blocking) struct DialerTests {
    /// Sends a script of lines and records what comes back, then stops the loop.
    final class ScriptedClient: DialerDelegate {
        let loop: EventLoop
        var script: [String]
        var received: [TypedInput] = []
        var connected = false
        var closeReason: CloseReason?

        init(loop: EventLoop, script: [String]) {
            self.loop = loop
            self.script = script
        }

        func connectionDidConnect(_ connection: Connection) {
            connected = true
        }

        func connection(_ connection: Connection, didReceive input: TypedInput) {
            received.append(input)
            if input == .endOfInput { loop.stop() }
            if case .text(let text) = input, text.hasPrefix("welcome") || text.hasPrefix("echo") {
                if script.isEmpty {
                    connection.sendText("close")
                } else {
                    connection.sendText(script.removeFirst())
                }
            }
        }

        func connectionDidClose(_ connection: Connection, reason: CloseReason) {
            closeReason = reason
            loop.stop()
        }
    }

    @Test func clientAndServerOnOneLoopExchangeLines() throws {
        let loop = try EventLoop()
        defer { loop.close() }
        let server = try Listener(loop: loop, host: "127.0.0.1", port: 0, limits: ConnectionSettings(),
                                    delegate: EchoDelegate(loop: loop))
        let client = ScriptedClient(loop: loop, script: ["one", "twö", ""])
        let lineClient = Dialer(loop: loop, delegate: client)
        let connection = try lineClient.connect(host: "localhost", port: server.localPort)
        #expect(connection.peerAddress.description == "127.0.0.1:\(server.localPort)")
        loop.scheduleTimer(at: loop.now.adding(seconds: 10)) { loop.stop() }
        try loop.run()
        #expect(client.connected)
        #expect(client.received == [.text("welcome 1"), .text("echo: one"), .text("echo: twö"), .text("echo: "),
                                    .text("bye"), .endOfInput])
        #expect(client.closeReason == nil)
        connection.close()
        loop.requestImmediateWakeUp()
        loop.addBeforeSleep { loop.stop() }
        try loop.run()
        #expect(client.closeReason == .closedByServer)
        #expect(lineClient.connectionCount == 0)
    }

    @Test func refusedConnectionIsReported() throws {
        let loop = try EventLoop()
        defer { loop.close() }
        // A port that was free a moment ago: bind, read it back, close.
        let probe = try Listener(loop: loop, host: "127.0.0.1", port: 0, limits: ConnectionSettings(),
                                   delegate: EchoDelegate(loop: loop))
        let port = probe.localPort
        probe.stopAccepting()
        let client = ScriptedClient(loop: loop, script: [])
        let lineClient = Dialer(loop: loop, delegate: client)
        do {
            _ = try lineClient.connect(host: "127.0.0.1", port: port)
            loop.scheduleTimer(at: loop.now.adding(seconds: 10)) { loop.stop() }
            try loop.run()
            #expect(client.closeReason == .error(ECONNREFUSED))
        } catch {
            #expect("\(error)" == "cannot connect to 127.0.0.1:\(port): connection refused")
        }
        #expect(!client.connected)
    }

    /// After the peer's last words and end of input, `reset()` ends with a reset (the peer
    /// reads ECONNRESET, and no TIME_WAIT is left) where `close()` sends the closing
    /// handshake (the peer reads its end of input).
    @Test(arguments: [true, false])
    func resetEndsWithAResetWhereCloseSendsTheHandshake(resetting: Bool) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        try #require(bound)
        let loop = try EventLoop()
        defer { loop.close() }
        let client = ScriptedClient(loop: loop, script: [])
        let connection = try Dialer(loop: loop, delegate: client).connect(host: "127.0.0.1", port: UInt16(bigEndian: address.sin_port))
        let peer = accept(listener, nil, nil)
        try #require(peer >= 0)
        defer { Glibc.close(peer) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(peer, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = "bye\r\n".withCString { send(peer, $0, 5, 0) }
        shutdown(peer, Int32(SHUT_WR))
        loop.scheduleTimer(at: loop.now.adding(seconds: 10)) { loop.stop() }
        try loop.run()
        #expect(client.received == [.text("bye"), .endOfInput])
        if resetting { connection.reset() } else { connection.close() }
        loop.requestImmediateWakeUp()
        loop.addBeforeSleep { loop.stop() }
        try loop.run()
        #expect(client.closeReason == .closedByServer)
        var byte: UInt8 = 0
        let got = recv(peer, &byte, 1, 0)
        let error = errno
        if resetting {
            #expect(got == -1 && error == ECONNRESET, "recv gave \(got), errno \(error)")
        } else {
            #expect(got == 0, "recv gave \(got), errno \(error)")
        }
    }

    /// Takes the peer's bytes as read, and says when the connect, the end of input and the
    /// close come: no telnet anywhere.
    final class ByteRecorder: ByteClientDelegate {
        let loop: EventLoop
        var events: [String] = []
        var bytes: [UInt8] = []

        init(loop: EventLoop) {
            self.loop = loop
        }

        func connectionDidConnect(_ connection: Connection) {
            events.append("connected")
        }

        func connection(_ connection: Connection, didRead bytes: UnsafeRawBufferPointer) {
            if events.last != "bytes" { events.append("bytes") }
            self.bytes += bytes
            if self.bytes.count == "welcome 1\r\n".utf8.count { connection.send(bytes: Array("close\r\n".utf8)) }
        }

        func connectionDidEndInput(_ connection: Connection) {
            events.append("end of input")
            connection.close()
        }

        func connectionDidClose(_ connection: Connection, reason: CloseReason) {
            events.append("closed: \(reason)")
            loop.stop()
        }
    }

    @Test func aByteClientGetsTheBytesAsSentThenTheEndOfInputThenTheClose() throws {
        let loop = try EventLoop()
        defer { loop.close() }
        let server = try Listener(loop: loop, host: "127.0.0.1", port: 0, limits: ConnectionSettings(), delegate: EchoDelegate(loop: loop))
        let client = ByteRecorder(loop: loop)
        _ = try Dialer(loop: loop, byteDelegate: client).connect(host: "127.0.0.1", port: server.localPort)
        loop.scheduleTimer(at: loop.now.adding(seconds: 10)) { loop.stop() }
        try loop.run()
        #expect(String(decoding: client.bytes, as: UTF8.self) == "welcome 1\r\nbye\r\n")
        #expect(client.events == ["connected", "bytes", "end of input", "closed: closed by server"])
    }
}
