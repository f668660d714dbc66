/// Splits one line of a prompt file into words.
///
/// Words are separated by spaces or tabs; `"quoted words"` are one word (with `\"` for a
/// quote); a `#` that starts a word begins a comment. Nothing else is special, which keeps
/// the language small enough to explain in a paragraph.
enum LineTokenizer {
    struct Token: Equatable {
        var text: String
        var quoted: Bool
    }

    enum Problem: Error, Equatable {
        case unterminatedQuote
    }

    static func tokens(in line: Substring) throws(Problem) -> [Token] {
        line.utf8.allSatisfy({ $0 < 0x80 }) ? try asciiTokens(in: line) : try characterTokens(in: line)
    }

    /// The words of any line, character by character.
    static func characterTokens(in line: Substring) throws(Problem) -> [Token] {
        var tokens: [Token] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == " " || character == "\t" || character == "\r" {
                index = line.index(after: index)
                continue
            }
            if character == "#" { break }
            if character == "\"" {
                var text = ""
                var cursor = line.index(after: index)
                var closed = false
                while cursor < line.endIndex {
                    let next = line[cursor]
                    if next == "\\", line.index(after: cursor) < line.endIndex {
                        cursor = line.index(after: cursor)
                        text.append(line[cursor])
                    } else if next == "\"" {
                        closed = true
                        break
                    } else {
                        text.append(next)
                    }
                    cursor = line.index(after: cursor)
                }
                guard closed else { throw .unterminatedQuote }
                tokens.append(Token(text: text, quoted: true))
                index = line.index(after: cursor)
                continue
            }
            var end = index
            while end < line.endIndex, line[end] != " ", line[end] != "\t", line[end] != "\r" {
                end = line.index(after: end)
            }
            tokens.append(Token(text: String(line[index..<end]), quoted: false))
            index = end
        }
        return tokens
    }

    /// `tokens(in:)` for a line of ASCII, where every byte is a character (a CR LF, the one
    /// exception, never reaches a tokenizer: lines end at LF): the same words, in bytes.
    static func asciiTokens(in line: Substring) throws(Problem) -> [Token] {
        let bytes = line.utf8
        var tokens: [Token] = []
        var index = bytes.startIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if isSpace(byte) {
                index = bytes.index(after: index)
                continue
            }
            if byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: "\"") {
                var text: [UInt8] = []
                var cursor = bytes.index(after: index)
                var closed = false
                while cursor < bytes.endIndex {
                    let next = bytes[cursor]
                    if next == UInt8(ascii: "\\"), bytes.index(after: cursor) < bytes.endIndex {
                        cursor = bytes.index(after: cursor)
                        text.append(bytes[cursor])
                    } else if next == UInt8(ascii: "\"") {
                        closed = true
                        break
                    } else {
                        text.append(next)
                    }
                    cursor = bytes.index(after: cursor)
                }
                guard closed else { throw .unterminatedQuote }
                tokens.append(Token(text: String(decoding: text, as: UTF8.self), quoted: true))
                index = bytes.index(after: cursor)
                continue
            }
            var end = index
            while end < bytes.endIndex, !isSpace(bytes[end]) { end = bytes.index(after: end) }
            tokens.append(Token(text: String(line[index..<end]), quoted: false))
            index = end
        }
        return tokens
    }
}
