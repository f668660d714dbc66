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
