import HotelCalendar
import Testing
@testable import Storage

/// Guest files for every guest who leaves a phone: their numbers, kinds, birthdays, and the
/// segment their departed stays put them in.
@Suite("Guest files")
struct GuestFileTests {
    static let dec24 = HotelStoreTests.dec24
    static let policy = BookingPolicy()
    /// Thursday 3 December 2026, 10:00 UTC.
    static let dec3 = WallTime(millisecondsSince1970: 1_796_292_000_000)
    static let checkInDay = WallTime(millisecondsSince1970: 1_798_102_800_000)  // 24 December 2026, 09:00 UTC

    static func complaint(phone: String = "+8613800138000", name: String = "Li Wei") -> ComplaintTicket.Request {
        ComplaintTicket.Request(category: "housekeeping", details: "No towels", expectedResolution: "Towels today", guestName: name,
                                phone: phone, roomNumber: nil, language: "zh", followUpBy: dec24, session: "s")
    }

    static func callback(phone: String = "+8613800138000") -> CallbackRequest.Request {
        CallbackRequest.Request(phone: phone, guestName: nil, dueAt: dec3, windowMinutes: 30, reason: "bill", callLanguage: "zh",
                                language: "zh", session: "s")
    }

    // MARK: Segments

    @Test func aSegmentStartsAtItsThreshold() {
        let thresholds = GuestSegment.Thresholds(medium: 1000, large: 5000)
        #expect(thresholds.segment(spending: 0, kind: .individual) == .small)
        #expect(thresholds.segment(spending: 999, kind: .business) == .small)
        #expect(thresholds.segment(spending: 1000, kind: .individual) == .medium)
        #expect(thresholds.segment(spending: 4999, kind: .group) == .medium)
        #expect(thresholds.segment(spending: 5000, kind: .individual) == .large)
        #expect(thresholds.segment(spending: 0, kind: .vip) == .vip, "a VIP is a VIP whatever they spent")
        #expect(thresholds.segment(spending: 9999, kind: .vip) == .vip)
        #expect(GuestSegment.Thresholds() == thresholds, "the defaults are hotel.conf's")
    }

    // MARK: Birthdays and kinds

    @Test func aBirthdayIsAMonthAndADayThatExist() {
        #expect(Birthday("03-14") == Birthday(month: 3, day: 14))
        #expect(Birthday("3-14")?.description == "03-14")
        #expect(Birthday("02-29")?.description == "02-29", "a leap-day birthday is allowed")
        #expect(Birthday("12-31") != nil)
        for bad in ["02-30", "04-31", "13-01", "00-10", "01-00", "0314", "03/14", "03-14-1990", "", "-", "a-b", "003-14", "+3-14"] {
            #expect(Birthday(bad) == nil, "\(bad)")
        }
    }

    @Test func aKindIsReadByItsWordInAnyCase() {
        #expect(GuestKind(word: "VIP") == .vip)
        #expect(GuestKind(word: "business") == .business)
        #expect(GuestKind(word: "emperor") == nil)
        #expect(GuestKind.allCases.map(\.description) == ["individual", "business", "group", "vip"])
    }

    // MARK: Numbering

    @Test func aGuestWithoutABookingGetsAFileNumberedByTheDayOfTheCall() throws {
        let store = HotelStore(log: MemoryLog())
        let ticket = store.fileComplaint(Self.complaint(), now: Self.dec3, token: 1)
        let dec3 = CivilDate(year: 2026, month: 12, day: 3)!
        #expect(ticket.guestFile?.description == "261203001")
        // The day given (the hotel's clock) wins over the UTC day of the call.
        let other = store.fileComplaint(Self.complaint(phone: "+34911234567", name: "Ana"), now: Self.dec3, token: 2,
                                        today: dec3.adding(days: 1))
        #expect(other.guestFile?.description == "261204001")
        // The same phone again, by a callback and then a booking: the same file.
        let callback = store.requestCallback(Self.callback(), now: Self.dec3, token: 3)
        #expect(callback.guestFile == ticket.guestFile)
        guard case .pending(let reservation) = store.reserve(HotelStoreTests.booking("Li Wei", phone: "+8613800138000"), inventory: 5,
                                                             now: Self.dec3, token: 4) else { throw Failure.refused }
        #expect(reservation.guestFile == ticket.guestFile)
        // A new guest booking to arrive on the 3rd is the day's second.
        guard case .pending(let second) = store.reserve(HotelStoreTests.booking("Ola", phone: "+4799999999", from: dec3), inventory: 5,
                                                        now: Self.dec3, token: 5) else { throw Failure.refused }
        #expect(second.guestFile.description == "261203002")
        let file = try #require(store.guestFile(ticket.guestFile!))
        #expect(file.name == "Li Wei" && file.kind == .individual)
        #expect(file.complaints == [ticket.number] && file.callbacks == [callback.number] && file.reservations == [reservation.number])
        // A survey of the stay goes on the stay's file, whatever phone it gave.
        let survey = store.recordSurvey(SurveyResponse.Request(declined: true, confirmation: reservation.number, guestName: nil, phone: nil,
                                                               ratings: [:], stayAgain: nil, recommend: nil, suggestions: nil, language: "en",
                                                               session: "s"), now: Self.dec3, token: 6)
        #expect(survey.guestFile == ticket.guestFile)
        #expect(store.guestFile(ticket.guestFile!)?.surveys == [survey.number])
        // A survey with neither a stay nor a phone has no file.
        let anonymous = store.recordSurvey(SurveyResponse.Request(declined: true, confirmation: nil, guestName: nil, phone: nil, ratings: [:],
                                                                  stayAgain: nil, recommend: nil, suggestions: nil, language: "en", session: "s"),
                                           now: Self.dec3, token: 7)
        #expect(anonymous.guestFile == nil)
    }

