import Testing
@testable import Switchboard

/// The lockout policy on its own: counts per ID and per address, checks in flight, results
/// that come after a lock, unlocks and approvals. Times are milliseconds.
@Suite("Login guard")
struct LoginGuardTests {
    static let minute: Int64 = 60_000

    /// Admits and fails one guess at `id` from `host` at `now`; the locks it set.
    @discardableResult
    static func fail(_ guardian: inout LoginGuard, _ id: String, from host: String = "127.0.0.1", console: UInt64 = 1, at now: Int64) -> [LoginGuard.Lock] {
        guard case .check(let attempt) = guardian.admit(id: id, host: host, console: console, now: now) else {
            Issue.record("\(id) from \(host) was not admitted at \(now)")
            return []
        }
        guard case .failed(let locks) = guardian.finish(attempt, matched: false, now: now) else {
            Issue.record("not a failure")
            return []
        }
        return locks
    }

    @Test func fiveFailuresLockTheIDFromEveryAddressButNotTheAddress() {
        var guardian = LoginGuard()
        for attempt in 1...4 { #expect(Self.fail(&guardian, "mei", at: Int64(attempt)).isEmpty) }
        #expect(Self.fail(&guardian, "mei", at: 5) == [LoginGuard.Lock(key: .agent("mei"), until: 5 + 15 * Self.minute)])
        #expect(guardian.lockedUntil(id: "mei", host: "10.0.0.9", console: 2, now: 6) == 5 + 15 * Self.minute, "locked from anywhere")
        #expect(guardian.lockedUntil(id: "sara", host: "127.0.0.1", console: 2, now: 6) == nil,
                "not everyone on the address: every console may be on 127.0.0.1")
        #expect(guardian.lockedUntil(id: "mei", host: "127.0.0.1", console: 2, now: 5 + 15 * Self.minute) == nil, "open again after 15 minutes")
    }

