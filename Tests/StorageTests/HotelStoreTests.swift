import HotelCalendar
import Testing
import TestSupport
@testable import Storage

@Suite("The hotel store")
struct HotelStoreTests {
    static let dec24 = CivilDate(year: 2026, month: 12, day: 24)!

    static func booking(_ name: String = "Maria Lopez", phone: String = "+442079460958", from day: CivilDate = dec24,
                        nights: Int = 3, rooms: Int = 1, room: String = "deluxe") -> Reservation.Request {
        Reservation.Request(guestName: name, phone: phone, email: nil, checkIn: day, checkOut: day.adding(days: nights),
                       rooms: rooms, roomType: room, rate: 180, language: "en", session: "test")
    }

    @Test func availabilityCountsEveryNightAndBookingsNotYetDurable() {
        let log = MemoryLog()
        log.holdAcknowledgements = true
        let store = HotelStore(log: log)
        #expect(store.roomsLeft("deluxe", from: Self.dec24, to: Self.dec24.adding(days: 3), inventory: 2) == 2)
        guard case .pending = store.reserve(Self.booking(), inventory: 2, now: .at(0), token: 1) else {
            Issue.record("first booking refused")
            return
        }
        // The second night overlaps; the record is still on its way to disk.
        #expect(store.roomsLeft("deluxe", from: Self.dec24.adding(days: 2), to: Self.dec24.adding(days: 5), inventory: 2) == 1)
        #expect(store.roomsLeft("deluxe", from: Self.dec24.adding(days: 3), to: Self.dec24.adding(days: 5), inventory: 2) == 2,
                "the check-out day is free again")
        #expect(store.reserve(Self.booking("Li Wei", phone: "+8613800138000", rooms: 2), inventory: 2, now: .at(0), token: 2) == .full(roomsLeft: 1))
    }

    /// One way for every kind: the request is kept whole, the store adds the number, the
    /// time it is given and the first status.
    @Test func everyKindIsMadeFromItsRequestWithTheStoresNumberTimeAndStatus() {
        let store = HotelStore(log: MemoryLog())
        guard case .pending(let reservation) = store.reserve(Self.booking(), inventory: 1, now: .at(5), token: 1) else {
            Issue.record("booking refused")
            return
        }
        #expect(reservation.request == Self.booking() && reservation.status == .confirmed && reservation.createdAt == .at(5))
        #expect(reservation.number.serial == ConfirmationNumber.firstSerial)
        let complaint = ComplaintTicket.Request(category: "security", details: "Door lock", expectedResolution: "Fix it", guestName: "Li Wei",
                                                phone: "+8613800138000", roomNumber: nil, language: "zh", followUpBy: Self.dec24, session: "s")
        // A phone with no booking opens a file on the day of the call (UTC when not given).
        let file = GuestFileNumber(arrival: CivilDate(dayNumber: 0), serial: 1)
        #expect(store.fileComplaint(complaint, now: .at(6), token: 2)
                == ComplaintTicket(number: TicketNumber(serial: TicketNumber.firstSerial), request: complaint, status: .open, createdAt: .at(6),
                                   guestFile: file))
        let callback = CallbackRequest.Request(phone: "+8613800138000", guestName: nil, dueAt: .at(100_000), windowMinutes: 30, reason: "bill",
                                               callLanguage: "zh-Hans", language: "zh-Hans", session: "s")
        #expect(store.requestCallback(callback, now: .at(7), token: 3)
                == CallbackRequest(number: CallbackNumber(serial: CallbackNumber.firstSerial), request: callback, status: .pending, createdAt: .at(7),
                                   guestFile: file))
        let survey = SurveyResponse.Request(declined: true, confirmation: nil, guestName: nil, phone: nil, ratings: [:], stayAgain: nil,
                                            recommend: nil, suggestions: nil, language: "en", session: "s")
        #expect(store.recordSurvey(survey, now: .at(8), token: 4)
                == SurveyResponse(number: SurveyNumber(serial: SurveyNumber.firstSerial), request: survey, createdAt: .at(8)))
    }

    @Test func aRecordTheDiskRefusesIsTakenBackOutAndItsNumberIsNotReused() {
        let log = MemoryLog()
        let store = HotelStore(log: log)
        log.failure = .fileSystem(operation: "write", path: "journal/000001.seg", errno: 28)
        guard case .pending(let refused) = store.reserve(Self.booking(), inventory: 1, now: .at(0), token: 1) else { return }
        let acks = store.takeAcknowledgements()
        #expect(acks.count == 1 && acks[0].failure != nil)
        #expect(store.roomsLeft("deluxe", from: Self.dec24, to: Self.dec24.adding(days: 3), inventory: 1) == 1, "the room is free again")
        #expect(store.reservation(refused.number) == nil)
        #expect(store.caller(phone: "+442079460958") == nil, "a refused record leaves no trace of the caller")
        log.failure = nil
        guard case .pending(let saved) = store.reserve(Self.booking(), inventory: 1, now: .at(0), token: 2) else { return }
        #expect(saved.number.serial == refused.number.serial + 1)
        #expect(store.takeAcknowledgements().map(\.failure) == [nil])
    }

    @Test func guestFilesFollowTheArrivalDayAndTheSamePhoneKeepsItsFile() {
        let store = HotelStore(log: MemoryLog())
        guard case .pending(let first) = store.reserve(Self.booking(), inventory: 9, now: .at(0), token: 1),
              case .pending(let second) = store.reserve(Self.booking("Li Wei", phone: "+8613800138000"), inventory: 9, now: .at(0), token: 2),
              case .pending(let again) = store.reserve(Self.booking(from: Self.dec24.adding(days: 30)), inventory: 9, now: .at(0), token: 3)
        else {
            Issue.record("bookings refused")
            return
        }
        #expect(first.guestFile.description == "261224001")
        #expect(second.guestFile.description == "261224002")
        #expect(again.guestFile == first.guestFile, "a returning guest keeps their file")
        #expect(store.guestFile(first.guestFile)?.reservations == [first.number, again.number])
    }

    @Test func aThousandGuestsArrivingOnOneDayGrowTheSerialToFourDigits() {
        let store = HotelStore(log: MemoryLog())
        var last: Reservation?
        for index in 0..<1000 {
            if case .pending(let reservation) = store.reserve(Self.booking(phone: "+1555\(1_000_000 + index)"), inventory: 5000, now: .at(0), token: UInt64(index + 1)) {
                last = reservation
            }
        }
        #expect(last?.guestFile.description == "2612241000")
        #expect(GuestFileNumber("2612241000") == last?.guestFile)
    }

    @Test func recoveredRecordsRebuildTheSameState() {
        let log = MemoryLog()
        let store = HotelStore(log: log)
        _ = store.reserve(Self.booking(), inventory: 5, now: .at(7), token: 1)
        let ticket = store.fileComplaint(ComplaintTicket.Request(
            category: "housekeeping", details: "No towels", expectedResolution: "Towels", guestName: "Maria Lopez",
            phone: "+442079460958", roomNumber: "1204", language: "en", followUpBy: Self.dec24, session: "test"), now: .at(8), token: 2)
        let records = try! log.records.map { try HotelRecord(decoding: $0) }
        let reopened = HotelStore(log: MemoryLog(), recovered: records)
        #expect(reopened.roomsLeft("deluxe", from: Self.dec24, to: Self.dec24.adding(days: 1), inventory: 5) == 4)
        #expect(reopened.complaint(ticket.number) == ticket)
        #expect(reopened.caller(phone: "+442079460958")?.name == "Maria Lopez")
        #expect(reopened.caller(phone: "+442079460958")?.complaints == [ticket.number])
        guard case .pending(let next) = reopened.reserve(Self.booking(), inventory: 5, now: .at(9), token: 3) else { return }
        #expect(next.number.serial == ConfirmationNumber.firstSerial + 1, "numbers go on from the highest recovered")
    }
}

