import HotelCalendar

/// The checks on the catalogs of the languages a hotel declares: every text in every
/// language, the same values in every translation of a text, and menus that line up.
extension FlowLinter {
    /// The catalogs of `hotel.languages`, in that order (the first is the reference).
    var declaredCatalogs: [MessageCatalog] {
        hotel.languages.compactMap { code in catalogs.first { $0.language == code } }
    }

    /// Every text is in every declared language. A key no catalog has is a typo, reported
    /// where a flow uses it, with a did-you-mean; a key another catalog has is a text not
    /// translated yet, reported in the catalog that lacks it, after the line it would follow.
    func checkTexts(known: [String: AnswerKind?]) -> [PromptDiagnostic] {
        var found: [PromptDiagnostic] = []
        var uses: [(key: String, location: SourceLocation)] = []
        for (_, node) in sourceNodes() {
            for text in [node.prompt, node.help].compactMap({ $0 }) + node.noMatch + node.noInput { uses.append((text.value, text.location)) }
            for choice in node.choices { uses.append((choice.value.label, choice.location)) }
            for statement in node.statements { if case .say(let key, _) = statement.value { uses.append((key, statement.location)) } }
        }
        let engineKeys = LanguagePack.requiredKeys(languageCount: hotel.languages.count)
        // What the line can say: a flow's texts, the engine's, and the optional ones it
        // speaks when a catalog gives them (a language's own way of writing a time).
        var spoken: [(key: String, location: SourceLocation?)] = uses.map { ($0.key, $0.location) }
        spoken += engineKeys.map { ($0, nil) }
        spoken += LanguagePack.optionalKeys.map { ($0, nil) }
        // The wallboard's labels are for staff, not said on the line: a hotel may leave them
        // out (the wallboard shows English), but once one declared catalog gives one, every
        // declared catalog must, so the board reads whole in each language.
        let staffKeys = Set(declaredCatalogs.flatMap { $0.keys.filter { $0.hasPrefix("wallboard.") } })
        spoken += staffKeys.sorted().map { ($0, nil) }
        // The texts of a line of several languages are in use even while it has one.
        let usedKeys = Set(spoken.map(\.key)).union(LanguagePack.multilingualKeys).union(LanguagePack.ownKeys)
        let languagesLine = hotel.textLocations["languages"] ?? SourceLocation(file: "\(directory)/hotel.conf", line: 1)
        for code in hotel.languages where !catalogs.contains(where: { $0.language == code }) {
            found.append(.error(languagesLine, "languages lists \"\(code)\", but there is no \(directory)/\(code).messages"))
        }
        let declared = declaredCatalogs
        for catalog in catalogs where !hotel.languages.contains(catalog.language) {
            found.append(.warning(SourceLocation(file: catalog.fileName, line: 1), "not used: add \"\(catalog.language)\" to languages in hotel.conf"))
        }
        for catalog in declared {
            var reported = Set<String>()
            for use in spoken where !catalog.has(use.key) && reported.insert(use.key).inserted {
                if let source = declared.first(where: { $0.has(use.key) }) {
                    found.append(.error(Self.insertionPoint(of: use.key, from: source, into: catalog),
                        "missing text \"\(use.key)\" (\(source.location(of: use.key)!) has it; it belongs after this line)"))
                } else if let location = use.location {
                    found.append(.error(location, "missing text \"\(use.key)\" in \(catalog.fileName)" + Spelling.hint(for: use.key, among: catalog.keys)))
                } else if engineKeys.contains(use.key) {
                    found.append(.error(SourceLocation(file: catalog.fileName, line: 1),
                        "missing text \"\(use.key)\": the line says it itself, so every language needs it" + Spelling.hint(for: use.key, among: catalog.keys)))
                }
            }
            // Only the texts with something to report are put in order (most have nothing).
            let toReport = catalog.texts.filter { key, text in
                !usedKeys.contains(key) || text.template.placeholders.contains { known[$0] == nil && !Self.builtinPlaceholders.contains($0) }
            }
            for (key, text) in toReport.sorted(by: { $0.key < $1.key }) {
                if !usedKeys.contains(key) {
                    found.append(.warning(text.location, "text \"\(key)\" is not used by any flow"))
                }
                for name in text.template.placeholders where known[name] == nil && !Self.builtinPlaceholders.contains(name) {
                    found.append(.error(text.location, "unknown placeholder {\(name)} in \"\(key)\""
                        + Spelling.hint(for: name, among: Set(known.keys).union(Self.builtinPlaceholders))))
                }
            }
        }
        return found
    }

