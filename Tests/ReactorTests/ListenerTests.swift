import Glibc
import Testing
import Telnet
import TestSupport
import Reactor

/// The server over real sockets on 127.0.0.1, talking to plain blocking clients.
@Suite(.blocking) struct ListenerTests {
    @Test func echoesLinesWithCRLF() throws {
        let server = try EchoServer()
        defer { try? server.stop() }
        let client = try GuestClient(port: server.port)
        #expect(client.readLine() == "welcome 1")
        client.send("hello\r\nwörld\n")
        #expect(client.readLine() == "echo: hello")
        #expect(client.readLine() == "echo: wörld")
        client.send("menu\r\n")
        #expect(client.readLine() == "1. Book")
        #expect(client.readLine() == "2. Complain")
        #expect(client.readLine() == "0. Agent")
    }

    /// A connection's context stays with it while it is open and is let go once it closes,
    /// even when the context holds the connection.
    @Test func contextIsLetGoAfterTheClose() throws {
        let server = try EchoServer()
        defer { try? server.stop() }
        let first = try GuestClient(port: server.port)
        #expect(first.readLine() == "welcome 1")
        first.send("visits\r\n")
        #expect(first.readLine() == "visits 1 own")
        first.send("close\r\n")
        #expect(first.readLine() == "bye")
        _ = first.readToEnd()
        let second = try GuestClient(port: server.port)
        #expect(second.readLine() == "welcome 2")
        second.send("visits\r\n")
        #expect(second.readLine() == "visits 1 own")
    }

    /// A loop closed with a call still open (the server stopping) lets go of the
    /// connection's context too, though the context holds the connection.
    @Test func aLoopClosedWithAConnectionOpenLetsGoOfItsContext() throws {
        final class Visit {
            let connection: Connection
            init(_ connection: Connection) { self.connection = connection }
        }
        final class Host: ListenerDelegate {
            let loop: EventLoop
            weak var visit: Visit?
            init(loop: EventLoop) { self.loop = loop }
            func listener(_ server: Listener, didAccept connection: Connection) {
                let visit = Visit(connection)
                connection.context = visit
                self.visit = visit
                loop.stop()
            }
            func connection(_ connection: Connection, didReceive input: TypedInput) {}
            func connectionDidClose(_ connection: Connection, reason: CloseReason) {}
            func busyMessage(for server: Listener) -> String { "busy" }
        }
        let loop = try EventLoop()
        let host = Host(loop: loop)
        let server = try Listener(loop: loop, host: "127.0.0.1", port: 0, limits: ConnectionSettings(), delegate: host)
        let client = try GuestClient(port: server.localPort)
        loop.scheduleTimer(at: loop.now.adding(seconds: 10)) { loop.stop() }
        try loop.run()
        #expect(host.visit != nil, "an open connection keeps its context")
        loop.close()
        #expect(host.visit == nil, "the closed loop let go of the connection and its context")
        client.finishSending()
    }

    @Test func telnetDoEchoGetsExactlyWontEcho() throws {
        let server = try EchoServer()
        defer { try? server.stop() }
        let client = try GuestClient(port: server.port)
        #expect(client.readLine() == "welcome 1")
        client.send(bytes: [iac, TelnetCommand.do, TelnetOption.echo])
        #expect(client.readBytes(3) == [iac, TelnetCommand.wont, TelnetOption.echo])
        client.send(bytes: [iac, TelnetCommand.ayt] + bytes("ping\r\n"))
        #expect(client.readLine() == "")
        #expect(client.readLine() == "[HotelLine: yes, still here]")
        #expect(client.readLine() == "echo: ping")
        client.send("pin\r\n")
        #expect(client.readBytes(3) == [iac, TelnetCommand.will, TelnetOption.echo])
        #expect(client.readLine() == "pin?")
    }

    @Test func rawClientNeverReceivesIAC() throws {
        let server = try EchoServer()
        defer { try? server.stop() }
        let client = try GuestClient(port: server.port)
        client.send("pin\r\n\u{1b}[A\r\n")
        client.send(bytes: [0xC3, 0x28, 0x0D, 0x0A, 0x07, 0x0A])
        client.send("close\r\n")
        let received = client.readToEnd()
        #expect(client.sawEndOfInput)
        #expect(!received.contains(iac))
        let text = String(decoding: received, as: UTF8.self)
        #expect(text == "welcome 1\r\npin?\r\ncontrol characters\r\ninvalid text\r\ncontrol characters\r\nbye\r\n")
    }

    @Test func overlongLineIsReportedAndConnectionStaysUsable() throws {
        let server = try EchoServer()
        defer { try? server.stop() }
        let client = try GuestClient(port: server.port)
        #expect(client.readLine() == "welcome 1")
        client.send(bytes: [UInt8](repeating: UInt8(ascii: "x"), count: 5000) + bytes("\r\nping\r\n"))
        #expect(client.readLine() == "too long 1024")
        #expect(client.readLine() == "echo: ping")
    }

    @Test func halfClosedPeerStillGetsItsReplies() throws {
        let server = try EchoServer()
        defer { try? server.stop() }
        let client = try GuestClient(port: server.port)
        client.send("hello\r\npartial")
        client.finishSending()
        #expect(client.readLine() == "welcome 1")
        #expect(client.readLine() == "echo: hello")
        #expect(client.readLine() == "echo: partial")
        #expect(client.readLine() == "end of input")
        #expect(client.readsEndOfInput())
    }

