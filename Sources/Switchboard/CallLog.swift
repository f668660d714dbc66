import HotelCalendar
import Dialogue
import Transcript

/// The record of what was said on one guest's call, for everyone who reads it: the
/// transcript on its way to disk, the last entries (for a console that starts following the
/// call), and the consoles watching it. Owned by the call's `GuestSession`.
///
/// Every entry goes to all of them through `record`, so what a console sees is what the
/// transcript keeps (all but where the guest connected from, noted in the transcript before
/// the call has a log). Recording stays cheap when nobody follows the call: an entry is kept
/// raw, and formatted for a console only when one shows it.
struct CallLog {
    /// The call, as consoles number it (its connection ID).
    let call: UInt64
    /// The transcript, taken out in pieces as it grows and at the end of the call.
    var transcript: TranscriptRecorder
    /// Consoles watching the call (their connection IDs).
    var watchers: Set<UInt64> = []
    /// The last entries, raw, for `watch` (and an agent taking the call) to start from.
    private let recent = RecentEntries(limit: 100)
    /// The guest's waits for a person, from the events recorded: the call's journal record
    /// takes them when it ends.
    var waits = PersonWaits()

    init(call: UInt64, transcript: consuming TranscriptRecorder) {
        self.call = call
        self.transcript = transcript
    }

    /// Records an entry (`text` from `direction`) in the transcript and the recent entries, and
    /// shows it on the consoles watching the call; a guest's line also to `staff` (the people
    /// in a call with them; nil while there is none). `desk`, which writes to the consoles,
    /// and `staff` are asked for only when needed.
    mutating func record(_ direction: TranscriptDirection, _ text: String, at instant: WallTime,
                         showingOn desk: @autoclosure () -> AgentDesk?, staff: @autoclosure () -> [String]? = nil) {
        transcript.record(direction, text, at: instant)
        recent.append((direction, text))
        // Nobody follows most calls: found out before anything is formatted.
        let staff = direction == .guest ? staff() : nil
        guard !watchers.isEmpty || staff != nil else { return }
        let lines = Self.consoleLines(direction, text, call: call)
        let desk = desk()
        // Within each console's rate and room: a guest's flood is summed up, not shown line by line.
        let source: CallTraffic.Source = direction == .guest ? .guest : .call
        for console in watchers { desk?.showCall(lines, of: call, from: source, toConsole: console) }
        for agent in staff ?? [] { desk?.showCall(lines, of: call, from: .guest, toAgent: agent) }
    }

    /// Records `event` as `record` does text, and counts it toward the call's waits.
    mutating func record(_ event: TranscriptEvent, at instant: WallTime, showingOn desk: @autoclosure () -> AgentDesk?) {
        waits.heard(event, at: instant)
        record(.event, event.text, at: instant, showingOn: desk())
    }

    /// The recent entries as a console shows them, oldest first.
    var recentConsoleLines: [String] {
        recent.inOrder.flatMap { Self.consoleLines($0.direction, $0.text, call: call) }
    }

    /// `17> ` what the guest typed, `17| ` what the line said, `17* ` events (each wrapped to
    /// the agent's window when shown);
    /// escaped, so nothing a guest typed can drive the agent's terminal.
    static func consoleLines(_ direction: TranscriptDirection, _ text: String, call id: UInt64) -> [String] {
        // Phones shown masked, as in `sessions`: the full number is `phone ID`, which is logged.
        switch direction {
        case .guest: return ["\(id)> " + ConsoleText.safe(ConsoleText.maskingPhones(text))]
        case .said:
            return text.split(separator: "\n", omittingEmptySubsequences: false).map {
                "\(id)| " + ConsoleText.safe(ConsoleText.maskingPhones(String($0)))
            }
        case .event: return ["\(id)* " + ConsoleText.safe(ConsoleText.maskingPhones(text))]
        }
    }
}

extension ConversationEvent {
    /// True for the talk of people in a call with the guest (what they say, a supervisor
    /// coming or going). Redacting, the transcript holds a guest's lines until the
    /// conversation has read them (`TranscriptRecorder.learn`); such talk reads none, so it
    /// releases none: a line typed to an agent is released at the conversation's next turn
    /// (the agent leaving), or masked whole if the call ends first.
    var isTalkInCall: Bool {
        switch self {
        case .agentSaid, .supervisorJoined, .supervisorLeft: true
        case .answered, .guest, .silence, .outcome, .closing, .agentJoined, .agentAnswered, .agentLeft, .queueMoved, .queueEnded, .noOneAtDesk, .windowResized: false
        }
    }
}
