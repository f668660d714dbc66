import Dialogue

/// The `event` entries a transcript can hold: what the line writes, and what a replay does
/// with each. Anything else is an error, so a typo is caught rather than skipped (a note
/// for people is a `#` comment line instead).
public enum TranscriptEvent: Equatable, Sendable {
    /// The call was answered (a note).
    case connected(from: String)
    /// An action's outcome: the replay answers the action with it.
    case outcome(ActionOutcome)
    /// The guest was silent for the idle time.
    case noInput
    /// The guest sent a line past the line's limit.
    case lineTooLong(limit: Int)
    case lineNotUTF8
    case lineWithControlCharacters
    /// Telnet's interrupt (IAC IP): the line takes it as "quit".
    case interrupt
    /// The server is stopping and tells the guest so.
    case closing
    /// The line ended the call.
    case hungUp
    /// The guest closed the connection.
    case guestHungUp
    /// The guest closed their sending side (`nc -N` at the end of its input).
    case guestFinishedSending
    /// The guest stopped reading and the line gave up on them.
    case guestStoppedReading
    /// A record could not be saved (a note; the `outcome failed` that follows is what counts).
    case notSaved(reason: String)

    /// The text after `event ` in a transcript.
    public var text: String {
        switch self {
        case .connected(let peer): return "connected from \(peer)"
        case .outcome(let outcome): return OutcomeText.encode(outcome)
        case .noInput: return "no input"
        case .lineTooLong(let limit): return "line longer than \(limit) bytes"
        case .lineNotUTF8: return "line not UTF-8"
        case .lineWithControlCharacters: return "line with control characters"
        case .interrupt: return "interrupt"
        case .closing: return "closing"
        case .hungUp: return "hung up"
        case .guestHungUp: return "guest hung up"
        case .guestFinishedSending: return "guest finished sending"
        case .guestStoppedReading: return "closed: guest stopped reading"
        case .notSaved(let reason): return "not saved: \(reason)"
        }
    }

    /// What the guest's side delivered, for the events that stand for a line the guest sent.
    public var guestInput: GuestInput? {
        switch self {
        case .lineTooLong(let limit): return .tooLong(limit: limit)
        case .lineNotUTF8: return .unreadable
        case .lineWithControlCharacters: return .controlCharacters
        case .interrupt: return .line("quit")
        default: return nil
        }
    }

    /// The bytes a guest's terminal sends to cause this event over TCP (a line problem, an
    /// interrupt); nil for the events a guest does not cause by sending.
    public var bytesThatCauseIt: [UInt8]? {
        switch self {
        case .lineTooLong(let limit): return Array(repeating: UInt8(ascii: "x"), count: limit + 1) + [13, 10]
        case .lineNotUTF8: return [0xC3, 0x28, 13, 10]
        case .lineWithControlCharacters: return [0x1B, UInt8(ascii: "["), UInt8(ascii: "A"), 13, 10]
        case .interrupt: return [255, 244]  // IAC IP
        default: return nil
        }
    }

    static let fixed: [TranscriptEvent] = [
        .noInput, .lineNotUTF8, .lineWithControlCharacters, .interrupt, .closing, .hungUp, .guestHungUp,
        .guestFinishedSending, .guestStoppedReading,
    ]

    /// Reads the text after `event `.
    public static func parse(_ text: String) -> Result<TranscriptEvent, TranscriptProblem> {
        if let event = fixed.first(where: { $0.text == text }) { return .success(event) }
        if text.hasPrefix("outcome ") || text == "outcome" { return OutcomeText.parse(text).map(TranscriptEvent.outcome) }
        if let peer = text.dropPrefix("connected from ") { return .success(.connected(from: peer)) }
        if let reason = text.dropPrefix("not saved: ") { return .success(.notSaved(reason: reason)) }
        if let rest = text.dropPrefix("line longer than "), rest.hasSuffix(" bytes"), let limit = Int(rest.dropLast(" bytes".count)), limit > 0 {
            return .success(.lineTooLong(limit: limit))
        }
        let known = fixed.map(\.text) + ["outcome …", "connected from …", "not saved: …", "line longer than N bytes"]
        return .failure(TranscriptProblem("unknown event \"\(text)\"" + Spelling.hint(for: text, among: known)
            + "; events are " + known.map { "\"\($0)\"" }.joined(separator: ", ") + " (write a note as a # comment line)"))
    }
}