    /// Where a text `key` that `source` has belongs in `catalog`: the line of the nearest key
    /// before it in `source` that `catalog` has too (line 1 when there is none).
    static func insertionPoint(of key: String, from source: MessageCatalog, into catalog: MessageCatalog) -> SourceLocation {
        let line = source.location(of: key)?.line ?? 0
        let before = source.keys.compactMap { other -> (line: Int, key: String)? in
            guard let at = source.location(of: other)?.line, at < line, catalog.has(other) else { return nil }
            return (at, other)
        }.max { $0.line < $1.line }
        return before.flatMap { catalog.location(of: $0.key) } ?? SourceLocation(file: catalog.fileName, line: 1)
    }

    /// A translation says the same values as the first language's text: a placeholder one
    /// leaves out or adds is a value a guest hears in one language and not in another.
    /// `format.` texts are exempt: they are how a language writes a value (a time with or
    /// without "上午"), not what the line tells.
    func checkPlaceholdersAgree() -> [PromptDiagnostic] {
        let declared = declaredCatalogs
        guard let reference = declared.first else { return [] }
        var found: [PromptDiagnostic] = []
        for catalog in declared.dropFirst() {
            for (key, text) in catalog.texts.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("format.") {
                guard let original = reference.texts[key] else { continue }
                let expected = Set(original.template.placeholders), written = Set(text.template.placeholders)
                var problems: [String] = []
                let missing = expected.subtracting(written).sorted(), extra = written.subtracting(expected).sorted()
                if !missing.isEmpty { problems.append("leaves out " + missing.map { "{\($0)}" }.joined(separator: ", ")) }
                if !extra.isEmpty { problems.append("adds " + extra.map { "{\($0)}" }.joined(separator: ", ")) }
                guard !problems.isEmpty else { continue }
                found.append(.error(text.location, "\"\(key)\" " + problems.joined(separator: " and ")
                    + ", unlike \(original.location): every language says the same values"))
            }
        }
        return found
    }

