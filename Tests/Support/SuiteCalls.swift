import HotelCalendar
import Dialogue
import Transcript

/// What a scripted guest does next.
public enum GuestStep: Sendable {
    /// Types a line (after the line has finished answering the one before).
    case say(String)
    /// Types several lines at once, as `printf … | nc` does.
    case typeAhead([String])
    /// Says nothing for longer than the idle time.
    case silence
    /// Sends raw bytes: a line the line cannot take, or a telnet interrupt.
    case bytes([UInt8])
}

/// One call of the transcript suite: its file name in `Tests/Transcripts/` and the steps.
public struct SuiteCall: Sendable {
    public var name: String
    /// What the guest types on the language screen the call starts with, at once (the
    /// English calls were recorded before there was a screen, so their times stay).
    public var language: String
    public var steps: [GuestStep]

    public init(_ name: String, language: String = "1", _ steps: [GuestStep]) {
        self.name = name
        self.language = language
        self.steps = steps
    }

    /// Plain lines; `$R1`, `$T1`… stand for the first confirmation, ticket… the line gave
    /// out during the recording (the guest reads it back later), `$T-1` for the latest.
    public init(_ name: String, language: String = "1", lines: [String]) {
        self.init(name, language: language, lines.map(GuestStep.say))
    }
}

/// The calls `Tests/Transcripts/` is recorded from, in order: later calls find the guests,
/// bookings and tickets earlier ones left in the store (repeat callers, status, surveys).
public enum SuiteCalls {
    public static let maria = "+44 20 7946 0958"
    public static let ana = "+34 612 345 678"
    public static let liWei = "+86 10 6552 9988"
    public static let sam = "+1 555 010 4477"
    public static let long501 = String(repeating: "Please make sure this never happens again. ", count: 12)  // 516 characters
    public static let long301 = String(repeating: "About my stay. ", count: 21)  // 315 characters
    public static let long1001 = String(repeating: "The view was wonderful. ", count: 42)  // 1008 characters

    /// Answered by the real line on a socket, with a real store: the English calls, then
    /// the other languages' (`SuiteCalls+Languages.swift`).
    public static var live: [SuiteCall] { english + liveInOtherLanguages }

