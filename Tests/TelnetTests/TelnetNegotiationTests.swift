import Testing
import Telnet

/// Option negotiation by RFC 1143's Q method: refusals, acceptance, queueing, no loops.
@Suite struct TelnetNegotiationTests {
    let echo = TelnetOption.echo
    let windowSize = TelnetOption.windowSize
    let suppressGoAhead = TelnetOption.suppressGoAhead

    @Test func refusesEveryOptionByDefault() {
        var harness = CodecHarness()
        #expect(harness.feed([iac, TelnetCommand.do, echo]) == [.reply([iac, TelnetCommand.wont, echo])])
        #expect(harness.feed([iac, TelnetCommand.will, windowSize]) == [.reply([iac, TelnetCommand.dont, windowSize])])
        #expect(!harness.codec.isLocalEnabled(echo))
        #expect(!harness.codec.isRemoteEnabled(windowSize))
    }

    @Test func refusalsInOneChunkComeOutAsOneReply() {
        var harness = CodecHarness()
        let input = [iac, TelnetCommand.do, echo, iac, TelnetCommand.will, windowSize]
        #expect(harness.feed(input) == [.reply([iac, TelnetCommand.wont, echo, iac, TelnetCommand.dont, windowSize])])
    }

    @Test func disablingAnOptionThatIsOffGetsNoReply() {
        var harness = CodecHarness()
        #expect(harness.feed([iac, TelnetCommand.dont, echo, iac, TelnetCommand.wont, windowSize]).isEmpty)
    }

    @Test func acceptedOptionIsAgreedOnceThenQuiet() {
        var harness = CodecHarness()
        harness.codec.acceptsLocal = [suppressGoAhead]
        #expect(harness.feed([iac, TelnetCommand.do, suppressGoAhead]) == [.reply([iac, TelnetCommand.will, suppressGoAhead])])
        #expect(harness.codec.isLocalEnabled(suppressGoAhead))
        #expect(harness.feed([iac, TelnetCommand.do, suppressGoAhead]).isEmpty)
        #expect(harness.feed([iac, TelnetCommand.dont, suppressGoAhead]) == [.reply([iac, TelnetCommand.wont, suppressGoAhead])])
        #expect(!harness.codec.isLocalEnabled(suppressGoAhead))
    }

    @Test func enableLocalAwaitsTheAnswerWithoutReplying() {
        var harness = CodecHarness()
        #expect(harness.codec.enableLocal(echo) == [iac, TelnetCommand.will, echo])
        #expect(harness.codec.enableLocal(echo).isEmpty)
        #expect(harness.feed([iac, TelnetCommand.do, echo]).isEmpty)
        #expect(harness.codec.isLocalEnabled(echo))
        #expect(harness.codec.disableLocal(echo) == [iac, TelnetCommand.wont, echo])
        #expect(harness.feed([iac, TelnetCommand.dont, echo]).isEmpty)
        #expect(!harness.codec.isLocalEnabled(echo))
    }

    @Test func changeOfMindMidNegotiationIsQueuedNotSent() {
        var harness = CodecHarness()
        #expect(harness.codec.enableLocal(echo) == [iac, TelnetCommand.will, echo])
        #expect(harness.codec.disableLocal(echo).isEmpty)
        // The peer agrees to the first request; the queued one goes out now.
        #expect(harness.feed([iac, TelnetCommand.do, echo]) == [.reply([iac, TelnetCommand.wont, echo])])
        #expect(harness.feed([iac, TelnetCommand.dont, echo]).isEmpty)
        #expect(!harness.codec.isLocalEnabled(echo))
    }

    @Test func refusedRequestSettlesOff() {
        var harness = CodecHarness()
        #expect(harness.codec.enableRemote(windowSize) == [iac, TelnetCommand.do, windowSize])
        #expect(harness.feed([iac, TelnetCommand.wont, windowSize]).isEmpty)
        #expect(!harness.codec.isRemoteEnabled(windowSize))
    }

    /// Two codecs wired back to back (swift-nio-ssh style): whatever either asks, the
    /// exchange falls silent within a few rounds.
    @Test(arguments: [false, true])
    func backToBackNegotiationFallsSilent(peerAcceptsEverything: Bool) {
        var server = CodecHarness()
        server.codec.acceptsLocal = [suppressGoAhead]
        var client = CodecHarness()
        if peerAcceptsEverything {
            client.codec.acceptsLocal = Set(0...255)
            client.codec.acceptsRemote = Set(0...255)
        }
        var toServer = client.codec.enableRemote(suppressGoAhead)
            + client.codec.enableLocal(windowSize) + client.codec.enableLocal(TelnetOption.terminalType)
        var toClient = server.codec.enableLocal(echo) + server.codec.enableRemote(TelnetOption.lineMode)
        var rounds = 0
        while !(toServer.isEmpty && toClient.isEmpty) {
            rounds += 1
            guard rounds <= 4 else {
                Issue.record("negotiation still talking after \(rounds) rounds")
                return
            }
            let serverReplies = replyBytes(server.feed(toServer))
            let clientReplies = replyBytes(client.feed(toClient))
            toClient = serverReplies
            toServer = clientReplies
        }
        #expect(server.codec.isLocalEnabled(suppressGoAhead))
        #expect(!server.codec.isRemoteEnabled(windowSize))
        #expect(server.codec.isLocalEnabled(echo) == peerAcceptsEverything)
        #expect(client.codec.isRemoteEnabled(echo) == peerAcceptsEverything)
        #expect(server.codec.isRemoteEnabled(TelnetOption.lineMode) == peerAcceptsEverything)
        #expect(client.codec.isRemoteEnabled(suppressGoAhead))
    }

    @Test func peerRepeatingARefusedRequestGetsOneAnswerEach() {
        var harness = CodecHarness()
        let request: [UInt8] = [iac, TelnetCommand.do, echo]
        let events = harness.feed(request + request + request)
        #expect(events == [.reply([UInt8]([iac, TelnetCommand.wont, echo]) + [iac, TelnetCommand.wont, echo] + [iac, TelnetCommand.wont, echo])])
    }
}
