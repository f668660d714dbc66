/// The commands a guest can type at any question, whatever the flow.
public enum GlobalCommand: String, Sendable, CaseIterable {
    case help
    case `repeat`
    case back
    case menu
    case agent
    case quit

    var catalogKey: String { "command.\(rawValue)" }
}

/// Everything one language needs at run time: its texts, the words its guests answer with,
/// its global command words and the names used to speak dates.
///
/// A class: it is immutable and shared by every conversation in its language, and passing it
/// around (a conversation's language, a renderer) costs one reference, not a copy of its
/// dozens of collections.
public final class LanguagePack: Sendable {
    public let code: String
    public let catalog: MessageCatalog
    public let words: AnswerWords
    let commands: ByteKeyedTable<GlobalCommand>
    let skipWords: Set<String>
    /// January … December and Monday … Sunday, as spoken.
    let monthNames: [String]
    let weekdayNames: [String]
    /// Its texts that are the same in every conversation, made once (given by `PromptSet`).
    let constants: ConstantTexts

    init(catalog: MessageCatalog, dateOrder: DateOrder) {
        self.code = catalog.language
        self.catalog = catalog
        self.words = AnswerWords.builtIn(for: catalog.language).adjusted(
            yes: catalog.words("words.yes"), no: catalog.words("words.no"), today: catalog.words("words.today"),
            tomorrow: catalog.words("words.tomorrow"), dateOrder: dateOrder)
        var commands: [String: GlobalCommand] = [:]
        for command in GlobalCommand.allCases {
            for word in catalog.words(command.catalogKey) ?? [] where commands[word] == nil {
                commands[word] = command
            }
        }
        self.commands = ByteKeyedTable(commands)
        self.skipWords = Set(catalog.words("words.skip") ?? [])
        self.monthNames = catalog.words("names.months") ?? []
        self.weekdayNames = catalog.words("names.weekdays") ?? []
        self.constants = .empty
    }

    /// `pack` with its constant texts for a compiled flow set.
    init(_ pack: LanguagePack, constants: ConstantTexts) {
        self.code = pack.code
        self.catalog = pack.catalog
        self.words = pack.words
        self.commands = pack.commands
        self.skipWords = pack.skipWords
        self.monthNames = pack.monthNames
        self.weekdayNames = pack.weekdayNames
        self.constants = constants
    }

    /// The text for `key`; compiling guarantees every key a flow uses exists.
    func text(_ key: String) -> MessageTemplate {
        catalog.text(key) ?? MessageTemplate(segments: [.literal("[\(key)]")])
    }

    /// The global command a whole answer spells, if any (`help`, `0`, `main menu`).
    func command(for normalizedAnswer: String) -> GlobalCommand? { commands[normalizedAnswer] }

    /// Keys every language must define, because the engine speaks them itself.
    static let requiredKeys: [String] = [
        "language.name", "language.choose",
        "global.help", "global.back.none", "global.noinput", "global.noinput.goodbye",
        "global.offer_person", "global.offer_person.declined", "global.goodbye",
        "global.error", "global.closing", "global.busy",
        "line.too_long", "line.unreadable", "line.control",
        "invalid.choice", "invalid.yesno", "invalid.number", "invalid.number.range",
        "invalid.date", "invalid.date.no_such_day", "invalid.date.past", "invalid.date.too_far",
        "invalid.date.not_after", "invalid.date.too_long", "invalid.date.weekday",
        "invalid.moment", "invalid.moment.no_time", "invalid.moment.past", "invalid.moment.hours", "invalid.moment.too_far",
        "invalid.phone", "invalid.phone.letters", "invalid.phone.short", "invalid.phone.long",
        "invalid.email", "invalid.rating", "invalid.text.empty", "invalid.text.long",
        "invalid.name", "invalid.name.yesno", "invalid.name.long", "invalid.code", "invalid.room", "invalid.reference", "invalid.file",
        "format.date", "format.moment", "format.window", "format.money", "format.room", "format.room_choice",
        "format.yes", "format.no", "format.wait", "format.wait.unknown",
        "agent.joined", "agent.said", "agent.left", "agent.goodbye", "agent.lost", "agent.position",
        "agent.gave_up.no_one", "agent.gave_up.too_long",
        "ticket.status.open", "ticket.status.investigating", "ticket.status.resolved", "ticket.status.closed",
        "command.help", "command.repeat", "command.back", "command.menu", "command.agent", "command.quit",
        "words.skip", "names.months", "names.weekdays",
    ]
}
