import Dialogue
import Foundation
import Storage
import Testing
import TestSupport
import Transcript
import Replay

@Suite("The agent console over TCP", .blocking)
struct AgentConsoleTests {
    /// A line the guest line refuses during a call (control keys) is noted to the agent,
    /// so they know why the guest heard the line speak; its bytes never reach them.
    @Test func aRefusedGuestLineDuringACallIsNotedToTheAgentWithoutItsBytes() throws {
        let line = try AgentCalls.line()
        defer { try? line.stop(); line.removeData() }
        let mei = try line.console()
        try Self.logIn(mei, "mei", "4821")
        let guest = try AgentCalls.putThrough(try line.guest(), asking: "0", to: mei, tick: {})
        guest.send(bytes: [0x1B] + Array("[31mRED".utf8) + [10])
        try guest.read(until: "keys I can't read")
        let seen = try mei.readBytes(until: "they were asked to type it again")
        #expect(String(decoding: seen, as: UTF8.self).contains("1* the guest sent a line with control keys (not shown"))
        #expect(!seen.contains(0x1B) && !String(decoding: seen, as: UTF8.self).contains("RED"))
    }

    /// A supervisor watching a call who then barges in sees each guest line once.
    @Test func aSupervisorWhoWatchedThenBargedSeesEachGuestLineOnce() throws {
        let line = try AgentCalls.line()
        defer { try? line.stop(); line.removeData() }
        let (mei, sara) = try AgentCalls.consoles(on: line)
        let guest = try AgentCalls.putThrough(try line.guest(), asking: "0", to: mei, tick: {})
        sara.say("watch 1")
        try sara.read(until: "Please go ahead.")
        sara.say("barge 1")
        try sara.read(until: "/leave to go.")
        guest.say("once please")
        try mei.read(until: "once please")
        sara.say("whoami")
        let seen = try sara.read(until: "sara")
        #expect(seen.components(separatedBy: "1> once please").count == 2, "\(seen)")
    }

    /// A line with agent "mei" (PIN 4821) and supervisor "sara" (PIN 7350) on file.
    static func line() throws -> RunningLine {
        let data = TestPaths.temporaryDirectory()
        try RunningLine.addAgent("mei", name: "Mei", pin: "4821", in: data)
        try RunningLine.addAgent("sara", name: "Sara", pin: "7350", supervisor: true, in: data)
        return try RunningLine(dataDirectory: data)
    }

    static func logIn(_ console: GuestClient, _ id: String, _ pin: String) throws {
        try console.logIn(id, pin)
    }

