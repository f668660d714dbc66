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
}
