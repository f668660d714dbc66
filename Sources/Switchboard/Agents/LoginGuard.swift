/// Counts failed console logins per agent ID and per remote host, and locks either out for
/// a while after too many (5 in a row: 15 minutes). A value: tested without sockets.
///
/// The lockout policy, and only that: `ConsoleLogin` asks `lockedUntil` before it takes a
/// PIN and reports every result with `failed` or `succeeded`, so the policy can change
/// here without the login changing. A wrong ID and a wrong PIN count alike.
public struct LoginGuard: Sendable {
    public static let maxFailures = 5
    public static let lockSeconds: Double = 15 * 60

    private struct Record: Sendable {
        var failures = 0
        var lockedUntil: Double?
    }

    private var byID: [String: Record] = [:]
    private var byHost: [String: Record] = [:]

    public init() {}

    /// When the ID or the host may try again, if either is locked now.
    public func lockedUntil(id: String, host: String, now: Double) -> Double? {
        [byID[id]?.lockedUntil, byHost[host]?.lockedUntil].compactMap { $0 }.filter { $0 > now }.max()
    }

    /// Notes a failure; returns when the lock ends if this failure locks the ID or the host.
    public mutating func failed(id: String, host: String, now: Double) -> Double? {
        let lockedID = Self.fail(&byID[id, default: Record()], now: now)
        let lockedHost = Self.fail(&byHost[host, default: Record()], now: now)
        return [lockedID, lockedHost].compactMap { $0 }.max()
    }

    /// A good login clears the ID's count (not the host's: one right PIN must not reset a
    /// stranger's guessing at other IDs from there).
    public mutating func succeeded(id: String, host: String) {
        byID[id] = nil
    }

    private static func fail(_ record: inout Record, now: Double) -> Double? {
        if let until = record.lockedUntil, until <= now { record = Record() }
        record.failures += 1
        guard record.failures >= maxFailures, record.lockedUntil == nil else { return nil }
        record.lockedUntil = now + lockSeconds
        return record.lockedUntil
    }
}