    static let english: [SuiteCall] = [
        SuiteCall("booking-happy-path", lines: ["1", "24 Dec", "27 Dec", "1", "2", maria, "Maria Lopez", "yes", "no"]),
        SuiteCall("booking-wrong-answers-and-cancel", lines: [
            "1", "blah", "31 Feb", "24 Dec", "23 Dec", "60 nights", "3 nights", "many", "9", "1", "penthouse", "2",
            "five five", "12345", "020 7946 0123", "M4ria", "Tom Baker", "maybe", "no", "9", "8", "maybe", "no",
        ]),
        // Maria again: known by her phone and her name together (not welcomed back: she has
        // not stayed with us yet), and nothing from her file is said.
        SuiteCall("booking-repeat-caller-same-name", lines: [
            "1", "friday 24 dec", "2026-11-20", "10 Jan", "13 Jan", "2", "the family one", "1234567890123456789", "+44 20 + 7946",
            maria, "maria lopez", "yes", "yes", "quit",
        ]),
        SuiteCall("booking-full-another-room-type", lines: [
            "1", "2028-01-01", "28 Dec", "30 Dec", "3", "4", "9", "1", "1", sam, "Sam Lee", "yes", "no",
        ]),
        SuiteCall("booking-full-other-dates-fewer-rooms", lines: [
            "1", "28 Dec", "30 Dec", "3", "4", "2", "2 Jan", "4 Jan", "3", "4", "3", "2", "4", sam, "no", "Samuel Lee", "yes", "no",
        ]),
        SuiteCall("booking-full-back-to-menu", lines: ["1", "28 Dec", "30 Dec", "5", "4", "4", "quit"]),
        SuiteCall("booking-fix-every-field", lines: [
            "1", "24 Dec", "27 Dec", "1", "1", "+61 2 9374 4000", "Olivia Brown", "no", "1", "26 Dec", "28 Dec", "no", "2", "29 Dec",
            "no", "3", "2", "no", "4", "2", "no", "5", "Olivia B. Brown", "no", "6", "+61 2 9374 4001", "no", "7", "yes", "no",
        ]),
        SuiteCall("booking-help-back-repeat-menu", lines: ["1", "help", "24 Dec", "back", "25 Dec", "repeat", "26 Dec", "help", "menu", "quit"]),
        SuiteCall("booking-typed-ahead", [.typeAhead(["1", "5 Jan", "8 Jan", "1", "3", "+44 20 7946 0999", "Grace Hopper", "yes", "no"])]),
        SuiteCall("complaint-new-caller-staying", lines: [
            "2", "9", "2", "ab", "The shower in room 1204 has had no hot water since last night.", "Please fix it today.", "abc", ana,
            "Ana García", "maybe", "yes", "#12", "1204", "no",
        ]),
        SuiteCall("complaint-every-category-repeat-caller", lines: [
            "2", "1", "back", "3", "back", "4", "back", "5", "back", "6", "Someone was rude to us at the bar.", long501,
            "An apology would be nice.", maria, "Maria Lopez", "no", "no",
        ]),
        SuiteCall("complaint-after-booking", lines: [
            "1", "10 Jan", "12 Jan", "1", "1", "+49 30 901820", "Hans Weber", "yes", "yes", "2", "5", "The air conditioning rattles all night.",
            "Please move us to a quieter room.", "no", "no",
        ]),
        SuiteCall("complaint-after-status-asks-the-name", lines: [
            "5", "+1 555 010 4478", "menu", "2", "4", "Our door lock does not close properly.", "Please repair it.", "M4x",
            "Max Mustermann", "yes", "305", "no",
        ]),
        SuiteCall("callback-new-caller", lines: [
            "3", "12", liWei, "whenever", "tomorrow", "tomorrow 10am", "I'd like to ask about a group booking.", "9", "2", "L1", "Li Wei", "no",
        ]),
        SuiteCall("callback-repeat-caller-time-errors", lines: [
            "3", liWei, "today 9am", "tomorrow 7am", "tomorrow 2pm", long301, "A question about parking.", "3", "Li Wei", "no",
        ]),
        SuiteCall("callback-as-soon-as-possible", lines: ["3", sam, "24 Dec 10am", "now", "About my booking.", "1", "Sam Lee", "no"]),
        SuiteCall("callback-after-booking-same-phone", lines: [
            "1", "15 Jan", "17 Jan", "1", "1", "+33 1 42 68 53 00", "Claire Dubois", "yes", "yes", "3", "maybe", "yes", "tomorrow 11am",
            "To add a cot to the room.", "1", "no",
        ]),
        SuiteCall("callback-after-status-other-phone", lines: [
            "5", maria, "1", "$R1", "no", "yes", "3", "no", "+44 7700 900123", "tomorrow 4pm", "About my room.", "1", "Maria Lopez", "no",
        ]),
        SuiteCall("agent-callback-offer", lines: [
            "0", "maybe", "yes", "+1 555 010 4480", "tomorrow 9am", "I would rather talk to someone.", "1", "Pat Kim", "no",
        ]),
        SuiteCall("agent-declined", lines: ["agent", "no", "yes", "quit"]),
        SuiteCall("escalation-accepted", lines: ["1", "blah", "blah blah", "nope", "yes", "no", "no"]),
        SuiteCall("escalation-declined", lines: ["9", "banana", "x", "maybe", "no", "quit"]),
        SuiteCall("main-menu-help-repeat-back", lines: ["help", "repeat", "back", "book a room please", "menu", "quit"]),
        // Ana arrives today: a stay that has begun, which the survey may find.
        SuiteCall("booking-for-today", lines: ["1", "today", "2 nights", "1", "1", ana, "Ana García", "yes", "no"]),
        // Found by the number with the phone on it; then by the number with the name on it
        // (written without its accent) and another phone.
        SuiteCall("survey-found-then-complaint", lines: [
            "4", "$R-1", "Ana García", ana, "maybe", "yes", "7", "5", "4", "4", "3", "5", "4", "5", "maybe", "yes", "yes", "More towels, please.",
            "yes", "2", "6", "The lift was out of order.", "Keep us informed.", "no", "no",
        ]),
        SuiteCall("survey-found-declined-then-callback", lines: [
            "4", "help", "$R-1", "Ana Garcia", "+34 600 000 111", "no", "yes", "3", "yes", "tomorrow 3pm", "About the survey.", "1", "no",
        ]),
        // A stay still to come is not one to be surveyed.
        SuiteCall("survey-stay-not-begun", lines: ["4", "$R1", "Maria Lopez", maria, "no", "no"]),
        SuiteCall("survey-missing-declined", lines: ["4", "12345", "R9999999", "Tom Baker", "+44 20 7946 0123", "no", "no"]),
        SuiteCall("survey-without-confirmation-wrong-answers", lines: [
            "4", "no", "M4", "Grace Hopper", "letters", "+44 20 7946 0999", "yes", "5", "9", "4", "six", "4", "10", "5", "-1", "4",
            "x", "3", "bad", "4", "perhaps", "no", "unsure", "yes", long1001, "no", "no",
        ]),
        SuiteCall("status-unknown-caller", lines: [
            "5", "abc", "+1 555 010 9999", "9", "1", "12345", "R9999999", "menu", "quit",
        ]),
        SuiteCall("status-booking-found", lines: ["5", maria, "1", "$R1", "maybe", "yes", "5", "no"]),
        // Maria's guest file (her first booking arrives on 24 December: 261224001), shown
        // with her phone; a file number that is not hers is answered as none.
        SuiteCall("status-guest-file", lines: ["5", maria, "3", "12345", "261224099", "261224001", "no"]),
        SuiteCall("status-complaint-found", lines: ["5", ana, "2", "T9999999", "$T1", "no"]),
        SuiteCall("status-nothing-open", lines: ["5", liWei, "2", "12345", "T9999999", "menu", "quit"]),
        SuiteCall("status-after-complaint", lines: [
            "2", "3", "Breakfast was cold.", "Nothing, just so you know.", "+44 20 7946 0777", "Rose Tyler", "no", "yes", "5", "2", "$T-1", "no",
        ]),
        // Li Wei's first callback, as the callbacks list has it: not yet made, in its window.
        SuiteCall("status-callback-found", lines: ["5", liWei, "4", "C9999999", "$C1", "no"]),
        SuiteCall("silence-goodbye", [.silence, .silence, .silence]),
        SuiteCall("silence-then-answers", [.say("1"), .silence, .say("24 Dec"), .silence, .say("quit")]),
        SuiteCall("line-problems-and-interrupt", [
            .bytes(Array(repeating: UInt8(ascii: "x"), count: 1100) + [10]), .bytes([0xC3, 0x28, 10]), .say("1"),
            .bytes([0x1B, UInt8(ascii: "["), UInt8(ascii: "A"), 10]), .bytes([255, 244]),
        ]),
        // Changing and cancelling (the clock is at Wednesday 25 November, 10:00). Maria's
        // first booking (24-27 December) is far off: free. Li Wei arrives tomorrow at 15:00,
        // so its free window closed yesterday: every change of dates and the cancellation
        // cost the first night, said before the guest agrees.
        SuiteCall("manage-change-dates-free", lines: ["6", "$R1", maria, "1", "26 Dec", "29 Dec", "yes", "no"]),
        SuiteCall("manage-change-rooms-same-then-kept", lines: ["change my booking", "$R1", maria, "2", "1", "2", "2", "no", "no"]),
        SuiteCall("manage-change-room-type-then-full", lines: [
            "6", "$R1", maria, "3", "4", "yes", "yes", "modify", "$R1", maria, "2", "3", "5", "no",
        ]),
        // A number that is no booking's, then a booking's number with phones it was not made
        // under: the third wrong try locks lookups for the rest of the call, even with the
        // right phone.
        SuiteCall("manage-unknown-number-wrong-phone-locked", lines: [
            "6", "R9999999", maria, "$R1", "+44 20 7946 0959", "$R1", sam, "yes", "6", "$R1", maria, "no",
        ]),
        SuiteCall("manage-wrong-phone-then-found", lines: ["6", "$R1", "+44 20 7946 0959", "$R1", maria, "5", "no"]),
        SuiteCall("manage-wrong-answers-then-nothing-changed", lines: [
            "6", "12345", "$R1", "abc", maria, "banana", "1", "31 Feb", "27 Dec", "26 Dec", "30 Dec", "maybe", "no", "yes",
            "6", "$R1", maria, "2", "nine", "2", "no", "yes", "6", "$R1", maria, "3", "penthouse", "1", "no", "yes",
            "6", "$R1", maria, "4", "maybe", "no", "no",
        ]),
        SuiteCall("manage-cancel-free", lines: ["cancel my booking", "$R1", maria, "4", "yes", "no"]),
        SuiteCall("manage-cancelled-twice", lines: ["6", "$R1", maria, "no"]),
        SuiteCall("booking-for-tomorrow", lines: [
            "1", "tomorrow", "2 nights", "1", "1", liWei, String(repeating: "Li Wei ", count: 12), "Li Wei", "yes", "no",
        ]),
        SuiteCall("manage-cancel-fee-refused", lines: ["6", "$R-1", liWei, "4", "perhaps", "no", "no"]),
        SuiteCall("manage-change-dates-fee-refused-then-agreed", lines: [
            "6", "$R-1", liWei, "1", "tomorrow", "3 nights", "maybe", "no", "yes", "6", "$R-1", liWei, "1", "tomorrow", "3 nights", "yes", "no",
        ]),
        SuiteCall("manage-cancel-fee-agreed", lines: ["cancel my booking", "$R-1", liWei, "cancel", "yes", "no"]),
        SuiteCall("status-booking-cancelled", lines: ["5", liWei, "1", "$R-1", "no"]),
    ]

