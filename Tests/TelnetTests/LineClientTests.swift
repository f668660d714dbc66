import Glibc
import Testing
import Telnet

/// The outbound side: a `LineClient` and a `LineServer` on one loop, talking.
@Suite struct LineClientTests {
    /// Sends a script of lines and records what comes back, then stops the loop.
    final class ScriptedClient: LineClientDelegate {
        let loop: EventLoop
        var script: [String]
        var received: [LineInput] = []
        var connected = false
        var closeReason: CloseReason?

        init(loop: EventLoop, script: [String]) {
            self.loop = loop
            self.script = script
        }

        func connectionDidConnect(_ connection: LineConnection) {
            connected = true
        }

        func connection(_ connection: LineConnection, didReceive input: LineInput) {
            received.append(input)
            if input == .endOfInput { loop.stop() }
            if case .line(let text) = input, text.hasPrefix("welcome") || text.hasPrefix("echo") {
                if script.isEmpty {
                    connection.sendLine("close")
                } else {
                    connection.sendLine(script.removeFirst())
                }
            }
        }

        func connectionDidClose(_ connection: LineConnection, reason: CloseReason) {
            closeReason = reason
            loop.stop()
        }
    }

    @Test func clientAndServerOnOneLoopExchangeLines() throws {
        let loop = try EventLoop()
        defer { loop.close() }
        let server = try LineServer(loop: loop, host: "127.0.0.1", port: 0, limits: LineLimits(),
                                    delegate: EchoDelegate(loop: loop))
        let client = ScriptedClient(loop: loop, script: ["one", "twö", ""])
        let lineClient = LineClient(loop: loop, delegate: client)
        let connection = try lineClient.connect(host: "localhost", port: server.localPort)
        #expect(connection.peerAddress == "127.0.0.1:\(server.localPort)")
        loop.scheduleTimer(at: loop.now.adding(seconds: 10)) { loop.stop() }
        try loop.run()
        #expect(client.connected)
        #expect(client.received == [.line("welcome 1"), .line("echo: one"), .line("echo: twö"), .line("echo: "),
                                    .line("bye"), .endOfInput])
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
        let probe = try LineServer(loop: loop, host: "127.0.0.1", port: 0, limits: LineLimits(),
                                   delegate: EchoDelegate(loop: loop))
        let port = probe.localPort
        probe.stopAccepting()
        let client = ScriptedClient(loop: loop, script: [])
        let lineClient = LineClient(loop: loop, delegate: client)
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
}
