import Foundation
import HotelCalendar
import Storage
import Testing
import TestSupport

@Suite("hotelline plan", .blocking)
struct PlanCommandTests {
    static func at(_ iso: String) -> WallTime { HotelTimeZone("UTC")!.wallTime(of: LocalMoment(iso: iso)!) }

    /// A data directory whose journal holds three departed stays and a complaint (the
    /// shipped hotel.conf's clock is UTC): a business guest's stay, surveyed, revisited on
    /// 30 March, and their complaint promised for 31 March, not resolved; an individual's,
    /// declined, on 31 March; another individual's on 1 April (the next quarter).
    static func records(in data: String) throws -> [String: ConfirmationNumber] {
        let (store, _) = try HotelStore.open(dataDirectory: data) {}
        defer { store.close() }
        let policy = BookingPolicy()
        var token: UInt64 = 0
        var stays: [String: ConfirmationNumber] = [:]
        for (name, phone, leaves) in [("business", "+441", "2027-03-28"), ("declined", "+442", "2027-03-29"), ("april", "+443", "2027-03-30")] {
            let left = CivilDate(iso: leaves)!, arrived = left.adding(days: -1)
            token += 3
            guard case .pending(let stay) = store.reserve(
                Reservation.Request(guestName: "Guest \(name)", phone: phone, email: nil, checkIn: arrived, checkOut: left, rooms: 1,
                                    roomType: "deluxe", rate: 180, language: "en", session: "t"),
                inventory: 9, now: at("2027-03-01T09:00"), token: token),
                case .pending = store.move(stay.number, .arrived, policy: policy, now: at(arrived.description + "T15:00"), by: "t", token: token + 1),
                case .pending = store.move(stay.number, .departed, policy: policy, now: at(leaves + "T11:00"), by: "t", token: token + 2)
            else { throw Failure.refused(name) }
            stays[name] = stay.number
        }
        let rules = WorkRules(zone: HotelTimeZone("UTC")!)
        let steps = [WorkStep(item: .stayRevisit(stays["business"]!), action: .surveyed, text: SurveyNumber(serial: 100_002).description,
                              by: "console:mei", createdAt: at("2027-03-30T10:00")),
                     WorkStep(item: .stayRevisit(stays["declined"]!), action: .declined, text: nil, by: "console:mei", createdAt: at("2027-03-31T10:00"))]
        token = 20
        for step in steps {
            token += 1
            guard case .pending = store.record(step, rules: rules, token: token) else { throw Failure.refused("\(step.item)") }
        }
        _ = store.fileComplaint(ComplaintTicket.Request(category: "housekeeping", details: "no towels", expectedResolution: "towels",
                                                        guestName: "Guest business", phone: "+441", roomNumber: nil, language: "en",
                                                        followUpBy: CivilDate(iso: "2027-03-31")!, session: "t"),
                                now: at("2027-03-28T09:00"), token: 100)
        let file = store.booking(stays["business"]!)!.reservation.guestFile
        _ = store.change(GuestFileChange(file: file, field: .kind(.business), by: "console:mei", createdAt: at("2027-03-28T09:30")), token: 101)
        return stays
    }

    enum Failure: Error { case refused(String) }

    static func run(_ arguments: [String], data: String) throws -> HotelLineProcess.Finished {
        try HotelLineProcess.run(["plan", "--data", data, "--prompts", HotelLineProcess.hotelSettingsPrompts] + arguments)
    }

