import Glibc
import Reactor
import Transcript

/// One guest's call played from a `CallScript` against a line over TCP, as a state
/// machine: events in (connected, bytes read, end of input, closed, timed out), actions out
/// (send bytes, arm the timeout, a guest line answered, finish with a verdict). No I/O and
/// no clock inside: `RemoteReplayer` (one call, then a report) and `LoadDriver` (thousands
/// at once, figures) carry the actions out.
///
/// Promises: a reply is compared byte for byte as it arrives, however it is cut into reads
/// (no line framing, and no `String` except for a line with placeholders); the next guest
/// line goes out as soon as the last byte of the step's reply is in; a placeholder binds the
/// first value it matches, a later use must match that value, and a guest line sends what
/// was bound; the first difference ends the call with a `CallDivergence` naming the
/// transcript line. Exactly one `.finish`; every event after it is ignored.
struct ScriptedCall {
    enum Action: Equatable {
        /// Send these bytes: a guest line with its CR LF, or the bytes of a line problem.
        case send([UInt8])
        /// Call `timedOut` this many seconds from now unless the next step's reply, or the
        /// verdict, comes first; replaces any timeout armed before.
        case armTimeout(seconds: Double)
        /// The guest line sent last has its whole reply: a latency sample, from its `.send`.
        case answered
        /// The guest line just sent is typed ahead: its reply comes with a later line's, so
        /// it counts as a line but has no latency of its own.
        case typedAhead
        /// The call is over: end the connection if it is still open, and report.
        case finish(Verdict)
    }

    /// How a call ended.
    enum Verdict: Equatable {
        case passed
        /// Boxed: a divergence is rare and large, and an action is copied on every reply.
        indirect case failed(CallDivergence)
        /// The connection was never made, for this reason (`.error(ECONNREFUSED)`…).
        case unreachable(CloseReason)
    }

    /// Where in the script a reply is being read.
    private struct Position {
        var step: Int
        /// Which of the step's expected pieces.
        var piece: Int
        /// Bytes of a `.bytes` piece matched so far (a pattern's bytes are in `line`).
        var offset: Int
    }

    private enum State {
        /// Dialled; the line has not answered yet.
        case connecting
        /// Reading the reply to a step, at `Position`.
        case expecting(Position)
        /// The step's reply is all in, and the line is to hang up now.
        case awaitingHangUp(step: Int)
        /// The line parted from the script; the rest of the line it was saying is being
        /// collected in `line`, for the report, before `.finish`. Boxed, so that the state
        /// the fast path sets on every reply stays three integers and a tag.
        indirect case diverging(CallDivergence)
        /// A verdict was given: nothing more happens.
        case finished
    }

    /// A line said differently is reported up to this many bytes (and a line with
    /// placeholders is given up on past it: the line says nothing that long).
    static let maxReportedBytes = 1024

    let script: CallScript
    private let lineTimeout: Double
    private let idleTimeout: Double
    private var state = State.connecting
    private var bindings = PlaceholderBindings()
    /// A line being collected: one with placeholders (matched whole at its end), or the
    /// line said past a difference.
    private var line: [UInt8] = []

    /// - Parameters:
    ///   - timeout: seconds to wait for each step's whole reply.
    ///   - idleTimeout: the server's idle time, added to the wait after silence.
    init(_ script: CallScript, timeout: Double, idleTimeout: Double = 0) {
        self.script = script
        self.lineTimeout = timeout
        self.idleTimeout = idleTimeout
    }

    // MARK: Events

    /// The connection is up: the line answers, or (echo, ping) the guest speaks first.
    mutating func connected(into actions: inout [Action]) {
        guard case .connecting = state else { return }  // odd, harmless: connected once only
        begin(0, into: &actions)
    }

