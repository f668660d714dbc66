import HotelCalendar
import Foundation
import Storage
import Testing
import TestSupport

@Suite("The hotelline command line", .blocking)
struct CommandLineTests {
    @Test func helpListsEveryCommandAndEveryServeFlag() throws {
        let main = try HotelLineProcess.run(["--help"])
        #expect(main.status == 0)
        #expect(main.output.contains("hotelline serve") && main.output.contains("hotelline check"))
        let serve = try HotelLineProcess.run(["serve", "--help"])
        #expect(serve.status == 0)
        for flag in ["--host", "--guest-port", "--agent-port", "--data", "--prompts", "--idle-timeout", "--max-guests", "--max-line", "--max-output", "--repair",
                     "--segment-bytes", "--snapshot-bytes", "--max-per-address", "--max-lines-per-second", "--max-consoles", "--login-timeout", "--vip-lead",
                     "--wallboard-port", "--wallboard-host", "--max-wallboards", "--round"] {
            #expect(serve.output.contains(flag), "serve --help lacks \(flag)")
        }
    }

    @Test(arguments: [
        (["serve", "--guest-prot", "0"], "unknown option --guest-prot (did you mean \"--guest-port\"?)"),
        (["serve", "--guest-port", "70000"], "--guest-port must be a port number from 0 to 65535"),
        (["serve", "--guest-port"], "--guest-port needs a value"),
        (["serve", "--idle-timeout", "soon"], "--idle-timeout must be a number of seconds"),
        (["serve", "--max-line", "-5"], "--max-line must be a whole number"),
        (["serve", "extra"], "serve takes options only"),
        (["serve", "--host", "999.1.1.1"], "--host must be an IP address such as 127.0.0.1"),
        (["serve", "--agent-host", "example.com"], "--agent-host must be an IP address"),
        (["serve", "--max-wait", "0"], "--max-wait must be a number of seconds from 10"),
        (["serve", "--vip-lead", "-5"], "--vip-lead must be a number of seconds from 0 to 86400, not \"-5\""),
        (["serve", "--vip-lead", "two minutes"], "--vip-lead must be a number of seconds from 0 to 86400"),
        (["serve", "--vip-led", "60"], "unknown option --vip-led (did you mean \"--vip-lead\"?)"),
        (["serve", "--round", "0"], "--round must be a number of seconds from 0.01 to 60, not \"0\""),
        (["serve", "--round", "soon"], "--round must be a number of seconds from 0.01 to 60, not \"soon\""),
        (["serve", "--max-per-address", "0"], "--max-per-address must be a whole number from 1"),
        (["serve", "--max-lines-per-second", "fast"], "--max-lines-per-second must be a whole number"),
        (["serve", "--wallboard-port", "http"], "--wallboard-port must be a port number from 0 to 65535"),
        (["serve", "--wallboard-port", "0", "--wallboard-host", "wallboard.local"], "--wallboard-host must be an IP address"),
        (["serve", "--wallboard-port", "0", "--max-wallboards", "0"], "--max-wallboards must be a whole number from 1 to 10000"),
        (["serve", "--wallboard-host", "0.0.0.0"], "--wallboard-host is for the wallboard, which is off without --wallboard-port N"),
        (["serve", "--wallboard-prot", "8023"], "unknown option --wallboard-prot (did you mean \"--wallboard-port\"?)"),
        (["serv"], "unknown command \"serv\" (did you mean \"serve\"?)"),
        (["help", "replya"], "no help for \"replya\": it is not a command (did you mean \"replay\"?)"),
    ])
    func badFlagsGetOneLineAndTheUsageAndExitTwo(arguments: [String], message: String) throws {
        let run = try HotelLineProcess.run(arguments)
        #expect(run.status == 2)
        #expect(run.errors.contains(message), "stderr was: \(run.errors)")
        #expect(run.errors.contains("Usage:"))
    }

