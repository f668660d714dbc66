/// How fast one connection's lines are taken: the generic cell rate algorithm (a token
/// bucket kept as one moment: `linesPerSecond`, up to `burst` at once), and how long its
/// input has waited on it without a break.
///
/// Promises: pure (the time is given); integer nanoseconds, a few instructions a line; a
/// peer typing as a person types, or pasting up to `burst` lines, is never slowed; one that
/// sends faster is slowed to `linesPerSecond`, and once lines have waited on it for
/// `floodSeconds` without the backlog ever emptying, it is cut. Only that connection waits.
struct InputRateLimit: Sendable {
    /// What to do with the next line.
    enum Decision: Equatable, Sendable {
        /// Deliver it now.
        case deliver
        /// Hold it (and stop reading) until this moment, when a line's allowance is back.
        case wait(until: MonotonicTime)
        /// The backlog has waited `floodSeconds`: say goodbye and close.
        case cut
    }

    /// Nanoseconds between lines at the rate.
    private let interval: UInt64
    /// How far ahead of the rate a burst may run, in nanoseconds: `burst - 1` intervals.
    private let tolerance: UInt64
    private let floodNanoseconds: UInt64
    /// When the next line would be due if every line came at the rate (the bucket, as a moment).
    private var due: UInt64
    /// When lines first had to wait, while they still do; 0 when nothing waits.
    private var waitingSince: UInt64 = 0

    init(linesPerSecond: Double, burst: Int, floodSeconds: Double, now: MonotonicTime) {
        precondition(linesPerSecond > 0 && burst >= 1 && floodSeconds > 0, "an input rate needs a rate, a burst and a flood time")
        interval = UInt64((1e9 / linesPerSecond).rounded())
        tolerance = interval * UInt64(burst - 1)
        floodNanoseconds = UInt64((floodSeconds * 1e9).rounded())
        due = now.nanoseconds
    }

    /// The next line, at `now`.
    mutating func take(at now: MonotonicTime) -> Decision {
        takeAtOnce(at: now) ? .deliver : refused(at: now)
    }

    /// The next line, at `now`, when it may go at once (nearly always): true, and counted.
    @inline(__always)
    mutating func takeAtOnce(at now: MonotonicTime) -> Bool {
        let time = now.nanoseconds
        guard due <= time &+ tolerance else { return false }
        due = max(due, time) &+ interval
        return true
    }

    /// What to do with a line `takeAtOnce` refused: wait, or cut.
    mutating func refused(at now: MonotonicTime) -> Decision {
        let time = now.nanoseconds
        if waitingSince == 0 { waitingSince = time }
        if time &- waitingSince >= floodNanoseconds { return .cut }
        return .wait(until: MonotonicTime(nanoseconds: due &- tolerance))
    }

    /// Every line that waited has been delivered: the next wait starts a new count.
    mutating func caughtUp() {
        waitingSince = 0
    }
}

