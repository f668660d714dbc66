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
        SuiteCall("booking-repeat-caller-same-name", lines: [
            "1", "friday 24 dec", "2026-11-20", "10 Jan", "13 Jan", "2", "the family one", "1234567890123456789", "+44 20 + 7946",
            maria, "maybe", "yes", "yes", "yes", "quit",
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
            "An apology would be nice.", maria, "no", "no",
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
            "3", liWei, "today 9am", "tomorrow 7am", "tomorrow 2pm", long301, "A question about parking.", "3", "no",
        ]),
        SuiteCall("callback-as-soon-as-possible", lines: ["3", sam, "24 Dec 10am", "now", "About my booking.", "1", "no"]),
        SuiteCall("callback-after-booking-same-phone", lines: [
            "1", "15 Jan", "17 Jan", "1", "1", "+33 1 42 68 53 00", "Claire Dubois", "yes", "yes", "3", "maybe", "yes", "tomorrow 11am",
            "To add a cot to the room.", "1", "no",
        ]),
        SuiteCall("callback-after-status-other-phone", lines: [
            "5", maria, "1", "$R1", "yes", "3", "no", "+44 7700 900123", "tomorrow 4pm", "About changing my dates.", "1", "Maria Lopez", "no",
        ]),
        SuiteCall("agent-callback-offer", lines: [
            "0", "maybe", "yes", "+1 555 010 4480", "tomorrow 9am", "I would rather talk to someone.", "1", "Pat Kim", "no",
        ]),
        SuiteCall("agent-declined", lines: ["agent", "no", "yes", "quit"]),
        SuiteCall("escalation-accepted", lines: ["1", "blah", "blah blah", "nope", "yes", "no", "no"]),
        SuiteCall("escalation-declined", lines: ["9", "banana", "x", "maybe", "no", "quit"]),
        SuiteCall("main-menu-help-repeat-back", lines: ["help", "repeat", "back", "book a room please", "menu", "quit"]),
        SuiteCall("survey-found-then-complaint", lines: [
            "4", "$R1", "maybe", "yes", "7", "5", "4", "4", "3", "5", "4", "5", "maybe", "yes", "yes", "More towels, please.",
            "yes", "2", "6", "The lift was out of order.", "Keep us informed.", maria, "no", "no",
        ]),
        SuiteCall("survey-found-declined-then-callback", lines: [
            "4", "help", "$R1", "no", "yes", "3", maria, "tomorrow 3pm", "About the survey.", "1", "no",
        ]),
        SuiteCall("survey-missing-declined", lines: ["4", "12345", "R9999999", "Tom Baker", "+44 20 7946 0123", "no", "no"]),
        SuiteCall("survey-without-confirmation-wrong-answers", lines: [
            "4", "no", "M4", "Grace Hopper", "letters", "+44 20 7946 0999", "yes", "5", "9", "4", "six", "4", "10", "5", "-1", "4",
            "x", "3", "bad", "4", "perhaps", "no", "unsure", "yes", long1001, "no", "no",
        ]),
        SuiteCall("status-unknown-caller", lines: [
            "5", "abc", "+1 555 010 9999", "9", "1", "12345", "R9999999", "menu", "quit",
        ]),
        SuiteCall("status-booking-found", lines: ["5", maria, "1", "$R1", "no"]),
        SuiteCall("status-complaint-found", lines: ["5", ana, "2", "T9999999", "$T1", "no"]),
        SuiteCall("status-nothing-open", lines: ["5", liWei, "2", "12345", "T9999999", "menu", "quit"]),
        SuiteCall("status-after-complaint", lines: [
            "2", "3", "Breakfast was cold.", "Nothing, just so you know.", "+44 20 7946 0777", "Rose Tyler", "no", "yes", "5", "2", "$T-1", "no",
        ]),
        SuiteCall("silence-goodbye", [.silence, .silence, .silence]),
        SuiteCall("silence-then-answers", [.say("1"), .silence, .say("24 Dec"), .silence, .say("quit")]),
        SuiteCall("line-problems-and-interrupt", [
            .bytes(Array(repeating: UInt8(ascii: "x"), count: 1100) + [10]), .bytes([0xC3, 0x28, 10]), .say("1"),
            .bytes([0x1B, UInt8(ascii: "["), UInt8(ascii: "A"), 10]), .bytes([255, 244]),
        ]),
    ]

    /// The last live call: the line is stopped while the guest is still on it.
    public static let closing = SuiteCall("closing-during-a-call", lines: ["1", "24 Dec"])

    /// Calls whose outcomes no healthy store gives (a disk that refuses a record, a
    /// booking taken by someone else between the check and the yes, a caller on file
    /// without a name): recorded in-process, actions answered as written here.
    public static var inProcess: [(call: SuiteCall, answer: @Sendable (ActionRequest) -> ActionOutcome?)] {
        englishInProcess + inProcessInOtherLanguages
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
        (SuiteCall("callers-on-file-without-a-name", lines: [
            "1", "24 Dec", "27 Dec", "1", "1", maria, "Maria Lopez", "yes", "yes", "3", "no", sam, "tomorrow 10am", "About my booking.", "1",
            "yes", "2", "2", "Dusty shelves.", "A cleaning.", "no", "no",
        ]), { if case .findCaller = $0 { .knownCaller(CallerSummary(name: nil, hasUpcomingStay: false, hasOpenComplaint: false)) } else { nil } }),
        (SuiteCall("callback-caller-on-file-without-a-name", lines: ["3", sam, "tomorrow 10am", "About my booking.", "1", "Sam Lee", "yes", "2", "4", "My safe is broken.", "Fix it.", "yes", "12", "no"]),
         { if case .findCaller = $0 { .knownCaller(CallerSummary(name: nil, hasUpcomingStay: false, hasOpenComplaint: false)) } else { nil } }),
        (SuiteCall("complaint-caller-on-file-without-a-name", lines: ["2", "5", "The TV does not work.", "Repair it.", ana, "Ana García", "no", "no"]),
         { if case .findCaller = $0 { .knownCaller(CallerSummary(name: nil, hasUpcomingStay: false, hasOpenComplaint: false)) } else { nil } }),
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

