/// What a word or phrase of an answer means, whatever the language.
enum Meaning: Hashable, Sendable {
    case now
    /// today (0), tomorrow (1), the day after (2).
    case relativeDay(Int)
    case next
    /// A weekday of the week after this one (Monday to Sunday): 下 in 下星期五.
    case nextWeek
    /// A weekday of this week, past or not: 這 in 這週五.
    case thisWeek
    case month(Int)
    case weekday(Int)
    case yes
    case no
    case number(Int)
    case monthMarker
    case dayMarker
    case yearMarker
    case am
    case pm
    case noon
    case nights
    case days
    case ordinal
    case hourMarker
    case minuteMarker
    case halfHour
    case scaleMarker
    case filler
}

/// One meaningful piece of an answer: what the grammar of each parser reads.
enum AnswerPiece: Equatable, Sendable {
    /// A number in digits (`digitCount` > 0) or in words (`digitCount` 0).
    case number(Int, digitCount: Int)
    /// Digit groups joined by one separator: `["2026", "12", "24"]` and `-`.
    case compound([String], separator: Character)
    case sign(Character)
    case word(Meaning)
    /// A word the language's vocabulary does not know.
    case unknown
}

/// A language's words compiled for lookup: phrases by their first word, and the words of
/// space-less scripts for cutting a run of text into words.
///
/// Built once per `AnswerWords`, so each answer costs one pass over its tokens.
struct Lexicon: Sendable {
    private struct Entry: Sendable {
        /// The phrase's words after the first.
        let rest: [String]
        let meaning: Meaning
    }

    /// Digit runs longer than this are no date, time or count: read as unknown.
    private static let longestNumber = 9

    private var entries: [String: [Entry]] = [:]
    private var wideWords: Set<String> = []
    private var longestWideWord = 1
    private(set) var clashes: [String] = []

    mutating func add(_ phrases: [String], as meaning: Meaning) {
        for phrase in phrases {
            add(phrase, as: meaning)
        }
    }

    private mutating func add(_ phrase: String, as meaning: Meaning) {
        var words: [String] = []
        for token in AnswerText.tokens(of: AnswerText.normalized(phrase)) {
            // Vocabulary is words; digits in a phrase could never be matched as a word.
            guard case .word(let word, let wide) = token else { return }
            words.append(word)
            if wide {
                wideWords.insert(word)
                longestWideWord = max(longestWideWord, word.count)
            }
        }
        guard let first = words.first else { return }
        let rest = Array(words.dropFirst())
        if let known = entries[first]?.first(where: { $0.rest == rest }) {
            if known.meaning != meaning { clashes.append(phrase) }
            return
        }
        entries[first, default: []].append(Entry(rest: rest, meaning: meaning))
        // Longest phrase first, so "day after tomorrow" wins over "day".
        entries[first]?.sort { $0.rest.count > $1.rest.count }
    }

    /// The meaningful pieces of `text`, fillers dropped.
    func pieces(of text: String) -> [AnswerPiece] {
        guard text.utf8.count <= AnswerText.maximumLength else { return [.unknown] }
        var tokens = AnswerText.tokens(of: AnswerText.normalized(text))
        if tokens.contains(where: { if case .word(_, wide: true) = $0 { true } else { false } }) {
            tokens = tokens.flatMap(segmented)  // only a wide run is cut: others would be copied as they are
        }
        var pieces: [AnswerPiece] = []
        pieces.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            switch tokens[index] {
            case .digits(let digits):
                pieces.append(digits.count <= Lexicon.longestNumber
                    ? .number(Int(digits)!, digitCount: digits.count) : .unknown)
                index += 1
            case .compound(let parts, let separator):
                pieces.append(.compound(parts, separator: separator))
                index += 1
            case .sign(let sign):
                pieces.append(.sign(sign))
                index += 1
            case .word(let word, _):
                guard let (meaning, length) = match(word, at: index, in: tokens) else {
                    pieces.append(.unknown)
                    index += 1
                    continue
                }
                switch meaning {
                case .filler: break
                case .number(let value): pieces.append(.number(value, digitCount: 0))
                default: pieces.append(.word(meaning))
                }
                index += length
            }
        }
        return pieces
    }

    /// The longest phrase starting at `index`, and how many tokens it spans.
    private func match(_ word: String, at index: Int, in tokens: [AnswerToken]) -> (Meaning, Int)? {
        guard let candidates = entries[word] else { return nil }
        for entry in candidates where index + entry.rest.count < tokens.count {
            let following = tokens[(index + 1)...].prefix(entry.rest.count)
            let matches = zip(following, entry.rest).allSatisfy { token, expected in
                if case .word(let word, _) = token { return word == expected }
                return false
            }
            if matches { return (entry.meaning, entry.rest.count + 1) }
        }
        return nil
    }

    /// A wide (CJK) run cut into known words by longest match; other tokens unchanged.
    /// Characters no word covers become one-character words.
    private func segmented(_ token: AnswerToken) -> [AnswerToken] {
        guard case .word(let run, true) = token else { return [token] }
        let characters = Array(run)
        var words: [AnswerToken] = []
        var start = 0
        while start < characters.count {
            var length = min(longestWideWord, characters.count - start)
            while length > 1, !wideWords.contains(String(characters[start..<(start + length)])) {
                length -= 1
            }
            words.append(.word(String(characters[start..<(start + length)]), wide: true))
            start += length
        }
        return words
    }
}
