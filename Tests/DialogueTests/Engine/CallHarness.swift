import Telnet
import Foundation
import HotelCalendar
import Testing
import TestSupport
@testable import Dialogue

/// The shipped `Prompts/`, compiled once for all tests (shared with the other test targets).
enum ShippedPrompts {
    static func sources() -> [PromptSource] { TestPrompts.sources() }
    static var prompts: PromptSet { TestPrompts.shipped }
}

/// A conversation driven like a guest on the line, at a fixed moment (Wednesday
/// 25 November 2026, 10:00 hotel time), keeping everything said for the assertions.
struct Call {
    var conversation: Conversation
    var now = LocalMoment(date: CivilDate(year: 2026, month: 11, day: 25)!, time: TimeOfDay(hour: 10, minute: 0)!)
    /// Every effect so far, in order.
    private(set) var effects: [ConversationEffect] = []
    /// What the last event made the line say, with line breaks read as spaces (so a phrase
    /// is found wherever the terminal wrapping broke it).
    private(set) var heard = ""
    /// The same, exactly as sent, line breaks included.
    private(set) var rawHeard = ""
    /// The action the conversation is waiting on, if any.
    private(set) var pending: ActionRequest?

    /// A call answered; on a line of several languages, `language` is typed on the screen
    /// it starts with (English by default; nil to stay on the screen).
    init(prompts: PromptSet = ShippedPrompts.prompts, choosing language: String? = "1") {
        conversation = Conversation(prompts: prompts, timeZone: HotelTimeZone(fixedOffsetSeconds: 0))
        tell(.answered)
        if prompts.languages.count > 1, let language { send(language) }
    }

    var hungUp: Bool { effects.last == .hangUp }

    mutating func send(_ line: String) { tell(.guest(.text(line))) }

    mutating func send(_ input: TypedInput) { tell(.guest(input)) }

    mutating func silence() { tell(.silence) }

    /// Answers the pending action with `outcome`.
    mutating func complete(_ outcome: ActionOutcome) {
        precondition(pending != nil, "no action pending")
        pending = nil
        tell(.outcome(outcome))
    }

    /// Tells the conversation `event`, now, keeping what it says.
    mutating func tell(_ event: ConversationEvent) { take(conversation.handle(event, at: now.instantInUTC)) }

    /// Sends several lines, answering availability as free and saves with `R1000017`.
    mutating func walk(_ lines: [String]) {
        for line in lines {
            send(line)
            while let request = pending { complete(Self.cooperative(request)) }
        }
    }

    static func cooperative(_ request: ActionRequest) -> ActionOutcome { RecordedCall.cooperative(request) }

    private mutating func take(_ new: [ConversationEffect]) {
        effects += new
        rawHeard = new.compactMap { if case .say(let text) = $0 { text } else { nil } }.joined(separator: "\n")
        heard = rawHeard.replacingOccurrences(of: "\n", with: " ")
        for effect in new { if case .perform(let request) = effect { pending = request } }
    }
}

extension LocalMoment {
    /// The instant this moment names in a hotel on UTC, as the tests' calls are.
    var instantInUTC: WallTime { WallTime(millisecondsSince1970: epochSeconds(utcOffsetSeconds: 0) * 1000) }
}
