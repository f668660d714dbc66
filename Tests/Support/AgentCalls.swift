import Foundation
import Switchboard

/// Calls put through to people, played on the real line over TCP: a guest on the guest
/// port, agent "mei" and supervisor "sara" on consoles. The transcript suite is recorded
/// from them, and a test checks that such calls replay in-process.
public enum AgentCalls {
    /// The transcripts' names in `Tests/Transcripts/`, in the order the calls are made.
    public static let names = ["agent-talk-barge-released", "agent-hangs-up", "agent-lost-then-nobody-left"]

    /// A line with mei (PIN 4821) and sara (PIN 7350) on file and no wrap-up after a call,
    /// so the next call is offered at once.
    public static func line(clock: ManualClock? = nil, configure: @escaping @Sendable (inout ServiceSettings) -> Void = { _ in }) throws -> RunningLine {
        let data = TestPaths.temporaryDirectory()
        try RunningLine.addAgent("mei", name: "Mei", pin: "4821", in: data)
        try RunningLine.addAgent("sara", name: "Sara", pin: "7350", supervisor: true, in: data)
        return try RunningLine(dataDirectory: data) { settings in
            settings.line.queue.wrapUpSeconds = 0
            if let clock { settings.clock = clock.wallClock }
            configure(&settings)
        }
    }

    /// Plays the three calls; `tick` moves the clock between steps (by hand when recording).
    public static func play(on line: RunningLine, tick: () -> Void = {}) throws {
        let (mei, sara) = try consoles(on: line)

        // 1: a person joins, both talk, a supervisor barges in and leaves, the agent notes
        // the call and hands the guest back to the menu.
        let first = try putThrough(try line.guest(), asking: "0", to: mei, tick: tick)
        mei.say("Good morning, how can I help?", ending: "\n")
        try first.read(until: "how can I help?")
        tick()
        first.say("Could I check out at two?")
        try mei.read(until: "two?")
        tick()
        first.send(bytes: [0x1B, UInt8(ascii: "["), UInt8(ascii: "A"), 10])
        try first.read(until: "keys I can't read")
        tick()
        sara.say("barge 1", ending: "\n")
        try first.read(until: "Sara from guest services has joined")
        tick()
        sara.say("Two is fine, enjoy your stay.", ending: "\n")
        try first.read(until: "enjoy your stay.")
        tick()
        sara.say("/leave", ending: "\n")
        try sara.read(until: "You left the call.")
        try first.read(until: "Sara has left the call.")
        try mei.read(until: "sara left the call")
        sara.say("whisper 1 well handled", ending: "\n")
        try mei.read(until: "well handled")
        mei.say("/note late checkout at 14:00 agreed", ending: "\n")
        try mei.read(until: "Noted.")
        tick()
        mei.say("/release", ending: "\n")
        try first.read(until: "0  Speak to a person")
        tick()
        first.say("quit")
        _ = first.readToEnd()

        // 2: the agent ends the call.
        let second = try putThrough(try line.guest(), asking: "agent", to: mei, tick: tick)
        mei.say("/hangup", ending: "\n")
        _ = second.readToEnd()

        // 3: the agent's console drops mid-call: the guest is back at the front of the
        // queue; then the only supervisor logs out, and nobody is left to answer.
        let third = try putThrough(try line.guest(), asking: "0", to: mei, tick: tick)
        mei.finishSending()
        _ = mei.readToEnd()
        try third.read(until: "Call me back instead")
        tick()
        sara.say("logout", ending: "\n")
        _ = sara.readToEnd()
        try third.read(until: "(yes/no)")
        tick()
        third.say("no")
        try third.read(until: "anything else")
        tick()
        third.say("no")
        _ = third.readToEnd()
    }

    /// mei logged in and available, sara (a supervisor) logged in but away: calls go to mei.
    public static func consoles(on line: RunningLine) throws -> (mei: GuestClient, sara: GuestClient) {
        let mei = try line.console()
        try mei.logIn("mei", "4821")
        let sara = try line.console()
        try sara.logIn("sara", "7350")
        sara.say("status away", ending: "\n")
        try sara.read(until: "no calls will be offered.")
        return (mei, sara)
    }

    /// A guest asks for a person with `words`, and mei takes the call.
    public static func putThrough(_ guest: GuestClient, asking words: String, to mei: GuestClient, tick: () -> Void) throws -> GuestClient {
        // (`line.guest()` has typed 1 on the language screen: English.)
        try guest.read(until: "0  Speak to a person")
        tick()
        guest.say(words)
        try mei.read(until: "Type accept or decline.")
        tick()
        mei.say("accept", ending: "\n")
        try guest.read(until: "Please go ahead.")
        tick()
        return guest
    }
}
