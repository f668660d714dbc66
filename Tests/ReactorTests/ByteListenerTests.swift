import Glibc
import Testing
import TestSupport
import Reactor

/// A listener whose connections hand their delegate the bytes as read: no telnet either
/// way, no line framing, the same limits on connections.
@Suite(.blocking) struct ByteListenerTests {
    /// Echoes what it reads, as read, and closes at "bye".
    final class Echo: ByteServerDelegate {
        func listener(_ server: Listener, didAccept connection: Connection) { connection.send("hello\r\n") }
        func connection(_ connection: Connection, didRead bytes: UnsafeRawBufferPointer) {
            connection.send(bytes: bytes)
            if bytes.starts(with: Array("bye".utf8)) { connection.close() }
        }
        func connectionDidEndInput(_ connection: Connection) { connection.close() }
        func connectionDidClose(_ connection: Connection, reason: CloseReason) {}
        func busyResponse(for server: Listener) -> [UInt8] { Array("BUSY\n".utf8) }
    }

    static func start(limits: ConnectionSettings = ConnectionSettings()) throws -> (EventLoopThread, UInt16) {
        try EventLoopThread.start { loop in
            try Listener(loop: loop, host: "127.0.0.1", port: 0, limits: limits, byteDelegate: Echo()).localPort
        }
    }

    @Test func bytesComeAndGoUntouched() throws {
        let (thread, port) = try Self.start()
        defer { try? thread.stop() }
        let client = try GuestClient(port: port)
        #expect(client.readBytes(7) == Array("hello\r\n".utf8))
        // Telnet's IAC, a lone CR and a NUL are bytes like any other here: echoed once, never answered.
        let odd: [UInt8] = [0xFF, 0xFD, 0x1F, 0x0D, 0x00, 0x41]
        client.send(bytes: odd)
        #expect(client.readBytes(odd.count) == odd)
        client.send("bye")
        #expect(client.readToEnd() == Array("bye".utf8))
    }

    @Test func pastItsConnectionsANewcomerIsSentTheBusyBytes() throws {
        let (thread, port) = try Self.start(limits: ConnectionSettings(maxConnections: 1))
        defer { try? thread.stop() }
        let first = try GuestClient(port: port)
        #expect(first.readBytes(7) == Array("hello\r\n".utf8))
        let second = try GuestClient(port: port)
        #expect(second.readToEnd() == Array("BUSY\n".utf8))
    }
}