@Suite("Record numbers")
struct RecordNumberTests {
    @Test func numbersCarryALuhnCheckDigitAndReadBack() {
        let number = ConfirmationNumber(serial: 100_001)
        #expect(number.description == "R1000017")
        #expect(ConfirmationNumber("r 100-0017") == number)
        #expect(ConfirmationNumber("R1000018") == nil, "a mistyped check digit is caught")
        #expect(TicketNumber("R1000017") == nil, "the letter must match the kind")
        for text in ["", "R", "R1", "RX000017", "R-", "R\u{0661}000017", String(repeating: "9", count: 40)] {
            #expect(ConfirmationNumber(text) == nil, "\(text)")
        }
    }

    @Test func guestFileNumbersRejectImpossibleDates() {
        #expect(GuestFileNumber("040214001")?.description == "040214001")
        for text in ["040231001", "041314001", "04021400", "0402140001x", "040214000", ""] {
            #expect(GuestFileNumber(text) == nil, "\(text)")
        }
    }
}

@Suite("Record coding")
struct RecordCodingTests {
    @Test func damagedPayloadsAreReportedNeverTrusted() throws {
        let store = HotelStore(log: MemoryLog())
        guard case .pending(let reservation) = store.reserve(HotelStoreTests.booking(), inventory: 5, now: .at(1), token: 1) else { return }
        let frame = HotelRecord.reservation(reservation).encoded()
        #expect(try HotelRecord(decoding: frame) == .reservation(reservation))
        var generator = SeededGenerator(seed: 42)
        for length in 0..<frame.payload.count {
            let cut = JournalRecord(type: frame.type, version: frame.version, payload: Array(frame.payload.prefix(length)))
            #expect(throws: RecordDecodingError.self) { try HotelRecord(decoding: cut) }
        }
        for _ in 0..<2000 {
            var bytes = frame.payload
            bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            _ = try? HotelRecord(decoding: JournalRecord(type: frame.type, version: frame.version, payload: bytes))
        }
        #expect(throws: RecordDecodingError.unknownVersion(type: 1, version: 9)) {
            try HotelRecord(decoding: JournalRecord(type: 1, version: 9, payload: frame.payload))
        }
        #expect(throws: RecordDecodingError.unknownType(77)) {
            try HotelRecord(decoding: JournalRecord(type: 77, version: 1, payload: []))
        }
    }
}

