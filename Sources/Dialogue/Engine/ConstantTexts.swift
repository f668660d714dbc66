import HotelCalendar

/// What every conversation in one language says the same way, made once when the prompts
/// are compiled: texts whose only placeholders are the hotel's own facts (a room table, the
/// greeting, a menu) or a question's own limits (a refusal's "from 1 to 5"), rendered and
/// laid out for the terminal, so a prompt said a million times is built once, not a million times.
///
/// Promises: each entry is exactly what rendering (and `TextLayout.wrap`) would make in
/// any conversation, because nothing in it can differ between conversations: a text with
/// a placeholder a flow assigns, or that names the day, is left out and rendered as before.
struct ConstantTexts: Sendable {
    /// Catalog key → the text rendered.
    private(set) var rendered = ByteKeyedTable<String>.empty
    /// Catalog key → the text rendered and laid out, as a `say` speaks it.
    private(set) var spoken = ByteKeyedTable<String>.empty
    /// Node index → what the node asks while waiting (`currentPrompt`), laid out; nil
    /// where its prompt or a menu label depends on the conversation.
    private(set) var prompts: [String?] = []
    /// Node index → its choices' labels rendered in lower case (nil where a label depends on
    /// the conversation), to match a typed label.
    private(set) var choiceLabels: [[String?]] = []
    /// Node index → each text that names one of its choices outright (its number, an alias,
    /// its label in lower case) → the first choice it names; nil where a label depends on
    /// the conversation. One lookup instead of comparing the answer with every one of them.
    private(set) var exactChoices: [ByteKeyedTable<Int>?] = []
    /// Node index → the words this language's catalog gives its choices (`words.LABEL`).
    private(set) var menus: [MenuWords] = []
    /// Node index → step index → each refusal of the question asked there that says its own
    /// limits (`Question.limitRefusalKeys`) → that text rendered with `Question.limitDetails`
    /// and laid out; nil where the step asks no such question. A text with a placeholder the
    /// conversation fills (a variable, the day) is left out and rendered at the refusal.
    private(set) var refusals: [[ByteKeyedTable<String>?]] = []

    static let empty = ConstantTexts()

    /// The placeholders `Renderer` fills from the hotel profile alone.
    static let hotelFacts: Set<String> = [
        "hotel.name", "hotel.greeting", "hotel.cancellation", "hotel.checkin", "hotel.checkout", "hotel.callback_hours",
        "hotel.max_rooms", "hotel.max_nights", "hotel.rooms", "hotel.room_choices",
    ]

    private init() {}

    /// True when `extras` cannot change a constant text: its only placeholders are hotel
    /// facts, so values for other names fill nothing in it (a refusal's limits, passed
    /// whether or not its text names them).
    static func leftAlone(by extras: [String: String]) -> Bool {
        extras.isEmpty || !extras.keys.contains { $0.hasPrefix("hotel.") }
    }