    /// The figures per kind, overdue at the clock, in every format; the journal untouched,
    /// read without its lock (a server holds it), and each plan in the audit log.
    @Test func thePlanCountsEachKindsRevisitsAtTheClockAndLeavesTheJournalAsItWas() throws {
        try withTemporaryDirectory("cli") { data in
            let stays = try Self.records(in: data)
            let journal = HotelStore.journalDirectory(data)
            let before = try FileManager.default.contentsOfDirectory(atPath: journal).sorted().map { try Data(contentsOf: URL(fileURLWithPath: journal + "/" + $0)) }
            let lock = try DataDirectoryLock.acquire(directory: data)  // as a running server would
            defer { lock.release() }

            let text = try Self.run(["--period", "2027-Q1", "--clock", "2027-04-01T09:00"], data: data)
            #expect(text.status == 0, "\(text.errors)")
            let rows = Dictionary(text.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
                .map { ($0[0], Array($0.dropFirst())) }, uniquingKeysWith: { first, _ in first })
            // planned, done, surveyed, declined, open, overdue, completion
            #expect(rows["business"] == ["2", "1", "1", "0", "0", "1", "50.0%"], "\(text.output)")
            #expect(rows["individual"] == ["1", "1", "0", "1", "0", "0", "100.0%"])
            #expect(rows["vip"] == ["0", "0", "0", "0", "0", "0", "—"] && rows["group"] == rows["vip"])
            #expect(rows["total"] == ["3", "2", "1", "1", "0", "1", "66.7%"])
            #expect(text.output.hasPrefix("Revisit plan 2027-Q1 (2027-01-01 to 2027-03-31), at 2027-04-01T09:00 (UTC)\n"))
            #expect(text.output.contains("  2027-03-30  V-\(stays["business"]!)  surveyed  file "), "\(text.output)")
            #expect(text.output.contains("overdue   file ") && text.output.contains("(the complaint is not resolved yet)"))
            #expect(!text.output.contains(stays["april"]!.description), "1 April is the next quarter's")

            let csv = try Self.run(["--period", "2027-Q2", "--clock", "2027-04-01T09:00", "--format", "csv", "--kind", "individual,VIP"], data: data)
            #expect(csv.status == 0, "\(csv.errors)")
            #expect(csv.output == "period,from,to,kind,planned,done,surveyed,declined,open,overdue,completion\r\n"
                    + "2027-Q2,2027-04-01,2027-06-30,individual,1,0,0,0,1,0,0.0000\r\n"
                    + "2027-Q2,2027-04-01,2027-06-30,vip,0,0,0,0,0,0,\r\n"
                    + "2027-Q2,2027-04-01,2027-06-30,total,1,0,0,0,1,0,0.0000\r\n")
            let late = try Self.run(["--period", "2027-04", "--clock", "2027-04-02T00:00", "--format", "csv", "--kind", "individual"], data: data)
            #expect(late.output.contains("2027-04,2027-04-01,2027-04-30,individual,1,0,0,0,0,1,0.0000\r\n"), "its day over: overdue")

            let json = try Self.run(["--period", "2027-03", "--clock", "2027-04-01T09:00", "--format", "json", "--kind", "business"], data: data)
            #expect(json.status == 0, "\(json.errors)")
            #expect(json.output.hasPrefix("{\"period\":\"2027-03\",\"from\":\"2027-03-01\",\"to\":\"2027-03-31\",\"at\":\"2027-04-01T09:00\","
                                          + "\"time_zone\":\"UTC\",\"kinds\":[\"business\"],\"declined_is_done\":true,"
                                          + "\"planned\":2,\"done\":1,\"surveyed\":1,\"declined\":0,\"open\":0,\"overdue\":1,\"completion\":0.5000,"
                                          + "\"by_kind\":{\"business\":{\"planned\":2,"), "\(json.output)")
            #expect(json.output.contains("{\"item\":\"V-\(stays["business"]!)\",\"kind\":\"business\",\"guest_file\":\""))
            #expect(json.output.contains("\"due\":\"2027-03-30\",\"status\":\"surveyed\",\"survey\":\"\(SurveyNumber(serial: 100_002))\",\"on_list\":true}"))
            #expect(json.output.contains("\"due\":\"2027-03-31\",\"status\":\"overdue\",\"survey\":null,\"on_list\":false}"))
            #expect(json.output.hasSuffix("]}\n") && json.output.filter { $0 == "\n" }.count == 1)

            let empty = try Self.run(["--period", "2031", "--format", "json"], data: data)
            #expect(empty.output.contains("\"planned\":0,\"done\":0,\"surveyed\":0,\"declined\":0,\"open\":0,\"overdue\":0,\"completion\":null,"))
            #expect(empty.output.hasSuffix("\"revisits\":[]}\n"))

            let after = try FileManager.default.contentsOfDirectory(atPath: journal).sorted().map { try Data(contentsOf: URL(fileURLWithPath: journal + "/" + $0)) }
            #expect(after == before, "the journal is only read")
            let audit = try String(contentsOfFile: data + "/audit.log", encoding: .utf8)
            #expect(audit.contains(#""at":"2027-04-01T09:00:00.000Z","event":"plan","period":"2027-Q1","kinds":"all","format":"text","user":""#), "\(audit)")
            #expect(audit.contains(#""event":"plan","period":"2027-Q2","kinds":"individual,vip","format":"csv","user":""#), "\(audit)")
        }
    }

    @Test(arguments: [
        (["plan"], "plan needs --period: a year (2027), a quarter (2027-Q1) or a month (2027-01)"),
        (["plan", "--period", "2027-13"], "--period \"2027-13\": there is no such month; months are 01 to 12, like 2027-01"),
        (["plan", "--period", "2027-Q5"], "--period \"2027-Q5\": there is no such quarter; quarters are Q1 to Q4, like 2027-Q1"),
        (["plan", "--period", "27"], "--period \"27\": a year has four digits, like 2027"),
        (["plan", "--period", "Q1-2027"], "--period \"Q1-2027\": the year comes first (did you mean \"2027-Q1\"?)"),
        (["plan", "--period", ""], "--period needs a value: a year (2027), a quarter (2027-Q1) or a month (2027-01)"),
        (["plan", "--period", "2027", "--kind", "buisness"], "unknown --kind \"buisness\" (did you mean \"business\"?); kinds are individual, business, group, vip"),
        (["plan", "--period", "2027", "--kind", "vip,,group"], "--kind \"vip,,group\" has an empty name; kinds are individual, business, group, vip, separated by commas"),
        (["plan", "--period", "2027", "--kind", "leisure"], "unknown --kind \"leisure\"; kinds are individual, business, group, vip"),
        (["plan", "--period", "2027", "--format", "xml"], "unknown --format \"xml\": use text, csv or json"),
        (["plan", "--period", "2027", "--clock", "tomorrow"], "--clock must be a day and time on the hotel's clock, like 2026-12-20T09:00, not \"tomorrow\""),
        (["plan", "--period", "2027", "Q1"], "plan takes options only, not \"Q1\""),
        (["plan", "--periods", "2027"], "unknown option --periods (did you mean \"--period\"?)"),
    ])
    func aMistakeOnTheCommandLineIsOneLineAndExitsTwo(arguments: [String], message: String) throws {
        let run = try HotelLineProcess.run(arguments + ["--data", TestPaths.temporaryDirectory("cli") + "/none"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("hotelline: " + message + "\n"), "\(run.errors)")
        #expect(run.errors.contains("Usage: hotelline plan --period"), "then the plan's usage")
        #expect(run.output.isEmpty)
    }

    /// A data directory with no journal was never a server's: said in one line, exit 1, and
    /// nothing written there.
    @Test func aDirectoryWithoutAJournalIsRefused() throws {
        let missing = TestPaths.temporaryDirectory("cli") + "/missing"
        let run = try Self.run(["--period", "2027-Q1"], data: missing)
        #expect(run.status == 1)
        #expect(run.errors == "hotelline plan: no records in \(missing): it has no journal/ (is --data the directory the server was given?)\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
        let help = try HotelLineProcess.run(["help", "plan"])
        #expect(help.status == 0 && help.output.hasPrefix("Usage: hotelline plan --period"))
    }
}
