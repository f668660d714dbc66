import Glibc

/// The console's lockouts on disk, `DATA/lockouts` (`0600`): which agent IDs and addresses
/// may not log in until when, and the consoles the operator approved from the command line,
/// so a restart keeps every lock and `hotelline agents unlock` reaches a running server.
///
///     # HotelLine console lockouts …
///     agent	mei	1796234400123
///     address	10.6.6.6	1796234400123
///     approve	mei	7	1796234460000
///
/// One entry a line, tab-separated: what is locked (an agent ID as `AgentRoster` allows
/// them, or an IP address) and until when (milliseconds since 1970, UTC); or an approval:
/// console number 7 of the running server may log in as mei, until then. A typed ID that is
/// no agent's is never written here (it may be a PIN typed one prompt early).
///
/// The server and `hotelline agents` change it only through `update`, under the lock the
/// agents file is changed under (`agents.lock`): read, change, written to a temporary file,
/// synced, renamed, so neither loses the other's change and nobody reads half a file.
public struct LockoutFile: Equatable, Sendable {
    /// An operator's approval of one console of the running server for one agent's login.
    public struct Approval: Equatable, Sendable {
        public var agent: String
        public var console: UInt64
        public var until: Int64

        public init(agent: String, console: UInt64, until: Int64) {
            self.agent = agent
            self.console = console
            self.until = until
        }
    }

    /// Agent ID → locked until (ms since 1970).
    public var agents: [String: Int64] = [:]
    /// IP address → locked until.
    public var addresses: [String: Int64] = [:]
    public var approvals: [Approval] = []

    public init(agents: [String: Int64] = [:], addresses: [String: Int64] = [:], approvals: [Approval] = []) {
        self.agents = agents
        self.addresses = addresses
        self.approvals = approvals
    }

    public static func path(in dataDirectory: String) -> String { dataDirectory + "/lockouts" }

    /// Drops what has run out by `now`.
    public mutating func expire(now: Int64) {
        agents = agents.filter { $0.value > now }
        addresses = addresses.filter { $0.value > now }
        approvals.removeAll { $0.until <= now }
    }

    /// Reads the file: what it holds, and a note for each line that could not be read (the
    /// rest is kept; the line is dropped at the next write). A missing file holds nothing.
    public static func load(dataDirectory: String) throws(StaffError) -> (LockoutFile, problems: [String]) {
        let path = path(in: dataDirectory)
        let text: String
        do {
            text = try StaffFiles.readText(path)
        } catch .missing {
            return (LockoutFile(), [])
        } catch .damaged {
            return (LockoutFile(), ["\(path): not a readable lockouts file (not UTF-8, or too large); read as holding no lockouts, and written afresh at the next lock"])
        } catch {
            throw error
        }
        var file = LockoutFile()
        var problems: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch (fields.first, fields.count) {
            case ("agent", 3) where AgentRoster.isValidID(fields[1]):
                if let until = Int64(fields[2]) { file.agents[fields[1]] = max(file.agents[fields[1]] ?? until, until); continue }
            case ("address", 3) where isAddress(fields[1]):
                if let until = Int64(fields[2]) { file.addresses[fields[1]] = max(file.addresses[fields[1]] ?? until, until); continue }
            case ("approve", 4) where AgentRoster.isValidID(fields[1]):
                if let console = UInt64(fields[2]), let until = Int64(fields[3]) {
                    file.approvals.append(Approval(agent: fields[1], console: console, until: until))
                    continue
                }
            default:
                break
            }
            problems.append("\(path):\(index + 1): not a lockout line (agent ID UNTIL, address IP UNTIL or approve ID CONSOLE UNTIL, tab-separated); "
                            + "it is ignored and dropped at the next write")
        }
        return (file, problems)
    }

    /// Writes the file atomically (temp file, fsync, rename, directory fsync), `0600`.
    public func save(dataDirectory: String) throws(StaffError) {
        var text = "# HotelLine console lockouts: what is locked and until when (ms since 1970, UTC), tab-separated.\n"
            + "# Written by the server and by `hotelline agents unlock`; change it with that command.\n"
        for (id, until) in agents.sorted(by: { $0.key < $1.key }) { text += "agent\t\(id)\t\(until)\n" }
        for (address, until) in addresses.sorted(by: { $0.key < $1.key }) { text += "address\t\(address)\t\(until)\n" }
        for approval in approvals { text += "approve\t\(approval.agent)\t\(approval.console)\t\(approval.until)\n" }
        try StaffFiles.replace(Self.path(in: dataDirectory), with: text, directory: dataDirectory)
    }

    /// Reads, changes and writes the file under the staff files' lock, so the server and
    /// the operator never lose each other's change; returns what was written, the notes on
    /// lines that could not be read, and the file's stamp as the lock leaves it (taken under
    /// the lock: a stamp taken after could be of the next writer's file, whose change a
    /// reader comparing stamps would then never notice).
    public static func update(dataDirectory: String, _ change: (inout LockoutFile) -> Void) throws(StaffError)
        -> (LockoutFile, problems: [String], stamp: FileStamp?) {
        try StaffFiles.withLock(dataDirectory: dataDirectory) { () throws(StaffError) in
            var (file, problems) = try load(dataDirectory: dataDirectory)
            let before = file
            change(&file)
            if file != before || !problems.isEmpty { try file.save(dataDirectory: dataDirectory) }
            return (file, problems, FileStamp(path: path(in: dataDirectory)))
        }
    }

    /// An IPv4 or IPv6 literal, as a peer's host is written.
    public static func isAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}

/// What the staff files (`agents`, `lockouts`) share: reading one whole, replacing one
/// atomically, and the lock every change to them is made under.
public enum StaffFiles {
    /// `DATA/agents.lock`: held (flock) while a staff file is read, changed and written.
    public static func lockPath(in dataDirectory: String) -> String { AgentRoster.path(in: dataDirectory) + ".lock" }

    /// Runs `body` holding the staff files' lock (waiting for it), creating the data
    /// directory if need be.
    public static func withLock<R>(dataDirectory: String, _ body: () throws(StaffError) -> R) throws(StaffError) -> R {
        if mkdir(dataDirectory, 0o700) != 0 && errno != EEXIST { throw .system("create", dataDirectory, errno) }
        let path = lockPath(in: dataDirectory)
        let lock = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw .system("open", path, errno) }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .system("lock", path, errno) }
        }
        return try body()
    }

    /// Writes `text` to `path` atomically: temp file, fsync, rename, directory fsync; `0600`.
    static func replace(_ path: String, with text: String, directory: String) throws(StaffError) {
        let temporary = path + ".new"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system("create", temporary, errno) }
        let written = text.utf8.withContiguousStorageIfAvailable { write(fd, $0.baseAddress, $0.count) } ?? -1
        let synced = fsync(fd)
        close(fd)
        guard written == text.utf8.count, synced == 0 else { throw .system("write", temporary, errno) }
        guard rename(temporary, path) == 0 else { throw .system("rename", path, errno) }
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// The whole file as UTF-8 text: `.missing` when there is none, `.damaged` when it is
    /// not text or past 4 MiB.
    static func readText(_ path: String) throws(StaffError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw errno == ENOENT ? .missing : .system("open", path, errno) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 { if errno == EINTR { continue } else { throw .system("read", path, errno) } }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > 4 << 20 { throw .damaged(path: path, line: 0) }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .damaged(path: path, line: 0) }
        return text
    }
}
