import Telnet
import HotelCalendar
import TestSupport
@testable import Dialogue

/// A guest who types at random: menu numbers, commands, dates, garbage, very long lines,
/// emoji and other Unicode, silences and refused lines, while the "switchboard" answers
/// every action with a random outcome the flow must handle.
///
/// After each event it checks what a guest could notice: a text that is empty, a missing
/// text's `[key]` marker, an unfilled `{placeholder}`, effects after the hang-up, or a
/// conversation that neither waits nor has ended. The first problem stops the walk and is
/// reported with the seed and the last events, so the walk can be rerun from its seed.
struct FuzzCaller {
    private var random: SeededGenerator
    private(set) var conversation: Conversation
    private var now = LocalMoment(date: CivilDate(year: 2026, month: 11, day: 25)!, time: TimeOfDay(hour: 10, minute: 0)!)
    private var pending: ActionRequest?
    private var recent: [String] = []
    /// Literal braces are fine in an edited prompt set (`{{`), so the check can be turned off.
    private let bracesAreProblems: Bool
    private let seed: UInt64
    private var cancellationQuotes: Int
    private(set) var problem: String?
    /// Events sent so far, the start included.
    private(set) var steps = 0
    /// Every node the conversation stood at, as `flow.node`.
    private(set) var visited: Set<String> = []

    init(prompts: PromptSet, seed: UInt64, bracesAreProblems: Bool = true) {
        self.seed = seed
        cancellationQuotes = Int(seed & 1)
        self.bracesAreProblems = bracesAreProblems
        random = SeededGenerator(seed: seed)
        conversation = Conversation(prompts: prompts, timeZone: HotelTimeZone(fixedOffsetSeconds: 0))
        check("answered", conversation.handle(.answered, at: now.instantInUTC))
    }

    /// Takes up to `steps` random steps, stopping early at a problem or the hang-up; after
    /// a hang-up, nothing the guest or the line does makes the conversation speak again.
    mutating func walk(steps: Int) {
        for _ in 0..<steps where problem == nil && !conversation.hasEnded {
            step()
        }
        if conversation.hasEnded, problem == nil {
            let after = [ConversationEvent.guest(.text("1")), .guest(.interrupt), .silence, .closing, .agentSaid(name: "Mei", text: "hello"),
                         .supervisorJoined(name: "Sara"), .supervisorLeft(name: "Sara"), .agentJoined(name: "Mei"), .agentLeft(.released),
                         .queueMoved(position: 1, expectedWaitSeconds: nil), .queueEnded(.noOne)]
                .flatMap { conversation.handle($0, at: now.instantInUTC) }
            if !after.isEmpty { fail("spoke after the call ended: \(after)") }
        }
    }

