import HotelCalendar
import Testing
@testable import Storage

/// The journal's bytes, pinned: one record of each kind, every optional field both set and
/// unset, as this version writes them. Journals written by earlier builds must read back,
/// so a change to the record types may move code around but never these bytes.
@Suite("Record bytes on disk")
struct RecordBytesTests {
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

    @Test(arguments: records.indices)
    func eachKindIsWrittenAsEarlierBuildsWroteIt(index: Int) throws {
        let (record, bytes) = Self.records[index]
        let frame = record.encoded()
        let version: UInt8 = if case .callback = record { 2 } else { 1 }
        #expect(Self.hex(frame.payload) == bytes)
        #expect(frame.version == version)
        #expect(try HotelRecord(decoding: JournalRecord(type: frame.type, version: version, payload: Self.bytes(hex: bytes))) == record)
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
        #expect(throws: RecordDecodingError.unknownVersion(type: 3, version: 3)) {
            try HotelRecord(decoding: JournalRecord(type: 3, version: 3, payload: bytes))
        }
        #expect(throws: RecordDecodingError.unknownVersion(type: 1, version: 2)) {
            try HotelRecord(decoding: JournalRecord(type: 1, version: 2, payload: []))
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
