import HotelCalendar
import Dialogue
import Glibc
import Storage
import Telnet
import Transcript
import Reactor
import Wallboard

/// Everything `hotelline serve` is told on its command line: every tunable of the running
/// line, each with its default.
///
/// The rule for tunables, everywhere: a group of them is a `…Settings` value whose every
/// field has a default (and, where an operator sets it, a flag named in its comment); a
/// bound is a `max…` field of its settings. "Options" are only the raw flags the command
/// line reads before they become settings.
public struct ServiceSettings: Sendable {
    public var host = "127.0.0.1"
    public var guestPort: UInt16 = 2323
    public var agentPort: UInt16 = 2324
    /// The console is for staff on this machine unless told otherwise.
    public var agentHost = "127.0.0.1"
    public var dataDirectory = "data"
    public var promptsDirectory = "Prompts"
    /// The guest port's connections: how many at once (32 from one address: `--max-per-address`),
    /// how many lines a second (20, after a burst of 40: `--max-lines-per-second`), how long a
    /// line, how much output held, and the telnet they are offered (a terminal's: its width, UTF-8).
    public var connections = ConnectionSettings(maxConnectionsPerAddress: 32, maxLinesPerSecond: 20, telnet: .terminal)
    /// The console's connections, apart from the guests': 20 lines a second each. How many at
    /// once and how much output each may hold are `console`'s (`--max-consoles`,
    /// `--max-console-output`); there is no cap per address, since a whole front office may
    /// reach the console from one (a shared host, NAT): consoles not yet logged in are capped
    /// per address instead (`console.maxWaitingLoginsPerAddress`).
    public var consoleConnections = ConnectionSettings(maxConnections: 64, maxLinesPerSecond: 20, telnet: .terminal)
    /// The calls: idle time, the queue for a person, transcripts.
    public var line = LineSettings()
    /// The agent console: how many, how long to log in, the lockout policy, what a call may show.
    public var console = ConsoleSettings()
    /// The wallboard and `/metrics` (`--wallboard-port`, `--wallboard-host`,
    /// `--max-wallboards`): off unless a port is given. Its clients are held to the guest
    /// line's limits (`connections`, and `line.idleTimeoutSeconds` for a whole request).
    public var wallboard = WallboardSettings()
    /// How the store opens the data: `--repair`, the snapshot threshold.
    public var store = StoreSettings()
    public var clock = WallClock.system
    /// `serve --clock`: the clock starts at this moment on the hotel's clock (in the zone
    /// of the prompts loaded at the start) and runs on from it; `clock` is then ignored.
    public var clockStartsAt: LocalMoment?

    public init() {}
}

/// The running line: the data directory locked, the journal recovered, the prompts
/// compiled, the guest port listening, all on one event loop.
///
/// Build it on the loop's thread; it lives there until `shutDown` finishes. The command
/// line runs it on the main thread; tests run it on an `EventLoopThread`.
public final class LineService {
    public let guestServer: Listener
    public let agentServer: Listener
    /// The wallboard's server, when `--wallboard-port` asked for one.
    public let wallboard: WallboardServer?
    public let center: ServiceCenter
    private let desk: AgentDesk
    private let loop: EventLoop
    private let store: HotelStore
    private let files: FileAppender
    private let lock: DataDirectoryLock
    private let settings: ServiceSettings
    private var isShuttingDown = false

    /// Opens everything, in an order that fails before anything is half-started: prompts,
    /// the data lock, the journal, then the port. `log` receives operator notes (recovery
    /// cuts, reloads), one line each.
    public init(settings: ServiceSettings, loop: EventLoop, log: @escaping (String) -> Void) throws {
        self.settings = settings
        self.loop = loop
        let prompts = try PromptSet.load(directory: settings.promptsDirectory, fitting: settings.connections).get()
        for warning in prompts.warnings { log(warning.description) }
        lock = try DataDirectoryLock.acquire(directory: settings.dataDirectory)
        for note in lock.notes { log(note) }
        var onJournal: () -> Void = {}
        let waker = try loop.makeWaker { onJournal() }
        let (store, notes) = try HotelStore.open(dataDirectory: settings.dataDirectory, options: settings.store) { waker.wake() }
        for note in notes { log(note) }
        log("\(settings.dataDirectory): \(store.recordCount) records recovered")
        self.store = store
        files = FileAppender(directory: settings.dataDirectory)
        let center: ServiceCenter
        let clock = settings.clockStartsAt.map { WallClock.running(from: prompts.hotel.timeZone.wallTime(of: $0)) } ?? settings.clock
        if let start = settings.clockStartsAt { log("the clock starts at \(start.iso) (\(prompts.hotel.timeZone.name)) and runs on from there") }
        do {
            center = ServiceCenter(loop: loop, prompts: prompts, store: store, files: files,
                                       settings: settings.line, clock: clock)
            guestServer = try Listener(loop: loop, host: settings.host, port: settings.guestPort, limits: settings.connections, delegate: center)
            desk = try AgentDesk(center: center, loop: loop, dataDirectory: settings.dataDirectory, settings: settings.console,
                                 lockClock: settings.clock, log: log)
            var consoleLimits = settings.consoleConnections
            consoleLimits.maxConnections = settings.console.maxConsoles
            consoleLimits.maxOutputBytes = settings.console.maxOutputBytes
            center.stayRequests = try StayRequests(center: center, loop: loop, dataDirectory: settings.dataDirectory)
            agentServer = try Listener(loop: loop, host: settings.agentHost, port: settings.agentPort, limits: consoleLimits, delegate: desk)
            wallboard = try settings.wallboard.port.map { _ in
                try WallboardServer(loop: loop, settings: settings.wallboard, guests: settings.connections,
                                    requestSeconds: settings.line.idleTimeoutSeconds, source: center)
            }
        } catch {
            files.close()
            store.close()
            throw error
        }
        self.center = center
        center.desk = desk
        center.log = log
        onJournal = { [weak pager = center.pager] in
            // Held strongly for the call, as the weak capture of the centre did.
            guard let center = pager?.center else { return }
            center.journalDidAcknowledge()
        }
        center.start()
    }

    /// Compiles the prompts again; new calls use them, calls in progress keep theirs. On
    /// errors the running prompts stay and the errors are returned.
    public func reloadPrompts() -> Result<PromptSet, PromptErrors> {
        let loaded = PromptSet.load(directory: settings.promptsDirectory, fitting: settings.connections)
        if case .success(let prompts) = loaded { center.reload(prompts) }
        return loaded
    }

    /// Stops taking calls, says goodbye to every guest once what they were promised is on
    /// disk, closes the journal and the transcript files, then calls `done` (on the loop thread).
    public func shutDown(then done: @escaping () -> Void) {
        guard !isShuttingDown else { return }
        isShuttingDown = true
        guestServer.stopAccepting()
        agentServer.stopAccepting()
        wallboard?.stop()
        desk.closeConsoles()
        center.shutDown { [self] in
            // Give the goodbyes a turn of the loop to reach the sockets.
            _ = loop.scheduleTimer(at: loop.now.adding(seconds: 0.05)) { [self] in
                files.close()
                store.close()
                lock.release()
                done()
            }
        }
    }
}

@available(*, unavailable)
extension LineService: Sendable {}
