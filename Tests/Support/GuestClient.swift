import Foundation
import Glibc

/// A guest on a real socket, as `nc` or `telnet` would be: blocking, with a receive
/// timeout (`patience`) that only guards against hanging when a test fails: a read ends as
/// soon as what it waits for arrives, so a long one costs a busy machine nothing.
public final class GuestClient {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let fd: Int32
    private var received: [UInt8] = []
    /// Everything read so far that `read(until:)` has not handed out yet.
    public var unread: String { String(decoding: received, as: UTF8.self) }
    public private(set) var sawEndOfInput = false

    /// `receiveBufferBytes` shrinks the socket's receive buffer, for a guest who reads slowly.
    /// `host` is an IPv4 or IPv6 literal (`::1`).
    public init(host: String = "127.0.0.1", port: UInt16, receiveBufferBytes: Int32? = nil, timeoutSeconds: Int = Int(patience)) throws {
        // `self.fd` is set only once the connection stands: a class whose every property is
        // set runs its deinit even when its init throws, and a second close there would
        // close whatever descriptor the process (another test's pipe) had reused the number for.
        var ipv6 = sockaddr_in6()
        let isIPv6 = inet_pton(AF_INET6, host, &ipv6.sin6_addr) == 1
        let socketFD = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBufferBytes {
            setsockopt(socketFD, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        let connected: Int32
        if isIPv6 {
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = port.bigEndian
            connected = withUnsafePointer(to: &ipv6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr(host)
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard connected == 0 else {
            let code = errno
            close(socketFD)
            throw Failure(description: "connect to \(host) port \(port): \(String(cString: strerror(code)))")
        }
        fd = socketFD
    }

    deinit { close(fd) }

    public func send(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// Sends `text` as it is, line endings and all.
    public func send(_ text: String) {
        send(bytes: Array(text.utf8))
    }

    /// Waits for the language screen a call of the shipped prompts starts with, and types
    /// `pick` there (1: English).
    public func chooseLanguage(_ pick: String = "1") throws {
        try read(until: RunningLine.endOfLanguageScreen)
        say(pick)
    }

    /// Sends `text` and a line ending: LF as `nc` sends it, or CR LF as `telnet` does.
    public func say(_ text: String, ending: String = "\n") {
        send(bytes: Array((text + ending).utf8))
    }

    /// Reads until `marker` has arrived and returns everything up to and including it
    /// (CR LF turned into LF); throws with what did arrive when the timeout passes first.
    @discardableResult
    public func read(until marker: String) throws -> String {
        try read(untilAny: [marker]).text
    }

    /// Reads until the first of `markers` arrives; returns the text up to it and which one.
    public func read(untilAny markers: [String]) throws -> (text: String, marker: Int) {
        let needles = markers.map { Array($0.utf8) }
        while true {
            let found = needles.indices.compactMap { index in Self.find(needles[index], in: received).map { (end: $0, index: index) } }
            if let first = found.min(by: { $0.end < $1.end }) {
                let text = String(decoding: received[..<first.end], as: UTF8.self)
                received.removeSubrange(..<first.end)
                return (text.replacingOccurrences(of: "\r\n", with: "\n"), first.index)
            }
            guard fill() else {
                throw Failure(description: "waited for \(markers) but got: \(unread.suffix(600))")
            }
        }
    }

    /// The raw bytes up to and including `marker` (telnet negotiation shows as it is).
    public func readBytes(until marker: String) throws -> [UInt8] {
        let needle = Array(marker.utf8)
        while true {
            if let end = Self.find(needle, in: received) {
                defer { received.removeSubrange(..<end) }
                return Array(received[..<end])
            }
            guard fill() else { throw Failure(description: "waited for \"\(marker)\" but got: \(unread.suffix(600))") }
        }
    }

    /// The next line without its CR LF; nil at the end of input or on the timeout.
    public func readLine() -> String? {
        while true {
            if let end = received.firstIndex(of: 0x0A), end > 0, received[end - 1] == 0x0D {
                let line = String(decoding: received[..<(end - 1)], as: UTF8.self)
                received.removeSubrange(...end)
                return line
            }
            guard fill() else { return nil }
        }
    }

    /// Exactly `count` bytes, or nil at the end of input or on the timeout.
    public func readBytes(_ count: Int) -> [UInt8]? {
        while received.count < count {
            guard fill() else { return nil }
        }
        defer { received.removeSubrange(..<count) }
        return Array(received[..<count])
    }

    /// True when the next read finds the end of input (not data, not the timeout).
    public func readsEndOfInput() -> Bool {
        guard received.isEmpty else { return false }
        return !fill() && sawEndOfInput
    }

    /// Everything until the server closes the connection (or the timeout).
    public func readToEnd() -> [UInt8] {
        while fill() {}
        defer { received.removeAll() }
        return received
    }

    public func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// Logs an agent in on the console this client is connected to, as `nc` would type it
    /// (a telnet client is `TelnetClient`).
    public func logIn(_ id: String, _ pin: String) throws {
        try read(until: "Agent ID:")
        say(id)
        try read(until: "PIN:")
        say(pin)
        try read(until: "Type help for the commands.")
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if got == 0 { sawEndOfInput = true }
        guard got > 0 else { return false }
        received += chunk[..<got]
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in needle.indices where haystack[start + offset] != needle[offset] { continue outer }
            return start + needle.count
        }
        return nil
    }
}

extension String {
    /// The text with CR LF read as LF and every line break as a space, so a phrase is found
    /// wherever the line's terminal wrapping broke it.
    public var unwrapped: String {
        replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
