import HotelCalendar
import Dialogue
import Glibc
import Storage
import Telnet
import Transcript

/// Everything `hotelline serve` is told on its command line.
public struct ServiceOptions: Sendable {
    public var host = "127.0.0.1"
    public var guestPort: UInt16 = 2323
    public var agentPort: UInt16 = 2324
    /// The console is for staff on this machine unless told otherwise.
    public var agentHost = "127.0.0.1"
    public var dataDirectory = "data"
    public var promptsDirectory = "Prompts"
    public var limits = LineLimits()
    public var settings = LineSettings()
    /// How the store opens the data: `--repair`, the snapshot threshold.
    public var store = HotelStoreOptions()
    public var clock = WallClock.system

    public init() {}
}

/// The running line: the data directory locked, the journal recovered, the prompts
/// compiled, the guest port listening, all on one event loop.
///
/// Build it on the loop's thread; it lives there until `shutDown` finishes. The command
/// line runs it on the main thread; tests run it on an `EventLoopThread`.
public final class LineService {
    public let guestServer: LineServer
    public let agentServer: LineServer
    public let center: ServiceCenter
    private let desk: AgentDesk
    private let loop: EventLoop
    private let store: HotelStore
    private let files: FileAppender
    private let lock: DataDirectoryLock
    private let options: ServiceOptions
    private var isShuttingDown = false

    /// Opens everything, in an order that fails before anything is half-started: prompts,
    /// the data lock, the journal, then the port. `log` receives operator notes (recovery
    /// cuts, reloads), one line each.
    public init(options: ServiceOptions, loop: EventLoop, log: @escaping (String) -> Void) throws {
        self.options = options
        self.loop = loop
        let flows = try PromptLibrary.load(directory: options.promptsDirectory).get()
        for warning in flows.warnings { log(warning.description) }
        lock = try DataDirectoryLock.acquire(directory: options.dataDirectory)
        for note in lock.notes { log(note) }
        var onJournal: () -> Void = {}
        let waker = try loop.makeWaker { onJournal() }
        let (store, notes) = try HotelStore.open(dataDirectory: options.dataDirectory, options: options.store) { waker.wake() }
        for note in notes { log(note) }
        log("\(options.dataDirectory): \(store.recordCount) records recovered")
        self.store = store
        files = FileAppender(directory: options.dataDirectory)
        let center: ServiceCenter
        do {
            center = ServiceCenter(loop: loop, flows: flows, store: store, files: files,
                                       settings: options.settings, clock: options.clock)
            guestServer = try LineServer(loop: loop, host: options.host, port: options.guestPort, limits: options.limits, delegate: center)
            desk = try AgentDesk(center: center, loop: loop, dataDirectory: options.dataDirectory)
            var consoleLimits = LineLimits()
            consoleLimits.maxConnections = 64
            agentServer = try LineServer(loop: loop, host: options.agentHost, port: options.agentPort, limits: consoleLimits, delegate: desk)
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
    public func reloadPrompts() -> Result<FlowSet, PromptErrors> {
        let loaded = PromptLibrary.load(directory: options.promptsDirectory)
        if case .success(let flows) = loaded { center.reload(flows) }
        return loaded
    }

    /// Stops taking calls, says goodbye to every guest once what they were promised is on
    /// disk, closes the journal and the transcript files, then calls `done` (on the loop thread).
    public func shutDown(then done: @escaping () -> Void) {
        guard !isShuttingDown else { return }
        isShuttingDown = true
        guestServer.stopAccepting()
        agentServer.stopAccepting()
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
