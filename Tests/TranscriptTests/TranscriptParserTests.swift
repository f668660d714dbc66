import HotelCalendar
import Dialogue
import Testing
import TestSupport
import Transcript

@Suite("Reading transcripts")
struct TranscriptParserTests {
    static let header = """
        # hotelline transcript 1
        # session 20261125-1000-test-1
        # flows 0123456789abcdef
        # language en
        # started 1795600800000
        # utc-offset 0

        """

    static func parse(_ body: String, header: String = header) -> Result<TranscriptDocument, TranscriptError> {
        TranscriptDocument.parse(header + body, fileName: "t.txt")
    }

    static func problem(_ body: String, header: String = header) -> String {
        switch parse(body, header: header) {
        case .success: return "parsed"
        case .failure(let error): return error.description
        }
    }

    @Test func readsHeaderEntriesEventsAndEscapes() throws {
        let document = try Self.parse("""
            +0.000 event connected from 127.0.0.1:48382
            +0.000 line  Good day.
            +0.000 line    1  Rooms and bookings
            # a note for whoever reads this
            +2.131 guest a\\u{1b}[A and a \\\\ backslash
            +7.004 event outcome found name="Maria \\\\"Mia\\\\" López" checkin=2026-12-24 checkout=2026-12-27 rooms=1 room=deluxe
            +9.902 event line longer than 1024 bytes
            +9.903 guest
            +9.904 event hung up

            """).get()
        #expect(document.header.startedAt == WallTime(millisecondsSince1970: 1_795_600_800_000))
        #expect(document.header.prompts == "0123456789abcdef")
        #expect(document.entries.count == 8)
        #expect(document.entries[2].content == .said("  1  Rooms and bookings"))
        #expect(document.entries[3].content == .typed("a\u{1b}[A and a \\ backslash"))
        #expect(document.entries[3].line == 11)
        #expect(document.entries[3].offset == 2131)
        guard case .event(.outcome(.found(let stay))) = document.entries[4].content else {
            Issue.record("not an outcome: \(document.entries[4])")
            return
        }
        #expect(stay.guestName == "Maria \"Mia\" López")
        #expect(document.entries[5].content == .event(.tooLong(limit: 1024)))
        #expect(document.entries[6].content == .typed(""), "an empty guest line whose trailing space an editor dropped")
        #expect(document.entries[7].content == .event(.hungUp))
        #expect(document.entries[3].written == "+2.131 guest a\\u{1b}[A and a \\\\ backslash", "written back as the recorder writes it")
    }

