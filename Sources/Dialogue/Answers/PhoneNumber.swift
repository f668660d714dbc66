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
    static func parse(_ text: String) -> Result<PhoneNumber, AnswerProblem> {
        var digits = ""
        var international = false
        var sawLetter = false
        var sawStray = false
        for character in AnswerText.folded(text) {
            if AnswerText.isDigit(character) {
                digits.append(character)
            } else if character == "+" {
                // Only one, and only in front of every digit.
                sawStray = sawStray || international || !digits.isEmpty
                international = true
            } else if character.isLetter {
                sawLetter = true
            } else if !(character.isWhitespace || "-.()/".contains(character)) {
                sawStray = true
            }
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
}
