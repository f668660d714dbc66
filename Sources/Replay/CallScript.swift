import Transcript

/// What a guest does on one connection, compiled to bytes: at each step, what it sends and
/// what it expects back, so that a `ScriptedCall` checks a reply by comparing the bytes as
/// they arrive (no line framing, no `String` per line) and sends the next line as soon as
/// the last expected byte is in. Remote replay plays one; the load driver plays thousands.
///
/// Made from a transcript (the guest's lines; line problems as the bytes that cause them;
/// silence as a longer wait; what the line says; outcomes, notes and the server closing
/// left to the server), or from the echo and `PING` exchanges. Promises: every expected
/// byte and pattern keeps the transcript line it came from, for reports; the script ends
/// where the call does (the line hanging up, the guest leaving, an agent needed).
public struct CallScript: Sendable {
    /// Where an entry is written in its transcript: the file line, and when (milliseconds
    /// after the answer) what came instead of it goes in a diff.
    struct Origin: Equatable, Sendable {
        var line: Int
        var offset: Int64
    }

    /// What starts a step.
    enum Stimulus: Sendable {
        /// Nothing: the call was answered (the first step) and the line speaks first.
        case answered
        /// Bytes as they are, line ending included.
        case bytes([UInt8])
        /// A guest line holding placeholders, filled from what the call captured so far.
        case text(String)
        /// The guest says nothing (`event no input`): the line speaks after its idle time.
        case silence
        /// An agent or a supervisor acts here, which a guest on a socket cannot play.
        case agent
        /// The guest's telnet tells its window size here, which a raw client cannot play.
        case window

        /// True when the step starts with the guest sending something.
        var sends: Bool {
            switch self {
            case .bytes, .text: true
            case .answered, .silence, .agent, .window: false
            }
        }
    }

    /// Part of what a step expects back.
    enum Expected: Sendable {
        /// Lines without placeholders, CR LF after each, compared byte for byte; `origins`
        /// has one entry per line.
        case bytes([UInt8], origins: [Origin])
        /// One line with placeholders, matched whole once its line ending arrives.
        case pattern(String, origin: Origin)
    }

