import Storage
import Telnet
import Testing
@testable import Switchboard
import Reactor

/// The console's login without sockets: make the machine, send an event, expect the action.
@Suite("Console login")
struct ConsoleLoginTests {
    static let mei = AgentAccount(id: "mei", name: "Mei", role: .agent, pinHash: "$y$mei-hash")
    static let sara = AgentAccount(id: "sara", name: "Sara", role: .supervisor, pinHash: "$y$sara-hash")
    static let roster = AgentRoster(agents: [mei, sara])
    static let decoy = "$y$decoy-hash"
    static let local = SocketAddress(host: "127.0.0.1", port: 50_000)!

    /// A login asked for its ID, as the desk leaves it once the console is accepted.
    static func login(from peer: SocketAddress = local, console: UInt64 = 1) -> ConsoleLogin {
        var login = ConsoleLogin(peer: peer, console: console, decoyHash: decoy)
        #expect(login.connected() == .askForID)
        return login
    }

    /// Types `id` and `pin` and reports the check as `matches`; returns the final action.
    static func attempt(_ login: inout ConsoleLogin, _ id: String, _ pin: String, matches: Bool,
                        lockouts: inout LoginGuard, now: Int64 = 0, elsewhere: Bool = false) -> ConsoleLogin.PINCheckedAction {
        #expect(login.typed(id, roster: roster, lockouts: &lockouts, now: now) == .askForPIN)
        guard case .checkPIN = login.typed(pin, roster: roster, lockouts: &lockouts, now: now) else {
            Issue.record("no PIN check for \(id)")
            return .record([])
        }
        return login.pinChecked(matches: matches, roster: roster, idInUseElsewhere: elsewhere, lockouts: &lockouts, now: now)
    }

    static let minute: Int64 = 60_000