    /// The last live call: the line is stopped while the guest is still on it.
    public static let closing = SuiteCall("closing-during-a-call", lines: ["1", "24 Dec"])

    /// Calls whose outcomes a healthy store gives only by chance or never (a disk that
    /// refuses a record, a booking taken by someone else between the check and the yes, a
    /// fee raised between the quote and the yes): recorded in-process, actions answered as
    /// written here.
    public static var inProcess: [(call: SuiteCall, answer: @Sendable (ActionRequest) -> ActionOutcome?)] {
        englishInProcess + birthdayInProcess + inProcessInOtherLanguages
    }

    static let englishInProcess: [(call: SuiteCall, answer: @Sendable (ActionRequest) -> ActionOutcome?)] = [
        (SuiteCall("booking-save-failed-callback-instead", lines: [
            "1", "24 Dec", "27 Dec", "1", "2", maria, "Maria Lopez", "yes", "maybe", "yes", "yes", "tomorrow 10am", "To finish my booking.", "1", "no",
        ]), { if case .saveReservation = $0 { .failed } else { nil } }),
        // Midnight came between the dates and the yes: the save finds the arrival day over.
        (SuiteCall("booking-dates-passed-at-midnight", lines: [
            "1", "today", "1 night", "1", "1", maria, "Maria Lopez", "yes", "tomorrow", "2 nights", "yes", "no",
        ]), { request in
            guard case .saveReservation(let draft) = request else { return nil }
            return draft.stay.checkIn == CivilDate(year: 2026, month: 11, day: 25) ? .datesPassed : nil
        }),
        (SuiteCall("booking-taken-meanwhile", lines: ["1", "24 Dec", "27 Dec", "2", "4", maria, "Maria Lopez", "yes", "4", "quit"]),
         { if case .saveReservation = $0 { .full(roomsLeft: 1, alternatives: ["standard", "deluxe"]) } else { nil } }),
        (SuiteCall("complaint-save-failed", lines: ["2", "1", "Nobody answered at the desk.", "A call back.", ana, "Ana García", "no", "no", "no"]),
         { if case .saveComplaint = $0 { .failed } else { nil } }),
        (SuiteCall("callback-save-failed", lines: ["3", liWei, "tomorrow 10am", "About a refund.", "1", "Li Wei", "no"]),
         { if case .saveCallback = $0 { .failed } else { nil } }),
        (SuiteCall("survey-declined-save-failed", lines: ["4", "no", "Tom Baker", "+44 20 7946 0123", "no", "no"]),
         { if case .saveSurvey = $0 { .failed } else { nil } }),
        (SuiteCall("survey-save-failed", lines: [
            "4", "no", "Tom Baker", "+44 20 7946 0123", "yes", "5", "5", "5", "5", "5", "5", "5", "yes", "yes", "no", "no", "no",
        ]), { if case .saveSurvey = $0 { .failed } else { nil } }),
        // A guest on file under this phone and name who has stayed with us: welcomed back.
        (SuiteCall("booking-welcome-back-after-a-stay", lines: ["1", "24 Dec", "27 Dec", "1", "2", maria, "Maria Lopez", "yes", "no"]),
         { request in
             guard case .findCaller = request else { return nil }
             return .knownCaller(CallerSummary(name: "Maria Lopez", hasStayed: true, hasUpcomingStay: false, hasOpenComplaint: false))
         }),
        // The front desk has marked the stay arrived (or its check-in day is past).
        (SuiteCall("manage-stay-begun", lines: ["6", "R1000017", maria, "no"]),
         { if case .findBooking = $0 { .bookingClosed } else { nil } }),
        // What only a race or midnight gives at the save: the arrival day over, the rooms
        // taken, the change already made elsewhere, and a disk that refuses the cancellation.
        (SuiteCall("manage-what-the-save-may-find", lines: [
            "6", "R1000017", maria, "1", "today", "2 nights", "yes", "26 Dec", "28 Dec", "yes", "2", "3", "yes", "4", "yes", "no", "no",
        ]), Self.answerTheSave),
        // Every other answer a quote or a save may bring: the booking cancelled or begun
        // meanwhile (for a change and for a cancellation), the new arrival day over, the fee
        // raised since it was heard, a disk that refuses the change. Which is which goes by
        // what is asked (rooms, the new arrival day, the booking's number).
        (SuiteCall("manage-what-the-quote-may-find", lines: [
            "6", "R1000017", maria, "2", "2", "yes", "6", "R1000017", maria, "2", "3", "yes",
            "6", "R1000017", maria, "1", "today", "1 night", "27 Dec", "29 Dec", "yes", "yes", "yes",
            "6", "R1000017", maria, "1", "28 Dec", "30 Dec", "yes", "yes", "6", "R1000017", maria, "1", "29 Dec", "31 Dec", "yes", "no", "yes",
            "6", "R1000025", maria, "4", "yes", "6", "R1000033", maria, "4", "yes",
            "6", "R1000041", maria, "4", "yes", "yes", "6", "R1000058", maria, "4", "yes", "no",
        ]), Self.answerByWhatIsAsked),
        // The free window closed between the quote and the yes: the fee is said, then agreed.
        (SuiteCall("manage-fee-raised-at-the-save", lines: ["6", "R1000017", maria, "4", "yes", "yes", "no"]),
         { request in
             switch request {
             case .findBooking: Self.foundBooking
             case .quoteCancellation: .quoted(Self.quote(fee: 0))
             case .saveCancellation(_, _, let agreedFee, _): agreedFee == 0 ? .feeRaised(Self.quote(fee: 180)) : .saved(reference: "X1000019", guestFile: nil)
             default: nil
             }
         }),
        // Status on a booking cancelled, on a stay begun, and once the lookups are locked
        // (a booking, a complaint, a callback, a guest file).
        (SuiteCall("status-booking-cancelled-begun-or-locked", lines: [
            "5", maria, "1", "R1000017", "yes", "5", "1", "R1000025", "yes", "5", "1", "R1000033", "yes", "5", "2", "T1000013", "yes",
            "5", "4", "C1000017", "yes", "5", "3", "261224001", "no",
        ]), { request in
            switch request {
            case .findBooking(let reference, _): reference == "R1000017" ? .bookingCancelled : reference == "R1000025" ? .bookingClosed : .locked
            case .findComplaint, .findCallback, .findGuestFile: .locked
            default: nil
            }
        }),
        // A guest who has stayed, with nothing to come, looks at their file.
        (SuiteCall("status-guest-file-after-a-stay", lines: ["5", maria, "file", "261224001", "no"]),
         { request in
             guard case .findGuestFile = request else { return nil }
             return .foundFile(GuestFileSummary(name: "Maria Lopez", hasStayed: true, bookings: 1, staysToCome: 0, openComplaints: 0,
                                                nextCheckIn: nil, nextConfirmation: nil))
         }),
        // Callbacks at each stage of the callbacks list (each number's stage: `answerTheWorkLists`):
        // in their window, and late; tried and to be tried again, and that try late too;
        // reached; closed unanswered, and closed as a wrong number, with a new one asked for.
        (SuiteCall("status-callback-waiting", lines: ["5", maria, "4", "C1000017", "yes", "5", "callback", "C1000025", "no"]),
         answerTheWorkLists(in: "en")),
        (SuiteCall("status-callback-retrying", lines: ["5", maria, "4", "C1000033", "yes", "5", "4", "C1000041", "no"]), answerTheWorkLists(in: "en")),
        (SuiteCall("status-callback-reached", lines: ["5", maria, "4", "C1000058", "no"]), answerTheWorkLists(in: "en")),
        (SuiteCall("status-callback-unreachable", lines: ["5", maria, "4", "12345", "C1000066", "maybe", "no", "no"]), answerTheWorkLists(in: "en")),
        (SuiteCall("status-callback-wrong-number-then-a-new-one", lines: [
            "5", maria, "4", "C1000074", "yes", "no", "+44 20 7946 0959", "tomorrow 11am", "Please call the right number this time.", "1",
            "Maria Lopez", "no",
        ]), answerTheWorkLists(in: "en")),
        // Complaints signed off (with the result), closed after the follow-up call (nothing
        // more promised), and still looked into past the day of the promised call.
        (SuiteCall("status-complaint-signed-off", lines: ["5", maria, "2", "T1000017", "yes", "5", "2", "T1000025", "yes", "5", "2", "T1000033", "no"]),
         answerTheWorkLists(in: "en")),
        (SuiteCall("survey-lookups-locked", lines: ["4", "R1000017", "Maria Lopez", maria, "no", "no"]),
         { if case .findStay = $0 { .locked } else { nil } }),
        // Agents are busy: on hold (a stray answer only repeats the hold message), then a callback instead.
        (SuiteCall("agent-queue-then-callback", lines: ["0", "hello?", "1", liWei, "tomorrow 10am", "About my bill.", "1", "Li Wei", "no"]),
         { request in
             switch request {
             case .requestAgent: .queued(position: 2, expectedWaitSeconds: 240)
             case .leaveQueue: .left
             default: nil
             }
         }),
    ]

