import HotelCalendar
import Testing
import TestSupport
@testable import Dialogue

/// A refusal that says a question's own limits is said as made once at compile time
/// (`ConstantTexts.refusal`): it must be exactly the text rendering and laying out would give,
/// for the shipped prompts and for questions with other bounds, and a text the conversation
/// fills in must be left to rendering.
@Suite("Refusals made at compile time")
struct RefusalTextTests {
    /// Node, step and key of each refusal with a question's limits in `prompts`, with the text
    /// the compiled pack holds for it in `language` and the one rendering makes.
    static func refusals(in prompts: PromptSet, language: String = "en")
        -> [(place: String, key: String, cached: String?, rendered: String)] {
        let pack = prompts.language(language)!
        let renderer = Renderer(variables: [:], hotel: prompts.hotel, pack: pack, today: CivilDate(year: 2026, month: 11, day: 25)!)
        var found: [(place: String, key: String, cached: String?, rendered: String)] = []
        for (node, scriptNode) in prompts.nodes.enumerated() {
            for (step, scriptStep) in scriptNode.steps.enumerated() {
                guard let question = scriptStep.question else { continue }
                for key in question.limitRefusalKeys {
                    let rendered = TextLayout.laidOut(renderer.render(key, question.limitDetails(in: prompts.hotel)), width: prompts.hotel.lineWidth)
                    found.append(("\(scriptNode.qualifiedName) step \(step)", key, pack.constants.laidOut.refusal(key, node: node, step: step), rendered))
                }
            }
        }
        return found
    }

    /// The shipped prompts with other bounds, another prefix, and refusal texts that name a
    /// hotel fact (still constant) and a guest's answer (not constant).
    static let madeUp: PromptSet = {
        let set = PromptFiles.edited { set in
            set.replace("ask number booking.rooms min=1 max=5", with: "ask number booking.rooms min=2 max=9", in: "booking.flow")
            set.replace("ask text complaint.details min=3 max=1000", with: "ask text complaint.details min=5 max=40", in: "complaint.flow")
            set.replace("ask code complaint.room max=6", with: "ask code complaint.room max=4", in: "complaint.flow")
            set.replace("ask reference lookup.ticket prefix=T", with: "ask reference lookup.ticket prefix=K", in: "status.flow")
            set.replace("ask rating survey.front_desk\n", with: "ask rating survey.front_desk min=2 max=7\n", in: "survey.flow")
            set.replace("type a number from {answer.min} to {answer.max}.", with: "type a number from {answer.min} to {answer.max} at {hotel.name}.",
                        in: "en.messages")
            set.replace("with a number from {answer.min} to {answer.max}.", with: "with a number from {answer.min} to {answer.max}, {guest.name}.",
                        in: "en.messages")
        }
        let (prompts, diagnostics) = set.compile()
        guard let prompts else { fatalError("the made-up prompts do not compile:\n" + diagnostics.map(\.description).joined(separator: "\n")) }
        return prompts
    }()

    @Test func everyShippedRefusalWithLimitsIsMadeOnceAsRenderingWouldSayIt() {
        let refusals = Self.refusals(in: ShippedPrompts.prompts)
        #expect(Set(refusals.map(\.key)) == ["invalid.number", "invalid.number.range", "invalid.rating", "invalid.text.empty", "invalid.text.long",
                                             "invalid.name", "invalid.name.long", "invalid.code", "invalid.room", "invalid.reference"])
        for refusal in refusals {
            #expect(refusal.cached == refusal.rendered, "\(refusal.place): \(refusal.key)")
        }
    }

    @Test func questionsWithOtherBoundsHaveTheirOwnTexts() {
        let refusals = Self.refusals(in: Self.madeUp)
        for refusal in refusals where refusal.key != "invalid.rating" {
            #expect(refusal.cached == refusal.rendered, "\(refusal.place): \(refusal.key)")
        }
        func rendered(_ key: String, at place: String) -> String? {
            refusals.first { $0.key == key && $0.place.hasPrefix(place + " ") }?.rendered
        }
        #expect(rendered("invalid.number.range", at: "booking.rooms")?.contains("from 2 to 9 at Harbour View Hotel.") == true)
        #expect(rendered("invalid.text.long", at: "complaint.details")?.contains("(40 characters at most)") == true)
        #expect(rendered("invalid.reference", at: "status.ticket_number")?.contains("K1000017") == true)
        // A text naming an answer is not the same in every call: rendered at each refusal.
        let ratings = refusals.filter { $0.key == "invalid.rating" }
        #expect(!ratings.isEmpty)
        #expect(ratings.allSatisfy { $0.cached == nil })
    }

    @Test func aCallRefusesWithTheTextMadeOnce() {
        var call = Call(prompts: Self.madeUp)
        call.walk(["1", "24 Dec", "27 Dec"])
        #expect(call.heard.contains("How many rooms"))
        call.send("12")
        let node = Self.madeUp.node(named: "booking.rooms")!
        let step = Self.madeUp.nodes[node].steps.firstIndex { $0.question != nil }!
        let cached = Self.madeUp.languages[0].constants.laidOut.refusal("invalid.number.range", node: node, step: step)
        #expect(cached?.contains("from 2 to 9 at Harbour View Hotel.") == true)
        #expect(call.rawHeard.hasPrefix(cached ?? "-"))
        call.send("3")
        #expect(call.heard.contains("Which room type"))
    }

    @Test func aRefusalNamingAnAnswerIsRenderedInTheCall() {
        var call = Call(prompts: Self.madeUp)
        call.answer("4", "R1000017", "Maria Lopez", "+44 20 7946 0958")
        call.complete(.found(SurveyFlowTests.stay))
        call.send("yes")
        #expect(call.heard.contains("How was the service at the front desk?"))
        call.send("9")
        #expect(call.heard.contains("from 2 to 7, Maria Lopez."))
        call.send("7")
        #expect(call.conversation.value(of: "survey.front_desk") == .rating(7))
    }
}
