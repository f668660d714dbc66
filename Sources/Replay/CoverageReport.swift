import Dialogue

/// Which nodes and branches of a prompt set a set of replays went through (`--coverage`).
///
/// Nodes are counted per prompt file; branches are menu choices, action results, a wrong
/// answer at each question, both ways of each `if`, and (under "anywhere") the engine's
/// own: global commands, the offer of a person taken and declined, silence, and each
/// refusal or line-problem text the prompts can make a guest hear.
///
/// On a line of several languages the nodes are counted per language as well: a node is
/// reached in a language when a call enters it while in that language, so every flow is
/// shown to work in every language, not only in the first.
public struct CoverageReport: Sendable {
    public let items: [CoverageItem]
    public private(set) var hit: Set<CoveragePoint> = []
    /// The hotel's languages, in order, when there are several; empty for one.
    public let languages: [String]
    public private(set) var hitByLanguage: [String: Set<CoveragePoint>] = [:]

    public init(prompts: PromptSet) {
        items = prompts.coverageItems()
        languages = prompts.languages.count > 1 ? prompts.languages.map(\.code) : []
    }

    public mutating func add(_ points: Set<CoveragePoint>, byLanguage: [String: Set<CoveragePoint>] = [:]) {
        hit.formUnion(points)
        for (language, points) in byLanguage { hitByLanguage[language, default: []].formUnion(points) }
    }

    /// Nodes reached in `language` and nodes in all.
    public func nodes(in language: String) -> (hit: Int, total: Int) {
        let nodes = items.filter(\.point.isNode)
        return (nodes.filter { hitByLanguage[language]?.contains($0.point) ?? false }.count, nodes.count)
    }

    /// Nodes reached and nodes in all.
    public var nodes: (hit: Int, total: Int) { count(items.filter(\.point.isNode)) }
    /// Branches taken and branches in all.
    public var branches: (hit: Int, total: Int) { count(items.filter { !$0.point.isNode }) }

    /// The items never reached, in file order.
    public var missed: [CoverageItem] { items.filter { !hit.contains($0.point) } }

    /// One row per prompt file and "anywhere", the totals, then what was never reached.
    public func text(transcripts: Int) -> String {
        var files: [String?] = []
        for item in items where !files.contains(item.file) { files.append(item.file) }
        let width = files.map { ($0 ?? "anywhere").count }.max() ?? 8
        var lines = ["coverage of \(transcripts) transcript(s):"]
        for file in files {
            let mine = items.filter { $0.file == file }
            let name = file ?? "anywhere"
            let nodeCount = count(mine.filter(\.point.isNode))
            let nodeColumn = file == nil ? String(repeating: " ", count: 22) : "nodes " + Self.figure(nodeCount)
            lines.append("  " + name + String(repeating: " ", count: width - name.count) + "  " + nodeColumn
                + "  branches " + Self.figure(count(mine.filter { !$0.point.isNode })))
        }
        lines.append("  " + "total" + String(repeating: " ", count: max(0, width - 5)) + "  nodes " + Self.figure(nodes)
            + "  branches " + Self.figure(branches))
        if !languages.isEmpty {
            lines.append("nodes by language:")
            for language in languages {
                lines.append("  " + language + String(repeating: " ", count: max(0, width - language.count)) + "  nodes " + Self.figure(nodes(in: language)))
            }
        }
        let missed = self.missed
        if !missed.isEmpty {
            lines.append("never reached (\(missed.count)):")
            for item in missed {
                lines.append("  " + (item.file.map { "\($0):\(item.line): " } ?? "anywhere: ") + item.title)
            }
        }
        for language in languages {
            let unreached = items.filter { $0.point.isNode && !(hitByLanguage[language]?.contains($0.point) ?? false) }
            guard !unreached.isEmpty else { continue }
            lines.append("never reached in \(language) (\(unreached.count)):")
            for item in unreached { lines.append("  " + (item.file.map { "\($0):\(item.line): " } ?? "") + item.title) }
        }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// `coverage: nodes 100.0% (120/120), branches 93.1% (270/290)`.
    public var summary: String {
        "coverage: nodes \(Self.percent(nodes)) (\(nodes.hit)/\(nodes.total)), branches \(Self.percent(branches)) (\(branches.hit)/\(branches.total))"
            + (languages.isEmpty ? "" : "; nodes by language " + languages.map { "\($0) \(Self.percent(nodes(in: $0)))" }.joined(separator: ", "))
    }

    private func count(_ items: [CoverageItem]) -> (hit: Int, total: Int) {
        (items.filter { hit.contains($0.point) }.count, items.count)
    }

    static func percent(_ figure: (hit: Int, total: Int)) -> String {
        guard figure.total > 0 else { return "100.0%" }
        let tenths = figure.hit * 1000 / figure.total  // rounded down: never 100% while one is missed
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// ` 12/14  85.7%`, padded so the columns line up.
    private static func figure(_ figure: (hit: Int, total: Int)) -> String {
        let pair = "\(figure.hit)/\(figure.total)"
        let percent = percent(figure)
        return String(repeating: " ", count: max(0, 7 - pair.count)) + pair + String(repeating: " ", count: max(1, 8 - percent.count)) + percent
    }
}
