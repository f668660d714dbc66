import Foundation
import Switchboard

/// Calls put through to people, played on the real line over TCP: a guest on the guest
/// port, agent "mei" and supervisor "sara" on consoles. The transcript suite is recorded
/// from them, and a test checks that such calls replay in-process.
public enum AgentCalls {
    /// The transcripts' names in `Tests/Transcripts/`, in the order the calls are made.
    public static let names = ["agent-talk-barge-released", "agent-hangs-up", "agent-lost-then-nobody-left"] + vipNames

    /// The transcripts of `playVIP`'s calls, in the order they are made.
    public static let vipNames = ["agent-vip-books-a-stay-and-complains", "agent-busy-with-a-guest", "agent-queue-a-vip-goes-ahead",
                                  "agent-vip-identified-by-file"]

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

        // 4-7: a VIP goes ahead in the queue, and mei sees who is calling.
        let (mei2, sara2) = try consoles(on: line)
        _ = try playVIP(on: line, mei: mei2, sara: sara2, tick: tick)
    }

    /// What the consoles showed in `playVIP`, and the file and numbers it was about.
    public struct VIPCallsSeen {
        public var file: String
        public var confirmation: String
        public var ticket: String
        /// The offer of call 5 (not identified) to mei.
        public var firstOffer: String
        /// Sara's `queue` and `sessions` with the VIP ahead of guest 6.
        public var queue: String
        public var sessions: String
        /// What guest 6 heard once the VIP went ahead of them.
        public var movedBack: String
        /// The offer of the VIP's call to mei, and what she saw on taking it.
        public var offer: String
        public var takeover: String
    }

    /// Four calls (the transcripts `vipNames`): a guest books a stay and complains (4);
    /// sara makes the file a VIP's and records a special need on the arrival; mei takes a
    /// guest (5) and another (6) waits; the VIP calls again (7), shows their guest file
    /// number with its phone, and asks for a person: they go ahead of guest 6, who hears
    /// their new place at once; mei, free again, is offered the VIP first and sees their
    /// file, standing and needs; then guest 6 is put through. `mei` is available, `sara`
    /// (a supervisor) away.
    public static func playVIP(on line: RunningLine, mei: GuestClient, sara: GuestClient, tick: () -> Void = {}) throws -> VIPCallsSeen {
        /// `who` types `text` (after a tick of the clock); what `reader` (`who` by default) then reads up to `marker`.
        @discardableResult
        func step(_ who: GuestClient, _ text: String, then reader: GuestClient? = nil, until marker: String) throws -> String {
            tick()
            who.say(text)
            return try (reader ?? who).read(until: marker)
        }
        // 4: Maria books two nights from tomorrow and complains of the lift.
        let booker = try line.guest()
        try booker.read(until: "0  Speak to a person")
        for (answer, marker) in [("1", "tomorrow)"), ("26 Nov", "nights\")"), ("28 Nov", "5)"), ("1", "number:"), ("2", "you?"),
                                 ("+44 20 7946 0958", "please?"), ("Maria Lopez", "(yes/no)")] {
            try step(booker, answer, until: marker)
        }
        let booked = try step(booker, "yes", until: "(yes/no)").unwrapped
        let confirmation = try Self.find(#"R\d{7}"#, in: booked)
        let file = try Self.find(#"(?<=guest file number is )\d{9}"#, in: booked)
        for (answer, marker) in [("yes", "Speak to a person"), ("2", "number:"), ("5", "fine."), ("The lift rattles all night.", "right?"),
                                 ("A quieter room, please.", "(yes/no)")] {
            try step(booker, answer, until: marker)
        }
        let ticket = try Self.find(#"T\d{7}"#, in: try step(booker, "no", until: "(yes/no)").unwrapped)
        tick()
        booker.say("no")
        _ = booker.readToEnd()

        // Sara makes the file a VIP's and records a need on the arrival (the phone in it is masked).
        try step(sara, "file \(file) kind vip", until: "log)")
        try step(sara, "needs A-\(confirmation) feather-free pillows; call +44 20 7946 0958 on arrival", until: "file.")

        // 5: mei takes a guest who has not said who they are.
        let busy = try line.guest()
        try busy.read(until: "0  Speak to a person")
        let firstOffer = try step(busy, "0", then: mei, until: "decline.")
        try step(mei, "accept", then: busy, until: "Please go ahead.")

        // 6: another waits, first in line.
        let waiting = try line.guest()
        try waiting.read(until: "0  Speak to a person")
        try step(waiting, "0", until: "Call me back instead")

        // 7: the VIP calls again, shows their file with its phone, and asks for a person.
        let vip = try line.guest()
        try vip.read(until: "0  Speak to a person")
        for (answer, marker) in [("5", "us?"), ("+44 20 7946 0958", "callback"), ("3", "261224001)."), (file, "(yes/no)"), ("0", "Call me back instead")] {
            try step(vip, answer, until: marker)
        }
        let movedBack = try waiting.read(until: "line;")
        let queue = try step(sara, "queue", until: "asked.")
        let sessions = try step(sara, "sessions", until: "2026-11-28")

        // Mei ends the first call and is offered the VIP before guest 6.
        let offer = try step(mei, "/hangup", until: "decline.")
        _ = busy.readToEnd()
        let takeover = try step(mei, "accept", until: "so far:")
        try vip.read(until: "Please go ahead.")
        try step(mei, "Good evening, Ms Lopez. Your pillows are arranged.", then: vip, until: "arranged.")
        try step(mei, "/release", then: vip, until: "(yes/no)")
        tick()
        vip.say("no")
        _ = vip.readToEnd()

        // Then guest 6, who waited behind the VIP.
        try mei.read(until: "decline.")
        try step(mei, "accept", then: waiting, until: "Please go ahead.")
        tick()
        mei.say("/hangup")
        _ = waiting.readToEnd()
        return VIPCallsSeen(file: file, confirmation: confirmation, ticket: ticket, firstOffer: firstOffer, queue: queue, sessions: sessions,
                            movedBack: movedBack, offer: offer, takeover: takeover)
    }

    /// The first match of `pattern` in what a guest or agent saw.
    static func find(_ pattern: String, in text: String) throws -> String {
        guard let range = text.range(of: pattern, options: .regularExpression) else {
            throw GuestClient.Failure(description: "no \(pattern) in: \(text)")
        }
        return String(text[range])
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
