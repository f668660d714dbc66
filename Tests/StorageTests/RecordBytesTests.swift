import HotelCalendar
import Testing
@testable import Storage

/// The journal's bytes, pinned: one record of each kind, every optional field both set and
/// unset, as this version writes them (`current`), and as earlier versions wrote them
/// (`records`, each read back at its version). Journals written by earlier builds must read
/// back, so a change to the record types may move code around but never these bytes.
@Suite("Record bytes on disk")
struct RecordBytesTests {
    static let file = GuestFileNumber(arrival: CivilDate(year: 2026, month: 12, day: 3)!, serial: 7)

    /// Records as this version writes them, with the version each kind is written in.
    static let current: [(HotelRecord, String, UInt8)] = [
        (.reservation(Reservation(
            number: ConfirmationNumber(serial: 100_001), guestFile: GuestFileNumber(arrival: CivilDate(year: 2026, month: 12, day: 24)!, serial: 1),
            request: Reservation.Request(
                guestName: "Maria López", phone: "+442079460958", email: "maria@example.com",
                checkIn: CivilDate(year: 2026, month: 12, day: 24)!, checkOut: CivilDate(year: 2026, month: 12, day: 27)!,
                rooms: 5, roomType: "deluxe", rate: 180, language: "es", session: "20261125-1226-1-1"),
            status: .confirmed, createdAt: WallTime(millisecondsSince1970: 1_795_609_585_082), fileKind: .group)), "c29a0c96c502020c4d61726961204cc3b370657a0d2b34343230373934363039353801116d61726961406578616d706c652e636f6d96c5"
         + "029cc5020a0664656c757865e80202657302f496dfaac2681132303236313132352d313232362d312d3106", 2),
        (.complaint(ComplaintTicket(
            number: TicketNumber(serial: 100_002), request: ComplaintTicket.Request(
                category: "housekeeping", details: "No towels", expectedResolution: "Towels today", guestName: "Li Wei",
                phone: "+8613800138000", roomNumber: nil, language: "zh", followUpBy: CivilDate(year: 2026, month: 11, day: 28)!,
                session: "s-2"),
            status: .investigating, createdAt: WallTime(millisecondsSince1970: 8), guestFile: file)), "c49a0c0c686f7573656b656570696e67094e6f20746f77656c730c546f77656c7320746f646179064c69205765690e2b38363133383030"
         + "31333830303000027a68e2c402041003732d3201ecc4020e", 2),
        (.callback(CallbackRequest(
            number: CallbackNumber(serial: 100_003), request: CallbackRequest.Request(
                phone: "+34911234567", guestName: nil, dueAt: WallTime(millisecondsSince1970: 1_795_609_585_000), windowMinutes: 30, reason: "billing question",
                callLanguage: "es", language: "zh-Hant", session: "s-3"),
            status: .noAnswer, createdAt: WallTime(millisecondsSince1970: -1), guestFile: file)), "c69a0c0c2b333439313132333435363700e2cfb6b00d3c1062696c6c696e67207175657374696f6e026573060103732d33077a682d4861"
         + "6e7401ecc4020e", 3),
        (.survey(SurveyResponse(
            number: SurveyNumber(serial: 100_005), request: SurveyResponse.Request(
                declined: true, confirmation: nil, guestName: nil, phone: "+442079460958", ratings: [:], stayAgain: nil,
                recommend: false, suggestions: nil, language: "zh", session: "s-5"),
            createdAt: WallTime(millisecondsSince1970: 9), guestFile: file)), "ca9a0c010000010d2b34343230373934363039353800020000027a681203732d3501ecc4020e", 2),
        (.survey(SurveyResponse(
            number: SurveyNumber(serial: 100_006), request: SurveyResponse.Request(
                declined: true, confirmation: nil, guestName: nil, phone: nil, ratings: [:], stayAgain: nil,
                recommend: nil, suggestions: nil, language: "en", session: "s-6"),
            createdAt: WallTime(millisecondsSince1970: 10))), "cc9a0c010000000002020002656e1403732d3600", 2),
        (.fileChange(GuestFileChange(file: file, field: .kind(.vip), by: "console:mei", createdAt: WallTime(millisecondsSince1970: 12))), "ecc4020e00080b636f6e736f6c653a6d656918", 1),
        (.fileChange(GuestFileChange(file: file, field: .birthday(Birthday(month: 2, day: 29)), by: "console:mei",
                                     createdAt: WallTime(millisecondsSince1970: 13))), "ecc4020e02ca030b636f6e736f6c653a6d65691a", 1),
        (.fileChange(GuestFileChange(file: file, field: .birthday(nil), by: "console:ana", createdAt: WallTime(millisecondsSince1970: 14))), "ecc4020e02000b636f6e736f6c653a616e611c", 1),
        (.call(CallRecord(session: "s-9", startedAt: WallTime(millisecondsSince1970: 1000), endedAt: WallTime(millisecondsSince1970: 61_500),
                          language: "zh-Hant", waits: [PersonWait(milliseconds: 12_500, ending: .putThrough), PersonWait(milliseconds: 0, ending: .nobodyOnDuty)])),
         "03732d39d00ff8c007077a682d48616e7404a8c301020006", 1),
        (.call(CallRecord(session: "s-10", startedAt: WallTime(millisecondsSince1970: 5), endedAt: WallTime(millisecondsSince1970: 5), language: "en")),
         "04732d31300a0a02656e00", 1),
    ]

