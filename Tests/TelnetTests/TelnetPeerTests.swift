import Testing
import Telnet

/// When the line offers telnet, byte by byte: a peer that sends IAC or ends a line with
/// CR NUL is offered everything at once; one whose first line ends with CR LF is asked the
/// probe alone; one that ends it with a bare LF (`nc`) or a lone CR never gets a byte.
@Suite struct TelnetPeerTests {
    /// Everything the terminal policy offers once a peer is known to speak telnet, after the probe.
    static let offerAfterProbe: [UInt8] = [iac, `do`, ttype, iac, `do`, binary, iac, will, charset]
    static let probe: [UInt8] = [iac, `do`, naws]

    @Test func ncEndingItsFirstLineWithLFIsRawForever() {
        var harness = CodecHarness(policy: .terminal)
        #expect(harness.feed("1\n") == [.text("1")])
        #expect(harness.codec.peer == .raw)
        // Later CR LF endings change nothing: the first line decided.
        #expect(harness.feed("2\r\nyes\r\0") == [.text("2"), .text("yes")])
        #expect(harness.codec.peer == .raw)
        #expect(!harness.codec.isNegotiating)
    }

    @Test func aLoneCRIsRawToo() {
        var harness = CodecHarness(policy: .terminal)
        #expect(harness.feed("1\r2\r") == [.text("1"), .text("2")])
        #expect(harness.codec.peer == .raw)
    }

    @Test func nothingIsDecidedBeforeTheFirstLineEnds() {
        var harness = CodecHarness(policy: .terminal)
        #expect(harness.feed("half a line").isEmpty)
        #expect(harness.codec.peer == .unknown)
        // CR at the end of a read: the next byte decides.
        #expect(harness.feed("\r") == [.text("half a line")])
        #expect(harness.codec.peer == .unknown)
        #expect(harness.feed("\n") == [.reply(Self.probe)])
        #expect(harness.codec.peer == .probed)
    }

    @Test func crLFFirstLineIsAskedTheProbeAlone() {
        var harness = CodecHarness(policy: .terminal)
        #expect(harness.feed("1\r\n") == [.text("1"), .reply(Self.probe)])
        #expect(harness.codec.peer == .probed)
        #expect(harness.codec.isNegotiating)
        // A second line asks nothing more.
        #expect(harness.feed("2\r\n") == [.text("2")])
    }

    @Test func answeringTheProbeBringsTheWholeOffer() {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed("1\r\n")
        let events = harness.feed([iac, will, naws, iac, sb, naws, 0, 40, 0, 24, iac, se])
        #expect(events == [.reply(Self.offerAfterProbe), .window(40, 24)])
        #expect(harness.codec.peer == .telnet)
        #expect(harness.codec.isRemoteEnabled(naws))
        #expect(harness.codec.isNegotiating, "the rest of the offer is unanswered")
    }

    @Test func refusingTheProbeStillMakesATelnetPeer() {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed("1\r\n")
        #expect(harness.feed([iac, wont, naws]) == [.reply(Self.offerAfterProbe)])
        #expect(harness.codec.peer == .telnet)
        #expect(!harness.codec.isRemoteEnabled(naws))
    }

    @Test func aProbeNeverAnsweredLeavesTheClientRaw() {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed("1\r\n")
        harness.codec.stopWaiting()
        #expect(harness.codec.peer == .raw)
        #expect(!harness.codec.isNegotiating)
        #expect(harness.feed("2\r\n") == [.text("2")])
    }

    @Test func crNULIsTelnetsAloneAndBringsTheOfferAtOnce() {
        var harness = CodecHarness(policy: .terminal)
        #expect(harness.feed("1\r\0") == [.text("1"), .reply([iac, `do`, naws] + Self.offerAfterProbe)])
        #expect(harness.codec.peer == .telnet)
    }

    @Test func anIACFirstBringsTheOfferBeforeItsAnswer() {
        var harness = CodecHarness(policy: .terminal)
        // The peer asks DO ECHO: the offer goes out, then the refusal.
        #expect(harness.feed([iac, `do`, echo]) == [.reply([iac, `do`, naws] + Self.offerAfterProbe + [iac, wont, echo])])
        #expect(harness.codec.peer == .telnet)
    }

    @Test func aRawPeerThatLaterSendsIACIsOfferedThen() {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed("1\n")
        #expect(harness.feed([iac, TelnetCommand.nop]) == [.reply([iac, `do`, naws] + Self.offerAfterProbe)])
        #expect(harness.codec.peer == .telnet)
    }

    @Test func theRefusingPolicyNeverSendsAnythingUnasked() {
        var harness = CodecHarness(policy: .refusing)
        #expect(harness.feed("1\r\n2\r\0") == [.text("1"), .text("2")])
        #expect(harness.feed([iac, TelnetCommand.nop]).isEmpty)
    }

    /// The whole exchange with a client that agrees to everything, as `telnet` and
    /// telnetlib3 do, until the codec waits for nothing.
    @Test func aFullNegotiationSettles() {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed("1\r\n")
        _ = harness.feed([iac, will, naws, iac, sb, naws, 0, 48, 0, 25, iac, se])
        // WILL TTYPE brings SEND; DO CHARSET brings our REQUEST.
        let answers = harness.feed([iac, will, ttype, iac, will, binary, iac, `do`, charset])
        #expect(answers == [.reply([iac, sb, ttype, 1, iac, se, iac, sb, charset, 1] + bytes(";UTF-8") + [iac, se])])
        #expect(harness.codec.isNegotiating)
        #expect(harness.feed([iac, sb, ttype, 0] + bytes("XTERM-256COLOR") + [iac, se]) == [.report(.terminalType("XTERM-256COLOR"))])
        #expect(harness.codec.isNegotiating, "the character set is still owed")
        // UTF-8 agreed: binary to the peer is asked now, and awaited.
        #expect(harness.feed([iac, sb, charset, 2] + bytes("UTF-8") + [iac, se]) == [.reply([iac, will, binary])])
        #expect(harness.codec.agreedCharset == "UTF-8")
        #expect(harness.codec.isNegotiating)
        #expect(harness.feed([iac, `do`, binary]).isEmpty)
        #expect(!harness.codec.isNegotiating)
        #expect(harness.codec.isLocalEnabled(binary) && harness.codec.isRemoteEnabled(binary))
    }

    @Test func aClientRefusingEverythingSettlesToo() {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed("1\r\n")
        _ = harness.feed([iac, wont, naws])
        #expect(harness.feed([iac, wont, ttype, iac, wont, binary, iac, dont, charset]).isEmpty)
        #expect(!harness.codec.isNegotiating)
        #expect(harness.codec.agreedCharset == nil)
        #expect(!harness.codec.isLocalEnabled(binary), "no binary to a client that said nothing of character sets")
    }

    @Test func aWindowSizePromisedButNeverSentIsWaitedFor() {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed([iac, will, naws])
        _ = harness.feed([iac, wont, ttype, iac, wont, binary, iac, dont, charset])
        #expect(harness.codec.isNegotiating)
        harness.codec.stopWaiting()
        #expect(!harness.codec.isNegotiating)
        // It still counts when it comes.
        #expect(harness.feed([iac, sb, naws, 0, 100, 0, 40, iac, se]) == [.window(100, 40)])
    }
}
