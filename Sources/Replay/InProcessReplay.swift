import Dialogue
import HotelCalendar
import Transcript

/// Replays a transcript against a `PromptSet` without sockets or a store: a state machine
/// that takes the transcript's turns one at a time, drives a `Conversation` at the
/// transcript's clock, answers each action with the outcome the transcript recorded, and
/// compares what the line says with the `line` entries.
///
/// Byte-for-byte deterministic: the clock is the header's, numbers come from the recorded
/// outcomes. A guest line holding a placeholder is typed as its `sample`, and the sample is
/// read back as the placeholder in what the line says, so normalised transcripts compare.
public struct InProcessReplay {
    /// What a replay found.
    public struct Result: Sendable {
        /// The first difference, or nil when the line answered as recorded.
        public var divergence: ReplayDivergence?
        /// False when the actions themselves differ: `--accept` cannot mend that.
        public var canAccept: Bool
        /// What the line said in each turn, placeholders written back in.
        public var outputs: [[Said]]
        /// The nodes and branches this call went through (when traced).
        public var covered: Set<CoveragePoint>
        /// The same, by the language the call was in when it went through each (when traced).
        public var coveredByLanguage: [String: Set<CoveragePoint>]

        public var passed: Bool { divergence == nil }
    }

    private let document: TranscriptDocument
    private let turns: [ReplayTurn]
    private var conversation: Conversation
    private var bindings = PlaceholderBindings()
    /// Samples typed for placeholders, by the placeholder's token.
    private var samples: [String: String] = [:]
    /// Placeholder token → the value to compare with (importing a live transcript).
    private let originals: [String: String]
    private var divergence: ReplayDivergence?
    private var canAccept = true
    private var outputs: [[Said]] = []
    private var covered: Set<CoveragePoint> = []
    private var coveredByLanguage: [String: Set<CoveragePoint>] = [:]
    /// The language the trace taken so far left the call in.
    private var languageOfTrace: String
    /// The line of the turn that started the action under way.
    private var actionStartedAt: Int?
    private var guestLeftDuringAction = false

    /// - Parameter originals: placeholder token → the value the expected text holds
    ///   instead (used when importing a live transcript, which has the real numbers).
    public init(_ document: TranscriptDocument, prompts: PromptSet, tracing: Bool = false, originals: [String: String] = [:]) {
        self.document = document
        self.turns = document.turns
        self.originals = originals
        // The offset the call was recorded at, all call long: the replay sees the same local days.
        conversation = Conversation(prompts: prompts, timeZone: HotelTimeZone(fixedOffsetSeconds: document.header.utcOffsetSeconds))
        conversation.isTracing = tracing
        languageOfTrace = conversation.language
    }

    /// Replays the whole transcript.
    public static func run(_ document: TranscriptDocument, prompts: PromptSet, tracing: Bool = false,
                           originals: [String: String] = [:]) -> Result {
        var replay = InProcessReplay(document, prompts: prompts, tracing: tracing, originals: originals)
        for index in replay.turns.indices { replay.play(index) }
        return replay.finish()
    }

    /// Plays turn `index`: the stimulus into the conversation, then the comparison.
    mutating func play(_ index: Int) {
        let turn = turns[index]
        let now = Self.instant(document.header, offset: turn.offset)
        let event: ConversationEvent?
        if let stimulus = turn.stimulus {
            switch stimulus.content {
            case .typed(let text): event = TranscriptEntry.Content.typed(typed(text)).conversationEvent
            case .event(let recorded): event = check(recorded, at: stimulus.line) ? sampled(recorded).conversationEvent : nil
            case .said: preconditionFailure("Invalid turn: a line entry is never a stimulus")
            }
        } else {
            event = .answered  // a transcript need not note where the call came from (`connected from`)
        }
        let effects = event.map { conversation.handle($0, at: now) } ?? []
        if conversation.isTracing { takeCoverage() }
        var said: [Said] = []
        for effect in effects {
            switch effect {
            case .say(let text): said += text.split(separator: "\n", omittingEmptySubsequences: false).map { .text(readBack(String($0))) }
            case .hangUp: said.append(.hangUp)
            case .perform: actionStartedAt = turn.stimulus?.line ?? turn.expected.first?.line ?? 1
            }
        }
        outputs.append(said)
        guard divergence == nil, !matches(turn.expected, said) else { return }
        let nextLine = turns.indices.contains(index + 1) ? turns[index + 1].firstLine ?? document.lines.count + 1 : document.lines.count + 1
        divergence = .turn(turn, actual: said, actualText: original, in: document, nextLine: nextLine)
    }

