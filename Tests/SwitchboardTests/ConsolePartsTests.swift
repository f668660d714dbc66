import Foundation
import Reactor
@testable import Dialogue
import Storage
import Testing
import TestSupport
@testable import Switchboard

@Suite("Console parts")
struct ConsolePartsTests {
    @Test(arguments: [
        ("sessions", ConsoleCommand.sessions), ("/take 17", .take(17)), ("take #17", .take(17)), ("watch 3", .watch(3)),
        ("note late check-out approved", .note("late check-out approved")), ("status away", .status(available: false)),
        ("  RELEASE  ", .release), ("whisper 17 offer the upgrade", .whisper(17, "offer the upgrade")), ("logout", .logout),
        ("unlock mei", .unlock(.agent("mei"))), ("unlock 10.0.0.7", .unlock(.address("10.0.0.7"))), ("unlock ::1", .unlock(.address("::1"))),
        ("/unlock MEI 7", .approve(agent: "mei", console: 7)), ("unlock mei #7", .approve(agent: "mei", console: 7)), ("lockouts", .lockouts),
    ])
    func commandsParse(line: String, command: ConsoleCommand) {
        #expect(ConsoleCommand.parse(line) == .success(command))
    }

    @Test(arguments: ["take", "take seventeen", "status busy", "note", "whisper 17", "sessions now", "frobnicate", "", "\u{1b}[A",
                      "unlock", "unlock the door", "unlock 10.0.0.7 7", "unlock mei seven", "lockouts now",
                      "stay", "stay arrive", "stay arive R1000017", "stay arrive R12", "stay arrive \u{1b}[31m"])
    func badCommandsSayWhatIsWrong(line: String) {
        guard case .failure(let problem) = ConsoleCommand.parse(line) else {
            Issue.record("\(line) parsed")
            return
        }
        #expect(!problem.message.isEmpty)
        #expect(!problem.message.contains("\u{1b}"), "an escape typed by anyone is never echoed raw")
    }

    @Test(arguments: [
        ("stay", "stay is \"stay arrive|depart|no-show NUMBER\" (for example: stay arrive R1000017)"),
        ("stay arive R1000017", "unknown stay move \"arive\" (did you mean \"arrive\"?); stay is \"stay arrive|depart|no-show NUMBER\""),
        ("stay depart R1000018", "\"R1000018\" is not a confirmation number (R, seven digits, the last a check digit)"),
    ])
    func aStayCommandThatCannotBeReadSaysHowToWriteIt(line: String, message: String) {
        guard case .failure(let problem) = ConsoleCommand.parse(line) else {
            Issue.record("\(line) parsed")
            return
        }
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
    }

    /// "/answer TEXT" during a call is the command; "answer …" without the slash is more
    /// likely a sentence to the guest, and goes to them.
    @Test func answerNeedsItsSlashDuringACall() throws {
        #expect(try ConsoleCommand.parse("/answer 24 Dec").get() == .answer("24 Dec"))
        #expect(ConsoleCommand.isCallCommand("/answer 24 Dec"))
        #expect(!ConsoleCommand.isCallCommand("answer the question when you are ready"))
        guard case .failure(let problem) = ConsoleCommand.parse("/answer") else {
            Issue.record("a bare /answer parsed")
            return
        }
        #expect(problem.message.hasPrefix("answer needs the guest's answer"))
    }

