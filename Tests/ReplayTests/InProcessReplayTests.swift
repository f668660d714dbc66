import Dialogue
import Foundation
import Testing
import TestSupport
import Transcript
import Replay

@Suite("Replaying transcripts in-process")
struct InProcessReplayTests {
    static func document(_ text: String) throws -> TranscriptDocument {
        try TranscriptDocument.parse(text, fileName: "call.txt").get()
    }

    @Test func aRecordedCallReplaysAsRecorded() {
        var call = RecordedCall.booking()
        let result = InProcessReplay.run(call.transcript(), prompts: TestPrompts.shipped)
        #expect(result.passed, "\(result.divergence?.report ?? "")")
    }

    /// A guest's window is recorded as it changes, and a replay lays out what follows as
    /// the line did; over TCP (a raw client) such a call cannot be played.
    @Test func aWindowEventLaysOutWhatFollowsAsOnTheLine() throws {
        var call = RecordedCall()
        call.send(.window(columns: 40))
        call.say("1", "24 Dec")
        call.send(.window(columns: 100))
        call.say("27 Dec", "1")
        let document = call.transcript()
        #expect(document.text.contains(" event window columns=40\n") && document.text.contains(" event window columns=100\n"))
        let said = document.entries.compactMap { if case .said(let text) = $0.content { text } else { nil } }
        #expect(said.contains { $0.contains("m²") } && said.filter { $0.contains("m²") }.allSatisfy { displayWidth(of: $0) <= 40 })
        #expect(said.contains { displayWidth(of: $0) > 40 }, "at 100 columns the hotel's 78 again")
        let result = InProcessReplay.run(document, prompts: TestPrompts.shipped)
        #expect(result.passed, "\(result.divergence?.report ?? "")")
        // Without its window the same call is laid out otherwise.
        let unsized = try Self.document(document.text.replacingOccurrences(of: "event window columns=40", with: "event window columns=78"))
        #expect(!InProcessReplay.run(unsized, prompts: TestPrompts.shipped).passed)
        #expect(CallScript.refusal(for: document)?.hasPrefix("needs a telnet window size") == true)
    }

    @Test func aChangedPromptFailsAtTheLineThatChangedWithADiff() throws {
        var call = RecordedCall.booking()
        let document = call.transcript()
        let changed = TestPrompts.changed("How many rooms would you like?", to: "How many rooms do you need?")
        let result = InProcessReplay.run(document, prompts: changed)
        let divergence = try #require(result.divergence)
        let line = try #require(document.entries.first { $0.content == .said("How many rooms would you like? (1 to 5)") }?.line)
        #expect(divergence.line == line)
        #expect(divergence.message == "the line said something else")
        #expect(divergence.report.hasPrefix("call.txt:\(line): the line said something else\n@@ line \(line) @@\n"))
        #expect(divergence.diff.contains("-+4.500 line  How many rooms would you like? (1 to 5)"))
        #expect(divergence.diff.contains("++4.500 line  How many rooms do you need? (1 to 5)"))
        #expect(divergence.diff.contains(" +4.500 guest 27 Dec"), "context from the file above")
        #expect(result.canAccept)
    }

