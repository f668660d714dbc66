/// `AnswerText` for an ASCII answer, read as bytes: nearly every answer is ASCII, and
/// walking its characters (each a grapheme cluster, asked whether it is a letter) cost
/// more than everything else in reading a date or a yes.
///
/// Promises: the same result as the character-by-character way for every ASCII text.
/// There a character is a byte, except CR LF (one character), so a text with a CR is left
/// to the character way; an ASCII letter is A-Z or a-z, white space is TAB to CR and space,
/// and no ASCII character is wide.
extension AnswerText {
    /// `scalarFolded` for ASCII text, where the only change is TAB to CR becoming a space;
    /// nil for any other text.
    static func asciiFolded(_ text: String) -> String? {
        var text = text  // `withUTF8` reads a native string in place
        return text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.contains(where: { (0x09...0x0D).contains($0) }) else { return String(decoding: bytes, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                for (index, byte) in bytes.enumerated() { output[index] = (0x09...0x0D).contains(byte) ? 0x20 : byte }
                return bytes.count
            }
        }
    }

    /// `characterTokens` for ASCII text without a CR; nil for any other text.
    static func asciiTokens(of text: String) -> [AnswerToken]? {
        var text = text
        return text.withUTF8 { bytes -> [AnswerToken]? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
            func isLetter(_ index: Int) -> Bool {
                index < bytes.count && ((0x41...0x5A).contains(bytes[index]) || (0x61...0x7A).contains(bytes[index]))
            }
            var tokens: [AnswerToken] = []
            tokens.reserveCapacity(min(bytes.count, 8))  // grown once at most, for a typical answer never
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if isDigit(index) {
                    tokens.append(readASCIINumber(bytes, &index))
                } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), isDigit(index + 1) {
                    tokens.append(.sign(Character(Unicode.Scalar(byte))))
                    index += 1
                } else if isLetter(index) {
                    // An apostrophe inside a word ("that's", "o'clock") belongs to it.
                    let start = index
                    while isLetter(index) || (index < bytes.count && bytes[index] == UInt8(ascii: "'") && isLetter(index + 1)) { index += 1 }
                    tokens.append(.word(string(start..<index), wide: false))
                } else if (0x09...0x0D).contains(byte) || byte == 0x20 || isSeparator(byte) {
                    index += 1
                } else {
                    tokens.append(.word(string(index..<(index + 1)), wide: false))
                    index += 1
                }
            }
            return tokens
        }
    }

    /// `readNumber` in bytes: digit runs joined by one kind of joiner.
    private static func readASCIINumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> AnswerToken {
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        func digits(_ index: inout Int) -> String {
            let start = index
            while isDigit(index) { index += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }
        let start = index
        var parts = [digits(&index)]
        var separators: [UInt8] = []
        while index + 1 < bytes.count, isJoiner(bytes[index]), isDigit(index + 1) {
            separators.append(bytes[index])
            index += 1
            parts.append(digits(&index))
        }
        guard let separator = separators.first else { return .digits(parts[0]) }
        guard separators.allSatisfy({ $0 == separator }) else {
            return .word(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), wide: false)
        }
        return .compound(parts, separator: Character(Unicode.Scalar(separator)))
    }

    /// The ASCII members of `separators`.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":"),
             UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "-"), UInt8(ascii: "/"),
             UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    /// The members of `joiners` (all ASCII).
    private static func isJoiner(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }
}
