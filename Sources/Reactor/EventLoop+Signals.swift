import CSystem
import Glibc

extension EventLoop {
    /// Blocks `signals` for the calling thread and every thread it spawns afterwards.
    ///
    /// Call it first thing in `main`, before any thread starts: `signalfd` only sees a
    /// signal that no thread lets through to a handler or a default action.
    public static func blockSignals(_ signals: [Int32]) {
        var set = signalSet(signals)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Delivers `signals` to `handler` on the loop thread, through a signalfd.
    ///
    /// Blocks the signals on the calling thread. For process-directed signals (`kill`,
    /// Ctrl-C) every other thread must block them too: call this before spawning threads,
    /// or call `EventLoop.blockSignals` early in `main`.
    public func watchSignals(_ signals: [Int32], _ handler: @escaping (Int32) -> Void) throws {
        Self.blockSignals(signals)
        var set = Self.signalSet(signals)
        let fd = signalfd(-1, &set, Int32(SFD_NONBLOCK | SFD_CLOEXEC))
        guard fd >= 0 else { throw SystemError.call("signalfd", errno: errno) }
        do {
            try register(fd, interest: .readable, handler: SignalHandler(fd: fd, handler: handler))
        } catch {
            Glibc.close(fd)
            throw error
        }
        addCloseAction { Glibc.close(fd) }
    }

    private static func signalSet(_ signals: [Int32]) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals {
            sigaddset(&set, signal)
        }
        return set
    }
}

/// Reads `signalfd_siginfo` records and hands each signal number to the handler.
final class SignalHandler: EventLoopHandler {
    private let fd: Int32
    private let handler: (Int32) -> Void

    init(fd: Int32, handler: @escaping (Int32) -> Void) {
        self.fd = fd
        self.handler = handler
    }

    func handleEvents(_ events: IOEvents) {
        var info = signalfd_siginfo()
        let size = MemoryLayout<signalfd_siginfo>.size
        while Glibc.read(fd, &info, size) == size {
            handler(Int32(bitPattern: info.ssi_signo))
        }
    }
}

@available(*, unavailable)
extension SignalHandler: Sendable {}
