import Storage
import Telnet
import Reactor

/// One agent console's login, as a value: the agent's ID, then the PIN with typing hidden,
/// the PIN checked off the loop, then the agent is in, or refused and asked again. Events
/// go in as facts (`typed`, `pinChecked`); what comes out says what to do (`askForPIN`,
/// `checkPIN`, `welcome`), and `AgentDesk` does it. No I/O, so every path is tested
/// without sockets.
///
/// Promises: a wrong ID and a wrong PIN get the same answer after the same work (an
/// unknown ID is checked against a decoy hash), so the console never tells a stranger which
/// IDs exist. Lines typed while a PIN is checked are dropped. Every login, failure,
/// lockout, refusal, logout and revocation comes out with its audit entry, keyed on the
/// peer's host (never cut from `host:port`); an ID that is no agent's is audited by its
/// length only. Who is locked out, and for how long, is `LoginGuard`'s to decide: the
/// machine asks it when an ID is typed, asks it again to admit the PIN's check (which it
/// counts in flight), and tells it the result, which it may still refuse because of a lock
/// set meanwhile. A check whose console closed is still reported, so it still counts.
struct ConsoleLogin {
    enum State {
        /// Accepted; nothing asked yet.
        case idle
        /// Waiting for the agent's ID.
        case askingID
        /// Waiting for the PIN of `id`; the console is hiding what is typed.
        case askingPIN(id: String)
        /// The PIN of `attempt` is being hashed against `hash` off the loop; lines are dropped.
        case checkingPIN(LoginGuard.Attempt, hash: String)
        /// `account` is logged in: each line is theirs to run.
        case loggedIn(AgentAccount)
        /// The console ended while the PIN of `attempt` was checked against `hash`: the
        /// result is counted when it comes, then nothing more.
        case closedWhileChecking(LoginGuard.Attempt, hash: String)
        /// Logged out, revoked or disconnected: the console is closing.
        case closed
    }

    /// A line for the audit log, with the peer's host where a login is concerned.
    enum Audit: Equatable {
        case login(agent: String, from: String)
        case loginFailed(agent: String, from: String)
        /// The ID is locked after failures (from anywhere; `from` set off the last one).
        case lockout(agent: String, from: String, minutes: Int)
        /// The address is locked after failures at many IDs.
        case addressLockout(address: String, minutes: Int)
        /// The PIN was checked but not let in: another console has the ID
        /// (`already-logged-in`), or a lock came while it was checked (`locked`).
        case loginRefused(agent: String, from: String, reason: String)
        case logout(agent: String)
        case revoked(agent: String)
    }

    /// What to do when the console is accepted.
    enum ConnectedAction: Equatable {
        /// Say "Agent ID:".
        case askForID
    }

    /// What to do with a line the peer typed.
    enum TypedAction: Equatable {
        /// Nothing was typed: ask for the ID again.
        case askForID
        /// Say `message` (this ID or this host is locked out, or busy), then ask for the ID again.
        case refuse(String)
        /// Hide what is typed from now on (telnet WILL ECHO), then say "PIN:".
        case askForPIN
        /// Show typing again and end the hidden line, then hash `pin` against `hash` off the
        /// loop and report with `pinChecked`.
        case checkPIN(id: String, pin: String, hash: String)
        /// The agent is logged in: run the line as theirs (a command, or words to a guest).
        case runCommand(String, by: AgentAccount)
        /// Drop the line: the PIN is being checked, or the console is closing.
        case ignore
    }

    /// What to do once the PIN has been checked.
    enum PINCheckedAction: Equatable {
        /// Write `audit`, greet the agent and make them available for calls.
        case welcome(AgentAccount, audit: Audit)
        /// Write `audit`, say `message`, then ask for the ID again.
        case refuse(String, audit: [Audit])
        /// The console closed while its PIN was checked: only write `audit` (maybe nothing).
        case record([Audit])
    }

    /// What to do when the agents file has changed.
    enum RosterChangedAction: Equatable {
        /// The agent was removed: write `audit`, tell them, end their calls and close.
        case revoke(AgentAccount, audit: [Audit])
        /// Nothing to do (the account, if any, is brought up to date).
        case ignore
    }

    /// What to do when the console ends (logout, end of input, closed by either side).
    enum EndedAction: Equatable {
        /// Write `audit` and take the agent out of the queue and of any call they watch.
        case logOut(AgentAccount, audit: Audit)
        /// Nobody was logged in.
        case ignore
    }

    /// The peer this login is for; lockouts and the audit log go by its host.
    let peer: SocketAddress
    /// The console's number (its connection's ID), which a supervisor names to approve it.
    let console: UInt64
    private let decoyHash: String
    private var state: State = .idle

    /// `decoyHash` is what an unknown ID's PIN is checked against, so that it costs the
    /// same as a known one.
    init(peer: SocketAddress, console: UInt64, decoyHash: String) {
        self.peer = peer
        self.console = console
        self.decoyHash = decoyHash
    }

