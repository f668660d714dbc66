import Foundation
import Storage
import Testing
import TestSupport

@Suite("hotelline export", .blocking)
struct ExportCommandTests {
    @Test func exportsWhileTheServerRunsAndLogsEachExport() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", HotelLineProcess.promptsDirectory])
        let guest = try GuestClient(port: server.port)
        try guest.chooseLanguage()
        try guest.read(until: "0  Speak to a person")
        // The served line runs on the real clock: a stay a month from today, whatever today is.
        let (arrival, departure, file) = Self.stayAMonthAhead()
        for answer in ["1", arrival, departure, "1", "2", "+44 20 7946 0958", "Maria Lopez", "yes"] { guest.say(answer) }
        let done = try guest.read(until: "Please keep it")
        let number = String(done[done.range(of: #"R\d{7}"#, options: .regularExpression)!])
        let csv = try HotelLineProcess.run(["export", "--data", data, "--kind", "reservations"])
        #expect(csv.status == 0, "\(csv.errors)")
        let rows = csv.output.components(separatedBy: "\r\n")
        #expect(rows[0].hasPrefix("confirmation,guest_file,guest_name,phone"))
        #expect(rows[1].hasPrefix("\(number),\(file),Maria Lopez,+442079460958,"))
        // Masked for sharing: no name, no phone but its last four digits.
        let masked = try HotelLineProcess.run(["export", "--data", data, "--kind", "reservations", "--mask"])
        #expect(masked.status == 0, "\(masked.errors)")
        #expect(masked.output.components(separatedBy: "\r\n")[1].hasPrefix("\(number),\(file),Guest 1,******0958,"))
        #expect(!masked.output.contains("Maria") && !masked.output.contains("7946"))
        let maskedJSON = try HotelLineProcess.run(["export", "--data", data, "--kind", "guests", "--format", "json", "--mask"])
        #expect(maskedJSON.output.hasPrefix("{\"guest_file\":\"\(file)\",\"name\":\"Guest 1\",\"phone\":\"******0958\",\"email\":null,"))
        let json = try HotelLineProcess.run(["export", "--data", data, "--kind", "guests", "--format", "json"])
        #expect(json.output == "{\"guest_file\":\"\(file)\",\"name\":\"Maria Lopez\",\"phone\":\"+442079460958\",\"email\":null,\"reservations\":\"\(number)\",\"complaints\":\"\",\"callbacks\":\"\",\"surveys\":\"\",\"special_needs\":null,"
                + "\"kind\":\"individual\",\"birthday\":null,\"segment\":\"small\",\"stays\":0,\"spending\":0}\n")
        // The live server was neither blocked nor disturbed: it still books.
        guest.say("yes")
        try guest.read(until: "0  Speak to a person")
        let (status, _) = server.stop()
        #expect(status == 0)
        let audit = try String(contentsOfFile: data + "/audit.log", encoding: .utf8)
        #expect(audit.contains(#""event":"export","kind":"reservations","format":"csv","masked":"no","user":""#), "\(audit)")
        #expect(audit.contains(#""event":"export","kind":"guests","format":"json","masked":"no","user":""#), "\(audit)")
        #expect(audit.contains(#""event":"export","kind":"reservations","format":"csv","masked":"yes","user":""#), "\(audit)")
    }

    /// The audit line is written first; when it cannot be, nothing is exported.
    @Test func anExportThatCannotBeLoggedDoesNotHappen() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", HotelLineProcess.promptsDirectory])
        _ = server.stop()
        // A directory where the log should be: no user, root included, can append to it.
        try? FileManager.default.removeItem(atPath: data + "/audit.log")
        try FileManager.default.createDirectory(atPath: data + "/audit.log", withIntermediateDirectories: false)
        let run = try HotelLineProcess.run(["export", "--data", data, "--kind", "guests"])
        #expect(run.status == 1)
        #expect(run.output.isEmpty, "not a byte of the records: \(run.output)")
        #expect(run.errors.contains("hotelline export: nothing exported, because the export could not be logged: \(data)/audit.log: cannot open: Is a directory"), "\(run.errors)")
    }