    @Test func filesReadBackTheSameFromTheJournalOrFromASnapshot() {
        let store = HotelStore(log: MemoryLog())
        let ticket = store.fileComplaint(Self.complaint(), now: Self.dec3, token: 1)
        _ = store.reserve(HotelStoreTests.booking("Ola", phone: "+4799999999", from: CivilDate(year: 2026, month: 12, day: 3)!),
                          inventory: 5, now: Self.dec3, token: 2)
        _ = store.requestCallback(Self.callback(), now: Self.dec3, token: 3)
        _ = store.change(GuestFileChange(file: ticket.guestFile!, field: .kind(.vip), by: "console:mei", createdAt: Self.dec3), token: 4)
        _ = store.change(GuestFileChange(file: ticket.guestFile!, field: .birthday(Birthday("02-29")), by: "console:mei", createdAt: Self.dec3),
                         token: 5)
        let files = Set(store.guestFiles.map(\.number))
        #expect(files.count == 2)
        // A snapshot lists every reservation before every complaint: the numbers are the records', not the order's.
        let again = HotelStore(log: MemoryLog(), recovered: store.allRecords.map { try! HotelRecord(decoding: $0.encoded()) })
        #expect(again.guestFiles.sorted { $0.number < $1.number } == store.guestFiles.sorted { $0.number < $1.number })
        #expect(again.guestFile(ticket.guestFile!)?.kind == .vip && again.guestFile(ticket.guestFile!)?.birthday == Birthday(month: 2, day: 29))
        #expect(again.recordCount == store.recordCount)
    }

    @Test func aRecordTakenBackOutClosesAFileItAloneOpened() {
        let log = MemoryLog()
        let store = HotelStore(log: log)
        log.failure = .fileSystem(operation: "write", path: "journal/000001.seg", errno: 28)
        let ticket = store.fileComplaint(Self.complaint(), now: Self.dec3, token: 1)
        #expect(store.guestFile(phone: "+8613800138000") != nil)
        _ = store.takeAcknowledgements()
        #expect(store.guestFile(phone: "+8613800138000") == nil)
        #expect(store.guestFile(ticket.guestFile!) == nil)
        log.failure = nil
        let again = store.fileComplaint(Self.complaint(), now: Self.dec3, token: 2)
        #expect(again.guestFile?.serial == 2, "the refused file's number is not given again")
    }

    // MARK: Kind, birthday, group

    @Test func aBookingOfGroupRoomsOrMoreOpensAGroupsFile() throws {
        let store = HotelStore(log: MemoryLog())
        guard case .pending(let three) = store.reserve(HotelStoreTests.booking(phone: "+1", rooms: 3), inventory: 20, now: Self.dec3, token: 1),
              case .pending(let four) = store.reserve(HotelStoreTests.booking(phone: "+2", rooms: 4), inventory: 20, now: Self.dec3, token: 2),
              case .pending(let six) = store.reserve(HotelStoreTests.booking(phone: "+3", rooms: 6), inventory: 20, now: Self.dec3, token: 3,
                                                     groupRooms: 7),
              case .pending(let later) = store.reserve(HotelStoreTests.booking(phone: "+1", rooms: 5), inventory: 20, now: Self.dec3, token: 4)
        else { throw Failure.refused }
        #expect(store.guestFile(three.guestFile)?.kind == .individual)
        #expect(store.guestFile(four.guestFile)?.kind == .group && four.fileKind == .group)
        #expect(store.guestFile(six.guestFile)?.kind == .individual, "below the hotel's own threshold")
        #expect(store.guestFile(later.guestFile)?.kind == .individual, "a file already open keeps its kind")
    }