    /// The callbacks and complaints the in-process status calls find, as the work lists
    /// have them on Wednesday 25 November at 10:00: C1000017 due tomorrow 10:00-10:30,
    /// C1000025 due yesterday and not made; C1000033 tried once, to be tried again by 11:30,
    /// C1000041 tried twice, its next try due by 09:30 (late); C1000058 reached yesterday;
    /// C1000066 closed after three tries unanswered; C1000074 closed as a wrong number.
    /// T1000017 signed off with its result, the follow-up call due by Friday; T1000025
    /// closed after it; T1000033 still looked into, its call due by Monday (past). The
    /// results are written in the guest's language (`code`), as staff would.
    static func answerTheWorkLists(in code: String) -> @Sendable (ActionRequest) -> ActionOutcome? {
        let results: [String: (signedOff: String, closed: String)] = [
            "en": ("The shower was repaired the same evening, and that night was taken off your bill.", "The door lock was replaced."),
            "zh-Hant": ("淋浴設備當晚已修好，並免收當晚房費。", "門鎖已經更換。"),
            "zh-Hans": ("淋浴设备当晚已修好，并免收当晚房费。", "门锁已经更换。"),
            "es": ("La ducha se reparó esa misma tarde y le descontamos esa noche de la factura.", "Se cambió la cerradura de la puerta."),
        ]
        let result = results[code] ?? results["en"]!
        return { request in
            func at(_ iso: String) -> LocalMoment { LocalMoment(iso: iso)! }
            func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
            switch request {
            case .findCallback(let reference, _):
                switch reference {
                case "C1000017": return .foundCallback(CallbackSummary(stage: .waiting, windowFrom: at("2026-11-26T10:00"), windowMinutes: 30))
                case "C1000025": return .foundCallback(CallbackSummary(stage: .waiting, windowFrom: at("2026-11-24T16:00"), windowMinutes: 30))
                case "C1000033":
                    return .foundCallback(CallbackSummary(stage: .retrying, windowFrom: at("2026-11-25T09:00"), windowMinutes: 30, tries: 1,
                                                          nextTry: at("2026-11-25T11:30")))
                case "C1000041":
                    return .foundCallback(CallbackSummary(stage: .retrying, windowFrom: at("2026-11-24T14:00"), windowMinutes: 30, tries: 2,
                                                          nextTry: at("2026-11-25T09:30")))
                case "C1000058":
                    return .foundCallback(CallbackSummary(stage: .reached, windowFrom: at("2026-11-24T16:00"), windowMinutes: 30, tries: 1,
                                                          reachedAt: at("2026-11-24T17:05")))
                case "C1000066": return .foundCallback(CallbackSummary(stage: .unreachable, windowFrom: at("2026-11-24T09:00"), windowMinutes: 30, tries: 3))
                case "C1000074": return .foundCallback(CallbackSummary(stage: .wrongNumber, windowFrom: at("2026-11-24T11:00"), windowMinutes: 30))
                default: return nil
                }
            case .findComplaint(let reference, _):
                switch reference {
                case "T1000017":
                    return .foundComplaint(ComplaintSummary(category: "housekeeping", stage: .signedOff, followUpBy: day("2026-11-27"),
                                                            result: result.signedOff))
                case "T1000025":
                    return .foundComplaint(ComplaintSummary(category: "engineering", stage: .closed, followUpBy: day("2026-11-26"),
                                                            result: result.closed, followedUp: true))
                case "T1000033": return .foundComplaint(ComplaintSummary(category: "front-desk", stage: .investigating, followUpBy: day("2026-11-23")))
                default: return nil
                }
            default:
                return nil
            }
        }
    }

