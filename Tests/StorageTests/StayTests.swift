import HotelCalendar
import Testing
import TestSupport
@testable import Storage

/// The stay's state machine, without I/O: every state, every event, on either side of the
/// check-in day.
@Suite("A stay's states")
struct StayStateTests {
    static let checkIn = CivilDate(year: 2026, month: 12, day: 24)!
    static let before = checkIn.adding(days: -1), after = checkIn.adding(days: 1)

    /// What each state does with each event: on the day before check-in, on it, the day after.
    static let table: [(StayState, StayEvent, [Result<StayState, StayRefusal>])] = [
        (.booked, .change, [.success(.changed), .success(.changed), .failure(.checkInDayOver(checkIn))]),
        (.booked, .cancel, [.success(.cancelled), .success(.cancelled), .failure(.checkInDayOver(checkIn))]),
        (.booked, .arrive, [.failure(.beforeCheckIn(checkIn)), .success(.arrived), .failure(.checkInDayOver(checkIn))]),
        (.booked, .depart, [.failure(.notArrived), .failure(.notArrived), .failure(.notArrived)]),
        (.booked, .noShow, [.failure(.beforeCheckIn(checkIn)), .success(.noShow), .success(.noShow)]),
        (.changed, .change, [.success(.changed), .success(.changed), .failure(.checkInDayOver(checkIn))]),
        (.changed, .cancel, [.success(.cancelled), .success(.cancelled), .failure(.checkInDayOver(checkIn))]),
        (.changed, .arrive, [.failure(.beforeCheckIn(checkIn)), .success(.arrived), .failure(.checkInDayOver(checkIn))]),
        (.changed, .depart, [.failure(.notArrived), .failure(.notArrived), .failure(.notArrived)]),
        (.changed, .noShow, [.failure(.beforeCheckIn(checkIn)), .success(.noShow), .success(.noShow)]),
        (.arrived, .change, [.failure(.arrived), .failure(.arrived), .failure(.arrived)]),
        (.arrived, .cancel, [.failure(.arrived), .failure(.arrived), .failure(.arrived)]),
        (.arrived, .arrive, [.failure(.arrived), .failure(.arrived), .failure(.arrived)]),
        (.arrived, .depart, [.success(.departed), .success(.departed), .success(.departed)]),
        (.arrived, .noShow, [.failure(.arrived), .failure(.arrived), .failure(.arrived)]),
    ] + StayEvent.allCases.flatMap { event in
        [(StayState.cancelled, event, Array(repeating: Result<StayState, StayRefusal>.failure(.cancelled), count: 3)),
         (.departed, event, Array(repeating: .failure(.departed), count: 3)),
         (.noShow, event, Array(repeating: .failure(.noShow), count: 3))]
    }

    @Test func everyStateAndEventIsDecided() {
        #expect(Self.table.count == StayState.allCases.count * StayEvent.allCases.count, "the table names every pair")
        for (state, event, expected) in Self.table {
            for (today, result) in zip([Self.before, Self.checkIn, Self.after], expected) {
                #expect(state.after(event, checkIn: Self.checkIn, today: today) == result, "\(state) \(event) on \(today)")
            }
        }
    }

    @Test func onlyStaysThatHoldRoomsAreCountedAndOnlyThoseToComeMayChange() {
        #expect(StayState.allCases.filter(\.holdsRooms) == [.booked, .changed, .arrived])
        #expect(StayState.allCases.filter(\.isToCome) == [.booked, .changed])
        #expect(StayState.allCases.map(\.description) == ["booked", "changed", "cancelled", "arrived", "departed", "no-show"])
    }

    @Test func refusalsSayWhyInWordsForStaff() {
        #expect(StayRefusal.checkInDayOver(Self.checkIn).description == "its check-in day, 2026-12-24, is over")
        #expect(StayRefusal.notArrived.description == "the guest has not arrived")
    }
}

/// Changes, cancellations and moves in the store: decided there, in one step, against the
/// rooms and the policy, each its own record.
@Suite("A booking's life in the store")
struct BookingLifeTests {
    static let dec24 = HotelStoreTests.dec24
    /// 48 hours, first night; check-in 15:00 UTC.
    static let policy = BookingPolicy()
    /// Sunday 20 December 2026, 09:00 UTC: inside the free window of a stay from the 24th.
    static let early = WallTime(millisecondsSince1970: 1_797_757_200_000)
    /// Wednesday 23 December 2026, 09:00 UTC: outside it.
    static let late = WallTime(millisecondsSince1970: 1_798_016_400_000)

    static func terms(from day: CivilDate = dec24, nights: Int = 3, rooms: Int = 1, room: String = "deluxe", rate: Int = 180) -> StayTerms {
        StayTerms(checkIn: day, checkOut: day.adding(days: nights), rooms: rooms, roomType: room, rate: rate)
    }

