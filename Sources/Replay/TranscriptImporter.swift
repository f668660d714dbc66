import Dialogue
import Foundation
import Transcript

/// Turns a transcript recorded live into a test: each number the line gave out
/// (confirmation, ticket, callback and survey references, guest file numbers) becomes a
/// placeholder, the same number always the same one (`{confirmation}`, `{confirmation2}`…),
/// in outcomes, in what the guest typed and in what the line said.
///
/// Where the line says a number is decided by replaying: the outcomes and guest lines are
/// normalised, the call is replayed against the prompts, and its output, with the numbers
/// read back, must be exactly what was recorded. Only then is the output (placeholders in
/// place) written, so an imported test always passes when it is made.
public enum TranscriptImporter {
    /// A transcript whose outcomes and guest lines hold placeholders, its `line` entries
    /// still the recorded ones, and each placeholder's recorded value.
    struct Normalized {
        var document: TranscriptDocument
        /// Token (`{confirmation}`) → the value it replaced (`R1000017`).
        var originals: [String: String]
    }

    /// The test made from `document`: its text, or the divergence that stops it (the
    /// prompts no longer answer as they did when the call was recorded).
    public static func makeTest(from document: TranscriptDocument, prompts: PromptSet) -> Result<String, ReplayDivergence> {
        let normalized = normalizeInputs(document)
        let replay = InProcessReplay.run(normalized.document, prompts: prompts, originals: normalized.originals)
        if let divergence = replay.divergence { return .failure(divergence) }
        return .success(TranscriptRewriter.rewrite(normalized.document, outputs: replay.outputs, promptsVersion: prompts.version))
    }

    /// `document` with its numbers as placeholders for a replay over TCP, where the server
    /// gives out numbers of its own: made as a test is when `prompts` answer as recorded,
    /// otherwise by replacing the numbers wherever they are written.
    public static func placeholdersForNumbers(in document: TranscriptDocument, prompts: PromptSet?) -> TranscriptDocument {
        if let prompts, case .success(let text) = makeTest(from: document, prompts: prompts),
           case .success(let made) = TranscriptDocument.parse(text, fileName: document.fileName) {
            return made
        }
        var normalized = normalizeInputs(document)
        let tokens = normalized.originals.map { (token: $0.key, value: $0.value) }.sorted { $0.value.count > $1.value.count }
        for index in normalized.document.entries.indices {
            guard case .said(var text) = normalized.document.entries[index].content else { continue }
            for (token, value) in tokens { text = text.replacingWords(value, with: token) }
            normalized.document.replace(index, with: .said(text))
        }
        return normalized.document
    }

    static func normalizeInputs(_ document: TranscriptDocument) -> Normalized {
        var tokens: [String: String] = [:]  // value → token
        var counts: [Placeholder.Kind: Int] = [:]
        func token(for value: String, _ kind: Placeholder.Kind) -> String {
            if let known = tokens[value] { return known }
            counts[kind, default: 0] += 1
            let token = Placeholder(kind, index: counts[kind]!).token
            tokens[value] = token
            return token
        }
        func reference(_ value: String) -> String {
            guard let letter = value.first, let kind = Placeholder.reference(startingWith: letter), value.count == 8,
                  value.dropFirst().allSatisfy(\.isNumber) else { return value }
            return token(for: value, kind)
        }
        var document = document
        for index in document.entries.indices {
            switch document.entries[index].content {
            case .event(.outcome(.saved(let number, let file))):
                let outcome = ActionOutcome.saved(reference: reference(number), guestFile: file.map { token(for: $0, .file) })
                document.replace(index, with: .event(.outcome(outcome)))
            case .typed(let text):
                var typed = text
                for match in referencePattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
                    guard let range = Range(match.range, in: text) else { continue }
                    typed.replaceSubrange(range, with: reference(text[range].uppercased()))
                }
                if typed != text { document.replace(index, with: .typed(typed)) }
            default:
                continue
            }
        }
        return Normalized(document: document, originals: Dictionary(uniqueKeysWithValues: tokens.map { ($0.value, $0.key) }))
    }

    /// A reference as a guest types it: a letter and seven digits, standing alone.
    private static let referencePattern = try! NSRegularExpression(pattern: "(?<![A-Za-z0-9])[RrTtCcSsMmXx][0-9]{7}(?![A-Za-z0-9])")
}

extension TranscriptDocument {
    /// Replaces the content of entry `index`, and its line in the file.
    mutating func replace(_ index: Int, with content: TranscriptEntry.Content) {
        entries[index].content = content
        lines[entries[index].line - 1] = entries[index].written
    }
}
