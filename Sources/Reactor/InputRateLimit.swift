/// How fast one connection's lines are taken: a token bucket (`linesPerSecond`, up to
/// `burst` at once), and how long its input has waited on the bucket without a break.
///
/// Promises: pure (the time is given); a peer typing as a person types, or pasting up to
/// `burst` lines, is never slowed; one that sends faster is slowed to `linesPerSecond`,
/// and once lines have waited on the bucket for `floodSeconds` without the backlog ever
/// emptying, it is cut. Only that connection waits: the bucket holds no one else's lines.
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

    let linesPerSecond: Double
    let burst: Double
    let floodSeconds: Double
    private var tokens: Double
    private var refilled: MonotonicTime
    /// When lines first had to wait, while they still do; nil when nothing waits.
    private var waitingSince: MonotonicTime?

    init(linesPerSecond: Double, burst: Int, floodSeconds: Double, now: MonotonicTime) {
        precondition(linesPerSecond > 0 && burst >= 1 && floodSeconds > 0, "an input rate needs a rate, a burst and a flood time")
        self.linesPerSecond = linesPerSecond
        self.burst = Double(burst)
        self.floodSeconds = floodSeconds
        self.tokens = Double(burst)
        self.refilled = now
    }

    /// The next line, at `now`.
    mutating func take(at now: MonotonicTime) -> Decision {
        tokens = min(burst, tokens + max(0, now - refilled) * linesPerSecond)
        refilled = now
        if tokens >= 1 {
            tokens -= 1
            return .deliver
        }
        let since = waitingSince ?? now
        waitingSince = since
        if now - since >= floodSeconds { return .cut }
        return .wait(until: now.adding(seconds: (1 - tokens) / linesPerSecond))
    }

    /// Every line that waited has been delivered: the next wait starts a new count.
    mutating func caughtUp() {
        waitingSince = nil
    }
}
