import Testing
@testable import Dialogue

@Suite("Main menu")
struct MainMenuTests {
    /// A word of one choice inside a sentence picks it, so a filler word must belong to none.
    @Test(arguments: [
        ("I'd like to book a room for my family", "booking.checkin"),
        ("I want to make a complaint about my breakfast", "complaint.category"),
        ("Please call me back on my mobile", "callback.phone"),
        ("feedback on my stay", "survey.identify"),
        ("book a room, or complain", nil),
        ("status", "status.phone"),
        ("check", "status.phone"),
    ])
    func aSentencePicksTheOneChoiceItNames(sentence: String, node: String?) {
        var call = Call()
        call.send(sentence)
        if let node {
            #expect(call.conversation.currentNode == node, "\(sentence)")
        } else {
            #expect(call.heard.hasPrefix("I'm sorry, that isn't one of the choices."), "two choices named: \(sentence)")
        }
    }
}
