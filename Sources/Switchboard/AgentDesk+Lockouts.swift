import Storage
import Reactor

/// The lockouts file as the running desk knows it: what it held after the last read or
/// write, the changes made here not yet written, and whether a write is under way.
struct LockoutSync {
    /// A change made on this server, to be written to the file.
    enum Change {
        case lock(LoginGuard.Key, until: Int64)
        case unlock(LoginGuard.Key)

        var key: LoginGuard.Key {
            switch self {
            case .lock(let key, _), .unlock(let key): key
            }
        }
    }

    /// What the file held after the last sync.
    var persisted: Set<LoginGuard.Key> = []
    /// Changes not yet written, oldest first.
    var pending: [Change] = []
    /// A sync is under way off the loop; another is wanted when it ends.
    var writing = false
    var again = false
    /// The file's stamp after the last sync: another stamp means someone else changed it.
    var stamp: FileStamp?
    var checkingStamp = false
    /// Until the first sync: approvals on file are from an earlier run and are dropped.
    var discardingApprovals = false
    /// The last problem reported, so a file that stays damaged is reported once.
    var lastProblem: String?
}

/// Keeping the console's lockouts on disk, and the ways to lift them: a supervisor's
/// `unlock` at the console, and the operator's `hotelline agents unlock`, which edits the
/// file; the desk notices the edit within a round and takes it on.
extension AgentDesk {
    /// At start: the locks on file are in force again (a restart lifts none), read without
    /// waiting for the staff lock (the file is only ever replaced whole), so a stuck
    /// `hotelline agents` cannot hold the line's start. The first sync then drops approvals
    /// left from an earlier run, since their console numbers meant that run's consoles.
    func startLockouts() {
        let now = lockClock.now().millisecondsSince1970
        let loaded: (LockoutFile, problems: [String])
        do {
            loaded = try LockoutFile.load(dataDirectory: dataDirectory)
        } catch {
            log("\(LockoutFile.path(in: dataDirectory)): lockouts not read: \(error); the console starts with none")
            return
        }
        for problem in loaded.problems { log(problem) }
        lockoutSync.lastProblem = loaded.problems.first  // the first sync finds the same, and drops the lines
        let locks = Self.locks(in: loaded.0)
        loginGuard.adopt(locks, clearing: [], now: now)
        lockoutSync.persisted = Set(locks.keys)
        lockoutSync.discardingApprovals = true
        syncLockouts()
    }

    /// Each round: let go of old counts, and notice an edited lockouts file.
    func lockoutsRound() {
        loginGuard.sweep(now: lockClock.now().millisecondsSince1970)
        if !lockoutSync.pending.isEmpty && !lockoutSync.writing {
            syncLockouts()  // a write that failed is tried again, a round later
            return
        }
        guard !lockoutSync.checkingStamp, !lockoutSync.writing else { return }
        lockoutSync.checkingStamp = true
        let path = LockoutFile.path(in: dataDirectory)
        work.submit({ FileStamp(path: path) }) { [weak self] stamp in
            guard let self else { return }
            self.lockoutSync.checkingStamp = false
            if stamp != self.lockoutSync.stamp { self.syncLockouts() }
        }
    }

    /// Locks set by failures go to the file: an agent's ID and an address, never a typed ID
    /// that is no agent's (it may be a PIN typed one prompt early).
    func saveNewLocks() {
        var changed = false
        for lock in loginGuard.takeNewLocks() {
            if case .agent(let id) = lock.key, roster.agent(id) == nil { continue }
            lockoutSync.pending.append(.lock(lock.key, until: lock.until))
            changed = true
        }
        if changed { syncLockouts() }
    }

    /// Writes the changes made here into the file, under the staff files' lock, with
    /// whatever the operator changed there meanwhile, then takes the file's locks on. One
    /// sync at a time; changes made during one wait for the next.
    func syncLockouts() {
        guard !lockoutSync.writing else {
            lockoutSync.again = true
            return
        }
        lockoutSync.writing = true
        let changes = lockoutSync.pending
        lockoutSync.pending = []
        let discarding = lockoutSync.discardingApprovals
        let directory = dataDirectory
        let now = lockClock.now().millisecondsSince1970
        work.submit({ () -> Result<(file: LockoutFile, approvals: [LockoutFile.Approval], problems: [String], stamp: FileStamp?), StaffError> in
            do throws(StaffError) {
                var approvals: [LockoutFile.Approval] = []
                let (file, problems, stamp) = try LockoutFile.update(dataDirectory: directory) { file in
                    for change in changes {
                        switch change {
                        case .lock(.agent(let id), let until): file.agents[id] = max(file.agents[id] ?? until, until)
                        case .lock(.address(let host), let until): file.addresses[host] = max(file.addresses[host] ?? until, until)
                        case .unlock(.agent(let id)): file.agents[id] = nil
                        case .unlock(.address(let host)): file.addresses[host] = nil
                        }
                    }
                    approvals = discarding ? [] : file.approvals
                    file.approvals = []
                    file.expire(now: now)
                }
                return .success((file, approvals, problems, stamp))
            } catch {
                return .failure(error)
            }
        }) { [weak self] result in
            guard let self else { return }
            self.lockoutSync.writing = false
            switch result {
            case .success(let synced):
                self.lockoutSync.discardingApprovals = false
                self.adoptLockouts(synced.file, approvals: synced.approvals)
                self.lockoutSync.stamp = synced.stamp
                self.report(synced.problems.first)
            case .failure(let error):
                // Kept in memory and tried again next round; the locks hold meanwhile.
                self.lockoutSync.pending = changes + self.lockoutSync.pending
                self.report("\(LockoutFile.path(in: directory)): lockouts not saved (they hold until the server stops, and are tried again): \(error)")
                return
            }
            if self.lockoutSync.again || !self.lockoutSync.pending.isEmpty {
                self.lockoutSync.again = false
                self.syncLockouts()
            }
        }
    }

