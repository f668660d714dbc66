import Testing
@testable import Dialogue

/// `say KEY if CONDITION`: a text said only when its condition holds, without a node of its
/// own; read, checked and counted like an `if`, with its place in every message.
@Suite("A text said on a condition")
struct ConditionalSayTests {
    /// The main flow's greeting said only to a guest already on the line twice, and the
    /// goodbye only when the guest answered no.
    static func greetingOnACondition(_ condition: String) throws -> PromptSet {
        let set = PromptFiles.edited { $0.replace("  say main.greeting\n", with: "  say main.greeting if \(condition)\n", in: "main.flow") }
        return try #require(set.compile().0, "\(set.errors)")
    }

    @Test func theTextIsSaidOnlyWhenItsConditionHolds() throws {
        let never = Call(prompts: try Self.greetingOnACondition("main.more"))
        #expect(!never.heard.contains("Good day"), "main.more has no value at the start: not said")
        #expect(never.heard.hasPrefix("How may I help you today?"), "the node goes on to its next statement")

        let negated = Call(prompts: try Self.greetingOnACondition("not main.more"))
        #expect(negated.heard.hasPrefix("Good day, and thank you for calling"))

        // The goodbye said only after a no: a comparison, as `if` writes it.
        let set = PromptFiles.edited { $0.replace("  say main.goodbye\n", with: "  say main.goodbye if main.more = no\n", in: "main.flow") }
        var call = Call(prompts: try #require(set.compile().0, "\(set.errors)"))
        call.walk(["4", "no", "Tom Baker", "+44 20 7946 0123", "no", "no"])
        #expect(call.hungUp && call.heard.contains("Goodbye, and have a lovely day"))
    }

    @Test func aConditionalTextIsTracedAndCountedLikeAnIf() throws {
        let prompts = try Self.greetingOnACondition("main.more")
        var conversation = Conversation(prompts: prompts)
        conversation.isTracing = true
        _ = conversation.handle(.answered, at: Call().now.instantInUTC)
        #expect(conversation.takeTrace().contains(.condition(node: "main.start", step: 0, taken: false)))
        let titles = prompts.coverageItems().map(\.title)
        #expect(titles.contains("main.start: say main.greeting if main.more (said)"))
        #expect(titles.contains("main.start: say main.greeting if main.more (not said)"))
    }

    @Test func aBadConditionalTextIsReportedAtItsLine() {
        let noCondition = PromptFiles.edited { $0.replace("  say main.greeting\n", with: "  say main.greeting if\n", in: "main.flow") }
        #expect(noCondition.errors.first == "\(noCondition.place(of: "say main.greeting if", in: "main.flow")): "
                + "expected \"say KEY\" or \"say KEY if [not] VARIABLE [= VALUE]\"")
        let when = PromptFiles.edited { $0.replace("  say main.greeting\n", with: "  say main.greeting when main.more\n", in: "main.flow") }
        #expect(when.errors.first == "\(when.place(of: "say main.greeting when main.more", in: "main.flow")): "
                + "expected \"say KEY\" or \"say KEY if [not] VARIABLE [= VALUE]\"")
        let comparison = PromptFiles.edited { $0.replace("  say main.greeting\n", with: "  say main.greeting if main.more is yes\n", in: "main.flow") }
        #expect(comparison.errors.first?.hasSuffix("; comparisons are =, !=, < and >") == true, "\(comparison.errors)")
        let typo = PromptFiles.edited { $0.replace("  say main.greeting\n", with: "  say main.greeting if main.mroe\n", in: "main.flow") }
        #expect(typo.errors == ["\(typo.place(of: "say main.greeting if main.mroe", in: "main.flow")): "
                                + "variable \"main.mroe\" is never asked or set (did you mean \"main.more\"?)"])
        let key = PromptFiles.edited { $0.replace("  say main.greeting\n", with: "  say main.greting if main.more\n", in: "main.flow") }
        #expect(key.errors == ["\(key.place(of: "say main.greting if main.more", in: "main.flow")): "
                               + "missing text \"main.greting\" in Prompts/en.messages (did you mean \"main.greeting\"?)"])
    }
}