    /// What a guest was doing, in the hotel's words: never a node name for the flows shipped.
    @Test func aCallsPlaceIsSaidInTheHotelsWords() {
        #expect(CallPlaceText.describe(CallPlace(flow: "booking", node: "booking.checkin", question: "booking.checkin", askedForPerson: true))
                == "was making a booking, at: check-in date")
        #expect(CallPlaceText.describe(CallPlace(flow: "main", node: "main.menu", question: nil, askedForPerson: true))
                == "asked for a person from the main menu")
        #expect(CallPlaceText.describe(CallPlace(flow: "complaint", node: "complaint.category", question: nil, askedForPerson: false))
                == "was making a complaint, at: what the complaint is about")
        #expect(CallPlaceText.describe(nil) == "has not chosen anything yet")
        for node in TestPrompts.shipped.nodes {
            for step in node.steps {
                guard case .ask(let question) = step, node.flow != "agent" else { continue }
                let place = CallPlace(flow: node.flow, node: node.qualifiedName, question: question.variable, askedForPerson: true)
                #expect(!CallPlaceText.describe(place).contains("."), "\(node.qualifiedName) reads as a node name")
            }
            if !node.choices.isEmpty, node.flow != "agent", node.qualifiedName != "main.menu" {
                let place = CallPlace(flow: node.flow, node: node.qualifiedName, question: nil, askedForPerson: true)
                #expect(!CallPlaceText.describe(place).contains("."), "\(node.qualifiedName) reads as a node name")
                #expect(["booking.full", "booking.full_none", "booking.fix", "callback.language", "complaint.category", "manage.what", "status.what"]
                    .contains(node.qualifiedName), "a menu without words for the console: \(node.qualifiedName)")
            }
        }
    }

    @Test func aStayCommandNamesTheMoveAndTheBooking() throws {
        #expect(try ConsoleCommand.parse("/stay no-show r 100 0017").get() == .stay(.noShow, ConfirmationNumber(serial: 100_001)))
        #expect(try ConsoleCommand.parse("STAY ARRIVE R1000017").get() == .stay(.arrived, ConfirmationNumber(serial: 100_001)))
    }

    /// `file ID [kind K | birthday MM-DD | birthday none]`, each refusal saying what was expected.
    @Test func aFileCommandNamesTheFileAndWhatToSet() throws {
        let file = try #require(GuestFileNumber("261203001"))
        #expect(try ConsoleCommand.parse("file 261203001").get() == .file(.show(file)))
        #expect(try ConsoleCommand.parse("/FILE 261203001 KIND Business").get() == .file(.setKind(file, .business)))
        #expect(try ConsoleCommand.parse("file 261203001 birthday 2-29").get() == .file(.setBirthday(file, Birthday(month: 2, day: 29))))
        #expect(try ConsoleCommand.parse("file 261203001 birthday none").get() == .file(.setBirthday(file, nil)))
        func problem(_ line: String) -> String {
            if case .failure(let problem) = ConsoleCommand.parse(line) { return problem.message }
            return "accepted"
        }
        #expect(problem("file").hasPrefix("file is \"file NUMBER\""))
        #expect(problem("file 261203001 kind emperor") == "unknown kind \"emperor\"; the kinds are individual, business, group, vip")
        #expect(problem("file 261203001 kind busines") == "unknown kind \"busines\" (did you mean \"business\"?); the kinds are individual, business, group, vip")
        #expect(problem("file 261203001 kind").hasPrefix("file 261203001 kind needs one of: individual"))
        #expect(problem("file 261203001 birthday 02-30").hasPrefix("\"02-30\" is no birthday"))
        #expect(problem("file 261203001 birthday").contains("needs a month and day as MM-DD"))
        #expect(problem("file 261399001").hasPrefix("\"261399001\" is not a guest file number"))
        #expect(problem("file 261203001 brithday 03-14").hasPrefix("unknown file field \"brithday\" (did you mean \"birthday\"?)"))
    }

    /// A plain agent is refused every supervisor-only command, and only those; every command
    /// word has an example here, so a new one must be placed on one side or the other.
    @Test func everySupervisorOnlyCommandIsRefusedToAPlainAgent() throws {
        let supervisorOnly = ["whisper": "whisper 17 offer the upgrade", "barge": "barge 17", "stats": "stats", "unlock": "unlock mei",
                              "lockouts": "lockouts", "stay": "stay no-show R1000017", "assign": "assign C1000033 mei"]
        let everyone = ["help": "help", "sessions": "sessions", "queue": "queue", "next": "next", "watch": "watch 17",
                        "unwatch": "unwatch", "take": "take 17", "accept": "accept", "decline": "decline", "release": "release",
                        "hangup": "hangup", "leave": "leave", "note": "note quiet room", "status": "status away", "whoami": "whoami",
                        "logout": "logout", "phone": "phone 17", "answer   ": "/answer 24 Dec", "stay ": "stay arrive R1000017", "stay  ": "stay depart r 100 0017",
                        "callbacks": "callbacks", "complaints": "complaints all", "revisits": "revisits", "arrivals": "arrivals",
                        "feedback": "feedback", "birthdays": "birthdays all", "card": "card B-261203001-2027 posted", "mine": "mine", "show": "show T1000041", "take  ": "take V-T1000041", "drop": "drop C1000033",
                        "note  ": "note C1000033 left a message", "reached": "reached C1000033 sorted", "no-answer": "no-answer C1000033",
                        "wrong-number": "wrong-number C1000033", "investigate": "investigate T1000041", "resolve": "resolve T1000041 fixed",
                        "signoff": "signoff T1000041", "sign-off": "sign-off T1000041", "close": "close T1000041",
                        "declined": "declined V-R1000017", "survey": "survey V-R1000017", "confirm": "confirm A-R1000017",
                        "needs": "needs A-R1000017 cot", "route": "route F-S1000025-food housekeeping", "answer": "answer F-S1000025-food thanks",
                        "file": "file 261203001", "file ": "file 261203001 kind vip", "file  ": "file 261203001 birthday 03-14"]
        #expect(Set(supervisorOnly.keys).union(everyone.keys.map { $0.trimmingCharacters(in: .whitespaces) }) == Set(ConsoleCommand.words),
                "every command word has an example")
        for (_, line) in supervisorOnly {
            let command = try ConsoleCommand.parse(line).get()
            #expect(!command.isAllowed(for: .agent), "\(line)")
            #expect(command.isAllowed(for: .supervisor), "\(line)")
        }
        for (_, line) in everyone {
            let command = try ConsoleCommand.parse(line).get()
            #expect(command.isAllowed(for: .agent), "\(line)")
            #expect(command.isAllowed(for: .supervisor), "\(line)")
        }
    }

    @Test func duringACallOnlyCommandsAreKeptFromTheGuest() {
        #expect(ConsoleCommand.isCallCommand("/release"))
        #expect(ConsoleCommand.isCallCommand("release"))
        #expect(ConsoleCommand.isCallCommand("note guest prefers a quiet room"))
        #expect(!ConsoleCommand.isCallCommand("Of course, I can release the room for you tomorrow"))
        #expect(!ConsoleCommand.isCallCommand("Hello Maria"))
    }

    /// What is escaped is what a walk over the scalars by the rule escapes, whether the
    /// bytes let the text through untouched or not (seeded random texts of edge scalars).
    @Test(arguments: FuzzBudget.seeds(2))
    func consoleTextEscapesWhatTheRuleEscapes(seed: UInt64) {
        func reference(_ text: String) -> String {
            let hidden: Set<UInt32> = Set([0x061C, 0x200B, 0x200E, 0x200F, 0xFEFF] + Array(0x2028...0x202E) + Array(0x2060...0x2064) + Array(0x2066...0x2069))
            return text.unicodeScalars.map { scalar in
                let value = scalar.value
                let escaped = value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || hidden.contains(value)
                return escaped ? "\\u{\(String(value, radix: 16))}" : String(scalar)
            }.joined()
        }
        var random = SeededGenerator(seed: seed)
        let pieces = ["a", " ", "Room 12", "\u{1b}", "\t", "\r\n", "\u{7f}", "\u{80}", "\u{9f}", "\u{a0}", "é", "\u{61c}", "\u{61b}",
                      "\u{200b}", "\u{200d}", "\u{2027}", "\u{202e}", "\u{202f}", "\u{2065}", "\u{2069}", "…", "€", "\u{feff}", "\u{fefe}", "訂房", "🙂"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(ConsoleText.safe(text) == reference(text), "seed \(seed): \(text.debugDescription)")
            #expect(ConsoleText.safe(text[...]) == reference(text), "seed \(seed), as a substring: \(text.debugDescription)")
        }
    }

    /// The bytes that send a text on the walk cover every scalar escaped: none can slip
    /// past them, whatever is added to the hidden set from the planes that hold controls and
    /// format characters (the first two, and the tags' plane 14).
    @Test func everyEscapedScalarStartsWithAByteThatIsLookedAt() {
        var missed: [String] = []
        for planes in [UInt32(0)...0x1FFFF, 0xE0000...0xE0FFF] {
            for value in planes where ConsoleText.isEscaped(value) {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if !ConsoleText.mayStartEscaped(String(scalar).utf8.first!) { missed.append(String(value, radix: 16)) }
            }
        }
        #expect(missed.isEmpty, "escaped but not looked at: \(missed.prefix(10))")
    }

    @Test func consoleTextEscapesControlsAndMasksPhones() {
        #expect(ConsoleText.safe("a\u{1b}[2Jb\u{7}\u{9b}c\u{202e}") == "a\\u{1b}[2Jb\\u{7}\\u{9b}c\\u{202e}")
        #expect(ConsoleText.masked(phone: "+442079460958") == "******0958")
        #expect(ConsoleText.masked(phone: nil) == "-")
        for (text, shown) in [
            ("+44 20 7946 0958", "******0958"), ("call 020 7946 0123, please", "call ******0123, please"),
            ("  Phone:      +442079460958", "  Phone:      ******0958"), ("(555) 123-4567.", "******4567."),
            ("R1000017 for 24/12/2026 or 2026-12-24, room 12 at 3", "R1000017 for 24/12/2026 or 2026-12-24, room 12 at 3"),
        ] {
            #expect(ConsoleText.maskingPhones(text) == shown, "\(text)")
        }
        #expect(ConsoleText.duration(3725) == "1:02:05")
        #expect(ConsoleText.describe(.available(since: .at(100)), now: .at(225.5)) == "available for 2:05")
        #expect(ConsoleText.describe(.onCall(7, since: .at(0)), now: .at(61)) == "on call 7 for 1:01")
        #expect(ConsoleText.describe(.wrapUp(until: .at(30)), now: .at(10)) == "wrapping up, 0:20 left")
        #expect(ConsoleText.describe(.away, now: .at(0)) == "away")
        let table = ConsoleText.table(["ID", "NAME"], [["1", "豪华大床房"], ["22", "Deluxe"]])
        #expect(table == "  ID  NAME\n  1   豪华大床房\n  22  Deluxe")
    }

    /// What the line said, as an agent watching reads it: wrapped to their window under its
    /// tag, never cut with "…".
    @Test func consoleLinesWrapToTheAgentsWindowUnderTheirTag() {
        let said = "17| hours before arrival. After that, or if you do not arrive, the first night is"
        #expect(ConsoleText.wrapped(said, columns: 79) == "17| hours before arrival. After that, or if you do not arrive, the first night\n    is")
        let narrow = ConsoleText.wrapped(said, columns: 40)
        #expect(narrow.components(separatedBy: "\n").allSatisfy { displayWidth(of: $0) <= 40 && ($0.hasPrefix("17| ") || $0.hasPrefix("    ")) })
        #expect(narrow.replacingOccurrences(of: "\n    ", with: " ") == said, "every word there, in order")
        #expect(ConsoleText.wrapped("short", columns: 40) == "short")
        let row = "  3  es    booking.rooms   2:05  in the flow        ******0958 and more words here"
        #expect(ConsoleText.wrapped(row, columns: 60).components(separatedBy: "\n").allSatisfy { displayWidth(of: $0) <= 60 })
    }
}