    /// The next bytes the line sent, as read.
    mutating func read(_ bytes: UnsafeRawBufferPointer, into actions: inout [Action]) {
        var input = bytes[...]
        while !input.isEmpty {
            switch state {
            case .expecting(var at):
                switch script.steps[at.step].expected[at.piece] {
                case .bytes(let expected, let origins):
                    let count = min(expected.count - at.offset, input.count)
                    let same = expected.withUnsafeBytes { want in
                        memcmp(want.baseAddress! + at.offset, input.base.baseAddress! + input.startIndex, count) == 0
                    }
                    guard same else {
                        input = input.dropFirst(differ(expected, origins: origins, at: at, from: input))
                        continue
                    }
                    at.offset += count
                    input = input.dropFirst(count)
                    if at.offset == expected.count {
                        pieceDone(at, into: &actions)
                    } else {
                        state = .expecting(at)
                    }
                case .pattern(let pattern, let origin):
                    guard let end = input.firstIndex(of: 10) else {
                        line.append(contentsOf: input)
                        guard line.count > Self.maxReportedBytes else { return }
                        // No line the line says is this long: report it rather than hold more.
                        let text = String(decoding: line.prefix(Self.maxReportedBytes), as: UTF8.self)
                        return fail(.saidSomethingElse, at: origin, expected: pattern, got: text, into: &actions)
                    }
                    line.append(contentsOf: input[..<end])
                    input = input[(end + 1)...]
                    if line.last == 13 { line.removeLast() }
                    let text = String(decoding: line, as: UTF8.self)
                    line.removeAll(keepingCapacity: true)
                    guard bindings.match(expected: pattern, actual: text) else {
                        return fail(.saidSomethingElse, at: origin, expected: pattern, got: text, into: &actions)
                    }
                    pieceDone(at, into: &actions)
                }
            case .awaitingHangUp(let step):
                let origin = script.steps[step].hangUp!
                line.removeAll(keepingCapacity: true)
                state = .diverging(CallDivergence(kind: .saidMore, line: origin.line, offset: origin.offset))
            case .diverging(var divergence):
                let end = input.firstIndex { $0 == 13 || $0 == 10 }
                line.append(contentsOf: input[..<(end ?? input.endIndex)].prefix(max(0, Self.maxReportedBytes - line.count)))
                guard end != nil || line.count >= Self.maxReportedBytes else { return }
                divergence.got = String(decoding: line, as: UTF8.self)
                return finish(.failed(divergence), into: &actions)
            case .connecting, .finished:
                return  // nothing is read before the connect; after the verdict, the rest is noise
            }
        }
    }

    /// The line ended its side: right when it was to hang up now, wrong before.
    mutating func inputEnded(into actions: inout [Action]) {
        switch state {
        case .connecting, .finished:
            return
        case .expecting(let at):
            let (origin, expected, said) = awaited(at)
            if let said {
                fail(.saidSomethingElse, at: origin, expected: expected, got: said, into: &actions)
            } else {
                fail(.hungUp, at: origin, expected: expected, into: &actions)
            }
        case .awaitingHangUp:
            finish(.passed, into: &actions)
        case .diverging(var divergence):
            divergence.got = String(decoding: line, as: UTF8.self)
            finish(.failed(divergence), into: &actions)
        }
    }

    /// The connection ended by itself (not by this call's `.finish`).
    mutating func closed(_ reason: CloseReason, into actions: inout [Action]) {
        switch state {
        case .connecting:
            finish(.unreachable(reason), into: &actions)
        case .expecting(let at):
            let (origin, expected, _) = awaited(at)
            fail(.closed(reason), at: origin, expected: expected, into: &actions)
        case .awaitingHangUp:
            finish(.passed, into: &actions)  // the line hung up without a word more, if abruptly
        case .diverging(var divergence):
            divergence.got = String(decoding: line, as: UTF8.self)
            finish(.failed(divergence), into: &actions)
        case .finished:
            return
        }
    }

    /// The last timeout armed is due.
    mutating func timedOut(into actions: inout [Action]) {
        switch state {
        case .connecting:
            let first = awaited(Position(step: 0, piece: 0, offset: 0))
            fail(.timedOut(seconds: lineTimeout), at: first.origin, expected: first.expected, into: &actions)
        case .expecting(let at):
            let (origin, expected, _) = awaited(at)
            fail(.timedOut(seconds: timeout(for: at.step)), at: origin, expected: expected, into: &actions)
        case .awaitingHangUp(let step):
            fail(.timedOut(seconds: timeout(for: step)), at: script.steps[step].hangUp!, expected: nil, into: &actions)
        case .diverging(var divergence):
            divergence.got = String(decoding: line, as: UTF8.self)
            finish(.failed(divergence), into: &actions)
        case .finished:
            return
        }
    }

    // MARK: Moving on

    private mutating func pieceDone(_ done: Position, into actions: inout [Action]) {
        var at = done
        at.piece += 1
        at.offset = 0
        if at.piece < script.steps[at.step].expected.count {
            state = .expecting(at)
            return
        }
        if script.steps[at.step].stimulus.sends { actions.append(.answered) }
        if script.steps[at.step].hangUp != nil {
            state = .awaitingHangUp(step: at.step)
            actions.append(.armTimeout(seconds: timeout(for: at.step)))
        } else {
            begin(at.step + 1, into: &actions)
        }
    }