    /// Menus line up in a terminal in every language, wide characters counted as two
    /// columns: a menu item is one line; no row of a menu, the room table or the room
    /// choices holds a piece the line could only cut to lay it out (a word with no break
    /// wider than a row's room); a room row starts with its number and name; and the rows of a table (a
    /// read-back) start their values in one column.
    func checkMenusLineUp() -> [PromptDiagnostic] {
        var found: [PromptDiagnostic] = []
        let width = hotel.lineWidth
        // The line lays out any row to its width, breaking at spaces and around wide
        // characters; a piece with no break in it wider than the room a row's continuation
        // leaves (the line's width less its hanging indent) it can only cut.
        func tooWide(_ row: String) -> (piece: Int, room: Int)? {
            guard width > 0 else { return nil }
            let line = Substring(row)
            let room = width - min(TextLayout.hangingIndent(of: line), width / 2)
            // No piece is wider than the whole row, whose bytes bound its columns.
            if TextLayout.columnsAtMost(line.utf8) <= room { return nil }
            let widest = line.split(separator: " ").flatMap { TextLayout.units(of: $0) }.map { displayWidth(of: String($0)) }.max() ?? 0
            return widest > room ? (widest, room) : nil
        }
        if packs.count > 1 {
            for (pack, row) in zip(packs, LanguageScreen.rows(packs: packs, hotel: hotel)) {
                guard let location = pack.catalog.location(of: "language.choose") else { continue }
                if row.utf8.contains(UInt8(ascii: "\n")) {
                    found.append(.error(pack.catalog.location(of: "language.name") ?? location,
                        "the language screen's row for \(pack.code) takes two lines: write language.name and language.choose on one line each"))
                } else if let (piece, room) = tooWide(row) {
                    found.append(.error(location, "the language screen's row for \(pack.code) has \(piece) columns with nowhere to break them, more than the \(room) a row has at line-width \(width): the line would have to cut a word"))
                }
            }
        }
        for pack in packs {
            let catalog = pack.catalog
            let renderer = Renderer(variables: [:], hotel: hotel, pack: pack, today: CivilDate(year: 2000, month: 1, day: 1)!)
            var labelsSeen = Set<String>()
            for node in nodes where !node.choices.isEmpty {
                let rows = Conversation.menuLines(node.choices) { renderer.render($0) }.split(separator: "\n", omittingEmptySubsequences: false)
                for (choice, row) in zip(node.choices, rows) where labelsSeen.insert(choice.label).inserted {
                    guard let location = catalog.location(of: choice.label) else { continue }
                    let label = renderer.render(choice.label)
                    if label.utf8.contains(UInt8(ascii: "\n")) || label.hasPrefix(" ") {
                        found.append(.error(location, "\"\(choice.label)\" is a menu item in \(node.qualifiedName): write it on one line, with no leading space, or the menu would not line up"))
                    } else if let (piece, room) = tooWide(String(row)) {
                        found.append(.error(location, "\"\(choice.label)\" makes a row of the menu in \(node.qualifiedName) with \(piece) columns with nowhere to break them, more than the \(room) a row has at line-width \(width): the line would have to cut a word"))
                    }
                }
            }
            found += checkRoomRows(renderer: renderer, catalog: catalog, tooWide: tooWide)
            let misaligned = catalog.texts.compactMap { key, text in
                Self.mayHoldRows(text.template) ? Self.tableProblem(in: text.template.written).map { (key, text, $0) } : nil
            }
            for (key, text, problem) in misaligned.sorted(by: { $0.0 < $1.0 }) {
                found.append(.error(text.location, "\"\(key)\" does not line up: \(problem)"))
            }
        }
        return found
    }

    private func checkRoomRows(renderer: Renderer, catalog: MessageCatalog, tooWide: (String) -> (piece: Int, room: Int)?) -> [PromptDiagnostic] {
        var found: [PromptDiagnostic] = []
        for (key, number, name, rows) in [("format.room", "room.number", "room.name", renderer.roomRows()),
                                          ("format.room_choice", "choice.number", "choice.label", renderer.roomChoiceRows())] {
            guard let text = catalog.texts[key] else { continue }
            let segments = text.template.segments
            let startsInColumns = segments.count >= 3 && segments[0] == .placeholder(number) && segments[2] == .placeholder(name)
                && { if case .literal(let gap) = segments[1] { !gap.isEmpty && gap.allSatisfy { $0 == " " } } else { false } }()
            guard startsInColumns else {
                found.append(.error(text.location, "\"\(key)\" must start with {\(number)}, spaces and {\(name)}, so the names stand in one column"))
                continue
            }
            for (room, row) in zip(hotel.rooms, rows) {
                if let (piece, roomColumns) = tooWide(row) {
                    found.append(.error(text.location, "\"\(key)\" makes the row of room \"\(room.code)\" with \(piece) columns with nowhere to break them, more than the \(roomColumns) a row has at line-width \(hotel.lineWidth): the line would have to cut a word"))
                }
            }
        }
        return found
    }

    /// Why the rows of a table in `text` do not line up, or nil. A row is an indented line
    /// with a label, two spaces or more, then its value (`  Check-in:   {booking.checkin}`);
    /// consecutive rows of one indent are a table, and each starts its value in the same
    /// column, counted in display width.
    /// False when no line of `template` as written starts with a space, so it has no row
    /// for `tableProblem` to look at: its text starts with no space, and no literal holds a
    /// line break followed by a space (a placeholder is written starting with a brace).
    static func mayHoldRows(_ template: MessageTemplate) -> Bool {
        template.segments.enumerated().contains { index, segment in
            guard case .literal(let text) = segment else { return false }
            var previous: UInt8 = index == 0 ? 0x0A : 0
            return text.utf8.contains { byte in defer { previous = byte }; return byte == 0x20 && previous == 0x0A }
        }
    }

