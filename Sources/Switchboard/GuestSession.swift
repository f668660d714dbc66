import HotelCalendar
import Dialogue
import Storage
import Telnet
import Transcript
import Reactor

/// One guest on the line: their connection, their conversation and the record of their call.
///
/// Owned by the `ServiceCenter` on the event-loop thread.
final class GuestSession {
    let id: String
    /// The hotel-local day the call began, `YYYY-MM-DD`: the transcript's folder.
    let day: String
    let connection: Connection
    var conversation: Conversation
    /// What was said on the call: the transcript, the last entries, the consoles watching.
    var callLog: CallLog
    /// When the guest last sent anything (milliseconds since 1970), for the idle timeout.
    var lastHeard: WallTime
    /// The guest closed their sending side (`nc` at end of input): finish, then hang up.
    var inputEnded = false
    /// Hung up or disconnected: nothing more is said.
    var isClosed = false
    /// When the call was answered (milliseconds since 1970), for consoles.
    let startedAt: WallTime
    /// The agent on the call, by ID, while one is.
    var agent: String?
    /// Supervisors who barged in, by ID.
    var barging: [String] = []
    /// The width the guest's telnet last told (NAWS), nil until it tells one.
    var windowColumns: Int?
    /// Wrong tries at lookups on this call (a number with a phone that do not match).
    var lookupFailures = 0
    /// The guest file the caller showed is theirs by two things that match (a number with
    /// its phone, or the phone with the name on file); nil until then: a phone alone never
    /// identifies anyone. What agents are shown of the caller, and a VIP's place in the
    /// queue, come from it.
    var identifiedFile: GuestFileNumber?

    /// The agent and any supervisors in the call: who sees what the guest types.
    var staffInCall: [String] { [agent].compactMap { $0 } + barging }

    /// `transcripts/2026-11-25/<id>.txt`, made once per call (not at every flush).
    private(set) lazy var transcriptPath = "transcripts/" + day + "/" + id + ".txt"

    init(id: String, day: String, connection: Connection, conversation: Conversation, transcript: TranscriptRecorder, now: WallTime) {
        self.id = id
        self.day = day
        self.connection = connection
        self.conversation = conversation
        self.callLog = CallLog(call: connection.id, transcript: transcript)
        self.lastHeard = now
        self.startedAt = now
    }
}

@available(*, unavailable)
extension GuestSession: Sendable {}
