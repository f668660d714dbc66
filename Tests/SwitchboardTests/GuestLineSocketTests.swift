import HotelCalendar
import Glibc
import Foundation
import Storage
import Testing
import TestSupport

@Suite("Guest line over TCP", .blocking)
struct GuestLineSocketTests {
    /// Books a Deluxe King for 24–27 December as Maria Lopez and returns the confirmation number.
    static func book(_ guest: GuestClient, ending: String = "\n", name: String = "Maria Lopez", phone: String = "+44 20 7946 0958",
                     room: String = "2") throws -> String {
        try guest.read(until: "0  Speak to a person")
        for answer in ["1", "24 Dec", "27 Dec", "1", room, phone, name] {
            guest.say(answer, ending: ending)
        }
        try guest.read(until: "Is everything correct? (yes/no)")
        guest.say("yes", ending: ending)
        let done = try guest.read(until: "Please keep it")
        guard let range = done.range(of: #"R\d{7}"#, options: .regularExpression) else {
            throw GuestClient.Failure(description: "no confirmation number in: \(done)")
        }
        return String(done[range])
    }

    /// The issue's reproduction: a check-in "today" answered at 23:59:45 and confirmed at
    /// 00:00:02 is not saved for a day already past; the guest is asked for the dates again.
    @Test func aBookingConfirmedJustAfterMidnightIsNotSavedForTheDayThatEnded() throws {
        let clock = ManualClock(WallTime(millisecondsSince1970: 1_795_651_185_000))  // 25 November 2026, 23:59:45 UTC
        let line = try RunningLine { $0.clock = clock.wallClock }
        defer { try? line.stop(); line.removeData() }
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        for answer in ["1", "today", "1 night", "1", "2", "+44 20 7946 0958", "Maria Lopez"] { guest.say(answer) }
        #expect(try guest.read(until: "Is everything correct? (yes/no)").contains("Check-in:   Wednesday 25 November 2026"))
        clock.advance(17_000)  // 00:00:02 on the 26th
        guest.say("yes")
        let heard = try guest.read(until: "On which day would you like to arrive?").unwrapped
        #expect(heard.contains("it is past midnight now, so Wednesday 25 November 2026 is over"), "\(heard)")
        #expect(!heard.contains("confirmation number"))
        #expect(try line.storedRecords().isEmpty, "nothing was saved for the day that ended")
    }