    @Test(arguments: current.indices)
    func eachKindIsWrittenAsThisVersionWritesIt(index: Int) throws {
        let (record, bytes, version) = Self.current[index]
        let frame = record.encoded()
        #expect(Self.hex(frame.payload) == bytes)
        #expect(frame.version == version)
        #expect(try HotelRecord(decoding: JournalRecord(type: frame.type, version: version, payload: Self.bytes(hex: bytes))) == record)
    }

    /// Records as earlier versions wrote them: each reads back at the version it was written in.
    static let records: [(HotelRecord, String)] = [
        (.reservation(Reservation(
            number: ConfirmationNumber(serial: 100_001), guestFile: GuestFileNumber(arrival: CivilDate(year: 2026, month: 12, day: 24)!, serial: 1),
            request: Reservation.Request(
                guestName: "Maria López", phone: "+442079460958", email: "maria@example.com",
                checkIn: CivilDate(year: 2026, month: 12, day: 24)!, checkOut: CivilDate(year: 2026, month: 12, day: 27)!,
                rooms: 2, roomType: "deluxe", rate: 180, language: "es", session: "20261125-1226-1-1"),
            status: .confirmed, createdAt: WallTime(millisecondsSince1970: 1_795_609_585_082))),
         "c29a0c96c502020c4d61726961204cc3b370657a0d2b34343230373934363039353801116d61726961406578616d706c652e636f6d96c5"
         + "029cc502040664656c757865e80202657302f496dfaac2681132303236313132352d313232362d312d31"),
        (.complaint(ComplaintTicket(
            number: TicketNumber(serial: 100_002), request: ComplaintTicket.Request(
                category: "housekeeping", details: "No towels", expectedResolution: "Towels today", guestName: "Li Wei",
                phone: "+8613800138000", roomNumber: nil, language: "zh", followUpBy: CivilDate(year: 2026, month: 11, day: 28)!,
                session: "s-2"),
            status: .investigating, createdAt: WallTime(millisecondsSince1970: 8))),
         "c49a0c0c686f7573656b656570696e67094e6f20746f77656c730c546f77656c7320746f646179064c69205765690e2b38363133383030"
         + "31333830303000027a68e2c402041003732d32"),
        (.callback(CallbackRequest(
            number: CallbackNumber(serial: 100_003), request: CallbackRequest.Request(
                phone: "+34911234567", guestName: nil, dueAt: WallTime(millisecondsSince1970: 1_795_609_585_000), windowMinutes: 30, reason: "billing question",
                callLanguage: "es", language: "zh-Hant", session: "s-3"),
            status: .noAnswer, createdAt: WallTime(millisecondsSince1970: -1))),
         // Version 2: version 1's bytes, then the language of the call.
         "c69a0c0c2b333439313132333435363700e2cfb6b00d3c1062696c6c696e67207175657374696f6e026573060103732d33077a682d48616e74"),
        (.survey(SurveyResponse(
            number: SurveyNumber(serial: 100_004), request: SurveyResponse.Request(
                declined: false, confirmation: ConfirmationNumber(serial: 100_001), guestName: "Ana", phone: nil,
                ratings: ["housekeeping": 4, "front_desk": 5], stayAgain: true, recommend: nil, suggestions: "More pillows",
                language: "en", session: "s-4"),
            createdAt: WallTime(millisecondsSince1970: 1_795_609_585_082))),
         "c89a0c0001c29a0c0103416e6100040a66726f6e745f6465736b0a0c686f7573656b656570696e67080102010c4d6f72652070696c6c6f"
         + "777302656ef496dfaac26803732d34"),
        (.survey(SurveyResponse(
            number: SurveyNumber(serial: 100_005), request: SurveyResponse.Request(
                declined: true, confirmation: nil, guestName: nil, phone: "+442079460958", ratings: [:], stayAgain: nil,
                recommend: false, suggestions: nil, language: "zh", session: "s-5"),
            createdAt: WallTime(millisecondsSince1970: 9))),
         "ca9a0c010000010d2b34343230373934363039353800020000027a681203732d35"),
        (.change(BookingChange(
            number: ChangeNumber(serial: 100_006), request: BookingChange.Request(
                confirmation: ConfirmationNumber(serial: 100_001),
                terms: StayTerms(checkIn: CivilDate(year: 2026, month: 12, day: 25)!, checkOut: CivilDate(year: 2026, month: 12, day: 28)!,
                                 rooms: 1, roomType: "suite", rate: 390),
                fee: 360, language: "en", session: "s-6"),
            previous: StayTerms(checkIn: CivilDate(year: 2026, month: 12, day: 24)!, checkOut: CivilDate(year: 2026, month: 12, day: 27)!,
                                rooms: 2, roomType: "deluxe", rate: 180),
            createdAt: WallTime(millisecondsSince1970: 1_798_016_400_000))),
         "cc9a0cc29a0c96c5029cc502040664656c757865e80298c5029ec502020573756974658c06d00502656e80ea87a2d46803732d36"),
        (.cancellation(BookingCancellation(
            number: CancellationNumber(serial: 100_007), request: BookingCancellation.Request(
                confirmation: ConfirmationNumber(serial: 100_001), fee: 0, language: "zh", session: "s-7"),
            createdAt: WallTime(millisecondsSince1970: 10))),
         "ce9a0cc29a0c00027a681403732d37"),
        (.stayMove(StayMove(confirmation: ConfirmationNumber(serial: 100_001), kind: .noShow, fee: 180, by: "line",
                            createdAt: WallTime(millisecondsSince1970: 1_798_189_200_000))),
         "c29a0c06e802046c696e6580caedc6d568"),
        (.stayMove(StayMove(confirmation: ConfirmationNumber(serial: 100_008), kind: .arrived, fee: 0, by: "console:mei",
                            createdAt: WallTime(millisecondsSince1970: 11))),
         "d09a0c02000b636f6e736f6c653a6d656916"),
    ]

