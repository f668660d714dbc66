import CSystem
import Foundation
import Glibc
import Storage
import Switchboard
import Telnet
import Reactor
import Synchronization

/// The real line, started in-process on port 0 with the shipped prompts and a fresh (or
/// given) data directory, on a loop thread of its own.
public final class RunningLine {
    public let port: UInt16
    public let agentPort: UInt16
    /// The wallboard's port, when `configure` gave `settings.wallboard.port` (0 picks one).
    public let wallboardPort: UInt16?
    public let dataDirectory: String
    private let thread: EventLoopThread
    private let stopper: Waker

    public init(dataDirectory: String = TestPaths.temporaryDirectory(), configure: @Sendable (inout ServiceSettings) -> Void = { _ in }) throws {
        var settings = ServiceSettings()
        settings.guestPort = 0
        settings.agentPort = 0
        settings.dataDirectory = dataDirectory
        settings.promptsDirectory = TestPaths.prompts
        // The day the tests are written for, whatever day they run on: "24 Dec" is a month
        // ahead, in 2026. Time still passes, for the timeouts.
        settings.clock = .running(from: RecordedCall.startedAt)
        // Rounds twenty times a second: silences, queue waits and edited agents files are
        // noticed in tens of milliseconds, not whole seconds of a test's time.
        settings.line.roundSeconds = 0.05
        configure(&settings)
        let settled = settings
        // A line started again on the data directory of one this process stopped may find it
        // still locked by this process for a moment (see `takingALockLetGo`).
        let (thread, started) = try takingALockLetGo {
            try EventLoopThread.start { loop in
                let service = try LineService(settings: settled, loop: loop, log: { _ in })
                let stopper = try loop.makeWaker { service.shutDown { loop.stop() } }
                return (service.guestServer.localPort, service.agentServer.localPort, stopper, service.wallboard?.listener.localPort)
            }
        }
        self.thread = thread
        self.port = started.0
        self.agentPort = started.1
        self.stopper = started.2
        self.wallboardPort = started.3
        self.dataDirectory = dataDirectory
    }

    /// Stops as SIGTERM would: goodbyes said, pending records saved, journal closed.
    public func stop() throws {
        stopper.wake()
        try thread.join()
    }

    /// A guest on the line who types `language` on the language screen it starts with
    /// (English by default; nil to stay on the screen).
    public func guest(choosing language: String? = "1") throws -> GuestClient {
        let guest = try GuestClient(port: port)
        if let language {
            try guest.read(until: Self.endOfLanguageScreen)
            guest.say(language)
        }
        return guest
    }

    /// The end of the shipped prompts' language screen: its last row's last words.
    public static let endOfLanguageScreen = "Escriba 4."


    /// A telnet-like client on the agent console (it answers nothing, it just reads), from
    /// `host` (`::1` when the console listens there).
    public func console(from host: String = "127.0.0.1") throws -> GuestClient { try GuestClient(host: host, port: agentPort) }

    /// True when this machine can listen on the IPv6 loopback (`ip -6 addr` shows `::1`).
    public static let hasIPv6Loopback: Bool = {
        let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_addr = in6addr_loopback
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        } == 0
    }()

    /// Adds an agent to the data directory's roster, as `hotelline agents add` does.
    public static func addAgent(_ id: String, name: String, pin: String, supervisor: Bool = false, in data: String) throws {
        var roster = try AgentRoster.load(dataDirectory: data)
        try roster.add(AgentAccount(id: id, name: name, role: supervisor ? .supervisor : .agent, pinHash: try hash(pin)))
        try roster.save(dataDirectory: data)
    }

    /// A yescrypt hash of `pin` at yescrypt's lowest cost (`$y$j75$…`), made once per PIN
    /// for the whole test process. The roster's hash names its own cost, and every login
    /// still checks its PIN against it with libcrypt's yescrypt, as the line always does;
    /// at the cost `PinHasher.hash` chooses (`$y$j9T$`, 20 ms a check) the suite's few
    /// hundred logins were two seconds of its CPU, at this one (1.3 ms) they are a tenth.
    /// `hotelline agents add` and the tests of `PinHasher` itself keep the shipped cost.
    private static func hash(_ pin: String) throws -> String {
        if let made = pinHashes.withLock({ $0[pin] }) { return made }
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$y$", 1, nil, 0, &setting, Int32(setting.count)) != nil else {
            throw GuestClient.Failure(description: "libcrypt cannot make a yescrypt salt")
        }
        let work = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer { work.deallocate() }
        memset(work, 0, MemoryLayout<crypt_data>.size)
        guard let hashed = crypt_r(pin, setting, work).map({ String(cString: $0) }), hashed.hasPrefix("$y$j75$"),
              PinHasher.verify(pin, against: hashed) else {
            throw GuestClient.Failure(description: "libcrypt cannot hash with yescrypt")
        }
        return pinHashes.withLock { kept in
            if let earlier = kept[pin] { return earlier }
            kept[pin] = hashed
            return hashed
        }
    }

    private static let pinHashes = Mutex<[String: String]>([:])

    /// The records on disk, read back as the next start would read them.
    public func storedRecords() throws -> [HotelRecord] {
        let (journal, recovery) = try Journal.open(directory: dataDirectory + "/journal", notify: {})
        defer { journal.close() }
        return try recovery.records.map { try HotelRecord(decoding: $0) }
    }

    public func removeData() {
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }
}
