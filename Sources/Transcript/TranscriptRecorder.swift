import Dialogue
import HotelCalendar

/// The first lines of a transcript: which session, which prompts, when, in which language.
public struct TranscriptHeader: Equatable, Sendable {
    public static let formatVersion = 1

    public var session: String
    /// `PromptSet.version` of the prompts the call ran with.
    public var prompts: String
    public var language: String
    /// When the call was answered; offsets count from here (written in milliseconds since 1970).
    public var startedAt: WallTime
    /// The hotel's UTC offset then, so a replay sees the same local day.
    public var utcOffsetSeconds: Int

    public init(session: String, prompts: String, language: String, startedAt: WallTime, utcOffsetSeconds: Int) {
        self.session = session
        self.prompts = prompts
        self.language = language
        self.startedAt = startedAt
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}

/// Who a transcript entry is from.
public enum TranscriptDirection: String, Sendable, CaseIterable {
    /// What the line said to the guest (one entry per line of its text); `line` in the file.
    case said = "line"
    /// What the guest typed.
    case guest
    /// Something that happened: a record saved, the call ended.
    case event
}

/// Collects one conversation as readable text, one entry per line:
///
///     +12.345 guest 1
///     +12.346 line  Which day would you like to arrive?
///
/// Recording on the event loop only keeps each entry (its time, direction and text, a
/// string shared, not copied); the text is made from them by `TranscriptText` in chunks,
/// on the thread that writes the file.
///
/// Redacting (`serve --redact`), guest lines are held until the conversation has taken
/// them (`learn`), because only then is it known whether a line was a name, a phone
/// number or an email; entries after a held line wait with it, so the order is kept.
public struct TranscriptRecorder: Sendable {
    private struct HeldEntry: Sendable {
        var instant: WallTime
        var direction: TranscriptDirection
        var text: String
        /// A line the guest sent (a `guest` entry or a line-problem event), which the
        /// conversation may still have queued.
        var isInput: Bool
        var masked = false
    }

    /// The header, until the first text is taken.
    private var header: TranscriptHeader?
    /// Entries not yet taken, kept as they came: writing them out is left to `TranscriptText`,
    /// on whichever thread writes the file, not on the event loop.
    private var entries: [TranscriptText.Entry] = []
    /// About how many bytes are waiting to be written (the text, and a little per entry);
    /// stored, so the switchboard reads it without copying the recorder out of its session.
    public private(set) var pendingCount = 0
    private let startedAt: WallTime
    private var redactor: TranscriptRedactor?
    private var held: [HeldEntry] = []
    /// The offset of the last entry written: an entry is never written before it. The line
    /// reads its clock more than once in a turn of its loop, and an entry stamped with an
    /// earlier reading could follow one stamped with a later (an agent's words after the
    /// guest's, a millisecond apart), which the parser rightly refuses.
    private var lastOffset: Int64 = 0

    public init(header: TranscriptHeader, redacting: Bool = false) {
        startedAt = header.startedAt
        redactor = redacting ? TranscriptRedactor() : nil
        self.header = header
        pendingCount = 128
        entries.reserveCapacity(64)
    }

    /// Whether guest lines are masked (`serve --redact`).
    public var isRedacting: Bool { redactor != nil }

    /// Records an `event` entry: the event as the transcript writes it.
    public mutating func record(_ event: TranscriptEvent, at instant: WallTime) {
        record(.event, event.text, at: instant)
    }

    public mutating func record(_ direction: TranscriptDirection, _ text: String, at instant: WallTime) {
        guard var redactor else { return write(direction, text, at: instant) }
        var text = text
        var isInput = direction == .guest
        if direction == .event, case .success(let event) = TranscriptEvent.parse(text) {
            if case .outcome(let outcome) = event { text = OutcomeText.encode(redactor.redact(outcome)) }
            if case .guest? = event.conversationEvent { isInput = true }
            // An answer an agent gave for the guest is masked as the guest's own would be.
            if case .agentAnswered = event { isInput = true }
        }
        if direction != .guest { text = redactor.apply(text) }
        self.redactor = redactor
        if isInput || !held.isEmpty {
            held.append(HeldEntry(instant: instant, direction: direction, text: text, isInput: isInput))
        } else {
            write(direction, text, at: instant)
        }
    }

    /// Redacting: the conversation took `answers` in its last event and still has `queued`
    /// inputs it has not looked at; masks the guest lines that were names, phones or emails
    /// and writes out every entry that no longer waits on an unread input.
    public mutating func learn(_ answers: [AnswerAttempt], queued: Int) {
        guard var redactor else { return }
        for answer in answers {
            if let index = held.firstIndex(where: { $0.direction == .guest && !$0.masked && Self.trimmed($0.text) == answer.typed }) {
                held[index].masked = true
                if let masked = redactor.mask(answer) { held[index].text = masked }
            } else if let index = held.firstIndex(where: { $0.direction == .event && !$0.masked && Self.agentAnswer(in: $0.text)?.text == answer.typed }),
                      let given = Self.agentAnswer(in: held[index].text) {
                held[index].masked = true
                held[index].text = TranscriptEvent.agentAnswered(name: given.name, text: redactor.mask(answer) ?? given.text).text
            }
        }
        self.redactor = redactor
        var unread = queued
        var cut = held.count
        for index in held.indices.reversed() where unread > 0 && held[index].isInput {
            unread -= 1
            cut = index
        }
        release(held.prefix(cut).count)
    }

    /// Redacting: the call is over; lines the conversation never read are masked whole.
    public mutating func finish() {
        for index in held.indices where held[index].direction == .guest && !held[index].masked {
            held[index].text = TranscriptRedactor.shape(held[index].text)
            held[index].masked = true
        }
        release(held.count)
    }

    /// Everything recorded since the last call.
    public mutating func takeText() -> String {
        String(decoding: take().bytes(), as: UTF8.self)
    }

    /// Everything recorded since the last call, to be written out (`bytes()`) where it
    /// costs the event loop nothing.
    public mutating func take() -> TranscriptText {
        defer {
            header = nil
            entries = []
            pendingCount = 0
        }
        return TranscriptText(header: header, entries: entries)
    }

    private mutating func release(_ count: Int) {
        guard count > 0, let redactor else { return }
        for entry in held.prefix(count) {
            write(entry.direction, entry.masked ? entry.text : redactor.apply(entry.text), at: entry.instant)
        }
        held.removeFirst(count)
    }

    private mutating func write(_ direction: TranscriptDirection, _ text: String, at instant: WallTime) {
        lastOffset = max(lastOffset, instant - startedAt)
        entries.append(TranscriptText.Entry(offset: lastOffset, direction: direction, text: text))
        pendingCount += text.utf8.count + 16
    }

    /// The agent and the answer of an `agent answered` entry; nil for any other.
    private static func agentAnswer(in text: String) -> (name: String, text: String)? {
        guard text.hasPrefix("agent answered"), case .success(.agentAnswered(let name, let given)) = TranscriptEvent.parse(text) else { return nil }
        return (name, trimmed(given))
    }

    private static func trimmed(_ text: String) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
