import Glibc
import Reactor
import Testing
import TestSupport
import Transcript
@testable import Replay

/// The matcher both remote replay and the load driver drive, without sockets: bytes in,
/// however they are cut, actions out.
@Suite("A scripted call")
struct ScriptedCallTests {
    typealias Action = ScriptedCall.Action

    /// How the bytes of one reply are cut into reads.
    enum Cut {
        case whole
        /// One byte a read, as swift-nio-ssh's `dripFeed`.
        case dripFeed
        /// Two reads, the second from this byte on (or one read, when past the end).
        case at(Int)

        func chunks(_ bytes: [UInt8]) -> [[UInt8]] {
            switch self {
            case .whole: [bytes]
            case .dripFeed: bytes.map { [$0] }
            case .at(let index): [Array(bytes.prefix(index)), Array(bytes.dropFirst(index))].filter { !$0.isEmpty }
            }
        }
    }

    /// A call fed by hand, handing back what it asks for.
    struct Harness {
        var call: ScriptedCall

        init(_ script: CallScript, timeout: Double = 5, idle: Double = 60) {
            call = ScriptedCall(script, timeout: timeout, idleTimeout: idle)
        }

        mutating func connected() -> [Action] {
            var actions: [Action] = []
            call.connected(into: &actions)
            return actions
        }

        mutating func read(_ text: String, cut: Cut = .whole) -> [Action] {
            read(Array(text.utf8), cut: cut)
        }

        mutating func read(_ bytes: [UInt8], cut: Cut = .whole) -> [Action] {
            var actions: [Action] = []
            for chunk in cut.chunks(bytes) {
                chunk.withUnsafeBytes { call.read($0, into: &actions) }
            }
            return actions
        }

        mutating func inputEnded() -> [Action] {
            var actions: [Action] = []
            call.inputEnded(into: &actions)
            return actions
        }

        mutating func closed(_ reason: CloseReason) -> [Action] {
            var actions: [Action] = []
            call.closed(reason, into: &actions)
            return actions
        }

        mutating func timedOut() -> [Action] {
            var actions: [Action] = []
            call.timedOut(into: &actions)
            return actions
        }
    }

    /// A transcript of `entries` (`+0.000 line  …`); the first entry is on file line 7.
    static func document(_ entries: String...) throws -> TranscriptDocument {
        let header = ["# hotelline transcript 1", "# session 20261125-1000-test-1", "# flows 1f14e1e4af3db8aa", "# language en",
                      "# started 1795600800000", "# utc-offset 0"]
        return try TranscriptDocument.parse((header + entries).joined(separator: "\n") + "\n", fileName: "call.txt").get()
    }

    /// A guest's line as the replay sends it: a bare LF, as `nc` does.
    static func send(_ line: String) -> Action { .send(Array(line.utf8) + [10]) }
    /// A line to an echo server or Redis, CR LF.
    static func sendCRLF(_ line: String) -> Action { .send(Array(line.utf8) + [13, 10]) }

    static func failed(_ kind: CallDivergence.Kind, line: Int, offset: Int64, expected: String?, got: String? = nil) -> [Action] {
        [.finish(.failed(CallDivergence(kind: kind, line: line, offset: offset, expected: expected, got: got)))]
    }

    /// A short call: the greeting, one guest line and its answer, the line hanging up.
    static func shortCall() throws -> TranscriptDocument {
        try document("+0.000 line  Good day.",              // 7
                     "+0.000 line    1  Rooms",              // 8
                     "+1.500 guest 1",                       // 9
                     "+1.500 line  Which day?",              // 10
                     "+1.500 line  (for example 24 Dec)",    // 11
                     "+3.000 event hung up")                 // 12
    }

    static let greeting = "Good day.\r\n  1  Rooms\r\n"
    static let answer = "Which day?\r\n(for example 24 Dec)\r\n"

    // MARK: Whole calls

    @Test func aShortCallPassesStepByStep() throws {
        var call = Harness(CallScript(try Self.shortCall()))
        #expect(call.connected() == [.armTimeout(seconds: 5)])
        #expect(call.read(Self.greeting) == [Self.send("1"), .armTimeout(seconds: 5)])
        #expect(call.read(Self.answer) == [.answered, .armTimeout(seconds: 5)], "then it waits for the line to hang up")
        #expect(call.inputEnded() == [.finish(.passed)])
        #expect(call.read("late\r\n").isEmpty && call.timedOut().isEmpty && call.closed(.reset).isEmpty, "nothing after the verdict")
    }