    struct Step: Sendable {
        var stimulus: Stimulus
        var expected: [Expected]
        /// Set when the line ends the call after this step's output (`event hung up`): where
        /// that is written (the offset is its turn's, as what the line said instead is).
        var hangUp: Origin?
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
            case .agentJoined, .agentSaid, .agentAnswered, .agentLeft, .supervisorJoined, .queueMoved, .queueEnded, .noOneAtDesk:
                return "needs an agent at the console (event \(event.text.prefix { $0 != "=" }.split(separator: " ").dropLast().joined(separator: " ")), line \(entry.line))"
            case .window: return "needs a telnet window size (event window, line \(entry.line))"
            case .connected, .outcome, .tooLong, .unreadable, .controlCharacters, .interrupt, .hungUp,
                 .guestHungUp, .guestFinishedSending, .guestStoppedReading, .guestSentTooFast, .notSaved, .supervisorLeft, .whisper, .note,
                 .queuedAsVIP, .terminal:
                continue
            }
        }
        return nil
    }

    /// Compiles a transcript (its numbers already placeholders, as for `--connect`). For
    /// load, check `refusal(for:)` first: silence and closing make poor load.
    public init(_ document: TranscriptDocument) {
        name = document.fileName
        repeats = false
        var steps = [Step(stimulus: .answered, expected: [], hangUp: nil, line: document.entries.first?.line ?? 1)]
        var pending: [UInt8] = []
        var pendingOrigins: [Origin] = []
        // When the current turn happened (remote replay's turns: an outcome starts one).
        var turnOffset: Int64?
        func flushPending() {
            guard !pending.isEmpty else { return }
            steps[steps.count - 1].expected.append(.bytes(pending, origins: pendingOrigins))
            pending = []
            pendingOrigins = []
        }
        func start(_ stimulus: Stimulus, at entry: TranscriptEntry) {
            flushPending()
            steps.append(Step(stimulus: stimulus, expected: [], hangUp: nil, line: entry.line))
        }
        walk: for entry in document.entries {
            switch entry.content {
            case .said(let text):
                if turnOffset == nil { turnOffset = entry.offset }
                let origin = Origin(line: entry.line, offset: entry.offset)
                if Placeholder.occurrences(in: text).isEmpty {
                    pending += Array(text.utf8) + [13, 10]
                    pendingOrigins.append(origin)
                } else {
                    flushPending()
                    steps[steps.count - 1].expected.append(.pattern(text, origin: origin))
                }
            case .event(.hungUp):
                flushPending()
                steps[steps.count - 1].hangUp = Origin(line: entry.line, offset: turnOffset ?? entry.offset)
                break walk  // the line's last act: nothing after it is played
            case .typed(let text):
                turnOffset = entry.offset
                // A bare LF, as `nc` ends a line: the replay is a raw client, never offered telnet.
                start(Placeholder.occurrences(in: text).isEmpty ? .bytes(Array(text.utf8) + [10]) : .text(text), at: entry)
            case .event(.tooLong), .event(.unreadable), .event(.controlCharacters), .event(.interrupt):
                turnOffset = entry.offset
                if case .event(let event) = entry.content { start(.bytes(event.bytesThatCauseIt ?? []), at: entry) }
            case .event(.noInput):
                turnOffset = entry.offset
                start(.silence, at: entry)
            case .event(.agentJoined), .event(.agentSaid), .event(.agentAnswered), .event(.agentLeft), .event(.supervisorJoined), .event(.supervisorLeft(_, .some)),
                 .event(.queueMoved), .event(.queueEnded), .event(.noOneAtDesk):
                start(.agent, at: entry)
                break walk
            case .event(.window):
                start(.window, at: entry)
                break walk
            case .event(.guestHungUp), .event(.guestStoppedReading), .event(.guestSentTooFast):
                break walk
            case .event(.outcome), .event(.closing), .event(.guestFinishedSending):
                turnOffset = entry.offset  // the server does its part; what it says is this turn's
            case .event(.connected), .event(.notSaved), .event(.supervisorLeft), .event(.whisper), .event(.note), .event(.queuedAsVIP),
                 .event(.terminal):
                continue
            }
        }
        flushPending()
        self.steps = steps
    }

    /// Send a short line, expect the same line back: for any line echo server. With
    /// `callLines`, a call: that many lines on one connection, then the guest hangs up and
    /// dials again, as guests of the conversation line do (so the two compare like for like
    /// in what connections cost); without, one connection for the whole run.
    public static func echo(line: String, callLines: Int? = nil) -> CallScript {
        let bytes = Array(line.utf8) + [13, 10]
        let exchange = Step(stimulus: .bytes(bytes), expected: [.bytes(bytes, origins: [Origin(line: 0, offset: 0)])], hangUp: nil, line: 0)
        let opening = Step(stimulus: .answered, expected: [], hangUp: nil, line: 0)
        guard let callLines else { return CallScript(name: "echo", steps: [opening, exchange], repeats: true) }
        precondition(callLines > 0, "a call has at least one line")
        return CallScript(name: "echo", steps: [opening] + Array(repeating: exchange, count: callLines), repeats: false)
    }

    /// Send `PING`, expect `+PONG`: Redis's inline protocol.
    public static let ping = CallScript(name: "ping", steps: [
        Step(stimulus: .answered, expected: [], hangUp: nil, line: 0),
        Step(stimulus: .bytes(Array("PING\r\n".utf8)), expected: [.bytes(Array("+PONG\r\n".utf8), origins: [Origin(line: 0, offset: 0)])],
             hangUp: nil, line: 0),
    ], repeats: true)

    private init(name: String, steps: [Step], repeats: Bool) {
        precondition(!repeats || steps.dropFirst().allSatisfy { !$0.expected.isEmpty }, "a repeating script waits for a reply at every step")
        self.name = name
        self.steps = steps
        self.repeats = repeats
    }

    /// Guest lines one pass of the script sends.
    public var guestLineCount: Int { steps.filter { $0.stimulus.sends }.count }
}