    @Test func clientPastMaxConnectionsGetsBusyMessageThenEOF() throws {
        let server = try EchoServer(limits: ConnectionSettings(maxConnections: 2))
        defer { try? server.stop() }
        let first = try GuestClient(port: server.port)
        #expect(first.readLine() == "welcome 1")
        let second = try GuestClient(port: server.port)
        #expect(second.readLine() == "welcome 2")
        let third = try GuestClient(port: server.port)
        #expect(third.readLine() == "busy: max number of clients reached")
        #expect(third.readsEndOfInput())
        first.send("close\r\n")
        #expect(first.readLine() == "bye")
        #expect(first.readsEndOfInput())
        let fourth = try GuestClient(port: server.port)
        #expect(fourth.readLine() == "welcome 3")
    }

    @Test func peerThatNeverReadsIsClosedForOverflowWhileOthersAreServed() throws {
        let server = try EchoServer(limits: ConnectionSettings(maxOutputBytes: 64 * 1024))
        defer { try? server.stop() }
        let watcher = try Self.watcher(port: server.port)
        let stalled = try GuestClient(port: server.port, receiveBufferBytes: 4096)
        stalled.send("flood\r\n")
        #expect(watcher.readLine() == "closed 2 outputOverflow")
        watcher.send("ping\r\n")
        #expect(watcher.readLine() == "echo: ping")
    }

    @Test func closeWritesEverythingQueuedFirst() throws {
        let server = try EchoServer()
        defer { try? server.stop() }
        let client = try GuestClient(port: server.port, receiveBufferBytes: 8192)
        #expect(client.readLine() == "welcome 1")
        client.send("big 204800\r\n")
        let received = client.readToEnd()
        #expect(client.sawEndOfInput)
        #expect(received.count == 200 * 1024)
        #expect(received.allSatisfy { $0 == UInt8(ascii: "b") })
    }

    @Test func closeGivesUpOnAPeerThatNeverReads() throws {
        let limits = ConnectionSettings(maxOutputBytes: 64 * 1024 * 1024, closeTimeout: 0.1)
        let server = try EchoServer(limits: limits)
        defer { try? server.stop() }
        let watcher = try Self.watcher(port: server.port)
        let stalled = try GuestClient(port: server.port, receiveBufferBytes: 4096)
        // More than the kernel's send and receive buffers can hold between them.
        let started = MonotonicTime.now()
        stalled.send("big 33554432\r\n")
        #expect(watcher.readLine() == "closed 2 closedByServer")
        #expect(MonotonicTime.now() - started < 5)
    }

    @Test func pausedConnectionHoldsInputUntilResumed() throws {
        let server = try EchoServer()
        defer { try? server.stop() }
        let client = try GuestClient(port: server.port)
        #expect(client.readLine() == "welcome 1")
        client.send("pause\r\na\r\nb\r\n")
        #expect(client.readLine() == "paused")
        #expect(client.readLine() == "resuming")
        #expect(client.readLine() == "echo: a")
        #expect(client.readLine() == "echo: b")
    }

    @Test func twoHundredClientsTwentyRequestsEach() throws {
        let server = try EchoServer()
        defer { try? server.stop() }
        var clients: [GuestClient] = []
        for _ in 0..<200 {
            let client = try GuestClient(port: server.port)
            clients.append(client)
        }
        var welcomed = Set<String>()
        for client in clients {
            welcomed.insert(client.readLine() ?? "")
        }
        #expect(welcomed.count == 200)
        var wrong = 0
        for round in 0..<20 {
            for (index, client) in clients.enumerated() {
                client.send("client \(index) round \(round)\r\n")
            }
            for (index, client) in clients.enumerated() where client.readLine() != "echo: client \(index) round \(round)" {
                wrong += 1
            }
        }
        #expect(wrong == 0)
    }

    @Test func bindErrorSaysWhichAddressAndWhy() throws {
        let loop = try EventLoop()
        defer { loop.close() }
        let delegate = EchoDelegate(loop: loop)
        let first = try Listener(loop: loop, host: "127.0.0.1", port: 0, limits: ConnectionSettings(), delegate: delegate)
        #expect(first.localHost == "127.0.0.1")
        #expect(first.localPort != 0)
        #expect(performing: {
            _ = try Listener(loop: loop, host: "127.0.0.1", port: first.localPort, limits: ConnectionSettings(), delegate: delegate)
        }, throws: { error in
            "\(error)" == "cannot listen on 127.0.0.1:\(first.localPort): address already in use"
        })
        #expect(performing: {
            _ = try Listener(loop: loop, host: "hotel.invalid", port: 2323, limits: ConnectionSettings(), delegate: delegate)
        }, throws: { error in
            "\(error)".hasPrefix("cannot listen on hotel.invalid:2323: not an IPv4 or IPv6 address")
        })
        let local = try Listener(loop: loop, host: "localhost", port: 0, limits: ConnectionSettings(), delegate: delegate)
        #expect(local.localHost == "127.0.0.1")
    }

    /// The first client of a server, told of every other client's close.
    private static func watcher(port: UInt16) throws -> GuestClient {
        let watcher = try GuestClient(port: port)
        #expect(watcher.readLine() == "welcome 1")
        watcher.send("watch\r\n")
        #expect(watcher.readLine() == "watching")
        return watcher
    }
}
