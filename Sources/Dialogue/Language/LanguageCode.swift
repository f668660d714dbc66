/// Language tags as the prompts write them: BCP 47 (`en`, `es`, `zh-Hant`, `zh-Hans`,
/// `es-MX`), in its conventional case (language lower, script title, region upper).
///
/// One tag names a language everywhere: `languages` in hotel.conf, the catalog's file name
/// (`zh-Hant.messages`), a translated setting (`name[zh-Hant]`), a transcript's header, a
/// record's `language`. Only the shape is checked, not a registry: a hotel may ship any
/// language it writes a catalog for.
public enum LanguageCode {
    /// True for `language[-Script][-REGION]`: 2–3 letters, then an optional 4-letter script,
    /// then an optional 2-letter or 3-digit region, in the conventional case.
    public static func isValid(_ tag: String) -> Bool {
        subtags(of: tag) != nil && canonical(tag) == tag
    }

    /// `tag` in the conventional case (`ZH-hant` → `zh-Hant`, `es-mx` → `es-MX`), or as it
    /// is when it is no tag of that shape.
    public static func canonical(_ tag: String) -> String {
        guard let parts = subtags(of: tag) else { return tag }
        return parts.enumerated().map { index, part in
            if index == 0 { return part.lowercased() }
            if part.count == 4 { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            return part.uppercased()
        }.joined(separator: "-")
    }

    /// The language subtag: `zh` for `zh-Hant`.
    public static func language(of tag: String) -> String {
        String(tag.prefix { $0 != "-" }).lowercased()
    }

    /// The script a tag names or implies for Chinese: `Hant` for `zh-Hant`, `zh-TW` and
    /// `zh-HK`; `Hans` for `zh`, `zh-Hans` and `zh-CN`; nil for other languages.
    static func chineseScript(of tag: String) -> String? {
        guard language(of: tag) == "zh" else { return nil }
        let rest = (subtags(of: tag) ?? []).dropFirst().map { $0.lowercased() }
        if rest.contains("hant") || rest.contains("tw") || rest.contains("hk") || rest.contains("mo") { return "Hant" }
        return "Hans"
    }

    /// The subtags of a tag of the accepted shape, in their case as written; nil otherwise.
    private static func subtags(of tag: String) -> [Substring]? {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }) else { return nil }
        guard (2...3).contains(parts[0].count), parts[0].allSatisfy(\.isLetter) else { return nil }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.allSatisfy(\.isLetter) { rest = rest.dropFirst() }
        if let region = rest.first {
            let isRegion = (region.count == 2 && region.allSatisfy(\.isLetter)) || (region.count == 3 && region.allSatisfy(\.isNumber))
            guard isRegion else { return nil }
            rest = rest.dropFirst()
        }
        return rest.isEmpty ? parts : nil
    }
}
