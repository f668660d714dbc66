/// Who may try a console PIN now: failed logins counted per agent ID and per address, the
/// locks they lead to, the checks in flight, and the consoles a supervisor vouched for. A
/// value with no I/O: tested without sockets; `AgentDesk` keeps one and persists its locks.
///
/// The policy, and only that (`ConsoleLogin` asks it and tells it each result):
/// - An ID is locked for `lockSeconds` after `maxFailuresPerID` failures within that time,
///   for every connection and every address (all consoles may share 127.0.0.1). An unknown
///   ID is counted and locked exactly like a known one, so a lock tells nobody which exist.
/// - An address is locked after `maxFailuresPerAddress` failures across IDs within that
///   time: one place guessing one PIN at many IDs.
/// - A check is admitted only while the failures already counted plus the checks in flight
///   stay under the limit, so consoles opened in parallel cannot have more PINs checked than
///   a single one could. A result that arrives when the ID or address has been locked
///   meanwhile is refused, even a right PIN, and tells nothing either way.
/// - Nobody can keep an agent out for ever: a supervisor (or the operator, with
///   `hotelline agents unlock`) clears a lock, or approves one console for one agent's
///   login, which no lock stops (until that console fails `maxFailuresPerID` times, logs in
///   or closes). An attacker has no way to approve their own console.
///
/// Times are wall-clock milliseconds since 1970: a lock is kept across a restart, so it
/// needs a clock that means the same thing afterwards.
public struct LoginGuard: Sendable {
    /// The limits, each with a default (and a `serve` flag, see `ConsoleSettings`).
    public struct Settings: Equatable, Sendable {
        /// Failed logins for one ID, from anywhere, before it is locked.
        public var maxFailuresPerID = 5
        /// Failed logins from one address, at any IDs, before it is locked.
        public var maxFailuresPerAddress = 20
        /// How long a lock lasts, and how long a failure is remembered.
        public var lockSeconds = 15 * 60

        public init() {}

        var lockMilliseconds: Int64 { Int64(lockSeconds) * 1000 }
    }

    /// What a lock or a count is kept against.
    public enum Key: Hashable, Sendable, CustomStringConvertible {
        /// A typed agent ID (lower-cased), known or not.
        case agent(String)
        /// A peer's host, as `SocketAddress.host` gives it.
        case address(String)

        public var description: String {
            switch self {
            case .agent(let id): "ID \(id)"
            case .address(let host): "address \(host)"
            }
        }
    }

    /// A PIN check let through, to be reported with `finish`.
    public struct Attempt: Equatable, Sendable {
        public let id: String
        public let host: String
        public let console: UInt64
        /// Let through on a supervisor's approval of this console, whatever the locks.
        public let approved: Bool
    }

    /// Whether a PIN typed now may be checked.
    public enum Admission: Equatable, Sendable {
        /// Check it, and report the result with `finish(attempt, …)`.
        case check(Attempt)
        /// The ID or the address is locked until then.
        case locked(until: Int64)
        /// As many checks as there are tries left are under way already: try again shortly.
        case busy
    }

    /// What a finished check comes to.
    public enum Verdict: Equatable, Sendable {
        /// The PIN was right and nothing was locked meanwhile.
        case accepted
        /// The ID or the address was locked while the PIN was checked: refused, right or
        /// wrong, and not counted.
        case lockedMeanwhile(until: Int64)
        /// Wrong: counted against the ID and the address; `newLocks` are the locks this
        /// failure set (none, the ID, the address, or both).
        case failed(newLocks: [Lock])
    }

    public struct Lock: Equatable, Sendable {
        public var key: Key
        public var until: Int64
    }

    /// A console approved for one agent's login.
    struct Approval: Equatable, Sendable {
        var id: String
        var failuresLeft: Int
    }

    public let settings: Settings
    /// The locks in force (or expired and not yet swept), by what they lock.
    public private(set) var locks: [Key: Int64] = [:]
    /// Failure times within the last `lockSeconds`, oldest first.
    private var failures: [Key: [Int64]] = [:]
    private var inFlight: [Key: Int] = [:]
    /// Console (connection ID) → the agent a supervisor approved it for.
    private var approvals: [UInt64: Approval] = [:]
    /// Locks set by failures since `takeNewLocks` last took them, to be kept on disk.
    private var newLocks: [Lock] = []

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    // MARK: Questions

    /// When `id` or `host` may try again, if either is locked now for `console` (a console
    /// approved for `id` is never locked out).
    public func lockedUntil(id: String, host: String, console: UInt64, now: Int64) -> Int64? {
        if approvals[console]?.id == id { return nil }
        return [locks[.agent(id)], locks[.address(host)]].compactMap { $0 }.filter { $0 > now }.max()
    }

    /// The lock on `key` now, if any.
    public func lockedUntil(_ key: Key, now: Int64) -> Int64? {
        locks[key].flatMap { $0 > now ? $0 : nil }
    }

    /// True when `console` is approved for `id`'s login.
    public func isApproved(console: UInt64, for id: String) -> Bool { approvals[console]?.id == id }