    /// The end of the transcript: an action still under way must have been cut short by
    /// the guest leaving; otherwise its outcome is missing.
    mutating func finish() -> Result {
        if let action = conversation.pendingAction, !guestLeftDuringAction {
            diverge(at: actionStartedAt ?? document.lines.count, "the line started \(action.rawValue) here, but the transcript records no outcome for it",
                    added: "event outcome … (the line is waiting for \(action.rawValue))")
        }
        return Result(divergence: divergence, canAccept: canAccept, outputs: outputs, covered: covered, coveredByLanguage: coveredByLanguage)
    }

    /// What the conversation went through in the last event, each point counted for the
    /// language the call was in when it got there (a change of language counts from itself on).
    private mutating func takeCoverage() {
        var language = languageOfTrace
        for point in conversation.takeTrace() {
            if case .language(let code, _) = point { language = code }
            let points = CoveragePoint.points(for: point)
            covered.formUnion(points)
            coveredByLanguage[language, default: []].formUnion(points)
        }
        languageOfTrace = language
    }

    /// Whether the line can be told `event` here: an outcome only for the action under way,
    /// and one it can end in. Notes that the guest left while an action was under way.
    private mutating func check(_ event: TranscriptEvent, at line: Int) -> Bool {
        switch event {
        case .outcome(let outcome):
            guard let action = conversation.pendingAction else {
                diverge(at: line, "the transcript records an outcome here, but the line started no action")
                return false
            }
            guard action.results.contains(outcome.result) else {
                diverge(at: line, "the line is doing \(action.rawValue), which cannot end in \"\(outcome.result)\" ("
                    + action.results.joined(separator: ", ") + ")")
                return false
            }
        case .guestHungUp, .guestStoppedReading, .guestSentTooFast:
            if conversation.isPerforming { guestLeftDuringAction = true }
        case .connected, .noInput, .tooLong, .unreadable, .controlCharacters, .interrupt, .closing, .hungUp,
             .guestFinishedSending, .notSaved, .agentJoined, .agentSaid, .agentAnswered, .agentLeft, .supervisorJoined, .supervisorLeft, .whisper,
             .note, .queueMoved, .queueEnded, .noOneAtDesk, .queuedAsVIP, .window, .terminal:
            break
        }
        return true
    }

    /// Actions that differ cannot be accepted; only the first difference is reported.
    private mutating func diverge(at line: Int, _ message: String, added: String? = nil) {
        canAccept = false
        guard divergence == nil else { return }
        divergence = .at(line, message + " (record the call again: --accept cannot mend a change in actions)", in: document,
                         removed: added == nil ? document.line(line) : nil, added: added, quoting: added == nil)
    }

    private mutating func matches(_ expected: [TranscriptEntry], _ said: [Said]) -> Bool {
        guard expected.count == said.count else { return false }
        for (entry, output) in zip(expected, said) {
            switch (entry.content, output) {
            case (.said(let text), .text(let line)):
                if !bindings.match(expected: text, actual: original(line)) { return false }
            case (.event(.hungUp), .hangUp):
                continue
            case (.said, .hangUp), (.typed, _), (.event, _):
                return false
            }
        }
        return true
    }

    /// A guest line as typed: placeholders become their samples.
    private mutating func typed(_ text: String) -> String {
        for (_, placeholder) in Placeholder.occurrences(in: text) { samples[placeholder.token] = placeholder.sample }
        return PlaceholderBindings().filling(text)
    }

    /// An outcome whose numbers are placeholders, with their samples instead, so the line
    /// lays out a number as long as the one recorded (`R0000001`, not `{confirmation}`: a
    /// line break falls where it fell in the call) and reads it back as the placeholder.
    private mutating func sampled(_ event: TranscriptEvent) -> TranscriptEvent {
        guard case .outcome(.saved(let reference, let file)) = event else { return event }
        func sample(_ value: String) -> String {
            guard let (range, placeholder) = Placeholder.occurrences(in: value).first, range == value.startIndex..<value.endIndex else { return value }
            samples[placeholder.token] = placeholder.sample
            return placeholder.sample
        }
        return .outcome(.saved(reference: sample(reference), guestFile: file.map(sample)))
    }

    /// A line as the transcript would hold it: samples typed earlier read back as placeholders.
    private func readBack(_ line: String) -> String {
        var line = line
        for (token, sample) in samples where line.contains(sample) {
            line = line.replacingWords(sample, with: token)
        }
        return line
    }

    /// The text to compare with the transcript: placeholders back to their original values.
    private func original(_ line: String) -> String {
        guard !originals.isEmpty else { return line }
        var line = line
        for (range, placeholder) in Placeholder.occurrences(in: line).reversed() {
            if let value = originals[placeholder.token] { line.replaceSubrange(range, with: value) }
        }
        return line
    }

    /// When a turn happened: the call's start and the entry's offset.
    static func instant(_ header: TranscriptHeader, offset: Int64) -> WallTime {
        header.startedAt.adding(milliseconds: offset)
    }
}