    @Test func thePinPromptTurnsTelnetEchoOffAndBackOn() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let console = try TelnetClient(port: line.agentPort, columns: 100)
        try console.read(until: "Agent ID:")
        console.say("mei")
        try console.read(until: "PIN:")
        let willEcho = console.raw.firstRange(of: [255, 251, 1])
        let prompt = console.raw.firstRange(of: Array("PIN:".utf8))
        #expect(willEcho != nil && prompt != nil && willEcho!.upperBound <= prompt!.lowerBound, "IAC WILL ECHO before the PIN prompt")
        #expect(console.isEnabledThere(1), "the client agreed: it stops echoing")
        console.say("4821")
        try console.read(until: "Type help")
        #expect(console.commands.contains([255, 252, 1]), "IAC WONT ECHO once the PIN is in")
        #expect(!console.isEnabledThere(1))
    }

    /// An agent in a 60-column telnet window reads what a guest hears whole, wrapped under
    /// its tag (it was cut at 79 columns with "…").
    @Test func aTelnetConsoleWrapsToTheAgentsWindow() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let console = try TelnetClient(port: line.agentPort, columns: 60)
        try console.read(until: "Agent ID:")
        console.say("mei")
        try console.read(until: "PIN:")
        console.say("4821")
        try console.read(until: "Type help")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        console.say("watch 1")
        try console.read(until: "So far:")
        guest.say("1")
        let seen = try console.read(until: "rule.")
        let lines = seen.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        for text in lines { #expect(terminalColumns(text) <= 60, "\(text)") }
        #expect(!seen.contains("…"))
        #expect(seen.replacingOccurrences(of: "\r\n   ", with: " ").contains("if you do not arrive, the first night is\r\n1| charged."))
    }

    /// `nc` on the console: its first line ends with a bare LF, so it is never sent a telnet
    /// byte, not even the WILL ECHO at the PIN (its terminal echoes the PIN: it cannot be hidden).
    @Test func aConsoleOverNcNeverSeesATelnetByte() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let console = try line.console()
        try console.logIn("mei", "4821")
        console.say("logout")
        #expect(!console.readToEnd().contains(255))
    }

    @Test func aGuestAsksForAPersonAndTheyTalkBothWaysThenTheGuestIsHandedBack() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let console = try line.console()
        try Self.logIn(console, "mei", "4821")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("0")
        #expect(try guest.read(until: "Call me back instead").unwrapped.contains("You are number 1 in line"))
        let offer = try console.read(until: "Type accept or decline.")
        #expect(offer.contains("is waiting for you"))
        console.say("accept")
        #expect(try guest.read(until: "Please go ahead.").contains("Mei from guest services has joined"))
        console.say("Good morning, how can I help?")
        #expect(try guest.read(until: "help?").contains("Mei: Good morning, how can I help?"))
        guest.say("Could I check out at two?")
        #expect(try console.read(until: "two?").contains("> Could I check out at two?"))
        guest.say("\u{1b}]0;pwned\u{7}\u{1b}[2J")  // a terminal escape: refused, never shown to the agent
        try guest.read(until: "keys I can't read")
        console.say("release")
        let back = try guest.read(until: "0  Speak to a person").unwrapped
        #expect(back.contains("Mei has left the call"))
        console.say("sessions")
        let table = try console.read(until: "main.menu")
        #expect(!table.contains("\u{1b}"), "no escape byte ever reaches the agent's terminal")
    }

    /// Each call's language shows in sessions and queue: its tag, or "-" at the language
    /// screen, before the guest has chosen.
    /// Asked for a person mid-booking: the offer says so in the hotel's words; the agent
    /// answers the check-out for the guest, who sees it; handed back, the guest is at the
    /// next question with the dates kept.
    @Test func anAgentFillsAnAnswerInAndHandsTheGuestBackToTheirQuestion() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let mei = try line.console()
        try Self.logIn(mei, "mei", "4821")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("1")
        try guest.read(until: "tomorrow)")
        guest.say("24 Dec")
        try guest.read(until: "nights\")")
        guest.say("0")
        let offer = try mei.read(until: "Type accept or decline.").squeezed
        #expect(offer.contains("the guest was making a booking, at: check-out date"), "\(offer)")
        #expect(!offer.contains("agent.waiting"))
        mei.say("accept")
        try guest.read(until: "Please go ahead.")
        mei.say("/answer 3 nights")
        #expect(try mei.read(until: "there.").squeezed.contains("the question now: number of rooms"))
        #expect(try guest.read(until: "How many rooms").squeezed.contains("Mei answered for you: 3 nights"))
        mei.say("/answer quit")
        #expect(try mei.read(until: "/hangup.").squeezed.contains("Cannot: that answer would end the call"))
        mei.say("/release")
        #expect(try mei.read(until: "in a moment.").squeezed.contains("Handed back to number of rooms"))
        let back = try guest.read(until: "How many rooms").squeezed
        #expect(back.contains("Let's carry on where we were."))
        guest.say("1")
        #expect(try guest.read(until: "Please type its number:").squeezed.contains("Which room type"))
    }

    /// Declining never claims someone else took the call: the agent hears where it went.
    @Test func declineSaysTruthfullyWhereTheCallWent() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let (mei, sara) = try AgentCalls.consoles(on: line)
        sara.say("status available")
        try sara.read(until: "available for calls.")
        mei.say("status away")
        try mei.read(until: "no calls will be offered.")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("0")
        #expect(try sara.read(until: "Type accept or decline.").squeezed.contains("asked for a person from the main menu"))
        mei.say("status available")
        try mei.read(until: "available for calls.")
        sara.say("decline")
        let told = try sara.read(until: "when ready.").squeezed
        #expect(told.contains("Call 1 is no longer offered to you: it is being offered to mei."), "\(told)")
        #expect(!told.contains("someone else"))
        mei.say("decline")
        let alone = try mei.read(until: "when ready.").squeezed
        #expect(alone.contains("it is back in the queue, first in line; nobody is available to take it, so the guest is offered a callback"), "\(alone)")
        #expect(try guest.read(until: "someone is back.").squeezed.contains("no colleague is at the desk right now"))
    }

    @Test func sessionsAndQueueShowEachCallsLanguage() throws {
        let line = try AgentCalls.line()
        defer { try? line.stop(); line.removeData() }
        let (mei, sara) = try AgentCalls.consoles(on: line)
        let undecided = try line.guest(choosing: nil)
        try undecided.read(until: RunningLine.endOfLanguageScreen)
        let spanish = try line.guest(choosing: "español")
        try spanish.read(until: "0  Hablar con una persona")
        let chinese = try line.guest(choosing: "繁體中文")
        try chinese.read(until: "0  轉接專人服務")
        mei.say("status away")
        try mei.read(until: "no calls will be offered.")
        chinese.say("人工")
        try chinese.read(until: "改成回電給我")
        sara.say("sessions")
        let table = try sara.read(until: "waiting (1)")  // the last row: the calls come in order
        let rows = table.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("  -  ") && $0.contains("in flow") }, "\(table)")
        #expect(rows.contains { $0.contains(" es ") && $0.contains("main.menu") }, "\(table)")
        #expect(rows.contains { $0.contains(" zh-Hant ") && $0.contains("agent.waiting") }, "\(table)")
        sara.say("queue")
        let header = try sara.read(until: "PHONE")
        #expect(header.contains("LANG"), "\(header)")
        try sara.read(until: " zh-Hant ")  // the one guest waiting
    }

    @Test func wrongPinsLockTheIDOutAfterFiveAndTheAuditLogSaysSo() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let console = try line.console()
        try console.read(until: "Agent ID:")
        console.say("nosuchagent")
        try console.read(until: "PIN:")
        console.say("0000")
        try console.read(until: "Login incorrect.")
        for attempt in 1...5 {
            try console.read(until: "Agent ID:")
            console.say("mei")
            try console.read(until: "PIN:")
            console.say("0000")
            let answer = try console.read(until: "Login incorrect.")
            if attempt < 5 { #expect(!answer.contains("locked")) }
        }
        #expect(try console.read(until: "Agent ID:").unwrapped.contains("this ID is locked for 15 minutes"), "wrapped at 79 columns")
        console.say("mei")
        #expect(try console.read(until: "Agent ID:").contains("Too many failed logins"), "even the right PIN waits out the lock")
        console.say("sara")
        try console.read(until: "PIN:")  // not the address: every console may be on 127.0.0.1
        try line.stop()
        let audit = try String(contentsOfFile: line.dataDirectory + "/audit.log", encoding: .utf8)
        #expect(audit.components(separatedBy: #""event":"login-failed""#).count - 1 == 6)
        #expect(audit.contains(#""event":"lockout","agent":"mei","from":"127.0.0.1","minutes":15}"# + "\n"))
        #expect(audit.contains(#""event":"login-failed","agent":"?unknown(11 chars)","from":"127.0.0.1"}"#),
                "an ID that is no agent's (it may be a PIN typed in the wrong place) is not logged in clear: \(audit)")
        #expect(!audit.contains("nosuchagent"))
    }

    /// A console over IPv6 is counted and logged by its whole host: `[::1]:5000` was once cut
    /// at the first colon to `[`, so every IPv6 console shared one lockout and the audit
    /// log said `from=[`.
    @Test(.enabled(if: RunningLine.hasIPv6Loopback))
    func anIPv6ConsoleIsLoggedAndLockedOutByItsWholeHost() throws {
        let data = TestPaths.temporaryDirectory()
        try RunningLine.addAgent("mei", name: "Mei", pin: "4821", in: data)
        let line = try RunningLine(dataDirectory: data) {
            $0.agentHost = "::1"
            $0.console.lockout.maxFailuresPerAddress = 5
        }
        defer { try? line.stop(); line.removeData() }
        let console = try line.console(from: "::1")
        for attempt in 1...5 {
            try console.read(until: "Agent ID:")
            console.say("guess\(attempt)")
            try console.read(until: "PIN:")
            console.say("0000")
            try console.read(until: "Login incorrect.")
        }
        #expect(try console.read(until: "Agent ID:").unwrapped.contains("this address is locked for 15 minutes"), "five IDs guessed from one host")
        console.say("mei")
        #expect(try console.read(until: "Agent ID:").contains("Too many failed logins"), "the host is locked for every ID")
        try line.stop()
        let audit = try String(contentsOfFile: line.dataDirectory + "/audit.log", encoding: .utf8)
        #expect(audit.contains(#""event":"login-failed","agent":"?unknown(6 chars)","from":"::1"}"#), "\(audit)")
        #expect(audit.contains(#""event":"lockout","address":"::1","minutes":15}"#), "\(audit)")
        #expect(!audit.contains(#""from":"[""#))
    }

    @Test func commandsBeforeLoginUnknownCommandsAndBadTakesAreAnsweredPlainly() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let console = try line.console()
        try Self.logIn(console, "mei", "4821")
        console.say("sesions")
        #expect(try console.read(until: "help for the list").contains("unknown command \"sesions\" (did you mean \"sessions\"?)"))
        console.say("take 999")
        #expect(try console.read(until: "(type sessions)").contains("there is no call 999"))
        console.say("take")
        #expect(try console.read(until: "for example: take 17)").contains("take needs a session number"))
        for supervisorOnly in ["stats", "whisper 1 offer the upgrade", "barge 1"] {
            console.say(supervisorOnly)
            #expect(try console.read(until: "supervisor may use that command").contains("only"), "\(supervisorOnly)")
        }
        console.say(String(repeating: "x", count: 3000))
        #expect(try console.read(until: "at most).").contains("too long"))
        let stranger = try line.console()
        try stranger.read(until: "Agent ID:")
        stranger.say("sessions")
        try stranger.read(until: "PIN:")  // before login every line is the ID, then the PIN
        stranger.say("1111")
        #expect(try stranger.read(until: "Agent ID:").contains("Login incorrect."))
    }

    @Test func anAgentLostMidCallSendsTheGuestBackToTheFrontWithAnApology() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        do {
            let console = try line.console()
            try Self.logIn(console, "mei", "4821")
            guest.say("agent")
            try console.read(until: "Type accept or decline.")
            console.say("accept")
            try guest.read(until: "Please go ahead.")
        }  // the console's socket closes here
        let heard = try guest.read(until: "Call me back instead").unwrapped
        #expect(heard.contains("we lost the connection to Mei"))
        #expect(heard.contains("You are number 1 in line"))
    }

    @Test func withNoAgentLoggedInTheGuestIsOfferedACallbackAtOnce() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("0")
        let heard = try guest.read(until: "(yes/no)").unwrapped
        #expect(heard.contains("no colleague is at the desk right now"))
        #expect(!heard.contains("busy"), "nobody is busy: nobody is there")
        #expect(heard.contains("call you back instead"))
    }

    /// Every agent logged in away: the guest is told nobody is at the desk and offered the
    /// callback at once, keeps their place, and is put through when an agent is back.
    @Test func withEveryAgentAwayTheCallbackIsOfferedAtOnceAndAnAgentBackTakesTheGuest() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let mei = try line.console()
        try Self.logIn(mei, "mei", "4821")
        mei.say("status away")
        try mei.read(until: "no calls will be offered.")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("0")
        let heard = try guest.read(until: "someone is back.").unwrapped
        #expect(heard.contains("no colleague is at the desk right now"))
        #expect(heard.contains("call you back, type 1"))
        mei.say("status available")
        try mei.read(until: "Type accept or decline.")
        mei.say("accept")
        #expect(try guest.read(until: "Please go ahead.").contains("Mei from guest services has joined"))
    }

    @Test func aWaitingGuestCanChooseACallbackAndASupervisorSeesTheFigures() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let sara = try line.console()
        try Self.logIn(sara, "sara", "7350")
        sara.say("status away")
        try sara.read(until: "no calls will be offered.")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("0")
        try guest.read(until: "Call me back instead")
        sara.say("queue")
        #expect(try sara.read(until: "PHONE").contains("ON LINE"))
        sara.say("stats")
        let stats = try sara.read(until: "average call:")
        #expect(stats.contains("1 away"))
        #expect(stats.contains("1 waiting"))
        guest.say("1")
        #expect(try guest.read(until: "Which phone number should we call?").contains("we can call you back"))
    }

    @Test func watchingIsReadOnlyAndTakingATakenCallIsRefused() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let (mei, sara) = try AgentCalls.consoles(on: line)
        mei.say("status away")
        try mei.read(until: "no calls will be offered.")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("2")
        try guest.read(until: "Which area was it about?")
        sara.say("watch 1")
        #expect(try sara.read(until: "Something else").contains("1> 2"), "the call so far, both sides")
        guest.say("housekeeping")
        #expect(try sara.read(until: "what happened").contains("1> housekeeping"), "and each new line as it happens")
        mei.say("take 1")
        try mei.read(until: "The call so far:")
        sara.say("take 1")
        #expect(try sara.read(until: "already with mei.").contains("Cannot: call 1 is already with mei"))
        guest.say("Hello?")
        #expect(try mei.read(until: "Hello?").contains("1> Hello?"))
        mei.say("hangup")
        #expect(try guest.read(until: "Goodbye.").unwrapped.contains("Mei has ended the call"))
        let audit = try String(contentsOfFile: line.dataDirectory + "/audit.log", encoding: .utf8)
        #expect(audit.contains("\"event\":\"call-watched\",\"agent\":\"sara\",\"session\":1"), "every read of a call is logged")
    }

    @Test func aGuestWhoHangsUpWhileWaitingLeavesTheQueue() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let mei = try line.console()
        try Self.logIn(mei, "mei", "4821")
        mei.say("status away")
        try mei.read(until: "no calls will be offered.")
        do {
            let guest = try line.guest()
            try guest.read(until: "0  Speak to a person")
            guest.say("0")
            try guest.read(until: "Call me back instead")
        }
        // The guest's socket is gone; the queue must be empty again.
        #expect(try eventually(every: 0.02) {
            mei.say("queue")
            return try mei.read(untilAny: ["Nobody is waiting.", "PHONE"]).marker == 0
        })
        mei.say("next")
        #expect(try mei.read(until: "nobody is waiting.").contains("Cannot"))
    }

    @Test func declineSetsTheAgentAwayAndTheGuestKeepsWaiting() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let mei = try line.console()
        try Self.logIn(mei, "mei", "4821")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("0")
        try mei.read(until: "Type accept or decline.")
        mei.say("decline")
        #expect(try mei.read(until: "ready.").contains("You are away"))
        mei.say("next")
        try mei.read(until: "The call so far:")
        #expect(try guest.read(until: "Please go ahead.").contains("Mei from guest services has joined"))
    }

    @Test func removingAnAgentEndsTheirConsoleAtOnce() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let console = try line.console()
        try Self.logIn(console, "mei", "4821")
        var roster = try AgentRoster.load(dataDirectory: line.dataDirectory)
        try roster.remove("mei")
        try roster.save(dataDirectory: line.dataDirectory)
        let heard = String(decoding: console.readToEnd(), as: UTF8.self)
        #expect(heard.contains("Your access has been revoked"))
        #expect(console.sawEndOfInput)
    }
}

