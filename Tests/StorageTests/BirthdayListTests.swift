import HotelCalendar
import Testing
@testable import Storage

/// The birthdays work list without I/O: its items' names, its window (today through
/// `birthday-days` ahead, on the hotel's clock) across a year's end and leap years, its
/// cards as journal steps, and its export.
@Suite("The birthdays list")
struct BirthdayListTests {
    static let utc = BirthdayTests.utc
    static func instant(_ iso: String, _ zone: HotelTimeZone = utc) -> WallTime { BirthdayTests.instant(iso, zone) }

    // MARK: Names

    @Test func aBirthdayItemIsNamedByItsFileAndYear() {
        let id = WorkItemID.birthday(GuestFileNumber("261203001")!, year: 2027)
        #expect(id.description == "B-261203001-2027" && id.list == .birthdays)
        #expect(WorkItemID("B-261203001-2027") == id && WorkItemID("b-261203001-2027") == id && WorkItemID("B-261203001 -2027") == id)
        for bad in ["B-261203001", "B-261203001-27", "B-261203001-02027", "B-12345-2027", "B-261399001-2027", "B-261203001-2027-1",
                    "B--2027", "B-261203001-20x7", "B-261203001-0000"] {
            #expect(WorkItemID(bad) == nil, "\(bad)")
        }
        #expect(WorkItemID.birthday(GuestFileNumber("261203001")!, year: 2026) < id, "by year, after every other list")
        #expect(WorkItemID.feedback(SurveyNumber(serial: 100_002), topic: "food") < id)
    }

    @Test func aCardStepOnABirthdayGoesThroughTheJournalAndBack() throws {
        let step = WorkStep(item: .birthday(GuestFileNumber("261203001")!, year: 2028), action: .card, text: "posted",
                            by: "console:mei", createdAt: Self.instant("2028-02-25T10:00"))
        #expect(try HotelRecord(decoding: HotelRecord.workStep(step).encoded()) == .workStep(step))
    }

    // MARK: The list

    /// A store whose guests (each by a complaint, opening their file on 3 December 2026)
    /// have the birthdays given, in order: files 261203001, 261203002, …
    static func store(birthdays: [String]) -> (HotelStore, [GuestFileNumber]) {
        let store = HotelStore(log: MemoryLog())
        let names = ["Ana Ruiz", "Ben Ng", "Cleo Park", "Dan Wu", "Eve Li"]
        var files: [GuestFileNumber] = []
        for (index, text) in birthdays.enumerated() {
            let ticket = store.fileComplaint(GuestFileTests.complaint(phone: "+3460000000\(index)", name: names[index % names.count]),
                                             now: GuestFileTests.dec3, token: UInt64(2 * index + 1))
            let file = ticket.guestFile!
            _ = store.change(GuestFileChange(file: file, field: .birthday(Birthday(text)!), by: "console:mei", createdAt: GuestFileTests.dec3),
                             token: UInt64(2 * index + 2))
            files.append(file)
        }
        return (store, files)
    }

    static func listed(_ store: HotelStore, at iso: String, zone: HotelTimeZone = utc, days: Int = 7) -> [String] {
        store.workItems(on: .birthdays, rules: WorkRules(birthdayDays: days, zone: zone), now: instant(iso, zone))
            .sorted { ($0.due, $0.id) < ($1.due, $1.id) }.map(\.id.description)
    }

