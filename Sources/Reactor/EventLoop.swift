import CSystem
import Glibc

/// The single-threaded reactor: one thread, one epoll set, timers and before-sleep hooks.
///
/// Shape of Redis `aeProcessEvents`: each turn runs the before-sleep hooks, sleeps in
/// `epoll_wait` until the nearest timer (rounded up, so it never spins), dispatches every
/// ready descriptor, then runs the due timers. Level-triggered, as Redis ae_epoll.c.
///
/// Promises: everything registered on a loop is called on the thread running `run()`,
/// one call at a time, so the objects it drives need no locks. Only `Waker.wake()` may be
/// called from other threads. Every other member must be used on the loop's thread
/// (checked by assertions in debug builds).
public final class EventLoop {
    private struct Registration {
        /// Tells this registration from an earlier one of the same (reused) fd number.
        let id: UInt32
        var interest: IOEvents
        let handler: EventLoopHandler
    }

    private let epollFD: Int32
    private var registrations: [Registration?] = []
    private var nextRegistrationID: UInt32 = 0
    private let readyEvents: UnsafeMutablePointer<epoll_event>
    private let readyCapacity = 512
    private var timers = TimerQueue()
    private var beforeSleepHooks: [() -> Void] = []
    private var closeActions: [() -> Void] = []
    private var stopRequested = false
    private var immediateWakeUpRequested = false
    private var isClosed = false
    private var isRunning = false
    private var owner: pthread_t
    private var sharedReadBuffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// The time of the latest wake-up: one clock read per turn, shared by everyone.
    public private(set) var now: MonotonicTime