    @Test func aChangeIsRefusedForAnUnknownFileAndSkippedWhenItHoldsAlready() throws {
        let store = HotelStore(log: MemoryLog())
        let file = try #require(store.fileComplaint(Self.complaint(), now: Self.dec3, token: 1).guestFile)
        let unknown = GuestFileNumber(arrival: CivilDate(year: 2026, month: 1, day: 1)!, serial: 9)
        #expect(store.change(GuestFileChange(file: unknown, field: .kind(.vip), by: "t", createdAt: Self.dec3), token: 2) == .unknown)
        #expect(store.change(GuestFileChange(file: file, field: .kind(.individual), by: "t", createdAt: Self.dec3), token: 3) == .unchanged)
        #expect(store.change(GuestFileChange(file: file, field: .birthday(nil), by: "t", createdAt: Self.dec3), token: 4) == .unchanged)
        let change = GuestFileChange(file: file, field: .kind(.business), by: "t", createdAt: Self.dec3)
        #expect(store.change(change, token: 5) == .pending(change))
        #expect(store.guestFile(file)?.kind == .business)
    }

    @Test func aChangeTheDiskRefusesLeavesTheFileAsItWas() throws {
        let log = MemoryLog()
        let store = HotelStore(log: log)
        let file = try #require(store.fileComplaint(Self.complaint(), now: Self.dec3, token: 1).guestFile)
        _ = store.change(GuestFileChange(file: file, field: .kind(.business), by: "t", createdAt: Self.dec3), token: 2)
        _ = store.takeAcknowledgements()
        log.failure = .fileSystem(operation: "write", path: "journal/000001.seg", errno: 28)
        _ = store.change(GuestFileChange(file: file, field: .kind(.vip), by: "t", createdAt: Self.dec3), token: 3)
        _ = store.change(GuestFileChange(file: file, field: .birthday(Birthday("03-14")), by: "t", createdAt: Self.dec3), token: 4)
        #expect(store.guestFile(file)?.kind == .vip)
        _ = store.takeAcknowledgements()
        #expect(store.guestFile(file)?.kind == .business && store.guestFile(file)?.birthday == nil)
        #expect(store.allRecords.count == 2)
    }

    // MARK: Spending

    @Test func spendingAndTheSegmentFollowTheStaysThatDeparted() throws {
        let store = HotelStore(log: MemoryLog())
        let thresholds = GuestSegment.Thresholds(medium: 1000, large: 5000)
        // 3 nights × 2 rooms at the sample rate.
        guard case .pending(let stay) = store.reserve(HotelStoreTests.booking(rooms: 2), inventory: 5, now: Self.dec3, token: 1) else {
            throw Failure.refused
        }
        let total = stay.request.terms.total
        #expect(total == 3 * 2 * stay.request.rate)
        #expect(store.standing(of: stay.guestFile, thresholds: thresholds) == GuestStanding(stays: 0, spending: 0, segment: .small))
        _ = store.move(stay.number, .arrived, policy: Self.policy, now: Self.checkInDay, by: "t", token: 2)
        #expect(store.standing(of: stay.guestFile, thresholds: thresholds)?.stays == 0, "a stay counts once it departed")
        _ = store.move(stay.number, .departed, policy: Self.policy, now: Self.checkInDay.adding(milliseconds: 86_400_000), by: "t", token: 3)
        let segment = thresholds.segment(spending: total, kind: .individual)
        #expect(store.standing(of: stay.guestFile, thresholds: thresholds) == GuestStanding(stays: 1, spending: total, segment: segment))
        #expect(store.standing(of: stay.guestFile, thresholds: GuestSegment.Thresholds(medium: total, large: total + 1))?.segment == .medium)
        #expect(store.standing(of: stay.guestFile, thresholds: GuestSegment.Thresholds(medium: total - 1, large: total))?.segment == .large)
        _ = store.change(GuestFileChange(file: stay.guestFile, field: .kind(.vip), by: "t", createdAt: Self.dec3), token: 4)
        #expect(store.standing(of: stay.guestFile, thresholds: thresholds)?.segment == .vip)
    }

    enum Failure: Error { case refused }
}
