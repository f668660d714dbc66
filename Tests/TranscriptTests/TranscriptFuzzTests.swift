import Foundation
import Testing
import TestSupport
import Transcript
import Replay

/// Damaged transcripts (lines dropped, doubled, swapped, characters changed) must be
/// reported or replayed, never crash the replayer. Prints the seed of a failing case.
@Suite("Damaged transcripts")
struct TranscriptFuzzTests {
    @Test(arguments: [0x5eed_0001, 0x5eed_0002, 0x5eed_0003] as [UInt64])
    func damagedTranscriptsNeverCrashTheReplayer(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let directory = TestPaths.repository + "/Tests/Transcripts"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        for round in 0..<60 {
            let name = names[Int.random(in: 0..<names.count, using: &random)]
            var lines = try String(contentsOfFile: directory + "/" + name, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 6..<lines.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: lines.remove(at: index)
                case 1: lines.insert(lines[index], at: index)
                case 2: lines.swapAt(index, Int.random(in: 6..<lines.count, using: &random))
                default:
                    var characters = Array(lines[index])
                    if !characters.isEmpty { characters[Int.random(in: 0..<characters.count, using: &random)] = "\u{1b}\"=}{+9 ".randomElement(using: &random)! }
                    lines[index] = String(characters)
                }
            }
            switch TranscriptDocument.parse(lines.joined(separator: "\n"), fileName: name) {
            case .success(let document):
                _ = InProcessReplay.run(document, prompts: TestPrompts.shipped, tracing: true)
            case .failure(let error):
                #expect(error.line > 0, "seed \(seed) round \(round): \(error)")
            }
        }
    }
}
