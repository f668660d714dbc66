import Dispatch
import Foundation
import HotelCalendar
import Storage
import Testing
import TestSupport

/// `hotelline report` as an operator runs it: the three formats and the SVG page, a call on
/// the served line counted, and one clear line for each mistake.
@Suite("hotelline report", .blocking)
struct ReportCommandTests {
    static let prompts = HotelLineProcess.promptsDirectory

    static func at(_ iso: String) -> WallTime { HotelTimeZone("UTC")!.wallTime(of: LocalMoment(iso: iso)!) }

    /// A data directory written straight in the store: calls on 1, 2 and 9 March 2027 (a wait
    /// put through in 5 s, one in 30 s, one caller nobody answered), a housekeeping complaint
    /// on 2 March and a survey on 9 March.
    static func data() throws -> String {
        let data = TestPaths.temporaryDirectory("cli")
        let acknowledged = DispatchSemaphore(value: 0)
        let (store, _) = try HotelStore.open(dataDirectory: data) { acknowledged.signal() }
        defer { store.close() }
        let calls = [("2027-03-01T10:00", 60_000, [PersonWait(milliseconds: 5_000, ending: .putThrough)]),
                     ("2027-03-02T11:00", 120_000, [PersonWait(milliseconds: 30_000, ending: .putThrough)]),
                     ("2027-03-09T12:00", 30_000, [PersonWait(milliseconds: 0, ending: .nobodyOnDuty)])]
        for (token, (start, length, waits)) in calls.enumerated() {
            store.recordCall(CallRecord(session: "s-\(token)", startedAt: at(start), endedAt: at(start).adding(milliseconds: Int64(length)),
                                        language: "en", waits: waits), token: UInt64(token + 1))
        }
        _ = store.fileComplaint(ComplaintTicket.Request(category: "housekeeping", details: "no towels", expectedResolution: "towels",
                                                        guestName: "Li Wei", phone: "+85291234567", roomNumber: nil, language: "en",
                                                        followUpBy: CivilDate(iso: "2027-03-05")!, session: "s-1"),
                                now: at("2027-03-02T11:01"), token: 10)
        _ = store.recordSurvey(SurveyResponse.Request(declined: false, confirmation: nil, guestName: nil, phone: "+34600111222",
                                                      ratings: ["food": 4, "room": 5], stayAgain: true, recommend: nil, suggestions: nil,
                                                      language: "en", session: "s-2"),
                               now: at("2027-03-09T12:00"), token: 11)
        var acks = 0
        while acks < 5 {
            acks += store.takeAcknowledgements().filter { $0.failure == nil }.count
            if acks < 5 { _ = acknowledged.wait(timeout: .now() + 1) }
        }
        return data
    }

    static func report(_ data: String, _ words: String...) throws -> HotelLineProcess.Finished {
        try HotelLineProcess.run(["report", "--data", data, "--prompts", prompts, "--clock", "2027-03-12T09:00"] + words)
    }

    @Test func textLinesUpInEightyColumns() throws {
        let data = try Self.data()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let run = try Self.report(data, "--from", "2027-03-01", "--to", "2027-03-10")
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(lines[0] == "Harbour View Hotel: service report by day, 2027-03-01 to 2027-03-10")
        // 2 March: one call of two minutes (a minute longer than the day before's), one complaint.
        let day = lines.first { $0.hasPrefix("2027-03-02") }.map { $0.split(separator: " ").map(String.init) }
        #expect(day == ["2027-03-02", "1", "0", "2m00s", "+1m00s", "100.0%", "+100.0", "pp"], "\(run.output)")
        #expect(lines.contains("2027-03-02  housekeeping         1      +1"), "\(run.output)")
    }

