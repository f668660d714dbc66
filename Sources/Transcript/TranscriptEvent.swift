import Dialogue

/// The `event` entries a transcript can hold: what the line writes, and what a replay does
/// with each. Anything else is an error, so a typo is caught rather than skipped (a note
/// for people is a `#` comment line instead).
public enum TranscriptEvent: Equatable, Sendable {
    /// The call was answered (a note).
    case connected(from: String)
    /// An action's outcome: the replay answers the action with it.
    /// Indirect: an outcome is several times the size of any other event, and the line
    /// makes an entry of one for every line it says.
    indirect case outcome(ActionOutcome)
    /// The guest was silent for the idle time.
    case noInput
    /// The guest sent a line past the line's limit.
    case tooLong(limit: Int)
    case unreadable
    case controlCharacters
    /// Telnet's interrupt (IAC IP, IAC BRK) or Ctrl-C: the line takes it as "quit".
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
    /// The guest sent lines faster than the line takes them for too long, was told so and cut.
    case guestSentTooFast
    /// A record could not be saved (a note; the `outcome failed` that follows is what counts).
    case notSaved(reason: String)
    /// A person from the hotel took the call (`agent joined id=mei name=Mei`): the replay
    /// puts the conversation through to them.
    case agentJoined(id: String, name: String)
    /// The agent (or a supervisor in the call) typed `text`; the `line` entries that follow
    /// are it as the guest saw it (`agent said name=Mei text="Good evening"`).
    case agentSaid(name: String, text: String)
    /// The agent filled in the guest's answer at the question they were at
    /// (`agent answered name=Mei text="24 Dec"`); the `line` entries that follow are it and
    /// what the line said to it.
    case agentAnswered(name: String, text: String)
    /// The agent handed the guest back, ended the call, or was lost
    /// (`agent left how=released|hung-up|lost id=mei`).
    case agentLeft(Conversation.AgentDeparture, id: String)
    /// A supervisor barged in (`supervisor joined id=sara name=Sara`); the line says so.
    case supervisorJoined(id: String, name: String)
    /// Notes for people reading the call: a supervisor left, a whisper to the agent, the
    /// agent's note.
    /// With `name` (from this version on), the guest heard that they left.
    case supervisorLeft(id: String, name: String?)
    case whisper(from: String, to: String)
    case note(by: String, text: String)
    /// The guest's place in the queue for a person (`queue position=2 wait=240`; no wait
    /// while there is no estimate).
    case queueMoved(position: Int, waitSeconds: Int?)
    /// A note: the caller, identified as the VIP guest file `file`, joined the queue ahead
    /// of `aheadOf` guests who had asked before them (`queue vip file=261126001 ahead-of=1`).
    case queuedAsVIP(file: String, aheadOf: Int)
    /// The queue gave up on the guest (`queue ended reason=no-one|too-long`).
    case queueEnded(Conversation.QueueEnding)
    /// Every agent logged in is away; the guest in line is offered a callback
    /// (`queue no-one-at-desk`).
    case noOneAtDesk
    /// The guest's telnet told its window's width (`window columns=40`): the texts after it
    /// are laid out to it, in a replay as on the line.
    case window(columns: Int)
    /// The guest's telnet named its terminal (`terminal type=XTERM-256COLOR`; a note).
    case terminal(type: String)

    /// The text after `event ` in a transcript.
    public var text: String {
        switch self {
        case .connected(let peer): return "connected from \(peer)"
        case .outcome(let outcome): return OutcomeText.encode(outcome)
        case .noInput: return "no input"
        case .tooLong(let limit): return "line longer than \(limit) bytes"
        case .unreadable: return "line not UTF-8"
        case .controlCharacters: return "line with control characters"
        case .interrupt: return "interrupt"
        case .closing: return "closing"
        case .hungUp: return "hung up"
        case .guestHungUp: return "guest hung up"
        case .guestFinishedSending: return "guest finished sending"
        case .guestStoppedReading: return "closed: guest stopped reading"
        case .guestSentTooFast: return "closed: guest sent too fast"
        case .notSaved(let reason): return "not saved: \(reason)"
        case .agentJoined(let id, let name): return OutcomeText.line("agent joined", [("id", id), ("name", name)])
        case .agentSaid(let name, let text): return OutcomeText.line("agent said", [("name", name), ("text", text)])
        case .agentAnswered(let name, let text): return OutcomeText.line("agent answered", [("name", name), ("text", text)])
        case .agentLeft(let how, let id): return OutcomeText.line("agent left", [("how", Self.word(for: how)), ("id", id)])
        case .supervisorJoined(let id, let name): return OutcomeText.line("supervisor joined", [("id", id), ("name", name)])
        case .supervisorLeft(let id, let name): return OutcomeText.line("supervisor left", [("id", id)] + (name.map { [("name", $0)] } ?? []))
        case .whisper(let from, let to): return OutcomeText.line("whisper", [("from", from), ("to", to)])
        case .note(let by, let text): return OutcomeText.line("note", [("by", by), ("text", text)])
        case .queueMoved(let position, let wait):
            return OutcomeText.line("queue", [("position", String(position))] + (wait.map { [("wait", String($0))] } ?? []))
        case .queuedAsVIP(let file, let ahead): return OutcomeText.line("queue vip", [("file", file), ("ahead-of", String(ahead))])
        case .queueEnded(let ending): return OutcomeText.line("queue ended", [("reason", ending == .noOne ? "no-one" : "too-long")])
        case .noOneAtDesk: return "queue no-one-at-desk"
        case .window(let columns): return OutcomeText.line("window", [("columns", String(columns))])
        case .terminal(let type): return OutcomeText.line("terminal", [("type", type)])
        }
    }

