import Testing
@testable import Switchboard

/// The lookups' limits, as a value: no sockets, no clock but the seconds given.
@Suite("Lookup guard")
struct LookupGuardTests {
    @Test func aCallIsRefusedAtItsLimitAndAnAddressAtItsOwnUntilTheLockEnds() {
        var settings = LookupGuard.Settings()
        settings.maxFailuresPerAddress = 4
        settings.lockSeconds = 60
        var guardian = LookupGuard(settings: settings)
        #expect(guardian.allows(callFailures: 2, address: "192.0.2.1", now: 0))
        #expect(!guardian.allows(callFailures: 3, address: "192.0.2.1", now: 0), "three wrong tries end a call's lookups")
        let locks = (0..<4).map { guardian.failed(address: "192.0.2.1", now: Double($0)) }
        #expect(locks == [false, false, false, true], "the fourth locks the address")
        #expect(!guardian.allows(callFailures: 0, address: "192.0.2.1", now: 10), "a new call from there too")
        #expect(guardian.allows(callFailures: 0, address: "192.0.2.2", now: 10), "another address is not")
        let again = guardian.failed(address: "192.0.2.1", now: 20)
        #expect(!again, "locked once, not again while locked")
        #expect(guardian.allows(callFailures: 0, address: "192.0.2.1", now: 63), "the lock ends")
        let afterwards = guardian.failed(address: "192.0.2.1", now: 64)
        #expect(!afterwards, "and the count starts again")
    }
}
