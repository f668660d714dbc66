import HotelCalendar
import Dialogue
import Glibc
import Storage
import Telnet
import Reactor

/// The agent console on `--agent-port`: agents log in with their ID and PIN (hidden in
/// telnet), see the calls and the queue, take and watch calls, talk with guests, and hand
/// them back. Supervisors also whisper, barge in and see the figures.
///
/// Runs on the event loop with the `ServiceCenter`; hashing a PIN and reading the agents
/// file happen off the loop. Each console's login is a `ConsoleLogin` value that decides;
/// the desk does what it says. Every login, failure, lockout, takeover, hang-up and phone
/// number shown goes to the audit log.
final class AgentDesk {
    let center: ServiceCenter
    let work: OffLoopWork
    let dataDirectory: String
    /// The real wall clock, for lockouts, failure windows and approvals: `hotelline agents`
    /// stamps the same lockouts file with it, so `serve --clock` (the hotel's business time)
    /// must not move them.
    let lockClock: WallClock
    let settings: ConsoleSettings
    private(set) var roster: AgentRoster
    private var rosterStamp: FileStamp?
    var consoles: [UInt64: AgentConsole] = [:]
    /// Who may try a PIN now; its locks are kept in `DATA/lockouts` (see `AgentDesk+Lockouts`).
    var loginGuard: LoginGuard
    /// The lockouts file as this server last wrote or read it, and what is on its way there.
    var lockoutSync: LockoutSync
    /// A hash to check unknown IDs against, so a wrong ID takes as long as a wrong PIN.
    var decoyHash: String { Self.decoyHash }
    /// Made once per process (a yescrypt hash costs as much as a login): a server has one
    /// desk, and the services a test process starts share it.
    private static let decoyHash = (try? PinHasher.hash("0000")) ?? "$y$"
    /// Where notes for the operator go (a damaged lockouts file, a failed write).
    let log: (String) -> Void

    init(center: ServiceCenter, loop: EventLoop, dataDirectory: String, settings: ConsoleSettings = ConsoleSettings(),
         lockClock: WallClock = .system, log: @escaping (String) -> Void = { _ in }) throws {
        self.center = center
        self.lockClock = lockClock
        self.dataDirectory = dataDirectory
        self.settings = settings
        self.log = log
        self.work = try OffLoopWork(loop: loop)
        self.roster = try AgentRoster.load(dataDirectory: dataDirectory)
        self.rosterStamp = FileStamp(path: AgentRoster.path(in: dataDirectory))
        self.loginGuard = LoginGuard(settings: settings.lockout)
        self.lockoutSync = LockoutSync()
        startLockouts()
        noteHeadsNotOnFile()
    }

    /// A department's head who is no agent here signs nothing off and hears of no
    /// escalated complaint: the operator hears of it at start-up and when the files change.
    func noteHeadsNotOnFile() {
        var departments: [String: [String]] = [:]
        for department in center.prompts.hotel.departments where roster.agent(department.head) == nil {
            departments[department.head, default: []].append(department.code)
        }
        for (head, codes) in departments.sorted(by: { $0.key < $1.key }) {
            log("hotel.conf names \"\(head)\" head of \(codes.joined(separator: ", ")), but \(AgentRoster.path(in: dataDirectory)) has no such agent: "
                + "add them (hotelline agents add \(head) …) or name another head; supervisors sign off meanwhile")
        }
    }

    /// How guests hear the agent called, escaped as all staff words to a guest are.
    func name(of agent: String) -> String { ConsoleText.safe(roster.agent(agent)?.name ?? agent) }

    func audit(_ event: String, _ details: KeyValuePairs<String, AuditLog.Value>) {
        center.files?.append(AuditLog.line(event, details, at: center.clock.now().millisecondsSince1970), to: AuditLog.fileName)
    }