    @Test func acceptRewritesOnlyTheLineEntriesAndThenPasses() throws {
        var call = RecordedCall.booking()
        let document = call.transcript()
        let changed = TestPrompts.changed("Deluxe King", to: "Deluxe Kingsize")
        let directory = TestPaths.temporaryDirectory("accept")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/booking.txt"
        try document.text.write(toFile: path, atomically: true, encoding: .utf8)
        var output: [String] = []
        var runner = ReplayRunner(prompts: changed) { output.append($0) }
        runner.accept = true
        runner.replay([directory])
        #expect(output.first == "FAIL \(path)")
        #expect(output.contains("accepted: the expected output of \(path) is rewritten (review it with git diff)"))
        #expect(runner.summary == "1 passed, 0 failed")
        let rewritten = try TranscriptDocument.read(path: path).get()
        #expect(rewritten.header.prompts == changed.version)
        #expect(rewritten.entries.filter { $0.direction != .said } == document.entries.filter { $0.direction != .said }
            .map { entry in var entry = entry; entry.line = rewritten.entries.first { $0.content == entry.content && $0.offset == entry.offset }?.line ?? 0; return entry })
        #expect(rewritten.entries.contains { $0.text.hasSuffix("Room:       1 x Deluxe Kingsize") })
        var again = ReplayRunner(prompts: changed) { _ in }
        again.replay([path])
        #expect(again.summary == "1 passed, 0 failed")
        var old = ReplayRunner(prompts: TestPrompts.shipped) { _ in }
        old.replay([path])
        #expect(old.summary == "0 passed, 1 failed")
    }

    @Test func anOutcomeWithNoActionPendingIsADivergence() throws {
        var call = RecordedCall.booking()
        var text = call.transcript().text
        let last = try #require(text.range(of: "+13.500 guest no\n"))
        text.replaceSubrange(last, with: "+13.500 event outcome available left=3\n+13.500 guest no\n")
        let result = InProcessReplay.run(try Self.document(text), prompts: TestPrompts.shipped)
        let divergence = try #require(result.divergence)
        #expect(divergence.message.hasPrefix("the transcript records an outcome here, but the line started no action"))
        #expect(divergence.diff.last == "-+13.500 event outcome available left=3")
        #expect(!result.canAccept)
    }

    @Test func anActionWithNoOutcomeIsADivergence() throws {
        var call = RecordedCall.booking()
        let document = call.transcript()
        let saved = try #require(document.entries.first { if case .event(.outcome(.saved)) = $0.content { true } else { false } })
        let yes = try #require(document.entries.last { $0.content == .typed("yes") })
        let cut = document.lines.prefix(saved.line - 1).joined(separator: "\n")
        let divergence = try #require(InProcessReplay.run(try Self.document(cut), prompts: TestPrompts.shipped).divergence)
        #expect(divergence.line == yes.line, "the line of the turn that started the action")
        #expect(divergence.message.hasPrefix("the line started save-reservation here, but the transcript records no outcome for it"))
        #expect(divergence.diff.last == "+event outcome … (the line is waiting for save-reservation)")
    }

    @Test func anOutcomeOfTheWrongKindIsADivergence() throws {
        var call = RecordedCall.booking()
        let text = call.transcript().text.replacingOccurrences(of: "event outcome available left=5", with: "event outcome saved reference=R1000017")
        let divergence = try #require(InProcessReplay.run(try Self.document(text), prompts: TestPrompts.shipped).divergence)
        #expect(divergence.message.hasPrefix("the line is doing check-availability, which cannot end in \"saved\" (available, full)"))
    }

    @Test func aGuestWhoHangsUpDuringAnActionLeavesItWithoutAnOutcome() throws {
        var call = RecordedCall.booking()
        let document = call.transcript()
        let saved = try #require(document.entries.first { if case .event(.outcome(.saved)) = $0.content { true } else { false } })
        // The record was on its way to disk when the guest left: no outcome was recorded.
        let cut = document.lines.prefix(saved.line - 1).joined(separator: "\n") + "\n+20.000 event guest hung up\n"
        let result = InProcessReplay.run(try Self.document(cut), prompts: TestPrompts.shipped)
        #expect(result.passed, "\(result.divergence?.report ?? "")")
    }

    @Test func linesTheLineNoLongerSaysAndExtraLinesAreBothShown() throws {
        var call = RecordedCall.booking()
        let document = call.transcript()
        let shorter = TestPrompts.changed("Let me read that back to you:\n", to: "")
        let divergence = try #require(InProcessReplay.run(document, prompts: shorter).divergence)
        #expect(divergence.message == "the line did not say this")
        #expect(divergence.diff.contains { $0.hasPrefix("-") && $0.hasSuffix("Let me read that back to you:") })
        let longer = TestPrompts.changed("Let me read that back to you:\n", to: "Let me read that back to you:\n  | Slowly.\n")
        let more = try #require(InProcessReplay.run(document, prompts: longer).divergence)
        #expect(more.message == "the line said more here")
        #expect(more.diff.contains { $0.hasPrefix("+") && $0.hasSuffix("line  Slowly.") })
    }

    @Test func silenceAndLineProblemsReplay() {
        var call = RecordedCall()
        call.silence()
        call.say("1")
        call.silence()
        call.silence()
        let text = call.finishedText()
        #expect(text.contains("event no input"))
        let result = InProcessReplay.run(try! Self.document(text), prompts: TestPrompts.shipped)
        #expect(result.passed, "\(result.divergence?.report ?? "")")
    }

    /// A call recorded with an interrupt replays: the recorder and the replay tell the
    /// conversation the same event.
    @Test func aRecordedInterruptReplays() {
        var call = RecordedCall()
        call.say("1", "24 Dec")
        call.send(.interrupt)
        let document = call.transcript()
        #expect(document.lines.contains { $0.hasSuffix("event interrupt") })
        let result = InProcessReplay.run(document, prompts: TestPrompts.shipped)
        #expect(result.passed, "\(result.divergence?.report ?? "")")
    }
}
