import HotelCalendar
import Dialogue
import Foundation
import Glibc
import Switchboard
import Synchronization
import TestSupport
import Transcript
import Replay

/// Records `Tests/Transcripts/` from `SuiteCalls`: each live call is made on the real line
/// (in-process, port 0, a fresh store), the rest are driven in-process; every transcript is
/// imported as a test (numbers as placeholders, checked to replay PASS) and written over
/// the old one. Run it after changing the calls, then review the diff:
///
///     Scripts/record-transcripts            # everything
///     Scripts/record-transcripts agents     # or: suite, agents, load
struct TranscriptSuiteRecorder {
    /// A recording that cannot be made as asked: said, and the program exits 1.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static let output: String = TestPaths.repository + "/Tests/Transcripts"

    static func recordTheSuite() throws {
        let prompts = TestPrompts.shipped
        let clock = ManualClock(RecordedCall.startedAt)
        // Every call comes from 127.0.0.1: one address trying number after number is what
        // the per-address limit stops, so it would lock the suite's later calls; the limit
        // per call stays as shipped (and the socket tests try the address's).
        let line = try RunningLine { options in
            options.clock = clock.wallClock
            options.line.lookups.maxFailuresPerAddress = 1000
        }
        defer { line.removeData() }
        var numbers: [String] = []
        for call in SuiteCalls.live { try Self.play(call, on: line, clock: clock, numbers: &numbers) }
        let last = try line.guest(choosing: SuiteCalls.closing.language)
        try Self.play(SuiteCalls.closing, with: last, clock: clock, numbers: &numbers)
        try line.stop()
        _ = last.readToEnd()
        let calls = SuiteCalls.live + [SuiteCalls.closing]
        let recorded = try Self.transcripts(in: line.dataDirectory + "/transcripts")
        guard recorded.count == calls.count else { throw Problem(description: "one transcript per call, but found \(recorded)") }
        try FileManager.default.createDirectory(atPath: Self.output, withIntermediateDirectories: true)
        for (call, path) in zip(calls, recorded) {
            try Self.write(try TranscriptDocument.read(path: path).get(), as: call.name, prompts: prompts)
        }
        for (call, answer) in SuiteCalls.inProcess {
            var recording = RecordedCall(prompts: prompts, choosing: call.language)
            recording.answer = { answer($0) ?? RecordedCall.cooperative($0) }
            for step in call.steps {
                guard case .say(let text) = step else { preconditionFailure("in-process calls only type lines") }
                recording.say(text)
            }
            try Self.write(recording.transcript(fileName: call.name), as: call.name, prompts: prompts)
        }
    }

    /// The calls put through to people (`AgentCalls`), recorded with real consoles.
    static func recordTheAgentCalls() throws {
        let clock = ManualClock(RecordedCall.startedAt)
        let line = try AgentCalls.line(clock: clock)
        defer { line.removeData() }
        try AgentCalls.play(on: line) { clock.advance(2_000) }
        try line.stop()
        let recorded = try Self.transcripts(in: line.dataDirectory + "/transcripts")
        guard recorded.count == AgentCalls.names.count else { throw Problem(description: "one transcript per call, but found \(recorded)") }
        for (name, path) in zip(AgentCalls.names, recorded) {
            try Self.write(try TranscriptDocument.read(path: path).get(), as: name, prompts: TestPrompts.shipped)
        }
    }

    /// The load set (`SuiteCalls.load`) alone, into `Tests/Transcripts/load/`; each must
    /// start no action, or a load run against another store would answer differently.
    static func recordTheLoadSet() throws {
        let prompts = TestPrompts.shipped
        try FileManager.default.createDirectory(atPath: Self.output + "/load", withIntermediateDirectories: true)
        for call in SuiteCalls.load {
            var recording = RecordedCall(prompts: prompts, choosing: call.language)
            let started = Mutex<[ActionRequest]>([])
            recording.answer = { request in
                started.withLock { $0.append(request) }
                return RecordedCall.cooperative(request)
            }
            for step in call.steps {
                guard case .say(let text) = step else { preconditionFailure("load calls only type lines") }
                recording.say(text)
            }
            if let request = started.withLock({ $0.first }) {
                throw Problem(description: "\(call.name): a load call must start no action, but it started \(request)")
            }
            try Self.write(recording.transcript(fileName: call.name), as: "load/" + call.name, prompts: prompts)
        }
    }