/// The store keeps the high-water mark of every kind of number on disk ahead of the
/// numbers it hands out, and after a loss passes over everything up to it.
@Suite("Number reservations")
struct NumberReservationTests {
    /// A log that records the order of marks and records, as the journal would get them.
    final class OrderLog: RecordLog {
        enum Entry: Equatable { case marks(HighWaterMarks), record(UInt8) }
        var entries: [Entry] = []
        func append(_ record: JournalRecord, token: UInt64) { entries.append(.record(record.type)) }
        func raise(_ marks: HighWaterMarks) { entries.append(.marks(marks)) }
        func takeAcknowledgements() -> [JournalAck] { [] }
        var bytesSinceSnapshot: Int { 0 }
        func snapshot(producing records: @escaping @Sendable () -> [JournalRecord]) {}
        func close() {}
    }

    @Test func aMarkIsRaisedBeforeTheFirstRecordPastItAThousandAhead() {
        let log = OrderLog()
        let store = HotelStore(log: log)
        _ = store.reserve(sampleReservation(0), inventory: 10, now: .at(0), token: 1)
        _ = store.reserve(sampleReservation(3), inventory: 10, now: .at(0), token: 2)
        _ = store.fileComplaint(sampleComplaint(1), now: .at(0), token: 3)
        let first = HighWaterMarks([100_999, 0, 0, 0, 100])
        #expect(log.entries == [.marks(first), .record(1), .record(1), .marks(HighWaterMarks([100_999, 100_999, 0, 0, 100])), .record(2)])
        // From one phone: a new phone each time would open a file each time, and raise the
        // guest file mark too.
        for token in 4...1_003 {
            var complaint = sampleComplaint(Int(token))
            complaint.phone = sampleComplaint(1).phone
            _ = store.fileComplaint(complaint, now: .at(0), token: UInt64(token))
        }
        #expect(log.entries.count { if case .marks = $0 { true } else { false } } == 3, "one more mark for the 1,001st ticket")
        #expect(log.entries.suffix(2) == [.marks(HighWaterMarks([100_999, 101_999, 0, 0, 100])), .record(2)])
    }

    @Test func afterALossEveryNumberUpToThePassedOverMarksIsSkippedOnEveryDay() {
        let told = HotelStore(log: MemoryLog())
        guard case .pending(let lost) = told.reserve(sampleReservation(0), inventory: 10, now: .at(0), token: 1) else {
            Issue.record("not booked")
            return
        }
        // The record is gone; only the marks remain.
        let store = HotelStore(log: MemoryLog())
        let marks = HighWaterMarks([100_999, 0, 0, 0, 100])
        let next = store.passOverNumbers(marks: marks, passedOver: marks, recordsLost: true)
        #expect(next == "the next numbers given are R1010008, T1000009, C1000009, S1000009, M1000009, X1000009 and guest file serials from 101 on every arrival day")
        guard case .pending(let booked) = store.reserve(sampleReservation(0), inventory: 10, now: .at(0), token: 1) else {
            Issue.record("not booked")
            return
        }
        #expect(booked.number.serial == 101_000 && booked.number != lost.number)
        #expect(booked.guestFile == GuestFileNumber(arrival: lost.guestFile.arrival, serial: 101))
    }

    /// A journal of an earlier version has no marks: a loss there passes over the next
    /// number of each kind, as that version did, and the next guest file serial of any day.
    @Test func withoutMarksALossStillPassesOverTheNextNumbers() {
        let log = MemoryLog()
        let before = HotelStore(log: log)
        _ = before.reserve(sampleReservation(0), inventory: 10, now: .at(0), token: 1)
        let store = HotelStore(log: MemoryLog(), recovered: log.records.map { try! HotelRecord(decoding: $0) })
        _ = store.passOverNumbers(marks: HighWaterMarks(), passedOver: HighWaterMarks(), recordsLost: true)
        guard case .pending(let booked) = store.reserve(sampleReservation(5), inventory: 10, now: .at(0), token: 2) else {
            Issue.record("not booked")
            return
        }
        #expect(booked.number.serial == 100_002 && booked.guestFile.serial == 3, "\(booked.number) \(booked.guestFile)")
    }
}
