import Glibc

/// A member of staff who may log in to the agent console.
public struct AgentAccount: Equatable, Sendable {
    /// What the agent may do at the console.
    public enum Role: String, Sendable, CaseIterable {
        case agent
        /// Also whispers, barges in and sees the centre's figures.
        case supervisor
    }

    /// Lower-case letters, digits, `-` and `_`; what the agent types to log in.
    public var id: String
    /// How guests hear them ("Mei from guest services has joined").
    public var name: String
    public var role: Role
    /// yescrypt, never the PIN.
    public var pinHash: String

    public init(id: String, name: String, role: Role, pinHash: String) {
        self.id = id
        self.name = name
        self.role = role
        self.pinHash = pinHash
    }
}

/// The agents file, `DATA/agents` (`0600`): one agent per line, `ID<TAB>ROLE<TAB>HASH<TAB>NAME`.
///
/// Changed only by `hotelline agents …`, each change written to a temporary file, synced,
/// and renamed over the old one, so a running server never reads half a file; the server
/// notices the change and ends the console of an agent who was removed.
public struct AgentRoster: Equatable, Sendable {
    public private(set) var agents: [AgentAccount] = []

    public static func path(in dataDirectory: String) -> String { dataDirectory + "/agents" }

    public init(agents: [AgentAccount] = []) {
        self.agents = agents
    }

    public func agent(_ id: String) -> AgentAccount? { agents.first { $0.id == id } }

    /// Reads the roster; a missing file is an empty roster.
    public static func load(dataDirectory: String) throws(StaffError) -> AgentRoster {
        let path = path(in: dataDirectory)
        let text: String
        do {
            text = try StaffFiles.readText(path)
        } catch .missing {
            return AgentRoster()
        } catch {
            throw error
        }
        var roster = AgentRoster()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let role = AgentAccount.Role(rawValue: fields[1]), Self.isValidID(fields[0]), fields[2].hasPrefix("$") else {
                throw .damaged(path: path, line: index + 1)
            }
            roster.agents.append(AgentAccount(id: fields[0], name: fields[3], role: role, pinHash: fields[2]))
        }
        return roster
    }

    public mutating func add(_ account: AgentAccount) throws(StaffError) {
        guard Self.isValidID(account.id) else { throw .badID(account.id) }
        guard Self.isValidName(account.name) else { throw .badName(account.name) }
        guard agent(account.id) == nil else { throw .exists(account.id) }
        agents.append(account)
    }

    public mutating func remove(_ id: String) throws(StaffError) {
        guard let index = agents.firstIndex(where: { $0.id == id }) else { throw unknown(id) }
        agents.remove(at: index)
    }

    public mutating func setPinHash(_ hash: String, for id: String) throws(StaffError) {
        guard let index = agents.firstIndex(where: { $0.id == id }) else { throw unknown(id) }
        agents[index].pinHash = hash
    }

    /// Writes the roster atomically (temp file, fsync, rename, directory fsync), `0600`.
    public func save(dataDirectory: String) throws(StaffError) {
        let path = Self.path(in: dataDirectory)
        var text = "# HotelLine agents: ID, role, yescrypt hash of the PIN, name (tab-separated). Change with `hotelline agents`.\n"
        for agent in agents { text += "\(agent.id)\t\(agent.role.rawValue)\t\(agent.pinHash)\t\(agent.name)\n" }
        try StaffFiles.replace(path, with: text, directory: dataDirectory)
    }

    /// 1 to 32 lower-case letters, digits, `-` and `_`.
    public static func isValidID(_ id: String) -> Bool {
        (1...32).contains(id.count) && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// 1 to 60 characters a terminal shows as they are: no control, format (bidi, zero-width),
    /// separator other than the plain space, private-use or unassigned character, since
    /// guests hear the name ("Mei from guest services has joined").
    static func isValidName(_ name: String) -> Bool {
        (1...60).contains(name.count) && name.unicodeScalars.allSatisfy { $0 == " " || AuditLog.isShownAsIs($0) }
    }

    /// The "no such agent" error; the command line adds a did-you-mean from `agents`.
    private func unknown(_ id: String) -> StaffError { .unknown(id, suggestion: nil) }
}

/// What went wrong with an agent account or the agents file, said so an operator can act.
public enum StaffError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing
    case badID(String)
    case badName(String)
    case badPin
    case exists(String)
    case unknown(String, suggestion: String?)
    case damaged(path: String, line: Int)
    case system(String, String, Int32)

    public var description: String {
        switch self {
        case .missing: return "no agents file"
        case .badID(let id): return "\"\(id)\" is not an agent ID: use 1 to 32 lower-case letters, digits, - and _"
        case .badName(let name): return "\"\(name)\" is not a name: use 1 to 60 characters, no control or invisible characters"
        case .badPin: return "a PIN is 4 to 12 digits, read from the first line of standard input"
        case .exists(let id): return "agent \"\(id)\" already exists (use reset-pin to change their PIN)"
        case .unknown(let id, let suggestion): return "no agent \"\(id)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .damaged(let path, let line):
            return line > 0 ? "\(path):\(line): not an agent line (ID, role, hash, name separated by tabs); fix or remove it"
                : "\(path): not a readable agents file; restore it or remove it and add the agents again"
        case .system(let operation, let path, let code): return "\(path): \(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}
