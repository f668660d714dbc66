import TestSupport
import Testing
@testable import Dialogue

@Suite("Conversation fuzz")
struct ConversationFuzzTests {
    /// Rerun one walk by putting its seed here; each seed makes calls until its steps are used.
    static let seeds = FuzzBudget.seeds(30)
    static let stepsPerSeed = 300

    /// Walks calls for every seed; returns the nodes visited, or nil after a problem.
    static func walk(_ prompts: PromptSet, seeds: some Sequence<UInt64>, bracesAreProblems: Bool = true) -> Set<String>? {
        var visited: Set<String> = []
        for seed in seeds {
            var steps = 0
            var call: UInt64 = 0
            while steps < stepsPerSeed {
                var caller = FuzzCaller(prompts: prompts, seed: seed << 16 | call, bracesAreProblems: bracesAreProblems)
                caller.walk(steps: stepsPerSeed - steps)
                if let problem = caller.problem {
                    Issue.record("\(problem)")
                    return nil
                }
                steps += caller.steps
                visited.formUnion(caller.visited)
                call += 1
            }
        }
        return visited
    }

    @Test func randomGuestsNeverBreakTheCall() {
        guard let visited = Self.walk(ShippedPrompts.prompts, seeds: Self.seeds) else { return }
        let waiting = ShippedPrompts.prompts.nodes.filter { node in node.question != nil || !node.choices.isEmpty }.map(\.qualifiedName)
        let missed = Set(waiting).subtracting(visited)
        #expect(missed.isEmpty, "the walks never reached \(missed.sorted())")
    }

    @Test func randomGuestsNeverBreakABilingualCall() {
        _ = Self.walk(LanguageChoiceTests.bilingual, seeds: Self.seeds.prefix(FuzzBudget.rounds(5)))
    }
}