    @Test func aGoodLoginHidesThePinChecksItOffTheLoopAndWelcomesTheAgent() {
        var login = Self.login()
        var lockouts = LoginGuard()
        #expect(login.typed("  MEI\t", roster: Self.roster, lockouts: &lockouts, now: 0) == .askForPIN, "trimmed, any case")
        #expect(login.typed(" 4821 ", roster: Self.roster, lockouts: &lockouts, now: 0) == .checkPIN(id: "mei", pin: "4821", hash: Self.mei.pinHash))
        #expect(login.account == nil, "not in until the PIN is checked")
        #expect(login.isWaitingForLogin)
        #expect(login.pinChecked(matches: true, roster: Self.roster, idInUseElsewhere: false, lockouts: &lockouts, now: 1)
                == .welcome(Self.mei, audit: .login(agent: "mei", from: "127.0.0.1")))
        #expect(login.account == Self.mei)
        #expect(!login.isWaitingForLogin)
        #expect(login.typed("sessions", roster: Self.roster, lockouts: &lockouts, now: 2) == .runCommand("sessions", by: Self.mei))
    }

    @Test func anEmptyIDIsAskedForAgain() {
        var login = Self.login()
        var fresh = LoginGuard()
        #expect(login.typed(" \t ", roster: Self.roster, lockouts: &fresh, now: 0) == .askForID)
        #expect(login.typed("mei", roster: Self.roster, lockouts: &fresh, now: 0) == .askForPIN)
    }

    @Test func aWrongPinIsRefusedAndAuditedAndTheIDIsAskedAgain() {
        var login = Self.login()
        var lockouts = LoginGuard()
        #expect(Self.attempt(&login, "mei", "0000", matches: false, lockouts: &lockouts)
                == .refuse("Login incorrect.", audit: [.loginFailed(agent: "mei", from: "127.0.0.1")]))
        #expect(login.account == nil)
        #expect(login.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 0) == .askForPIN, "asking for the ID again")
    }

    /// An unknown ID is asked for its PIN like any other, checked against the decoy, and
    /// refused in the same words: the console never says which IDs exist. Even the PIN that
    /// matches the decoy lets nobody in.
    @Test func aWrongIDGetsTheSameAnswerAfterTheSameWorkAsAWrongPin() {
        var login = Self.login()
        var lockouts = LoginGuard()
        #expect(login.typed("nosuchagent", roster: Self.roster, lockouts: &lockouts, now: 0) == .askForPIN)
        #expect(login.typed("0000", roster: Self.roster, lockouts: &lockouts, now: 0)
                == .checkPIN(id: "nosuchagent", pin: "0000", hash: Self.decoy))
        #expect(login.pinChecked(matches: true, roster: Self.roster, idInUseElsewhere: false, lockouts: &lockouts, now: 0)
                == .refuse("Login incorrect.", audit: [.loginFailed(agent: "?unknown(11 chars)", from: "127.0.0.1")]),
                "an ID that is no agent's is logged by its length only: it may be a PIN typed one prompt early")
        var wrongPIN = Self.login()
        #expect(Self.attempt(&wrongPIN, "mei", "0000", matches: false, lockouts: &lockouts)
                == .refuse("Login incorrect.", audit: [.loginFailed(agent: "mei", from: "127.0.0.1")]))
        var unknown = Self.login(console: 2)
        for attempt in 1...4 { _ = Self.attempt(&unknown, "ghost", "0000", matches: false, lockouts: &lockouts, now: Int64(attempt)) }
        #expect(Self.attempt(&unknown, "ghost", "0000", matches: false, lockouts: &lockouts, now: 5) == .refuse(
            "Login incorrect. Too many failed logins: this ID is locked for 15 minutes.",
            audit: [.loginFailed(agent: "?unknown(5 chars)", from: "127.0.0.1"), .lockout(agent: "?unknown(5 chars)", from: "127.0.0.1", minutes: 15)]),
            "an unknown ID locks like a known one: a lock tells nobody which IDs exist")
    }

    /// The decoy costs what a real hash costs: yescrypt with the same parameters.
    @Test func theDecoyHashIsMadeAsAnAgentsHashIs() throws {
        let decoy = try PinHasher.hash("0000"), real = try PinHasher.hash("4821")
        func parameters(_ hash: String) -> [Substring] { Array(hash.split(separator: "$").prefix(2)) }
        #expect(parameters(decoy) == parameters(real))
        #expect(parameters(decoy).first == "y")
    }

    @Test func fiveFailuresLockTheIDForFifteenMinutesFromEveryConsoleButNotTheAddress() {
        var login = Self.login()
        var lockouts = LoginGuard()
        // The time is exact: minutes were once counted in floating-point seconds, and a lock
        // set at a large clock reading was said to last 16.
        let now = 1_796_234_400_123 as Int64
        for attempt in 1...4 {
            #expect(Self.attempt(&login, "mei", "0000", matches: false, lockouts: &lockouts, now: now - Int64(attempt))
                    == .refuse("Login incorrect.", audit: [.loginFailed(agent: "mei", from: "127.0.0.1")]))
        }
        #expect(Self.attempt(&login, "mei", "0000", matches: false, lockouts: &lockouts, now: now) == .refuse(
            "Login incorrect. Too many failed logins: this ID is locked for 15 minutes.",
            audit: [.loginFailed(agent: "mei", from: "127.0.0.1"), .lockout(agent: "mei", from: "127.0.0.1", minutes: 15)]))
        #expect(login.typed("mei", roster: Self.roster, lockouts: &lockouts, now: now + Self.minute)
                == .refuse("Too many failed logins. Try again in 14 minute(s), or ask a supervisor to type \"unlock mei 1\" to let this console in."),
                "locked before any PIN is taken")
        #expect(login.typed("sara", roster: Self.roster, lockouts: &lockouts, now: now + Self.minute) == .askForPIN,
                "the address is not locked: every console may be on 127.0.0.1")
        var elsewhere = Self.login(from: SocketAddress(host: "10.0.0.9", port: 1)!, console: 2)
        #expect(elsewhere.typed("mei", roster: Self.roster, lockouts: &lockouts, now: now + Self.minute)
                == .refuse("Too many failed logins. Try again in 14 minute(s), or ask a supervisor to type \"unlock mei 2\" to let this console in."),
                "the ID is locked from every host")
    }

    /// Consoles opened in parallel, all at the PIN prompt before any failure: only as many
    /// PINs are checked as one console could have checked; then the ID is locked for all of
    /// them, the right PIN included.
    @Test func thirtyConsolesAtThePinPromptGetFiveChecksBetweenThem() {
        var lockouts = LoginGuard()
        var logins = (1...30).map { Self.login(console: UInt64($0)) }
        for index in logins.indices { #expect(logins[index].typed("mei", roster: Self.roster, lockouts: &lockouts, now: 0) == .askForPIN) }
        var checking: [Int] = []
        for index in logins.indices {
            switch logins[index].typed(index == 29 ? "4821" : "000\(index % 10)", roster: Self.roster, lockouts: &lockouts, now: 0) {
            case .checkPIN: checking.append(index)
            case .refuse(let message): #expect(message.hasPrefix("Too many logins are being checked"), "\(message)")
            default: Issue.record("unexpected answer")
            }
        }
        #expect(checking == [0, 1, 2, 3, 4])
        for index in checking { _ = logins[index].pinChecked(matches: false, roster: Self.roster, idInUseElsewhere: false, lockouts: &lockouts, now: 1) }
        #expect(logins[29].typed("mei", roster: Self.roster, lockouts: &lockouts, now: 2)
                == .refuse("Too many failed logins. Try again in 15 minute(s), or ask a supervisor to type \"unlock mei 30\" to let this console in."))
    }

    /// A console that typed its ID before the lock and its PIN after it: the PIN is not checked.
    @Test func aLockHoldsForAConsoleAlreadyAtThePinPrompt() {
        var lockouts = LoginGuard()
        var waiting = Self.login(console: 9)
        #expect(waiting.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 0) == .askForPIN)
        var guesser = Self.login(console: 1)
        for attempt in 1...5 { _ = Self.attempt(&guesser, "mei", "0000", matches: false, lockouts: &lockouts, now: Int64(attempt)) }
        #expect(waiting.typed("4821", roster: Self.roster, lockouts: &lockouts, now: 10)
                == .refuse("Too many failed logins. Try again in 15 minute(s), or ask a supervisor to type \"unlock mei 9\" to let this console in."))
    }

    /// The address locked while this PIN was checked: refused, in words that do not say
    /// whether the PIN was right.
    @Test func aRightPinWhoseResultComesAfterALockIsRefused() {
        var lockouts = LoginGuard()
        var login = Self.login(console: 1)
        _ = login.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 0)
        #expect(login.typed("4821", roster: Self.roster, lockouts: &lockouts, now: 0) == .checkPIN(id: "mei", pin: "4821", hash: Self.mei.pinHash))
        lockouts.adopt([.address("127.0.0.1"): 15 * Self.minute + 30], clearing: [], now: 1)  // the operator's file, say
        #expect(login.pinChecked(matches: true, roster: Self.roster, idInUseElsewhere: false, lockouts: &lockouts, now: 30) == .refuse(
            "Too many failed logins. Try again in 15 minute(s), or ask a supervisor to type \"unlock mei 1\" to let this console in.",
            audit: [.loginRefused(agent: "mei", from: "127.0.0.1", reason: "locked")]))
        #expect(login.account == nil)
    }

    /// Closing the console while the PIN is hashed is no free guess: the failure still counts.
    @Test func aGuessWhoseConsoleClosedStillCounts() {
        var lockouts = LoginGuard()
        for attempt in 1...5 {
            var login = Self.login(console: UInt64(attempt))
            _ = login.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 0)
            _ = login.typed("000\(attempt)", roster: Self.roster, lockouts: &lockouts, now: 0)
            #expect(login.ended() == .ignore)
            let recorded = login.pinChecked(matches: false, roster: Self.roster, idInUseElsewhere: false, lockouts: &lockouts, now: Int64(attempt))
            var expected: [ConsoleLogin.Audit] = [.loginFailed(agent: "mei", from: "127.0.0.1")]
            if attempt == 5 { expected.append(.lockout(agent: "mei", from: "127.0.0.1", minutes: 15)) }
            #expect(recorded == .record(expected))
        }
        #expect(lockouts.lockedUntil(.agent("mei"), now: 6) != nil)
        #expect(lockouts.checksInFlight(.agent("mei")) == 0)
    }

    @Test func anApprovedConsoleLogsInUnderTheLock() {
        var lockouts = LoginGuard()
        var guesser = Self.login(console: 1)
        for attempt in 1...5 { _ = Self.attempt(&guesser, "mei", "0000", matches: false, lockouts: &lockouts, now: Int64(attempt)) }
        var mei = Self.login(console: 4)
        lockouts.approve(console: 4, for: "mei")
        #expect(Self.attempt(&mei, "mei", "4821", matches: true, lockouts: &lockouts, now: 10) == .welcome(Self.mei, audit: .login(agent: "mei", from: "127.0.0.1")))
        #expect(guesser.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 11) != .askForPIN, "still locked for the guesser")
    }

    @Test func aLockExpiresAndTheRightPinGetsInThen() {
        var login = Self.login()
        var lockouts = LoginGuard()
        for attempt in 1...5 { _ = Self.attempt(&login, "mei", "0000", matches: false, lockouts: &lockouts, now: Int64(attempt) * 1000) }
        #expect(login.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 904_000)
                == .refuse("Too many failed logins. Try again in 1 minute(s), or ask a supervisor to type \"unlock mei 1\" to let this console in."))
        #expect(Self.attempt(&login, "mei", "4821", matches: true, lockouts: &lockouts, now: 905_000)
                == .welcome(Self.mei, audit: .login(agent: "mei", from: "127.0.0.1")))
    }

    @Test func linesTypedWhileThePinIsCheckedAreDropped() {
        var login = Self.login()
        var lockouts = LoginGuard()
        _ = login.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 0)
        _ = login.typed("4821", roster: Self.roster, lockouts: &lockouts, now: 0)
        #expect(login.typed("4821", roster: Self.roster, lockouts: &lockouts, now: 0) == .ignore)
        #expect(login.typed("sessions", roster: Self.roster, lockouts: &lockouts, now: 0) == .ignore)
        #expect(login.pinChecked(matches: true, roster: Self.roster, idInUseElsewhere: false, lockouts: &lockouts, now: 0)
                == .welcome(Self.mei, audit: .login(agent: "mei", from: "127.0.0.1")))
    }

    /// IPv6 peers are told apart by their whole host, and logged by it: `[::1]:5000` was once
    /// cut at the first colon to `[`, which made every IPv6 console one lockout bucket.
    @Test func ipv6HostsHaveTheirOwnLockoutsAndAreAuditedWhole() {
        var lockouts = LoginGuard()
        var first = Self.login(from: SocketAddress(host: "2001:db8::1", port: 5000)!)
        for attempt in 1...20 {
            let action = Self.attempt(&first, "guess\(attempt)", "0000", matches: false, lockouts: &lockouts, now: 1)
            guard case .refuse(_, let audit) = action else {
                Issue.record("\(action)")
                return
            }
            #expect(audit.first == .loginFailed(agent: "?unknown(\(attempt < 10 ? 6 : 7) chars)", from: "2001:db8::1"))
            if attempt == 20 { #expect(audit.last == .addressLockout(address: "2001:db8::1", minutes: 15)) }
        }
        var samePlace = Self.login(from: SocketAddress(host: "[2001:db8::1]", port: 6000)!, console: 2)
        #expect(samePlace.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 2)
                == .refuse("Too many failed logins. Try again in 15 minute(s), or ask a supervisor to type \"unlock mei 2\" to let this console in."),
                "another port of the same host is the same host")
        var neighbour = Self.login(from: SocketAddress(host: "2001:db8::2", port: 5000)!, console: 3)
        #expect(neighbour.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 2) == .askForPIN, "another IPv6 host is not")
        var loopback = Self.login(from: SocketAddress(host: "::1", port: 5000)!, console: 4)
        #expect(Self.attempt(&loopback, "mei", "4821", matches: true, lockouts: &lockouts, now: 2)
                == .welcome(Self.mei, audit: .login(agent: "mei", from: "::1")))
        #expect(ConsoleLogin.Audit.login(agent: "mei", from: "::1").line(at: 0) == #"{"at":"1970-01-01T00:00:00.000Z","event":"login","agent":"mei","from":"::1"}"# + "\n")
    }

    @Test func anAgentAlreadyAtAnotherConsoleIsRefusedWithoutCountingAFailure() {
        var login = Self.login()
        var lockouts = LoginGuard()
        for _ in 1...6 {
            #expect(Self.attempt(&login, "mei", "4821", matches: true, lockouts: &lockouts, elsewhere: true)
                    == .refuse("mei is already logged in on another console; log out there first.",
                               audit: [.loginRefused(agent: "mei", from: "127.0.0.1", reason: "already-logged-in")]))
        }
        #expect(lockouts.lockedUntil(id: "mei", host: "127.0.0.1", console: 1, now: 0) == nil)
    }

    @Test func aPinChangedWhileItWasCheckedLetsNobodyIn() {
        var login = Self.login()
        var lockouts = LoginGuard()
        _ = login.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 0)
        _ = login.typed("4821", roster: Self.roster, lockouts: &lockouts, now: 0)
        var changed = Self.mei
        changed.pinHash = "$y$new-hash"
        #expect(login.pinChecked(matches: true, roster: AgentRoster(agents: [changed]), idInUseElsewhere: false, lockouts: &lockouts, now: 0)
                == .refuse("Login incorrect.", audit: [.loginFailed(agent: "mei", from: "127.0.0.1")]))
    }

    @Test func endingLogsTheAgentOutOnceAndACheckThatComesLateIsIgnored() {
        var login = Self.login()
        var lockouts = LoginGuard()
        _ = Self.attempt(&login, "mei", "4821", matches: true, lockouts: &lockouts)
        #expect(login.ended() == .logOut(Self.mei, audit: .logout(agent: "mei")))
        #expect(login.ended() == .ignore, "closing after a logout logs nobody out twice")
        #expect(login.typed("sessions", roster: Self.roster, lockouts: &lockouts, now: 0) == .ignore)

        var leaving = Self.login()
        _ = leaving.typed("mei", roster: Self.roster, lockouts: &lockouts, now: 0)
        _ = leaving.typed("0000", roster: Self.roster, lockouts: &lockouts, now: 0)
        #expect(leaving.ended() == .ignore)
        #expect(leaving.pinChecked(matches: true, roster: Self.roster, idInUseElsewhere: false, lockouts: &lockouts, now: 0) == .record([]),
                "a right PIN from a console that left logs nobody in")
        #expect(leaving.account == nil)
    }

    @Test func anAgentRemovedFromTheRosterIsRevokedAndAChangedOneKeptUpToDate() {
        var login = Self.login()
        var lockouts = LoginGuard()
        _ = Self.attempt(&login, "mei", "4821", matches: true, lockouts: &lockouts)
        var renamed = Self.mei
        renamed.name = "Mei Ling"
        #expect(login.rosterChanged(AgentRoster(agents: [renamed, Self.sara])) == .ignore)
        #expect(login.account == renamed)
        #expect(login.rosterChanged(AgentRoster(agents: [Self.sara])) == .revoke(renamed, audit: [.revoked(agent: "mei"), .logout(agent: "mei")]))
        #expect(login.ended() == .ignore, "already logged out by the revocation")

        var asking = Self.login()
        #expect(asking.rosterChanged(AgentRoster()) == .ignore, "nobody logged in: nothing to revoke")
    }
}
