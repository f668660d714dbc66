import TestSupport
import Testing
import Telnet

/// Each option the line takes, byte by byte: NAWS, TERMINAL-TYPE, TRANSMIT-BINARY, CHARSET,
/// SUPPRESS-GO-AHEAD, ECHO refused; and the commands and keys a person sends.
@Suite struct TelnetOptionTests {
    /// A codec whose peer already speaks telnet, its offer taken.
    static func telnetPeer() -> CodecHarness {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed([iac, TelnetCommand.nop])
        return harness
    }

    // MARK: NAWS (RFC 1073)

    @Test func windowSizeIsReportedOnceAgreed() {
        var harness = Self.telnetPeer()
        #expect(harness.feed([iac, will, naws]).isEmpty, "our DO NAWS was asked already: the WILL settles it")
        #expect(harness.feed([iac, sb, naws, 0, 80, 0, 24, iac, se]) == [.window(80, 24)])
        // A resize is a new subnegotiation.
        #expect(harness.feed([iac, sb, naws, 0, 132, 0, 50, iac, se]) == [.window(132, 50)])
    }

    @Test func windowSizeBeforeTheOptionIsAgreedIsIgnored() {
        var harness = CodecHarness(policy: .terminal)
        let events = harness.feed([iac, sb, naws, 0, 80, 0, 24, iac, se])
        #expect(nonReplies(events).isEmpty)
    }

    @Test func windowSizeUnsolicitedWillThenSizeInOneRead() {
        // A raw socket offering NAWS: WILL and the size together, before any DO.
        var harness = CodecHarness(policy: .terminal)
        let events = harness.feed([iac, will, naws, iac, sb, naws, 0, 40, 0, 30, iac, se])
        #expect(nonReplies(events) == [.window(40, 30)])
        #expect(replyBytes(events).starts(with: [iac, `do`, naws]))
    }

