import Testing
import TestSupport
@testable import Dialogue

/// The byte-level fast paths of reading an answer must read it exactly as the character
/// by character way does.
@Suite("Answer fast paths")
struct AnswerFastPathTests {
    static let pieces = ["1", "book", "Book", "a room", " ", "  ", "\t", ".", "!", "。", "！", "call me", "call back", "-", "'", "é",
                         "É", "豪华", "ß", "İ", "x", "0", "menu", "I'd", "\r"]

    @Test(arguments: [0xa45_0001, 0xa45_0002] as [UInt64])
    func foldingAndWordsAsBefore(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for round in 0..<FuzzBudget.rounds(1500) {
            var text = ""
            for _ in 0..<Int.random(in: 0...6, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            let fast = TypedAnswer(text), slow = TypedAnswer(folding: text)
            #expect(fast.original == slow.original && fast.folded == slow.folded, "seed \(seed) round \(round): \(text.debugDescription)")
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            #expect(Conversation.asciiWords(text) == text.split { !$0.isLetter && !$0.isNumber }.map(String.init), "\(text.debugDescription)")
            for part in ["call me", "a room", "o", "", "book a room", " "] {
                #expect(Conversation.asciiText(text, contains: part) == text.contains(part), "\(text.debugDescription) ∋ \(part.debugDescription)")
            }
        }
    }
}

/// Finding a menu choice in an answer, by indexes made at compile time, against the way it
/// was done at every answer before.
@Suite("Menu choices in answers")
struct ChoiceMatchingTests {
    /// The rule, written plainly: a choice's number, word or label typed alone; else the one
    /// choice whose words the answer holds (a word among its words, a phrase or a word of a
    /// script without spaces inside it), a word inside a longer one of another choice not counting.
    static func reference(_ answer: TypedAnswer, _ node: ScriptNode, _ conversation: Conversation) -> Int? {
        let text = answer.folded
        let catalogWords = node.choices.map { (conversation.pack.catalog.words("words." + $0.label) ?? []).map { TypedAnswer($0).folded } }
        if let exact = node.choices.indices.first(where: { index in
            let choice = node.choices[index]
            return choice.number == text || choice.aliases.contains(text) || catalogWords[index].contains(text)
                || TypedAnswer(conversation.render(choice.label)).folded == text
        }) {
            return exact
        }
        // A phrase ("my booking") in the answer picks its choice over any word; two choices'
        // phrases, none.
        let phrased = node.choices.indices.filter { index in node.choices[index].aliases.contains { $0.contains(" ") && text.contains($0) } }
        if !phrased.isEmpty { return phrased.count == 1 ? phrased[0] : nil }
        let words = Set(text.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        var matches: [(index: Int, alias: String)] = []
        for index in node.choices.indices {
            // A flow's alias is a word unless it has a space; a catalog's, unless it has
            // anything but letters and digits or is written without spaces (Chinese).
            for alias in node.choices[index].aliases where alias.contains(" ") ? text.contains(alias) : words.contains(alias) {
                matches.append((index, alias))
            }
            for alias in catalogWords[index] {
                let isWord = alias.allSatisfy { $0.isLetter || $0.isNumber } && !alias.unicodeScalars.contains(where: TerminalWidth.isWide)
                if isWord ? words.contains(alias) : text.contains(alias) { matches.append((index, alias)) }
            }
        }
        let kept = matches.filter { match in
            !matches.contains { $0.index != match.index && $0.alias.count > match.alias.count && $0.alias.contains(match.alias) }
        }
        let spotted = Set(kept.map(\.index))
        return spotted.count == 1 ? spotted.first : nil
    }

    @Test(arguments: [0xc401_0001, 0xc401_0002] as [UInt64])
    func everyMenuFindsTheSameChoiceAsBefore(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let prompts = ShippedPrompts.prompts
        let conversation = Call().conversation
        let menus = prompts.nodes.indices.filter { !prompts.nodes[$0].choices.isEmpty }
        // Labels too, as typed in full, to reach the exact-text table.
        let words = Set(menus.flatMap { prompts.nodes[$0].choices.flatMap { $0.aliases + [$0.number, conversation.render($0.label)] } }).sorted()
            + ["please", "I'd", "like", "a", "the", "Book!", "call", "me", "back", "預訂", "  ", "9", "room.", "my", "booking", "cancel"]
        for round in 0..<FuzzBudget.rounds(1500) {
            let node = menus.randomElement(using: &random)!
            let text = (0..<Int.random(in: 1...4, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            let answer = TypedAnswer(text)
            let found = conversation.matchChoice(answer, at: node).map { choice in prompts.nodes[node].choices.firstIndex { $0.number == choice.number }! }
            #expect(found == Self.reference(answer, prompts.nodes[node], conversation), "seed \(seed) round \(round): \(text) at \(prompts.nodes[node].qualifiedName)")
        }
    }
}
