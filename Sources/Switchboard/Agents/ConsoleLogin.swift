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
/// peer's host (never cut from `host:port`). Who is locked out, and for how long, is
/// `LoginGuard`'s to decide: the machine asks it before taking a PIN and tells it each
/// result, so the policy changes without the machine changing.
struct ConsoleLogin {
    enum State {
        /// Accepted; nothing asked yet.
        case idle
        /// Waiting for the agent's ID.
        case askingID
        /// Waiting for the PIN of `id`; the console is hiding what is typed.
        case askingPIN(id: String)
        /// The PIN for `id` is being hashed against `hash` off the loop; lines are dropped.
        case checkingPIN(id: String, hash: String)
        /// `account` is logged in: each line is theirs to run.
        case loggedIn(AgentAccount)
        /// Logged out, revoked or disconnected: the console is closing.
        case closed
    }

    /// A line for the audit log, with the peer's host where a login is concerned.
    enum Audit: Equatable {
        case login(agent: String, from: String)
        case loginFailed(agent: String, from: String)
        case lockout(agent: String, from: String, minutes: Int)
        /// The PIN was right but the agent is at another console already.
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
        /// Say `message` (this ID or this host is locked out), then ask for the ID again.
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
        /// Nothing: the console closed while its PIN was checked.
        case ignore
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
    private let decoyHash: String
    private var state: State = .idle

    /// `decoyHash` is what an unknown ID's PIN is checked against, so that it costs the
    /// same as a known one.
    init(peer: SocketAddress, decoyHash: String) {
        self.peer = peer
        self.decoyHash = decoyHash
    }

    /// The account logged in on this console, if any.
    var account: AgentAccount? {
        switch state {
        case .loggedIn(let account): return account
        case .idle, .askingID, .askingPIN, .checkingPIN, .closed: return nil
        }
    }

    // MARK: Events

    /// The console was accepted.
    mutating func connected() -> ConnectedAction {
        switch state {
        case .idle:
            state = .askingID
            return .askForID
        case .askingID, .askingPIN, .checkingPIN, .loggedIn, .closed:
            preconditionFailure("Invalid state: connected twice (\(state))")
        }
    }

    /// The peer typed `line`. `roster` holds the accounts now; `lockouts` says who must wait.
    mutating func typed(_ line: String, roster: AgentRoster, lockouts: LoginGuard, now: Double) -> TypedAction {
        switch state {
        case .idle:
            preconditionFailure("Invalid state: a line before the console was accepted")
        case .askingID:
            let id = String(line.trimmingSpacesAndTabs()).lowercased()
            guard !id.isEmpty else { return .askForID }
            if let until = lockouts.lockedUntil(id: id, host: peer.host, now: now) {
                return .refuse("Too many failed logins. Try again in \(Self.minutes(from: now, to: until)) minute(s).")
            }
            state = .askingPIN(id: id)
            return .askForPIN
        case .askingPIN(let id):
            // An unknown ID is checked against the decoy: the same work, the same answer.
            let hash = roster.agent(id)?.pinHash ?? decoyHash
            state = .checkingPIN(id: id, hash: hash)
            return .checkPIN(id: id, pin: String(line.trimmingSpacesAndTabs()), hash: hash)
        case .checkingPIN, .closed:
            return .ignore
        case .loggedIn(let account):
            return .runCommand(line, by: account)
        }
    }

    /// The PIN typed for this console matched its hash, or not. `roster` holds the accounts
    /// now; `idInUseElsewhere` says whether another console is logged in with this ID.
    mutating func pinChecked(matches: Bool, roster: AgentRoster, idInUseElsewhere: Bool,
                             lockouts: inout LoginGuard, now: Double) -> PINCheckedAction {
        switch state {
        case .checkingPIN(let id, let hash):
            state = .askingID
            let host = peer.host
            // The decoy matches its own PIN, and a PIN changed meanwhile matched the old
            // hash: only the account's current hash lets anyone in.
            if matches, let account = roster.agent(id), account.pinHash == hash {
                if idInUseElsewhere {
                    return .refuse("\(id) is already logged in on another console; log out there first.",
                                   audit: [.loginRefused(agent: id, from: host, reason: "already-logged-in")])
                }
                lockouts.succeeded(id: id, host: host)
                state = .loggedIn(account)
                return .welcome(account, audit: .login(agent: id, from: host))
            }
            let audited = Self.audited(id, in: roster)
            guard let until = lockouts.failed(id: id, host: host, now: now) else {
                return .refuse("Login incorrect.", audit: [.loginFailed(agent: audited, from: host)])
            }
            let minutes = Self.minutes(from: now, to: until)
            return .refuse("Login incorrect. Too many failed logins: this ID and this address are locked for \(minutes) minutes.",
                           audit: [.loginFailed(agent: audited, from: host), .lockout(agent: audited, from: host, minutes: minutes)])
        case .closed:
            // The peer left while the hash was computed: nobody to answer.
            return .ignore
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
        case .idle, .askingID, .askingPIN, .checkingPIN, .closed:
            // The roster is read afresh when a PIN is checked.
            return .ignore
        }
    }

    /// The console is ending: logged out, the peer left, or the line is closing. Later
    /// events find it closed.
    mutating func ended() -> EndedAction {
        defer { state = .closed }
        switch state {
        case .loggedIn(let account):
            return .logOut(account, audit: .logout(agent: account.id))
        case .idle, .askingID, .askingPIN, .checkingPIN, .closed:
            return .ignore
        }
    }

    /// The typed ID as the audit log may keep it: an agent's ID as it is; anything else only
    /// by its length, `?unknown(4 chars)`, because a line typed at "Agent ID:" that is no
    /// agent's may be a PIN typed one prompt early, and the log must never hold a PIN. (A
    /// hash would not hide it: four to twelve digits are guessed from any hash in seconds.)
    static func audited(_ id: String, in roster: AgentRoster) -> String {
        roster.agent(id) != nil ? id : "?unknown(\(id.unicodeScalars.count) chars)"
    }

    /// Whole minutes until `until`, rounded up: "try again in 15 minute(s)".
    private static func minutes(from now: Double, to until: Double) -> Int {
        Int(((until - now) / 60).rounded(.up))
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
        }
    }
}
