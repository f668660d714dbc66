/// Every text of one language, keyed: `Prompts/en.messages`, `Prompts/zh-Hant.messages`, ….
///
/// Flows name texts by key only, so adding a language is adding a catalog and touches no
/// flow logic. Keys under `words.`, `command.` and `names.` are comma-separated lists (answers,
/// global commands, month names); every other key is a `MessageTemplate`.
public struct MessageCatalog: Sendable {
    /// One text and the line it was written on.
    public struct Text: Sendable {
        public var template: MessageTemplate
        public var location: SourceLocation
    }

    /// The language code, from the file name (`en.messages` → `en`).
    public let language: String
    public let fileName: String
    public private(set) var texts: [String: Text] = [:]
    public private(set) var wordLists: [String: Located<[String]>] = [:]

    static let listPrefixes = ["words.", "command.", "names."]

    public static func parse(_ source: String, fileName: String, language: String) -> (MessageCatalog, [PromptDiagnostic]) {
        var catalog = MessageCatalog(language: language, fileName: fileName)
        var (sections, diagnostics) = SettingsReader.read(source, fileName: fileName)
        for section in sections {
            if !section.header.isEmpty {
                diagnostics.append(.error(section.location, "message files have no [sections]; write \"key = text\" lines"))
                continue
            }
            for entry in section.entries {
                guard FlowParser.isPlaceholderName(entry.key) else {
                    diagnostics.append(.error(entry.location, "\"\(entry.key)\" is not a text key: write words joined by dots"))
                    continue
                }
                if listPrefixes.contains(where: entry.key.hasPrefix) {
                    // What a guest types is matched folded to lower case; names are spoken as written.
                    let keepCase = entry.key.hasPrefix("names.")
                    let words = entry.value.split(separator: ",").map { String($0.trimmingSpaces()) }
                        .map { keepCase ? $0 : $0.lowercased() }.filter { !$0.isEmpty }
                    catalog.wordLists[entry.key] = Located(value: words, location: entry.location)
                    continue
                }
                do {
                    let template = try MessageTemplate(parsing: entry.value)
                    catalog.texts[entry.key] = Text(template: template, location: entry.location)
                } catch {
                    diagnostics.append(.error(entry.location, "\(entry.key): \(error)"))
                }
            }
        }
        return (catalog, diagnostics)
    }

    private init(language: String, fileName: String) {
        self.language = language
        self.fileName = fileName
    }

    public func text(_ key: String) -> MessageTemplate? { texts[key]?.template }

    public func words(_ key: String) -> [String]? { wordLists[key]?.value }

    /// Every key this catalog defines, texts and word lists alike.
    public var keys: Set<String> { Set(texts.keys).union(wordLists.keys) }

    /// True when the catalog defines `key`, as a text or a word list.
    public func has(_ key: String) -> Bool { texts[key] != nil || wordLists[key] != nil }

    /// Where `key` is written, text or word list.
    public func location(of key: String) -> SourceLocation? { texts[key]?.location ?? wordLists[key]?.location }
}
