import Dialogue
import Foundation
import Glibc
import Storage

/// `hotelline agents add|list|remove|reset-pin`: who may log in to the agent console. PINs
/// are read from standard input (never a flag, so they stay out of shell history and `ps`)
/// and stored only as yescrypt hashes.
enum AgentsCommand {
    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["data", "name", "role", "console"], switches: ["help", "pin-stdin"])
        if reader.flags.contains("help") || reader.positional.isEmpty {
            print(Usage.agents)
            return reader.flags.contains("help") ? 0 : 2
        }
        let data = try reader.directory("data", default: "data")
        let action = reader.positional[0]
        let operands = Array(reader.positional.dropFirst())
        do {
            switch action {
            case "list":
                guard operands.isEmpty else { throw UsageError(description: "agents list takes no ID") }
                let roster = try AgentRoster.load(dataDirectory: data)
                if roster.agents.isEmpty { print("no agents yet: add one with \"hotelline agents add ID --name NAME --pin-stdin\"") }
                for agent in roster.agents { print("\(agent.id)\t\(agent.role.rawValue)\t\(agent.name)") }
            case "add":
                let id = try single(operands, "add")
                guard let name = reader.options["name"] else { throw UsageError(description: "agents add needs --name NAME") }
                let roleName = reader.options["role"] ?? "agent"
                guard let role = AgentAccount.Role(rawValue: roleName) else {
                    throw UsageError(description: "--role is agent or supervisor, not \"\(roleName)\"")
                }
                let hash = try PinHasher.hash(try readPin(reader))
                try change(data) { try $0.add(AgentAccount(id: id, name: name, role: role, pinHash: hash)) }
                print("added \(role.rawValue) \(id) (\(name))")
            case "remove":
                let id = try single(operands, "remove")
                try change(data) { try $0.remove(id) }
                print("removed \(id); a console they are logged in to is ended at once")
            case "reset-pin":
                let id = try single(operands, "reset-pin")
                let hash = try PinHasher.hash(try readPin(reader))
                try change(data) { try $0.setPinHash(hash, for: id) }
                print("new PIN set for \(id)")
            case "unlock":
                return try unlock(try single(operands, "unlock", what: "agent ID or address"), reader: reader, data: data)
            case "lockouts":
                guard operands.isEmpty else { throw UsageError(description: "agents lockouts takes no ID") }
                let (file, problems) = try LockoutFile.load(dataDirectory: data)
                for problem in problems { Console.error("hotelline agents: \(problem)") }
                let now = AuditLog.now()
                var live = file
                live.expire(now: now)
                if live.agents.isEmpty && live.addresses.isEmpty { print("nothing is locked") }
                for (id, until) in live.agents.sorted(by: { $0.key < $1.key }) { print("agent\t\(id)\tlocked until \(AuditLog.timestamp(milliseconds: until))") }
                for (host, until) in live.addresses.sorted(by: { $0.key < $1.key }) { print("address\t\(host)\tlocked until \(AuditLog.timestamp(milliseconds: until))") }
            default:
                throw UsageError(description: "unknown agents command \"\(action)\"" + Spelling.hint(for: action, among: ["add", "list", "remove", "reset-pin", "unlock", "lockouts"]))
            }
        } catch let error as UsageError {
            throw error
        } catch {
            Console.error("hotelline agents: \(error)")
            return 1
        }
        return 0
    }

    private static func single(_ operands: [String], _ action: String, what: String = "agent ID") throws(UsageError) -> String {
        guard operands.count == 1 else { throw UsageError(description: "agents \(action) takes one \(what)") }
        return operands[0]
    }

    /// `agents unlock ID|ADDRESS [--console N]`: lifts a console lockout in DATA/lockouts (a
    /// running server takes the change on within a second), or approves console N of the
    /// running server for ID's next login, whatever the locks, for ten minutes. Written to
    /// the audit log first; not done when it cannot be logged.
    private static func unlock(_ target: String, reader: ArgumentReader, data: String) throws -> Int32 {
        let isAgent = AgentRoster.isValidID(target), isAddress = LockoutFile.isAddress(target)
        guard isAgent || isAddress else {
            throw UsageError(description: "agents unlock takes an agent ID (as \"agents list\" shows them) or an IP address, not \"\(target)\"")
        }
        var console: UInt64?
        if let text = reader.options["console"] {
            guard isAgent, let number = UInt64(text) else {
                throw UsageError(description: "--console takes the number a console shows (\"HotelLine agent console 7\"), with an agent ID")
            }
            console = number
        }
        let user = getenv("USER").map { String(cString: $0) } ?? "uid \(getuid())"
        let now = AuditLog.now()
        let line: String
        if let console {
            line = AuditLog.line("approve", ["agent": .text(target), "console": .number(Int(console)), "by": .text("operator " + user)], at: now)
        } else {
            line = AuditLog.line("unlock", [isAgent ? "agent" : "address": .text(target), "by": .text("operator " + user)], at: now)
        }
        if let problem = AuditLog.append(line, dataDirectory: data) {
            Console.error("hotelline agents: nothing unlocked, because it could not be logged: \(problem)")
            return 1
        }
        var wasLocked = false
        let (_, problems, _) = try LockoutFile.update(dataDirectory: data) { file in
            if let console {
                file.approvals.append(LockoutFile.Approval(agent: target, console: console, until: now + 10 * 60_000))
            } else if isAgent {
                wasLocked = file.agents.removeValue(forKey: target).map { $0 > now } ?? false
            } else {
                wasLocked = file.addresses.removeValue(forKey: target).map { $0 > now } ?? false
            }
        }
        for problem in problems { Console.error("hotelline agents: \(problem)") }
        if let console {
            print("console \(console) may log in as \(target) for the next 10 minutes, whatever the locks (a running server lets it in within a second)")
        } else {
            print(wasLocked ? "\(target) unlocked; a running server lets it try again within a second"
                  : "\(target) was not locked on file; a running server forgets its failed logins within a second")
        }
        return 0
    }

    /// The first line of standard input: 4 to 12 digits.
    private static func readPin(_ reader: ArgumentReader) throws -> String {
        guard reader.flags.contains("pin-stdin") else {
            throw UsageError(description: "give the PIN on standard input with --pin-stdin (never as a flag)")
        }
        let pin = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
        guard (4...12).contains(pin.count), pin.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw StaffError.badPin }
        return pin
    }

    /// Reads, changes and writes the roster under the staff files' lock, so two operators
    /// (or an operator and the server, for lockouts) never lose each other's change.
    private static func change(_ data: String, _ edit: (inout AgentRoster) throws -> Void) throws {
        if mkdir(data, 0o700) != 0 && errno != EEXIST { throw StaffError.system("create", data, errno) }
        let lockPath = StaffFiles.lockPath(in: data)
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw StaffError.system("open", lockPath, errno) }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        var roster = try AgentRoster.load(dataDirectory: data)
        do {
            try edit(&roster)
        } catch StaffError.unknown(let id, _) {
            throw StaffError.unknown(id, suggestion: Spelling.suggestion(for: id, among: roster.agents.map(\.id)))
        }
        try roster.save(dataDirectory: data)
    }
}
