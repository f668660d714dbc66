import Synchronization
import Testing
@testable import Dialogue

/// The shipped prompt files held in memory, so a test can change one line and compile.
///
/// Every edit must find its text exactly once: when the shipped prompts change under a
/// test, the test says so instead of silently checking an unedited set.
struct PromptFiles {
    /// File name (`booking.flow`) → text.
    private(set) var files: [String: String]

    static let shipped = PromptFiles(files: Dictionary(uniqueKeysWithValues: ShippedPrompts.sources().map {
        (FlowCompiler.baseName($0.fileName), $0.text)
    }))

    var sources: [PromptSource] {
        files.keys.sorted().map { PromptSource(fileName: "Prompts/" + $0, text: files[$0]!) }
    }

    func text(of file: String) -> String { files[file] ?? "" }

    /// Replaces the one occurrence of `old` in `file` with `new`.
    mutating func replace(_ old: String, with new: String, in file: String,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = text(of: file)
        let count = text.components(separatedBy: old).count - 1
        guard count == 1 else {
            Issue.record("\(file) holds \"\(old)\" \(count) times, not once", sourceLocation: sourceLocation)
            return
        }
        files[file] = text.replacingOccurrences(of: old, with: new)
    }

    /// Replaces every occurrence of `old` in every file.
    mutating func replaceEverywhere(_ old: String, with new: String) {
        for (name, text) in files { files[name] = text.replacingOccurrences(of: old, with: new) }
    }

    /// Adds lines at the end of `file`.
    mutating func append(_ lines: String, to file: String) {
        files[file] = text(of: file) + "\n" + lines + "\n"
    }

    mutating func remove(_ file: String) { files[file] = nil }

    mutating func add(_ file: String, _ text: String) { files[file] = text }

    /// `Prompts/FILE:LINE` of the line of `file` that is `text` (give or take indentation),
    /// or else of the first line that contains it.
    func place(of text: String, in file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let lines = self.text(of: file).split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.trimmingSpaces() == text }) ?? lines.firstIndex(where: { $0.contains(text) }) else {
            Issue.record("\(file) has no line with \"\(text)\"", sourceLocation: sourceLocation)
            return "Prompts/\(file):?"
        }
        return "Prompts/\(file):\(index + 1)"
    }

    func compile() -> (PromptSet?, [PromptDiagnostic]) { Self.compiled(sources) }

    /// `PromptSet.compile(sources)`, kept for the last few sets compiled: tests ask for the
    /// errors and then the warnings of one edit, and many tests compile the English-only set
    /// unchanged (a compiled set is immutable, so it can be handed out again). Unlike
    /// `PromptSet.compileOrReuse`, sets are compiled outside the lock, side by side.
    static func compiled(_ sources: [PromptSource]) -> (PromptSet?, [PromptDiagnostic]) {
        if let kept = recentlyCompiled.withLock({ kept -> (PromptSet?, [PromptDiagnostic])? in
            guard let index = kept.firstIndex(where: { $0.sources == sources }) else { return nil }
            let found = kept.remove(at: index)
            kept.insert(found, at: 0)
            return found.result
        }) { return kept }
        let result = PromptSet.compile(sources)
        recentlyCompiled.withLock { kept in
            kept.insert((sources, result), at: 0)
            if kept.count > 6 { kept.removeLast() }
        }
        return result
    }

    private static let recentlyCompiled = Mutex<[(sources: [PromptSource], result: (PromptSet?, [PromptDiagnostic]))]>([])

    /// Every error, as the operator reads it: `file:line: message`.
    var errors: [String] { compile().1.filter { $0.severity == .error }.map(\.description) }

    var warnings: [String] { compile().1.filter { $0.severity == .warning }.map(\.description) }

    /// The shipped set as a line of English alone: `languages = en` and only en.messages,
    /// so a test of one kind of error meets it once, not once per catalog.
    static let englishOnly: PromptFiles = {
        var set = shipped
        set.replace("languages = en, zh-Hant, zh-Hans, es\n", with: "languages = en\n", in: "hotel.conf")
        for catalog in ["zh-Hant.messages", "zh-Hans.messages", "es.messages"] { set.remove(catalog) }
        return set
    }()

    /// The English-only set with one edit.
    static func edited(_ edit: (inout PromptFiles) -> Void) -> PromptFiles {
        var set = englishOnly
        edit(&set)
        return set
    }
}

extension PromptFiles {
    /// The English-only set offered in English and Chinese: hotel.conf lists `en, zh` with every
    /// guest-facing hotel text translated, and `zh.messages` is en.messages with its own
    /// language name and menu line, and a few texts changed so a test can tell them apart.
    static let bilingual: PromptFiles = edited { set in
        set.replace("languages = en\n", with: "languages = en, zh\n", in: "hotel.conf")
        set.replace("[hotel]\n", with: """
            [hotel]
            name[zh] = 港景酒店
            greeting[zh] = 您好，感谢致电港景酒店。我是您的虚拟接待员小花。
            cancellation[zh] = 入住前48小时可免费取消。

            """, in: "hotel.conf")
        for (code, name, facilities) in [
            ("standard", "标准双人房", "双人床、花园景观"), ("deluxe", "豪华大床房", "特大床、海景、浴缸"),
            ("family", "家庭房", "两张双人床、阳台"), ("suite", "海港套房", "独立客厅、港湾景观"),
        ] {
            set.replace("[room \(code)]\n", with: "[room \(code)]\nname[zh] = \(name)\nfacilities[zh] = \(facilities)\n", in: "hotel.conf")
        }
        set.add("zh.messages", set.text(of: "en.messages"))
        set.replace("language.name = English\n", with: "language.name = 中文\n", in: "zh.messages")
        set.replace("language.choose = Welcome to {hotel.name}. Please type {language.number}.\n",
                    with: "language.choose = 欢迎致电{hotel.name}，请输入{language.number}。\n", in: "zh.messages")
        set.replace("language.switched = Of course, let's carry on in English.\n", with: "language.switched = 好的，接下来用中文为您服务。\n", in: "zh.messages")
        set.replace("language.on_file = As on your last call, let's carry on in English.\n", with: "language.on_file = 和您上次来电一样，接下来用中文为您服务。\n", in: "zh.messages")
        set.replace("words.language = english, inglés, ingles, 英文, 英語, 英语\n", with: "words.language = 中文, chinese, 汉语\n", in: "zh.messages")
        set.replace("main.menu = How may I help you today? Please type the number of your choice:\n",
                    with: "main.menu = 请问有什么可以帮您？请输入选项编号：\n", in: "zh.messages")
        set.replace("main.menu.booking = Rooms and bookings\n", with: "main.menu.booking = 客房预订\n", in: "zh.messages")
    }
}
