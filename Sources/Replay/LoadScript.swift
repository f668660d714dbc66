import Transcript
/// What one guest of a load run does on its connection, compiled to bytes: at each step,
/// what it sends and what it expects back, so the driver checks a reply by comparing the
/// bytes as they arrive (no line framing, no `String` per line) and sends the next line as
/// soon as the last expected byte is in.
///
/// Made from a transcript (the guest's lines, line problems as the bytes that cause them;
/// what the line says, outcomes skipped as over TCP), or from the echo and `PING` exchanges.
public struct LoadScript: Sendable {
    /// What a guest sends to start a step.
    enum Send: Sendable {
        /// Bytes as they are, line ending included.
        case bytes([UInt8])
        /// A guest line holding placeholders, filled from what the call captured so far.
        case text(String)
    }

    /// Part of what a step expects back.
    enum Expected: Sendable {
        /// Lines without placeholders, CR LF after each, compared byte for byte; `lines`
        /// are their transcript lines, for reports.
        case bytes([UInt8], lines: [Int])
        /// One line with placeholders, matched whole once its line ending arrives.
        case pattern(String, line: Int)
    }

    struct Step: Sendable {
        /// Nil for the first step of a call: the line speaks when it answers.
        var send: Send?
        var expected: [Expected]
        /// The line ends the call after this step's output (`event hung up`).
        var hangsUp: Bool
        /// Where the step starts in the transcript, for reports.
        var line: Int
    }

    /// The transcript's file name, or `echo` / `ping`.
    public let name: String
    var steps: [Step]
    /// True for echo and ping: the steps after the first repeat for as long as the run
    /// lasts on one connection. False for a call: it runs once, then the guest hangs up.
    let repeats: Bool

    /// Why a transcript cannot be replayed under load, when it cannot: it waits for the
    /// idle timeout, or needs the server to close, or an agent to speak.
    public static func refusal(for document: TranscriptDocument) -> String? {
        for entry in document.entries {
            guard case .event(let event) = entry.content else { continue }
            switch event {
            case .noInput: return "waits for the idle timeout (event no input, line \(entry.line))"
            case .closing: return "needs the server to stop (event closing, line \(entry.line))"
            case .agentJoined, .agentSaid, .agentLeft, .supervisorJoined, .queueMoved, .queueEnded:
                return "needs an agent at the console (event \(event.text.prefix { $0 != "=" }.split(separator: " ").dropLast().joined(separator: " ")), line \(entry.line))"
            case .connected, .outcome, .lineTooLong, .lineNotUTF8, .lineWithControlCharacters, .interrupt, .hungUp,
                 .guestHungUp, .guestFinishedSending, .guestStoppedReading, .notSaved, .supervisorLeft, .whisper, .note:
                continue
            }
        }
        return nil
    }

    /// Compiles a transcript (its numbers already placeholders, as for `--connect`).
    /// Check `refusal(for:)` first: silence and closing are not steps a guest can take.
    public init(_ document: TranscriptDocument) {
        name = document.fileName
        repeats = false
        var steps = [Step(send: nil, expected: [], hangsUp: false, line: document.entries.first?.line ?? 1)]
        var pending: [UInt8] = []
        var pendingLines: [Int] = []
        func flushPending() {
            guard !pending.isEmpty else { return }
            steps[steps.count - 1].expected.append(.bytes(pending, lines: pendingLines))
            pending = []
            pendingLines = []
        }
        func start(_ send: Send, at line: Int) {
            flushPending()
            steps.append(Step(send: send, expected: [], hangsUp: false, line: line))
        }
        walk: for entry in document.entries {
            switch entry.content {
            case .said(let text):
                if Placeholder.occurrences(in: text).isEmpty {
                    pending += Array(text.utf8) + [13, 10]
                    pendingLines.append(entry.line)
                } else {
                    flushPending()
                    steps[steps.count - 1].expected.append(.pattern(text, line: entry.line))
                }
            case .typed(let text):
                start(Placeholder.occurrences(in: text).isEmpty ? .bytes(Array(text.utf8) + [13, 10]) : .text(text), at: entry.line)
            case .event(.hungUp):
                steps[steps.count - 1].hangsUp = true
            case .event(.lineTooLong), .event(.lineNotUTF8), .event(.lineWithControlCharacters), .event(.interrupt):
                if case .event(let event) = entry.content { start(.bytes(event.bytesThatCauseIt ?? []), at: entry.line) }
            case .event(.guestHungUp), .event(.guestStoppedReading):
                break walk
            case .event(.outcome), .event(.connected), .event(.notSaved), .event(.guestFinishedSending), .event(.supervisorLeft),
                 .event(.whisper), .event(.note), .event(.noInput), .event(.closing), .event(.agentJoined), .event(.agentSaid),
                 .event(.agentLeft), .event(.supervisorJoined), .event(.queueMoved), .event(.queueEnded):
                continue  // the server does its part; silence, closing and agents are refused beforehand
            }
        }
        flushPending()
        self.steps = steps
    }

    /// Send a short line, expect the same line back: for any line echo server. With
    /// `callLines`, a call: that many lines on one connection, then the guest hangs up and
    /// dials again, as guests of the conversation line do (so the two compare like for like
    /// in what connections cost); without, one connection for the whole run.
    public static func echo(line: String, callLines: Int? = nil) -> LoadScript {
        let bytes = Array(line.utf8) + [13, 10]
        let exchange = Step(send: .bytes(bytes), expected: [.bytes(bytes, lines: [0])], hangsUp: false, line: 0)
        let opening = Step(send: nil, expected: [], hangsUp: false, line: 0)
        guard let callLines else { return LoadScript(name: "echo", steps: [opening, exchange], repeats: true) }
        precondition(callLines > 0, "a call has at least one line")
        return LoadScript(name: "echo", steps: [opening] + Array(repeating: exchange, count: callLines), repeats: false)
    }

    /// Send `PING`, expect `+PONG`: Redis's inline protocol.
    public static let ping = LoadScript(name: "ping", steps: [
        Step(send: nil, expected: [], hangsUp: false, line: 0),
        Step(send: .bytes(Array("PING\r\n".utf8)), expected: [.bytes(Array("+PONG\r\n".utf8), lines: [0])], hangsUp: false, line: 0),
    ], repeats: true)

    private init(name: String, steps: [Step], repeats: Bool) {
        self.name = name
        self.steps = steps
        self.repeats = repeats
    }

    /// Guest lines one pass of the script sends.
    public var guestLineCount: Int { steps.filter { $0.send != nil }.count }
}