    /// The account logged in on this console, if any.
    var account: AgentAccount? {
        switch state {
        case .loggedIn(let account): return account
        case .idle, .askingID, .askingPIN, .checkingPIN, .closedWhileChecking, .closed: return nil
        }
    }

    /// True until someone is logged in here (or the console ends): what the login timeout
    /// and the per-address limit on consoles not yet logged in count.
    var isWaitingForLogin: Bool {
        switch state {
        case .idle, .askingID, .askingPIN, .checkingPIN: return true
        case .loggedIn, .closedWhileChecking, .closed: return false
        }
    }

    /// True while the console waits for an agent ID (to ask for it again after a note).
    var isAskingForID: Bool {
        if case .askingID = state { return true }
        return false
    }

    // MARK: Events

    /// The console was accepted.
    mutating func connected() -> ConnectedAction {
        switch state {
        case .idle:
            state = .askingID
            return .askForID
        case .askingID, .askingPIN, .checkingPIN, .loggedIn, .closedWhileChecking, .closed:
            preconditionFailure("Invalid state: connected twice (\(state))")
        }
    }

    /// The peer typed `line`. `roster` holds the accounts now; `lockouts` says who must
    /// wait, and counts a PIN's check in flight when it lets one through.
    mutating func typed(_ line: String, roster: AgentRoster, lockouts: inout LoginGuard, now: Int64) -> TypedAction {
        switch state {
        case .idle:
            preconditionFailure("Invalid state: a line before the console was accepted")
        case .askingID:
            let id = String(line.trimmingSpacesAndTabs()).lowercased()
            guard !id.isEmpty else { return .askForID }
            if let until = lockouts.lockedUntil(id: id, host: peer.host, console: console, now: now) {
                return .refuse(lockedMessage(id: id, until: until, now: now))
            }
            state = .askingPIN(id: id)
            return .askForPIN
        case .askingPIN(let id):
            switch lockouts.admit(id: id, host: peer.host, console: console, now: now) {
            case .locked(let until):
                // Locked by other consoles while this one typed its PIN: the PIN is not checked.
                state = .askingID
                return .refuse(lockedMessage(id: id, until: until, now: now))
            case .busy:
                state = .askingID
                return .refuse("Too many logins are being checked for this ID or from this address at once. Please try again in a moment.")
            case .check(let attempt):
                // An unknown ID is checked against the decoy: the same work, the same answer.
                let hash = roster.agent(id)?.pinHash ?? decoyHash
                state = .checkingPIN(attempt, hash: hash)
                return .checkPIN(id: id, pin: String(line.trimmingSpacesAndTabs()), hash: hash)
            }
        case .checkingPIN, .closedWhileChecking, .closed:
            return .ignore
        case .loggedIn(let account):
            return .runCommand(line, by: account)
        }
    }

    /// The PIN typed for this console matched its hash, or not. `roster` holds the accounts
    /// now; `idInUseElsewhere` says whether another console is logged in with this ID.
    mutating func pinChecked(matches: Bool, roster: AgentRoster, idInUseElsewhere: Bool,
                             lockouts: inout LoginGuard, now: Int64) -> PINCheckedAction {
        switch state {
        case .checkingPIN(let attempt, let hash):
            state = .askingID
            let (id, host) = (attempt.id, attempt.host)
            let audited = Self.audited(id, in: roster)
            // The decoy matches its own PIN, and a PIN changed meanwhile matched the old
            // hash: only the account's current hash lets anyone in.
            let account = matches ? roster.agent(id).flatMap { $0.pinHash == hash ? $0 : nil } : nil
            switch lockouts.finish(attempt, matched: account != nil, now: now) {
            case .lockedMeanwhile(let until):
                return .refuse(lockedMessage(id: id, until: until, now: now),
                               audit: [.loginRefused(agent: audited, from: host, reason: "locked")])
            case .accepted:
                guard let account else { preconditionFailure("Invalid verdict: accepted without an account") }
                if idInUseElsewhere {
                    return .refuse("\(id) is already logged in on another console; log out there first.",
                                   audit: [.loginRefused(agent: id, from: host, reason: "already-logged-in")])
                }
                state = .loggedIn(account)
                return .welcome(account, audit: .login(agent: id, from: host))
            case .failed(let newLocks):
                let (entries, words) = Self.failed(audited, from: host, newLocks: newLocks, now: now)
                return .refuse(words, audit: entries)
            }
        case .closedWhileChecking(let attempt, let hash):
            // Nobody to answer, but a wrong guess counts: closing mid-check is no free try.
            state = .closed
            let matched = matches && roster.agent(attempt.id)?.pinHash == hash
            switch lockouts.finish(attempt, matched: matched, now: now) {
            case .accepted, .lockedMeanwhile:
                return .record([])
            case .failed(let newLocks):
                return .record(Self.failed(Self.audited(attempt.id, in: roster), from: attempt.host, newLocks: newLocks, now: now).audit)
            }
        case .closed:
            return .record([])
        case .idle, .askingID, .askingPIN, .loggedIn:
            preconditionFailure("Invalid state: a PIN checked that was never asked for (\(state))")
        }
    }

