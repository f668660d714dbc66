import CSystem
import Glibc
import Synchronization

/// Wakes an `EventLoop` from any thread: the journal writer says "acks are ready" with it.
///
/// Promises: `wake()` is safe from any thread, never blocks, and coalesces: many wakes
/// before the loop notices run `onWake` at least once, on the loop thread. After the loop
/// is closed, `wake()` does nothing (it never writes to a reused descriptor number).
public struct Waker: Sendable {
    let core: WakerCore

    public func wake() {
        core.signal()
    }
}

/// The eventfd behind a waker, shared between the loop and the wakers' threads.
///
/// The descriptor sits in a Mutex so `close()` cannot race a `wake()`: without it a
/// waker could write to a number the kernel already handed to a guest's socket.
final class WakerCore: Sendable {
    private let descriptor: Mutex<Int32>

    init(fd: Int32) {
        descriptor = Mutex(fd)
    }

    var fd: Int32 {
        descriptor.withLock { $0 }
    }

    func signal() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            var one: UInt64 = 1
            // EAGAIN means the counter is saturated: the loop will wake anyway.
            _ = Glibc.write(fd, &one, MemoryLayout<UInt64>.size)
        }
    }

    func close() {
        descriptor.withLock { fd in
            if fd >= 0 {
                Glibc.close(fd)
                fd = -1
            }
        }
    }
}

/// The loop's side of a waker: drains the eventfd counter and runs `onWake`.
final class WakerHandler: EventLoopHandler {
    private let core: WakerCore
    private let onWake: () -> Void

    init(core: WakerCore, onWake: @escaping () -> Void) {
        self.core = core
        self.onWake = onWake
    }

    func handleEvents(_ events: IOEvents) {
        var count: UInt64 = 0
        _ = Glibc.read(core.fd, &count, MemoryLayout<UInt64>.size)
        onWake()
    }
}

@available(*, unavailable)
extension WakerHandler: Sendable {}

extension EventLoop {
    /// Makes a waker whose `wake()` (from any thread) runs `onWake` on this loop's thread.
    public func makeWaker(_ onWake: @escaping () -> Void) throws -> Waker {
        let fd = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard fd >= 0 else { throw SystemError.call("eventfd", errno: errno) }
        let core = WakerCore(fd: fd)
        do {
            try register(fd, interest: .readable, handler: WakerHandler(core: core, onWake: onWake))
        } catch {
            core.close()
            throw error
        }
        // Closing the epoll set drops the registration; the action only needs the fd,
        // so it also runs from the loop's deinit.
        addCloseAction { core.close() }
        return Waker(core: core)
    }
}