    /// Each transcript of the load set against a line that says exactly what it says: the
    /// same actions whether each reply comes whole, a byte at a time, or cut in two at any
    /// byte.
    @Test(arguments: ReplayRunner.transcripts(in: [TestPaths.repository + "/Tests/Transcripts/load"]).compactMap { try? $0.get() })
    func aRecordedCallPassesHoweverItsRepliesAreCut(path: String) throws {
        let document = try TranscriptDocument.read(path: path).get()
        var replies: [[UInt8]] = [[]]
        var typed: [String] = []
        for entry in document.entries {
            switch entry.content {
            case .said(let text): replies[replies.count - 1] += Array(text.utf8) + [13, 10]
            case .typed(let text):
                typed.append(text)
                replies.append([])
            case .event: continue
            }
        }
        // Made once: the script is a value, and every play below starts from a copy of it.
        let script = CallScript(document)
        func play(_ cut: (Int) -> Cut) -> [Action] {
            var call = Harness(script)
            var log = call.connected()
            for reply in replies { log += call.read(reply, cut: cut(reply.count)) }
            return log + call.inputEnded()
        }
        let whole = play { _ in .whole }
        #expect(whole.filter { if case .send = $0 { true } else { false } } == typed.map(Self.send))
        #expect(whole.filter { $0 == .answered }.count == typed.count, "every guest line is answered, and timed")
        #expect(whole.last == .finish(.passed))
        #expect(play { _ in .dripFeed } == whole)
        let longest = replies.map(\.count).max() ?? 0
        for index in 1..<longest {
            let cut = play { _ in .at(index) }
            guard cut == whole else {
                Issue.record("cut at byte \(index): \(cut.last.map { "\($0)" } ?? "nothing")")
                return
            }
        }
    }

    @Test func echoAndPingRepeatOnOneConnection() {
        var echo = Harness(CallScript.echo(line: "hi"))
        #expect(echo.connected() == [Self.sendCRLF("hi"), .armTimeout(seconds: 5)])
        for _ in 0..<3 {
            #expect(echo.read("hi\r\n", cut: .dripFeed) == [.answered, Self.sendCRLF("hi"), .armTimeout(seconds: 5)])
        }
        var ping = Harness(CallScript.ping)
        #expect(ping.connected() == [Self.sendCRLF("PING"), .armTimeout(seconds: 5)])
        #expect(ping.read("+PONG\r\n") == [.answered, Self.sendCRLF("PING"), .armTimeout(seconds: 5)])
        var calls = Harness(CallScript.echo(line: "hi", callLines: 2))
        #expect(calls.connected() == [Self.sendCRLF("hi"), .armTimeout(seconds: 5)])
        #expect(calls.read("hi\r\n") == [.answered, Self.sendCRLF("hi"), .armTimeout(seconds: 5)])
        #expect(calls.read("hi\r\n") == [.answered, .finish(.passed)], "a call of two lines, then the guest hangs up")
    }

    @Test func linesTypedAheadCountWithoutATimeOfTheirOwn() throws {
        let document = try Self.document("+0.000 line  Good day.", "+0.500 guest 1", "+0.600 guest 24 Dec",
                                         "+0.600 line  Which day?", "+0.600 line  How many nights?")
        var call = Harness(CallScript(document))
        _ = call.connected()
        #expect(call.read("Good day.\r\n") == [Self.send("1"), .typedAhead, Self.send("24 Dec"), .armTimeout(seconds: 5)])
        #expect(call.read("Which day?\r\nHow many nights?\r\n") == [.answered, .finish(.passed)])
    }

    // MARK: Differences

