import Testing
import Telnet

/// IAC commands other than option negotiation: escapes, subnegotiation, edits, AYT, interrupts.
@Suite struct TelnetCommandTests {
    @Test func iacIACIsALiteral0xFFWhichIsNotText() {
        var harness = CodecHarness()
        #expect(harness.feed(bytes("a") + [iac, iac] + bytes("b\r\n")) == [.unreadable])
        #expect(harness.codec.sawTelnet)
    }

    @Test func rawInputLeavesSawTelnetFalse() {
        var harness = CodecHarness()
        #expect(harness.feed("hello\r\n") == [.text("hello")])
        #expect(!harness.codec.sawTelnet)
    }

    @Test func subnegotiationIsSkippedWholeEvenWithEscapedIAC() {
        var harness = CodecHarness()
        let terminalType: [UInt8] = [iac, TelnetCommand.sb, TelnetOption.terminalType, 0] + bytes("xterm")
            + [iac, iac, 7, iac, TelnetCommand.se]
        #expect(harness.feed(bytes("ab") + terminalType + bytes("cd\r\n")) == [.text("abcd")])
    }

    @Test func overlongSubnegotiationIsAbandonedAndInputReadAgain() {
        var harness = CodecHarness()
        let endless = [iac, TelnetCommand.sb, TelnetOption.terminalType] + [UInt8](repeating: UInt8(ascii: "z"), count: 600)
        let events = harness.feed(endless + bytes("\r\nok\r\n"))
        #expect(events.last == .text("ok"))
        #expect(events.count == 2)
        if case .typed(.text(let spill))? = events.first {
            #expect(spill.utf8.count < 600 - TelnetCodec.maxSubnegotiationBytes + 2)
        }
    }

    @Test func nopDataMarkAndGoAheadAreIgnored() {
        var harness = CodecHarness()
        let input = bytes("a") + [iac, TelnetCommand.nop] + bytes("b") + [iac, TelnetCommand.dm]
            + bytes("c") + [iac, TelnetCommand.ga] + bytes("\r\n")
        #expect(harness.feed(input) == [.text("abc")])
    }

    @Test func areYouThereGetsPlainTextReply() {
        var harness = CodecHarness()
        #expect(harness.feed([iac, TelnetCommand.ayt]) == [.reply(bytes("\r\n[HotelLine: yes, still here]\r\n"))])
    }

    @Test func eraseCharacterRemovesOneWholeScalar() {
        var harness = CodecHarness()
        #expect(harness.feed(bytes("ab€") + [iac, TelnetCommand.ec] + bytes("\r\n")) == [.text("ab")])
        #expect(harness.feed(bytes("x") + [iac, TelnetCommand.ec, iac, TelnetCommand.ec] + bytes("y\n")) == [.text("y")])
    }

    @Test func eraseLineStartsAfresh() {
        var harness = CodecHarness()
        #expect(harness.feed(bytes("garbage") + [iac, TelnetCommand.el] + bytes("fresh\r\n")) == [.text("fresh")])
    }

    @Test func eraseLineEndsAnOverlongLine() {
        var harness = CodecHarness(maxLineBytes: 4)
        let events = harness.feed(bytes("too long") + [iac, TelnetCommand.el] + bytes("ok\n"))
        #expect(events == [.tooLong(limit: 4), .text("ok")])
    }

    @Test func interruptProcessBreakAndAbortOutputAreInterrupts() {
        var harness = CodecHarness()
        let input = [iac, TelnetCommand.ip, iac, TelnetCommand.brk, iac, TelnetCommand.ao]
        #expect(harness.feed(input) == [.interrupt, .interrupt, .interrupt])
    }

    @Test func iacSplitAcrossChunksIsStillACommand() {
        var harness = CodecHarness()
        #expect(harness.feed([iac]).isEmpty)
        #expect(harness.feed([TelnetCommand.do]).isEmpty)
        #expect(harness.feed([TelnetOption.echo]) == [.reply([iac, TelnetCommand.wont, TelnetOption.echo])])
        #expect(harness.feed(bytes("a") + [iac]).isEmpty)
        #expect(harness.feed([iac] + bytes("b\n")) == [.unreadable])
        #expect(harness.feed([iac, TelnetCommand.sb, 31, 0]).isEmpty)
        #expect(harness.feed([80, iac]).isEmpty)
        #expect(harness.feed([TelnetCommand.se] + bytes("ok\n")) == [.text("ok")])
    }

    @Test func crThenCommandThenLFIsStillOneLineEnd() {
        var harness = CodecHarness()
        #expect(harness.feed(bytes("a\r") + [iac, TelnetCommand.nop] + bytes("\nb\n")) == [.text("a"), .text("b")])
    }

    @Test func repliesKeepTheirPlaceAmongLines() {
        var harness = CodecHarness()
        let input = bytes("one\n") + [iac, TelnetCommand.ayt] + bytes("two\n")
        #expect(harness.feed(input) == [.text("one"), .reply(TelnetCodec.defaultAreYouThereReply), .text("two")])
    }
}