    @Test func theListHoldsBirthdaysFromTodayThroughTheDaysAhead() {
        let (store, files) = Self.store(birthdays: ["03-10", "03-11", "03-17", "03-18", "07-01"])
        #expect(Self.listed(store, at: "2027-03-10T09:00") == ["B-\(files[0])-2027", "B-\(files[1])-2027", "B-\(files[2])-2027"],
                "today and seven days ahead; not eight, not a birthday months off")
        #expect(Self.listed(store, at: "2027-03-11T00:00") == ["B-\(files[1])-2027", "B-\(files[2])-2027", "B-\(files[3])-2027"],
                "yesterday's is off the list (a card after the day is no birthday card), the eighth day's comes on")
        #expect(Self.listed(store, at: "2027-03-10T23:59", days: 0) == ["B-\(files[0])-2027"], "0: on the day only")
        let rules = WorkRules(birthdayDays: 7, zone: Self.utc)
        let item = store.workItem(.birthday(files[0], year: 2027), rules: rules, now: Self.instant("2027-03-10T09:00"))
        #expect(item?.due == Self.instant("2027-03-11T00:00"), "due by the end of the birthday")
        #expect(item?.stage == .waiting && item?.isOverdue(at: Self.instant("2027-03-10T23:59")) == false)
        #expect(store.workItem(.birthday(files[4], year: 2027), rules: rules, now: Self.instant("2027-03-10T09:00")) == nil)
    }

    @Test func theWindowRunsAcrossTheYearsEnd() {
        let (store, files) = Self.store(birthdays: ["12-31", "01-01", "01-04", "01-05", "12-27"])
        #expect(Self.listed(store, at: "2026-12-28T10:00") == ["B-\(files[0])-2026", "B-\(files[1])-2027", "B-\(files[2])-2027"],
                "31 December this year, 1 and 4 January next; the 5th is eight days off, the 27th was yesterday")
        #expect(Self.listed(store, at: "2027-01-01T10:00") == ["B-\(files[1])-2027", "B-\(files[2])-2027", "B-\(files[3])-2027"])
    }

    @Test func aLeapDayBirthdayIsDueOnThe28thInOtherYears() {
        let (store, files) = Self.store(birthdays: ["02-29", "02-28", "03-01"])
        #expect(Self.listed(store, at: "2027-02-21T10:00") == ["B-\(files[0])-2027", "B-\(files[1])-2027"],
                "2027: both on the 28th, seven days off; the 1st of March eight")
        let rules = WorkRules(birthdayDays: 7, zone: Self.utc)
        #expect(store.workItem(.birthday(files[0], year: 2027), rules: rules, now: Self.instant("2027-02-21T10:00"))?.due
                == Self.instant("2027-03-01T00:00"))
        #expect(Self.listed(store, at: "2028-02-22T10:00") == ["B-\(files[1])-2028", "B-\(files[0])-2028"], "2028 has a 29th: 1 March is eight days off")
        #expect(store.workItem(.birthday(files[0], year: 2028), rules: rules, now: Self.instant("2028-02-22T10:00"))?.due
                == Self.instant("2028-03-01T00:00"), "due by the end of the 29th itself")
        #expect(Self.listed(store, at: "2028-02-23T10:00") == ["B-\(files[1])-2028", "B-\(files[0])-2028", "B-\(files[2])-2028"])
    }

    /// At 23:30 UTC on 6 March it is already the 7th in Madrid: a birthday on the 14th is
    /// seven days off there (on the list), eight in UTC (not yet). East of UTC by eight
    /// hours, Taipei's day turns at 16:00 UTC.
    @Test func theWindowIsCountedOnTheHotelsClock() {
        let (store, files) = Self.store(birthdays: ["03-14"])
        let madrid = HotelTimeZone("Europe/Madrid")!, taipei = HotelTimeZone("Asia/Taipei")!
        let lateEvening = Self.instant("2027-03-06T23:30")
        func listed(_ zone: HotelTimeZone, at instant: WallTime) -> [WorkItemID] {
            store.workItems(on: .birthdays, rules: WorkRules(birthdayDays: 7, zone: zone), now: instant).map(\.id)
        }
        #expect(listed(madrid, at: lateEvening) == [.birthday(files[0], year: 2027)])
        #expect(listed(Self.utc, at: lateEvening).isEmpty)
        #expect(listed(taipei, at: Self.instant("2027-03-06T16:00")) == [.birthday(files[0], year: 2027)])
        #expect(listed(taipei, at: Self.instant("2027-03-06T15:59")).isEmpty)
        // The day ends at the hotel's midnight: 23:00 UTC on the 14th in Madrid.
        let item = store.workItem(.birthday(files[0], year: 2027), rules: WorkRules(birthdayDays: 7, zone: madrid), now: lateEvening)
        #expect(item?.due == Self.instant("2027-03-14T23:00"))
    }

    @Test func aCardSentIsDoneForThatYearAndRefusedTwice() {
        let (store, files) = Self.store(birthdays: ["03-14"])
        let id = WorkItemID.birthday(files[0], year: 2027)
        let rules = WorkRules(birthdayDays: 7, zone: Self.utc)
        func step(_ action: WorkAction, _ text: String? = nil, at iso: String) -> WorkStep {
            WorkStep(item: id, action: action, text: text, by: "console:mei", createdAt: Self.instant(iso))
        }
        #expect(store.record(step(.card, at: "2027-03-05T10:00"), rules: rules, token: 100) == .refused(.unknown(id)),
                "nine days ahead: not on the list yet")
        #expect(store.record(step(.confirmed, at: "2027-03-10T10:00"), rules: rules, token: 101) == .refused(.notOnList(.confirmed, .birthdays)))
        #expect(store.record(step(.note, "a card with flowers", at: "2027-03-10T10:00"), rules: rules, token: 102)
                == .pending(step(.note, "a card with flowers", at: "2027-03-10T10:00")))
        #expect(store.record(step(.card, "posted", at: "2027-03-10T10:05"), rules: rules, token: 103) == .pending(step(.card, "posted", at: "2027-03-10T10:05")))
        let sent = store.workItem(id, rules: rules, now: Self.instant("2027-03-10T10:06"))
        #expect(sent?.stage == .sent && sent?.stage.isDone == true && sent?.history.map(\.action) == [.note, .card])
        #expect(store.record(step(.card, at: "2027-03-10T10:07"), rules: rules, token: 104) == .refused(.done(id, .sent)))
        // Long after the day, the card sent keeps it on the list's history; next year's is another item.
        let later = Self.instant("2027-06-01T10:00")
        #expect(store.workItems(on: .birthdays, rules: rules, now: later).map(\.id) == [id])
        #expect(store.workItem(.birthday(files[0], year: 2028), rules: rules, now: Self.instant("2028-03-10T10:00"))?.stage == .waiting)
        // A birthday passed without a card is no item any more.
        let (quiet, others) = Self.store(birthdays: ["03-14"])
        #expect(quiet.workItem(.birthday(others[0], year: 2027), rules: rules, now: Self.instant("2027-03-15T00:00")) == nil)
    }

    /// `export --kind birthdays`: each birthday with its day and the card's step; masked,
    /// the name, the phone, the day and the due time (the day's end) are left out.
    @Test func theBirthdaysExportWithTheirDayAndTheCard() {
        let (store, files) = Self.store(birthdays: ["03-14", "03-12"])
        let rules = WorkRules(birthdayDays: 7, zone: Self.utc)
        let card = WorkStep(item: .birthday(files[0], year: 2027), action: .card, text: "posted", by: "console:mei",
                            createdAt: Self.instant("2027-03-10T10:00"))
        #expect(store.record(card, rules: rules, token: 100) == .pending(card))
        func export(masked: Bool) -> [String] {
            var text = ""
            RecordExporter.export(.birthdays, as: .csv, from: store, work: WorkView(rules: rules, now: Self.instant("2027-03-10T12:00")),
                                  masked: masked) { text += $0 }
            return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        }
        #expect(export(masked: false) == [
            "item,follows,guest_name,phone,birthday,stage,assigned_to,due,overdue,tries,result,signed_off_by,escalated_to,special_needs,survey,department,history",
            "B-\(files[1])-2027,\(files[1]),Ben Ng,+34600000001,2027-03-12,waiting,,2027-03-13T00:00:00Z,no,0,,,,,,,",
            "B-\(files[0])-2027,\(files[0]),Ana Ruiz,+34600000000,2027-03-14,sent,,2027-03-15T00:00:00Z,no,0,,,,,,,2027-03-10T10:00:00Z mei card-sent: posted",
        ])
        #expect(export(masked: true).dropFirst() == [
            "B-\(files[1])-2027,\(files[1]),Guest 1,******0001,,waiting,,,no,0,,,,,,,",
            "B-\(files[0])-2027,\(files[0]),Guest 2,******0000,,sent,,,no,0,,,,,,,2027-03-10T10:00:00Z mei card-sent: posted",
        ])
    }
}
