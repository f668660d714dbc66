import Dialogue

/// A table for a terminal: a title, a header row and rows, each column as wide as its widest
/// cell in terminal columns (a Chinese character counts two), names left and figures right,
/// two spaces between columns. A name wider than `maxNameWidth` is cut with `…`, so a long
/// department name cannot push the figures past the edge of an 80-column terminal.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    var title: String
    var columns: [Column]
    var rows: [[String]] = []
    static let maxNameWidth = 26

    init(_ title: String, _ columns: [(String, Alignment)]) {
        self.title = title
        self.columns = columns.map { Column(title: $0.0, alignment: $0.1) }
    }

    mutating func add(_ row: [String]) {
        precondition(row.count == columns.count, "Invalid row: \(row.count) cells for \(columns.count) columns")
        rows.append(row.enumerated().map { index, cell in
            columns[index].alignment == .left ? Self.cut(cell, to: Self.maxNameWidth) : cell
        })
    }

    /// The table's lines, each without its line end; the title first, then the header.
    var lines: [String] {
        let widths = columns.indices.map { index in
            ([columns[index].title] + rows.map { $0[index] }).map(displayWidth).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let text = cells.indices.map { index -> String in
                let cell = cells[index], missing = widths[index] - displayWidth(of: cell)
                switch columns[index].alignment {
                case .left: return index == cells.count - 1 ? cell : cell + String(repeating: " ", count: missing)
                case .right: return String(repeating: " ", count: missing) + cell
                }
            }
            return String(text.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        return [title, line(columns.map(\.title))] + rows.map(line)
    }

    /// `text` within `width` terminal columns: cut at a character, with `…` in the last column.
    static func cut(_ text: String, to width: Int) -> String {
        guard displayWidth(of: text) > width else { return text }
        var kept = ""
        for character in text {
            let next = kept + String(character)
            if displayWidth(of: next) > width - 1 { break }
            kept = next
        }
        return kept + "…"
    }
}