    /// The built server with a wallboard: it says where, serves /metrics there, and stops
    /// on SIGTERM as ever; a port already taken is refused with a sentence and exit 1.
    @Test func serveWithAWallboardPrintsItsLineAndServesMetrics() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", HotelLineProcess.promptsDirectory, "--wallboard-port", "0"])
        defer { server.stopIfRunning() }
        let port = try #require(server.wallboardPort)
        let client = try GuestClient(port: port)
        client.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let answer = String(decoding: client.readToEnd(), as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n") && answer.contains("\nhotelline_calls_total 0\n"), "\(answer.prefix(300))")
        let taken = try HotelLineProcess.run(["serve", "--guest-port", "0", "--agent-port", "0", "--data", data + "/other",
                                              "--prompts", HotelLineProcess.promptsDirectory, "--wallboard-port", String(port)])
        #expect(taken.status == 1 && taken.errors.contains("cannot listen on 127.0.0.1:\(port)"), "\(taken.errors)")
        #expect(server.stop().status == 0)
    }

    @Test func checkPassesTheShippedPromptsAndFailsABrokenCopyWithFileAndLine() throws {
        let good = try HotelLineProcess.run(["check", HotelLineProcess.promptsDirectory])
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("no errors, 0 warning(s)"), "\(good.output)")
        let copy = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: copy) }
        for name in try FileManager.default.contentsOfDirectory(atPath: HotelLineProcess.promptsDirectory) {
            try FileManager.default.copyItem(atPath: HotelLineProcess.promptsDirectory + "/" + name, toPath: copy + "/" + name)
        }
        let flow = copy + "/booking.flow"
        let text = try String(contentsOfFile: flow, encoding: .utf8).replacingOccurrences(of: "  goto checkout\n", with: "  goto checkuot\n")
        try text.write(toFile: flow, atomically: true, encoding: .utf8)
        let bad = try HotelLineProcess.run(["check", copy])
        #expect(bad.status == 1)
        #expect(bad.output.contains("\(copy)/booking.flow:16: unknown node \"checkuot\" (did you mean \"checkout\"?)"), "\(bad.output)")
        let serve = try HotelLineProcess.run(["serve", "--guest-port", "0", "--prompts", copy, "--data", copy + "/data"])
        #expect(serve.status == 1)
        #expect(serve.errors.contains("booking.flow:16: unknown node \"checkuot\""), "serve refuses with the same message")
        let missing = try HotelLineProcess.run(["check", copy + "/nowhere"])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("no such directory"))
    }

    /// The guest file settings are checked like every other: a bad threshold at its line.
    @Test func checkRefusesABadSegmentThresholdAtItsLine() throws {
        let copy = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: copy) }
        for name in try FileManager.default.contentsOfDirectory(atPath: HotelLineProcess.promptsDirectory) {
            try FileManager.default.copyItem(atPath: HotelLineProcess.promptsDirectory + "/" + name, toPath: copy + "/" + name)
        }
        let conf = copy + "/hotel.conf"
        let text = try String(contentsOfFile: conf, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex(of: "max-rooms = 5"))
        let changed = lines[...at] + ["segment-medium = 1k", "group-rooms = 0"] + lines[(at + 1)...]
        try changed.joined(separator: "\n").write(toFile: conf, atomically: true, encoding: .utf8)
        let bad = try HotelLineProcess.run(["check", copy])
        #expect(bad.status == 1)
        #expect(bad.output.contains("\(copy)/hotel.conf:\(at + 2): segment-medium must be a whole number from 1 to 1000000000, not \"1k\""), "\(bad.output)")
        #expect(bad.output.contains("\(copy)/hotel.conf:\(at + 3): group-rooms must be a whole number from 2 to 1000, not \"0\""), "\(bad.output)")
    }

    /// 300 KB of menu text passed check, and every caller was hung up before hearing it.
    /// Prompts saved with CR LF check clean; a stray control character is named, escaped.
    @Test func checkRefusesATextNoCallerCouldBeSentAndReadsWindowsFiles() throws {
        let copy = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: copy) }
        for name in try FileManager.default.contentsOfDirectory(atPath: HotelLineProcess.promptsDirectory) {
            let text = try String(contentsOfFile: HotelLineProcess.promptsDirectory + "/" + name, encoding: .utf8)
            try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: copy + "/" + name, atomically: true, encoding: .utf8)
        }
        let windows = try HotelLineProcess.run(["check", copy])
        #expect(windows.status == 0, "CR LF files read as LF: \(windows.output)")
        let messages = copy + "/en.messages"
        let original = try String(contentsOfFile: messages, encoding: .utf8)
        let menu = "main.menu = How may I help you today? Please type the number of your choice:"
        #expect(original.contains(menu))
        let huge = String(repeating: "Our rooms are lovely and we would be glad to tell you all about them. ", count: 4400)
        try original.replacingOccurrences(of: menu, with: "main.menu = " + huge).write(toFile: messages, atomically: true, encoding: .utf8)
        let line = original.components(separatedBy: "\r\n").firstIndex { $0.hasPrefix(menu) }! + 1
        let big = try HotelLineProcess.run(["check", copy])
        #expect(big.status == 1)
        #expect(big.output.contains("\(copy)/en.messages:\(line): \"main.menu\" can be "), "\(big.output)")
        #expect(big.output.contains("more than the 196608 bytes --max-output 262144 leaves for one answer"), "\(big.output)")
        #expect(try HotelLineProcess.run(["check", copy, "--max-output", "1048576"]).status == 0, "fits a larger limit")
        let serve = try HotelLineProcess.run(["serve", "--guest-port", "0", "--agent-port", "0", "--prompts", copy, "--data", copy + "/data"])
        #expect(serve.status == 1)
        #expect(serve.errors.contains("en.messages:\(line): \"main.menu\" can be "), "serve refuses with the same message: \(serve.errors)")
        try original.replacingOccurrences(of: menu, with: menu + "\u{1b}[2J").write(toFile: messages, atomically: true, encoding: .utf8)
        let control = try HotelLineProcess.run(["check", copy])
        #expect(control.status == 1)
        #expect(control.output.contains("\(copy)/en.messages:\(line): a control character (\\u{1b}) in the line"), "\(control.output)")
    }

    @Test func checkAndServeRefuseAMisspeltTimeZoneAlikeAtItsLineBeforeTouchingTheData() throws {
        let copy = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: copy) }
        for name in try FileManager.default.contentsOfDirectory(atPath: HotelLineProcess.promptsDirectory) {
            try FileManager.default.copyItem(atPath: HotelLineProcess.promptsDirectory + "/" + name, toPath: copy + "/" + name)
        }
        let conf = copy + "/hotel.conf"
        let text = try String(contentsOfFile: conf, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("timezone =") }.map { $0 + 1 }
        try text.replacingOccurrences(of: "timezone = UTC\n", with: "timezone = Europe/Madird\n").write(toFile: conf, atomically: true, encoding: .utf8)
        let message = "\(conf):\(line ?? 0): unknown timezone \"Europe/Madird\""
        let check = try HotelLineProcess.run(["check", copy])
        #expect(check.status == 1)
        #expect(check.output.contains(message), "\(check.output)")
        let serve = try HotelLineProcess.run(["serve", "--guest-port", "0", "--agent-port", "0", "--prompts", copy, "--data", copy + "/data"])
        #expect(serve.status == 1)
        #expect(serve.errors.contains(message), "\(serve.errors)")
        #expect(!FileManager.default.fileExists(atPath: copy + "/data"), "serve stopped before opening the journal")
    }

    @Test func serveListensSaysGoodbyeOnSigtermAndExitsZero() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", HotelLineProcess.promptsDirectory])
        let guest = try GuestClient(port: server.port)
        try guest.chooseLanguage()
        try guest.read(until: "0  Speak to a person")
        let second = try? HotelLineProcess.run(["serve", "--guest-port", "0", "--data", data, "--prompts", HotelLineProcess.promptsDirectory])
        #expect(second?.status == 1)
        #expect(second?.errors.contains("locked by pid \(server.process.processIdentifier)") == true, "\(second?.errors ?? "")")
        let (status, log) = server.stop()
        #expect(status == 0, "\(log)")
        #expect(String(decoding: guest.readToEnd(), as: UTF8.self).unwrapped.contains("the line is closing now"))
    }

    /// A flipped byte mid-journal stops `serve` with the place and the way out; `serve
    /// --repair` then starts, keeps every record that verifies and logs what it dropped.
    @Test func aDamagedJournalStopsServeAndRepairKeepsEveryGoodRecord() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let journal = HotelStore.journalDirectory(data)
        let records = (0..<5).map { index in
            HotelRecord.callback(CallbackRequest(
                number: CallbackNumber(serial: CallbackNumber.firstSerial + index),
                request: CallbackRequest.Request(phone: "+44207946095\(index)", guestName: "Guest \(index)", dueAt: WallTime(millisecondsSince1970: 1_795_609_585_000),
                                                 windowMinutes: 30, reason: "billing question", callLanguage: "en", language: "en",
                                                 session: "session-\(index)"),
                status: .pending, createdAt: WallTime(millisecondsSince1970: 1_795_609_585_082))).encoded()
        }
        let (opened, _) = try Journal.open(directory: journal) {}
        for (index, record) in records.enumerated() { opened.append(record, token: UInt64(index)) }
        opened.close()
        #expect(opened.statistics.durableRecords == 5)
        let third = SegmentHeader.size + records[..<2].reduce(0) { $0 + JournalFrame.headerSize + $1.payload.count }
        let segment = journal + "/000001.seg"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
        bytes[third + JournalFrame.headerSize + 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: segment))

        let prompts = HotelLineProcess.promptsDirectory
        let refused = try HotelLineProcess.run(["serve", "--guest-port", "0", "--agent-port", "0", "--data", data, "--prompts", prompts])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("\(segment): offset \(third): checksum mismatch (stored 0x"), "\(refused.errors)")
        #expect(refused.errors.contains("run \"hotelline serve --repair\" to move the damaged segment aside"))

        let server = try HotelLineProcess(serve: ["--repair", "--data", data, "--prompts", prompts])
        let (status, log) = server.stop()
        #expect(status == 0, "\(log)")
        #expect(log.contains("\(segment): kept 4 records, dropped \(JournalFrame.headerSize + records[2].payload.count) bytes "
            + "at offset \(third) (checksum mismatch"), "\(log)")
        #expect(log.contains("the damaged original is saved as \(segment).damaged"))
        #expect(log.contains("\(data): 4 records recovered"), "\(log)")
        #expect(FileManager.default.fileExists(atPath: segment + ".damaged"))
    }

    @Test func aPortInUseIsAClearError() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try HotelLineProcess(serve: ["--data", data + "/a", "--prompts", HotelLineProcess.promptsDirectory])
        defer { _ = server.stop() }
        let clash = try HotelLineProcess.run(["serve", "--guest-port", String(server.port), "--data", data + "/b", "--prompts", HotelLineProcess.promptsDirectory])
        #expect(clash.status == 1)
        #expect(clash.errors.contains("cannot listen on 127.0.0.1:\(server.port)"), "\(clash.errors)")
    }
}