    init(pack: LanguagePack, hotel: HotelProfile, nodes: [ScriptNode]) {
        // A flow may assign any name, even hotel.name: a conversation's value wins then.
        var assigned: Set<String> = []
        for node in nodes {
            if let into = node.into { assigned.insert(into) }
            for step in node.steps {
                switch step {
                case .ask(let question): assigned.insert(question.variable)
                case .set(let variable, _), .clear(let variable): assigned.insert(variable)
                case .say, .branch, .menu, .perform, .goto, .end: continue
                }
            }
        }
        let renderer = Renderer(variables: [:], hotel: hotel, pack: pack, today: CivilDate(year: 2000, month: 1, day: 1)!)
        var rendered: [String: String] = [:], spoken: [String: String] = [:]
        for (key, text) in pack.catalog.texts
        where text.template.placeholders.allSatisfy({ Self.hotelFacts.contains($0) && !assigned.contains($0) }) {
            let value = renderer.render(text.template)
            rendered[key] = value
            spoken[key] = TextLayout.laidOut(value, width: hotel.lineWidth)
        }
        choiceLabels = nodes.map { node in node.choices.map { rendered[$0.label].map { TypedAnswer($0).folded } } }
        menus = nodes.map { MenuWords(choices: $0.choices, catalog: pack.catalog) }
        exactChoices = zip(nodes.indices, choiceLabels).map { [menus] index, labels in
            guard labels.allSatisfy({ $0 != nil }) else { return nil }
            var first: [String: Int] = [:]
            for (number, choice) in nodes[index].choices.enumerated() {
                for text in [choice.number] + choice.aliases + [labels[number]!] + menus[index].byChoice[number] where first[text] == nil {
                    first[text] = number
                }
            }
            return ByteKeyedTable(first)
        }
        prompts = nodes.map { node in
            guard node.prompt.map({ rendered[$0] != nil }) ?? true, node.choices.allSatisfy({ rendered[$0.label] != nil }) else { return nil }
            let prompt = node.prompt.map { rendered[$0]! } ?? ""
            let text = node.choices.isEmpty ? prompt : prompt + "\n" + Conversation.menuLines(node.choices) { rendered[$0]! }
            return TextLayout.laidOut(text, width: hotel.lineWidth)
        }
        refusals = nodes.map { node in
            node.steps.map { step in
                guard let question = step.question, !question.limitRefusalKeys.isEmpty else { return nil }
                let details = question.limitDetails(in: hotel)
                var texts: [String: String] = [:]
                for key in question.limitRefusalKeys where pack.text(key).placeholders.allSatisfy({ name in
                    details[name] != nil || (Self.hotelFacts.contains(name) && !assigned.contains(name))
                }) {
                    texts[key] = TextLayout.laidOut(renderer.render(key, details), width: hotel.lineWidth)
                }
                return ByteKeyedTable(texts)
            }
        }
        self.rendered = ByteKeyedTable(rendered)
        self.spoken = ByteKeyedTable(spoken)
    }

    /// The text refusing an answer with `key` (one of `Question.limitRefusalKeys`) at the
    /// question asked by `step` of `node`, as made at compile time; nil when it is not constant.
    func refusal(_ key: String, node: Int, step: Int) -> String? {
        guard refusals.indices.contains(node), refusals[node].indices.contains(step) else { return nil }
        return refusals[node][step]?[key]
    }
}

/// The words one language's catalog gives a node's choices (`words.main.menu.booking =
/// 预订, 订房`), besides the flow's own: a guest picks a choice by typing one of them, or
/// by an answer that holds one ("我想订房").
struct MenuWords: Sendable {
    /// A word, or a phrase found inside an answer, and the choice it names.
    struct Phrase: Sendable {
        let text: String
        let number: Int
    }

    /// Choice → its words, folded as answers are.
    let byChoice: [[String]]
    /// Words looked for among an answer's words (one word of letters and digits).
    let words: ByteKeyedTable<[Int]>
    /// Words looked for inside the answer: phrases of several words, and words of scripts
    /// written without spaces (Chinese), which an answer holds without a break around them.
    let phrases: [Phrase]

    init(choices: [ScriptChoice], catalog: MessageCatalog) {
        byChoice = choices.map { choice in (catalog.words("words." + choice.label) ?? []).map { TypedAnswer($0).folded } }
        var words: [String: [Int]] = [:]
        var phrases: [Phrase] = []
        for (number, list) in byChoice.enumerated() {
            for word in list where !word.isEmpty {
                let isOneWord = word.allSatisfy { $0.isLetter || $0.isNumber } && !word.unicodeScalars.contains(where: TerminalWidth.isWide)
                if isOneWord {
                    if words[word]?.last != number { words[word, default: []].append(number) }
                } else {
                    phrases.append(Phrase(text: word, number: number))
                }
            }
        }
        self.words = ByteKeyedTable(words)
        self.phrases = phrases
    }
}