    static func tableProblem(in text: String) -> String? {
        // Only an indented line can be a row: most texts have none, found in one pass over bytes.
        var previous: UInt8 = 0x0A
        guard text.utf8.contains(where: { byte in defer { previous = byte }; return byte == 0x20 && previous == 0x0A }) else { return nil }
        var table: [(label: String, column: Int)] = []
        var indent: Int?
        func finish() -> String? {
            defer { table.removeAll() }
            guard table.count >= 2, Set(table.map(\.column)).count > 1 else { return nil }
            let wide = table.contains { displayWidth(of: $0.label) != $0.label.count }
            return "its rows start their values at columns " + table.map { "\($0.column + 1) (\($0.label))" }.joined(separator: ", ")
                + (wide ? "; East Asian characters take two columns each" : "")
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let leading = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(leading)
            guard leading > 0, let gap = rest.firstRange(of: "  "), !rest[..<gap.lowerBound].isEmpty, !rest[..<gap.lowerBound].utf8.contains(UInt8(ascii: "{")) else {
                if let problem = finish() { return problem }
                indent = nil
                continue
            }
            let label = String(rest[..<gap.lowerBound])
            let spaces = rest[gap.lowerBound...].prefix { $0 == " " }.count
            if indent != leading, let problem = finish() { return problem }
            indent = leading
            table.append((label, leading + displayWidth(of: label) + spaces))
        }
        return finish()
    }

    /// A catalog's own words for menu choices (`words.LABEL`): each names one choice of
    /// each menu that shows the label, a word that is also a command is a warning (the
    /// command wins), and words for a label no menu shows are never heard.
    func checkMenuWords() -> [PromptDiagnostic] {
        var found: [PromptDiagnostic] = []
        let labels = Set(nodes.flatMap { $0.choices.map(\.label) })
        let answerWords: Set<String> = ["words.skip", "words.language", "words.yes", "words.no", "words.today", "words.tomorrow"]
        for pack in packs {
            let catalog = pack.catalog
            for (key, list) in catalog.wordLists.sorted(by: { $0.key < $1.key })
            where key.hasPrefix("words.") && !answerWords.contains(key) && !labels.contains(String(key.dropFirst("words.".count))) {
                found.append(.warning(list.location, "\"\(key)\" gives words for a menu item \"\(key.dropFirst("words.".count))\", but no menu shows it"
                    + Spelling.hint(for: String(key.dropFirst("words.".count)), among: labels)))
            }
            let renderer = Renderer(variables: [:], hotel: hotel, pack: pack, today: CivilDate(year: 2000, month: 1, day: 1)!)
            var reported = Set<String>()
            for node in nodes where !node.choices.isEmpty {
                let menuWords = MenuWords.words(of: node.choices, in: catalog)
                var names: [String: Int] = [:]
                for (number, choice) in node.choices.enumerated() {
                    for word in [choice.number] + choice.aliases + [TypedAnswer(renderer.render(choice.label)).folded] where names[word] == nil {
                        names[word] = number
                    }
                }
                for (number, choice) in node.choices.enumerated() {
                    guard let location = catalog.wordLists["words." + choice.label]?.location else { continue }
                    for word in menuWords[number] {
                        if let other = names[word], other != number, reported.insert("\(key(node, word))").inserted {
                            found.append(.error(location, "\"\(word)\" names two choices of \(node.qualifiedName): \(node.choices[other].number) (\(node.choices[other].label)) and \(choice.number) (\(choice.label))"))
                        }
                        names[word] = names[word] ?? number
                        if let command = pack.command(for: word), !leadsWhere(command, goes: choice.target), reported.insert("command " + key(node, word)).inserted {
                            found.append(.warning(location, "\"\(word)\" is also the \(command.rawValue) command in \(catalog.fileName); the command wins"))
                        }
                    }
                }
            }
        }
        return found
    }

    private func key(_ node: ScriptNode, _ word: String) -> String { node.qualifiedName + " " + word }
}
