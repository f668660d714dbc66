import Dialogue
import Foundation
import HotelCalendar
import Transcript

/// Prompt sources for tests: the shipped `Prompts/`, optionally with texts changed.
public enum TestPrompts {
    public static let directory = TestPaths.prompts

    public static func sources(replacing changes: [String: String] = [:]) -> [PromptSource] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { name in
            var text = (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? ""
            for (old, new) in changes { text = text.replacingOccurrences(of: old, with: new) }
            return PromptSource(fileName: "Prompts/\(name)", text: text)
        }
    }

    public static func compile(_ sources: [PromptSource]) -> PromptSet {
        let (prompts, diagnostics) = PromptSet.compile(sources)
        guard let prompts else { fatalError("test prompts do not compile:\n" + diagnostics.map(\.description).joined(separator: "\n")) }
        return prompts
    }

    public static let shipped = compile(sources())

    /// The shipped prompts with `old` text replaced by `new` wherever it is written.
    public static func changed(_ old: String, to new: String) -> PromptSet { compile(sources(replacing: [old: new])) }
}

/// A call recorded the way the service centre records one, without sockets: a guest's
/// lines go into a `Conversation` at a clock that moves 1.5 s per line, actions are
/// answered cooperatively (or as told), and everything lands in a `TranscriptRecorder`.
/// Like the centre, it records each entry, then tells the conversation what it hears of it
/// (`conversationEvent`).
public struct RecordedCall {
    /// Wednesday 25 November 2026, 10:00 UTC.
    public static let startedAt = WallTime(millisecondsSince1970: 1_795_600_800_000)

    private var conversation: Conversation
    private var recorder: TranscriptRecorder
    private var now = RecordedCall.startedAt
    public var answer: (ActionRequest) -> ActionOutcome = RecordedCall.cooperative

    /// A call answered; on a line of several languages, `language` is typed on the screen
    /// at once (English by default, as the English calls were recorded before the screen).
    public init(prompts: PromptSet = TestPrompts.shipped, redacting: Bool = false, choosing language: String? = "1") {
        conversation = Conversation(prompts: prompts, timeZone: HotelTimeZone(fixedOffsetSeconds: 0))
        recorder = TranscriptRecorder(header: TranscriptHeader(session: "20261125-1000-test-1", prompts: prompts.version, language: conversation.language,
                                                               startedAt: Self.startedAt, utcOffsetSeconds: 0), redacting: redacting)
        hear(.event(.connected(from: "127.0.0.1:50000")))
        if prompts.languages.count > 1, let language { hear(.typed(language)) }
    }

    public mutating func say(_ lines: String...) {
        for line in lines {
            now = now.adding(milliseconds: 1500)
            hear(.typed(line))
        }
    }

    /// A line the line could not take (too long, not UTF-8, control characters), or an interrupt.
    public mutating func send(_ event: TranscriptEvent) {
        now = now.adding(milliseconds: 1500)
        hear(.event(event))
    }

    public mutating func silence() {
        now = now.adding(milliseconds: 60_000)
        hear(.event(.noInput))
    }

    /// The transcript text, ended as the guest hanging up would end it.
    public mutating func transcript(fileName: String = "call.txt") -> TranscriptDocument {
        let text = finishedText()
        guard case .success(let document) = TranscriptDocument.parse(text, fileName: fileName) else { fatalError("the recorder wrote an unreadable transcript:\n\(text)") }
        return document
    }

    public mutating func finishedText() -> String {
        if !conversation.hasEnded { record(.event(.guestHungUp)) }
        recorder.finish()
        return recorder.takeText()
    }

    /// Records `entry`, then lets the conversation answer it, an action's outcome as the
    /// next event once the effects before it are recorded.
    private mutating func hear(_ entry: TranscriptEntry.Content) {
        record(entry)
        var next = entry.conversationEvent
        while let event = next {
            next = nil
            let effects = conversation.handle(event, at: now)
            recorder.learn(conversation.recentAnswers, queued: conversation.queuedInputCount)
            for effect in effects {
                switch effect {
                case .say(let text): record(.said(text))
                case .hangUp: record(.event(.hungUp))
                case .perform(let request):
                    let outcome = TranscriptEvent.outcome(answer(request))
                    record(.event(outcome))
                    next = outcome.conversationEvent
                }
            }
        }
    }

    private mutating func record(_ entry: TranscriptEntry.Content) {
        switch entry {
        case .said(let text): recorder.record(.said, text, at: now)
        case .typed(let text): recorder.record(.guest, text, at: now)
        case .event(let event): recorder.record(event, at: now)
        }
    }

    public static func cooperative(_ request: ActionRequest) -> ActionOutcome {
        switch request {
        case .checkAvailability: return .available(roomsLeft: 5)
        case .saveReservation: return .saved(reference: "R1000017", guestFile: "261224001")
        case .saveComplaint: return .saved(reference: "T1000013", guestFile: nil)
        case .saveCallback: return .saved(reference: "C1000011", guestFile: nil)
        case .saveSurvey: return .saved(reference: "S1000019", guestFile: nil)
        case .findStay, .findBooking, .findComplaint, .findCallback, .findGuestFile: return .missing
        case .findCaller: return .newCaller
        case .quoteChange, .saveChange, .quoteCancellation, .saveCancellation: return .bookingClosed
        case .requestAgent: return .unavailable
        case .leaveQueue: return .left
        }
    }

    /// The booking every test starts from: Maria Lopez, a Deluxe King, 24–27 December.
    public static func booking(prompts: PromptSet = TestPrompts.shipped) -> RecordedCall {
        var call = RecordedCall(prompts: prompts)
        call.say("1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958", "Maria Lopez", "yes", "no")
        return call
    }
}