extension Array where Element == UInt8 {
    func contains(sequence: [UInt8]) -> Bool {
        guard sequence.count <= count else { return false }
        return (0...(count - sequence.count)).contains { Array(self[$0..<($0 + sequence.count)]) == sequence }
    }
}

/// Calls with a person on them are recorded so that they replay: who joined, what they
/// said, how they left and the queue's news are events the in-process replay feeds back.
@Suite("Calls with an agent replay", .blocking)
struct AgentCallReplayTests {
    @Test func callsPutThroughToPeopleReplayInProcessAsRecorded() throws {
        let line = try AgentCalls.line()
        defer { line.removeData() }
        try AgentCalls.play(on: line)
        try line.stop()
        let directory = line.dataDirectory + "/transcripts"
        let paths = try ReplayRunner.transcripts(in: [directory]).map { try $0.get() }
        #expect(paths.count == AgentCalls.names.count)
        var events: [TranscriptEvent] = []
        for path in paths {
            let document = try TranscriptDocument.read(path: path).get()
            events += document.entries.compactMap { if case .event(let event) = $0.content { event } else { nil } }
            let replay = InProcessReplay.run(document, prompts: TestPrompts.shipped)
            #expect(replay.passed, "\(path):\n\(replay.divergence?.report ?? "")")
        }
        #expect(events.contains(.agentJoined(id: "mei", name: "Mei")))
        #expect(events.contains(.agentSaid(name: "Mei", text: "Good morning, how can I help?")))
        #expect(events.contains(.supervisorJoined(id: "sara", name: "Sara")))
        #expect(events.contains(.agentSaid(name: "Sara", text: "Two is fine, enjoy your stay.")))
        #expect(events.contains(.supervisorLeft(id: "sara", name: "Sara")))
        #expect(events.contains(.whisper(from: "sara", to: "mei")))
        #expect(events.contains(.note(by: "mei", text: "late checkout at 14:00 agreed")))
        for how in [Conversation.AgentDeparture.released, .hungUp, .lost] { #expect(events.contains(.agentLeft(how, id: "mei"))) }
        #expect(events.contains { if case .queueMoved(1, _) = $0 { true } else { false } })
        #expect(events.contains(.queueEnded(.noOne)))
        #expect(events.contains(.noOneAtDesk), "sara was away when mei was lost: nobody at the desk")
        #expect(events.contains { if case .queuedAsVIP(_, aheadOf: 1) = $0 { true } else { false } }, "the VIP went ahead of the guest waiting")
        #expect(events.contains { if case .queueMoved(2, _) = $0 { true } else { false } }, "who heard they were second now")
    }

    @Test func agentAndQueueEventsReadBackAsWritten() {
        let events: [TranscriptEvent] = [
            .agentJoined(id: "mei", name: "Mei Ling"), .agentSaid(name: "Mei", text: "Say \"hi\" \\ bye"), .agentLeft(.released, id: "mei"),
            .agentLeft(.hungUp, id: "mei"), .agentLeft(.lost, id: "mei"), .supervisorJoined(id: "sara", name: "Sara"),
            .supervisorLeft(id: "sara", name: "Sara"), .supervisorLeft(id: "sara", name: nil), .whisper(from: "sara", to: "mei"), .note(by: "mei", text: "call back at 5"),
            .queueMoved(position: 2, waitSeconds: 240), .queueMoved(position: 1, waitSeconds: nil), .queueEnded(.noOne), .queueEnded(.waitedTooLong), .noOneAtDesk, .agentAnswered(name: "Mei", text: "24 Dec"),
            .queuedAsVIP(file: "261126001", aheadOf: 2),
        ]
        for event in events {
            #expect(TranscriptEvent.parse(event.text) == .success(event), "\(event.text)")
        }
        #expect(TranscriptEvent.agentJoined(id: "mei", name: "Mei Ling").text == "agent joined id=mei name=\"Mei Ling\"")
        #expect(TranscriptEvent.queueMoved(position: 2, waitSeconds: 240).text == "queue position=2 wait=240")
        #expect(TranscriptEvent.agentLeft(.hungUp, id: "mei").text == "agent left how=hung-up id=mei")
        #expect(TranscriptEvent.parse("agent left how=gone id=mei") == .failure(TranscriptProblem("\"agent left\" needs how=released|hung-up|lost id=ID")))
        #expect(TranscriptEvent.noOneAtDesk.text == "queue no-one-at-desk")
        #expect(TranscriptEvent.parse("queue no-one-at-desk why=lunch") == .failure(TranscriptProblem("\"queue no-one-at-desk\" takes no fields")))
        #expect(TranscriptEvent.parse("queue position=first") == .failure(TranscriptProblem("\"queue\" needs position=N [wait=SECONDS]")))
        #expect(TranscriptEvent.queuedAsVIP(file: "261126001", aheadOf: 2).text == "queue vip file=261126001 ahead-of=2")
        #expect(TranscriptEvent.parse("queue vip file=261126001 ahead-of=some")
                == .failure(TranscriptProblem("\"queue vip\" needs file=NUMBER ahead-of=N")))
        #expect(TranscriptEvent.parse("queue vip ahead-of=1") == .failure(TranscriptProblem("\"queue vip\" needs file=NUMBER ahead-of=N")))
    }
}