    private static func write(_ document: TranscriptDocument, as name: String, prompts: PromptSet) throws {
        switch TranscriptImporter.makeTest(from: document, prompts: prompts) {
        case .success(let text):
            try text.write(toFile: output + "/" + name + ".txt", atomically: true, encoding: .utf8)
        case .failure(let divergence):
            throw Problem(description: "\(name) does not replay as recorded:\n\(divergence.report)")
        }
    }

    private static func play(_ call: SuiteCall, on line: RunningLine, clock: ManualClock, numbers: inout [String]) throws {
        let guest = try line.guest(choosing: call.language)
        try play(call, with: guest, clock: clock, numbers: &numbers)
        guest.finishSending()
        _ = guest.readToEnd()
    }

    private static func play(_ call: SuiteCall, with guest: GuestClient, clock: ManualClock, numbers: inout [String]) throws {
        remember(settle(guest), in: &numbers)
        for step in call.steps {
            clock.advance(step.isSilence ? 61_000 : 2_000)
            switch step {
            case .say(let text): guest.say(fill(text, numbers))
            case .typeAhead(let lines): guest.say(lines.map { fill($0, numbers) }.joined(separator: "\n"))
            case .bytes(let bytes): guest.send(bytes: bytes)
            case .silence: break
            }
            // Silence is noticed by the line's once-a-second round: give it time to speak.
            remember(settle(guest, firstWait: step.isSilence ? 3000 : 150), in: &numbers)
        }
    }

    /// Reads until the line has been quiet for a moment; returns what arrived.
    private static func settle(_ guest: GuestClient, firstWait: Int32 = 150) -> String {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var wait = firstWait
        while true {
            var poller = pollfd(fd: guest.fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, wait) > 0 else { break }
            let count = chunk.withUnsafeMutableBytes { recv(guest.fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk[..<count]
            wait = 150
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Numbers the line gave out, in order, so later calls can type them (`$R1`, `$T1`).
    private static func remember(_ text: String, in numbers: inout [String]) {
        // Not \b: in Chinese a number stands against letters ("编号是R1000020，").
        let pattern = try! NSRegularExpression(pattern: "(?<![A-Za-z0-9])[RTCSMX][0-9]{7}(?![0-9])")
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let number = String(text[Range(match.range, in: text)!])
            if number != "R1000017", !numbers.contains(number) { numbers.append(number) }  // R1000017 is the help texts' example
        }
    }

    private static func fill(_ text: String, _ numbers: [String]) -> String {
        guard text.hasPrefix("$"), let letter = text.dropFirst().first, let index = Int(text.dropFirst(2)) else { return text }
        let found = numbers.filter { $0.first == letter }
        let place = index < 0 ? found.count + index : index - 1  // `$T-1`: the latest ticket
        return found.indices.contains(place) ? found[place] : text
    }

    /// The recorded transcripts in the order the calls were made (by connection number).
    private static func transcripts(in directory: String) throws -> [String] {
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") } ?? []
        func connection(_ path: String) -> Int { Int(path.dropLast(4).split(separator: "-").last ?? "") ?? 0 }
        return files.sorted { connection($0) < connection($1) }.map { directory + "/" + $0 }
    }
}

extension GuestStep {
    var isSilence: Bool { if case .silence = self { true } else { false } }
}

let parts = CommandLine.arguments.dropFirst()
let known = ["suite", "agents", "load"]
if let unknown = parts.first(where: { !known.contains($0) }) {
    FileHandle.standardError.write(Data("record-transcripts: unknown part \"\(unknown)\" (the parts are \(known.joined(separator: ", ")))\n".utf8))
    exit(2)
}
do {
    if parts.isEmpty || parts.contains("suite") { try TranscriptSuiteRecorder.recordTheSuite() }
    if parts.isEmpty || parts.contains("agents") { try TranscriptSuiteRecorder.recordTheAgentCalls() }
    if parts.isEmpty || parts.contains("load") { try TranscriptSuiteRecorder.recordTheLoadSet() }
    print("recorded into \(TranscriptSuiteRecorder.output); review the change with git diff Tests/Transcripts")
} catch {
    FileHandle.standardError.write(Data("record-transcripts: \(error)\n".utf8))
    exit(1)
}
