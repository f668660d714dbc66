import Synchronization
import HotelCalendar

/// The prompt files of `Prompts/` compiled into one immutable set the conversations run: what every layer calls "the prompts".
///
/// A session keeps the `PromptSet` it started with, so a reload (SIGHUP) changes only calls
/// that start afterwards. Compiling succeeds only when the linter finds no errors, so a
/// running conversation never meets an unknown node, a missing text or an unhandled result.
public final class PromptSet: Sendable {
    public let nodes: [ScriptNode]
    public let hotel: HotelProfile
    /// One pack per language of `hotel.languages`, in that order.
    public let languages: [LanguagePack]
    /// A short hash of every source file, recorded in transcripts.
    public let version: String
    /// Warnings found while compiling (errors prevent a `PromptSet` from existing).
    public let warnings: [PromptDiagnostic]
    let indexByName: [String: Int]
    let startNode: Int
    let mainMenuNode: Int
    let agentNode: Int
    /// Where a guest goes when the queue gives up on them (`agent.none`: a callback offer).
    let agentFallbackNode: Int
    /// The node where guests wait on hold for a person, if the flows have one.
    let holdNode: Int?
    /// Node index → each one-word menu alias → the choices it names, to find a choice's word
    /// in an answer with one lookup per word of the answer.
    let choiceWords: [ByteKeyedTable<[Int]>]
    /// What a call of several languages starts with: a row per language, its number, its own
    /// name and its own line, laid out; nil for a line of one language.
    let languageScreen: String?
    /// A language's own words, folded (`español`, `繁體中文`, `english`) → the languages
    /// they name: one to switch to it, or several ("中文") to show the screen.
    let languageWords: ByteKeyedTable<[Int]>
    /// Nodes whose menu offers languages as its choices: a language's name there is an answer.
    let languageMenus: Set<Int>

    init(nodes: [ScriptNode], hotel: HotelProfile, languages: [LanguagePack], version: String,
         warnings: [PromptDiagnostic], indexByName: [String: Int]) {
        self.nodes = nodes
        self.hotel = hotel
        self.languages = languages.map { pack in
            LanguagePack(pack) { ConstantTexts(pack: pack, hotel: hotel, nodes: nodes) }
        }
        self.version = version
        self.warnings = warnings
        self.indexByName = indexByName
        self.startNode = indexByName["main.start"]!
        self.mainMenuNode = indexByName["main.menu"]!
        self.agentNode = indexByName["agent.start"]!
        self.agentFallbackNode = indexByName["agent.none"]!
        self.holdNode = nodes.firstIndex { $0.isHold }
        let packs = self.languages
        self.languageScreen = packs.count > 1
            ? TextLayout.laidOut(LanguageScreen.rows(packs: packs, hotel: hotel).joined(separator: "\n"), width: hotel.lineWidth) : nil
        var named: [String: [Int]] = [:]
        if packs.count > 1 {
            for (index, pack) in packs.enumerated() {
                let name = pack.text("language.name").render { _ in nil }
                for word in ((pack.catalog.words("words.language") ?? []) + [name]).map({ TypedAnswer($0).folded }) where named[word]?.contains(index) != true {
                    named[word, default: []].append(index)
                }
            }
        }
        self.languageWords = ByteKeyedTable(named)
        // A menu whose choices are languages (the language of a callback) takes a language's
        // name as an answer, even one that fits none of its choices exactly ("中文").
        self.languageMenus = Set(nodes.indices.filter { index in
            nodes[index].choices.contains { choice in choice.aliases.contains { named[$0] != nil } }
        })
        self.choiceWords = nodes.map { node in
            var words: [String: [Int]] = [:]
            for (index, choice) in node.choices.enumerated() {
                for alias in choice.wordAliases where words[alias]?.last != index { words[alias, default: []].append(index) }
            }
            return ByteKeyedTable(words)
        }
    }

    /// The node called `flow.node`, if there is one.
    public func node(named name: String) -> Int? { indexByName[name] }

    public func language(_ code: String) -> LanguagePack? { languages.first { $0.code == code } }

    /// The label key of the menu choice that stores `value` into `variable` (a complaint's
    /// category word back to the text that names it).
    func label(ofChoice value: String, into variable: String) -> String? {
        for node in nodes where node.into == variable {
            if let choice = node.choices.first(where: { ($0.aliases.first ?? $0.number) == value }) { return choice.label }
        }
        return nil
    }

