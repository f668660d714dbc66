import Foundation
import Reactor
import Testing
import TestSupport
@testable import Switchboard

/// What a console is shown of a call, without sockets: the rate, the room, the summary.
@Suite("Call traffic to a console")
struct CallTrafficTests {
    static func at(_ seconds: Double) -> MonotonicTime { MonotonicTime(nanoseconds: 1_000_000_000).adding(seconds: seconds) }

    @Test func aFloodIsShownAtTheRateThenSummedUp() {
        var traffic = CallTraffic(linesPerSecond: 5, maxPendingBytes: 1000)
        var shown = 0
        for _ in 0..<47 where traffic.offer(1, of: 17, from: .guest, pendingBytes: 0, now: Self.at(0)) { shown += 1 }
        #expect(shown == 10, "a burst of twice the rate")
        let summary = traffic.summaries(pendingBytes: 0, now: Self.at(0.5))
        #expect(summary == ["17* … 37 more lines from the guest (not shown)"])
        #expect(!traffic.isHoldingBack)
        let refilled = traffic.offer(1, of: 17, from: .guest, pendingBytes: 0, now: Self.at(0.5))
        #expect(refilled, "the rate refills")
        let none = traffic.summaries(pendingBytes: 0, now: Self.at(0.6))
        #expect(none.isEmpty)
    }

    @Test func nothingWaitsBehindAConsoleThatIsNotReading() {
        var traffic = CallTraffic(linesPerSecond: 5, maxPendingBytes: 1000)
        let offered = [traffic.offer(1, of: 3, from: .guest, pendingBytes: 1001, now: Self.at(0)),
                       traffic.offer(4, of: 3, from: .call, pendingBytes: 1001, now: Self.at(0)),
                       traffic.offer(1, of: 9, from: .guest, pendingBytes: 1001, now: Self.at(0))]
        #expect(offered == [false, false, false])
        let whileFull = traffic.summaries(pendingBytes: 5000, now: Self.at(1))
        #expect(whileFull.isEmpty, "no summary either while it is full")
        let later = traffic.summaries(pendingBytes: 0, now: Self.at(2))
        #expect(later == [
            "3* … 1 more line from the guest (not shown)",
            "3* … 4 more lines of the call (not shown; the transcript has them)",
            "9* … 1 more line from the guest (not shown)",
        ])
    }
}

/// A guest who floods a call with a person, over TCP: the agent sees the call, not every
/// line of it, and their console stays open even when they read nothing meanwhile.
@Suite("A guest flooding an agent", .blocking)
struct GuestFloodTests {
    @Test func aFloodingGuestCannotKnockTheAgentOff() throws {
        // The guest line's own input rate would cut this flood short; the console must hold
        // without it.
        let line = try AgentCalls.line { $0.connections.maxLinesPerSecond = 0 }
        defer { try? line.stop(); line.removeData() }
        // An agent whose terminal takes nothing while the flood comes in.
        let mei = try GuestClient(port: line.agentPort, receiveBufferBytes: 4096)
        try mei.logIn("mei", "4821")
        let guest = try AgentCalls.putThrough(try line.guest(), asking: "0", to: mei, tick: {})
        let long = String(repeating: "spam ", count: 180)
        var flood = ""
        for index in 0..<3000 { flood += "\(index) \(long)\n" }
        guest.send(flood)
        guest.say("the end")
        // The flood lands while mei reads nothing: until the line has taken every byte of it
        // off the guest's connection (nothing left in either kernel's queue), then a moment;
        // a wait for what happens, where a fixed 1.5 s was too long for a quiet machine and
        // perhaps too short for a busy one.
        _ = eventually(every: 0.02) { (Self.queued(from: guest, to: line.port) ?? 0) == 0 }
        usleep(50_000)
        let seen = try mei.read(until: "more lines from the guest (not shown)")
        #expect(seen.contains("1> 0 spam"), "the first lines are shown")
        #expect(seen.components(separatedBy: "1> ").count - 1 <= 12, "then no more than the rate")
        mei.say("Please slow down.")
        #expect(try guest.read(until: "Please slow down.").contains("Mei: Please slow down."), "the agent is still on the call")
        #expect(!mei.readsEndOfInputSoon(), "and the console still open")
    }
}

extension GuestFloodTests {
    /// Bytes `guest` has sent that the server on `port` has not read: what the guest's kernel
    /// has not handed over and what the server's kernel holds unread (`/proc/net/tcp`), or
    /// nil when the connection is not in the table.
    static func queued(from guest: GuestClient, to port: UInt16) -> Int? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(guest.fd, $0, &length) } }
        let guestPort = UInt16(bigEndian: address.sin_port)
        guard let table = try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8) else { return nil }
        var unsent: Int?, unread: Int?
        for row in table.split(separator: "\n").dropFirst() {
            let fields = row.split(separator: " ")
            guard fields.count > 4 else { continue }
            let local = UInt16(fields[1].split(separator: ":")[1], radix: 16), remote = UInt16(fields[2].split(separator: ":")[1], radix: 16)
            let queues = fields[4].split(separator: ":").compactMap { Int($0, radix: 16) }
            guard queues.count == 2 else { continue }
            if local == guestPort && remote == port { unsent = queues[0] }
            if local == port && remote == guestPort { unread = queues[1] }
        }
        guard let unsent, let unread else { return nil }
        return unsent + unread
    }
}

extension GuestClient {
    /// True when the server closes this connection within half a second.
    func readsEndOfInputSoon() -> Bool {
        var timeout = timeval(tv_sec: 0, tv_usec: 500_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while let _ = readLine() {}
        return sawEndOfInput
    }
}