    private mutating func step() {
        now = now.adding(minutes: Int.random(in: 0...4, using: &random))
        if let request = pending, Int.random(in: 0..<3, using: &random) > 0 {
            let outcome = randomOutcome(for: request)
            pending = nil
            check("outcome \(outcome)", conversation.handle(.outcome(outcome), at: now.instantInUTC))
            return
        }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<6:
            check("silence", conversation.handle(.silence, at: now.instantInUTC))
        case 6..<9:
            let input = [TypedInput.tooLong(limit: 1024), .unreadable, .controlCharacters].randomElement(using: &random)!
            check("\(input)", conversation.handle(.guest(input), at: now.instantInUTC))
        default:
            let line = Int.random(in: 0..<10, using: &random) < 7 ? fittingLine() : randomLine()
            check("line \(line.debugDescription.prefix(80))", conversation.handle(.guest(.text(line)), at: now.instantInUTC))
        }
    }

    private mutating func check(_ event: String, _ effects: [ConversationEffect]) {
        recent = Array((recent + [event]).suffix(12))
        steps += 1
        if let node = conversation.currentNode { visited.insert(node) }
        for (index, effect) in effects.enumerated() {
            switch effect {
            case .say(let text):
                if !text.contains(where: { !$0.isWhitespace }) { fail("said an empty text") }
                // The regex is made anew at each use: looked for only where a bracket is.
                if text.utf8.contains(UInt8(ascii: "[")), text.contains(#/\[[a-z0-9_-]+(\.[a-z0-9_-]+)+\]/#) { fail("said a missing text's marker: \(text)") }
                if bracesAreProblems, text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) { fail("said an unfilled placeholder: \(text)") }
            case .perform(let request):
                if pending != nil { fail("asked for \(request) while another action was pending") }
                pending = request
            case .hangUp:
                if index != effects.count - 1 { fail("spoke after hanging up: \(effects)") }
            }
        }
        if pending != nil, !conversation.isPerforming { fail("a pending action while not performing") }
        if conversation.isPerforming, pending == nil { fail("performing without having asked for an action") }
        switch conversation.state {
        case .waiting, .offeringPerson, .choosingLanguage, .performing, .withAgent: break
        case .ended:
            if effects.last != .hangUp { fail("ended without hanging up: \(effects)") }
        case .notStarted: fail("not started after start")
        }
    }

    /// Free and charged cancellation quotes in turn, starting from the seed's parity (so
    /// consecutive calls of a walk start on different answers): the cancel path is walked
    /// rarely, and each walk there should find the other answer than the last.
    private mutating func cancellationFee() -> Int {
        cancellationQuotes += 1
        return cancellationQuotes % 2 == 0 ? 180 : 0
    }

    private mutating func fail(_ message: String) {
        guard problem == nil else { return }
        problem = "FuzzCaller seed \(seed): \(message)\nlast events:\n  " + recent.joined(separator: "\n  ")
    }

    // MARK: What the guest types

    static let lines = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "00", "-1", "１",
        "help", "?", "repeat", "back", "go back", "menu", "main menu", "agent", "person", "quit", "bye", "HELP!",
        "yes", "no", "yes please", "no thanks", "yes no", "是", "不", "sí",
        "24 Dec", "27 Dec", "tomorrow", "today", "3 nights", "31 Feb", "1 Jan 2020", "1 Jan 2030", "2026-12-24", "24/12/2026", "friday",
        "tomorrow 10am", "now", "tomorrow 3am", "today 9am", "19:45", "10 Dec 10am", "明天下午3点",
        "+44 20 7946 0958", "555 0101 22", "12", "+86 138 0013 8000", "maria@example.com",
        "Maria Lopez", "O'Brien", "李小龙", "José-María", "1204", "R1000017", "r 100 0017", "R12",
        "four", "4/5", "3 out of 5", "8/10", "deluxe", "the deluxe one", "suite", "housekeeping", "book a room",
        "asdf", "{hotel.name}", "[global.help]", "}{", "{{", "%@ %d %s", "\\", "\"", "'; DROP TABLE guests; --", "-> : =",
        "🙂", "👨‍👩‍👧‍👦", "🏨🛏️", "ñandú", "日本語のテキスト", "العربية", "עברית", "a\u{200B}b", "e\u{301}\u{301}\u{301}", "Ω≈ç√∫",
        "", " ", "   .   ", "!!!", "...", "。",
    ]

    /// A sensible answer to the question the guest is at, so walks get deep into the flows.
    private mutating func fittingLine() -> String {
        guard case .waiting(let index, let step, _, _) = conversation.state else { return randomLine() }
        let node = conversation.prompts.nodes[index]
        guard let question = node.steps[step].question else {
            return node.choices.randomElement(using: &random).map { Bool.random(using: &random) ? $0.number : $0.aliases.first ?? $0.number } ?? "1"
        }
        let answers: [String]
        switch question.kind {
        case .date: answers = ["24 Dec", "27 Dec", "tomorrow", "3 nights", "2026-12-24", "31 Dec"]
        case .moment: answers = ["tomorrow 10am", "now", "today 16:30", "friday 9:15"]
        case .number: answers = ["1", "2", "three"]
        case .phone: answers = ["+44 20 7946 0958", "+34 600 123 456"]
        case .email: answers = ["maria@example.com"]
        case .yesno: answers = ["yes", "no", "yes please"]
        case .rating: answers = ["4", "five", "2/5"]
        case .score: answers = ["0", "7", "10"]
        case .text: answers = ["The shower was cold", "Please call me", "no"]
        case .name: answers = ["Maria Lopez", "李小龙"]
        case .code: answers = ["1204", "12B"]
        case .room: answers = ["1", "2", "3", "4", "suite"]
        case .reference: answers = [(question.prefix ?? "R") + "1000017", "R1000017", "no"]
        case .file: answers = ["261224001", "2612241000", "12345"]
        }
        return answers.randomElement(using: &random)!
    }

    private static let alphabet: [Character] = Array("abcXYZ019 .,:;-+/@#'\"?!{}[]()<>|\\_=~ñéü中文字月日点晚是😀🏨\u{301}\u{200B}א١")

    private mutating func randomLine() -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<6:
            return Self.lines.randomElement(using: &random)!
        case 6..<9:
            let length = Int.random(in: 1...40, using: &random)
            return String((0..<length).map { _ in Self.alphabet.randomElement(using: &random)! })
        default:
            let piece = Self.lines.randomElement(using: &random)! + " "
            return String(repeating: piece, count: 1 + 1000 / max(piece.count, 1)).prefix(1024).description
        }
    }

    // MARK: What the switchboard answers

    private mutating func randomOutcome(for request: ActionRequest) -> ActionOutcome {
        let reference = String(Int.random(in: 1_000_000...9_999_999, using: &random))
        let choices: [ActionOutcome]
        switch request {
        case .checkAvailability:
            let alternatives = ["standard", "deluxe", "family", "suite"].filter { _ in Bool.random(using: &random) }
            choices = [.available(roomsLeft: Int.random(in: 1...12, using: &random)),
                       .full(roomsLeft: Int.random(in: 0...2, using: &random), alternatives: alternatives)]
        case .saveReservation:
            choices = [.saved(reference: "R" + reference, guestFile: "261224001"), .full(roomsLeft: 0, alternatives: []), .failed, .datesPassed]
        case .saveComplaint:
            choices = [.saved(reference: "T" + reference, guestFile: nil), .failed]
        case .saveCallback:
            choices = [.saved(reference: "C" + reference, guestFile: nil), .failed]
        case .saveSurvey:
            choices = [.saved(reference: "S" + reference, guestFile: nil), .failed]
        case .findStay:
            let stay = ReservationSummary(guestName: "Maria Lopez", checkIn: now.date.adding(days: -5), checkOut: now.date.adding(days: -2), rooms: 1, roomType: "family")
            choices = [.found(stay), .missing, .locked]
        case .findBooking:
            let checkIn = now.date.adding(days: Int.random(in: 0...30, using: &random))
            let stay = BookingSummary(guestName: "Maria Lopez", checkIn: checkIn, checkOut: checkIn.adding(days: 2), rooms: 2, roomType: "family",
                                      total: 920, freeUntil: LocalMoment(date: checkIn.adding(days: -2), time: TimeOfDay(hour: 15, minute: 0)!),
                                      lateFee: [0, 460].randomElement(using: &random)!)
            // Found most often: the changes behind it are the deep end of the flows.
            choices = [.foundBooking(stay), .foundBooking(stay), .foundBooking(stay), .bookingCancelled, .bookingClosed, .missing, .locked]
        case .findComplaint:
            let category = ["front-desk", "housekeeping", "food-and-beverage", "security", "engineering", "other"].randomElement(using: &random)!
            let stage = ComplaintStage.allCases.randomElement(using: &random)!
            let followUpBy = now.date.adding(days: Int.random(in: -2...3, using: &random))
            choices = [.foundComplaint(ComplaintSummary(category: category, stage: stage, followUpBy: followUpBy,
                                                        result: stage.isSignedOff ? "The shower was repaired." : nil,
                                                        followedUp: stage == .revisited || stage == .closed)), .missing, .locked]
        case .findCallback:
            let stage = CallbackStage.allCases.randomElement(using: &random)!
            let window = LocalMoment(date: now.date.adding(days: Int.random(in: -1...1, using: &random)), time: TimeOfDay(hour: 10, minute: 0)!)
            choices = [.foundCallback(CallbackSummary(stage: stage, windowFrom: window, windowMinutes: 30, tries: Int.random(in: 0...3, using: &random),
                                                      nextTry: stage == .retrying ? window.adding(minutes: 90) : nil,
                                                      reachedAt: stage == .reached ? window.adding(minutes: 5) : nil)), .missing, .locked]
        case .findGuestFile:
            let next = Bool.random(using: &random) ? now.date.adding(days: 20) : nil
            choices = [.foundFile(GuestFileSummary(name: "Maria Lopez", hasStayed: Bool.random(using: &random), bookings: 2,
                                                   staysToCome: next == nil ? 0 : 1, openComplaints: Int.random(in: 0...2, using: &random),
                                                   nextCheckIn: next, nextConfirmation: next.map { _ in "R1000017" })), .missing, .locked]
        case .findCaller:
            let name = ["Maria Lopez", "李小龙", nil].randomElement(using: &random)!
            choices = [.knownCaller(CallerSummary(name: name, hasStayed: Bool.random(using: &random), hasUpcomingStay: Bool.random(using: &random),
                                                  hasOpenComplaint: Bool.random(using: &random))), .newCaller]
        case .quoteChange(let draft), .saveChange(let draft, _):
            let checkIn = draft.checkIn ?? now.date.adding(days: 3)
            let quote = FeeQuote(checkIn: checkIn, checkOut: draft.checkOut ?? checkIn.adding(days: 2), rooms: draft.rooms ?? 1,
                                 roomType: draft.roomType ?? "deluxe", total: 360, fee: [0, 180].randomElement(using: &random)!,
                                 freeUntil: LocalMoment(date: checkIn.adding(days: -2), time: TimeOfDay(hour: 15, minute: 0)!))
            if case .saveChange = request {
                choices = [.saved(reference: "M" + reference, guestFile: nil), .feeRaised(quote), .unchanged, .full(roomsLeft: 1, alternatives: []),
                           .bookingCancelled, .bookingClosed, .datesPassed, .failed]
            } else {
                choices = [.quoted(quote), .quoted(quote), .quoted(quote), .unchanged, .full(roomsLeft: 0, alternatives: ["suite"]), .bookingCancelled,
                           .bookingClosed, .datesPassed]
            }
        case .quoteCancellation, .saveCancellation:
            let checkIn = now.date.adding(days: 3)
            let quote = FeeQuote(checkIn: checkIn, checkOut: checkIn.adding(days: 2), rooms: 1, roomType: "deluxe", total: 360,
                                 fee: cancellationFee(), freeUntil: LocalMoment(date: checkIn.adding(days: -2), time: TimeOfDay(hour: 15, minute: 0)!))
            if case .saveCancellation = request {
                choices = [.saved(reference: "X" + reference, guestFile: nil), .feeRaised(quote), .bookingCancelled, .bookingClosed, .failed]
            } else {
                choices = [.quoted(quote), .quoted(quote), .quoted(quote), .quoted(quote), .quoted(quote), .bookingCancelled, .bookingClosed]
            }
        case .requestAgent:
            choices = [.unavailable, .queued(position: Int.random(in: 1...5, using: &random), expectedWaitSeconds: nil)]
        case .leaveQueue:
            choices = [.left]
        }
        return choices.randomElement(using: &random)!
    }
}