    /// True for what an agent or the queue for one does: a replay over TCP cannot make it
    /// happen (nobody is at the console), so such a call replays in-process only.
    public var needsAnAgent: Bool {
        switch self {
        case .agentJoined, .agentSaid, .agentAnswered, .agentLeft, .supervisorJoined, .queueMoved, .queueEnded, .noOneAtDesk: return true
        case .connected, .outcome, .noInput, .tooLong, .unreadable, .controlCharacters, .interrupt, .closing,
             .hungUp, .guestHungUp, .guestFinishedSending, .guestStoppedReading, .guestSentTooFast, .notSaved, .supervisorLeft, .whisper,
             .note, .queuedAsVIP,
             .window, .terminal:
            return false
        }
    }

    private static func word(for departure: Conversation.AgentDeparture) -> String {
        switch departure {
        case .released: "released"
        case .hungUp: "hung-up"
        case .lost: "lost"
        }
    }

    /// The events written as words and fields (the agent, queue and terminal events): their
    /// leading words, the fields each needs, and how to make the event of them.
    private static let staffEvents: [(words: [String], needs: String, make: @Sendable ([String: String]) -> TranscriptEvent?)] = [
        (["agent", "joined"], "id=ID name=NAME", { f in f["id"].flatMap { id in f["name"].map { .agentJoined(id: id, name: $0) } } }),
        (["agent", "said"], "name=NAME text=TEXT", { f in f["name"].flatMap { name in f["text"].map { .agentSaid(name: name, text: $0) } } }),
        (["agent", "answered"], "name=NAME text=TEXT", { f in f["name"].flatMap { name in f["text"].map { .agentAnswered(name: name, text: $0) } } }),
        (["agent", "left"], "how=released|hung-up|lost id=ID", { f in
            let how: Conversation.AgentDeparture? = switch f["how"] {
            case "released": .released
            case "hung-up": .hungUp
            case "lost": .lost
            default: nil
            }
            return how.flatMap { how in f["id"].map { .agentLeft(how, id: $0) } }
        }),
        (["supervisor", "joined"], "id=ID name=NAME", { f in f["id"].flatMap { id in f["name"].map { .supervisorJoined(id: id, name: $0) } } }),
        (["supervisor", "left"], "id=ID [name=NAME]", { f in f["id"].map { .supervisorLeft(id: $0, name: f["name"]) } }),
        (["whisper"], "from=ID to=ID", { f in f["from"].flatMap { from in f["to"].map { .whisper(from: from, to: $0) } } }),
        (["note"], "by=ID text=TEXT", { f in f["by"].flatMap { by in f["text"].map { .note(by: by, text: $0) } } }),
        (["queue", "ended"], "reason=no-one|too-long", { f in
            switch f["reason"] {
            case "no-one": .queueEnded(.noOne)
            case "too-long": .queueEnded(.waitedTooLong)
            default: nil
            }
        }),
        (["queue", "no-one-at-desk"], "", { f in f.isEmpty ? .noOneAtDesk : nil }),
        (["queue", "vip"], "file=NUMBER ahead-of=N", { f in
            guard let file = f["file"], let ahead = f["ahead-of"].flatMap({ Int($0) }), ahead >= 0 else { return nil }
            return .queuedAsVIP(file: file, aheadOf: ahead)
        }),
        (["queue"], "position=N [wait=SECONDS]", { f in
            guard let position = f["position"].flatMap({ Int($0) }), position > 0 else { return nil }
            if let wait = f["wait"] { return Int(wait).map { .queueMoved(position: position, waitSeconds: $0) } }
            return .queueMoved(position: position, waitSeconds: nil)
        }),
        (["window"], "columns=N", { f in
            guard let columns = f["columns"].flatMap({ Int($0) }), columns >= 0 else { return nil }
            return .window(columns: columns)
        }),
        (["terminal"], "type=NAME", { f in f["type"].map { .terminal(type: $0) } }),
    ]

