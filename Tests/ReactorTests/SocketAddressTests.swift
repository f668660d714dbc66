import Glibc
import Testing
import TestSupport
@testable import Reactor
import Telnet
import Reactor

@Suite("Socket addresses")
struct SocketAddressTests {
    /// The hand-made `host:port` of an IPv4 peer is exactly what inet_ntop writes.
    @Test func ipv4DescriptionMatchesInetNtop() {
        var generator = SeededGenerator(seed: 0x50C4)
        let edges: [(UInt32, UInt16)] = [(0, 0), (0xFFFF_FFFF, 65535), (0x7F00_0001, 50000), (0x0A00_0A09, 9), (0x6464_6464, 100)]
        let random = (0..<2000).map { _ in (UInt32.random(in: .min ... .max, using: &generator), UInt16.random(in: .min ... .max, using: &generator)) }
        for (address, port) in edges + random {
            var ipv4 = sockaddr_in()
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = port.bigEndian
            ipv4.sin_addr.s_addr = address.bigEndian
            var storage = sockaddr_storage()
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: ipv4, as: sockaddr_in.self) }
            let peer = SocketAddress(storage: storage, length: socklen_t(MemoryLayout<sockaddr_in>.size))
            #expect(peer.description == "\(peer.host):\(port)")
        }
    }

    @Test func ipv6DescriptionIsBracketed() {
        let peer = SocketAddress(host: "::1", port: 2323)
        #expect(peer?.description == "[::1]:2323")
    }

    /// A peer is counted and logged by its host: the whole address, never cut at a colon.
    @Test func theHostIsTheWholeAddressWithoutThePort() {
        #expect(SocketAddress(host: "::1", port: 5000)?.host == "::1")
        #expect(SocketAddress(host: "[::1]", port: 5000)?.description == "[::1]:5000")
        #expect(SocketAddress(host: "2001:db8::7", port: 80)?.host == "2001:db8::7")
        #expect(SocketAddress(host: "127.0.0.1", port: 5000)?.host == "127.0.0.1")
        #expect(SocketAddress(host: "127.0.0.1", port: 5000)?.description == "127.0.0.1:5000")
    }
}