    /// A store with Maria's booking (one deluxe, 24–27 December) durable.
    static func store(inventory: Int = 2) -> (HotelStore, MemoryLog, ConfirmationNumber) {
        let log = MemoryLog()
        let store = HotelStore(log: log)
        guard case .pending(let reservation) = store.reserve(HotelStoreTests.booking(), inventory: inventory, now: .at(0), token: 1) else {
            preconditionFailure("not booked")
        }
        _ = store.takeAcknowledgements()
        return (store, log, reservation.number)
    }

    @Test func theClocksInTheseTestsAreWhereTheySay() {
        #expect(Self.policy.zone.localMoment(at: Self.early).iso == "2026-12-20T09:00")
        #expect(Self.policy.zone.localMoment(at: Self.late).iso == "2026-12-23T09:00")
    }

    @Test func aChangeCountsTheBookingsOwnRoomsAsFreeOnItsOwnNights() {
        let (store, _, number) = Self.store(inventory: 1)
        // The only deluxe room is Maria's: she may move her own stay a night later (two of
        // its nights are hers), and no one else may have it.
        #expect(store.roomsLeft("deluxe", from: Self.dec24, to: Self.dec24.adding(days: 3), inventory: 1) == 0)
        #expect(store.roomsLeft("deluxe", from: Self.dec24.adding(days: 1), to: Self.dec24.adding(days: 4), inventory: 1, sparing: number) == 1)
        let later = Self.terms(from: Self.dec24.adding(days: 1))
        #expect(store.quoteChange(number, to: later, inventory: 1, policy: Self.policy, now: Self.early) == .quote(later, fee: 0))
        guard case .pending(.change(let change)) = store.change(number, to: later, agreedFee: 0, inventory: 1, policy: Self.policy,
                                                                 now: Self.early, language: "en", session: "s", token: 2) else {
            Issue.record("not changed")
            return
        }
        #expect(change.number.description.hasPrefix("M") && change.previous == Self.terms() && change.request.terms == later)
        #expect(store.booking(number)?.terms == later && store.booking(number)?.state == .changed)
        #expect(store.roomsLeft("deluxe", from: Self.dec24, to: Self.dec24.adding(days: 1), inventory: 1) == 1, "the night it left is free")
        #expect(store.roomsLeft("deluxe", from: Self.dec24.adding(days: 3), to: Self.dec24.adding(days: 4), inventory: 1) == 0)
        // Two rooms of a type with one: full, however the rooms are counted.
        #expect(store.quoteChange(number, to: Self.terms(rooms: 2), inventory: 1, policy: Self.policy, now: Self.early) == .full(roomsLeft: 1))
        #expect(store.quoteChange(number, to: later, inventory: 1, policy: Self.policy, now: Self.early) == .unchanged)
    }

