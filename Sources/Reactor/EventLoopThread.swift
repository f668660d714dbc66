import CSystem
import Glibc
import Synchronization

/// Runs an `EventLoop` on a thread of its own: for tests, the load driver, or any program
/// whose main thread has other work.
///
/// Promises: the loop and everything `setup` builds live only on the new thread; `start`
/// returns once `setup` has finished (passing back what it returned, or its error);
/// `stop()` ends the loop, closes it and joins the thread, from any thread.
public final class EventLoopThread: Sendable {
    private let thread: pthread_t
    private let stopper: Waker
    private let state: SharedState

    /// What the loop thread reports back after the handoff, and whether someone joined it.
    private final class SharedState: Sendable {
        let runError = Mutex<SystemError?>(nil)
        let joined = Mutex(false)
    }

    private init(thread: pthread_t, stopper: Waker, state: SharedState) {
        self.thread = thread
        self.stopper = stopper
        self.state = state
    }

    /// Starts a thread, makes a loop on it, runs `setup(loop)` there, then runs the loop.
    public static func start<Result: Sendable>(
        _ setup: @escaping @Sendable (EventLoop) throws -> Result
    ) throws -> (thread: EventLoopThread, result: Result) {
        let ready = eventfd(0, Int32(EFD_CLOEXEC))
        guard ready >= 0 else { throw SystemError.call("eventfd", errno: errno) }
        defer { Glibc.close(ready) }
        let handoff = Mutex<Swift.Result<(Waker, Result), any Error>?>(nil)
        let state = SharedState()
        let body = ThreadBody {
            let loop: EventLoop
            do {
                loop = try EventLoop()
            } catch {
                handoff.withLock { $0 = .failure(error) }
                signalReady(ready)
                return
            }
            // Whatever setup built before failing is released with the loop.
            defer { loop.close() }
            do {
                let stopper = try loop.makeWaker { loop.stop() }
                let result = try setup(loop)
                handoff.withLock { $0 = .success((stopper, result)) }
            } catch {
                handoff.withLock { $0 = .failure(error) }
                signalReady(ready)
                return
            }
            signalReady(ready)
            do {
                try loop.run()
            } catch {
                state.runError.withLock { $0 = error as? SystemError ?? SystemError(code: 0, description: "\(error)") }
            }
        }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(body).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            throw SystemError.call("pthread_create", errno: created)
        }
        var count: UInt64 = 0
        while Glibc.read(ready, &count, 8) < 0 && errno == EINTR {}
        switch handoff.withLock({ $0 }) {
        case .success(let (stopper, result)):
            return (EventLoopThread(thread: thread, stopper: stopper, state: state), result)
        case .failure(let error):
            pthread_join(thread, nil)
            throw error
        case nil:
            preconditionFailure("EventLoopThread: setup signalled without a result")
        }
    }

    /// Stops the loop after its current turn and waits for the thread to end.
    /// Throws the error that ended `run()` early, if one did.
    public func stop() throws {
        stopper.wake()
        try join()
    }

    /// Waits for the loop to stop by itself (something on the loop called `stop()`).
    public func join() throws {
        // Joining under the lock makes a second caller wait for the first; the loop
        // thread never takes this lock, so it cannot deadlock.
        state.joined.withLock { joined in
            if !joined {
                pthread_join(thread, nil)
                joined = true
            }
        }
        if let error = state.runError.withLock({ $0 }) {
            throw error
        }
    }

    private static func signalReady(_ fd: Int32) {
        var one: UInt64 = 1
        _ = Glibc.write(fd, &one, 8)
    }
}

/// Carries the thread's closure through `pthread_create`'s untyped context pointer.
private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void

    init(_ run: @escaping @Sendable () -> Void) {
        self.run = run
    }
}