    /// A byte changed anywhere in a reply's text is found in the line it is in, with the
    /// line as said up to its end, however the reply is cut.
    @Test func aChangedByteIsFoundInItsLineWhereverItIsAndHoweverTheReplyIsCut() throws {
        let document = try Self.shortCall()
        let answer = Array(Self.answer.utf8)
        let lines = ["Which day?", "(for example 24 Dec)"]
        for position in answer.indices where answer[position] != 13 && answer[position] != 10 {
            var changed = answer
            changed[position] = answer[position] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
            let lineIndex = answer[..<position].filter { $0 == 10 }.count
            let lineStart = answer[..<position].lastIndex(of: 10).map { $0 + 1 } ?? 0
            let said = String(decoding: changed[lineStart...].prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
            let expected = Self.failed(.saidSomethingElse, line: 10 + lineIndex, offset: 1500, expected: lines[lineIndex], got: said)
            for cut in [Cut.whole, .dripFeed] + answer.indices.dropFirst().map(Cut.at) {
                var call = Harness(CallScript(document))
                _ = call.connected()
                _ = call.read(Self.greeting)
                let actions = call.read(changed, cut: cut)
                guard actions == expected else {
                    Issue.record("byte \(position) changed, cut \(cut): \(actions)")
                    return
                }
            }
        }
    }

    @Test func aShorterOrLongerLineIsSaidWhole() throws {
        for (said, got) in [("Which day\r\n", "Which day"), ("Which day? Please.\r\n", "Which day? Please.")] {
            var call = Harness(CallScript(try Self.shortCall()))
            _ = call.connected()
            _ = call.read(Self.greeting)
            #expect(call.read(said, cut: .dripFeed) == Self.failed(.saidSomethingElse, line: 10, offset: 1500, expected: "Which day?", got: got))
        }
    }

    @Test func placeholdersCaptureWhatTheLineSaysAndTheGuestSendsItBack() throws {
        let document = try Self.document("+0.000 line  Your reference is {confirmation}.",  // 7
                                         "+1.000 guest {confirmation}",                      // 8
                                         "+1.000 line  Found {confirmation}, arriving {date}.", // 9
                                         "+1.000 line  Anything else?",                      // 10
                                         "+2.000 event hung up")
        for cut in [Cut.whole, .dripFeed, .at(7)] {
            var call = Harness(CallScript(document))
            _ = call.connected()
            #expect(call.read("Your reference is R1234567.\r\n", cut: cut) == [Self.send("R1234567"), .armTimeout(seconds: 5)])
            #expect(call.read("Found R1234567, arriving Friday 24 December 2026.\r\nAnything else?\r\n", cut: cut)
                == [.answered, .armTimeout(seconds: 5)])
            #expect(call.inputEnded() == [.finish(.passed)])
        }
        var other = Harness(CallScript(document))
        _ = other.connected()
        _ = other.read("Your reference is R1234567.\r\n")
        #expect(other.read("Found R7654321, arriving Friday 24 December 2026.\r\n", cut: .dripFeed)
            == Self.failed(.saidSomethingElse, line: 9, offset: 1000, expected: "Found {confirmation}, arriving {date}.",
                           got: "Found R7654321, arriving Friday 24 December 2026."), "a placeholder keeps the value it bound")
    }

    @Test func aLineThatNeverEndsIsReportedUpToTheLimitWithoutHoldingMore() throws {
        let document = try Self.document("+0.000 line  Your reference is {confirmation}.", "+1.000 guest 1", "+1.000 line  Thank you.")
        let endless = String(repeating: "x", count: 3000)
        var pattern = Harness(CallScript(document))
        _ = pattern.connected()
        #expect(pattern.read("Your reference is " + endless, cut: .at(100))
            == Self.failed(.saidSomethingElse, line: 7, offset: 0, expected: "Your reference is {confirmation}.",
                           got: String(("Your reference is " + endless).prefix(ScriptedCall.maxReportedBytes))))
        var bytes = Harness(CallScript(try Self.shortCall()))
        _ = bytes.connected()
        #expect(bytes.read("Good " + endless, cut: .dripFeed)
            == Self.failed(.saidSomethingElse, line: 7, offset: 0, expected: "Good day.",
                           got: String(("Good " + endless).prefix(ScriptedCall.maxReportedBytes))))
    }

    @Test func aGuestLineWithAPlaceholderNothingBoundSendsItsSample() throws {
        let document = try Self.document("+0.000 line  Good day.", "+1.000 guest {ticket}", "+1.000 line  Found it.")
        var call = Harness(CallScript(document))
        _ = call.connected()
        #expect(call.read("Good day.\r\n") == [Self.send("T0000001"), .armTimeout(seconds: 5)])
    }

    // MARK: Hanging up

    @Test func aHangUpWhereTheTranscriptHasOneIsRightEvenWithoutTheHandshake() throws {
        for end: (inout Harness) -> [Action] in [{ $0.inputEnded() }, { $0.closed(.reset) }, { $0.closed(.peerClosed) }] {
            var call = Harness(CallScript(try Self.shortCall()))
            _ = call.connected()
            _ = call.read(Self.greeting)
            _ = call.read(Self.answer)
            #expect(end(&call) == [.finish(.passed)])
        }
    }

    @Test func aHangUpBeforeTheTranscriptsEndIsWrongAndNamesTheLineNotSaid() throws {
        var call = Harness(CallScript(try Self.shortCall()))
        _ = call.connected()
        _ = call.read(Self.greeting)
        _ = call.read("Which day?\r\n")
        #expect(call.inputEnded() == Self.failed(.hungUp, line: 11, offset: 1500, expected: "(for example 24 Dec)"))
        var cutShort = Harness(CallScript(try Self.shortCall()))
        _ = cutShort.connected()
        _ = cutShort.read(Self.greeting)
        _ = cutShort.read("Which d")
        #expect(cutShort.inputEnded() == Self.failed(.saidSomethingElse, line: 10, offset: 1500, expected: "Which day?", got: "Which d"),
                "a line cut short by the hang-up is a line said differently")
        var reset = Harness(CallScript(try Self.shortCall()))
        _ = reset.connected()
        #expect(reset.closed(.reset) == Self.failed(.closed(.reset), line: 7, offset: 0, expected: "Good day."))
    }

    @Test func moreWhereTheLineShouldHangUpIsWrongAndSaidWhole() throws {
        var call = Harness(CallScript(try Self.shortCall()))
        _ = call.connected()
        _ = call.read(Self.greeting)
        #expect(call.read(Self.answer + "And one more thing", cut: .dripFeed) == [.answered, .armTimeout(seconds: 5)])
        #expect(call.read(" from the line.\r\n") == Self.failed(.saidMore, line: 12, offset: 1500, expected: nil,
                                                                got: "And one more thing from the line."))
    }

    // MARK: Waiting

    @Test func nothingArrivingInTimeNamesTheLineAwaited() throws {
        var call = Harness(CallScript(try Self.shortCall()), timeout: 3)
        _ = call.connected()
        _ = call.read("Good day.\r\n  1  Ro")
        #expect(call.timedOut() == Self.failed(.timedOut(seconds: 3), line: 8, offset: 0, expected: "  1  Rooms"))
        var hangUp = Harness(CallScript(try Self.shortCall()), timeout: 3)
        _ = hangUp.connected()
        _ = hangUp.read(Self.greeting + Self.answer)
        #expect(hangUp.timedOut() == Self.failed(.timedOut(seconds: 3), line: 12, offset: 1500, expected: nil))
    }

    @Test func afterSilenceTheWaitIsTheIdleTimePlusTheLinesOwn() throws {
        let document = try Self.document("+0.000 line  Good day.", "+61.000 event no input", "+61.000 line  Are you still there?")
        var call = Harness(CallScript(document), timeout: 3, idle: 60)
        _ = call.connected()
        #expect(call.read("Good day.\r\n") == [.armTimeout(seconds: 63)], "nothing is sent for silence")
        #expect(call.timedOut() == Self.failed(.timedOut(seconds: 63), line: 9, offset: 61000, expected: "Are you still there?"))
        #expect(CallDivergence(kind: .timedOut(seconds: 63), line: 9, offset: 0).message
            == "nothing arrived for 63 s; the transcript expects this")
    }

    @Test func aServerThatCannotBeReachedIsNotADivergence() {
        var call = Harness(CallScript.echo(line: "hi"))
        #expect(call.closed(.error(ECONNREFUSED)) == [.finish(.unreachable(.error(ECONNREFUSED)))])
    }

    @Test func anAgentsPartCannotBePlayedAndFailsWhereItStarts() throws {
        let document = try Self.document("+0.000 line  Good day.",
                                         "+2.000 guest 0",
                                         "+2.000 event outcome queued position=1 wait=0",
                                         "+2.000 line  Putting you through.",
                                         "+4.000 event agent joined id=mei name=Mei",   // 11
                                         "+4.000 line  Mei is here.")
        var call = Harness(CallScript(document))
        _ = call.connected()
        _ = call.read("Good day.\r\n")
        #expect(call.read("Putting you through.\r\n") == [.answered] + Self.failed(.needsAgent, line: 11, offset: 0, expected: nil))
    }
}
