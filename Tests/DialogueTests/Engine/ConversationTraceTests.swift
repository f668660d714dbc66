import HotelCalendar
import Testing
@testable import Dialogue

@Suite("Conversation trace and answers")
struct ConversationTraceTests {
    @Test func traceIsOffUnlessAskedFor() {
        var call = Call()
        call.send("1")
        #expect(call.conversation.trace.isEmpty)
    }

    @Test func traceNamesNodesChoicesRefusalsResultsAndConditions() {
        var call = Call()
        call.conversation.isTracing = true
        call.send("9")
        call.send("1")
        call.send("31 Feb")
        call.walk(["24 Dec", "27 Dec", "1", "2"])
        let trace = call.conversation.takeTrace()
        #expect(trace.contains(.refused(node: "main.menu", key: "invalid.choice")))
        #expect(trace.contains(.choice(node: "main.menu", number: "1")))
        #expect(trace.contains(.entered(node: "booking.start")))
        #expect(trace.contains(.refused(node: "booking.checkin", key: "invalid.date.no_such_day")))
        #expect(trace.contains(.condition(node: "booking.checkout", step: 1, taken: false)))
        #expect(trace.contains(.result(node: "booking.check", result: "available")))
        #expect(call.conversation.takeTrace().isEmpty, "taking the trace empties it")
    }

    @Test func commandsSilenceLineProblemsAndTheOfferAreTraced() {
        var call = Call()
        call.conversation.isTracing = true
        call.send("help")
        call.silence()
        call.send(.tooLong(limit: 1024))
        for _ in 0..<3 { call.send("banana") }
        call.send("no")
        let trace = call.conversation.takeTrace()
        #expect(trace.contains(.command(.help)))
        #expect(trace.contains(.noInput(goodbye: false)))
        #expect(trace.contains(.lineProblem(key: "line.too_long")))
        #expect(trace.contains(.offeredPerson(node: "main.menu")))
        #expect(trace.contains(.offerAnswered(accepted: false)))
    }

    @Test func recentAnswersTellWhatTheLastLineWasTakenAs() {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "1", "2"])
        call.send("12")
        #expect(call.conversation.recentAnswers == [AnswerAttempt(kind: .phone, variable: "guest.phone", typed: "12", value: nil)])
        call.send("  +44 20 7946 0958 ")
        #expect(call.conversation.recentAnswers == [AnswerAttempt(
            kind: .phone, variable: "guest.phone", typed: "+44 20 7946 0958", value: .phone(PhoneNumber(normalized: "+442079460958")!))])
        #expect(call.conversation.pendingAction == nil)
        call.send("Maria Lopez")
        #expect(call.conversation.recentAnswers.map(\.kind) == [.name])
        #expect(call.conversation.pendingAction == .findCaller)
        call.complete(.newCaller)
        #expect(call.conversation.recentAnswers.isEmpty, "each event starts a new list")
        call.send("menu")
        #expect(call.conversation.recentAnswers.isEmpty, "a command is not an answer")
    }

    @Test func coverageItemsListNodesAndBranchesOfThePrompts() {
        let items = ShippedPrompts.prompts.coverageItems()
        let nodes = items.filter(\.point.isNode)
        #expect(nodes.count == ShippedPrompts.prompts.nodes.count)
        let titles = Set(items.map(\.title))
        #expect(titles.contains("booking.checkout: if booking.fixing -> booking.check (not taken)"))
        #expect(titles.contains("main.menu: choice 0 -> agent.start"))
        #expect(titles.contains("booking.save: do save-reservation: on full"))
        #expect(titles.contains("complaint.details: a wrong answer (ask text)"))
        #expect(titles.contains("message invalid.text.empty"), "complaint details have min=3")
        #expect(!titles.contains("message invalid.email"), "no flow asks for an email")
        #expect(items.first { $0.point == .node("booking.checkin") }?.file == "Prompts/booking.flow")
        #expect(items.filter { $0.file == nil }.contains { $0.point == .command(.back) })
    }
}
