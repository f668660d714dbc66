/// An answer as typed and in the folded form used to match words: trimmed, lower-cased,
/// inner spaces collapsed, trailing full stops and exclamation marks dropped, and the
/// fullwidth forms of CJK input methods read as ASCII (`１` is `1`, `？` is `?`, `。` a full stop).
struct TypedAnswer {
    let original: String
    let folded: String

    init(_ text: String) {
        if Self.isFolded(text) {
            self.init(original: text, folded: text)  // nearly every answer: "1", "help", "book a room please"
        } else if let ascii = Self(asciiFolding: text) {
            self = ascii
        } else {
            self.init(folding: text)
        }
    }

    /// Folds an ASCII answer byte by byte (lower case is A-Z to a-z there); nil for any other.
    private init?(asciiFolding text: String) {
        var text = text  // `withUTF8` reads a native string in place
        guard let folded = text.withUTF8({ bytes -> (original: String, folded: String)? in
            guard bytes.allSatisfy({ $0 == 0x09 || (0x20...0x7E).contains($0) }) else { return nil }
            var low = 0, high = bytes.count
            while low < high && (bytes[low] == 0x20 || bytes[low] == 0x09) { low += 1 }
            while high > low && (bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09) { high -= 1 }
            let trimmed = UnsafeBufferPointer(rebasing: bytes[low..<high])
            let folded = String(unsafeUninitializedCapacity: trimmed.count) { output in
                var count = 0, space = false
                for byte in trimmed {
                    if byte == 0x20 || byte == 0x09 {
                        space = true
                        continue
                    }
                    if space { output[count] = 0x20; count += 1 }
                    space = false
                    output[count] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                    count += 1
                }
                while count > 0, output[count - 1] == UInt8(ascii: ".") || output[count - 1] == UInt8(ascii: "!") { count -= 1 }
                return count
            }
            return (String(decoding: trimmed, as: UTF8.self), folded)
        }) else { return nil }
        self.init(original: folded.original, folded: folded.folded)
    }

    /// `original.count`, by bytes for ASCII without a CR (where a character is a byte).
    var characterCount: Int {
        let isPlainASCII = original.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 && $0 != 0x0D } } ?? false
        return isPlainASCII ? original.utf8.count : original.count
    }

    private init(original: String, folded: String) {
        self.original = original
        self.folded = folded
    }

    /// Folds character by character, whatever the text.
    init(folding text: String) {
        original = String(text.trimmingSpaces())
        var folded = AnswerText.scalarFolded(original).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        while let last = folded.last, last == "." || last == "!" { folded.removeLast() }
        self.folded = folded
    }

    /// True when folding would not change `text`: printable ASCII without capitals, words
    /// one space apart, nothing before or after, no full stop or exclamation mark last.
    static func isFolded(_ text: String) -> Bool {
        var text = text  // `withUTF8` reads a native string in place
        return text.withUTF8 { bytes in
            var previous = UInt8(ascii: " ")  // so a leading space (or an empty text) is not
            for byte in bytes {
                switch byte {
                case 0x20: if previous == 0x20 { return false }
                case 0x41...0x5A: return false
                case 0x21...0x7E: break
                default: return false
                }
                previous = byte
            }
            return previous != UInt8(ascii: " ") && previous != UInt8(ascii: ".") && previous != UInt8(ascii: "!")
        }
    }
}
