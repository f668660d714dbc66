import HotelCalendar
import Synchronization

/// What every conversation in one language says the same way, made once when the prompts
/// are compiled: texts whose only placeholders are the hotel's own facts (a room table, the
/// greeting, a menu) or a question's own limits (a refusal's "from 1 to 5"), rendered and
/// laid out for the terminal, so a prompt said a million times is built once, not a million times.
///
/// Promises: each entry is exactly what rendering (and `TextLayout.wrap`) would make in
/// any conversation, because nothing in it can differ between conversations: a text with
/// a placeholder a flow assigns, or that names the day, is left out and rendered as before.
/// Laid out once per width, the first time a conversation of that width needs them
/// (`laidOut(width:)`): the hotel's line width at the first call in the language, a guest's
/// narrower window at theirs. A compile lays nothing out: a process that only checks the
/// prompts, or serves one language, never lays out the others.
struct ConstantTexts: Sendable {
    /// Catalog key → the text rendered.
    private(set) var rendered = ByteKeyedTable<String>.empty
    /// The hotel's line width: what a conversation is laid out to unless the guest's window is narrower.
    private(set) var lineWidth = 0
    /// Catalog key → the text rendered, for `spoken` at other widths: the keys of `spoken`.
    private var spokenKeys: [String] = []
    /// Node index → what the node asks while waiting (`currentPrompt`), not laid out; nil
    /// where its prompt or a menu label depends on the conversation.
    private var promptTexts: [String?] = []
    /// `refusals`, not laid out.
    private var refusalTexts: [[ByteKeyedTable<String>?]] = []
    /// The texts laid out for other widths, made once per width.
    private let widths = WidthCache()
    /// Node index → its choices' labels rendered in lower case (nil where a label depends on
    /// the conversation), to match a typed label.
    private(set) var choiceLabels: [[String?]] = []
    /// Node index → each text that names one of its choices outright (its number, an alias,
    /// its label in lower case) → the first choice it names; nil where a label depends on
    /// the conversation. One lookup instead of comparing the answer with every one of them.
    private(set) var exactChoices: [ByteKeyedTable<Int>?] = []
    /// Node index → the words this language's catalog gives its choices (`words.LABEL`).
    private(set) var menus: [MenuWords] = []

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
        var rendered: [String: String] = [:]
        for (key, text) in pack.catalog.texts
        where text.template.placeholders.allSatisfy({ Self.hotelFacts.contains($0) && !assigned.contains($0) }) {
            rendered[key] = renderer.render(text.template)
        }
        spokenKeys = rendered.keys.sorted()
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
        promptTexts = nodes.map { node in
            guard node.prompt.map({ rendered[$0] != nil }) ?? true, node.choices.allSatisfy({ rendered[$0.label] != nil }) else { return nil }
            let prompt = node.prompt.map { rendered[$0]! } ?? ""
            return node.choices.isEmpty ? prompt : prompt + "\n" + Conversation.menuLines(node.choices) { rendered[$0]! }
        }
        refusalTexts = nodes.map { node in
            node.steps.map { step in
                guard let question = step.question, !question.limitRefusalKeys.isEmpty else { return nil }
                let details = question.limitDetails(in: hotel)
                var texts: [String: String] = [:]
                for key in question.limitRefusalKeys where pack.text(key).placeholders.allSatisfy({ name in
                    details[name] != nil || (Self.hotelFacts.contains(name) && !assigned.contains(name))
                }) {
                    texts[key] = renderer.render(key, details)
                }
                return ByteKeyedTable(texts)
            }
        }
        self.rendered = ByteKeyedTable(rendered)
        lineWidth = hotel.lineWidth
    }

    /// The texts laid out for the hotel's line width.
    var laidOut: LaidOutTexts { laidOut(width: lineWidth) }

    /// The texts laid out for `width` columns, made once for each width and kept (at most
    /// `WidthCache.limit` widths; past that, made for each caller). Looked up once per
    /// conversation, never per line.
    func laidOut(width: Int) -> LaidOutTexts {
        widths.texts(for: width) { layOut(width: width) }
    }

    private func layOut(width: Int) -> LaidOutTexts {
        var spoken: [String: String] = [:]
        for key in spokenKeys { spoken[key] = TextLayout.laidOut(rendered[key]!, width: width) }
        return LaidOutTexts(
            width: width, spoken: ByteKeyedTable(spoken),
            prompts: promptTexts.map { $0.map { TextLayout.laidOut($0, width: width) } },
            refusals: refusalTexts.map { steps in
                steps.map { table in table.map { ByteKeyedTable($0.dictionary.mapValues { TextLayout.laidOut($0, width: width) }) } }
            })
    }

}

/// What `ConstantTexts` holds laid out for one width: made once per width and shared by
/// every conversation laid out to it (a class: a conversation keeps one reference).
final class LaidOutTexts: Sendable {
    /// The columns these texts are laid out to (0: as they are).
    let width: Int
    /// Catalog key → the text rendered and laid out, as a `say` speaks it.
    let spoken: ByteKeyedTable<String>
    /// Node index → what the node asks while waiting (`currentPrompt`), laid out; nil
    /// where its prompt or a menu label depends on the conversation.
    let prompts: [String?]
    /// Node index → step index → each refusal of the question asked there that says its own
    /// limits (`Question.limitRefusalKeys`) → that text rendered with `Question.limitDetails`
    /// and laid out; nil where the step asks no such question. A text with a placeholder the
    /// conversation fills (a variable, the day) is left out and rendered at the refusal.
    let refusals: [[ByteKeyedTable<String>?]]

    static let empty = LaidOutTexts(width: 0, spoken: .empty, prompts: [], refusals: [])

    init(width: Int, spoken: ByteKeyedTable<String>, prompts: [String?], refusals: [[ByteKeyedTable<String>?]]) {
        self.width = width
        self.spoken = spoken
        self.prompts = prompts
        self.refusals = refusals
    }

    /// The text refusing an answer with `key` (one of `Question.limitRefusalKeys`) at the
    /// question asked by `step` of `node`, as made for this width; nil when it is not constant.
    func refusal(_ key: String, node: Int, step: Int) -> String? {
        guard refusals.indices.contains(node), refusals[node].indices.contains(step) else { return nil }
        return refusals[node][step]?[key]
    }
}

/// The laid-out texts of one language for the widths guests have had (the hotel's line width
/// first), shared by every conversation (and so every thread a replay runs on): looked up
/// when a conversation starts or its window or language changes, never per line.
final class WidthCache: Sendable {
    /// Widths kept at most: a window is between the minimum and the hotel's width, so a
    /// handful in practice; a hotel with a very wide line does not keep a copy for each.
    static let limit = 64
    private let made = Mutex<[Int: LaidOutTexts]>([:])

    /// The texts for `width`, made by `make` the first time (outside the lock: two threads
    /// may both make them once; the first kept wins).
    func texts(for width: Int, make: () -> LaidOutTexts) -> LaidOutTexts {
        if let kept = made.withLock({ $0[width] }) { return kept }
        let fresh = make()
        return made.withLock { kept in
            if let earlier = kept[width] { return earlier }
            if kept.count < Self.limit { kept[width] = fresh }
            return fresh
        }
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

    /// Choice → the words `catalog` gives it, folded as answers are.
    static func words(of choices: [ScriptChoice], in catalog: MessageCatalog) -> [[String]] {
        choices.map { choice in (catalog.words("words." + choice.label) ?? []).map { TypedAnswer($0).folded } }
    }

    init(choices: [ScriptChoice], catalog: MessageCatalog) {
        byChoice = Self.words(of: choices, in: catalog)
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