    func audit(_ entry: ConsoleLogin.Audit) {
        center.files?.append(entry.line(at: center.clock.now().millisecondsSince1970), to: AuditLog.fileName)
    }

    // MARK: Output to consoles

    func show(_ lines: [String], toConsole id: UInt64) {
        guard let console = consoles[id] else { return }
        console.say(lines)
    }

    func show(_ lines: [String], toAgent agent: String) {
        guard let console = console(of: agent) else { return }
        show(lines, toConsole: console.connection.id)
    }

    /// Lines of `call` a guest caused (what they typed, what the line answered, a note on a
    /// line refused), for a console following the call: shown within the console's rate and
    /// room (`CallTraffic`), otherwise counted and summed up at the next round. The
    /// console's own words never wait behind them, and they can never get it closed.
    func showCall(_ lines: [String], of call: UInt64, from source: CallTraffic.Source, toConsole id: UInt64) {
        guard let console = consoles[id] else { return }
        if console.traffic.offer(lines.count, of: call, from: source, pendingBytes: console.connection.pendingOutputBytes, now: center.loop.now) {
            console.say(lines)
        }
    }

    func showCall(_ lines: [String], of call: UInt64, from source: CallTraffic.Source, toAgent agent: String) {
        guard let console = console(of: agent) else { return }
        showCall(lines, of: call, from: source, toConsole: console.connection.id)
    }

    func console(of agent: String) -> AgentConsole? {
        consoles.values.first { $0.login.account?.id == agent }
    }

    /// The call is offered to `agent`: how long the guest has been on the line, what they
    /// were doing, and who they are as far as they are identified (their file, standing and
    /// special needs), so the agent knows before accepting.
    func offer(guest: CallSummary, to agent: String) {
        show(["* Call \(guest.id) is waiting for you (\(ConsoleText.duration(guest.seconds)) on the line, \(guest.language)): the guest \(guest.wanted)."]
             + CallerCard.lines(guest.caller) + ["  Type accept or decline."], toAgent: agent)
    }

    /// The offer to `agent` is off: where the call is now, as the queue has it (offered to
    /// another agent, taken by one, or back in line), never a guess.
    func withdraw(guest: UInt64, from agent: String, guestLeft: Bool) {
        if guestLeft {
            show(["* Call \(guest) is no longer waiting (the guest left)."], toAgent: agent)
            return
        }
        var lines = ["* Call \(guest) is no longer offered to you: \(whereCallIs(guest, besides: agent))."]
        if case .away? = center.queue.agents[agent] { lines.append("  You are away; type \"status available\" when ready.") }
        show(lines, toAgent: agent)
    }

    private func whereCallIs(_ guest: UInt64, besides agent: String) -> String {
        for (other, state) in center.queue.agents.sorted(by: { $0.key < $1.key }) where other != agent {
            if case .offered(guest, _) = state { return "it is being offered to \(other)" }
            if case .onCall(guest, _) = state { return "\(other) took it" }
        }
        guard let position = center.queue.position(of: guest) else { return "the guest is no longer waiting" }
        let place = position == 1 ? "first in line" : "number \(position) in line"
        return center.queue.nobodyAnswers
            ? "it is back in the queue, \(place); nobody is available to take it, so the guest is offered a callback and may hold"
            : "it is back in the queue, \(place), for the next agent free"
    }

    /// The agent took the call: who the caller is as far as they are identified (the
    /// special needs on their file among it), and the call so far.
    func connected(_ agent: String, to guest: CallSummary, recent: [String]) {
        show(["* You are talking with call \(guest.id) (\(guest.language), phone \(ConsoleText.masked(phone: guest.phone))).",
              "  The guest \(guest.wanted)."] + CallerCard.lines(guest.caller) + [
              "  What you type goes to the guest. /answer TEXT answers their question;",
              "  /release hands them back to it, /hangup ends the call, /note TEXT notes.",
              "  The call so far:"] + recent.suffix(12), toAgent: agent)
    }