    private func report(_ problem: String?) {
        guard problem != lockoutSync.lastProblem else { return }
        lockoutSync.lastProblem = problem
        if let problem { log(problem) }
    }

    /// Takes the file's locks on (a lock that left the file was lifted by the operator,
    /// unless a change made here since is on its way), and lets in the consoles the
    /// operator approved.
    private func adoptLockouts(_ file: LockoutFile, approvals: [LockoutFile.Approval]) {
        let now = lockClock.now().millisecondsSince1970
        let locks = Self.locks(in: file)
        // A key changed here since this sync began is as memory has it: the next sync writes it.
        let onTheirWay = Set(lockoutSync.pending.map(\.key))
        let cleared = lockoutSync.persisted.subtracting(locks.keys).subtracting(onTheirWay)
        loginGuard.adopt(locks.filter { !onTheirWay.contains($0.key) }, clearing: cleared, now: now)
        lockoutSync.persisted = Set(locks.keys)
        for approval in approvals where approval.until > now {
            guard let console = consoles[approval.console], console.login.isWaitingForLogin else {
                log("\(LockoutFile.path(in: dataDirectory)): the approval of console \(approval.console) for \(approval.agent) "
                    + "finds no such console waiting to log in; it is dropped")
                continue
            }
            loginGuard.approve(console: approval.console, for: approval.agent)
            console.say("* The operator let this console in as \(approval.agent), whatever the locks: type the ID and PIN.")
            if console.login.isAskingForID { console.say("Agent ID:") }
        }
    }

    private static func locks(in file: LockoutFile) -> [LoginGuard.Key: Int64] {
        var locks: [LoginGuard.Key: Int64] = [:]
        for (id, until) in file.agents { locks[.agent(id)] = until }
        for (host, until) in file.addresses { locks[.address(host)] = until }
        return locks
    }

    // MARK: Supervisor commands

    /// `unlock ID` / `unlock ADDRESS`: lifts the lock and forgets the failures (audited).
    func unlock(_ key: LoginGuard.Key, by supervisor: String) -> String {
        let now = lockClock.now().millisecondsSince1970
        let until = loginGuard.unlock(key, now: now)
        lockoutSync.pending.append(.unlock(key))
        syncLockouts()
        switch key {
        case .agent(let id):
            audit("unlock", ["agent": .text(ConsoleLogin.audited(id, in: roster)), "by": .text(supervisor)])
            return until.map { "\(id) is unlocked (it had \(ConsoleLogin.minutes(from: now, to: $0)) minute(s) to go); its failed logins are forgotten." }
                ?? "\(id) was not locked; its failed logins are forgotten."
        case .address(let host):
            audit("unlock", ["address": .text(host), "by": .text(supervisor)])
            return until.map { "\(host) is unlocked (it had \(ConsoleLogin.minutes(from: now, to: $0)) minute(s) to go); its failed logins are forgotten." }
                ?? "\(host) was not locked; its failed logins are forgotten."
        }
    }

    /// `unlock ID CONSOLE`: that console, and only it, may log in as `id` whatever the
    /// locks (audited), until it logs in, closes or fails as many times as an ID may.
    func approve(console number: UInt64, for id: String, by supervisor: String) -> String {
        guard let console = consoles[number], console.login.isWaitingForLogin else {
            return "Cannot: there is no console \(number) waiting to log in (type lockouts for those that are)."
        }
        loginGuard.approve(console: number, for: id)
        audit("approve", ["agent": .text(ConsoleLogin.audited(id, in: roster)), "console": .number(Int(number)),
                          "from": .text(console.host), "by": .text(supervisor)])
        console.say("* \(supervisor) let this console in as \(id), whatever the locks: type the ID and PIN.")
        if console.login.isAskingForID { console.say("Agent ID:") }
        return "Console \(number) (from \(console.host)) may log in as \(id) now, whatever the locks."
    }

    /// `lockouts`: what is locked, for how long, and the consoles waiting to log in.
    func lockoutsReport() -> String {
        let now = lockClock.now().millisecondsSince1970
        var rows: [[String]] = []
        for (key, until) in loginGuard.locks.filter({ $0.value > now }).sorted(by: { $0.value < $1.value }) {
            let (kind, name): (String, String)
            switch key {
            // An ID that is no agent's may be a PIN typed early: by its length only, as in the audit log.
            case .agent(let id): (kind, name) = ("ID", ConsoleLogin.audited(id, in: roster))
            case .address(let host): (kind, name) = ("address", host)
            }
            rows.append([kind, name, "\(ConsoleLogin.minutes(from: now, to: until)) min", String(loginGuard.failureCount(key, now: now))])
        }
        let waiting = consoles.values.filter { $0.login.isWaitingForLogin }.sorted { $0.connection.id < $1.connection.id }
        var lines = [rows.isEmpty ? "Nothing is locked." : ConsoleText.table(["LOCKED", "WHAT", "LEFT", "FAILURES"], rows)]
        lines.append(waiting.isEmpty ? "No console is waiting to log in." : ConsoleText.table(
            ["CONSOLE", "FROM", "CONNECTED"],
            waiting.map { [String($0.connection.id), $0.host, ConsoleText.duration(center.loop.now - $0.connectedAt)] }))
        return lines.joined(separator: "\n")
    }
}