    @Test func ncGuestBooksAndTheRecordIsOnDiskBeforeTheNumberIsSpoken() throws {
        let line = try RunningLine()
        defer { line.removeData() }
        let guest = try line.guest()
        let number = try Self.book(guest)
        // The number was spoken, so its record is already in the journal file, while the
        // server still runs (the writer acknowledges only after write and fdatasync).
        let segment = try Data(contentsOf: URL(fileURLWithPath: line.dataDirectory + "/journal/000001.seg"))
        #expect(segment.range(of: Data("Maria Lopez".utf8)) != nil)
        try line.stop()
        let reservations = try line.storedRecords().compactMap { if case .reservation(let r) = $0 { r } else { nil } }
        #expect(reservations.map(\.number.description) == [number])
        #expect(reservations.first?.request.guestName == "Maria Lopez")
        #expect(reservations.first?.request.phone == "+442079460958")
        // And the call is in its transcript, readable, with the outcome that was spoken.
        let days = try FileManager.default.contentsOfDirectory(atPath: line.dataDirectory + "/transcripts")
        let folder = line.dataDirectory + "/transcripts/" + days[0]
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1 && files[0].hasSuffix(".txt"))
        let transcript = try String(contentsOfFile: folder + "/" + files[0], encoding: .utf8)
        #expect(transcript.hasPrefix("# hotelline transcript 1\n"))
        #expect(transcript.contains(" guest 1\n"))
        #expect(transcript.contains(" event outcome saved reference=\(number) file=261224001\n"))
        #expect(transcript.contains("Your confirmation number is \(number)"))
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + files[0])
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// Stock telnet off port 23 says nothing of itself and ends its first line with CR LF:
    /// it hears the probe alone, answers, gets the offer, and the reply to that first line
    /// waits for the answers and is laid out for its window.
    @Test func aTelnetGuestIsProbedThenOfferedAndHearsTheReplyAtItsWidth() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        let guest = try TelnetClient(port: line.port, columns: 40)
        try guest.read(until: RunningLine.endOfLanguageScreen)
        #expect(!guest.raw.contains(255), "nothing telnet before the guest shows it speaks telnet")
        let greeted = guest.raw.count
        guest.say("1")
        let menu = try guest.read(until: "0  Speak to a person")
        #expect(Array(guest.raw[greeted..<(greeted + 3)]) == [255, 253, 31], "the probe, IAC DO NAWS, comes first and alone")
        for text in menu.components(separatedBy: "\r\n") { #expect(terminalColumns(text) <= 40, "\(terminalColumns(text)) columns: \(text)") }
        guest.say("1")
        let reply = try guest.read(until: "On which day would you like to arrive?")
        #expect(guest.commands.contains([255, 253, 24]) && guest.commands.contains([255, 251, 0]) && guest.commands.contains([255, 253, 0]))
        #expect(guest.commands.contains([255, 251, 42]))
        #expect(guest.commands.contains([255, 250, 42, 1] + Array(";UTF-8".utf8)))
        #expect(!guest.commands.contains([255, 251, 1]), "the guest line never asks to echo")
        #expect(!guest.commands.contains([255, 251, 3]), "nor to suppress go-ahead: telnet keeps its line mode")
        let lines = reply.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.contains { $0.contains("m²") })
        for text in lines { #expect(terminalColumns(text) <= 40, "\(terminalColumns(text)) columns: \(text)") }
    }

    /// Ctrl-C in telnet sends IAC IP IAC DO TIMING-MARK, then throws away what arrives
    /// until the timing mark is answered: the answer comes before the goodbye, or the
    /// guest would see only "Connection closed by foreign host."
    @Test func ctrlCInTelnetIsAnsweredBeforeTheGoodbye() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        let guest = try TelnetClient(port: line.port, columns: 80)
        try guest.read(until: RunningLine.endOfLanguageScreen)
        guest.send(bytes: [255, 244, 255, 253, 6])
        guest.readToEnd()
        let answer = guest.raw.firstRange(of: [255, 252, 6])
        let goodbye = guest.raw.firstRange(of: Array("Goodbye".utf8))
        #expect(answer != nil && goodbye != nil)
        if let answer, let goodbye { #expect(answer.upperBound <= goodbye.lowerBound, "WONT TIMING-MARK before the goodbye") }
    }

    @Test func aRawGuestNeverSeesAnIACByte() throws {
        let line = try RunningLine()
        defer { line.removeData() }
        let guest = try line.guest()
        for answer in ["1", "24 Dec", "27 Dec", "2", "3", "12345678", "Ana", "no", "8", "quit"] { guest.say(answer) }
        let everything = guest.readToEnd()
        #expect(!everything.contains(255))
        #expect(String(decoding: everything, as: UTF8.self).contains("Goodbye"))
        try line.stop()
    }

    @Test func aGuestWhoHangsUpMidFlowLeavesNoRecord() throws {
        let line = try RunningLine()
        defer { line.removeData() }
        do {
            let guest = try line.guest()
            try guest.read(until: "0  Speak to a person")
            for answer in ["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958", "Maria Lopez"] { guest.say(answer) }
            try guest.read(until: "Is everything correct? (yes/no)")
        }  // the socket closes here, before the yes
        let next = try line.guest()
        try next.read(until: "0  Speak to a person")
        try line.stop()
        // Only the two calls themselves: the one hung up on, and the one the line closed.
        let records = try line.storedRecords()
        #expect(records.count == 2 && records.allSatisfy { if case .call = $0 { true } else { false } }, "\(records)")
    }

    @Test func aGuestWhoSaysYesAndStopsSendingStillHearsTheNumber() throws {
        let line = try RunningLine()
        defer { line.removeData() }
        let guest = try line.guest()
        for answer in ["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958", "Maria Lopez", "yes"] { guest.say(answer) }
        guest.finishSending()  // `printf … | nc -N`
        let heard = String(decoding: guest.readToEnd(), as: UTF8.self)
        #expect(heard.contains("Your confirmation number is R"))
        #expect(guest.sawEndOfInput, "the line hangs up once it has answered")
        try line.stop()
        let records = try line.storedRecords()
        #expect(records.count == 2, "the booking, then the call's own record")
        guard case .reservation? = records.first, case .call(let call)? = records.last else {
            Issue.record("\(records)")
            return
        }
        #expect(call.milliseconds >= 0 && call.waits.isEmpty && call.language == "en")
    }

    @Test func overlongInvalidAndControlLinesGetPoliteMessagesAndTheCallGoesOn() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say(String(repeating: "x", count: 5000))
        #expect(try guest.read(until: "0  Speak to a person").unwrapped.contains("too long (1024 characters at most)"))
        guest.send(bytes: [0xC3, 0x28, 10])
        #expect(try guest.read(until: "0  Speak to a person").contains("couldn't read that"))
        guest.say("\u{1b}[A")
        #expect(try guest.read(until: "0  Speak to a person").contains("arrow keys"))
        guest.say("2")
        #expect(try guest.read(until: "Which area was it about?").contains("sorry"))
    }

    @Test func shuttingDownTellsConnectedGuestsPolitely() throws {
        let line = try RunningLine()
        defer { line.removeData() }
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        try line.stop()
        let heard = String(decoding: guest.readToEnd(), as: UTF8.self).unwrapped
        #expect(heard.contains("the line is closing now"))
        #expect(guest.sawEndOfInput)
    }

    @Test func restartKeepsBookingsForAvailabilityAndNeverRepeatsANumber() throws {
        let data = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        var first = try RunningLine(dataDirectory: data)
        // The hotel has two Harbour Suites: book both, one at a time.
        let numberA = try Self.book(try first.guest(), room: "4")
        let numberB = try Self.book(try first.guest(), ending: "\r\0", name: "Li Wei", phone: "+86 138 0013 8000", room: "4")
        try first.stop()
        first = try RunningLine(dataDirectory: data)
        let guest = try first.guest()
        try guest.read(until: "0  Speak to a person")
        for answer in ["1", "25 Dec", "26 Dec", "1", "4"] { guest.say(answer) }
        #expect(try guest.read(until: "Back to the main menu").unwrapped.contains("the Harbour Suite rooms are fully booked for those nights"))
        guest.say("1")
        guest.say("2")
        guest.say("600 123 456")
        guest.say("Ana Silva")
        try guest.read(until: "(yes/no)")
        guest.say("yes")
        let done = try guest.read(until: "Please keep it")
        let numberC = String(done[done.range(of: #"R\d{7}"#, options: .regularExpression)!])
        #expect(Set([numberA, numberB, numberC]).count == 3)
        try first.stop()
    }

    @Test func aRepeatCallerHearsNothingFromTheFileUntilTheNumberMatchesThePhone() throws {
        let data = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        var line = try RunningLine(dataDirectory: data)
        let number = try Self.book(try line.guest())
        try line.stop()
        line = try RunningLine(dataDirectory: data)
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("5")
        guest.say("+44 20 7946 0958")
        let welcome = try guest.read(until: "2  A complaint").unwrapped
        #expect(!welcome.contains("Maria") && !welcome.contains("Welcome back") && !welcome.contains("stay"),
                "nothing from the phone number alone: \(welcome)")
        guest.say("1")
        guest.say("R1000000")  // a wrong check digit
        guest.say(number)
        let details = try guest.read(until: "change or cancel this booking now?").unwrapped
        #expect(details.contains("Check-in:   Thursday 24 December 2026"))
        guest.say("no")
        // The number, from another phone, reads out nothing: as if it did not exist.
        let stranger = try line.guest()
        try stranger.read(until: "0  Speak to a person")
        for answer in ["5", "0161 496 0000", "1", number] { stranger.say(answer) }
        let refused = try stranger.read(until: "type \"menu\" to go back").unwrapped
        #expect(refused.contains("I couldn't find a booking with that number under the phone number you gave"))
        #expect(!refused.contains("Maria") && !refused.contains("December"))
        try line.stop()
    }

    @Test func twoHundredGuestsAtOnceEachGetTheirOwnTicket() throws {
        let line = try RunningLine { $0.connections.maxConnectionsPerAddress = 200 }  // all from 127.0.0.1
        defer { line.removeData() }
        let guests = try (0..<200).map { _ in try line.guest() }
        for (index, guest) in guests.enumerated() {
            let name = "Guest " + String(UnicodeScalar(UInt8(65 + index % 26))) + String(UnicodeScalar(UInt8(97 + index / 26)))
            for answer in ["2", "housekeeping", "No towels in room \(index)", "Fresh towels", "600 000 \(1000 + index)", name, "no"] {
                guest.say(answer)
            }
        }
        var tickets: Set<String> = []
        for guest in guests {
            let heard = try guest.read(until: "anything else")
            if let range = heard.range(of: #"T\d{7}"#, options: .regularExpression) { tickets.insert(String(heard[range])) }
        }
        #expect(tickets.count == 200)
        try line.stop()
        let records = try line.storedRecords()
        #expect(records.count { if case .complaint = $0 { true } else { false } } == 200)
        #expect(records.count { if case .call = $0 { true } else { false } } == 200, "and each guest's call")
    }

    @Test func pastTheGuestLimitACallerHearsTheLinesAreBusy() throws {
        let line = try RunningLine { $0.connections.maxConnections = 1 }
        defer { try? line.stop(); line.removeData() }
        let first = try line.guest()
        try first.read(until: "0  Speak to a person")
        let second = try line.guest(choosing: nil)
        let raw = String(decoding: second.readToEnd(), as: UTF8.self)
        #expect(raw.unwrapped.contains("all our lines are busy"))
        let lines = raw.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 1 && lines.allSatisfy { $0.count <= 78 }, "laid out like every text: \(lines)")
    }
}

@Suite("A disk that refuses records", .blocking)
struct FullDiskTests {
    @Test func theGuestHearsNothingWasSavedIsOfferedACallbackAndTheLineKeepsServing() throws {
        let disk = TestFileSystem()
        let line = try RunningLine { $0.store.fileSystem = disk }
        defer { line.removeData() }
        let first = try line.guest()
        let kept = try GuestLineSocketTests.book(first)  // acknowledged before the disk fills
        disk.failWrites(ENOSPC, count: 1)
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        for answer in ["1", "24 Dec", "27 Dec", "1", "1", "+44 20 7946 0111", "Ana Silva"] { guest.say(answer) }
        try guest.read(until: "(yes/no)")
        guest.say("yes")
        let refused = try guest.read(until: "(yes/no)").unwrapped
        #expect(refused.contains("nothing has been recorded"))
        #expect(refused.range(of: #"R\d{7}"#, options: .regularExpression) == nil, "no number for a record that is not on disk")
        guest.say("yes")
        try guest.read(until: "Shall we call you at +442079460111? (yes/no)")
        // The disk is back: the line serves the next guest as if nothing happened.
        let next = try GuestLineSocketTests.book(try line.guest(), phone: "+86 138 0013 8000", room: "1")
        try line.stop()
        let numbers = try line.storedRecords().compactMap { if case .reservation(let r) = $0 { r.number.description } else { nil } }
        #expect(numbers == [kept, next], "what was acknowledged is all there, and the refused booking is not")
    }
}

@Suite("A silent guest", .blocking)
struct SilentGuestTests {
    @Test func isAskedTwiceIfStillThereThenToldGoodbyeAndHungUpOn() throws {
        let line = try RunningLine { $0.line.idleTimeoutSeconds = 0.15 }
        defer { try? line.stop(); line.removeData() }
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        let heard = String(decoding: guest.readToEnd(), as: UTF8.self).unwrapped
        #expect(heard.components(separatedBy: "Are you still there?").count - 1 == 2)
        #expect(heard.contains("I haven't heard from you for a while"))
        #expect(guest.sawEndOfInput)
    }
}

/// A caller who stops reading, on a real socket: what the line holds for them, in its own
/// buffer and in the kernel's send buffer, stays within `--max-output`, and they are hung up
/// (noted in the transcript) when it would not.
@Suite("A caller who never reads", .blocking)
struct NonReadingCallerTests {
    /// The bytes the kernel holds unsent or unacknowledged on the server's end of the
    /// connection from local port `clientPort` (its tx_queue in /proc/net/tcp), if it is open.
    static func serverSendQueue(serverPort: UInt16, clientPort: UInt16) -> Int? {
        guard let table = try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8) else { return nil }
        for row in table.split(separator: "\n").dropFirst() {
            let fields = row.split(separator: " ")
            guard fields.count > 4 else { continue }
            let local = fields[1].split(separator: ":"), remote = fields[2].split(separator: ":")
            guard UInt16(local[1], radix: 16) == serverPort, UInt16(remote[1], radix: 16) == clientPort else { continue }
            return Int(fields[4].split(separator: ":")[0], radix: 16)
        }
        return nil
    }

    /// Whether `text` holds `words`, byte for byte (`strstr`: a transcript has no NUL). The
    /// transcript here is a megabyte of help texts, searched every 50 ms: Foundation's
    /// `contains` compares it as Unicode and took most of this test's CPU.
    static func holds(_ text: String, _ words: String) -> Bool {
        text.withCString { haystack in strstr(haystack, words) != nil }
    }

    @Test func theKernelsSendBufferCountsAndTheCallerIsHungUp() throws {
        let line = try RunningLine {
            $0.connections.maxOutputBytes = 64 * 1024
            $0.connections.maxLinesPerSecond = 0  // asks faster than a guest may type; the output bound is under test
        }
        defer { try? line.stop(); line.removeData() }
        let caller = try GuestClient(port: line.port)
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(caller.fd, $0, &length) } }
        let clientPort = UInt16(bigEndian: address.sin_port)
        // Asks for about a megabyte of help, a little at a time, reading none of it: each
        // answer finds the kernel's buffer with room, which once grew to take it all.
        var largestKernelQueue = 0
        var flags = fcntl(caller.fd, F_GETFL)
        flags |= O_NONBLOCK
        _ = fcntl(caller.fd, F_SETFL, flags)
        for _ in 0..<20 {
            let batch = Array(String(repeating: "help\n", count: 80).utf8)
            _ = batch.withUnsafeBytes { send(caller.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            usleep(50_000)
            largestKernelQueue = max(largestKernelQueue, Self.serverSendQueue(serverPort: line.port, clientPort: clientPort) ?? 0)
        }
        #expect(largestKernelQueue <= 16 * 1024, "the kernel held \(largestKernelQueue) bytes for a caller with --max-output 64 KiB")
        var transcript = ""
        eventually {
            let folder = line.dataDirectory + "/transcripts"
            let files = (FileManager.default.subpaths(atPath: folder) ?? []).filter { $0.hasSuffix(".txt") }
            transcript = files.first.flatMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) } ?? ""
            return Self.holds(transcript, "closed: guest stopped reading")
        }
        #expect(Self.holds(transcript, "event closed: guest stopped reading"), "hung up, and noted: \(transcript.suffix(300))")
        #expect(Self.serverSendQueue(serverPort: line.port, clientPort: clientPort) == nil, "the kernel let go of it at once")
    }
}
