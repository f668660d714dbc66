import Foundation
import Glibc

/// Debian's `chromium`, headless, driven over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`: commands on its fd 3, answers on its fd 4, each a JSON
/// message ended by a NUL), so a test can load a page and read its live DOM while the
/// page keeps a stream open (which `--dump-dom` with a virtual time budget waits on forever).
///
/// Promises: the browser runs in a fresh profile removed on `close`; every wait has a
/// deadline; `close` (or deinit) ends the browser and reaps it.
public final class HeadlessChromium {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The browser on this machine's PATH, if there is one.
    public static let binary: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser"] {
            for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }()

    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let profile: String
    private var received: [UInt8] = []
    private var nextID = 0
    private var session: String?
    private var closed = false

    /// Starts the browser (a 1280×800 window) with `url` open.
    public init(url: String) throws {
        guard let binary = Self.binary else { throw Failure(description: "no chromium on PATH") }
        profile = TestPaths.temporaryDirectory("chromium")
        var commands: [Int32] = [0, 0], answers: [Int32] = [0, 0]
        guard pipe(&commands) == 0, pipe(&answers) == 0 else { throw Failure(description: "pipe: \(errno)") }
        // Only the two ends dup'ed to fds 3 and 4 reach the browser (dup2 clears the flag).
        for fd in commands + answers { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, answers[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
                         "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--mute-audio",
                         "--user-data-dir=\(profile)", "--window-size=1280,800", url]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, binary, &actions, nil, &argv, environ)
        Glibc.close(commands[0])
        Glibc.close(answers[1])
        guard spawned == 0 else {
            Glibc.close(commands[1])
            Glibc.close(answers[0])
            throw Failure(description: "posix_spawn \(binary): \(String(cString: strerror(spawned)))")
        }
        pid = child
        toBrowser = commands[1]
        fromBrowser = answers[0]
    }

    deinit { close() }

    /// Attaches to the page the browser opened, so `evaluate` runs there.
    public func attachToPage(deadline: Date) throws {
        while Date() < deadline {
            let targets = try call("Target.getTargets", deadline: deadline)
            let infos = (targets["targetInfos"] as? [[String: Any]]) ?? []
            if let page = infos.first(where: { $0["type"] as? String == "page" }), let id = page["targetId"] as? String {
                let attached = try call("Target.attachToTarget", ["targetId": id, "flatten": true], deadline: deadline)
                session = attached["sessionId"] as? String
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "the browser opened no page in time")
    }

    /// The value of a JavaScript expression in the page, as a string (nil: undefined or an error).
    public func evaluate(_ expression: String, deadline: Date) throws -> String? {
        let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true], deadline: deadline)
        guard let value = (result["result"] as? [String: Any])?["value"] else { return nil }
        return "\(value)"
    }

    /// Evaluates `expression` every 50 ms until `accept` takes its value; throws with the
    /// last value at the deadline.
    public func wait(for expression: String, deadline: Date, until accept: (String?) -> Bool) throws -> String? {
        var last: String?
        while Date() < deadline {
            last = try evaluate(expression, deadline: deadline)
            if accept(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "waited for \(expression); it stayed \(last ?? "undefined")")
    }

    /// Ends the browser and removes its profile.
    public func close() {
        guard !closed else { return }
        closed = true
        _ = try? send("Browser.close", [:])
        Glibc.close(toBrowser)
        var status: Int32 = 0
        for _ in 0..<40 where waitpid(pid, &status, WNOHANG) == 0 { Thread.sleep(forTimeInterval: 0.05) }
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        Glibc.close(fromBrowser)
        try? FileManager.default.removeItem(atPath: profile)
    }

    // MARK: The protocol

    @discardableResult
    private func send(_ method: String, _ parameters: [String: Any]) throws -> Int {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": parameters]
        if let session, !method.hasPrefix("Target.") && !method.hasPrefix("Browser.") { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "the browser's pipe closed") }
            offset += written
        }
        return nextID
    }

    /// Sends a command and waits for its answer's `result`.
    private func call(_ method: String, _ parameters: [String: Any] = [:], deadline: Date) throws -> [String: Any] {
        let id = try send(method, parameters)
        while true {
            let message = try nextMessage(deadline: deadline)
            guard message["id"] as? Int == id else { continue }  // events and others' answers
            if let error = message["error"] { throw Failure(description: "\(method): \(error)") }
            return message["result"] as? [String: Any] ?? [:]
        }
    }

    private func nextMessage(deadline: Date) throws -> [String: Any] {
        while true {
            if let end = received.firstIndex(of: 0) {
                let data = Data(received[..<end])
                received.removeSubrange(...end)
                return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "the browser did not answer in time") }
            var ready = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(min(left, 1) * 1000) + 1) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let got = chunk.withUnsafeMutableBytes { read(fromBrowser, $0.baseAddress, $0.count) }
            guard got > 0 else { throw Failure(description: "the browser closed its pipe") }
            received += chunk[..<got]
        }
    }
}

@available(*, unavailable)
extension HeadlessChromium: Sendable {}
