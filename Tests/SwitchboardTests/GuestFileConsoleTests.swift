import Foundation
import HotelCalendar
import Storage
import Switchboard
import Testing
import TestSupport

/// Guest files over real connections: a guest who only complained has one, a group's
/// booking opens a group's, agents see a file in full and set its kind and birthday (each
/// in the journal and the audit log), and a departed stay moves its spending and segment.
@Suite("Guest files at the console, over TCP", .blocking)
struct GuestFileConsoleTests {
    @Test func agentsSeeAndKeepGuestFilesOfEveryKind() throws {
        let clock = ManualClock(RecordedCall.startedAt)  // Wednesday 25 November 2026, 10:00 UTC
        let line = try WorkListConsoleTests.line(clock)
        defer { try? line.stop(); line.removeData() }
        // A complaint, a group's booking of four rooms, and a guest who will stay.
        let complained = try WorkListConsoleTests.call(line, ["2", "2", "the towels were dirty", "fresh towels", "+852 9123 4567", "Bo Chan", "no"])
        let ticket = try WorkListConsoleTests.reference(#"T\d{7}"#, in: complained)
        #expect(!complained.contains("261125001"), "a file opened by a complaint is not told to the guest")
        _ = try BookingLivesOnTests.confirmation(in: try WorkListConsoleTests.call(
            line, ["1", "27 Nov", "2 nights", "4", "1", "+1 555 010 9999", "Ben Group", "yes", "no"]))
        let stay = try BookingLivesOnTests.confirmation(in: try WorkListConsoleTests.call(
            line, ["1", "tomorrow", "2 nights", "1", "1", BookingLivesOnTests.maria, "Maria Lopez", "yes", "no"]))
        let mei = try WorkListConsoleTests.console(line, "mei", "4821")
        func ask(_ command: String, until marker: String) throws -> String {
            mei.say(command)
            return WorkListConsoleTests.flat(try mei.read(until: marker))
        }

        let complaintFile = try ask("file 261125001", until: "(this view is logged)")
        #expect(complaintFile.contains("Guest file 261125001: Bo Chan, phone ******4567"), "\(complaintFile)")
        #expect(complaintFile.contains("kind individual, birthday not known, segment small"))
        #expect(complaintFile.contains("complaints: \(ticket)") && complaintFile.contains("reservations: none"))
        #expect(!complaintFile.contains("9123"), "the phone is masked")

        // Bad input, each with what is expected.
        #expect(try ask("file 261125001 kind emperor", until: "vip").contains(
            "unknown kind \"emperor\"; the kinds are individual, business, group, vip"))
        #expect(try ask("file 261125001 kind vipp", until: "kinds").contains("(did you mean \"vip\"?)"))
        #expect(try ask("file 261125001 birthday 02-30", until: "allowed)").contains("\"02-30\" is no birthday"))
        #expect(try ask("file 261201009", until: "file").contains("261201009: no such guest file"))
        #expect(try ask("file R1000017", until: "digits").contains("\"R1000017\" is not a guest file number"))
        let colour = try ask("file 261125001 colour red", until: "kind")
        #expect(colour.contains("unknown file field \"colour\""), "\(colour)")

        #expect(try ask("file 261125001 kind vip", until: "log)").contains("261125001: kind vip (journal and audit log)"))
        #expect(try ask("file 261125001 kind VIP", until: "recorded").contains("its kind is vip already; nothing recorded"))
        #expect(try ask("file 261125001 birthday 02-29", until: "log)").contains("261125001: birthday 02-29 (journal and audit log)"))
        #expect(try ask("file 261125001", until: "logged)").contains("kind vip, birthday 02-29, segment vip"))
        #expect(try ask("file 261127001", until: "logged)").contains("kind group"), "four rooms under one name: a group's file")

        // The stay departs: its nights × rate × rooms are on the file.
        clock.advance(86_400_000)
        _ = try ask("stay arrive \(stay)", until: "log)")
        clock.advance(2 * 86_400_000)
        _ = try ask("stay depart \(stay)", until: "log)")
        let stayed = try ask("file 261126001", until: "logged)")
        #expect(stayed.contains("Maria Lopez") && stayed.contains("stays departed: 1, spending $240") && stayed.contains("segment small"),
                "two nights of a Standard Double: \(stayed)")
        #expect(stayed.contains("reservations: \(stay)"))

        try line.stop()
        let store = HotelStore(log: MemoryLog(), recovered: try line.storedRecords())
        let file = try #require(store.guestFile(GuestFileNumber("261125001")!))
        #expect(file.kind == .vip && file.birthday == Birthday("02-29") && file.complaints.count == 1)
        let audit = BookingLivesOnTests.auditLog(of: line)
        #expect(audit.contains(#""event":"file-kind","file":"261125001","kind":"vip","by":"console:mei"}"#), "\(audit)")
        #expect(audit.contains(#""event":"file-birthday","file":"261125001","birthday":"02-29","by":"console:mei"}"#))
        #expect(audit.contains(#""event":"file-viewed","agent":"mei","file":"261126001""#))
    }
}
