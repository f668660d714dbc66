/// Reads the `key = value` files (message catalogs and the hotel profile).
///
/// Shape: `# comment` lines; `[section words]` headers; `key = value` entries; a line whose
/// first non-blank character is `|` continues the previous value on a new line, so a long
/// text stays readable in the file. A `#` after other text is part of the value.
struct SettingsReader {
    struct Entry: Sendable {
        var key: String
        var value: String
        var location: SourceLocation
    }

    struct Section: Sendable {
        /// The words of the `[header]`, empty for entries before any header.
        var header: [String]
        var location: SourceLocation
        private(set) var entries: [Entry] = []
        /// Each key's place in `entries`: a catalog of hundreds of texts is checked for
        /// repeated keys in one pass, not one scan of the section per key.
        private var indexByKey: [String: Int] = [:]

        init(header: [String], location: SourceLocation) {
            self.header = header
            self.location = location
        }

        func entry(_ key: String) -> Entry? { indexByKey[key].map { entries[$0] } }

        mutating func append(_ entry: Entry) {
            indexByKey[entry.key] = entries.count
            entries.append(entry)
        }

        /// Continues the last entry's value on a new line; false when there is none.
        mutating func continueLastValue(with text: Substring) -> Bool {
            guard !entries.isEmpty else { return false }
            entries[entries.count - 1].value += "\n" + text
            return true
        }
    }

    static func read(_ text: String, fileName: String) -> ([Section], [PromptDiagnostic]) {
        var sections = [Section(header: [], location: SourceLocation(file: fileName, line: 0))]
        var (lines, diagnostics) = PromptLines.split(text, fileName: fileName)
        var lineNumber = 0
        for rawLine in lines {
            lineNumber += 1
            let location = SourceLocation(file: fileName, line: lineNumber)
            let line = rawLine.trimmingSpaces()
            if line.isEmpty || line.startsWith(ascii: "#") { continue }
            if line.startsWith(ascii: "|") {
                var rest = line.dropFirst()
                if rest.startsWith(ascii: " ") { rest = rest.dropFirst() }
                if !sections[sections.count - 1].continueLastValue(with: rest.trimmingTrailingSpaces()) {
                    diagnostics.append(.error(location, "a \"|\" line continues the text above it, but there is none"))
                }
                continue
            }
            if line.startsWith(ascii: "[") {
                guard line.hasSuffix("]") else {
                    diagnostics.append(.error(location, "a section header ends with \"]\""))
                    continue
                }
                let words = line.dropFirst().dropLast().split(separator: " ").map(String.init)
                guard !words.isEmpty else {
                    diagnostics.append(.error(location, "empty section header \"[]\""))
                    continue
                }
                sections.append(Section(header: words, location: location))
                continue
            }
            guard let equals = line.firstEquals() else {
                diagnostics.append(.error(location, "expected \"key = value\", got \"\(line.prefix(40))\""))
                continue
            }
            let key = line[..<equals].trimmingSpaces()
            let value = line[line.utf8.index(after: equals)...].trimmingSpaces()
            guard !key.isEmpty, !key.utf8.contains(UInt8(ascii: " ")) else {
                diagnostics.append(.error(location, "\"\(key)\" is not a key: keys have no spaces"))
                continue
            }
            if let earlier = sections[sections.count - 1].entry(String(key)) {
                diagnostics.append(.error(location, "\"\(key)\" is given twice (first on line \(earlier.location.line))"))
                continue
            }
            sections[sections.count - 1].append(Entry(key: String(key), value: String(value), location: location))
        }
        return (sections, diagnostics)
    }
}

extension Substring {
    /// `hasPrefix` of the one-character string `mark` (ASCII), read from the first bytes
    /// where they settle it (`CharacterBytes`): a prompt file's every line asks it a few times.
    func startsWith(ascii mark: Unicode.Scalar) -> Bool {
        let bytes = utf8
        guard let first = bytes.first, first == UInt8(ascii: mark) else { return false }
        let after = bytes.index(after: bytes.startIndex)
        if after == bytes.endIndex || CharacterBytes.startsCharacter(bytes[after...]) { return true }
        return hasPrefix(String(mark))
    }

    /// `trimmingSpaces()` for a line of a prompt file, in bytes where that finds the same
    /// characters: spaces, tabs and CRs are one byte each, and are characters of their own
    /// unless a mark outside ASCII joins them (then the characters are found, as before).
    func trimmingSpaces() -> Substring {
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, Self.isSpace(bytes[start]) { start = bytes.index(after: start) }
        if start != bytes.startIndex, start < end, bytes[start] == 0x0A || !CharacterBytes.startsCharacter(bytes[start...]) {
            return trimmingSpaceCharacters()
        }
        while end > start, Self.isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        if end != bytes.endIndex, end > start, bytes[bytes.index(before: end)] >= 0x80 { return trimmingSpaceCharacters() }
        return self[start..<end]
    }

    /// The first `=` of the line, found as a byte when it stands between ASCII bytes (so it
    /// is a character of its own), else as a character.
    func firstEquals() -> Index? {
        let bytes = utf8
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let after = bytes.index(after: equals)
        if (equals == bytes.startIndex || bytes[bytes.index(before: equals)] < 0x80) && (after == bytes.endIndex || CharacterBytes.startsCharacter(bytes[after...])) {
            return equals
        }
        return firstIndex(of: "=")
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence { trimmingSpaceCharacters() }

    /// Spaces, tabs and CRs trimmed from both ends, found as characters.
    fileprivate func trimmingSpaceCharacters() -> SubSequence {
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" || self[start] == "\r" { start = index(after: start) }
        while end > start {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" || self[before] == "\r" else { break }
            end = before
        }
        return self[start..<end]
    }

    func trimmingTrailingSpaces() -> SubSequence {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" || self[before] == "\r" else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}