    /// Booking R1000017 as the in-process manage calls find it: a Deluxe King, 24-27
    /// December, free to change until 22 December at 15:00.
    static let foundBooking = ActionOutcome.foundBooking(BookingSummary(
        guestName: "Maria Lopez", checkIn: CivilDate(year: 2026, month: 12, day: 24)!, checkOut: CivilDate(year: 2026, month: 12, day: 27)!,
        rooms: 1, roomType: "deluxe", total: 540, freeUntil: LocalMoment(iso: "2026-12-22T15:00")!, lateFee: 0))

    static func quote(_ draft: BookingChangeDraft? = nil, fee: Int) -> FeeQuote {
        let checkIn = draft?.checkIn ?? CivilDate(year: 2026, month: 12, day: 24)!
        let checkOut = draft?.checkOut ?? CivilDate(year: 2026, month: 12, day: 27)!
        let rooms = draft?.rooms ?? 1
        return FeeQuote(checkIn: checkIn, checkOut: checkOut, rooms: rooms, roomType: draft?.roomType ?? "deluxe",
                        total: 180 * rooms * CivilDate.days(from: checkIn, to: checkOut), fee: fee,
                        freeUntil: LocalMoment(date: checkIn.adding(days: -2), time: TimeOfDay(hour: 15, minute: 0)!))
    }

