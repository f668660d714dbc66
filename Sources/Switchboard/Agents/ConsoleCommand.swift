import Dialogue
import Storage

/// A line typed at the agent console, read as a command.
///
/// During a call, plain text goes to the guest; a command is a line starting with `/`, or
/// one of the call words (`release`, `hangup`, `leave`, `note …`) on its own.
public enum ConsoleCommand: Equatable, Sendable {
    case help
    case sessions
    case queue
    case next
    case watch(UInt64)
    case unwatch
    case take(UInt64)
    case accept
    case decline
    case release
    case hangup
    /// A barging supervisor leaves the call without ending it.
    case leave
    case note(String)
    /// During a call: `TEXT` taken as the guest's answer at the question they were at.
    case answer(String)
    case status(available: Bool)
    case whoami
    case logout
    /// The guest's full phone number (audited).
    case phone(UInt64)
    case whisper(UInt64, String)
    case barge(UInt64)
    case stats
    /// Lift the lock on an agent ID or an address (audited).
    case unlock(LoginGuard.Key)
    /// Let one console waiting to log in through as this agent, whatever the locks (audited).
    case approve(agent: String, console: UInt64)
    /// What is locked, and the consoles waiting to log in.
    case lockouts
    /// A stay moved on: the guest arrived, left, or never came (journal and audit log).
    case stay(StayMove.Kind, ConfirmationNumber)
    /// The work lists: callbacks, complaints, revisits, arrivals, feedback.
    case work(WorkCommand)
    /// A guest file: shown (audited) or its kind or birthday set (journal and audit log).
    case file(FileCommand)

    static let words = WorkCommand.words + ["help", "sessions", "queue", "next", "watch", "unwatch", "take", "accept", "decline", "release",
                        "hangup", "leave", "note", "status", "whoami", "logout", "phone", "whisper", "barge", "stats", "unlock", "lockouts",
                        "stay", "answer", "file"]
    /// Commands only a supervisor may use. Every case is named: a new command is decided
    /// here, never open to every agent by default.
    var needsSupervisor: Bool {
        switch self {
        case .whisper, .barge, .stats, .unlock, .approve, .lockouts:
            return true
        // A no-show charges the guest the policy's fee: a supervisor's decision. Arrivals
        // and departures are the desk's everyday work.
        case .stay(let kind, _):
            switch kind {
            case .noShow: return true
            case .arrived, .departed: return false
            }
        case .work(let command):
            return command.needsSupervisor
        case .help, .sessions, .queue, .next, .watch, .unwatch, .take, .accept, .decline, .release, .hangup, .leave, .note,
             .answer, .status, .whoami, .logout, .phone, .file:
            return false
        }
    }

    /// May someone in `role` use this command?
    func isAllowed(for role: AgentAccount.Role) -> Bool {
        switch role {
        case .supervisor: return true
        case .agent: return !needsSupervisor
        }
    }

    /// Why a line is not a command, in words for the agent.
    public struct Problem: Error, Equatable {
        public let message: String
    }

