import Foundation
import Testing
import TestSupport

/// The centre carries out what a conversation says in one loop, in order: an action
/// answered at once is answered after the effects before it, what the queue does for others
/// waits until the guest has heard their own answer, and what a person in the call says
/// reaches the guest as the conversation's words like everything else.
@Suite("Carrying out a conversation's effects", .blocking)
struct EffectLoopTests {
    @Test func theCallIsOfferedToAnAgentOnlyOnceTheGuestHasHeardTheirPlace() throws {
        let line = try AgentCalls.line()
        defer { try? line.stop(); line.removeData() }
        let (mei, _) = try AgentCalls.consoles(on: line)
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("0")
        #expect(try guest.read(until: "Call me back instead").unwrapped.contains("You are number 1 in line"))
        let offer = try mei.read(until: "Type accept or decline.")
        #expect(offer.squeezed.contains("the guest asked for a person from the main menu"), "in the hotel's words, not a node: \(offer)")
        mei.say("sessions")
        #expect(try mei.read(until: "waiting (1)").contains("agent.waiting"), "the guest is on hold by the time the agent is asked")
    }

    @Test func aWatcherSeesTheQueuesAnswerBeforeWhatTheGuestHearsOfIt() throws {
        let line = try AgentCalls.line()
        defer { try? line.stop(); line.removeData() }
        let (mei, sara) = try AgentCalls.consoles(on: line)
        mei.say("status away")
        try mei.read(until: "no calls will be offered.")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        sara.say("watch 1")
        try sara.read(until: "0  Speak to a person")
        guest.say("0")
        try guest.read(until: "Call me back instead")
        let seen = try sara.read(until: "Call me back instead")
        let asked = try #require(seen.range(of: "1> 0"))
        let answered = try #require(seen.range(of: "1* outcome queued position=1"))
        let said = try #require(seen.range(of: "1| I'll put you through to a colleague."))
        #expect(asked.lowerBound < answered.lowerBound && answered.lowerBound < said.lowerBound, "\(seen)")
    }

    @Test func whatAnAgentSaysIsRecordedThenSaidAsTheGuestSeesIt() throws {
        let line = try AgentCalls.line()
        defer { try? line.stop(); line.removeData() }
        let (mei, sara) = try AgentCalls.consoles(on: line)
        let guest = try AgentCalls.putThrough(try line.guest(), asking: "0", to: mei, tick: {})
        sara.say("watch 1")
        try sara.read(until: "Please go ahead.")
        mei.say("Good morning")
        #expect(try guest.read(until: "Good morning").contains("Mei: Good morning"))
        let seen = try sara.read(until: "1| Mei: Good morning")
        let recorded = try #require(seen.range(of: "1* agent said name=Mei text=\"Good morning\""))
        let said = try #require(seen.range(of: "1| Mei: Good morning"))
        #expect(recorded.upperBound <= said.lowerBound, "\(seen)")
    }
}