@Suite("Reloading the prompts", .blocking)
struct ReloadTests {
    @Test func sighupChangesNewCallsOnlyAndBadPromptsAreRefused() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let prompts = data + "/prompts"
        try FileManager.default.copyItem(atPath: HotelLineProcess.promptsDirectory, toPath: prompts)
        let server = try HotelLineProcess(serve: ["--data", data + "/data", "--prompts", prompts])
        let before = try GuestClient(port: server.port)
        try before.chooseLanguage()
        try before.read(until: "0  Speak to a person")
        let hotel = prompts + "/hotel.conf"
        let original = try String(contentsOfFile: hotel, encoding: .utf8)
        try original.replacingOccurrences(of: "Harbour View Hotel", with: "Seaside Grand").write(toFile: hotel, atomically: true, encoding: .utf8)
        kill(server.process.processIdentifier, SIGHUP)
        #expect(server.waitForLog(containing: "prompts reloaded"))
        let after = try GuestClient(port: server.port)
        try after.chooseLanguage()
        #expect(try after.read(until: "0  Speak to a person").unwrapped.contains("Seaside Grand"), "a new call hears the new prompts")
        before.say("quit")
        #expect(try before.read(until: "Goodbye").contains("Harbour View Hotel"), "a call in progress keeps the prompts it began with")
        // Broken prompts are refused; the running ones stay.
        try "flow booking\nnode start\n  goto nowhere\n".write(toFile: prompts + "/booking.flow", atomically: true, encoding: .utf8)
        kill(server.process.processIdentifier, SIGHUP)
        #expect(server.waitForLog(containing: "prompts not reloaded; the running ones stay"), "the broken prompts were read and refused")
        let still = try GuestClient(port: server.port)
        try still.chooseLanguage()
        still.say("1")
        #expect(try still.read(until: "On which day would you like to arrive?").contains("Here are our rooms"))
        let (status, log) = server.stop()
        #expect(status == 0)
        #expect(log.contains("prompts reloaded"))
        #expect(log.contains("prompts not reloaded; the running ones stay"))
        #expect(log.contains("booking.flow:3: unknown node \"nowhere\""))
    }
}