    /// `manage-what-the-save-may-find`: each change is quoted free; its save finds the day
    /// over (arriving today), the rooms gone (26 December), the change already made (three
    /// rooms); the cancellation's save finds the disk refusing it.
    @Sendable static func answerTheSave(_ request: ActionRequest) -> ActionOutcome? {
        switch request {
        case .findBooking: return foundBooking
        case .quoteChange(let draft): return .quoted(quote(draft, fee: 0))
        case .saveChange(let draft, _):
            if draft.checkIn == CivilDate(year: 2026, month: 11, day: 25) { return .datesPassed }
            if draft.checkIn == CivilDate(year: 2026, month: 12, day: 26) { return .full(roomsLeft: 0, alternatives: ["standard", "family"]) }
            return .unchanged
        case .quoteCancellation: return .quoted(quote(fee: 0))
        case .saveCancellation: return .failed
        default: return nil
        }
    }

    /// `manage-what-the-quote-may-find`: two rooms, cancelled meanwhile; three, begun;
    /// arriving today, the day over; the save of 27 December finds the fee raised, then the
    /// stay begun; of 28 December, cancelled; any other, the disk refusing it. Cancelling
    /// R1000025 finds it cancelled, R1000033 begun; the save of R1000041 cancelled, any
    /// other begun.
    @Sendable static func answerByWhatIsAsked(_ request: ActionRequest) -> ActionOutcome? {
        func day(_ value: Int) -> CivilDate { CivilDate(year: 2026, month: 12, day: value)! }
        switch request {
        case .findBooking: return foundBooking
        case .quoteChange(let draft):
            if draft.checkIn == CivilDate(year: 2026, month: 11, day: 25) { return .datesPassed }
            switch draft.rooms {
            case 2?: return .bookingCancelled
            case 3?: return .bookingClosed
            default: return .quoted(quote(draft, fee: 0))
            }
        case .saveChange(let draft, let agreedFee):
            switch draft.checkIn {
            case day(27)?: return agreedFee == 0 ? .feeRaised(quote(draft, fee: 180)) : .bookingClosed
            case day(28)?: return .bookingCancelled
            default: return .failed
            }
        case .quoteCancellation(let reference, _):
            switch reference {
            case "R1000025": return .bookingCancelled
            case "R1000033": return .bookingClosed
            default: return .quoted(quote(fee: 0))
            }
        case .saveCancellation(let reference, _, _, _):
            return reference == "R1000041" ? .bookingCancelled : .bookingClosed
        default: return nil
        }
    }