    /// Arrival 30 days from today and departure 3 nights later (ISO, as a guest may type
    /// them), and the guest file number the first booking for that arrival gets.
    static func stayAMonthAhead() -> (arrival: String, departure: String, file: String) {
        let day: (Int) -> DateComponents = { days in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(Double(days) * 86_400))
        }
        let iso: (DateComponents) -> String = { String(format: "%04d-%02d-%02d", $0.year!, $0.month!, $0.day!) }
        let arrival = day(30)
        let file = String(format: "%02d%02d%02d001", arrival.year! % 100, arrival.month!, arrival.day!)
        return (iso(arrival), iso(day(33)), file)
    }

    @Test(arguments: [
        (["export", "--kind", "bookings"], 2, "unknown --kind \"bookings\""),
        (["export", "--kind", "reservation"], 2, "(did you mean \"reservations\"?)"),
        (["export", "--kind", "surveys", "--format", "xml"], 2, "unknown --format \"xml\": use csv or json"),
        (["export"], 2, "export needs --kind"),
        (["export", "--kind", "callbacks", "extra"], 2, "export takes options only"),
        (["export", "--kind", "guests", "--mask=yes"], 2, "--mask takes no value"),
        (["export", "--kind", "guests", "--masked"], 2, "unknown option --masked (did you mean \"--mask\"?)"),
    ])
    func badExportFlagsAreExplained(arguments: [String], status: Int32, message: String) throws {
        let run = try HotelLineProcess.run(arguments + ["--data", TestPaths.temporaryDirectory("cli") + "/none"])
        #expect(run.status == status)
        #expect(run.errors.contains(message), "\(run.errors)")
    }

    /// A data directory with no journal was never a server's (a typo in --data, most
    /// likely): said so. One whose journal holds nothing exports just the header.
    @Test func aDirectoryWithoutAJournalIsRefusedAndAnEmptyJournalGivesTheHeader() throws {
        let missing = TestPaths.temporaryDirectory("cli") + "/missing"
        let refused = try HotelLineProcess.run(["export", "--kind", "complaints", "--data", missing])
        #expect(refused.status == 1)
        #expect(refused.errors == "hotelline export: no records in \(missing): it has no journal/ (is --data the directory the server was given?)\n")
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        try FileManager.default.createDirectory(atPath: data + "/journal", withIntermediateDirectories: true)
        let empty = try HotelLineProcess.run(["export", "--kind", "complaints", "--data", data])
        #expect(empty.status == 0, "\(empty.errors)")
        #expect(empty.output.hasPrefix("ticket,") && empty.output.components(separatedBy: "\r\n").count == 2, "\(empty.output)")
    }

    @Test func aCorruptJournalIsReportedWithFileAndOffsetNotExported() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", HotelLineProcess.promptsDirectory])
        let guest = try GuestClient(port: server.port)
        try guest.chooseLanguage()
        for answer in ["2", "1", "Slow check-in", "Faster", "+44 20 7946 0958", "Maria Lopez", "no", "no"] { guest.say(answer) }
        try guest.read(until: "anything else")
        let (_, _) = server.stop()
        let segment = data + "/journal/000001.seg"
        let intact = try Data(contentsOf: URL(fileURLWithPath: segment))
        var bytes = intact
        bytes[SegmentHeader.size + 14] ^= 0xFF  // inside the first record's payload…
        bytes += intact.dropFirst(SegmentHeader.size)  // …with an intact record after it, so the damage is not a torn tail
        try bytes.write(to: URL(fileURLWithPath: segment))
        let run = try HotelLineProcess.run(["export", "--data", data, "--kind", "complaints"])
        #expect(run.status == 1)
        #expect(run.errors.contains("journal/000001.seg: offset \(SegmentHeader.size): checksum mismatch"), "\(run.errors)")
    }
}
