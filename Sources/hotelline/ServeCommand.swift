import Glibc
import Storage
import Switchboard
import Telnet
import Reactor

/// `hotelline serve`: answers the guest line on this thread until SIGTERM or SIGINT.
enum ServeCommand {
    static let valued: Set<String> = [
        "host", "guest-port", "agent-port", "agent-host", "data", "prompts", "idle-timeout", "max-guests", "max-line", "max-output",
        "max-wait", "wrap-up", "vip-lead", "segment-bytes", "snapshot-bytes", "max-consoles", "max-logins-waiting", "login-timeout",
        "max-login-failures", "max-address-failures", "lockout-minutes", "max-guest-lines", "max-console-output", "max-per-address", "max-lines-per-second",
        "clock", "max-wrong-tries", "max-wrong-tries-per-address", "wrong-tries-lock", "wallboard-port", "wallboard-host", "max-wallboards", "round",
    ]

    static func settings(_ arguments: ArraySlice<String>) throws(UsageError) -> ServiceSettings? {
        let reader = try ArgumentReader(arguments, valued: valued, switches: ["help", "redact", "repair"])
        if reader.flags.contains("help") { return nil }
        guard reader.positional.isEmpty else {
            throw UsageError(description: "serve takes options only, not \"\(reader.positional[0])\"")
        }
        var settings = ServiceSettings()
        settings.host = try address(reader, "host", default: settings.host)
        settings.guestPort = try reader.port("guest-port", default: settings.guestPort)
        settings.agentPort = try reader.port("agent-port", default: settings.agentPort)
        settings.agentHost = try address(reader, "agent-host", default: settings.agentHost)
        if reader.options["wallboard-port"] != nil {
            settings.wallboard.port = try reader.port("wallboard-port", default: 0)
        }
        settings.wallboard.host = try address(reader, "wallboard-host", default: settings.wallboard.host)
        settings.wallboard.maxClients = try reader.integer("max-wallboards", default: settings.wallboard.maxClients, range: 1...10_000)
        if settings.wallboard.port == nil, let given = ["wallboard-host", "max-wallboards"].first(where: { reader.options[$0] != nil }) {
            throw UsageError(description: "--\(given) is for the wallboard, which is off without --wallboard-port N")
        }
        settings.line.queue.maxWaitSeconds = try reader.seconds("max-wait", default: settings.line.queue.maxWaitSeconds, range: 10...86_400)
        settings.line.queue.wrapUpSeconds = try reader.seconds("wrap-up", default: settings.line.queue.wrapUpSeconds, range: 0...3600)
        settings.line.queue.vipLeadSeconds = try reader.seconds("vip-lead", default: settings.line.queue.vipLeadSeconds, range: 0...86_400)
        settings.dataDirectory = try reader.directory("data", default: settings.dataDirectory)
        settings.promptsDirectory = try reader.directory("prompts", default: settings.promptsDirectory)
        settings.line.idleTimeoutSeconds = try reader.seconds("idle-timeout", default: settings.line.idleTimeoutSeconds, range: 5...86_400)
        settings.line.roundSeconds = try reader.seconds("round", default: settings.line.roundSeconds, range: 0.01...60)
        settings.connections.maxConnections = try reader.integer("max-guests", default: settings.connections.maxConnections, range: 1...100_000)
        settings.connections.maxConnectionsPerAddress = try reader.integer(
            "max-per-address", default: settings.connections.maxConnectionsPerAddress, range: 1...100_000)
        settings.connections.maxLinesPerSecond = Double(try reader.integer(
            "max-lines-per-second", default: Int(settings.connections.maxLinesPerSecond), range: 0...1_000_000))
        settings.connections.maxLineBytes = try reader.integer("max-line", default: settings.connections.maxLineBytes, range: 16...65_536)
        settings.connections.maxOutputBytes = try reader.integer("max-output", default: settings.connections.maxOutputBytes, range: 16 << 10...64 << 20)
        settings.console.maxConsoles = try reader.integer("max-consoles", default: settings.console.maxConsoles, range: 1...10_000)
        settings.console.maxWaitingLoginsPerAddress = try reader.integer("max-logins-waiting", default: settings.console.maxWaitingLoginsPerAddress, range: 1...10_000)
        settings.console.loginTimeoutSeconds = try reader.seconds("login-timeout", default: settings.console.loginTimeoutSeconds, range: 5...3600)
        settings.console.lockout.maxFailuresPerID = try reader.integer("max-login-failures", default: settings.console.lockout.maxFailuresPerID, range: 1...1000)
        settings.console.lockout.maxFailuresPerAddress = try reader.integer("max-address-failures", default: settings.console.lockout.maxFailuresPerAddress, range: 1...100_000)
        settings.console.lockout.lockSeconds = 60 * (try reader.integer("lockout-minutes", default: settings.console.lockout.lockSeconds / 60, range: 1...10_080))
        settings.console.maxGuestLinesPerSecond = try reader.integer("max-guest-lines", default: settings.console.maxGuestLinesPerSecond, range: 1...1000)
        settings.console.maxOutputBytes = try reader.integer("max-console-output", default: settings.console.maxOutputBytes, range: 64 << 10...256 << 20)
        settings.line.redactTranscripts = reader.flags.contains("redact")
        settings.store.repair = reader.flags.contains("repair")
        let segmentBytes = try reader.integer("segment-bytes", default: settings.store.journal.segmentSizeLimit, range: 1024...1 << 30)
        settings.store.journal = JournalSettings(segmentSizeLimit: segmentBytes, groupCommitLinger: settings.store.journal.groupCommitLinger)
        settings.store.snapshotThreshold = try reader.integer("snapshot-bytes", default: settings.store.snapshotThreshold, range: 1024...1 << 40)
        settings.clockStartsAt = try reader.clock()
        let lookups = settings.line.lookups
        settings.line.lookups.maxFailuresPerCall = try reader.integer("max-wrong-tries", default: lookups.maxFailuresPerCall, range: 1...100)
        settings.line.lookups.maxFailuresPerAddress = try reader.integer("max-wrong-tries-per-address", default: lookups.maxFailuresPerAddress,
                                                                         range: 1...100_000)
        settings.line.lookups.lockSeconds = try reader.seconds("wrong-tries-lock", default: lookups.lockSeconds, range: 1...86_400)
        return settings
    }

