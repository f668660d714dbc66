/// A guest's phone number in one normalised form: an optional leading `+`, then 7 to 15
/// digits (the E.164 maximum), nothing else.
///
/// One form means a repeat caller is recognised whether they typed `(555) 010-4477` or
/// `555.010.4477`, and `0044 20…` is the same number as `+44 20…`. The number is
/// confidential: show `masked` wherever the full number is not needed.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// `+442079460958` or `5550104477`.
    public let normalized: String

    static let digitRange = 7...15

    /// Rebuilds a number from its normalised form (as stored); nil for any other form.
    public init?(normalized: String) {
        let digits = normalized.hasPrefix("+") ? normalized.dropFirst() : normalized[...]
        guard PhoneNumber.digitRange.contains(digits.count), digits.allSatisfy(AnswerText.isDigit)
        else { return nil }
        self.normalized = normalized
    }

    /// The digits without the `+`.
    public var digits: String {
        String(normalized.hasPrefix("+") ? normalized.dropFirst() : normalized[...])
    }

    /// The last four digits, the part a guest recognises and an agent may read out.
    public var lastFour: String { String(normalized.suffix(4)) }

    /// `******4567`: always six stars, so the mask does not give away the length.
    /// ASCII, so every terminal shows it.
    public var masked: String { "******" + lastFour }

    public var description: String { normalized }

    /// Reads a typed number: digits with spaces, dashes, dots, slashes or parentheses
    /// between them, a leading `+` or `00` for the international prefix, fullwidth
    /// digits folded. Letters are reported before other symbols, then the length.
    ///
    /// An ASCII text is read byte by byte (`byCharacter` false), where a character is a byte
    /// (a CR became a space when folded), a letter is A-Z or a-z and white space a space:
    /// the same marks as the character way, which a differential test checks.
    static func parse(_ text: String, byCharacter: Bool = false) -> Result<PhoneNumber, AnswerProblem> {
        var digits = ""
        var international = false
        var sawLetter = false
        var sawStray = false
        func read(_ mark: Mark) {
            switch mark {
            case .digit(let digit): digits.unicodeScalars.append(digit)
            case .plus:
                // Only one, and only in front of every digit.
                sawStray = sawStray || international || !digits.isEmpty
                international = true
            case .letter: sawLetter = true
            case .spacer: break
            case .stray: sawStray = true
            }
        }
        var folded = AnswerText.folded(text)
        // "+44 (0)20 7946 0958": the bracketed 0 is the trunk prefix, dialled only from
        // inside the country, so an international number drops it.
        if folded.utf8.contains(UInt8(ascii: "(")), folded.contains("(0)") {
            let start = folded.drop { $0 == " " || $0 == "(" }
            if start.hasPrefix("+") || start.hasPrefix("00") { folded = folded.replacing("(0)", with: " ") }
        }
        if !byCharacter, folded.isASCII {
            for byte in folded.utf8 { read(Mark(ascii: byte)) }
        } else {
            for character in folded { read(Mark(character)) }
        }
        if sawLetter { return .failure(.phoneHasLetters) }
        if sawStray { return .failure(.phoneMalformed) }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        guard digits.count >= digitRange.lowerBound else { return .failure(.phoneTooShort(digits: digits.count)) }
        guard digits.count <= digitRange.upperBound else { return .failure(.phoneTooLong(digits: digits.count)) }
        return .success(PhoneNumber(normalized: (international ? "+" : "") + digits)!)
    }

    /// What one character of a typed number is to `parse`.
    private enum Mark {
        case digit(Unicode.Scalar)
        case plus
        case letter
        /// Space, `-`, `.`, `(`, `)`, `/`: allowed between digits, ignored.
        case spacer
        case stray

        init(_ character: Character) {
            if AnswerText.isDigit(character) {
                self = .digit(character.unicodeScalars.first!)
            } else if character == "+" {
                self = .plus
            } else if character.isLetter {
                self = .letter
            } else if character.isWhitespace || "-.()/".contains(character) {
                self = .spacer
            } else {
                self = .stray
            }
        }

        init(ascii byte: UInt8) {
            switch byte {
            case 0x30...0x39: self = .digit(Unicode.Scalar(byte))
            case UInt8(ascii: "+"): self = .plus
            case 0x41...0x5A, 0x61...0x7A: self = .letter
            case 0x09...0x0D, 0x20, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"): self = .spacer
            default: self = .stray
            }
        }
    }
}