/// Invisible and direction-changing characters are shown escaped both ways between a guest
/// and an agent, and never reach a transcript raw.
@Suite("Hidden characters between guest and agent", .blocking)
struct HiddenCharactersOnACallTests {
    static let hidden = "\u{202e}\u{2066}\u{200e}\u{200f}\u{061c}\u{feff}\u{2028}\u{2029}"

    @Test func theyAreShownEscapedBothWaysAndKeptEscapedInTheTranscript() throws {
        let line = try AgentCalls.line()
        defer { line.removeData() }
        let mei = try line.console()
        try mei.logIn("mei", "4821")
        let guest = try AgentCalls.putThrough(try line.guest(), asking: "0", to: mei, tick: {})
        guest.say("invoice" + Self.hidden + "fdp.exe")
        // Escaped, the line is one word wider than the console: it is cut at the window's edge.
        let seen = try mei.read(until: #"\u{2029}fdp.ex"#)
        #expect(seen.contains(#"1> invoice\u{202e}\u{2066}\u{200e}\u{200f}\u{61c}\u{feff}\u{2028}\u{2029}fdp.ex"#), "\(seen)")
        mei.say("ok" + Self.hidden + "kcab llac")
        let heard = try guest.read(until: "kcab llac")
        #expect(heard.contains(#"Mei: ok\u{202e}\u{2066}\u{200e}\u{200f}\u{61c}\u{feff}\u{2028}\u{2029}kcab llac"#), "\(heard)")
        for scalar in Self.hidden.unicodeScalars {
            #expect(!seen.unicodeScalars.contains(scalar) && !heard.unicodeScalars.contains(scalar), "\(scalar.value) reached a terminal raw")
        }
        mei.say("/hangup")
        _ = guest.readToEnd()
        try line.stop()
        let files = try FileManager.default.subpathsOfDirectory(atPath: line.dataDirectory + "/transcripts").filter { $0.hasSuffix(".txt") }
        let transcript = try String(contentsOfFile: line.dataDirectory + "/transcripts/" + files[0], encoding: .utf8)
        #expect(transcript.contains(#"guest invoice\u{202e}\u{2066}"#), "\(transcript)")
        for scalar in Self.hidden.unicodeScalars { #expect(!transcript.unicodeScalars.contains(scalar), "\(scalar.value) raw in the transcript") }
        let replay = InProcessReplay.run(try TranscriptDocument.read(path: line.dataDirectory + "/transcripts/" + files[0]).get(), prompts: TestPrompts.shipped)
        #expect(replay.passed, "\(replay.divergence?.report ?? "")")
    }
}

extension String {
    /// Every run of spaces and line breaks as one space: a console's line wrapped under its
    /// tag, or a guest's text laid out to its window, read as one line.
    var squeezed: String { split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).joined(separator: " ") }
}
