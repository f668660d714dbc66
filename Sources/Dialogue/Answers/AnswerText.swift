/// One lexical unit of a guest's answer, before any word is looked up.
enum AnswerToken: Equatable, Sendable {
    /// A run of ASCII digits, kept as text so leading zeros and length survive ("09", "26").
    case digits(String)
    /// Digit runs joined by one separator with no space: `2026-12-24`, `10:30`, `4/5`.
    case compound([String], separator: Character)
    /// A `+` or `-` written straight before digits: `-3`.
    case sign(Character)
    /// A run of letters. `wide` runs (CJK) are written without spaces between words, so
    /// the lexicon cuts them into words itself.
    case word(String, wide: Bool)
}

/// Turns what a guest typed into tokens, the same way for every language.
///
/// Normalising first makes every parser tolerant of the same things: letter case,
/// fullwidth digits and punctuation from CJK input methods (`１２：３０`), typographic
/// apostrophes, and ordinary punctuation that is not between two digits (trailing `.`,
/// `!`, `。`, commas), which simply separates words.
enum AnswerText {
    /// Answers longer than this are not dates, times or numbers; they are rejected before
    /// any work, which bounds the cost of a pasted wall of text.
    static let maximumLength = 512

    /// Punctuation that only separates words (and ends sentences) when not joining digits.
    private static let separators: Set<Character> = [
        ".", ",", "!", "?", ";", ":", "'", "\"", "(", ")", "¡", "¿", "-", "/", "+", "…",
    ]

    /// Characters that join digit runs into one compound token.
    private static let joiners: Set<Character> = ["-", "/", ".", ":"]

    /// `folded(text)`, lowercased: the form every word-based parser reads.
    static func normalized(_ text: String) -> String {
        folded(text).lowercased()
    }

    /// `text` with fullwidth forms folded to ASCII, ideographic punctuation and spaces
    /// mapped to their ASCII counterparts, emoji variations dropped; case kept (an email's local part needs it).
    static func folded(_ text: String) -> String {
        asciiFolded(text) ?? scalarFolded(text)
    }

    /// `folded` scalar by scalar, whatever the text.
    static func scalarFolded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0xFF01...0xFF5E:
                // Fullwidth ASCII block: same order as ASCII, offset by 0xFEE0.
                scalars.append(Unicode.Scalar(value - 0xFEE0)!)
            case 0x3000, 0x00A0, 0x09...0x0D:
                scalars.append(" ")
            case 0x2018, 0x2019, 0x02BC:
                scalars.append("'")
            case 0x3002, 0xFF61:
                scalars.append(".")
            case 0x3001, 0xFF64:
                scalars.append(",")
            case 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF:
                // Variation selectors and skin tones change how a symbol looks, never
                // what it says: 👍🏽 is 👍.
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The tokens of an already normalised text.
    static func tokens(of text: String) -> [AnswerToken] {
        asciiTokens(of: text) ?? characterTokens(of: text)
    }

    /// `tokens` character by character, whatever the text.
    static func characterTokens(of text: String) -> [AnswerToken] {
        let characters = Array(text)
        var tokens: [AnswerToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if isDigit(character) {
                tokens.append(readNumber(characters, &index))
            } else if character == "+" || character == "-",
                      index + 1 < characters.count, isDigit(characters[index + 1]) {
                // A digit right before would have made this a joiner inside a compound,
                // so here the sign really starts a number.
                tokens.append(.sign(character))
                index += 1
            } else if character.isLetter {
                tokens.append(readWord(characters, &index))
            } else if character.isWhitespace || separators.contains(character) {
                index += 1
            } else {
                // Any other symbol is a word of its own: unknown unless a language lists
                // it ("👍"), so "24 & 25 dec" is refused rather than read as one day.
                tokens.append(.word(String(character), wide: false))
                index += 1
            }
        }
        return tokens
    }

    static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9")
    }

    private static func readNumber(_ characters: [Character], _ index: inout Int) -> AnswerToken {
        let start = index
        var parts = [readDigits(characters, &index)]
        var separators: [Character] = []
        while index + 1 < characters.count, joiners.contains(characters[index]),
              isDigit(characters[index + 1]) {
            separators.append(characters[index])
            index += 1
            parts.append(readDigits(characters, &index))
        }
        guard let separator = separators.first else { return .digits(parts[0]) }
        guard separators.allSatisfy({ $0 == separator }) else {
            // `2026-12/24` is no known form; a word the lexicon will not know says so.
            return .word(String(characters[start..<index]), wide: false)
        }
        return .compound(parts, separator: separator)
    }

    private static func readDigits(_ characters: [Character], _ index: inout Int) -> String {
        var digits = ""
        while index < characters.count, isDigit(characters[index]) {
            digits.append(characters[index])
            index += 1
        }
        return digits
    }

    private static func readWord(_ characters: [Character], _ index: inout Int) -> AnswerToken {
        let wide = isWide(characters[index])
        var word = ""
        while index < characters.count {
            let character = characters[index]
            if character.isLetter, isWide(character) == wide {
                word.append(character)
                index += 1
            } else if !wide, character == "'", index + 1 < characters.count,
                      characters[index + 1].isLetter, !isWide(characters[index + 1]) {
                // An apostrophe inside a word ("that's", "o'clock") belongs to it.
                word.append(character)
                index += 1
            } else {
                break
            }
        }
        return .word(word, wide: wide)
    }

    private static func isWide(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return TerminalWidth.isWide(first)
    }
}
