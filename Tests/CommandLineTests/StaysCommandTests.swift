import Dispatch
import Foundation
import HotelCalendar
import Storage
import Testing
import TestSupport

/// `hotelline stays`, `--clock`, and a booking changed and cancelled on the served line with
/// the clock set inside and outside the free window, as an operator runs them.
@Suite("hotelline stays and --clock", .blocking)
struct StaysCommandTests {
    static let prompts = HotelLineProcess.promptsDirectory
    /// For `stays`, which reads the prompts for hotel.conf alone.
    static let hotelSettings = HotelLineProcess.hotelSettingsPrompts

    /// A data directory holding two bookings made straight in the store: Maria, a Deluxe
    /// King 24-27 December 2026, and Pat, a Standard Double 23-24 December.
    static func dataWithBookings() throws -> (data: String, maria: String, pat: String) {
        let data = TestPaths.temporaryDirectory("cli")
        let acknowledged = DispatchSemaphore(value: 0)
        let (store, _) = try HotelStore.open(dataDirectory: data) { acknowledged.signal() }
        defer { store.close() }
        var numbers: [String] = []
        for (token, (name, phone, day, room)) in [("Maria Lopez", "+442079460958", 24, "deluxe"), ("Pat Kim", "+15550104480", 23, "standard")].enumerated() {
            let arrival = CivilDate(year: 2026, month: 12, day: day)!
            let request = Reservation.Request(guestName: name, phone: phone, email: nil, checkIn: arrival, checkOut: arrival.adding(days: day == 24 ? 3 : 1),
                                              rooms: 1, roomType: room, rate: room == "deluxe" ? 180 : 120, language: "en", session: "test")
            guard case .pending(let reservation) = store.reserve(request, inventory: 8, now: WallTime(millisecondsSince1970: 0), token: UInt64(token + 1)) else {
                throw GuestClient.Failure(description: "not booked")
            }
            numbers.append(reservation.number.description)
        }
        var acks = 0
        while acks < 2 {
            acks += store.takeAcknowledgements().filter { $0.failure == nil }.count
            if acks < 2 { _ = acknowledged.wait(timeout: .now() + 1) }
        }
        return (data, numbers[0], numbers[1])
    }

