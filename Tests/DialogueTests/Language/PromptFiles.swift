import Testing
@testable import Dialogue

/// The shipped prompt files held in memory, so a test can change one line and compile.
///
/// Every edit must find its text exactly once: when the shipped prompts change under a
/// test, the test says so instead of silently checking an unedited set.
struct PromptFiles {
    /// File name (`booking.flow`) → text.
    private(set) var files: [String: String]

    /// The shipped files, but for the catalogs of languages `hotel.conf` does not list yet
    /// (issue 14's new texts, written ahead for issue 13's languages): each is only warned
    /// about as not used, and the lint tests here are about the languages listed.
    static let shipped = PromptFiles(files: Dictionary(uniqueKeysWithValues: ShippedPrompts.sources().map {
        (FlowCompiler.baseName($0.fileName), $0.text)
    }.filter { !unlisted.contains($0.0) }))

    static let unlisted: Set<String> = ["es.messages", "zh-Hans.messages", "zh-Hant.messages"]

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

    func compile() -> (PromptSet?, [PromptDiagnostic]) { PromptSet.compile(sources) }

    /// Every error, as the operator reads it: `file:line: message`.
    var errors: [String] { compile().1.filter { $0.severity == .error }.map(\.description) }

    var warnings: [String] { compile().1.filter { $0.severity == .warning }.map(\.description) }

    /// The shipped set with one edit.
    static func edited(_ edit: (inout PromptFiles) -> Void) -> PromptFiles {
        var set = shipped
        edit(&set)
        return set
    }
}

extension PromptFiles {
    /// The shipped set offered in English and Chinese: hotel.conf lists `en, zh` with every
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
        set.replace("language.choose = Thank you for calling {hotel.name}. For English, type {language.number}.\n",
                    with: "language.choose = 感谢致电{hotel.name}。中文服务请按 {language.number}。\n", in: "zh.messages")
        set.replace("main.menu = How may I help you today? Please type the number of your choice:\n",
                    with: "main.menu = 请问有什么可以帮您？请输入选项编号：\n", in: "zh.messages")
        set.replace("main.menu.booking = Rooms and bookings\n", with: "main.menu.booking = 客房预订\n", in: "zh.messages")
    }
}
