import Transcript

/// What the line says in one go, as a replay compares it: a line of text, or hanging up.
public enum Said: Equatable, Sendable {
    /// One line of what the line said (a text it says is split at its line ends).
    case text(String)
    /// The line ended the call.
    case hangUp

    /// As a transcript entry at `offset`.
    public func written(offset: Int64) -> String {
        switch self {
        case .text(let text): TranscriptText.entryLine(offset: offset, direction: .said, text: text)
        case .hangUp: TranscriptText.entryLine(offset: offset, direction: .event, text: TranscriptEvent.hungUp.text)
        }
    }
}

/// One turn of a call: what made the line speak (the call being answered, a guest line, a
/// line problem, silence, an action's outcome, the server closing, the guest leaving) and
/// the entries the line said in answer (`line` entries and `event hung up`).
///
/// In-process replay walks turns to drive a `Conversation`; over TCP, `CallScript` makes
/// the same cut into steps, one per thing the guest does (what the server starts on its
/// own, an outcome or closing, stays in the step before). Notes (`connected from`,
/// `not saved`) and comments belong to no turn.
public struct ReplayTurn: Sendable {
    /// Nil for the first turn: the call is answered.
    public var stimulus: TranscriptEntry?
    public var expected: [TranscriptEntry]
    /// When the turn happened (ms after the call was answered); its output is written at it.
    public var offset: Int64

    /// The file line a turn's output goes before when it has none of its own.
    var firstLine: Int? { stimulus?.line ?? expected.first?.line }
}

extension TranscriptDocument {
    /// The call as turns, in order; the first is the call being answered.
    public var turns: [ReplayTurn] {
        var turns = [ReplayTurn(stimulus: nil, expected: [], offset: 0)]
        for entry in entries {
            switch entry.content {
            case .said, .event(.hungUp):
                if turns.count == 1 && turns[0].expected.isEmpty { turns[0].offset = entry.offset }
                turns[turns.count - 1].expected.append(entry)
            case .typed, .event(.supervisorLeft(_, .some)), .event(.outcome), .event(.noInput), .event(.tooLong), .event(.unreadable),
                 .event(.controlCharacters), .event(.interrupt), .event(.closing), .event(.guestHungUp),
                 .event(.guestFinishedSending), .event(.guestStoppedReading), .event(.guestSentTooFast), .event(.agentJoined),
                 .event(.agentSaid), .event(.agentAnswered),
                 .event(.agentLeft), .event(.supervisorJoined), .event(.queueMoved), .event(.queueEnded), .event(.noOneAtDesk), .event(.window):
                turns.append(ReplayTurn(stimulus: entry, expected: [], offset: entry.offset))
            case .event(.connected), .event(.notSaved), .event(.supervisorLeft), .event(.whisper), .event(.note), .event(.queuedAsVIP),
                 .event(.terminal):
                continue
            }
        }
        return turns
    }
}
