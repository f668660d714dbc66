/// Counts wrong tries at the line's lookups (a confirmation or ticket number with a phone, a
/// stay with its phone or name) per call and per address, so no one learns a stranger's
/// booking by trying number after number: past the limit of a call, that call looks nothing
/// more up; past the limit of an address, no call from it does until the lock ends.
///
/// A value, like `LoginGuard`: the centre asks it and tells it; the wall clock never enters
/// (seconds on the loop's monotonic clock).
public struct LookupGuard: Sendable {
    /// The limits, each with a default.
    public struct Settings: Sendable {
        /// Wrong tries on one call before it looks nothing more up.
        public var maxFailuresPerCall = 3
        /// Wrong tries from one address, on any number of calls, before it is locked.
        public var maxFailuresPerAddress = 10
        /// How long an address stays locked; its count starts again after.
        public var lockSeconds: Double = 15 * 60

        public init() {}
    }

    private struct Record: Sendable {
        var failures = 0
        var lockedUntil: Double?
    }

    public let settings: Settings
    private var byAddress: [String: Record] = [:]

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Whether a call that has failed `callFailures` times, from `address`, may look up.
    public func allows(callFailures: Int, address: String, now: Double) -> Bool {
        guard callFailures < settings.maxFailuresPerCall else { return false }
        guard let until = byAddress[address]?.lockedUntil else { return true }
        return until <= now
    }

    /// Notes a wrong try from `address`; returns true when it locks the address.
    public mutating func failed(address: String, now: Double) -> Bool {
        var record = byAddress[address] ?? Record()
        if let until = record.lockedUntil, until <= now { record = Record() }
        record.failures += 1
        let locks = record.failures >= settings.maxFailuresPerAddress && record.lockedUntil == nil
        if locks { record.lockedUntil = now + settings.lockSeconds }
        byAddress[address] = record
        return locks
    }
}
