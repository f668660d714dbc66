import Dialogue
import Telnet
import Transcript

/// One guest on the line: their connection, their conversation and its transcript.
///
/// Owned by the `ServiceCenter` on the event-loop thread.
final class GuestSession {
    let id: String
    /// The hotel-local day the call began, `YYYY-MM-DD`: the transcript's folder.
    let day: String
    let connection: LineConnection
    var conversation: Conversation
    var transcript: TranscriptRecorder
    /// When the guest last sent anything (milliseconds since 1970), for the idle timeout.
    var lastHeard: Int64
    /// The guest closed their sending side (`nc` at end of input): finish, then hang up.
    var inputEnded = false
    /// Hung up or disconnected: nothing more is said.
    var isClosed = false
    /// When the call was answered (milliseconds since 1970), for consoles.
    let startedAt: Int64
    /// The agent on the call, by ID, while one is.
    var agent: String?
    /// Supervisors who barged in, by ID.
    var barging: [String] = []

    /// The agent and any supervisors in the call: who sees what the guest types.
    var staffInCall: [String] { [agent].compactMap { $0 } + barging }
    /// Consoles watching this call (their connection IDs).
    var watchers: Set<UInt64> = []
    /// The last entries of the call, raw, for `watch` to start from.
    private let recent = RecentEntries(limit: 100)

    /// `transcripts/2026-11-25/<id>.txt`, made once per call (not at every flush).
    private(set) lazy var transcriptPath = "transcripts/" + day + "/" + id + ".txt"

    func remember(_ direction: TranscriptDirection, _ text: String) {
        recent.append((direction, text))
    }

    /// The recent entries as a console shows them, oldest first.
    var recentConsoleLines: [String] {
        recent.inOrder.flatMap { ServiceCenter.consoleLines($0.direction, $0.text, session: connection.id) }
    }

    init(id: String, day: String, connection: LineConnection, conversation: Conversation, transcript: TranscriptRecorder, now: Int64) {
        self.id = id
        self.day = day
        self.connection = connection
        self.conversation = conversation
        self.transcript = transcript
        self.lastHeard = now
        self.startedAt = now
    }
}

@available(*, unavailable)
extension GuestSession: Sendable {}