    /// A text outside any conversation (the busy message), in `language` or the hotel's
    /// first language, with the hotel's facts filled in, laid out to the line width as
    /// every text the line says.
    /// `width`, when given, lays it out for a caller's window instead.
    public func text(_ key: String, language code: String? = nil, width: Int? = nil, today: CivilDate) -> String {
        let pack = code.flatMap(language) ?? languages[0]
        return TextLayout.laidOut(Renderer(variables: [:], hotel: hotel, pack: pack, today: today).render(key), width: width ?? hotel.lineWidth)
    }

    /// A text for staff (the wallboard's `wallboard.…` labels) in `language`, as written,
    /// with no layout and no values; nil when that language's catalog does not give it.
    public func staffText(_ key: String, language code: String) -> String? {
        guard let pack = language(code), let template = pack.catalog.text(key) else { return nil }
        return template.render { _ in nil }
    }

    /// Compiles the files of a prompt directory; the diagnostics hold every error and
    /// warning found, and the set is nil when there is any error.
    public static func compile(_ sources: [PromptSource]) -> (PromptSet?, [PromptDiagnostic]) {
        FlowCompiler.compile(sources)
    }

    /// `compile`, or the set one of the last few calls here made from the same sources.
    /// For files read from a directory: loading them again unchanged (a `SIGHUP` with
    /// nothing edited, another service in the same process) costs a comparison. Calls here
    /// compile one at a time.
    public static func compileOrReuse(_ sources: [PromptSource]) -> (PromptSet?, [PromptDiagnostic]) {
        // Compiled under the lock: loads that start together (services starting side by
        // side) wait for the first one's set instead of each compiling their own.
        recentlyCompiled.withLock { kept in
            if let earlier = kept.first(where: { $0.sources == sources }) { return earlier.result }
            let result = FlowCompiler.compile(sources)
            kept.insert((sources, result), at: 0)
            if kept.count > 4 { kept.removeLast() }
            return result
        }
    }

    /// The last few sets `compileOrReuse` made, and from what. Compiling is the costly part
    /// of loading (every language's constant texts are laid out), and a set is immutable, so
    /// it can be handed out again; files changed in any byte compile anew.
    private static let recentlyCompiled = Mutex<[(sources: [PromptSource], result: (PromptSet?, [PromptDiagnostic]))]>([])
}

/// One prompt file's name (as the operator should see it, e.g. `Prompts/booking.flow`) and text.
public struct PromptSource: Equatable, Sendable {
    public var fileName: String
    public var text: String

    public init(fileName: String, text: String) {
        self.fileName = fileName
        self.text = text
    }
}

/// A node with its targets resolved to indexes into `PromptSet.nodes`.
public struct ScriptNode: Sendable {
    public let flow: String
    public let name: String
    public let location: SourceLocation
    let steps: [ScriptStep]
    let prompt: String?
    let help: String?
    let noMatch: [String]
    let noInput: [String]
    let into: String?
    let choices: [ScriptChoice]
    /// On hold for a person: wrong answers do not escalate and silence is not timed out.
    let isHold: Bool

    public var qualifiedName: String { "\(flow).\(name)" }
    /// The question the node waits on, if it asks one.
    var question: Question? {
        for step in steps { if case .ask(let question) = step { return question } }
        return nil
    }
}

struct ScriptChoice: Sendable {
    let number: String
    let aliases: [String]
    let target: Int
    let label: String
    /// The aliases of one word, looked for among the answer's words, and those of several
    /// (`call back`), looked for inside the answer: sorted once, not at every answer.
    let wordAliases: [String]
    let phraseAliases: [String]

    init(number: String, aliases: [String], target: Int, label: String) {
        self.number = number
        self.aliases = aliases
        self.target = target
        self.label = label
        wordAliases = aliases.filter { !$0.utf8.contains(UInt8(ascii: " ")) }
        phraseAliases = aliases.filter { $0.utf8.contains(UInt8(ascii: " ")) }
    }
}

enum ScriptStep: Sendable {
    /// A text, said only when its condition holds (always without one).
    case say(String, when: Condition?)
    case set(String, Literal)
    case clear(String)
    case branch(Condition, Int)
    /// Indirect: a question is several times the size of any other step, and steps are
    /// copied as the conversation walks them.
    indirect case ask(Question)
    /// Wait for a menu choice; always the last step of a node with choices.
    case menu
    case perform(ActionKind, [String: Int])
    case goto(Int)
    case end
}

extension ScriptStep {
    var question: Question? { if case .ask(let question) = self { question } else { nil } }
}
