import Telnet
import Reactor
import Transcript

/// How a replay over TCP ended.
public enum RemoteVerdict: Equatable, Sendable {
    case passed
    case failed(ReplayDivergence)
    /// The server could not be reached: the reason, e.g. `connection refused`.
    case unreachable(String)
}

/// One transcript replayed against a running server, as a state machine: events in (the
/// connection is up, a line arrived, the wait timed out, the connection closed), actions
/// out (send, wait, close, finish). No I/O inside: `RemoteReplayer` carries the actions
/// out, for any number of machines on one event loop.
///
/// It waits for each line the transcript expects, matching placeholders and capturing the
/// values they stand for; it sends each guest line once everything the line said before it
/// has arrived, with placeholders filled in from what was captured. Outcomes are the
/// server's own business here: they are skipped.
struct RemoteReplayMachine {
    enum Action: Equatable {
        case send(String)
        case sendBytes([UInt8])
        /// Arm the timeout for the next expected output (replacing any earlier one).
        case wait(seconds: Double)
        case close
        case finish(RemoteVerdict)
    }

    private enum State {
        /// Waiting for the connection to be established.
        case connecting
        /// Waiting for entry `item` of turn `turn`'s expected output.
        case expecting(turn: Int, item: Int)
        /// A verdict was given; nothing more happens.
        case finished
    }

    private let document: TranscriptDocument
    private let turns: [ReplayTurn]
    private let lineTimeout: Double
    private let idleTimeout: Double
    private var state = State.connecting
    private var bindings = PlaceholderBindings()
    /// The last stimulus was silence: the server answers after its idle time.
    private var awaitingIdle = false

    /// - Parameters:
    ///   - lineTimeout: seconds to wait for each expected line.
    ///   - idleTimeout: the server's idle time, added to the wait after a `no input`.
    init(_ document: TranscriptDocument, lineTimeout: Double, idleTimeout: Double) {
        self.document = document
        self.turns = document.turns
        self.lineTimeout = lineTimeout
        self.idleTimeout = idleTimeout
    }

    mutating func connected() -> [Action] {
        guard case .connecting = state else { return [] }
        return advance(turn: 0, item: 0)
    }

    mutating func received(_ input: LineInput) -> [Action] {
        guard case .expecting(let turn, let item) = state else { return [] }
        let expected = turns[turn].expected[item]
        switch (input, expected.content) {
        case (.line(let text), .said(let line)):
            guard bindings.match(expected: line, actual: text) else {
                return fail(expected.line, "the line said something else", removed: expected, added: text, turn: turn)
            }
            return advance(turn: turn, item: item + 1)
        case (.line(let text), _):
            return fail(expected.line, "the line said more here", removed: nil, added: text, turn: turn)
        case (.endOfInput, .event(.hungUp)):
            return advance(turn: turn, item: item + 1)
        case (.endOfInput, _):
            return fail(expected.line, "the line hung up instead of saying this", removed: expected, added: nil, turn: turn)
        case (.tooLong, _), (.invalidText, _), (.controlCharacters, _), (.interrupt, _):
            return fail(expected.line, "the line sent something that is not a line of text", removed: expected, added: nil, turn: turn)
        }
    }

    mutating func timedOut() -> [Action] {
        guard case .expecting(let turn, let item) = state else { return [] }
        let expected = turns[turn].expected[item]
        let waited = awaitingIdle ? idleTimeout + lineTimeout : lineTimeout
        return fail(expected.line, "nothing arrived for \(Self.seconds(waited)) s; the transcript expects this", removed: expected, added: nil, turn: turn)
    }

    mutating func closed(_ reason: CloseReason) -> [Action] {
        switch state {
        case .connecting:
            state = .finished
            let text = reason.description
            return [.finish(.unreachable(text.hasPrefix("socket error: ") ? String(text.dropFirst("socket error: ".count)) : text))]
        case .expecting(let turn, let item):
            if turns[turn].expected[item].content == .event(.hungUp) { return advance(turn: turn, item: item + 1) }
            return fail(turns[turn].expected[item].line, "the connection closed (\(reason)) before the line said this",
                        removed: turns[turn].expected[item], added: nil, turn: turn)
        case .finished:
            return []
        }
    }

    /// Moves past what has arrived: waits for the next expected output, or plays the next
    /// turn's stimulus, or finishes when the transcript is done.
    private mutating func advance(turn: Int, item: Int) -> [Action] {
        var actions: [Action] = []
        var turn = turn, item = item
        while turn < turns.count {
            if item < turns[turn].expected.count {
                state = .expecting(turn: turn, item: item)
                actions.append(.wait(seconds: awaitingIdle ? idleTimeout + lineTimeout : lineTimeout))
                return actions
            }
            turn += 1
            item = 0
            guard turn < turns.count, let stimulus = turns[turn].stimulus else { break }
            awaitingIdle = false
            switch stimulus.content {
            case .typed(let text): actions.append(.send(bindings.filling(text)))
            case .event(.lineTooLong), .event(.lineNotUTF8), .event(.lineWithControlCharacters), .event(.interrupt):
                if case .event(let event) = stimulus.content { actions.append(.sendBytes(event.bytesThatCauseIt ?? [])) }
            case .event(.noInput): awaitingIdle = true
            case .event(.guestHungUp), .event(.guestStoppedReading):
                state = .finished
                return actions + [.close, .finish(.passed)]
            case .event(.agentJoined), .event(.agentSaid), .event(.agentLeft), .event(.supervisorJoined), .event(.supervisorLeft(_, .some)),
                 .event(.queueMoved), .event(.queueEnded):
                return actions + fail(stimulus.line, "the transcript needs an agent at the console here, which a replay over TCP "
                    + "cannot be; replay it in-process", removed: stimulus, added: nil, turn: turn)
            case .event(.outcome), .event(.closing), .event(.guestFinishedSending), .event(.connected), .event(.notSaved),
                 .event(.supervisorLeft), .event(.whisper), .event(.note), .event(.hungUp), .said:
                break  // outcomes, closing, the guest finishing: the server does its part
            }
        }
        state = .finished
        return actions + [.close, .finish(.passed)]
    }

    private mutating func fail(_ line: Int, _ message: String, removed: TranscriptEntry?, added: String?, turn: Int) -> [Action] {
        state = .finished
        let divergence = ReplayDivergence.at(
            line, message, in: document, removed: removed.map { document.line($0.line) ?? $0.written },
            added: added.map { LineOutput.line($0).written(offset: removed?.offset ?? turns[turn].offset) })
        return [.close, .finish(.failed(divergence))]
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
