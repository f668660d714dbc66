import Transcript
/// Writes a transcript again with the line's part replaced by what it says now (`--accept`
/// and importing): every `line` entry and `event hung up` is regenerated from the replay's
/// output, at the time of the turn it answers; the header, guest lines, other events,
/// comments and blank lines stay as they are. `# flows` names the prompts it now matches.
enum TranscriptRewriter {
    static func rewrite(_ document: TranscriptDocument, outputs: [[Said]], promptsVersion: String) -> String {
        let turns = document.turns
        precondition(outputs.count == turns.count, "Invalid rewrite: one output per turn")
        let said = Set(turns.flatMap { $0.expected.map(\.line) })
        var outputAfter: [Int: Int] = [:]
        for (index, turn) in turns.enumerated() {
            if let line = turn.stimulus?.line { outputAfter[line] = index }
        }
        // The answer to the call goes before the first stimulus, after any opening notes.
        let firstStimulus = turns.dropFirst().first?.stimulus?.line ?? document.lines.count + 1
        var lines: [String] = []
        var wroteGreeting = false
        func writeGreeting() {
            guard !wroteGreeting else { return }
            wroteGreeting = true
            lines += outputs[0].map { $0.written(offset: turns[0].offset) }
        }
        for (index, text) in document.lines.enumerated() {
            let number = index + 1
            if number == firstStimulus { writeGreeting() }
            if said.contains(number) { continue }
            lines.append(text.hasPrefix("# flows ") && number < firstStimulus ? "# flows \(promptsVersion)" : text)
            if let turn = outputAfter[number] {
                lines += outputs[turn].map { $0.written(offset: turns[turn].offset) }
            }
        }
        writeGreeting()
        return lines.map { $0 + "\n" }.joined()
    }
}