    /// Plays steps from `first` on until one waits for the line: sends their lines, and
    /// arms the timeout for the reply; finishes when the script is done.
    private mutating func begin(_ first: Int, into actions: inout [Action]) {
        var index = first
        while true {
            if index == script.steps.count {
                guard script.repeats else { return finish(.passed, into: &actions) }
                index = 1
            }
            // The step's parts are read in place: a copy of the whole step costs a retain and
            // a release for each of its arrays, on every reply.
            switch script.steps[index].stimulus {
            case .answered, .silence:
                break
            case .bytes(let bytes):
                actions.append(.send(bytes))
            case .text(let text):
                actions.append(.send(Array(bindings.filling(text).utf8) + [10]))
            case .agent:
                return fail(.needsAgent, at: CallScript.Origin(line: script.steps[index].line, offset: 0), expected: nil, into: &actions)
            case .window:
                return fail(.needsWindow, at: CallScript.Origin(line: script.steps[index].line, offset: 0), expected: nil, into: &actions)
            }
            if !script.steps[index].expected.isEmpty {
                state = .expecting(Position(step: index, piece: 0, offset: 0))
                actions.append(.armTimeout(seconds: timeout(for: index)))
                return
            }
            let step = script.steps[index]
            if step.stimulus.sends { actions.append(.typedAhead) }
            if step.hangUp != nil {
                state = .awaitingHangUp(step: index)
                actions.append(.armTimeout(seconds: timeout(for: index)))
                return
            }
            index += 1
        }
    }

    private func timeout(for step: Int) -> Double {
        switch script.steps[step].stimulus {
        case .silence: idleTimeout + lineTimeout
        case .answered, .bytes, .text, .agent, .window: lineTimeout
        }
    }

    // MARK: Divergences

    /// The bytes piece `expected` differs from `input` somewhere in its first bytes: notes
    /// where (the transcript line, that line as expected, and as said so far, which is
    /// `expected` up to the difference) and starts collecting the rest of the line said.
    /// Returns how many input bytes matched.
    private mutating func differ(_ expected: [UInt8], origins: [CallScript.Origin], at: Position,
                                 from input: Slice<UnsafeRawBufferPointer>) -> Int {
        var matched = 0
        while matched < input.count, at.offset + matched < expected.count,
              expected[at.offset + matched] == input[input.startIndex + matched] { matched += 1 }
        let (origin, text, said) = Self.line(of: expected, origins: origins, at: at.offset + matched)
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: said)
        state = .diverging(CallDivergence(kind: .saidSomethingElse, line: origin.line, offset: origin.offset, expected: text))
        return matched
    }

    /// What the line owes at `at`: where it is written, its text, and what of it the line
    /// has said so far (nil when none of it).
    private func awaited(_ at: Position) -> (origin: CallScript.Origin, expected: String?, said: String?) {
        let step = script.steps[at.step]
        guard at.piece < step.expected.count else {
            return (step.hangUp ?? CallScript.Origin(line: step.line, offset: 0), nil, nil)
        }
        switch step.expected[at.piece] {
        case .bytes(let expected, let origins):
            let (origin, text, said) = Self.line(of: expected, origins: origins, at: at.offset)
            return (origin, text, said.isEmpty ? nil : String(decoding: said, as: UTF8.self))
        case .pattern(let pattern, let origin):
            let said = line.last == 13 ? line.dropLast() : line[...]
            return (origin, pattern, said.isEmpty ? nil : String(decoding: said, as: UTF8.self))
        }
    }

    /// The line of `expected` that byte `offset` is in: its origin, its text, and its bytes
    /// before `offset`.
    private static func line(of expected: [UInt8], origins: [CallScript.Origin],
                             at offset: Int) -> (origin: CallScript.Origin, text: String, before: ArraySlice<UInt8>) {
        let start = expected[..<offset].lastIndex(of: 10).map { $0 + 1 } ?? 0
        let end = expected[start...].firstIndex { $0 == 13 || $0 == 10 } ?? expected.count
        let newlines = expected[..<offset].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        let origin = origins[min(newlines, origins.count - 1)]
        let before = expected[start..<max(start, min(offset, end))]
        return (origin, String(decoding: expected[start..<end], as: UTF8.self), before)
    }

    private mutating func fail(_ kind: CallDivergence.Kind, at origin: CallScript.Origin, expected: String?, got: String? = nil,
                               into actions: inout [Action]) {
        finish(.failed(CallDivergence(kind: kind, line: origin.line, offset: origin.offset, expected: expected, got: got)),
               into: &actions)
    }

    private mutating func finish(_ verdict: Verdict, into actions: inout [Action]) {
        state = .finished
        line = []
        actions.append(.finish(verdict))
    }
}