    /// The load set, `Tests/Transcripts/load/`: calls that write no records and look nothing
    /// up, so any server (with any store, on any day) answers them exactly so, for as long as
    /// a load run lasts. Browsing menus, help, repeat, back, wrong answers, a complaint told
    /// up to the phone number; every call ends with quit. Recorded in-process.
    public static let load: [SuiteCall] = [
        SuiteCall("menus-help-repeat-back", lines: [
            "help", "repeat", "back", "9", "book a room please", "help", "repeat", "menu", "2", "help", "repeat", "back", "3", "help",
            "menu", "4", "help", "repeat", "menu", "5", "help", "menu", "quit",
        ]),
        SuiteCall("complaint-up-to-the-phone", lines: [
            "2", "9", "2", "ab", "The shower in room 1204 has no hot water.", "back", "The shower in room 1204 has had no hot water since last night.",
            "Please fix it today.", "12", "abc", "menu", "complaint", "5", "The lift makes a loud noise at night.", "A repair, please.",
            "help", "menu", "quit",
        ]),
        SuiteCall("wrong-answers-everywhere", lines: [
            "banana", "x", "1", "blah", "31 Feb", "help", "repeat", "menu", "3", "12", "abc", "repeat", "menu", "4", "12345", "R12",
            "help", "menu", "5", "abc", "menu", "quit",
        ]),
        SuiteCall("escalation-declined-twice", lines: [
            "9", "banana", "x", "maybe", "no", "2", "7", "8", "9", "no", "repeat", "menu", "quit",
        ]),
    ]
}