    /// An address to listen on: an IPv4 or IPv6 literal, or `localhost` (no name lookups: a
    /// line that cannot resolve its own address at 3 a.m. must not fail to start).
    private static func address(_ reader: ArgumentReader, _ name: String, default value: String) throws(UsageError) -> String {
        guard let text = reader.options[name] else { return value }
        var v4 = in_addr(), v6 = in6_addr()
        guard text == "localhost" || inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1 else {
            throw UsageError(description: "--\(name) must be an IP address such as 127.0.0.1 or ::1 (or localhost), not \"\(text)\"")
        }
        return text
    }

    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        guard let settings = try settings(arguments) else {
            print(Usage.serve)
            return 0
        }
        // Before any thread starts, so the loop's signalfd is the only one to see them.
        EventLoop.blockSignals([SIGTERM, SIGINT, SIGHUP])
        signal(SIGPIPE, SIG_IGN)
        raiseOpenFileLimit(for: settings.connections.maxConnections)
        do {
            let loop = try EventLoop()
            let service = try LineService(settings: settings, loop: loop, log: Console.log)
            try loop.watchSignals([SIGTERM, SIGINT, SIGHUP]) { signal in
                if signal == SIGHUP {
                    switch service.reloadPrompts() {
                    case .success(let prompts): Console.log("prompts reloaded (version \(prompts.version)); new calls use them")
                    case .failure(let errors): Console.log("prompts not reloaded; the running ones stay:\n\(errors)")
                    }
                    return
                }
                Console.log("stopping: saying goodbye to \(service.center.sessionCount) caller(s)")
                service.shutDown { loop.stop() }
            }
            Console.out("guest line listening on \(service.guestServer.localHost):\(service.guestServer.localPort)")
            Console.out("agent console listening on \(service.agentServer.localHost):\(service.agentServer.localPort)")
            if let wallboard = service.wallboard {
                Console.out("wallboard listening on \(wallboard.listener.localHost):\(wallboard.listener.localPort)")
            }
            try loop.run()
            loop.close()
            Console.log("stopped")
            return 0
        } catch {
            Console.error("hotelline serve: \(error)")
            return 1
        }
    }

    /// Each caller is a socket: make room for the number of guests asked for.
    static func raiseOpenFileLimit(for connections: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let wanted = rlim_t(connections + 64)
        if limit.rlim_cur < wanted {
            limit.rlim_cur = min(wanted, limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
    }
}
