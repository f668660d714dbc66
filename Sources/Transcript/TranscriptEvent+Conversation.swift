import Telnet
import Dialogue

// What a conversation hears of each transcript entry: the one mapping from what a call
// records to what its conversation is told. The line records an entry and tells its
// conversation this; a replay reads the entry and tells its conversation this; so the two
// cannot drift apart. Inlinable: the line maps every guest line, and inlined, mapping an
// entry it has just made costs nothing.

extension TranscriptEvent {
    /// The event the conversation is told when this happens on the line; nil for what it is
    /// never told (notes for people, the call ending under it, the line's own hang-up).
    @inlinable public var conversationEvent: ConversationEvent? {
        switch self {
        case .connected: .answered
        case .outcome(let outcome): .outcome(outcome)
        case .noInput: .silence
        case .tooLong(let limit): .guest(.tooLong(limit: limit))
        case .unreadable: .guest(.unreadable)
        case .controlCharacters: .guest(.controlCharacters)
        case .interrupt: .guest(.interrupt)
        case .closing: .closing
        case .agentJoined(_, let name): .agentJoined(name: name)
        case .agentSaid(let name, let text): .agentSaid(name: name, text: text)
        case .agentAnswered(let name, let text): .agentAnswered(name: name, text: text)
        case .agentLeft(let departure, _): .agentLeft(departure)
        case .supervisorJoined(_, let name): .supervisorJoined(name: name)
        // Written without a name before the guest was told a supervisor left: nothing to say.
        case .supervisorLeft(_, let name): name.map { .supervisorLeft(name: $0) }
        // Whole seconds, as written: a replay says the wait the guest heard.
        case .queueMoved(let position, let wait): .queueMoved(position: position, expectedWaitSeconds: wait.map(Double.init))
        case .queueEnded(let ending): .queueEnded(ending)
        case .noOneAtDesk: .noOneAtDesk
        case .window(let columns): .windowResized(columns: columns)
        case .hungUp, .guestHungUp, .guestFinishedSending, .guestStoppedReading, .guestSentTooFast, .notSaved, .whisper, .note, .queuedAsVIP, .terminal:
            nil
        }
    }
}

extension TranscriptEntry.Content {
    /// The event the conversation is told of this entry: a guest's line as typed, an event
    /// as `TranscriptEvent.conversationEvent`; nil for what the line said.
    @inlinable public var conversationEvent: ConversationEvent? {
        switch self {
        case .typed(let text): .guest(.text(text))
        case .event(let event): event.conversationEvent
        case .said: nil
        }
    }
}
