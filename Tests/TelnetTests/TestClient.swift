import Glibc
import Telnet

/// A plain blocking TCP client, as a guest's `nc` would be. Every read gives up after
/// `timeoutSeconds`: a guard against hanging on failure, never a wait for success.
final class TestClient {
    let fd: Int32
    private var buffered: [UInt8] = []
    private(set) var sawEndOfInput = false

    init(port: UInt16, receiveBufferBytes: Int32? = nil, timeoutSeconds: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket", errno) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBufferBytes {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestFailure("connect", code)
        }
    }

    deinit {
        Glibc.close(fd)
    }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    func send(_ text: String) {
        send(Array(text.utf8))
    }

    /// The next line without its CR LF; nil at end of input or on timeout.
    func readLine() -> String? {
        while true {
            if let end = buffered.firstIndex(of: 0x0A), end > 0, buffered[end - 1] == 0x0D {
                let line = String(decoding: buffered[..<(end - 1)], as: UTF8.self)
                buffered.removeSubrange(...end)
                return line
            }
            guard fill() else { return nil }
        }
    }

    /// Exactly `count` bytes, or nil at end of input or on timeout.
    func readBytes(_ count: Int) -> [UInt8]? {
        while buffered.count < count {
            guard fill() else { return nil }
        }
        let bytes = Array(buffered[..<count])
        buffered.removeSubrange(..<count)
        return bytes
    }

    /// Everything until the server closes (or the timeout); check `sawEndOfInput`.
    func readToEnd() -> [UInt8] {
        while fill() {}
        defer { buffered.removeAll() }
        return buffered
    }

    /// True when the next read finds the end of input (not data, not a timeout).
    func readsEndOfInput() -> Bool {
        guard buffered.isEmpty else { return false }
        return !fill() && sawEndOfInput
    }

    func shutdownWrite() {
        shutdown(fd, Int32(SHUT_WR))
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if got == 0 { sawEndOfInput = true }
        guard got > 0 else { return false }
        buffered += chunk[..<got]
        return true
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ call: String, _ code: Int32) {
        description = "\(call): \(String(cString: strerror(code)))"
    }
}
