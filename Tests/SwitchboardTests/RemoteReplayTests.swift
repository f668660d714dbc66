import Foundation
import Glibc
import Testing
import TestSupport
import Transcript
import Replay

/// `hotelline replay --connect`: transcripts recorded on the real line, replayed over TCP.
@Suite("Replaying over TCP", .blocking)
struct RemoteReplayTests {
    /// The transcript of the call on `connection` (written once the call has ended).
    static func transcript(of line: RunningLine, connection: Int) throws -> TranscriptDocument {
        let deadline = Date().addingTimeInterval(patience)
        while Date() < deadline {
            let directory = line.dataDirectory + "/transcripts"
            let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
            if let name = files.first(where: { $0.hasSuffix("-\(connection).txt") }),
               case .success(let document) = TranscriptDocument.read(path: directory + "/" + name),
               document.entries.last.map({ $0.content == .event(.hungUp) || $0.content == .event(.guestFinishedSending) }) == true {
                return document
            }
            usleep(20_000)
        }
        throw GuestClient.Failure(description: "no transcript for connection \(connection)")
    }

    static func call(_ line: RunningLine, _ answers: [String]) throws {
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        for answer in answers { guest.say(answer) }
        guest.finishSending()
        _ = guest.readToEnd()
    }

    static func replay(_ document: TranscriptDocument, on port: UInt16) throws -> (ReplayRunner, [String], String?) {
        let directory = TestPaths.temporaryDirectory("remote")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/call.txt"
        try document.text.write(toFile: path, atomically: true, encoding: .utf8)
        var output: [String] = []
        var runner = ReplayRunner(prompts: TestPrompts.shipped) { output.append($0.replacingOccurrences(of: path, with: "call.txt")) }
        let unreachable = try runner.replay([path], host: "127.0.0.1", port: port, timeouts: RemoteReplayer.Settings(line: 3, idle: 60))
        return (runner, output, unreachable)
    }

    @Test func aRecordedCallPassesWithTheServersOwnNumbersInPlaceholders() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        let maria = ["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958"]
        try Self.call(line, maria + ["Maria Lopez", "yes", "no"])
        // A repeat caller books again and reads her new number back to the status check.
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        for answer in maria + ["Maria Lopez", "yes"] { guest.say(answer) }
        let told = try guest.read(until: "Please keep it")
        let number = String(try #require(told.range(of: #"R\d{7}"#, options: .regularExpression).map { told[$0] }))
        for answer in ["yes", "5", "1", number, "no", "no"] { guest.say(answer) }
        guest.finishSending()
        _ = guest.readToEnd()
        let recorded = try Self.transcript(of: line, connection: 2)
        #expect(recorded.entries.contains { $0.content == .typed(number) })
        let (runner, output, unreachable) = try Self.replay(recorded, on: line.port)
        #expect(unreachable == nil)
        #expect(runner.summary == "1 passed, 0 failed", "\(output.joined(separator: "\n"))")
        #expect(output == ["PASS call.txt"])
    }

    @Test func aLineTheServerSaysDifferentlyFailsWithADiff() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        try Self.call(line, ["4", "no", "Tom Baker", "+44 20 7946 0123", "no", "no"])
        var recorded = try Self.transcript(of: line, connection: 1)
        let asked = try #require(recorded.entries.firstIndex { $0.content == .said("And your phone number?") })
        recorded.replaceSaid(asked, with: "And your phone number, please?")
        let (runner, output, _) = try Self.replay(recorded, on: line.port)
        #expect(runner.summary == "0 passed, 1 failed")
        let lineNumber = recorded.entries[asked].line
        #expect(output.first == "FAIL call.txt")
        #expect(output.dropFirst().first?.hasPrefix("call.txt:\(lineNumber): the line said something else\n@@ line \(lineNumber) @@\n") == true)
        #expect(output.dropFirst().first?.contains("\n-+8.") == true || output.dropFirst().first?.contains("-+") == true)
        #expect(output.dropFirst().first?.contains("line  And your phone number?") == true)
    }

    @Test func anUnreachableServerIsAClearError() throws {
        let refusing = try RefusingPort()
        defer { refusing.close() }
        var call = RecordedCall()
        call.say("quit")
        let (runner, output, unreachable) = try Self.replay(call.transcript(), on: refusing.port)
        #expect(unreachable == "connection refused")
        #expect(output.isEmpty && runner.failed == 0)
    }
}

extension TranscriptDocument {
    /// Changes what entry `index` (a `line` entry) says, as an edited transcript would.
    mutating func replaceSaid(_ index: Int, with text: String) {
        let entry = entries[index]
        lines[entry.line - 1] = TranscriptText.entryLine(offset: entry.offset, direction: .said, text: text)
        self = try! TranscriptDocument.parse(self.text, fileName: fileName).get()
    }
}
