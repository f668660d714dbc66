import Testing
import TestSupport
@testable import Dialogue

/// How long a text can be when said, so that `hotelline check --max-output` refuses a prompt
/// set a caller could never be sent: every text with each value at its longest, and every
/// menu with its choices.
@Suite("Texts at their longest")
struct AnswerSizeTests {
    @Test func theShippedPromptsFitTheDefaultAndAreMeasuredWithTheirValuesAtTheLongest() throws {
        let prompts = try #require(PromptFiles.shipped.compile().0)
        let sizes = prompts.longestTexts(valueBytes: 1024)
        let largest = try #require(sizes.max { $0.bytes < $1.bytes })
        #expect(largest.bytes < 192 * 1024)
        #expect(prompts.answerSizeErrors(maxAnswerBytes: 192 * 1024, valueBytes: 1024, limit: "--max-output 262144").isEmpty)
        // A read-back with the guest's name in it counts the name at the longest a line may be.
        let withName = try #require(sizes.first { $0.what.contains("booking.readback") || $0.what.contains("readback") })
        #expect(withName.bytes > 1024, "\(withName)")
    }

    /// Over a limit, the texts a count of their template passes by are none of those over it
    /// (with short values, which lay out quicker: the counting is the same at any length).
    @Test func theTextsOverALimitAreThoseLongerThanIt() throws {
        let prompts = try #require(PromptFiles.shipped.compile().0)
        let sizes = prompts.longestTexts(valueBytes: 40)
        let ordered = sizes.map(\.bytes).sorted()
        for limit in [ordered[ordered.count / 2], ordered[ordered.count * 9 / 10], ordered.last! - 1] {
            let over = prompts.longestTexts(valueBytes: 40, over: limit)
            #expect(!over.isEmpty && over.count < sizes.count)
            let expected = sizes.filter { $0.bytes > limit }.map(\.description), found = over.map(\.description)
            let missed = expected.filter { !found.contains($0) }, extra = found.filter { !expected.contains($0) }
            #expect(missed.isEmpty && extra.isEmpty && found == expected, "over \(limit): missed \(missed.prefix(3)), extra \(extra.prefix(3))")
        }
    }

    /// The widths the bound is checked at: none (no layout), narrow, and the usual.
    static let widths = [0, 30, 78]

    /// The bound `check` passes a text by without laying it out is never under what the
    /// layout sends: every shipped text in four languages at three widths.
    @Test func theBoundIsNeverUnderAShippedTextAsSent() throws {
        let prompts = try #require(PromptFiles.shipped.compile().0)
        let texts = prompts.languages.flatMap { pack in pack.catalog.texts.values.map { $0.template.written } }
        #expect(texts.count > 400)
        Self.expectBoundNotUnderSent(texts, widths: Self.widths, seed: nil)
    }

    /// The same for random texts of spaces, long words, wide characters, marks and breaks
    /// (seeded; the shipped texts, which no seed changes, are checked once above).
    @Test(arguments: FuzzBudget.seeds(3))
    func theBoundIsNeverUnderARandomTextAsSent(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = ["a", "word", String(repeating: "x", count: 90), " ", "  ", "\n", "  1  ", "訂房", "。", "（", "é", "e\u{301}", "🙂", "Ｗ"]
        let texts = (0..<300).map { _ in
            (0..<Int.random(in: 1...60, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        Self.expectBoundNotUnderSent(texts, widths: Self.widths, seed: seed)
    }

    static func expectBoundNotUnderSent(_ texts: [String], widths: [Int], seed: UInt64?) {
        for width in widths {
            for text in texts {
                let sent = PromptSet.bytesSent(text, width: width), bound = PromptSet.bytesSentBound(text, width: width)
                #expect(bound >= sent, "seed \(seed.map(String.init) ?? "none"), width \(width): \(bound) < \(sent) for \(text.debugDescription.prefix(120))")
            }
        }
    }

    /// The bound counted over UTF-8 bytes is the one a plain walk over the scalars counts.
    @Test(arguments: FuzzBudget.seeds(2))
    func theBoundIsCountedAsTheScalarsCountIt(seed: UInt64) throws {
        func reference(_ text: String, width: Int) -> Int {
            var bytes = 0, newlines = 0, opportunities = 0, scalars = 0
            for scalar in text.unicodeScalars {
                bytes += scalar.utf8.count
                scalars += 1
                if scalar == "\n" { newlines += 1 } else if scalar == " " || TerminalWidth.isWide(scalar) { opportunities += 1 }
            }
            guard width > 0 else { return bytes + newlines + 2 }
            let half = max(1, width / 2)
            return bytes + 2 * newlines + 2 + (opportunities + 2 * scalars / half + newlines + 1) * (half + 2)
        }
        let prompts = try #require(PromptFiles.shipped.compile().0)
        var texts = prompts.languages.flatMap { pack in pack.catalog.texts.values.map { $0.template.written } } + [""]
        var random = SeededGenerator(seed: seed)
        // One, two, three and four bytes; wide and not at each length that can be; the edges
        // of the wide ranges; emoji by property (U+231A) and by range.
        let pieces = ["a", " ", "\n", "\t", "é", "e\u{301}", "\u{7FF}", "\u{800}", "\u{10FF}", "\u{1100}", "\u{115F}", "\u{1160}",
                      "⌚", "訂房", "。", "（", "Ｗ", "\u{FFFD}", "🙂", "\u{1F1EF}\u{1F1F5}", "\u{10FFFF}", "\u{20000}"]
        for _ in 0..<300 {
            texts.append((0..<Int.random(in: 1...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        for width in [0, 1, 30, 78] {
            for text in texts where PromptSet.bytesSentBound(text, width: width) != reference(text, width: width) {
                Issue.record("seed \(seed), width \(width): \(PromptSet.bytesSentBound(text, width: width)), not \(reference(text, width: width)), for \(text.debugDescription.prefix(120))")
            }
        }
    }

    /// 300 KB of menu text passed `check`, and every caller was hung up before the menu.
    @Test func aMenuTooLongForTheOutputLimitIsAnErrorAtItsLine() throws {
        let huge = String(repeating: "Our rooms are lovely and we would be glad to tell you all about them. ", count: 4400)
        let set = PromptFiles.edited {
            $0.replace("main.menu = How may I help you today? Please type the number of your choice:\n",
                       with: "main.menu = \(huge)\n", in: "en.messages")
        }
        let prompts = try #require(set.compile().0, "it compiles: only its size is wrong")
        let errors = prompts.answerSizeErrors(maxAnswerBytes: 192 * 1024, valueBytes: 1024, limit: "--max-output 262144").map(\.description)
        let place = set.place(of: "main.menu = Our rooms", in: "en.messages")
        #expect(errors.contains { $0.hasPrefix("\(place): \"main.menu\" can be ") && $0.contains("bytes when said, more than the 196608 bytes --max-output 262144 leaves for one answer") },
                "\(errors)")
        #expect(errors.contains { $0.contains("the menu of main.menu can be") }, "\(errors)")
    }
}
