import Glibc
import Storage
import Switchboard
import Telnet

/// `hotelline serve`: answers the guest line on this thread until SIGTERM or SIGINT.
enum ServeCommand {
    static let valued: Set<String> = [
        "host", "guest-port", "agent-port", "agent-host", "data", "prompts", "idle-timeout", "max-guests", "max-line", "max-output",
        "max-wait", "wrap-up", "segment-bytes", "snapshot-bytes",
    ]

    static func options(_ arguments: ArraySlice<String>) throws(UsageError) -> ServiceOptions? {
        let reader = try ArgumentReader(arguments, valued: valued, switches: ["help", "redact", "repair"])
        if reader.flags.contains("help") { return nil }
        guard reader.positional.isEmpty else {
            throw UsageError(description: "serve takes options only, not \"\(reader.positional[0])\"")
        }
        var options = ServiceOptions()
        options.host = try address(reader, "host", default: options.host)
        options.guestPort = try reader.port("guest-port", default: options.guestPort)
        options.agentPort = try reader.port("agent-port", default: options.agentPort)
        options.agentHost = try address(reader, "agent-host", default: options.agentHost)
        options.settings.queue.maxWaitSeconds = try reader.seconds("max-wait", default: options.settings.queue.maxWaitSeconds, range: 10...86_400)
        options.settings.queue.wrapUpSeconds = try reader.seconds("wrap-up", default: options.settings.queue.wrapUpSeconds, range: 0...3600)
        options.dataDirectory = try reader.directory("data", default: options.dataDirectory)
        options.promptsDirectory = try reader.directory("prompts", default: options.promptsDirectory)
        options.settings.idleTimeoutSeconds = try reader.seconds("idle-timeout", default: options.settings.idleTimeoutSeconds, range: 5...86_400)
        options.limits.maxConnections = try reader.integer("max-guests", default: options.limits.maxConnections, range: 1...100_000)
        options.limits.maxLineBytes = try reader.integer("max-line", default: options.limits.maxLineBytes, range: 16...65_536)
        options.limits.maxOutputBytes = try reader.integer("max-output", default: options.limits.maxOutputBytes, range: 4096...64 << 20)
        options.settings.redactTranscripts = reader.flags.contains("redact")
        options.store.repair = reader.flags.contains("repair")
        let segmentBytes = try reader.integer("segment-bytes", default: options.store.journal.segmentSizeLimit, range: 1024...1 << 30)
        options.store.journal = JournalOptions(segmentSizeLimit: segmentBytes, groupCommitLinger: options.store.journal.groupCommitLinger)
        options.store.snapshotThreshold = try reader.integer("snapshot-bytes", default: options.store.snapshotThreshold, range: 1024...1 << 40)
        return options
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
        guard let options = try options(arguments) else {
            print(Usage.serve)
            return 0
        }
        // Before any thread starts, so the loop's signalfd is the only one to see them.
        EventLoop.blockSignals([SIGTERM, SIGINT, SIGHUP])
        signal(SIGPIPE, SIG_IGN)
        raiseOpenFileLimit(for: options.limits.maxConnections)
        do {
            let loop = try EventLoop()
            let service = try LineService(options: options, loop: loop, log: Console.log)
            try loop.watchSignals([SIGTERM, SIGINT, SIGHUP]) { signal in
                if signal == SIGHUP {
                    switch service.reloadPrompts() {
                    case .success(let flows): Console.log("prompts reloaded (version \(flows.version)); new calls use them")
                    case .failure(let errors): Console.log("prompts not reloaded; the running ones stay:\n\(errors)")
                    }
                    return
                }
                Console.log("stopping: saying goodbye to \(service.center.sessionCount) caller(s)")
                service.shutDown { loop.stop() }
            }
            Console.out("guest line listening on \(service.guestServer.localHost):\(service.guestServer.localPort)")
            Console.out("agent console listening on \(service.agentServer.localHost):\(service.agentServer.localPort)")
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