    func callEnded(_ agent: String, guest: UInt64, reason: String) {
        show(["* Call \(guest) ended: \(reason). You are wrapping up; calls come again in a moment."], toAgent: agent)
    }

    /// The line is closing: every console is told and closed.
    func closeConsoles() {
        for console in consoles.values {
            console.say("* The line is closing. Goodbye.")
            logOut(console)
            console.connection.close(flushFirst: true)
        }
    }

    // MARK: Agents file

    /// Each round of the line: sum up what consoles were not shown, notice an edited agents
    /// file (an agent removed is logged out at once) or lockouts file, let go of old counts.
    func idleRound() {
        let now = center.loop.now
        for console in consoles.values where console.traffic.isHoldingBack {
            for line in console.traffic.summaries(pendingBytes: console.connection.pendingOutputBytes, now: now) {
                console.say(line)
            }
        }
        lockoutsRound()
        let path = AgentRoster.path(in: dataDirectory)
        let directory = dataDirectory
        work.submit({ FileStamp(path: path) }) { [weak self] stamp in
            guard let self, stamp != self.rosterStamp else { return }
            self.rosterStamp = stamp
            self.work.submit({ Result { () throws(StaffError) -> AgentRoster in try AgentRoster.load(dataDirectory: directory) } }) { [weak self] loaded in
                guard let self, case .success(let roster) = loaded else { return }
                self.roster = roster
                self.noteHeadsNotOnFile()
                for console in self.consoles.values {
                    switch console.login.rosterChanged(roster) {
                    case .revoke(let account, let entries):
                        entries.forEach(self.audit)
                        console.say("* Your access has been revoked. Goodbye.")
                        self.leave(account, console: console)
                        console.connection.close(flushFirst: true)
                    case .ignore:
                        break
                    }
                }
            }
        }
    }

    // MARK: Commands

    func command(_ line: String, for account: AgentAccount, on console: AgentConsole) {
        if surveyLine(line, for: account, on: console) { return }
        let onCall = center.session(of: account.id) != nil
        if onCall, !ConsoleCommand.isCallCommand(line) {
            if let problem = center.agentSays(account.id, name: ConsoleText.safe(account.name), text: line) { console.say(problem) }
            return
        }
        let command: ConsoleCommand
        switch ConsoleCommand.parse(line) {
        case .success(let parsed): command = parsed
        case .failure(let problem): return console.say(problem.message)
        }
        guard command.isAllowed(for: account.role) else {
            return console.say("only a supervisor may use that command")
        }
        run(command, for: account, on: console)
    }