    /// Parses `line` (a leading `/` is allowed and ignored).
    public static func parse(_ line: String) -> Result<ConsoleCommand, Problem> {
        var text = Substring(line.trimmingSpacesAndTabs())
        if text.hasPrefix("/") { text = text.dropFirst() }
        let word = String(text.prefix { $0 != " " }).lowercased()
        let rest = String(String(text.dropFirst(word.count)).trimmingSpacesAndTabs())
        func session() -> Result<UInt64, Problem> {
            let id = rest.hasPrefix("#") ? String(rest.dropFirst()) : rest
            guard let number = UInt64(id) else {
                return .failure(Problem(message: "\(word) needs a session number, as \"sessions\" lists them (for example: \(word) 17)"))
            }
            return .success(number)
        }
        func bare(_ command: ConsoleCommand) -> Result<ConsoleCommand, Problem> {
            rest.isEmpty ? .success(command) : .failure(Problem(message: "\(word) takes nothing after it"))
        }
        if let work = WorkCommand.parse(word, rest) { return work.map(ConsoleCommand.work) }
        if let work = WorkCommand.parseItemForm(word, rest) { return work.map(ConsoleCommand.work) }
        switch word {
        case "help", "?": return .success(.help)
        case "sessions": return bare(.sessions)
        case "queue": return bare(.queue)
        case "next": return bare(.next)
        case "watch": return session().map(ConsoleCommand.watch)
        case "unwatch": return bare(.unwatch)
        case "take": return session().map(ConsoleCommand.take)
        case "accept": return bare(.accept)
        case "decline": return bare(.decline)
        case "release": return bare(.release)
        case "hangup": return bare(.hangup)
        case "leave": return bare(.leave)
        case "whoami": return bare(.whoami)
        case "logout", "quit", "exit": return bare(.logout)
        case "stats": return bare(.stats)
        case "lockouts": return bare(.lockouts)
        case "unlock":
            let parts = rest.split(separator: " ", omittingEmptySubsequences: true).map { String($0).lowercased() }
            let usage = Problem(message: "unlock needs an agent ID or an address, and to let one console in, its number "
                                + "(for example: unlock mei, unlock 10.0.0.7, unlock mei 7)")
            switch parts.count {
            case 1 where AgentRoster.isValidID(parts[0]): return .success(.unlock(.agent(parts[0])))
            case 1 where LockoutFile.isAddress(parts[0]): return .success(.unlock(.address(parts[0])))
            case 2 where AgentRoster.isValidID(parts[0]):
                guard let console = UInt64(parts[1].hasPrefix("#") ? String(parts[1].dropFirst()) : parts[1]) else { return .failure(usage) }
                return .success(.approve(agent: parts[0], console: console))
            default: return .failure(usage)
            }
        case "phone": return session().map(ConsoleCommand.phone)
        case "file": return FileCommand.parse(rest).map(ConsoleCommand.file)
        case "barge": return session().map(ConsoleCommand.barge)
        case "note":
            return rest.isEmpty ? .failure(Problem(message: "note needs the text to keep (for example: note guest asked for a late check-out)")) : .success(.note(rest))
        case "answer":
            return rest.isEmpty ? .failure(Problem(message: "answer needs the guest's answer (for example: /answer 24 Dec)")) : .success(.answer(rest))
        case "status":
            switch rest.lowercased() {
            case "available": return .success(.status(available: true))
            case "away": return .success(.status(available: false))
            default: return .failure(Problem(message: "status is \"status available\" or \"status away\""))
            }
        case "stay":
            // The number may be written in groups, as guests read it out ("R 100 0017").
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            let usage = "stay is \"stay arrive|depart|no-show NUMBER\" (for example: stay arrive R1000017)"
            guard parts.count == 2 else { return .failure(Problem(message: usage)) }
            let kinds: [String: StayMove.Kind] = ["arrive": .arrived, "depart": .departed, "no-show": .noShow]
            guard let kind = kinds[parts[0].lowercased()] else {
                return .failure(Problem(message: "unknown stay move \"\(ConsoleText.safe(parts[0]))\""
                    + Spelling.hint(for: parts[0].lowercased(), among: kinds.keys.sorted()) + "; " + usage))
            }
            guard let number = ConfirmationNumber(parts[1]) else {
                return .failure(Problem(message: "\"\(ConsoleText.safe(parts[1]))\" is not a confirmation number (R, seven digits, the last a check digit)"))
            }
            return .success(.stay(kind, number))
        case "whisper":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            let id = parts.first.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
            guard parts.count == 2, let number = id.flatMap({ UInt64($0) }) else {
                return .failure(Problem(message: "whisper needs a session and the words (for example: whisper 17 offer the upgrade)"))
            }
            return .success(.whisper(number, parts[1]))
        default:
            let hint = Spelling.hint(for: word, among: words)
            return .failure(Problem(message: "unknown command \"\(ConsoleText.safe(word))\"\(hint); type help for the list"))
        }
    }

    /// During a call: is this line for the console rather than the guest? A line starting
    /// with `/`, or one that reads as a whole command (`release`, `note …`, `sessions`).
    static func isCallCommand(_ line: String) -> Bool {
        let text = line.trimmingSpacesAndTabs()
        if text.hasPrefix("/") { return true }
        // "Answer …" is as likely a sentence to the guest: the command needs its slash.
        if case .success(.answer) = parse(line) { return false }
        if case .success = parse(line) { return true }
        return false
    }
}

extension String {
    func trimmingSpacesAndTabs() -> Substring {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