    @Test func withNoServerTheCommandMovesTheStayItselfRecordingTheDaysNoShowsFirst() throws {
        let (data, maria, pat) = try Self.dataWithBookings()
        defer { try? FileManager.default.removeItem(atPath: data) }
        func stays(_ words: String...) throws -> HotelLineProcess.Finished {
            try HotelLineProcess.run(["stays"] + words + ["--data", data, "--prompts", Self.hotelSettings])
        }
        let early = try stays("arrive", maria, "--clock", "2026-12-23T10:00")
        #expect(early.status == 1)
        #expect(early.errors.contains("\(maria) cannot be marked arrived: the stay checks in on 2026-12-24, not before"), "\(early.errors)")
        // On Maria's check-in day, Pat (who checked in yesterday) has not come: a no-show first.
        let arrived = try stays("arrive", maria, "--clock", "2026-12-24T16:30")
        #expect(arrived.status == 0, "\(arrived.errors)")
        #expect(arrived.output == "\(maria) arrived (journal and audit log)\n")
        #expect(arrived.errors.contains("the guest never came: \(pat) no-show, fee 120 recorded (journal and audit log)"))
        let twice = try stays("arrive", maria, "--clock", "2026-12-24T16:31")
        #expect(twice.status == 1 && twice.errors.contains("the guest has already arrived"))
        let departed = try stays("depart", maria, "--clock", "2026-12-27T10:00")
        #expect(departed.status == 0 && departed.output == "\(maria) departed (journal and audit log)\n", "\(departed.errors)")
        let shown = try stays("show", maria)
        #expect(shown.status == 0)
        #expect(shown.output.hasPrefix("\(maria) departed: 1 x deluxe, 2026-12-24 to 2026-12-27, 3 night(s) at 180, fees 0\n"), "\(shown.output)")
        #expect(shown.output.contains(" arrived by command:") && shown.output.contains(" departed by command:"))
        let history = try HotelLineProcess.run(["export", "--kind", "history", "--data", data])
        let events = history.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        #expect(events == ["event", "booked", "arrived", "departed", "booked", "no-show"], "\(history.output)")
        let reservations = try HotelLineProcess.run(["export", "--kind", "reservations", "--data", data])
        #expect(reservations.output.contains(",departed,") && reservations.output.contains(",no-show,"))
        #expect(reservations.output.contains(",0,120,\r\n"), "Pat's fee is on her booking")
        let audit = try String(contentsOfFile: data + "/audit.log", encoding: .utf8)
// Stamped on the command's clock, which runs on from --clock (to the second here).
        func logged(_ event: String, at second: String) -> Bool {
            audit.split(separator: "\n").contains { $0.hasPrefix(#"{"at":""# + second + ".") && $0.contains(event) }
        }
        #expect(logged(#""event":"stay-no-show","number":"\#(pat)","fee":120,"by":"command:"#, at: "2026-12-24T16:30:00"), "\(audit)")
        #expect(logged(#""event":"stay-arrived","number":"\#(maria)","fee":0,"by":"command:"#, at: "2026-12-24T16:30:00"))
        #expect(logged(#""event":"stay-departed","number":"\#(maria)","fee":0,"by":"command:"#, at: "2026-12-27T10:00:00"))
    }

    /// The served line with its clock set: a stay booked for tomorrow is past its free
    /// window, so cancelling it says the fee first; beside it, `stays` hands a move to the
    /// running server and the export shows it.
    @Test func theServedClockSetsTheFeeWindowAndStaysHandsItsMoveToTheServer() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", Self.prompts, "--clock", "2026-12-23T09:00"])
        defer { server.stopIfRunning() }
        let guest = try GuestClient(port: server.port)
        try guest.read(until: RunningLine.endOfLanguageScreen)
        guest.say("1")
        try guest.read(until: "0  Speak to a person")
        for answer in ["1", "tomorrow", "2 nights", "1", "1", "+44 20 7946 0958", "Maria Lopez", "yes"] { guest.say(answer) }
        let booked = try guest.read(until: "Please keep it")
        #expect(booked.contains("Thursday 24 December 2026"), "tomorrow, by the clock set")
        let number = String(booked[booked.range(of: #"R\d{7}"#, options: .regularExpression)!])
        for answer in ["yes", "6", number, "+44 20 7946 0958", "4"] { guest.say(answer) }
        let quoted = try guest.read(until: "want me to cancel the booking? (yes/no)").unwrapped
        #expect(quoted.contains("Cancelling was free until Tuesday 22 December 2026 at 15:00"), "\(quoted)")
        #expect(quoted.contains("costs a fee of $120"))
        guest.say("no")
        #expect(try guest.read(until: "stays exactly as it was").contains("No problem"))
        // Handed to the server: its clock and policy decide (no prompts needed here).
        let early = try HotelLineProcess.run(["stays", "arrive", number, "--data", data, "--prompts", data + "/none", "--clock", "2026-12-24T16:00"])
        #expect(early.status == 1 && early.errors.contains("the stay checks in on 2026-12-24, not before"), "\(early.errors)")
        #expect(early.errors.contains("a server runs on \(data): its clock decides, not --clock"))
        let shown = try HotelLineProcess.run(["stays", "show", number, "--data", data])
        #expect(shown.output.hasPrefix("\(number) booked: 1 x standard, 2026-12-24 to 2026-12-26"), "\(shown.output)\(shown.errors)")
        let (status, _) = server.stop()
        #expect(status == 0)
    }

    @Test(arguments: [
        (["stays"], "stays needs what to do: arrive, depart, no-show, show, and a confirmation number"),
        (["stays", "arive", "R1000009"], "unknown stays command \"arive\" (did you mean \"arrive\"?)"),
        (["stays", "arrive"], "stays arrive takes one confirmation number"),
        (["stays", "arrive", "R1000008"], "\"R1000008\" is not a confirmation number (R, seven digits, the last a check digit, like R1000017)"),
        (["stays", "depart", "R1000009", "--clock", "tomorrow"], "--clock must be a day and time on the hotel's clock, like 2026-12-20T09:00, not \"tomorrow\""),
        (["stays", "no-show", "R1000009", "--clock", "2026-02-30T09:00"], "--clock must be a day and time on the hotel's clock"),
        (["serve", "--clock", "2026-12-20 09:00"], "--clock must be a day and time on the hotel's clock, like 2026-12-20T09:00, not \"2026-12-20 09:00\""),
        (["serve", "--clock"], "--clock needs a value"),
        (["export", "--kind", "history", "--clock", "25:00"], "--clock must be a day and time on the hotel's clock"),
        (["serve", "--max-wrong-tries", "0"], "--max-wrong-tries must be a whole number from 1 to 100, not \"0\""),
        (["serve", "--max-wrong-tries-per-address", "many"], "--max-wrong-tries-per-address must be a whole number from 1 to 100000, not \"many\""),
        (["serve", "--wrong-tries-lock", "-5"], "--wrong-tries-lock must be a number of seconds from 1 to 86400, not \"-5\""),
    ])
    func badStaysAndClockArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let run = try HotelLineProcess.run(arguments + ["--data", TestPaths.temporaryDirectory("cli") + "/none"])
        #expect(run.status == 2, "\(run.output)\(run.errors)")
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(run.errors.contains("Usage:"))
    }

    /// `--prompts` gives the policy and the hotel's clock: prompts that are not there, or have
    /// errors, stop the command naming where (the work failed: exit 1).
    @Test func promptsThatCannotBeReadStopStaysAndAClockedExport() throws {
        let (data, maria, _) = try Self.dataWithBookings()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let missing = data + "/no-prompts"
        let stays = try HotelLineProcess.run(["stays", "arrive", maria, "--data", data, "--prompts", missing])
        #expect(stays.status == 1)
        #expect(stays.errors.contains("hotelline stays: the prompts in \(missing) (for the policy and the hotel's clock) have errors:"), "\(stays.errors)")
        let export = try HotelLineProcess.run(["export", "--kind", "history", "--data", data, "--prompts", missing, "--clock", "2026-12-24T09:00"])
        #expect(export.status == 1)
        #expect(export.errors.contains("hotelline export: --clock needs the hotel's time zone, but the prompts in \(missing) have errors (give --prompts DIR):"), "\(export.errors)")
    }

    /// The wrong-try limits are the operator's: one wrong try per call here.
    @Test func theWrongTryLimitsAreServeFlags() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", Self.prompts, "--max-wrong-tries", "1",
                                                  "--max-wrong-tries-per-address", "50", "--wrong-tries-lock", "30"])
        defer { server.stopIfRunning() }
        let guest = try GuestClient(port: server.port)
        try guest.read(until: RunningLine.endOfLanguageScreen)
        guest.say("1")
        try guest.read(until: "0  Speak to a person")
        for answer in ["6", "R1000009", "+44 20 7946 0958"] { guest.say(answer) }
        #expect(try guest.read(until: "anything else").unwrapped.contains("I can't look anything more up on this call"))
        let (status, _) = server.stop()
        #expect(status == 0)
    }

    @Test func aDataDirectoryWithoutAJournalIsSaidAndLeftAlone() throws {
        let data = TestPaths.temporaryDirectory("cli") + "/nothing-here"
        let run = try HotelLineProcess.run(["stays", "arrive", "R1000009", "--data", data, "--prompts", Self.hotelSettings])
        #expect(run.status == 1)
        #expect(run.errors.contains("hotelline stays: no records in \(data): it has no journal/"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: data), "nothing is made where nothing was")
    }

    @Test func aStayTheDataDoesNotHoldIsSaid() throws {
        let (data, _, _) = try Self.dataWithBookings()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let run = try HotelLineProcess.run(["stays", "arrive", "R1000025", "--data", data, "--prompts", Self.hotelSettings, "--clock", "2026-12-24T09:00"])
        #expect(run.status == 1)
        #expect(run.errors.contains("R1000025: no such booking in \(data)"), "\(run.errors)")
    }
}