    /// The agents file was read again.
    mutating func rosterChanged(_ roster: AgentRoster) -> RosterChangedAction {
        switch state {
        case .loggedIn(let account):
            if let current = roster.agent(account.id) {
                state = .loggedIn(current)
                return .ignore
            }
            state = .closed
            return .revoke(account, audit: [.revoked(agent: account.id), .logout(agent: account.id)])
        case .idle, .askingID, .askingPIN, .checkingPIN, .closedWhileChecking, .closed:
            // The roster is read afresh when a PIN is checked.
            return .ignore
        }
    }

    /// The console is ending: logged out, the peer left, or the line is closing. Later
    /// events find it closed.
    mutating func ended() -> EndedAction {
        switch state {
        case .loggedIn(let account):
            state = .closed
            return .logOut(account, audit: .logout(agent: account.id))
        case .checkingPIN(let attempt, let hash):
            state = .closedWhileChecking(attempt, hash: hash)
            return .ignore
        case .closedWhileChecking:
            return .ignore
        case .idle, .askingID, .askingPIN, .closed:
            state = .closed
            return .ignore
        }
    }

    /// The audit entries and the words for a wrong PIN, with the locks it set.
    private static func failed(_ audited: String, from host: String, newLocks: [LoginGuard.Lock],
                               now: Int64) -> (audit: [Audit], words: String) {
        var entries: [Audit] = [.loginFailed(agent: audited, from: host)]
        var locked: [String] = []
        var minutes = 0
        for lock in newLocks {
            minutes = max(minutes, Self.minutes(from: now, to: lock.until))
            switch lock.key {
            case .agent:
                entries.append(.lockout(agent: audited, from: host, minutes: Self.minutes(from: now, to: lock.until)))
                locked.append("this ID")
            case .address(let address):
                entries.append(.addressLockout(address: address, minutes: Self.minutes(from: now, to: lock.until)))
                locked.append("this address")
            }
        }
        guard !locked.isEmpty else { return (entries, "Login incorrect.") }
        let what = locked.joined(separator: " and ")
        return (entries, "Login incorrect. Too many failed logins: \(what) \(locked.count > 1 ? "are" : "is") locked for \(minutes) minutes.")
    }

    /// "Try again in N minute(s)", and how to be let in sooner: a supervisor approves this
    /// console (said for any ID shaped like one, known or not, so it tells nothing).
    private func lockedMessage(id: String, until: Int64, now: Int64) -> String {
        let wait = "Too many failed logins. Try again in \(Self.minutes(from: now, to: until)) minute(s)"
        guard AgentRoster.isValidID(id) else { return wait + "." }
        return wait + ", or ask a supervisor to type \"unlock \(id) \(console)\" to let this console in."
    }

    /// The typed ID as the audit log may keep it: an agent's ID as it is; anything else only
    /// by its length, `?unknown(4 chars)`, because a line typed at "Agent ID:" that is no
    /// agent's may be a PIN typed one prompt early, and the log must never hold a PIN. (A
    /// hash would not hide it: four to twelve digits are guessed from any hash in seconds.)
    static func audited(_ id: String, in roster: AgentRoster) -> String {
        roster.agent(id) != nil ? id : "?unknown(\(id.unicodeScalars.count) chars)"
    }

    /// Whole minutes until `until`, rounded up: "try again in 15 minute(s)".
    static func minutes(from now: Int64, to until: Int64) -> Int {
        Int((max(0, until - now) + 59_999) / 60_000)
    }
}

extension ConsoleLogin.Audit {
    /// The audit log's line for this entry at `milliseconds` (UTC).
    func line(at milliseconds: Int64) -> String {
        switch self {
        case .login(let agent, let from): AuditLog.line("login", ["agent": .text(agent), "from": .text(from)], at: milliseconds)
        case .loginFailed(let agent, let from): AuditLog.line("login-failed", ["agent": .text(agent), "from": .text(from)], at: milliseconds)
        case .lockout(let agent, let from, let minutes):
            AuditLog.line("lockout", ["agent": .text(agent), "from": .text(from), "minutes": .number(minutes)], at: milliseconds)
        case .loginRefused(let agent, let from, let reason):
            AuditLog.line("login-refused", ["agent": .text(agent), "from": .text(from), "reason": .text(reason)], at: milliseconds)
        case .logout(let agent): AuditLog.line("logout", ["agent": .text(agent)], at: milliseconds)
        case .revoked(let agent): AuditLog.line("revoked", ["agent": .text(agent)], at: milliseconds)
        case .addressLockout(let address, let minutes):
            AuditLog.line("lockout", ["address": .text(address), "minutes": .number(minutes)], at: milliseconds)
        }
    }
}
