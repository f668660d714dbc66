import TestSupport
import Testing
@testable import Dialogue

/// Random one-line edits of the shipped prompt files: the compiler may refuse them, but
/// it must never crash, must say where every problem is, and what it accepts must run.
@Suite("Compiler fuzz")
struct CompilerFuzzTests {
    /// Rerun one edit by putting its seed here (100 seeds; `HOTELLINE_FUZZ=4` runs 400).
    static let seeds = FuzzBudget.seeds(60)

    static let tokens = FlowParser.keywords + [
        "->", ":", "=", "!=", "<", ">", "not", "\"", "\"\"", "#", "{", "}", "{{", "[", "]", "|", ".", "..", "a.b",
        "main", "menu", "start", "agent", "booking", "booking.start", "main.menu", "agent.start", "x", "0", "-1",
        "99999999999999999999", "date", "moment", "yesno", "rating", "optional", "min=1", "max=", "after=booking.checkin",
        "within=callback-hours", "prefix=R", "save-survey", "request-agent", "saved", "failed", "guest.phone", "guest.name",
        "main.goodbye", "{guest.name}", "{nope.nope}", "[hotel]", "[room]", "[room x y]", "languages", "en", "en, zh", "",
        "rate", "count = 0", "callback-hours = 20:00-08:00", "callback-window = 600", "中文", "🙂", "\u{301}", "\t",
    ]

    struct Edit: CustomStringConvertible {
        var file: String
        var line: Int
        var kind: String
        var text: String
        var description: String { "\(kind) at \(file):\(line + 1) → \(text.debugDescription)" }
    }

    static func edit(_ set: inout PromptFiles, seed: UInt64) -> Edit {
        var random = SeededGenerator(seed: seed)
        let file = set.files.keys.sorted().randomElement(using: &random)!
        var lines = set.text(of: file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = Int.random(in: 0..<lines.count, using: &random)
        var words = lines[line].split(separator: " ").map(String.init)
        let token = tokens.randomElement(using: &random)!
        let kind: String
        switch Int.random(in: 0..<8, using: &random) {
        case 0:
            kind = "delete"
            lines.remove(at: line)
        case 1:
            kind = "duplicate"
            lines.insert(lines[line], at: line)
        case 2:
            kind = "swap with the next"
            if line + 1 < lines.count { lines.swapAt(line, line + 1) }
        case 3:
            kind = "replace a word"
            if words.isEmpty { words = [token] } else { words[Int.random(in: 0..<words.count, using: &random)] = token }
            lines[line] = words.joined(separator: " ")
        case 4:
            kind = "insert a word"
            words.insert(token, at: Int.random(in: 0...words.count, using: &random))
            lines[line] = words.joined(separator: " ")
        case 5:
            kind = "cut short"
            lines[line] = String(lines[line].prefix(Int.random(in: 0...lines[line].count, using: &random)))
        case 6:
            kind = "drop a word"
            if !words.isEmpty { words.remove(at: Int.random(in: 0..<words.count, using: &random)) }
            lines[line] = words.joined(separator: " ")
        default:
            kind = "borrow a line"
            let other = set.files.keys.sorted().randomElement(using: &random)!
            lines[line] = set.text(of: other).split(separator: "\n").randomElement(using: &random).map(String.init) ?? ""
        }
        set.add(file, lines.joined(separator: "\n"))
        return Edit(file: file, line: line, kind: kind, text: lines.indices.contains(line) ? lines[line] : "")
    }

    /// The seeds run side by side (each compiles the four catalogs, the suite's costliest
    /// step): the same edits and checks as one after another, in a fraction of the wall time.
    @Test func randomEditsAreRefusedWithAPlaceOrCompileIntoARunnableLine() async {
        let outcomes = await withTaskGroup(of: Bool?.self) { group in
            for seed in Self.seeds { group.addTask { Self.check(seed: seed) } }
            return await group.reduce(into: [Bool?]()) { $0.append($1) }
        }
        let compiled = outcomes.count { $0 == true }, refused = outcomes.count { $0 == false }
        // Which edits keep a set depends on the files' lines (60 seeds gave 19 and 41, then 20
        // and 40, as settings came in): a sixth each way is the mix the edits must keep.
        let least = Self.seeds.count / 6
        #expect(compiled >= least && refused >= least, "the edits should both break and keep sets: \(compiled) compiled, \(refused) refused")
    }

    /// One seed's edit: true when it compiled (and the set ran), false when it was refused
    /// with an error, nil when an issue was recorded.
    static func check(seed: UInt64) -> Bool? {
        var set = PromptFiles.shipped
        let edit = Self.edit(&set, seed: seed)
        let (prompts, diagnostics) = set.compile()
        let errors = diagnostics.filter { $0.severity == .error }
        for diagnostic in diagnostics {
            guard diagnostic.location.file.hasPrefix("Prompts/"), !diagnostic.message.isEmpty,
                  diagnostic.location.line <= set.text(of: FlowCompiler.baseName(diagnostic.location.file)).split(separator: "\n", omittingEmptySubsequences: false).count
            else {
                Issue.record("seed \(seed), \(edit): a diagnostic without a proper place: \(diagnostic)")
                return nil
            }
        }
        guard let prompts else {
            #expect(!errors.isEmpty, "seed \(seed), \(edit): refused without an error")
            return false
        }
        #expect(errors.isEmpty, "seed \(seed), \(edit): compiled despite \(errors)")
        var caller = FuzzCaller(prompts: prompts, seed: seed, bracesAreProblems: false)
        caller.walk(steps: 150)
        if let problem = caller.problem {
            Issue.record("seed \(seed), \(edit): \(problem)")
            return nil
        }
        return true
    }
}