    @Test func aRecordedCallReadsBackEntryForEntry() throws {
        var call = RecordedCall.booking()
        let document = call.transcript()
        #expect(document.entries.first?.content == .event(.connected(from: "127.0.0.1:50000")))
        #expect(document.entries.contains { $0.content == .typed("+44 20 7946 0958") })
        #expect(document.entries.contains { $0.content == .event(.outcome(.saved(reference: "R1000017", guestFile: "261224001"))) })
        #expect(document.entries.last?.content == .event(.hungUp))
        for entry in document.entries { #expect(document.line(entry.line) == entry.written) }
    }

    @Test(arguments: [
        ("", "t.txt:1: empty file: a transcript starts with \"# hotelline transcript 1\""),
        ("+0.000 line  hello\n", "t.txt:1: not a hotelline transcript: the first line must be \"# hotelline transcript 1\""),
        ("# hotelline transcript 2\n", "t.txt:1: transcript format 2 is not the one this hotelline reads (1)"),
        ("# hotelline transcript 1\n# session x\n+0.000 line  hello\n",
         "t.txt:3: the header lacks # flows, # language, # started, # utc-offset before the first entry (the recorder writes session, flows, language, started and utc-offset)"),
    ])
    func aBadHeaderIsNamedWithItsLine(text: String, expected: String) {
        #expect(Self.problem(text, header: "") == expected)
    }

    @Test func badHeaderValuesSayWhatIsExpected() {
        let badStart = Self.header.replacingOccurrences(of: "# started 1795600800000", with: "# started yesterday")
        #expect(Self.problem("", header: badStart) == "t.txt:5: # started must be milliseconds since 1970, e.g. 1795609585082, not \"yesterday\"")
        let farStart = Self.header.replacingOccurrences(of: "# started 1795600800000", with: "# started 9223372036854775807")
        #expect(Self.problem("", header: farStart).hasPrefix("t.txt:5: # started must be milliseconds since 1970"))
        #expect(Self.problem("# flows again\n+0.000 line  x\n") == "t.txt:7: header field \"flows\" is given twice")
    }

    @Test(arguments: [
        ("2.131 guest 1", "t.txt:7: bad time offset \"2.131\": an entry starts with +SECONDS.MILLISECONDS, e.g. +2.131, at most ten years in"),
        ("+999999999999.999 guest 1", "t.txt:7: bad time offset \"+999999999999.999\": an entry starts with +SECONDS.MILLISECONDS, e.g. +2.131, at most ten years in"),
        ("+2.13 guest 1", "t.txt:7: bad time offset \"+2.13\": an entry starts with +SECONDS.MILLISECONDS, e.g. +2.131, at most ten years in"),
        ("+2.131 gest 1", "t.txt:7: unknown direction \"gest\" (did you mean \"guest\"?): an entry is \"line\" (what the line said), \"guest\" (what the guest typed) or \"event\""),
        ("+2.131 line hello", "t.txt:7: write \"line  TEXT\": the text starts after two spaces"),
        ("+2.131 event hung upp", "t.txt:7: unknown event \"hung upp\" (did you mean \"hung up\"?); events are \"no input\", \"line not UTF-8\", \"line with control characters\", \"interrupt\", \"closing\", \"hung up\", \"guest hung up\", \"guest finished sending\", \"closed: guest stopped reading\", \"closed: guest sent too fast\", \"outcome …\", \"connected from …\", \"not saved: …\", \"line longer than N bytes\", \"agent joined …\", \"agent said …\", \"agent answered …\", \"agent left …\", \"supervisor joined …\", "
         + "\"supervisor left …\", \"whisper …\", \"note …\", \"queue ended …\", \"queue no-one-at-desk\", \"queue vip …\", \"queue …\", \"window …\", \"terminal …\" (write a note as a # comment line)"),
        ("+2.131 event outcome found name=\"Maria", "t.txt:7: unterminated quote in the outcome (close it with \")"),
        ("+2.131 event outcome saved file=261224001", "t.txt:7: outcome saved needs reference=NUMBER"),
        ("+2.131 event outcome teleported", "t.txt:7: unknown outcome \"teleported\"; outcomes are available, full, saved, failed, found, found-booking, found-complaint, found-callback, found-file, missing, locked, cancelled, closed, quote, fee-raised, same, known, new, unavailable, past"),
        ("+2.131 event outcome available left=many", "t.txt:7: outcome available needs left=ROOMS"),
        ("+2.131 guest a\\q", "t.txt:7: bad escape \"\\q\": write a backslash as \\\\ and a control character as \\u{1b}"),
    ])
    func aBadEntryIsNamedWithItsLine(entry: String, expected: String) {
        #expect(Self.problem(entry + "\n") == expected)
    }

    @Test func timeMustNotGoBackwards() {
        #expect(Self.problem("+2.000 guest 1\n+1.999 guest 2\n") == "t.txt:8: time offset +1.999 goes back before the entry above (+2.000)")
    }

    @Test func aMissingFileIsReportedNotCrashedOn() {
        guard case .failure(let error) = TranscriptDocument.read(path: "/nonexistent/call.txt") else {
            Issue.record("read a file that is not there")
            return
        }
        #expect(error.description == "/nonexistent/call.txt: no such file")
    }
}