    /// Failures counted against `key` within the window.
    public func failureCount(_ key: Key, now: Int64) -> Int {
        failures[key]?.count { $0 > now - settings.lockMilliseconds } ?? 0
    }

    /// PIN checks under way for `key`.
    public func checksInFlight(_ key: Key) -> Int { inFlight[key] ?? 0 }

    // MARK: Events

    /// A PIN was typed for `id` at `console` from `host`: may it be checked? Counts it in
    /// flight when it may.
    public mutating func admit(id: String, host: String, console: UInt64, now: Int64) -> Admission {
        let idKey = Key.agent(id), hostKey = Key.address(host)
        let approved = approvals[console]?.id == id
        if !approved {
            if let until = lockedUntil(id: id, host: host, console: console, now: now) { return .locked(until: until) }
            guard failureCount(idKey, now: now) + checksInFlight(idKey) < settings.maxFailuresPerID,
                  failureCount(hostKey, now: now) + checksInFlight(hostKey) < settings.maxFailuresPerAddress else { return .busy }
        }
        inFlight[idKey, default: 0] += 1
        inFlight[hostKey, default: 0] += 1
        return .check(Attempt(id: id, host: host, console: console, approved: approved))
    }

    /// The check of `attempt` finished (`matched`: the PIN was right). Its result is
    /// counted even when its console has closed meanwhile.
    public mutating func finish(_ attempt: Attempt, matched: Bool, now: Int64) -> Verdict {
        let idKey = Key.agent(attempt.id), hostKey = Key.address(attempt.host)
        Self.release(idKey, in: &inFlight)
        Self.release(hostKey, in: &inFlight)
        // A supervisor's approval outlasts the locks, as long as it is not spent.
        let approved = attempt.approved && approvals[attempt.console]?.id == attempt.id
        if !approved, let until = lockedUntil(id: attempt.id, host: attempt.host, console: attempt.console, now: now) {
            return .lockedMeanwhile(until: until)
        }
        if matched {
            // The ID's count starts again (as before any guess); a lock stays for everyone
            // else even when an approved console got in under it.
            failures[idKey] = nil
            approvals[attempt.console] = nil
            return .accepted
        }
        if approved {
            approvals[attempt.console]?.failuresLeft -= 1
            if approvals[attempt.console]?.failuresLeft ?? 0 <= 0 { approvals[attempt.console] = nil }
        }
        var setNow: [Lock] = []
        for (key, limit) in [(idKey, settings.maxFailuresPerID), (hostKey, settings.maxFailuresPerAddress)] {
            var times = (failures[key] ?? []).filter { $0 > now - settings.lockMilliseconds }
            times.append(now)
            failures[key] = times
            if times.count >= limit, lockedUntil(key, now: now) == nil {
                let lock = Lock(key: key, until: now + settings.lockMilliseconds)
                locks[key] = lock.until
                setNow.append(lock)
            }
        }
        newLocks += setNow
        return .failed(newLocks: setNow)
    }

    /// The locks failures have set since the last call, oldest first (drained).
    public mutating func takeNewLocks() -> [Lock] {
        defer { newLocks.removeAll() }
        return newLocks
    }

    /// Clears the lock on `key` and its count of failures (a supervisor's or the operator's
    /// `unlock`); returns the lock it cleared, if there was one in force.
    @discardableResult
    public mutating func unlock(_ key: Key, now: Int64) -> Int64? {
        let until = lockedUntil(key, now: now)
        locks[key] = nil
        failures[key] = nil
        return until
    }

    /// A supervisor vouched for `console`: its next login as `id` is let through whatever
    /// the locks, for up to `maxFailuresPerID` wrong PINs.
    public mutating func approve(console: UInt64, for id: String) {
        approvals[console] = Approval(id: id, failuresLeft: settings.maxFailuresPerID)
    }

    /// The console closed: its approval, if any, goes with it.
    public mutating func consoleEnded(_ console: UInt64) {
        approvals[console] = nil
    }

    /// The locks as the lockout file now has them, after the operator's changes and this
    /// server's own: those in `persisted` are in force (a lock only the file holds is taken
    /// on), and those in `cleared` were in the file before and someone removed them, so
    /// they go, and their counts with them.
    public mutating func adopt(_ persisted: [Key: Int64], clearing cleared: Set<Key>, now: Int64) {
        for key in cleared where persisted[key] == nil {
            locks[key] = nil
            failures[key] = nil
        }
        for (key, until) in persisted where until > now { locks[key] = max(locks[key] ?? until, until) }
    }

    /// Forgets expired locks and failures older than the window, so memory follows only
    /// what still matters (an attacker's thousand guessed IDs are let go).
    public mutating func sweep(now: Int64) {
        let horizon = now - settings.lockMilliseconds
        locks = locks.filter { $0.value > now }
        failures = failures.compactMapValues { times in
            let kept = times.filter { $0 > horizon }
            return kept.isEmpty ? nil : kept
        }
    }

    private static func release(_ key: Key, in counts: inout [Key: Int]) {
        guard let count = counts[key] else { return }
        counts[key] = count > 1 ? count - 1 : nil
    }
}
