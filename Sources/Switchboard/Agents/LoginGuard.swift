/// Counts failed console logins per agent ID and per remote address, and locks either out
/// for a while after too many (5 in a row: 15 minutes). A value: tested without sockets.
///
/// A wrong ID and a wrong PIN count alike and get the same answer, so the console never
/// tells a stranger which IDs exist.
public struct LoginGuard: Sendable {
    public static let maxFailures = 5
    public static let lockSeconds: Double = 15 * 60

    private struct Record: Sendable {
        var failures = 0
        var lockedUntil: Double?
    }

    private var byID: [String: Record] = [:]
    private var byAddress: [String: Record] = [:]

    public init() {}

    /// When the ID or the address may try again, if either is locked now.
    public func lockedUntil(id: String, address: String, now: Double) -> Double? {
        [byID[id]?.lockedUntil, byAddress[address]?.lockedUntil].compactMap { $0 }.filter { $0 > now }.max()
    }

    /// Notes a failure; returns true when this one locks the ID or the address.
    public mutating func failed(id: String, address: String, now: Double) -> Bool {
        let lockedID = Self.fail(&byID[id, default: Record()], now: now)
        let lockedAddress = Self.fail(&byAddress[address, default: Record()], now: now)
        return lockedID || lockedAddress
    }

    /// A good login clears the ID's count (not the address's: one right PIN must not reset
    /// a stranger's guessing at other IDs from there).
    public mutating func succeeded(id: String) {
        byID[id] = nil
    }

    private static func fail(_ record: inout Record, now: Double) -> Bool {
        if let until = record.lockedUntil, until <= now { record = Record() }
        record.failures += 1
        guard record.failures >= maxFailures, record.lockedUntil == nil else { return false }
        record.lockedUntil = now + lockSeconds
        return true
    }
}
