import Glibc

/// The socket calls the line layer makes, each returning errno rather than throwing, so
/// callers can word their errors with the address they were working on.
enum Socket {
    static let streamNonBlocking = Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
    static let acceptFlags = Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)

    /// A non-blocking listening socket bound to `address` (SO_REUSEADDR), or errno.
    static func listen(on address: SocketAddress, backlog: Int32) -> Result<Int32, SystemError> {
        let fd = socket(address.family, streamNonBlocking, 0)
        guard fd >= 0 else { return .failure(.cannotListen(on: address.description, errno: errno)) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        // Linux hands TCP_NODELAY down to every accepted socket: one call here, none per guest.
        setNoDelay(fd)
        let bound = address.withSocketAddress { bind(fd, $0, $1) }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            return .failure(.cannotListen(on: address.description, errno: code))
        }
        return .success(fd)
    }

    /// A non-blocking socket connecting to `address`: the connect may still be under way.
    static func connect(to address: SocketAddress) -> Result<Int32, SystemError> {
        let fd = socket(address.family, streamNonBlocking, 0)
        guard fd >= 0 else { return .failure(.cannotConnect(to: address.description, errno: errno)) }
        let started = address.withSocketAddress { Glibc.connect(fd, $0, $1) }
        guard started == 0 || errno == EINPROGRESS else {
            let code = errno
            close(fd)
            return .failure(.cannotConnect(to: address.description, errno: code))
        }
        setNoDelay(fd)
        return .success(fd)
    }

    /// Gives `fd` (a listening socket: accepted sockets inherit it) a send buffer of `bytes`,
    /// which also stops the kernel autotuning it; returns the size the kernel took (it
    /// doubles what it is asked for, within net.core.wmem_max and its own minimum), or nil.
    static func boundSendBuffer(_ fd: Int32, to bytes: Int) -> Int? {
        var asked = Int32(clamping: max(1, bytes / 2))
        guard setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &asked, socklen_t(MemoryLayout<Int32>.size)) == 0 else { return nil }
        var took: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &took, &length) == 0 else { return nil }
        return Int(took)
    }

    /// Line traffic is small request/reply: do not let Nagle hold a prompt back.
    static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    static func localAddress(_ fd: Int32) -> SocketAddress? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return status == 0 ? SocketAddress(storage: storage, length: length) : nil
    }

    /// The socket's pending error (SO_ERROR), clearing it; 0 when there is none.
    static func pendingError(_ fd: Int32) -> Int32 {
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
        return code
    }

    /// Writes what the socket takes now: bytes written, or -errno. MSG_NOSIGNAL turns a
    /// write to a closed peer into EPIPE instead of a process-killing SIGPIPE, so no
    /// signal disposition needs changing.
    /// `last`: these are the connection's last bytes, and its end (shutdown or close) follows
    /// as soon as all of them are written (this turn, or the turn the socket takes the rest),
    /// so a short tail waits in the kernel (MSG_MORE) and leaves in one segment with the FIN
    /// instead of a segment of data and a segment for the FIN.
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, last: Bool = false) -> Int {
        let flags = Int32(MSG_NOSIGNAL | MSG_DONTWAIT) | (last ? Int32(MSG_MORE) : 0)
        let written = Glibc.send(fd, bytes.baseAddress, bytes.count, flags)
        return written >= 0 ? written : -Int(errno)
    }

    /// Reads and drops what is waiting, a bounded amount. True when the peer is done
    /// (end of input or an error), false when it may still send.
    static func discardInput(_ fd: Int32, using buffer: UnsafeMutableRawBufferPointer) -> Bool {
        for _ in 0..<16 {
            let got = read(fd, buffer.baseAddress, buffer.count)
            if got > 0 { continue }
            if got == 0 { return true }
            return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR
        }
        return false
    }

    /// The close reason for a failed read or write.
    static func closeReason(errno code: Int32) -> CloseReason {
        code == ECONNRESET || code == EPIPE ? .reset : .error(code)
    }
}