    @Test func manyFailuresAcrossIDsLockTheAddress() {
        var guardian = LoginGuard()
        for attempt in 1...19 { #expect(Self.fail(&guardian, "guess\(attempt)", from: "10.6.6.6", at: Int64(attempt)).isEmpty) }
        #expect(Self.fail(&guardian, "guess20", from: "10.6.6.6", at: 20) == [LoginGuard.Lock(key: .address("10.6.6.6"), until: 20 + 15 * Self.minute)])
        #expect(guardian.admit(id: "sara", host: "10.6.6.6", console: 3, now: 21) == .locked(until: 20 + 15 * Self.minute))
        #expect(guardian.lockedUntil(id: "sara", host: "10.6.6.7", console: 3, now: 21) == nil, "another address is not")
    }

    @Test func failuresOlderThanTheWindowAreForgotten() {
        var guardian = LoginGuard()
        for attempt in 0..<4 { Self.fail(&guardian, "mei", at: Int64(attempt) * 4 * Self.minute) }
        #expect(Self.fail(&guardian, "mei", at: 16 * Self.minute).isEmpty, "the first failure is past the 15 minutes")
        #expect(guardian.failureCount(.agent("mei"), now: 16 * Self.minute) == 4)
        guardian.sweep(now: 40 * Self.minute)
        #expect(guardian.failureCount(.agent("mei"), now: 40 * Self.minute) == 0)
    }

    /// A check is admitted only while the failures so far and the checks under way stay
    /// under the limit: thirty consoles at the PIN prompt get the five checks one would.
    @Test func checksInFlightCountAgainstTheLimit() {
        var guardian = LoginGuard()
        var admitted: [LoginGuard.Attempt] = []
        for console in 1...30 {
            switch guardian.admit(id: "mei", host: "127.0.0.1", console: UInt64(console), now: 0) {
            case .check(let attempt): admitted.append(attempt)
            case .busy: continue
            case .locked: Issue.record("locked before any failure")
            }
        }
        #expect(admitted.count == 5)
        #expect(guardian.checksInFlight(.agent("mei")) == 5)
        for attempt in admitted.prefix(4) { _ = guardian.finish(attempt, matched: false, now: 1) }
        #expect(guardian.admit(id: "mei", host: "127.0.0.1", console: 31, now: 1) == .busy, "four failed, one still checking")
        #expect(guardian.finish(admitted[4], matched: false, now: 2) == .failed(newLocks: [LoginGuard.Lock(key: .agent("mei"), until: 2 + 15 * Self.minute)]))
        #expect(guardian.checksInFlight(.agent("mei")) == 0)
        #expect(guardian.admit(id: "mei", host: "127.0.0.1", console: 31, now: 3) == .locked(until: 2 + 15 * Self.minute))
    }

    /// The ID or the address locked while a PIN was checked (here by the operator's file,
    /// since the checks in flight already keep failures from getting past the limit): the
    /// result is refused, right or wrong, and counts for nothing.
    @Test func aResultThatComesAfterALockIsRefusedEvenWhenRight() {
        var guardian = LoginGuard()
        guard case .check(let right) = guardian.admit(id: "mei", host: "10.0.0.5", console: 1, now: 0) else { Issue.record("not admitted"); return }
        guard case .check(let wrong) = guardian.admit(id: "sara", host: "10.0.0.5", console: 2, now: 0) else { Issue.record("not admitted"); return }
        guardian.adopt([.address("10.0.0.5"): 10 * Self.minute, .agent("sara"): 12 * Self.minute], clearing: [], now: 1)
        #expect(guardian.finish(right, matched: true, now: 2) == .lockedMeanwhile(until: 10 * Self.minute))
        #expect(guardian.finish(wrong, matched: false, now: 2) == .lockedMeanwhile(until: 12 * Self.minute))
        #expect(guardian.failureCount(.agent("sara"), now: 3) == 0, "not counted")
        #expect(guardian.checksInFlight(.address("10.0.0.5")) == 0)

        // Checks in flight count against the address too: a guess that would pass the limit waits.
        var busy = LoginGuard()
        guard case .check = busy.admit(id: "mei", host: "10.0.0.6", console: 1, now: 0) else { Issue.record("not admitted"); return }
        for attempt in 1...19 { Self.fail(&busy, "guess\(attempt)", from: "10.0.0.6", console: 2, at: Int64(attempt)) }
        #expect(busy.admit(id: "guess20", host: "10.0.0.6", console: 2, now: 30) == .busy)
    }

    @Test func aGoodLoginStartsTheIDsCountAgainButNotTheAddresss() {
        var guardian = LoginGuard()
        for attempt in 1...4 { Self.fail(&guardian, "mei", at: Int64(attempt)) }
        for attempt in 1...15 { Self.fail(&guardian, "guess\(attempt)", at: Int64(attempt)) }
        guard case .check(let attempt) = guardian.admit(id: "mei", host: "127.0.0.1", console: 1, now: 20) else { Issue.record("not admitted"); return }
        #expect(guardian.finish(attempt, matched: true, now: 20) == .accepted)
        #expect(guardian.failureCount(.agent("mei"), now: 21) == 0)
        #expect(guardian.failureCount(.address("127.0.0.1"), now: 21) == 19, "one right PIN does not wipe a stranger's guessing from there")
    }

    /// A supervisor vouches for one console: it gets in whatever the locks, and nobody else does.
    @Test func anApprovedConsoleIsLetInWhateverTheLocksAndOnlyIt() {
        var guardian = LoginGuard()
        for attempt in 1...5 { Self.fail(&guardian, "mei", at: Int64(attempt)) }
        for attempt in 1...15 { Self.fail(&guardian, "guess\(attempt)", at: Int64(attempt)) }
        #expect(guardian.lockedUntil(.address("127.0.0.1"), now: 20) != nil, "the address too")
        guardian.approve(console: 7, for: "mei")
        #expect(guardian.lockedUntil(id: "mei", host: "127.0.0.1", console: 7, now: 30) == nil)
        #expect(guardian.lockedUntil(id: "mei", host: "127.0.0.1", console: 8, now: 30) != nil, "another console is still locked out")
        #expect(guardian.lockedUntil(id: "sara", host: "127.0.0.1", console: 7, now: 30) != nil, "approved for mei only")
        guard case .check(let wrong) = guardian.admit(id: "mei", host: "127.0.0.1", console: 7, now: 31) else { Issue.record("not admitted"); return }
        #expect(guardian.finish(wrong, matched: false, now: 31) == .failed(newLocks: []), "a typo there is a typo")
        guard case .check(let right) = guardian.admit(id: "mei", host: "127.0.0.1", console: 7, now: 32) else { Issue.record("not admitted"); return }
        #expect(guardian.finish(right, matched: true, now: 32) == .accepted)
        #expect(!guardian.isApproved(console: 7, for: "mei"), "spent by the login")
        #expect(guardian.lockedUntil(id: "mei", host: "127.0.0.1", console: 8, now: 33) != nil, "the lock still holds for everyone else")

        var spent = LoginGuard()
        spent.approve(console: 9, for: "mei")
        for attempt in 1...5 { Self.fail(&spent, "mei", console: 9, at: Int64(attempt)) }
        #expect(!spent.isApproved(console: 9, for: "mei"), "five wrong PINs spend an approval")
        spent.approve(console: 10, for: "mei")
        spent.consoleEnded(10)
        #expect(!spent.isApproved(console: 10, for: "mei"), "and a console that closes takes its approval with it")
    }

    @Test func unlockingLiftsTheLockAndForgetsTheFailures() {
        var guardian = LoginGuard()
        for attempt in 1...5 { Self.fail(&guardian, "mei", at: Int64(attempt)) }
        #expect(guardian.unlock(.agent("mei"), now: 10) == 5 + 15 * Self.minute)
        #expect(guardian.failureCount(.agent("mei"), now: 11) == 0)
        guard case .check = guardian.admit(id: "mei", host: "127.0.0.1", console: 1, now: 11) else { Issue.record("still locked"); return }
        #expect(guardian.unlock(.address("10.9.9.9"), now: 11) == nil, "nothing to lift")
    }

    /// The lockouts file after a sync: its locks are taken on, and a lock that left it was
    /// lifted by the operator, so it goes with its count.
    @Test func adoptingTheFileTakesItsLocksAndDropsThoseLiftedThere() {
        var guardian = LoginGuard()
        for attempt in 1...5 { Self.fail(&guardian, "mei", at: Int64(attempt)) }
        guardian.adopt([.address("10.1.1.1"): 20 * Self.minute], clearing: [.agent("mei")], now: 10)
        #expect(guardian.lockedUntil(.agent("mei"), now: 11) == nil)
        #expect(guardian.failureCount(.agent("mei"), now: 11) == 0)
        #expect(guardian.lockedUntil(.address("10.1.1.1"), now: 11) == 20 * Self.minute)
        guardian.adopt([.agent("old"): 5], clearing: [], now: 10)
        #expect(guardian.lockedUntil(.agent("old"), now: 10) == nil, "an expired lock on file is not one")
    }
}