    private func run(_ command: ConsoleCommand, for account: AgentAccount, on console: AgentConsole) {
        let agent = account.id
        let now = center.clock.now()
        switch command {
        case .help:
            console.say(ConsoleHelp.text(supervisor: account.role == .supervisor))
        case .sessions:
            let calls = center.summaries(now: now)
            console.say(calls.isEmpty ? "No guests on the line." : ConsoleText.table(
                ["ID", "LANG", "WHERE", "TIME", "STATE", "PHONE", "GUEST"],
                calls.map { [String($0.id), $0.language, $0.node, ConsoleText.duration($0.seconds), $0.state, ConsoleText.masked(phone: $0.phone),
                             $0.caller?.column ?? CallerCard.notIdentified] }) + CallerCard.standings(of: calls))
        case .queue:
            let waiting = center.summaries(now: now).filter(\.waiting).sorted { (center.queue.position(of: $0.id) ?? 0) < (center.queue.position(of: $1.id) ?? 0) }
            console.say(waiting.isEmpty ? "Nobody is waiting." : ConsoleText.table(
                ["#", "ID", "LANG", "ON LINE", "PHONE", "GUEST"],
                waiting.map { [String(center.queue.position(of: $0.id) ?? 0), String($0.id), $0.language, ConsoleText.duration($0.seconds),
                               ConsoleText.masked(phone: $0.phone), $0.caller?.column ?? CallerCard.notIdentified] })
                + CallerCard.standings(of: waiting) + CallerCard.orderNote(waiting, vipLead: center.queue.settings.vipLeadSeconds))
        case .next: console.sayProblem(center.next(agent))
        case .take(let guest): console.sayProblem(center.take(agent, guest: guest))
        case .accept: console.sayProblem(center.accept(agent))
        case .decline:
            console.sayProblem(center.decline(agent))
        case .release:
            switch center.release(agent) {
            case .success(let done): console.say(done)
            case .failure(let problem): console.sayProblem(problem.message)
            }
        case .answer(let text):
            switch center.answer(for: agent, name: ConsoleText.safe(account.name), text: text) {
            case .success(let done): console.say(done)
            case .failure(let problem): console.sayProblem(problem.message)
            }
        case .hangup: console.sayProblem(center.hangUp(agent), done: "* Call ended. You are wrapping up; calls come again in a moment.")
        case .leave: console.sayProblem(center.leaveBarge(agent, name: ConsoleText.safe(account.name)), done: "* You left the call.")
        case .note(let text): console.sayProblem(center.note(agent, guest: console.watching, text: text), done: "Noted.")
        case .watch(let guest):
            switch center.watch(console.connection.id, guest: guest) {
            case .success(let recent):
                // Reading a call shows what the guest said and was told: logged as `phone` is.
                audit("call-watched", ["agent": .text(agent), "session": .number(Int(guest))])
                center.unwatch(console.connection.id)
                _ = center.watch(console.connection.id, guest: guest)
                console.watching = guest
                console.say(["* Watching call \(guest) (read-only; unwatch to stop). So far:"] + recent)
            case .failure(let problem): console.say(problem.message)
            }
        case .unwatch:
            center.unwatch(console.connection.id)
            console.watching = nil
            console.say("Stopped watching.")
        case .status(let available):
            if case .onCall? = center.queue.agents[agent] { return console.say("you are on a call: release or hang up first") }
            center.setStatus(agent, available: available)
            console.say(available ? "You are available for calls." : "You are away: no calls will be offered.")
        case .whoami:
            let state = center.queue.agents[agent].map { ConsoleText.describe($0, now: center.queueTime) } ?? "logged in"
            console.say("\(agent) (\(ConsoleText.safe(account.name)), \(account.role.rawValue)), from \(console.host): \(state)")
        case .logout:
            if center.session(of: agent)?.agent == agent { return console.say("you are on a call: release or hang up first") }
            logOut(console)
            console.say("Logged out. Goodbye.")
            console.connection.close(flushFirst: true)
        case .phone(let guest):
            switch center.fullPhone(of: guest) {
            case .success(let phone):
                audit("phone-viewed", ["agent": .text(agent), "session": .number(Int(guest))])
                console.say("Call \(guest): \(phone) (this view is logged)")
            case .failure(let problem): console.say(problem.message)
            }
        case .whisper(let guest, let text): console.sayProblem(center.whisper(agent, guest: guest, text: text), done: "Whispered.")
        case .barge(let guest): console.sayProblem(center.barge(agent, name: ConsoleText.safe(account.name), guest: guest, console: console.connection.id), done: "You joined call \(guest); /leave to go.")
        case .stats: console.say(center.stats(now: now))
        case .unlock(let key): console.say(unlock(key, by: agent))
        case .approve(let id, let number): console.say(approve(console: number, for: id, by: agent))
        case .lockouts: console.say(lockoutsReport())
        case .stay(let kind, let number):
            center.moveStay(number, kind, by: "console:" + agent) { [weak console] line, _ in console?.say(line) }
        case .work(let command):
            runWork(command, for: account, on: console)
        case .file(let command):
            runFile(command, for: account, on: console)
        }
    }
}

@available(*, unavailable)
extension AgentDesk: Sendable {}