    @Test func csvIsRFC4180AndJSONIsOneObjectAPeriodWithTheSameNames() throws {
        let data = try Self.data()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let csv = try Self.report(data, "--from", "2027-03-01", "--to", "2027-03-14", "--by", "week", "--format", "csv")
        #expect(csv.status == 0, "\(csv.errors)")
        #expect(csv.output.hasSuffix("\r\n") && !csv.output.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = csv.output.components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ",") }
        #expect(rows.count == 3, "a header and two weeks")
        #expect(rows[0].prefix(5) == ["period", "from", "to", "calls", "calls_change"])
        let week = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(week["period"] == "2027-W09" && week["from"] == "2027-03-01" && week["to"] == "2027-03-07")
        #expect(week["calls"] == "2" && week["average_call_seconds"] == "90.000" && week["wait_p90_seconds"] == "30.000")
        #expect(week["answered_in_target_share"] == "0.5000" && week["complaint_rate"] == "0.5000" && week["satisfaction"] == "")
        let json = try Self.report(data, "--from", "2027-03-01", "--to", "2027-03-14", "--by", "week", "--format", "json")
        let objects = try json.output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.count == 2)
        #expect(objects[1]["period"] as? String == "2027-W10")
        #expect(objects[1]["satisfaction"] as? Double == 4.5 && objects[1]["calls_change"] as? Int == -1)
        #expect(objects[1]["resolution_rate"] is NSNull, "no complaint that week: no rate")
        #expect(Set(objects[0].keys) == Set(rows[0]), "the same names as the CSV's header")
    }

    @Test func theSVGIsOnePageWithTitlesAxesAndTheRange() throws {
        let data = try Self.data()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let path = data + "/report.svg"
        let run = try Self.report(data, "--from", "2027-03-01", "--to", "2027-03-14", "--by", "week", "--format", "csv", "--svg", path)
        #expect(run.status == 0, "\(run.errors)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        for words in ["Harbour View Hotel: service report", "By week, 2027-03-01 to 2027-03-14", "Call volume and average call length",
                      "seconds waited", "average rating", "Complaints by category (whole range)", "W09", "W10"] {
            #expect(svg.contains(words), "\(words)")
        }
        #expect(svg.components(separatedBy: "<text").count == svg.components(separatedBy: "</text>").count, "every text closed")
    }

    @Test func aCallOnTheServedLineIsCountedWithItsWait() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", Self.prompts, "--clock", "2027-03-01T09:00"])
        let guest = try GuestClient(port: server.port)
        try guest.chooseLanguage()
        try guest.read(until: "0  Speak to a person")
        guest.say("0")
        try guest.read(until: "call you back instead")  // nobody is logged in
        guest.say("quit")
        _ = guest.readToEnd()
        let (status, _) = server.stop()
        #expect(status == 0)
        let run = try HotelLineProcess.run(["report", "--data", data, "--prompts", Self.prompts, "--clock", "2027-03-01T18:00",
                                            "--from", "2027-03-01", "--to", "2027-03-01", "--format", "json"])
        #expect(run.status == 0, "\(run.errors)")
        let figures = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        #expect(figures["calls"] as? Int == 1 && figures["person_requests"] as? Int == 1 && figures["put_through"] as? Int == 0)
        #expect(figures["answered_in_target_share"] as? Double == 0)
    }

    @Test(arguments: [
        (["--by", "fortnight"], 2, "unknown --by \"fortnight\": use day, week or month"),
        (["--by", "wek"], 2, "unknown --by \"wek\" (did you mean \"week\"?)"),
        (["--format", "xml"], 2, "unknown --format \"xml\": use text, csv or json"),
        (["--format", "jsn"], 2, "(did you mean \"json\"?)"),
        (["--from", "2027-02-30"], 2, "--from must be a day like 2027-03-01, not \"2027-02-30\""),
        (["--to", "March"], 2, "--to must be a day like 2027-03-01, not \"March\""),
        (["--from", "2027-03-10", "--to", "2027-03-01"], 2, "--from 2027-03-10 is after --to 2027-03-01: the range runs backwards"),
        (["--from", "2027-04-01"], 2, "--from 2027-04-01 is after today (2027-03-12, on the hotel's clock)"),
        (["--from", "2020-01-01", "--to", "2027-03-01"], 2, "is 2617 days, more than 1000: report by week or month"),
        (["--svg", ""], 2, "--svg needs a file name"),
        (["extra"], 2, "report takes options only, not \"extra\""),
        (["--from", "2027-05-01", "--to", "2027-05-31"], 1,
         "hotelline report: nothing happened from 2027-05-01 to 2027-05-31 in DATA (the records run from 2027-03-01 to 2027-03-09)"),
    ] as [([String], Int32, String)])
    func eachMistakeIsOneClearLine(words: [String], status: Int32, message: String) throws {
        // A mistake on the command line is found before the data is looked at.
        let data = status == 2 ? "/nonexistent/hotelline-data" : try Self.data()
        defer { if status != 2 { try? FileManager.default.removeItem(atPath: data) } }
        let run = try HotelLineProcess.run(["report", "--data", data, "--prompts", Self.prompts, "--clock", "2027-03-12T09:00"] + words)
        #expect(run.status == status)
        #expect(run.output.isEmpty)
        let first = run.errors.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains(message.replacingOccurrences(of: "DATA", with: data)), "\(run.errors)")
    }

    @Test func aDirectoryWithNoJournalIsOneLineAndExitOne() throws {
        let empty = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let run = try HotelLineProcess.run(["report", "--data", empty, "--prompts", Self.prompts])
        #expect(run.status == 1)
        #expect(run.errors == "hotelline report: no records in \(empty): it has no journal/ (is --data the directory the server was given?)\n")
    }
}
