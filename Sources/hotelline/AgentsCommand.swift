import Dialogue
import Foundation
import Glibc
import Storage

/// `hotelline agents add|list|remove|reset-pin`: who may log in to the agent console. PINs
/// are read from standard input (never a flag, so they stay out of shell history and `ps`)
/// and stored only as yescrypt hashes.
enum AgentsCommand {
    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["data", "name", "role"], switches: ["help", "pin-stdin"])
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
            default:
                throw UsageError(description: "unknown agents command \"\(action)\"" + Spelling.hint(for: action, among: ["add", "list", "remove", "reset-pin"]))
            }
        } catch let error as UsageError {
            throw error
        } catch {
            Console.error("hotelline agents: \(error)")
            return 1
        }
        return 0
    }

    private static func single(_ operands: [String], _ action: String) throws(UsageError) -> String {
        guard operands.count == 1 else { throw UsageError(description: "agents \(action) takes one agent ID") }
        return operands[0]
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

    /// Reads, changes and writes the roster under a lock, so two operators never lose each
    /// other's change.
    private static func change(_ data: String, _ edit: (inout AgentRoster) throws -> Void) throws {
        if mkdir(data, 0o700) != 0 && errno != EEXIST { throw StaffError.system("create", data, errno) }
        let lockPath = AgentRoster.path(in: data) + ".lock"
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