    /// Read back, an earlier build's record has no guest file of its own (it links by its
    /// phone) and a reservation opened its file as an individual's.
    @Test(arguments: records.indices)
    func eachKindIsReadAsEarlierBuildsWroteIt(index: Int) throws {
        let (record, bytes) = Self.records[index]
        let frame = record.encoded()
        let version: UInt8 = switch record {
        case .callback: 2
        case .reservation, .complaint, .survey, .change, .cancellation, .stayMove, .workStep, .fileChange, .call: 1
        }
        if version == frame.version { #expect(Self.hex(frame.payload) == bytes) }
        #expect(try HotelRecord(decoding: JournalRecord(type: frame.type, version: version, payload: Self.bytes(hex: bytes))) == record)
    }

    /// A damaged change to a file is refused with what is wrong, never guessed at.
    @Test func aDamagedFileChangeIsRefused() throws {
        let (_, good, _) = Self.current[5]
        var bytes = Self.bytes(hex: good)
        #expect(throws: RecordDecodingError.self) { try HotelRecord(decoding: JournalRecord(type: 9, version: 1, payload: Array(bytes.dropLast(3)))) }
        #expect(throws: RecordDecodingError.unknownVersion(type: 9, version: 2)) {
            try HotelRecord(decoding: JournalRecord(type: 9, version: 2, payload: bytes))
        }
        // The kind's number (4, VIP) made 9: no such kind.
        let kindAt = bytes.firstIndex(of: 8)!  // zig-zag 4
        bytes[kindAt] = 18
        #expect(throws: RecordDecodingError.malformed("guest kind 9")) { try HotelRecord(decoding: JournalRecord(type: 9, version: 1, payload: bytes)) }
        // A birthday of 30 February.
        var birthday = RecordWriter()
        birthday.write(20_425); birthday.write(7); birthday.write(1); birthday.write(230); birthday.write("console:mei"); birthday.write(Int64(1))
        #expect(throws: RecordDecodingError.malformed("birthday 230")) {
            try HotelRecord(decoding: JournalRecord(type: 9, version: 1, payload: birthday.bytes))
        }
        // What changed, of a kind no version wrote.
        var what = RecordWriter()
        what.write(20_425); what.write(7); what.write(5); what.write(1); what.write("console:mei"); what.write(Int64(1))
        #expect(throws: RecordDecodingError.malformed("guest file change of kind 5")) {
            try HotelRecord(decoding: JournalRecord(type: 9, version: 1, payload: what.bytes))
        }
    }

    /// A damaged call is refused with what is wrong: a wait's ending no version wrote, a wait
    /// of negative length, more waits than the record holds.
    @Test func aDamagedCallIsRefused() throws {
        func call(waits: Int, _ fields: [Int]) -> JournalRecord {
            var writer = RecordWriter()
            writer.write("s-1"); writer.write(Int64(1)); writer.write(Int64(2)); writer.write("en"); writer.write(waits)
            for field in fields { writer.write(field) }
            return JournalRecord(type: 10, version: 1, payload: writer.bytes)
        }
        #expect(throws: RecordDecodingError.malformed("a wait ending 9")) { try HotelRecord(decoding: call(waits: 1, [500, 9])) }
        #expect(throws: RecordDecodingError.malformed("a wait of -5 ms")) { try HotelRecord(decoding: call(waits: 1, [-5, 1])) }
        #expect(throws: RecordDecodingError.self) { try HotelRecord(decoding: call(waits: 2, [500, 1])) }
        #expect(throws: RecordDecodingError.malformed("-1 waits for a person")) { try HotelRecord(decoding: call(waits: -1, [])) }
        #expect(throws: RecordDecodingError.unknownVersion(type: 10, version: 2)) {
            try HotelRecord(decoding: JournalRecord(type: 10, version: 2, payload: call(waits: 0, []).payload))
        }
    }

    /// A callback written before it kept the call's language reads back as asked in English:
    /// until then the line spoke nothing else.
    @Test func aVersionOneCallbackReadsBackAsAskedInEnglish() throws {
        let bytes = Self.bytes(hex: "c69a0c0c2b333439313132333435363700e2cfb6b00d3c1062696c6c696e67207175657374696f6e026573060103732d33")
        guard case .callback(let callback) = try HotelRecord(decoding: JournalRecord(type: 3, version: 1, payload: bytes)) else {
            Issue.record("not a callback")
            return
        }
        #expect(callback.request.callLanguage == "es")
        #expect(callback.request.language == "en")
        #expect(throws: RecordDecodingError.unknownVersion(type: 3, version: 4)) {
            try HotelRecord(decoding: JournalRecord(type: 3, version: 4, payload: bytes))
        }
        #expect(throws: RecordDecodingError.unknownVersion(type: 1, version: 3)) {
            try HotelRecord(decoding: JournalRecord(type: 1, version: 3, payload: []))
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var digits = hex.makeIterator()
        while let high = digits.next(), let low = digits.next() { result.append(UInt8(String([high, low]), radix: 16)!) }
        return result
    }
}