    @Test func aChangeOutsideTheWindowCostsThePolicysFeeAndIsMadeOnlyIfAgreed() {
        let (store, _, number) = Self.store()
        let later = Self.terms(from: Self.dec24.adding(days: 1))
        #expect(store.quoteChange(number, to: later, inventory: 2, policy: Self.policy, now: Self.late) == .quote(later, fee: 180))
        #expect(store.change(number, to: later, agreedFee: 0, inventory: 2, policy: Self.policy, now: Self.late, language: "en",
                             session: "s", token: 2) == .feeRaised(180), "a fee the guest has not heard is never charged")
        #expect(store.booking(number)?.terms == Self.terms(), "on a no the booking stays as it was")
        guard case .pending(.change(let change)) = store.change(number, to: later, agreedFee: 180, inventory: 2, policy: Self.policy,
                                                                 now: Self.late, language: "en", session: "s", token: 3) else {
            Issue.record("not changed")
            return
        }
        #expect(change.request.fee == 180)
        #expect(store.booking(number)?.fees == 180)
        // A fee agreed above what the policy charges: the policy's is recorded.
        guard case .pending(.change(let suite)) = store.change(number, to: Self.terms(room: "suite", rate: 390), agreedFee: 500, inventory: 2,
                                                                policy: Self.policy, now: Self.late, language: "en", session: "s", token: 4) else {
            Issue.record("not changed")
            return
        }
        #expect(suite.request.fee == 0, "another room type is a sale")
    }

    @Test func aCancellationFreesTheRoomsAtOnceAndCannotBeMadeTwice() {
        let (store, log, number) = Self.store(inventory: 1)
        log.holdAcknowledgements = true
        #expect(store.quoteCancellation(number, policy: Self.policy, now: Self.late) == .success(180))
        #expect(store.cancel(number, agreedFee: 0, policy: Self.policy, now: Self.late, language: "en", session: "s", token: 2) == .feeRaised(180))
        guard case .pending(.cancellation(let cancellation)) = store.cancel(number, agreedFee: 0, policy: Self.policy, now: Self.early,
                                                                            language: "en", session: "s", token: 3) else {
            Issue.record("not cancelled")
            return
        }
        #expect(cancellation.number.description.hasPrefix("X") && cancellation.request.fee == 0)
        #expect(store.roomsLeft("deluxe", from: Self.dec24, to: Self.dec24.adding(days: 3), inventory: 1) == 1,
                "free before the record is even durable")
        #expect(store.cancel(number, agreedFee: 999, policy: Self.policy, now: Self.early, language: "en", session: "s", token: 4)
                == .refused(.cancelled))
        #expect(store.quoteChange(number, to: Self.terms(nights: 2), inventory: 1, policy: Self.policy, now: Self.early) == .refused(.cancelled))
        #expect(store.move(number, .arrived, policy: Self.policy, now: Self.early, by: "test", token: 5) == .refused(.cancelled))
        #expect(store.cancel(ConfirmationNumber(serial: 999_999), agreedFee: 0, policy: Self.policy, now: Self.early, language: "en",
                             session: "s", token: 6) == .unknown)
    }

    @Test func aStayArrivesDepartsAndAPastOneIsNeitherChangedNorCancelled() {
        let (store, _, number) = Self.store()
        let checkInDay = WallTime(millisecondsSince1970: 1_798_102_800_000)  // 24 December 2026, 09:00 UTC
        let dayAfter = checkInDay.adding(milliseconds: 86_400_000)
        #expect(store.move(number, .arrived, policy: Self.policy, now: Self.late, by: "t", token: 2) == .refused(.beforeCheckIn(Self.dec24)))
        #expect(store.move(number, .departed, policy: Self.policy, now: checkInDay, by: "t", token: 3) == .refused(.notArrived))
        #expect(store.quoteChange(number, to: Self.terms(nights: 2), inventory: 2, policy: Self.policy, now: dayAfter)
                == .refused(.checkInDayOver(Self.dec24)))
        guard case .pending = store.move(number, .arrived, policy: Self.policy, now: checkInDay, by: "console:mei", token: 4),
              case .pending = store.move(number, .departed, policy: Self.policy, now: dayAfter, by: "console:mei", token: 5) else {
            Issue.record("not moved")
            return
        }
        #expect(store.booking(number)?.state == .departed)
        #expect(store.roomsLeft("deluxe", from: Self.dec24.adding(days: 1), to: Self.dec24.adding(days: 3), inventory: 2) == 2,
                "a guest who left frees the rest of the stay")
        #expect(store.cancel(number, agreedFee: 999, policy: Self.policy, now: dayAfter, language: "en", session: "s", token: 6) == .refused(.departed))
    }

    @Test func theGuestsWhoNeverCameAreDueTheDayAfterCheckInWithTheNoShowFee() {
        let (store, _, number) = Self.store()
        let checkInDay = WallTime(millisecondsSince1970: 1_798_102_800_000)
        let dayAfter = checkInDay.adding(milliseconds: 86_400_000)
        #expect(store.staysNotArrived(policy: Self.policy, now: checkInDay).isEmpty, "the guest may come all of the check-in day")
        #expect(store.staysNotArrived(policy: Self.policy, now: dayAfter) == [number])
        #expect(store.staysNotArrived(policy: Self.policy, now: dayAfter.adding(milliseconds: 30 * 86_400_000)).isEmpty,
                "bookings from before stays were followed are left alone")
        guard case .pending(.stayMove(let move)) = store.move(number, .noShow, policy: Self.policy, now: dayAfter, by: "line", token: 2) else {
            Issue.record("no no-show")
            return
        }
        #expect(move.fee == 180 && store.booking(number)?.state == .noShow)
        #expect(store.staysNotArrived(policy: Self.policy, now: dayAfter).isEmpty)
    }

    @Test func aRefusedChangeIsTakenBackOutAndTheBookingStandsAsBefore() {
        let (store, log, number) = Self.store(inventory: 1)
        log.failure = .fileSystem(operation: "write", path: "journal/000001.seg", errno: 28)
        _ = store.change(number, to: Self.terms(from: Self.dec24.adding(days: 5)), agreedFee: 0, inventory: 1, policy: Self.policy,
                         now: Self.early, language: "en", session: "s", token: 2)
        #expect(store.takeAcknowledgements().map { $0.failure != nil } == [true])
        #expect(store.booking(number)?.terms == Self.terms() && store.booking(number)?.state == .booked && store.booking(number)?.history == [])
        #expect(store.roomsLeft("deluxe", from: Self.dec24, to: Self.dec24.adding(days: 3), inventory: 1) == 0, "its rooms are held again")
        #expect(store.roomsLeft("deluxe", from: Self.dec24.adding(days: 5), to: Self.dec24.adding(days: 8), inventory: 1) == 1)
    }

    /// A random life for many bookings, replayed from the journal's records and from a
    /// snapshot's: the same bookings, the same rooms free. A failure names its seed; rerun
    /// one by putting it here (`HOTELLINE_FUZZ=N` runs N times as many).
    @Test(arguments: FuzzBudget.seeds(8))
    func aBookingsLifeRebuildsTheSameFromTheJournalAndFromASnapshot(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let log = MemoryLog()
        let store = HotelStore(log: log)
        var token: UInt64 = 0
        func next() -> UInt64 { token += 1; return token }
        var numbers: [ConfirmationNumber] = []
        for index in 0..<40 {
            let day = Self.dec24.adding(days: Int.random(in: 0...5, using: &random))
            let request = HotelStoreTests.booking("Guest \(index)", phone: "+1555000\(1000 + index)", from: day,
                                                  nights: Int.random(in: 1...3, using: &random), rooms: Int.random(in: 1...2, using: &random))
            if case .pending(let reservation) = store.reserve(request, inventory: 6, now: .at(0), token: next()) { numbers.append(reservation.number) }
        }
        for _ in 0..<120 {
            guard let number = numbers.randomElement(using: &random) else { break }
            let now = [Self.early, Self.late, WallTime(millisecondsSince1970: 1_798_102_800_000)].randomElement(using: &random)!
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                let terms = Self.terms(from: Self.dec24.adding(days: Int.random(in: 0...5, using: &random)), nights: Int.random(in: 1...3, using: &random),
                                       rooms: Int.random(in: 1...2, using: &random), room: ["deluxe", "suite"].randomElement(using: &random)!)
                _ = store.change(number, to: terms, agreedFee: .max, inventory: 6, policy: Self.policy, now: now, language: "en", session: "s", token: next())
            case 1: _ = store.cancel(number, agreedFee: .max, policy: Self.policy, now: now, language: "en", session: "s", token: next())
            case 2: _ = store.move(number, .arrived, policy: Self.policy, now: now, by: "t", token: next())
            default: _ = store.move(number, [.departed, .noShow].randomElement(using: &random)!, policy: Self.policy, now: now, by: "t", token: next())
            }
        }
        _ = store.takeAcknowledgements()
        let fromJournal = HotelStore(log: MemoryLog(), recovered: try log.records.map { try HotelRecord(decoding: $0) })
        let fromSnapshot = HotelStore(log: MemoryLog(), recovered: try store.allRecords.map { try HotelRecord(decoding: $0.encoded()) })
        for rebuilt in [fromJournal, fromSnapshot] {
            #expect(rebuilt.bookings == store.bookings, "seed \(seed)")
            #expect(rebuilt.recordCount == store.recordCount)
            for room in ["deluxe", "suite"] {
                for first in 0..<8 {
                    let day = Self.dec24.adding(days: first)
                    #expect(rebuilt.roomsLeft(room, from: day, to: day.adding(days: 1), inventory: 6)
                            == store.roomsLeft(room, from: day, to: day.adding(days: 1), inventory: 6), "seed \(seed): \(room) \(day)")
                }
            }
        }
    }

    @Test func changeAndCancellationNumbersHaveTheirOwnMarksAndSkipAfterALoss() {
        let log = NumberReservationTests.OrderLog()
        let store = HotelStore(log: log)
        _ = store.reserve(HotelStoreTests.booking(), inventory: 5, now: .at(0), token: 1)
        guard let number = store.bookings.first?.number else { return }
        _ = store.change(number, to: Self.terms(nights: 2), agreedFee: 0, inventory: 5, policy: Self.policy, now: Self.early, language: "en",
                         session: "s", token: 2)
        _ = store.cancel(number, agreedFee: 0, policy: Self.policy, now: Self.early, language: "en", session: "s", token: 3)
        #expect(log.entries.suffix(4) == [
            .marks(HighWaterMarks([100_999, 0, 0, 0, 100, 100_999])), .record(5),
            .marks(HighWaterMarks([100_999, 0, 0, 0, 100, 100_999, 100_999])), .record(6),
        ])
        let after = HotelStore(log: MemoryLog())
        let marks = HighWaterMarks([100_999, 0, 0, 0, 100, 100_999, 100_999])
        #expect(after.passOverNumbers(marks: marks, passedOver: marks, recordsLost: true).contains("M1010008, X1010008"))
    }
}
