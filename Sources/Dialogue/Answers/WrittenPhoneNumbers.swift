extension PhoneNumber {
    /// Where phone numbers are written among `words` (a text split at its spaces): runs of
    /// words made of digits and `+-.()/`, the last perhaps ending in a sentence's `,;:!?.`,
    /// with seven digits or more in all, as "+44 20 7946 0958" or "(555) 123-4567." are
    /// written. A date (`24/12/2026`, `2026-12-24`) is no part of one.
    ///
    /// For whatever must hide numbers inside free text: the transcript redactor and the
    /// agent console.
    public static func writtenRuns(in words: [String]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < words.count {
            var end = start
            var digits = 0
            while end < words.count, isWrittenPiece(words[end]) {
                digits += words[end].reduce(0) { $0 + ($1.isNumber ? 1 : 0) }
                end += 1
            }
            if digits >= 7 { runs.append(start..<end) }
            start = max(end, start + 1)
        }
        return runs
    }

    /// The punctuation of a sentence after a number, which is not part of it.
    public static func sentenceTail(of word: String) -> Substring {
        word[word.index(word.endIndex, offsetBy: -word.reversed().prefix { ",;:!?.".contains($0) }.count)...]
    }

    private static func isWrittenPiece(_ word: String) -> Bool {
        let core = word.dropLast(sentenceTail(of: word).count)
        guard core.contains(where: \.isNumber), core.allSatisfy({ $0.isNumber || "+-.()/".contains($0) }) else { return false }
        let groups = core.split(whereSeparator: { "/-.".contains($0) }).map(\.count)
        let isDate = groups.count == 3 && core.allSatisfy({ $0.isNumber || "/-.".contains($0) })
            && (groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4) || groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2)
        return !isDate
    }
}
