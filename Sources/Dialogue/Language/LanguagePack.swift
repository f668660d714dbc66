import HotelCalendar
import Synchronization

/// The commands a guest can type at any question, whatever the flow.
public enum GlobalCommand: String, Sendable, CaseIterable {
    case help
    case `repeat`
    case back
    case menu
    case agent
    case quit
    /// The language screen, to go on in another language (a hotel of several languages).
    case language

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
    /// The parts of the day a time is said with (`names.day_periods`): before 6:00, the
    /// morning, noon (12:00–12:59), the afternoon (from 13:00), the evening (from 18:00).
    let dayPeriodNames: [String]
    /// Between the items of a list said in a sentence: `format.list_separator` (、 in
    /// Chinese), or ", ".
    let listSeparator: String
    /// Its texts that are the same in every conversation, made the first time a conversation
    /// speaks the language (a compile makes none: `check`, `export`, `report`, and a line
    /// whose callers all speak one language, never make the others'). Read when a
    /// conversation starts or changes language, which keeps them: never per line.
    var constants: ConstantTexts { constantTexts.texts }
    /// `constants`, as the one reference a conversation keeps.
    var constantTexts: MadeConstantTexts { constantsSource?.made ?? .empty }
    private let constantsSource: LazyConstantTexts?

    init(catalog: MessageCatalog, dateOrder: DateOrder) {
        self.code = catalog.language
        self.catalog = catalog
        self.words = AnswerWords.builtIn(for: catalog.language).adjusted(
            yes: catalog.words("words.yes"), no: catalog.words("words.no"), today: catalog.words("words.today"),
            tomorrow: catalog.words("words.tomorrow"), dateOrder: dateOrder)
        var commands: [String: GlobalCommand] = [:]
        for command in GlobalCommand.allCases {
            for word in (catalog.words(command.catalogKey) ?? []).map({ TypedAnswer($0).folded }) where commands[word] == nil {
                commands[word] = command
            }
        }
        self.commands = ByteKeyedTable(commands)
        self.skipWords = Set(catalog.words("words.skip") ?? [])
        self.monthNames = catalog.words("names.months") ?? []
        self.weekdayNames = catalog.words("names.weekdays") ?? []
        self.dayPeriodNames = catalog.words("names.day_periods") ?? []
        self.listSeparator = catalog.text("format.list_separator")?.constantText ?? ", "
        self.constantsSource = nil
    }

    /// `pack` with the constant texts of a compiled flow set, made by `constants` when first read.
    init(_ pack: LanguagePack, constants: @escaping @Sendable () -> ConstantTexts) {
        self.code = pack.code
        self.catalog = pack.catalog
        self.words = pack.words
        self.commands = pack.commands
        self.skipWords = pack.skipWords
        self.monthNames = pack.monthNames
        self.weekdayNames = pack.weekdayNames
        self.dayPeriodNames = pack.dayPeriodNames
        self.listSeparator = pack.listSeparator
        self.constantsSource = LazyConstantTexts(make: constants)
    }

    /// The name of the part of the day `time` falls in, or "" when the catalog names none.
    func dayPeriodName(at time: TimeOfDay) -> String {
        let index = switch time.hour {
        case 0..<6: 0
        case 6..<12: 1
        case 12: 2
        case 13..<18: 3
        default: 4
        }
        return dayPeriodNames.indices.contains(index) ? dayPeriodNames[index] : ""
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
        "global.error", "global.closing", "global.busy", "global.too_fast",
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
        "agent.joined", "agent.said", "agent.answered", "agent.resumed", "agent.left", "agent.goodbye", "agent.lost", "agent.position",
        "agent.gave_up.no_one", "agent.gave_up.too_long", "agent.no_one_at_desk",
        "command.help", "command.repeat", "command.back", "command.menu", "command.agent", "command.quit",
        "words.skip", "names.months", "names.weekdays",
    ] + ComplaintStage.allCases.map(\.textKey)

    /// Keys every language needs when the hotel declares more than one: the language
    /// screen and switching between languages.
    static let multilingualKeys: [String] = [
        "language.switched", "language.on_file", "language.switch_back", "command.language", "words.language",
    ]

    /// The keys every catalog must define for a hotel of `languageCount` languages.
    static func requiredKeys(languageCount: Int) -> [String] {
        languageCount > 1 ? requiredKeys + multilingualKeys : requiredKeys
    }

    /// Keys the engine speaks when a catalog gives them, and does without otherwise; once
    /// one declared catalog gives one, every declared catalog must.
    static let optionalKeys: [String] = ["format.time", "format.hours", "names.day_periods"]

    /// Keys a catalog may give for itself alone, with a default for every other language.
    static let ownKeys: [String] = ["format.list_separator", "global.help.language"]
}

/// A language's `ConstantTexts`, made once, by the first thread that reads them (another
/// reading at the same moment waits for them rather than making them twice).
final class LazyConstantTexts: Sendable {
    private let make: @Sendable () -> ConstantTexts
    private let kept = Mutex<MadeConstantTexts?>(nil)

    init(make: @escaping @Sendable () -> ConstantTexts) {
        self.make = make
    }

    var made: MadeConstantTexts {
        kept.withLock { kept in
            if let kept { return kept }
            let made = MadeConstantTexts(texts: make())
            kept = made
            return made
        }
    }
}

/// `ConstantTexts` once made: immutable, read without a lock by every conversation that
/// keeps a reference to it.
final class MadeConstantTexts: Sendable {
    let texts: ConstantTexts

    static let empty = MadeConstantTexts(texts: .empty)

    init(texts: ConstantTexts) {
        self.texts = texts
    }
}

