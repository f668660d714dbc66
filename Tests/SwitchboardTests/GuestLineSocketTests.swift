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

    @Test func telnetGuestWithNegotiationBytesIsServedAndRefusedPolitely() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        // IAC DO ECHO, IAC WILL NAWS, then "1" split around an IAC NOP, telnet's CR LF.
        guest.send(bytes: [255, 253, 1, 255, 251, 31])
        guest.send(bytes: [UInt8(ascii: "1"), 255, 241, 13, 10])
        let bytes = try guest.readBytes(until: "On which day would you like to arrive?").drop { $0 == 13 || $0 == 10 }
        #expect(Array(bytes.prefix(6)) == [255, 252, 1, 255, 254, 31], "WONT ECHO and DONT NAWS come first")
        #expect(String(decoding: bytes.dropFirst(6), as: UTF8.self).contains("Here are our rooms"))
    }

    /// Ctrl-C in telnet sends IAC IP IAC DO TIMING-MARK, then throws away what arrives
    /// until the timing mark is answered: the answer comes before the goodbye, or the
    /// guest would see only "Connection closed by foreign host."
    @Test func ctrlCInTelnetIsAnsweredBeforeTheGoodbye() throws {
        let line = try RunningLine()
        defer { try? line.stop(); line.removeData() }
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.send(bytes: [255, 244, 255, 253, 6])
        let bytes = guest.readToEnd().drop { $0 == 13 || $0 == 10 }
        #expect(Array(bytes.prefix(3)) == [255, 252, 6], "WONT TIMING-MARK first: \(Array(bytes.prefix(8)))")
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).contains("Goodbye"))
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
        #expect(try line.storedRecords().isEmpty)
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
        #expect(try line.storedRecords().count == 1)
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
        let numberB = try Self.book(try first.guest(), ending: "\r\n", name: "Li Wei", phone: "+86 138 0013 8000", room: "4")
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
        let line = try RunningLine()
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
        #expect(try line.storedRecords().count == 200)
    }

    @Test func pastTheGuestLimitACallerHearsTheLinesAreBusy() throws {
        let line = try RunningLine { $0.connections.maxConnections = 1 }
        defer { try? line.stop(); line.removeData() }
        let first = try line.guest()
        try first.read(until: "0  Speak to a person")
        let second = try line.guest()
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