    public init() throws {
        let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw SystemError.call("epoll_create1", errno: errno) }
        epollFD = fd
        readyEvents = .allocate(capacity: readyCapacity)
        owner = pthread_self()
        now = .now()
    }

    deinit {
        // Only a loop nothing is registered on can get here (registrations hold the
        // loop in a cycle until `close()`): what is left are wakers and signal fds.
        if !isClosed {
            tearDown()
        }
        readyEvents.deallocate()
        sharedReadBuffer.deallocate()
    }

    /// Runs turns until `stop()`; the thread calling it becomes the loop's thread.
    /// The before-sleep hooks run once more after the stop, so queued output is written.
    public func run() throws {
        precondition(!isClosed, "EventLoop.run() after close()")
        precondition(!isRunning, "EventLoop.run() called from inside run()")
        isRunning = true
        defer { isRunning = false }
        owner = pthread_self()
        stopRequested = false
        now = .now()
        while true {
            immediateWakeUpRequested = false
            runBeforeSleepHooks()
            if stopRequested { return }
            let ready = epoll_wait(epollFD, readyEvents, Int32(readyCapacity), sleepTimeout())
            now = .now()
            if ready < 0 {
                guard errno == EINTR else { throw SystemError.call("epoll_wait", errno: errno) }
                continue
            }
            for index in 0..<Int(ready) {
                dispatch(readyEvents[index])
            }
            runDueTimers()
        }
    }

    /// Ends `run()` after the current turn.
    public func stop() {
        assertOnLoopThread()
        stopRequested = true
    }

    /// Makes the coming sleep return at once, so the before-sleep hooks run again:
    /// for work queued by a hook after an earlier hook would have handled it.
    public func requestImmediateWakeUp() {
        immediateWakeUpRequested = true
    }

    /// Runs `body` on the loop thread at (not before) `deadline`.
    @discardableResult
    public func scheduleTimer(at deadline: MonotonicTime, _ body: @escaping () -> Void) -> TimerID {
        assertOnLoopThread()
        return timers.schedule(at: deadline, body)
    }

    /// Forgets a timer; harmless if it already fired or was cancelled.
    public func cancelTimer(_ id: TimerID) {
        assertOnLoopThread()
        timers.cancel(id)
    }

    /// Adds a hook run at the start of every turn, before the loop sleeps, in the order added.
    public func addBeforeSleep(_ body: @escaping () -> Void) {
        assertOnLoopThread()
        beforeSleepHooks.append(body)
    }

    /// Releases everything registered on the loop (servers and their connections, timers,
    /// hooks, wakers) and closes the epoll descriptor. Call once `run()` has returned and
    /// the loop is done for good; wakers still held elsewhere then do nothing.
    public func close() {
        assertOnLoopThread()
        precondition(!isRunning, "EventLoop.close() from inside run(): call stop() and close after run() returns")
        guard !isClosed else { return }
        tearDown()
    }

    private func tearDown() {
        let actions = closeActions
        closeActions.removeAll()
        for action in actions.reversed() {
            action()
        }
        registrations.removeAll()
        timers.removeAll()
        beforeSleepHooks.removeAll()
        isClosed = true
        Glibc.close(epollFD)
    }

    // MARK: Registration (module-internal: servers, connections, wakers, signals)

    func register(_ fd: Int32, interest: IOEvents, handler: EventLoopHandler) throws {
        assertOnLoopThread()
        nextRegistrationID &+= 1
        var event = epoll_event()
        event.events = Self.epollMask(interest)
        event.data.u64 = UInt64(nextRegistrationID) << 32 | UInt64(UInt32(bitPattern: fd))
        guard epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0 else {
            throw SystemError.call("epoll_ctl(ADD)", errno: errno)
        }
        let index = Int(fd)
        if index >= registrations.count {
            registrations.append(contentsOf: repeatElement(nil, count: index + 1 - registrations.count))
        }
        registrations[index] = Registration(id: nextRegistrationID, interest: interest, handler: handler)
    }

    func setInterest(_ fd: Int32, _ interest: IOEvents) {
        let index = Int(fd)
        guard index < registrations.count, let registration = registrations[index],
              registration.interest != interest else { return }
        var event = epoll_event()
        event.events = Self.epollMask(interest)
        event.data.u64 = UInt64(registration.id) << 32 | UInt64(UInt32(bitPattern: fd))
        // Modifying a registered, open fd fails only on a bug (or ENOMEM, which Redis also
        // treats as fatal): a silently wrong interest set would hang or spin the loop.
        guard epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event) == 0 else {
            preconditionFailure("epoll_ctl(MOD) fd \(fd): \(SystemError.reason(errno))")
        }
        registrations[index]?.interest = interest
    }

    /// Gives a registered `fd` to another handler, with `interest` (no system call when the
    /// interest stays as it was); false when `fd` is not registered.
    func replaceHandler(_ fd: Int32, with handler: EventLoopHandler, interest: IOEvents) -> Bool {
        let index = Int(fd)
        guard index < registrations.count, let registration = registrations[index] else { return false }
        registrations[index] = Registration(id: registration.id, interest: registration.interest, handler: handler)
        setInterest(fd, interest)
        return true
    }

    /// Forgets `fd` without telling epoll, for a descriptor closed at once: closing the last
    /// descriptor of a socket takes it out of every epoll set (we never dup or fork them),
    /// so the EPOLL_CTL_DEL of `unregister` would be a system call spent on nothing.
    func forget(_ fd: Int32) {
        let index = Int(fd)
        guard index < registrations.count else { return }
        registrations[index] = nil
    }

    /// Removes `fd` from the set; call before closing it.
    func unregister(_ fd: Int32) {
        let index = Int(fd)
        guard index < registrations.count, registrations[index] != nil else { return }
        var event = epoll_event()
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, &event)
        registrations[index] = nil
    }

    /// Adds an action for `close()`: owners of descriptors close them there.
    func addCloseAction(_ action: @escaping () -> Void) {
        closeActions.append(action)
    }

    /// One buffer shared by every reader on this loop: a reader consumes it before
    /// returning, and the loop runs one reader at a time.
    func readBuffer(capacity: Int) -> UnsafeMutableRawBufferPointer {
        if sharedReadBuffer.count < capacity {
            sharedReadBuffer.deallocate()
            sharedReadBuffer = .allocate(byteCount: capacity, alignment: 16)
        }
        return UnsafeMutableRawBufferPointer(rebasing: sharedReadBuffer[0..<capacity])
    }

    func assertOnLoopThread(file: StaticString = #fileID, line: UInt = #line) {
        assert(pthread_equal(owner, pthread_self()) != 0, "EventLoop used off its thread", file: file, line: line)
    }

    // MARK: One turn

    private func runBeforeSleepHooks() {
        var index = 0
        while index < beforeSleepHooks.count {
            beforeSleepHooks[index]()
            index += 1
        }
    }

    /// Milliseconds until the nearest timer, rounded up; -1 (forever) without timers.
    private func sleepTimeout() -> Int32 {
        if immediateWakeUpRequested || stopRequested { return 0 }
        guard let deadline = timers.nextDeadline() else { return -1 }
        let current = MonotonicTime.now()
        guard deadline > current else { return 0 }
        let milliseconds = (deadline.nanoseconds - current.nanoseconds + 999_999) / 1_000_000
        return Int32(clamping: milliseconds)
    }

    private func dispatch(_ event: epoll_event) {
        let data = event.data.u64
        let index = Int(Int32(truncatingIfNeeded: data))
        let id = UInt32(truncatingIfNeeded: data >> 32)
        // A registration closed earlier in this turn, or replaced by a new one for the
        // same fd number, must not see the old event.
        guard index < registrations.count, let registration = registrations[index],
              registration.id == id else { return }
        let raw = event.events
        var events: IOEvents = []
        if raw & Self.epollIn != 0 { events.insert(.readable) }
        if raw & Self.epollOut != 0 { events.insert(.writable) }
        if raw & Self.epollErr != 0 { events.formUnion([.error, .readable, .writable]) }
        if raw & Self.epollHup != 0 { events.formUnion([.hangup, .readable, .writable]) }
        registration.handler.handleEvents(events)
    }

    private func runDueTimers() {
        timers.beginDispatch()
        while let body = timers.popDue(now: now) {
            body()
        }
        timers.endDispatch()
    }

    private static let epollIn = csystem_epollin()
    private static let epollOut = csystem_epollout()
    private static let epollErr = csystem_epollerr()
    private static let epollHup = csystem_epollhup()

    private static func epollMask(_ interest: IOEvents) -> UInt32 {
        var mask: UInt32 = 0
        if interest.contains(.readable) { mask |= epollIn }
        if interest.contains(.writable) { mask |= epollOut }
        return mask
    }
}

@available(*, unavailable)
extension EventLoop: Sendable {}