    @Test func windowSizeWithIACIACInsideItsValues() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, naws])
        // 255 columns and 511 rows: each 0xFF byte doubled.
        #expect(harness.feed([iac, sb, naws, 0, iac, iac, 1, iac, iac, iac, se]) == [.window(255, 511)])
    }

    @Test func windowSizeSplitOverManyReadsIsTheSame() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, naws])
        let size: [UInt8] = [iac, sb, naws, 0, iac, iac, 0, 40, iac, se]
        var events: [TelnetCodec.Event] = []
        for byte in size { events += harness.feed([byte]) }
        #expect(events == [.window(255, 40)])
    }

    @Test func windowSizeOfTheWrongLengthIsIgnored() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, naws])
        #expect(harness.feed([iac, sb, naws, 0, 80, 0, iac, se]).isEmpty)
        #expect(harness.feed([iac, sb, naws, 0, 80, 0, 24, 0, iac, se]).isEmpty)
    }

    @Test func aClientAnsweringAnOfferTwiceGetsNoSecondReply() {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed("1\r\n")
        let first = harness.feed([iac, will, naws])
        #expect(replyBytes(first) == TelnetPeerTests.offerAfterProbe)
        #expect(harness.feed([iac, will, naws]).isEmpty)
        #expect(harness.feed([iac, will, ttype, iac, will, ttype]) == [.reply([iac, sb, ttype, 1, iac, se])])
        #expect(harness.feed([iac, will, binary, iac, will, binary]).isEmpty)
        #expect(harness.feed([iac, `do`, charset, iac, `do`, charset]) == [.reply([iac, sb, charset, 1] + bytes(";UTF-8") + [iac, se])])
        #expect(harness.feed([iac, sb, charset, 2] + bytes("UTF-8") + [iac, se]) == [.reply([iac, will, binary])])
        #expect(harness.feed([iac, `do`, binary, iac, `do`, binary]).isEmpty)
    }

    @Test func aClientDroppingNAWSStopsTheWait() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, naws])
        #expect(harness.feed([iac, wont, naws]) == [.reply([iac, dont, naws])])
        #expect(!harness.codec.isRemoteEnabled(naws))
        #expect(harness.feed([iac, sb, naws, 0, 80, 0, 24, iac, se]).isEmpty, "no size once it is off")
    }

    // MARK: TERMINAL-TYPE (RFC 1091)

    @Test func terminalTypeIsAskedForOnceAgreedAndReported() {
        var harness = Self.telnetPeer()
        #expect(harness.feed([iac, will, ttype]) == [.reply([iac, sb, ttype, TelnetSubcommand.terminalTypeSend, iac, se])])
        #expect(harness.feed([iac, sb, ttype, 0] + bytes("vt100") + [iac, se]) == [.report(.terminalType("vt100"))])
    }

    @Test func terminalTypeIsPrintableAndBounded() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, ttype])
        let name: [UInt8] = bytes("X\u{1b}[2J") + [0xC3, 0xA9] + [UInt8](repeating: UInt8(ascii: "y"), count: 60)
        let events = harness.feed([iac, sb, ttype, 0] + name + [iac, se])
        guard case .report(.terminalType(let kept))? = events.first else {
            Issue.record("no terminal type in \(events)")
            return
        }
        #expect(kept.utf8.count <= TelnetCodec.maxTerminalTypeBytes)
        #expect(kept.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F })
        #expect(kept.hasPrefix("X[2J"))
    }

    @Test func terminalTypeSendFromThePeerIsNotAnAnswer() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, ttype])
        #expect(harness.feed([iac, sb, ttype, 1, iac, se]).isEmpty)
        #expect(harness.codec.isNegotiating, "still owed its name")
    }

    // MARK: TRANSMIT-BINARY (RFC 856)

    @Test func binaryIsAskedFromThePeerAndAgreedToItWhenItAsks() {
        var harness = Self.telnetPeer()
        #expect(harness.feed([iac, will, binary]).isEmpty, "asked in the offer")
        #expect(harness.feed([iac, `do`, binary]) == [.reply([iac, will, binary])], "not asked, but agreed to")
        #expect(harness.codec.isLocalEnabled(binary) && harness.codec.isRemoteEnabled(binary))
        // Text in binary mode: UTF-8 and a lone CR (telnet in binary mode ends lines so) or LF.
        #expect(harness.feed(bytes("m² 中文\r") + bytes("next\n")) == [.text("m² 中文"), .text("next")])
    }

    @Test func binaryAskedByThePeerFirstIsAgreed() {
        var harness = CodecHarness(policy: .terminal)
        _ = harness.feed("hi\n")
        let events = harness.feed([iac, `do`, binary])
        // The offer first, then the agreement to what the peer asked.
        #expect(events == [.reply([iac, `do`, naws] + TelnetPeerTests.offerAfterProbe + [iac, will, binary])])
        #expect(harness.codec.isLocalEnabled(binary))
    }

    // MARK: CHARSET (RFC 2066)

    @Test func ourRequestForUTF8IsAcceptedOrRejected() {
        var accepting = Self.telnetPeer()
        #expect(accepting.feed([iac, `do`, charset]) == [.reply([iac, sb, charset, 1, UInt8(ascii: ";")] + bytes("UTF-8") + [iac, se])])
        #expect(accepting.feed([iac, sb, charset, 2] + bytes("utf-8") + [iac, se]) == [.reply([iac, will, binary])])
        #expect(accepting.codec.agreedCharset == "UTF-8")
        var rejecting = Self.telnetPeer()
        _ = rejecting.feed([iac, `do`, charset])
        #expect(rejecting.feed([iac, sb, charset, 3, iac, se]).isEmpty)
        #expect(rejecting.codec.agreedCharset == nil)
    }

    @Test func aRequestListingUTF8IsAccepted() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, charset])
        let request: [UInt8] = [iac, sb, charset, 1] + bytes(" ISO-8859-1 UTF-8 US-ASCII") + [iac, se]
        #expect(harness.feed(request) == [.reply([iac, sb, charset, 2] + bytes("UTF-8") + [iac, se, iac, will, binary])])
        #expect(harness.codec.agreedCharset == "UTF-8")
    }

    @Test func aRequestWithATranslationTableFlagIsReadPastIt() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, charset])
        let request: [UInt8] = [iac, sb, charset, 1] + bytes("[TTABLE]") + [1] + bytes(";utf8;latin1") + [iac, se]
        #expect(harness.feed(request) == [.reply([iac, sb, charset, 2] + bytes("utf8") + [iac, se, iac, will, binary])])
    }

    @Test func aRequestWithoutUTF8IsRejected() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, charset])
        let request: [UInt8] = [iac, sb, charset, 1] + bytes(";ISO-8859-1;KOI8-R") + [iac, se]
        #expect(harness.feed(request) == [.reply([iac, sb, charset, 3, iac, se])])
        #expect(harness.codec.agreedCharset == nil)
    }

    @Test func aRequestBeforeCharsetIsAgreedIsIgnored() {
        var harness = Self.telnetPeer()
        #expect(harness.feed([iac, sb, charset, 1] + bytes(";UTF-8") + [iac, se]).isEmpty)
    }

    @Test func aTranslationTableIsRefused() {
        var harness = Self.telnetPeer()
        _ = harness.feed([iac, will, charset])
        #expect(harness.feed([iac, sb, charset, 4, 1] + bytes("x") + [iac, se]) == [.reply([iac, sb, charset, 5, iac, se])])
    }

    // MARK: SUPPRESS-GO-AHEAD, ECHO and the rest

    @Test func suppressGoAheadIsAgreedBothWaysWhenAsked() {
        var harness = Self.telnetPeer()
        #expect(harness.feed([iac, `do`, sga]) == [.reply([iac, will, sga])])
        #expect(harness.feed([iac, will, sga]) == [.reply([iac, `do`, sga])])
    }

    @Test func echoAndEverythingElseAreRefused() {
        var harness = Self.telnetPeer()
        #expect(harness.feed([iac, `do`, echo]) == [.reply([iac, wont, echo])])
        #expect(harness.feed([iac, will, TelnetOption.lineMode, iac, `do`, TelnetOption.timingMark])
                == [.reply([iac, dont, TelnetOption.lineMode, iac, wont, TelnetOption.timingMark])])
    }

    @Test func echoAskedByUsIsAgreedByTheQMethod() {
        var harness = Self.telnetPeer()
        #expect(harness.codec.enableLocal(echo) == [iac, will, echo])
        #expect(harness.feed([iac, `do`, echo]).isEmpty)
        #expect(harness.codec.isLocalEnabled(echo))
        #expect(harness.codec.disableLocal(echo) == [iac, wont, echo])
    }

    // MARK: What a person sends

    @Test func interruptBreakCtrlCAndCtrlDEndTheLineAsAnInterrupt() {
        var harness = Self.telnetPeer()
        #expect(harness.feed(bytes("half") + [iac, TelnetCommand.ip]) == [.interrupt])
        #expect(harness.feed(bytes("half") + [iac, TelnetCommand.brk] + bytes("x\n")) == [.interrupt, .text("x")])
        #expect(harness.feed(bytes("typed") + [0x03]) == [.interrupt])
        #expect(harness.feed([0x04]) == [.interrupt])
    }

    @Test func areYouThereIsAnsweredWithAShortLine() {
        var harness = Self.telnetPeer()
        #expect(harness.feed([iac, TelnetCommand.ayt]) == [.reply(bytes("\r\n[HotelLine: yes, still here]\r\n"))])
    }

    @Test func characterModeEditsWork() {
        var harness = Self.telnetPeer()
        // Backspace and DEL take a character, Ctrl-U the line, Ctrl-W a word; IAC EC and EL as well.
        #expect(harness.feed(bytes("ab") + [0x08] + bytes("c") + [0x7F] + bytes("d\r\0")) == [.text("ad")])
        #expect(harness.feed(bytes("wrong") + [0x15] + bytes("right\r\0")) == [.text("right")])
        #expect(harness.feed(bytes("two words ") + [0x17] + bytes("lines\r\0")) == [.text("two lines")])
        #expect(harness.feed(bytes("x") + [iac, TelnetCommand.ec] + bytes("y") + [iac, TelnetCommand.el] + bytes("z\r\0")) == [.text("z")])
    }

    @Test func dataIACIsEscapedForTelnetPeers() {
        #expect(TelnetCodec.escapingIAC([1, 255, 2, 255, 255]) == [1, 255, 255, 2, 255, 255, 255, 255])
        #expect(TelnetCodec.escapingIAC(bytes("plain")) == bytes("plain"))
    }
}
