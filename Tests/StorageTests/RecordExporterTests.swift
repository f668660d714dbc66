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
        #expect(lines[1] == "R1000009,261224001,\"Ana \"\"Nana\"\" Silva, Jr.\",+442079460958,,2026-12-24,2026-12-27,3,1,deluxe,180,540,en,booked,2026-11-25T12:26:25Z,test,0,0,")
        #expect(lines.last == "", "every row ends with CR LF")
    }

    /// Reservations show each booking as it stands; the history shows how it got there.
    @Test func reservationsShowTheBookingNowAndTheHistoryEveryStepWithItsReferenceAndFee() {
        let store = Self.store()
        let number = store.bookings[0].number
        let policy = BookingPolicy()
        let late = WallTime(millisecondsSince1970: 1_798_016_400_000)  // 23 December 2026, 09:00 UTC
        _ = store.change(number, to: StayTerms(checkIn: HotelStoreTests.dec24, checkOut: HotelStoreTests.dec24.adding(days: 2), rooms: 1,
                                               roomType: "deluxe", rate: 180), agreedFee: 180, inventory: 5, policy: policy, now: late,
                         language: "en", session: "s2", token: 3)
        _ = store.cancel(number, agreedFee: 180, policy: policy, now: late, language: "en", session: "s3", token: 4)
        var reservations = "", history = ""
        RecordExporter.export(.reservations, as: .csv, from: store) { reservations += $0 }
        RecordExporter.export(.history, as: .csv, from: store) { history += $0 }
        #expect(reservations.contains(",2026-12-24,2026-12-26,2,1,deluxe,180,360,en,cancelled,2026-11-25T12:26:25Z,test,1,360,\r\n"))
        #expect(history.components(separatedBy: "\r\n") == [
            "confirmation,reference,event,check_in,check_out,nights,rooms,room_type,rate,total,fee,by,created_at",
            "R1000009,R1000009,booked,2026-12-24,2026-12-27,3,1,deluxe,180,540,0,test,2026-11-25T12:26:25Z",
            "R1000009,M1000009,changed,2026-12-24,2026-12-26,2,1,deluxe,180,360,180,s2,2026-12-23T09:00:00Z",
            "R1000009,X1000009,cancelled,2026-12-24,2026-12-26,2,1,deluxe,180,360,180,s3,2026-12-23T09:00:00Z",
            "",
        ])
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
        #expect(csv.hasPrefix("guest_file,name,phone,email,reservations,complaints,callbacks,surveys,special_needs,kind,birthday,segment,stays,spending\r\n"))
        #expect(csv.contains("261224001,\"Ana \"\"Nana\"\" Silva, Jr.\",+442079460958,,R1000009,,,,,individual,,small,0,0\r\n"))
        #expect(csv.contains("700101001,Li Wei,+8613800138000,,,T1000009,,,,individual,,small,0,0\r\n"), "a guest who only complained has a file")
    }

    /// A file's kind and birthday as agents set them, and its stays once departed; masked,
    /// the birthday is left out with the name and phone.
    @Test func guestsCarryKindBirthdaySegmentStaysAndSpending() {
        let store = Self.store()
        let number = store.bookings[0].number, file = store.bookings[0].reservation.guestFile
        let policy = BookingPolicy()
        let checkInDay = WallTime(millisecondsSince1970: 1_798_102_800_000)  // 24 December 2026, 09:00 UTC
        _ = store.move(number, .arrived, policy: policy, now: checkInDay, by: "t", token: 3)
        _ = store.move(number, .departed, policy: policy, now: checkInDay.adding(milliseconds: 3 * 86_400_000), by: "t", token: 4)
        _ = store.change(GuestFileChange(file: file, field: .kind(.business), by: "t", createdAt: checkInDay), token: 5)
        _ = store.change(GuestFileChange(file: file, field: .birthday(Birthday("02-29")), by: "t", createdAt: checkInDay), token: 6)
        var csv = "", masked = "", json = ""
        RecordExporter.export(.guests, as: .csv, from: store) { csv += $0 }
        #expect(csv.contains(",R1000009,,,,,business,02-29,small,1,540\r\n"), "\(csv)")
        let view = WorkView(rules: WorkRules(zone: HotelTimeZone("UTC")!), now: checkInDay, segments: GuestSegment.Thresholds(medium: 500, large: 540))
        RecordExporter.export(.guests, as: .json, from: store, work: view) { json += $0 }
        #expect(json.contains("\"kind\":\"business\",\"birthday\":\"02-29\",\"segment\":\"large\",\"stays\":1,\"spending\":540}"))
        RecordExporter.export(.guests, as: .csv, from: store, masked: true) { masked += $0 }
        #expect(masked.contains("261224001,Guest 2,******0958,,R1000009,,,,,business,,small,1,540\r\n"), "\(masked)")
        #expect(!masked.contains("02-29"))
    }

    @Test func timestampsAreUTCAndHandleTimesBefore1970() {
        #expect(RecordTable.timestamp(.at(0)) == "1970-01-01T00:00:00Z")
        #expect(RecordTable.timestamp(.at(-1)) == "1969-12-31T23:59:59Z")
        #expect(RecordTable.timestamp(.at(1_795_609_585_082)) == "2026-11-25T12:26:25Z")
    }

    /// The work lists export with their stage, who has them, their due time and history;
    /// `work` lists every step, oldest first.
    @Test func theWorkListsExportWithTheirHistory() {
        let (store, callback, ticket, _, survey) = WorkListStoreTests.store()
        let rules = WorkListTests.rules
        for (token, step) in [(WorkItemID.callback(callback), WorkAction.noAnswer, "voicemail" as String?, "2026-12-03T10:05"),
                              (.complaint(ticket), .investigate, nil, "2026-12-04T09:00"), (.complaint(ticket), .resolve, "new towels", "2026-12-04T10:00")]
            .enumerated().map({ ($0.offset + 50, WorkStep(item: $0.element.0, action: $0.element.1, text: $0.element.2, by: "console:mei",
                                                         createdAt: WorkListTests.instant($0.element.3))) }) {
            #expect(store.record(step, rules: rules, token: UInt64(token)) == .pending(step))
        }
        let view = WorkView(rules: rules, now: WorkListTests.instant("2026-12-04T12:00"))
        func export(_ kind: ExportKind) -> [String] {
            var text = ""
            RecordExporter.export(kind, as: .csv, from: store, work: view) { text += $0 }
            return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        }
        let callbacks = export(.callbacks)
        #expect(callbacks[0].hasSuffix(",status,created_at,session,assigned_to,due,overdue,tries,result,signed_off_by,escalated_to,special_needs,survey,department,history"))
        #expect(callbacks[1].contains(",retrying,") && callbacks[1].contains(",2026-12-03T11:05:00Z,yes,1,"), "retry due, overdue at noon: \(callbacks[1])")
        #expect(callbacks[1].hasSuffix(",2026-12-03T10:05:00Z mei no-answer: voicemail"))
        let revisits = export(.revisits)
        #expect(revisits == ["item,follows,guest_name,phone,stage,assigned_to,due,overdue,tries,result,signed_off_by,escalated_to,special_needs,survey,department,history",
                             "V-\(ticket),\(ticket),Bo Chan,+85291234567,waiting,,2026-12-07T00:00:00Z,no,0,,,,,,,"])
        #expect(export(.work) == ["item,list,action,text,by,created_at",
                                  "\(callback),callbacks,no-answer,voicemail,console:mei,2026-12-03T10:05:00Z",
                                  "\(ticket),complaints,investigating,,console:mei,2026-12-04T09:00:00Z",
                                  "\(ticket),complaints,resolved,new towels,console:mei,2026-12-04T10:00:00Z"])
        #expect(export(.feedback).count == 4, "a header and three opinions of \(survey)")
        #expect(export(.arrivals).count == 2, "the stay arriving on the 5th")
    }
}
