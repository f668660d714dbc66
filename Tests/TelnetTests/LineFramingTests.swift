import Testing
import Telnet

/// Line ends, edits, limits and text checks, without telnet commands.
@Suite struct LineFramingTests {
    @Test func everyLineEndingEndsALine() {
        var harness = CodecHarness()
        #expect(harness.feed("a\nb\r\nc\r\0d\re\n") == ["a", "b", "c", "d", "e"].map { .text($0) })
    }

    @Test func secondHalfOfALineEndingInTheNextChunkIsSwallowed() {
        var harness = CodecHarness()
        let events = harness.feed(chunks: [bytes("a\r"), bytes("\nb\r"), [0] + bytes("c\r"), bytes("d\n")])
        #expect(events == [.text("a"), .text("b"), .text("c"), .text("d")])
    }

    @Test func emptyLinesAreLines() {
        var harness = CodecHarness()
        #expect(harness.feed("\r\n\n\r\r\n") == [.text(""), .text(""), .text(""), .text("")])
    }

    @Test func backspaceAndDeleteEraseWholeScalars() {
        var harness = CodecHarness()
        #expect(harness.feed("né\u{8}\n") == [.text("n")])
        #expect(harness.feed("日本\u{7F}\n") == [.text("日")])
        #expect(harness.feed("ok😀\u{8}\n") == [.text("ok")])
        #expect(harness.feed("\u{8}\u{7F}x\n") == [.text("x")])
    }

    @Test func eraseWorksOnAScalarSplitAcrossChunks() {
        var harness = CodecHarness()
        let euro = bytes("€")
        let events = harness.feed(chunks: [bytes("a") + euro[0..<1], Array(euro[1...]), [0x7F], bytes("b\n")])
        #expect(events == [.text("ab")])
    }

    @Test func tabBecomesSpaceAndTrailingBlanksAreKept() {
        var harness = CodecHarness()
        #expect(harness.feed("a\tb  \r\n") == [.text("a b  ")])
    }

    @Test func overlongLineIsReportedOnceThenNextLineIsFine() {
        var harness = CodecHarness(maxLineBytes: 8)
        #expect(harness.feed("12345678\n") == [.text("12345678")])
        #expect(harness.feed("123456789\nok\n") == [.tooLong(limit: 8), .text("ok")])
    }

    @Test func megabyteWithoutNewlineGivesOneEventAndStaysBounded() {
        var harness = CodecHarness(maxLineBytes: 1024)
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 16 * 1024)
        var events: [TelnetCodec.Event] = []
        for _ in 0..<64 {
            events += harness.feed(chunk)
        }
        events += harness.feed("tail\nnext\n")
        #expect(events == [.tooLong(limit: 1024), .text("next")])
    }

    @Test func controlBytesCountTowardsTheLimit() {
        var harness = CodecHarness(maxLineBytes: 3)
        #expect(harness.feed("\u{1b}\u{1b}\u{1b}\u{1b}\nok\n") == [.tooLong(limit: 3), .text("ok")])
    }

    @Test func invalidUTF8IsReportedWithoutItsBytes() {
        var harness = CodecHarness()
        #expect(harness.feed([0xC3, 0x28, 0x0A]) == [.unreadable])
        #expect(harness.feed([0xC0, 0xAF, 0x0A]) == [.unreadable])
        #expect(harness.feed([0x61, 0xE2, 0x82, 0x0A]) == [.unreadable])
        #expect(harness.feed("Grüße 你好 ☕️\n") == [.text("Grüße 你好 ☕️")])
    }

    @Test func escapeSequencesAndOtherControlsAreReported() {
        var harness = CodecHarness()
        #expect(harness.feed("\u{1b}[A\r\n") == [.controlCharacters])
        #expect(harness.feed("ring\u{7}\n") == [.controlCharacters])
        #expect(harness.feed("next\u{85}line\n") == [.controlCharacters])
        #expect(harness.feed("\u{9F}\n") == [.controlCharacters])
        #expect(harness.feed("\u{A0}fine\n") == [.text("\u{A0}fine")])
    }

    @Test func erasingTheControlMakesTheLineValid() {
        var harness = CodecHarness()
        #expect(harness.feed("a\u{1b}\u{8}b\n") == [.text("ab")])
    }

    @Test func loneNULIsNoOperation() {
        var harness = CodecHarness()
        #expect(harness.feed("a\0b\n") == [.text("ab")])
    }

    @Test func finishGivesTheUnterminatedLine() {
        var harness = CodecHarness()
        #expect(harness.feed("done\npartial").count == 1)
        #expect(harness.codec.finish() == .text("partial"))
        #expect(harness.codec.finish() == nil)
        #expect(harness.feed("\r").count == 1)
        #expect(harness.codec.finish() == nil)
    }

    @Test func finishReportsABadPartialLineAndNothingForADiscardedOne() {
        var overlong = CodecHarness(maxLineBytes: 4)
        #expect(overlong.feed("abcdef") == [.tooLong(limit: 4)])
        #expect(overlong.codec.finish() == nil)
        var invalid = CodecHarness()
        #expect(invalid.feed([0xFE]).isEmpty)
        #expect(invalid.codec.finish() == .unreadable)
    }
}
