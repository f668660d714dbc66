import HotelCalendar
import Testing
@testable import Storage

@Suite("Export")
struct RecordExporterTests {
    static func store() -> HotelStore {
        let store = HotelStore(log: MemoryLog())
        _ = store.reserve(HotelStoreTests.booking("Ana \"Nana\" Silva, Jr."), inventory: 5, now: .at(1_795_609_585_082), token: 1)
        _ = store.fileComplaint(ComplaintTicket.Request(
            category: "housekeeping", details: "=HYPERLINK(\"http://x\")\nline two", expectedResolution: "Towels", guestName: "Li Wei",
            phone: "+8613800138000", roomNumber: nil, language: "en", followUpBy: HotelStoreTests.dec24, session: "s1"), now: .at(0), token: 2)
        return store
    }

    static func export(_ kind: ExportKind, _ format: ExportFormat) -> String {
        var text = ""
        RecordExporter.export(kind, as: format, from: store()) { text += $0 }
        return text
    }

    @Test func csvFollowsRFC4180WithAHeaderAndCRLF() {
        let csv = Self.export(.reservations, .csv)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("confirmation,guest_file,guest_name,phone,email,check_in,check_out,nights"))
        #expect(lines[1] == "R1000009,261224001,\"Ana \"\"Nana\"\" Silva, Jr.\",+442079460958,,2026-12-24,2026-12-27,3,1,deluxe,180,540,en,confirmed,2026-11-25T12:26:25Z,test")
        #expect(lines.last == "", "every row ends with CR LF")
    }

    @Test func guestTextCannotBecomeASpreadsheetFormulaAndNewlinesStayInside() {
        let csv = Self.export(.complaints, .csv)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\nline two\""))
    }

    @Test func jsonLinesKeepTypesAndEscapeControls() {
        let json = Self.export(.complaints, .json)
        #expect(json.hasSuffix("}\n"))
        #expect(json.contains("\"details\":\"=HYPERLINK(\\\"http://x\\\")\\nline two\""))
        #expect(json.contains("\"room_number\":null"))
        let reservations = Self.export(.reservations, .json)
        #expect(reservations.contains("\"nights\":3,\"rooms\":1"))
    }

    @Test func guestsListTheirRecordsByNumber() {
        let csv = Self.export(.guests, .csv)
        #expect(csv.contains("261224001,\"Ana \"\"Nana\"\" Silva, Jr.\",+442079460958,,R1000009,,,\r\n"))
    }

    @Test func timestampsAreUTCAndHandleTimesBefore1970() {
        #expect(RecordTable.timestamp(.at(0)) == "1970-01-01T00:00:00Z")
        #expect(RecordTable.timestamp(.at(-1)) == "1969-12-31T23:59:59Z")
        #expect(RecordTable.timestamp(.at(1_795_609_585_082)) == "2026-11-25T12:26:25Z")
    }
}
