/// What a file descriptor is ready for, or what the loop should wait for.
///
/// `hangup` and `error` are only ever reported, never asked for: epoll always reports
/// them. The loop also adds `readable` and `writable` to them (as Redis ae_epoll.c does)
/// so the normal read or write path meets the error.
struct IOEvents: OptionSet, Sendable {
    let rawValue: UInt8

    static let readable = IOEvents(rawValue: 1 << 0)
    static let writable = IOEvents(rawValue: 1 << 1)
    static let hangup = IOEvents(rawValue: 1 << 2)
    static let error = IOEvents(rawValue: 1 << 3)
}

/// An object the loop calls when its file descriptor is ready (level-triggered).
///
/// A handler must make progress or change its interest: a readable fd that is never
/// read is reported again on every wake-up. The loop keeps a strong reference until
/// the fd is unregistered.
protocol EventLoopHandler: AnyObject {
    func handleEvents(_ events: IOEvents)
}
