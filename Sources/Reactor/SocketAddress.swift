import Glibc

/// An IPv4 or IPv6 socket address parsed from a literal, or read back from the kernel: a
/// listener's own address, or the peer of a connection.
///
/// Promises: no name lookups (a server must not block on DNS): `localhost` means
/// 127.0.0.1, an empty host or `*` means every IPv4 interface, anything else must be an
/// address literal (`[::1]` brackets allowed). `host` is the address alone, as inet_ntop
/// writes it (`::1`, `127.0.0.1`): what to count or log a peer by, since its port changes
/// with every connection. `description` is `host:port`, IPv6 in brackets (`[::1]:5000`).
public struct SocketAddress: CustomStringConvertible, Sendable {
    private(set) var storage = sockaddr_storage()
    let length: socklen_t

    public init?(host: String, port: UInt16) {
        var literal = host
        if literal == "localhost" { literal = "127.0.0.1" }
        if literal.isEmpty || literal == "*" { literal = "0.0.0.0" }
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        var ipv4 = sockaddr_in()
        var ipv6 = sockaddr_in6()
        if inet_pton(AF_INET, literal, &ipv4.sin_addr) == 1 {
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = port.bigEndian
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: ipv4, as: sockaddr_in.self) }
        } else if inet_pton(AF_INET6, literal, &ipv6.sin6_addr) == 1 {
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = port.bigEndian
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: ipv6, as: sockaddr_in6.self) }
        } else {
            return nil
        }
    }

    init(storage: sockaddr_storage, length: socklen_t) {
        self.storage = storage
        self.length = length
    }

    var family: Int32 { Int32(storage.ss_family) }

    /// The address without the port, as a value to count peers by (an IPv4 address is
    /// its 32 bits; an IPv6 one its 128).
    var hostKey: HostKey {
        withUnsafeBytes(of: storage) { raw in
            if family == AF_INET6 {
                let bytes = UnsafeRawBufferPointer(rebasing: raw[8..<24])  // sin6_addr
                return HostKey(high: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                               low: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self), isIPv6: true)
            }
            return HostKey(high: 0, low: UInt64(raw.load(as: sockaddr_in.self).sin_addr.s_addr), isIPv6: false)
        }
    }

    /// The address without the port, never bracketed: `::1`, `127.0.0.1`.
    public var host: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        withUnsafeBytes(of: storage) { raw in
            if family == AF_INET6 {
                var address = raw.load(as: sockaddr_in6.self).sin6_addr
                _ = inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
            } else {
                var address = raw.load(as: sockaddr_in.self).sin_addr
                _ = inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
            }
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public var port: UInt16 {
        withUnsafeBytes(of: storage) { raw in
            family == AF_INET6 ? UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port)
                               : UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port)
        }
    }

    public var description: String {
        guard family == AF_INET else { return "[\(host)]:\(port)" }
        // Every guest's address is written once as they are answered: digits by hand, as
        // inet_ntop writes them, straight into the string's memory (at most 21 bytes).
        let address = withUnsafeBytes(of: storage) { UInt32(bigEndian: $0.load(as: sockaddr_in.self).sin_addr.s_addr) }
        let port = Int(self.port)
        return String(unsafeUninitializedCapacity: 21) { text in
            var end = 0
            func digits(_ value: Int) {
                if value >= 10 { digits(value / 10) }
                text[end] = UInt8(ascii: "0") + UInt8(value % 10)
                end += 1
            }
            func octet(_ shift: UInt32, then separator: UInt8) {
                digits(Int((address >> shift) & 0xFF))
                text[end] = separator
                end += 1
            }
            octet(24, then: UInt8(ascii: "."))
            octet(16, then: UInt8(ascii: "."))
            octet(8, then: UInt8(ascii: "."))
            octet(0, then: UInt8(ascii: ":"))
            digits(port)
            return end
        }
    }

    /// A peer's host as a hashable value: what the per-address limit counts by.
    struct HostKey: Hashable, Sendable {
        var high: UInt64
        var low: UInt64
        var isIPv6: Bool

        /// One word hashed, not three: a key is hashed for every caller answered and gone.
        func hash(into hasher: inout Hasher) {
            hasher.combine(high &* 0x9E37_79B9_7F4A_7C15 ^ low ^ (isIPv6 ? 1 << 63 : 0))
        }
    }

    func withSocketAddress<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        withUnsafeBytes(of: storage) { body($0.baseAddress!.assumingMemoryBound(to: sockaddr.self), length) }
    }
}