    /// An agent or queue event, its fields checked; nil when `text` starts with none of their words.
    private static func parseStaffEvent(_ text: String) -> Result<TranscriptEvent, TranscriptProblem>? {
        guard let words = OutcomeText.split(text) else {
            return text.hasPrefix("agent ") || text.hasPrefix("queue ") || text.hasPrefix("terminal ")
                ? .failure(TranscriptProblem("unterminated quote (close it with \")")) : nil
        }
        for kind in staffEvents where words.starts(with: kind.words) && (words.count == kind.words.count || words[kind.words.count].unicodeScalars.contains("=")) {
            let written = kind.words.joined(separator: " ")
            switch OutcomeText.fields(words.dropFirst(kind.words.count)) {
            case .failure(let problem): return .failure(TranscriptProblem("\(written): \(problem.description)"))
            case .success(let fields):
                guard let event = kind.make(fields) else {
                    return .failure(TranscriptProblem(kind.needs.isEmpty ? "\"\(written)\" takes no fields" : "\"\(written)\" needs \(kind.needs)"))
                }
                return .success(event)
            }
        }
        return nil
    }

    /// The bytes a guest's terminal sends to cause this event over TCP (a line problem, an
    /// interrupt); nil for the events a guest does not cause by sending. A raw client's bytes,
    /// as `nc` sends them (lines end with a bare LF, Ctrl-C is the byte 0x03): the line never
    /// offers such a client telnet.
    public var bytesThatCauseIt: [UInt8]? {
        switch self {
        case .tooLong(let limit): return Array(repeating: UInt8(ascii: "x"), count: limit + 1) + [10]
        case .unreadable: return [0xC3, 0x28, 10]
        case .controlCharacters: return [0x1B, UInt8(ascii: "["), UInt8(ascii: "A"), 10]
        case .interrupt: return [0x03]  // Ctrl-C
        case .connected, .outcome, .noInput, .closing, .hungUp, .guestHungUp, .guestFinishedSending, .guestStoppedReading,
             .guestSentTooFast, .notSaved,
             .agentJoined, .agentSaid, .agentAnswered, .agentLeft, .supervisorJoined, .supervisorLeft, .whisper, .note, .queueMoved, .queueEnded,
             .noOneAtDesk, .queuedAsVIP, .window, .terminal:
            return nil
        }
    }

    static let fixed: [TranscriptEvent] = [
        .noInput, .unreadable, .controlCharacters, .interrupt, .closing, .hungUp, .guestHungUp,
        .guestFinishedSending, .guestStoppedReading, .guestSentTooFast,
    ]

    /// Reads the text after `event `.
    public static func parse(_ text: String) -> Result<TranscriptEvent, TranscriptProblem> {
        if let event = fixed.first(where: { $0.text == text }) { return .success(event) }
        if text.hasPrefix("outcome ") || text == "outcome" { return OutcomeText.parse(text).map(TranscriptEvent.outcome) }
        if let peer = text.dropPrefix("connected from ") { return .success(.connected(from: peer)) }
        if let staff = parseStaffEvent(text) { return staff }
        if let reason = text.dropPrefix("not saved: ") { return .success(.notSaved(reason: reason)) }
        if let rest = text.dropPrefix("line longer than "), rest.hasSuffix(" bytes"), let limit = Int(rest.dropLast(" bytes".count)), limit > 0 {
            return .success(.tooLong(limit: limit))
        }
        let known = fixed.map(\.text) + ["outcome …", "connected from …", "not saved: …", "line longer than N bytes"]
            + staffEvents.map { $0.words.joined(separator: " ") + ($0.needs.isEmpty ? "" : " …") }
        return .failure(TranscriptProblem("unknown event \"\(text)\"" + Spelling.hint(for: text, among: known)
            + "; events are " + known.map { "\"\($0)\"" }.joined(separator: ", ") + " (write a note as a # comment line)"))
    }
}
