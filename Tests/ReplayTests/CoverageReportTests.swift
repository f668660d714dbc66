import Dialogue
import Testing
import TestSupport
import Transcript
import Replay

@Suite("Coverage of the prompts")
struct CoverageReportTests {
    /// A two-flow line: a menu with one choice, a yes/no question and an if.
    static let tiny: PromptSet = {
        // English alone: the other catalogs' texts would be unused here.
        var sources = TestPrompts.sources(replacing: ["languages = en, zh-Hant, zh-Hans, es": "languages = en"]).filter { $0.fileName.hasSuffix(".conf") }
        // Nor the departments: they route complaint categories and survey topics, which
        // these flows have none of (the departments are hotel.conf's last sections).
        sources = sources.map { source in
            guard let departments = source.text.range(of: "\n[department ") else { return source }
            return PromptSource(fileName: source.fileName, text: String(source.text[..<departments.lowerBound]) + "\n")
        }
        // The engine's own texts and main's; the other flows' texts would be unused here.
        let kept = ["language.", "command.", "words.", "names.", "format.", "global.", "line.", "invalid.", "ticket.", "agent.", "main."]
        var keep = false
        let messages = TestPrompts.sources().first { $0.fileName.hasSuffix("en.messages") }!.text.split(separator: "\n").filter { line in
            if let first = line.first, first != " ", first != "#" { keep = kept.contains { line.hasPrefix($0) } }
            return keep
        }
        sources.append(PromptSource(fileName: "Prompts/en.messages", text: messages.joined(separator: "\n")))
        sources.append(PromptSource(fileName: "Prompts/main.flow", text: """
            flow main
            node start
              say main.greeting
              goto menu
            node menu
              prompt main.menu
              choice 1 book -> more : main.menu.booking
            node more
              prompt main.anything_else
              ask yesno main.more
              if main.more -> menu
              goto bye
            node bye
              say main.goodbye
              end
            """))
        sources.append(PromptSource(fileName: "Prompts/agent.flow", text: """
            flow agent
            node start
              do request-agent
              on queued -> none
              on unavailable -> none
            node none
              goto main.menu
            """))
        return TestPrompts.compile(sources)
    }()

    @Test func countsNodesAndBranchesPerFile() {
        let report = CoverageReport(prompts: Self.tiny)
        #expect(report.nodes.total == 6)
        let main = report.items.filter { $0.file == "Prompts/main.flow" && !$0.point.isNode }.map(\.title)
        #expect(main == ["main.menu: a wrong answer (menu)", "main.menu: choice 1 -> main.more", "main.more: a wrong answer (ask yesno)",
                         "main.more: if main.more -> main.menu (taken)", "main.more: if main.more -> main.menu (not taken)"])
        #expect(report.items.filter { $0.file == nil }.map(\.title).contains("message invalid.yesno"))
        #expect(!report.items.contains { $0.title == "message invalid.date" }, "no date is asked here")
    }

    @Test func aReplayMarksWhatItReached() {
        var call = RecordedCall(prompts: Self.tiny)
        call.say("1", "maybe", "no")
        var report = CoverageReport(prompts: Self.tiny)
        let result = InProcessReplay.run(call.transcript(), prompts: Self.tiny, tracing: true)
        #expect(result.passed)
        report.add(result.covered)
        #expect(report.nodes == (4, 6))  // agent.start and agent.none are never entered
        let missed = report.missed.map(\.title)
        #expect(missed.contains("node agent.start"))
        #expect(missed.contains("main.menu: a wrong answer (menu)"))
        #expect(missed.contains("main.more: if main.more -> main.menu (taken)"))
        #expect(!missed.contains("main.more: if main.more -> main.menu (not taken)"))
        #expect(!missed.contains("message invalid.yesno"))
        let text = report.text(transcripts: 1)
        #expect(text.contains("  Prompts/main.flow   nodes     4/4  100.0%  branches"))
        #expect(text.contains("  Prompts/agent.flow  nodes     0/2    0.0%  branches     0/2    0.0%"))
        #expect(text.contains("never reached ("))
        #expect(text.contains("  Prompts/main.flow:5: main.menu: a wrong answer (menu)"))
        #expect(text.hasSuffix(report.summary))
        #expect(report.summary.hasPrefix("coverage: nodes 66.6% (4/6), branches "))
    }
}

/// On a line of several languages each node is counted for the language the call was in
/// when it got there.
@Suite("Coverage by language")
struct CoverageByLanguageTests {
    @Test func aSwitchMidCallCountsWhatFollowsForTheNewLanguage() {
        var call = RecordedCall(choosing: "2")  // 繁體中文
        call.say("訂房", "español", "mañana")
        let result = InProcessReplay.run(call.transcript(), prompts: TestPrompts.shipped, tracing: true)
        #expect(result.passed)
        var report = CoverageReport(prompts: TestPrompts.shipped)
        report.add(result.covered, byLanguage: result.coveredByLanguage)
        #expect(report.languages == ["en", "zh-Hant", "zh-Hans", "es"])
        let traditional = result.coveredByLanguage["zh-Hant"] ?? [], spanish = result.coveredByLanguage["es"] ?? []
        #expect(traditional.contains(.node("booking.checkin")))
        #expect(!traditional.contains(.node("booking.checkout")))
        #expect(spanish.contains(.node("booking.checkout")))
        #expect(spanish.contains(.languageChange(.switched)))
        #expect(report.nodes(in: "en") == (0, report.nodes.total))
        let text = report.text(transcripts: 1)
        #expect(text.contains("nodes by language:\n  en "))
        #expect(text.contains("never reached in zh-Hans ("))
        #expect(report.summary.contains("; nodes by language en 0.0%, zh-Hant "))
    }
}
