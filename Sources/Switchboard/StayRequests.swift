import Foundation
import Storage
import Reactor

/// `hotelline stays arrive|depart|no-show` while a server holds the data directory: the
/// journal is that server's alone, so the command hands the move over. It drops a request
/// file into `DATA/requests/` (written whole, then renamed into place); the line takes it
/// on its next round, makes the move as the console would, and answers in a reply file
/// beside it once the record is durable (or refused). Files in the server's own directory
/// (`0700`), not a socket: whoever may write there may run the server anyway.
public final class StayRequests {
    /// One move asked for: what, which stay, and who asks (for the audit log).
    public struct Request: Equatable, Sendable {
        public var kind: StayMove.Kind
        public var number: ConfirmationNumber
        public var by: String

        public init(kind: StayMove.Kind, number: ConfirmationNumber, by: String) {
            self.kind = kind
            self.number = number
            self.by = by
        }
    }

    static let directoryName = "requests"

    unowned let center: ServiceCenter
    let directory: String
    private let work: OffLoopWork
    /// A scan is under way off the loop: the next round does not start another.
    private var scanning = false
    /// When the directory was last looked at: at most every `scanSeconds`, however often the
    /// line's round comes (twenty times a second in tests), so idle lines cost nothing.
    private var lastScan: MonotonicTime?
    static let scanSeconds = 0.5

    init(center: ServiceCenter, loop: EventLoop, dataDirectory: String) throws {
        self.center = center
        self.directory = Self.directory(in: dataDirectory)
        self.work = try OffLoopWork(loop: loop)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    public static func directory(in dataDirectory: String) -> String { dataDirectory + "/" + directoryName }

    /// Each round of the line: takes the requests waiting (off the loop), makes each move.
    func round(now: MonotonicTime) {
        guard !scanning, lastScan.map({ now.seconds - $0.seconds >= Self.scanSeconds }) ?? true else { return }
        lastScan = now
        scanning = true
        let directory = self.directory
        work.submit({ Self.take(in: directory) }) { [weak self] taken in
            guard let self else { return }
            self.scanning = false
            for (name, text) in taken { self.perform(text, replyingTo: name) }
        }
    }

    private func perform(_ text: String, replyingTo name: String) {
        let path = directory + "/" + name + ".reply"
        let reply: (String) -> Void = { [work] answer in
            work.submit({ Self.write(answer, to: path) }) { _ in }
        }
        switch Self.parse(text) {
        case .success(let request):
            center.moveStay(request.number, request.kind, by: request.by) { line, made in reply((made ? "ok " : "no ") + line + "\n") }
        case .failure(let problem):
            reply("no " + problem.message + "\n")
        }
    }

    // MARK: The files (both sides)

    /// The request's text: `arrived R1000017 command:alice`.
    public static func text(of request: Request) -> String {
        "\(request.kind.description) \(request.number) \(request.by)\n"
    }

    struct Problem: Error, Equatable {
        let message: String
    }

    static func parse(_ text: String) -> Result<Request, Problem> {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 3, let kind = StayMove.Kind.allCases.first(where: { $0.description == words[0] }),
              let number = ConfirmationNumber(words[1]) else {
            return .failure(Problem(message: "a request reads \"arrived|departed|no-show NUMBER BY\", not \"\(text.prefix(80))\""))
        }
        return .success(Request(kind: kind, number: number, by: words[2]))
    }

    /// The requests waiting in `directory` (each read and removed), by file name without
    /// `.request`, oldest name first.
    static func take(in directory: String) -> [(String, String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".request") }.sorted().compactMap { file in
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            try? FileManager.default.removeItem(atPath: path)
            return (String(file.dropLast(".request".count)), String(decoding: data, as: UTF8.self))
        }
    }

    /// Writes `text` to `path` whole: a temporary file (`0600`), renamed into place, so the
    /// reader never sees half of it.
    @discardableResult
    public static func write(_ text: String, to path: String) -> Bool {
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return false
        }
        return rename(temporary, path) == 0
    }
}

@available(*, unavailable)
extension StayRequests: Sendable {}
