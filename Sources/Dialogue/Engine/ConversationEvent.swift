import Telnet

/// Everything that can happen to a guest's conversation: the one way in, through
/// `Conversation.handle(_:at:)`.
///
/// Events are facts, told with the moment they happened; the conversation answers each
/// with effects (`ConversationEffect`) and has no other way to learn anything. The
/// switchboard tells them as they happen on the line, a replay as a transcript recorded
/// them (`TranscriptEvent.conversationEvent` maps one to the other for both), so the two
/// drive a conversation the same way.
public enum ConversationEvent: Equatable, Sendable {
    /// The call was answered: greet the guest (or ask for a language).
    case answered
    /// The guest typed something: a line, one the connection refused, telnet's interrupt
    /// (taken as "quit"), or the end of their input (the switchboard's to finish the call on).
    case guest(TypedInput)
    /// The guest was silent for the idle time.
    case silence
    /// The action asked for last (`ConversationEffect.perform`) turned out so.
    /// Indirect: an outcome (a whole reservation found) is several times the size of any
    /// other event, and every event, nearly all of them guest lines, would be copied at it.
    indirect case outcome(ActionOutcome)
    /// The line is closing (the server stops): say so politely and end.
    case closing
    /// A person from the hotel took the call; from now on the switchboard carries the talk.
    case agentJoined(name: String)
    /// A person in the call (the agent, or a supervisor who barged in) typed `text`.
    case agentSaid(name: String, text: String)
    /// The agent filled `text` in as the guest's answer at the question they were at (see
    /// `Conversation.agentAnswerProblem` for when it is not taken).
    case agentAnswered(name: String, text: String)
    /// The agent handed the guest back, ended the call, or was lost.
    case agentLeft(Conversation.AgentDeparture)
    /// A supervisor barged in: a second person on the call, whose call it is unchanged.
    case supervisorJoined(name: String)
    /// A supervisor who barged in left the call.
    case supervisorLeft(name: String)
    /// The guest's place in the queue for a person changed (or is told again); the wait is
    /// nil while there is no estimate.
    case queueMoved(position: Int, expectedWaitSeconds: Double?)
    /// The queue gave up on the guest (nobody logged in, or waited too long).
    case queueEnded(Conversation.QueueEnding)
    /// Every agent logged in is away: the guest, still in line, is offered a callback now.
    case noOneAtDesk
    /// The guest's window is `columns` wide (telnet NAWS; 0: unknown): the texts from the
    /// next one on are laid out to it (`Conversation.lineWidth`). Nothing is said.
    case windowResized(columns: Int)
}

extension Conversation {
    /// How an agent left the call.
    public enum AgentDeparture: Equatable, Sendable {
        /// Handed the guest back to the main menu.
        case released
        /// Ended the call.
        case hungUp
        /// The agent's console dropped: the guest is back at the front of the queue.
        case lost
    }

    /// Why the queue gave up on a guest.
    public enum QueueEnding: Equatable, Sendable {
        /// No agent is logged in (any more).
        case noOne
        /// The guest waited past the maximum.
        case waitedTooLong
    }
}

/// Where a call stands in the hotel's flows, for a person taking it: the question the guest
/// is at, or was at when they asked for a person, in the prompts' own names.
public struct CallPlace: Equatable, Sendable {
    /// The flow (`booking`, `main`, …).
    public let flow: String
    /// The node, as `flow.node`.
    public let node: String
    /// The variable the question fills (`booking.checkin`); nil at a menu.
    public let question: String?
    /// True when the guest asked for a person (rather than a person taking the call).
    public let askedForPerson: Bool

    public init(flow: String, node: String, question: String?, askedForPerson: Bool) {
        self.flow = flow
        self.node = node
        self.question = question
        self.askedForPerson = askedForPerson
    }
}

/// Why a person in the call cannot fill an answer in for the guest.
public enum AgentAnswerProblem: Error, Equatable, Sendable {
    /// Nobody from the hotel is in the call.
    case noPersonInCall
    /// The guest is at no question yet (the language screen the call starts with).
    case noQuestion
    /// The answer would set the line doing something (saving, looking up, queueing) or
    /// leave the flows' questions: the guest gives such answers themselves.
    case wouldAct
    /// The answer would end the call.
    case wouldEndCall
}
