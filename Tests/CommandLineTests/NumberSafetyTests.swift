import Foundation
import Glibc
import Testing
import TestSupport

/// The issue's two reproductions on the built binary: a number a guest was told is never
/// told to another, after the last byte of the journal is flipped and the start cuts the
/// record, and after a start, a stop with no calls and a start again.
@Suite("Numbers are never told twice", .blocking)
struct NumberSafetyTests {
    let prompts = HotelLineProcess.promptsDirectory

    /// What a guest who books as the README's script does is told.
    struct Told: Equatable {
        var confirmation: String
        var file: String
    }

    /// Books as the README's script does (24 to 27 December), under `phone`.
    func book(port: UInt16, phone: String, name: String) throws -> Told {
        let guest = try GuestClient(port: port)
        try guest.chooseLanguage()
        for answer in ["1", "24 Dec", "27 Dec", "1", "2", phone, name, "yes"] { guest.say(answer) }
        let text = try guest.read(until: "anything else")
        guest.say("no")
        let confirmation = try #require(text.range(of: #"R\d{7}"#, options: .regularExpression).map { String(text[$0]) }, "\(text)")
        let file = try #require(text.range(of: #"guest file number is \d{9,}"#, options: .regularExpression)
            .map { String(text[$0].split(separator: " ").last!) }, "\(text)")
        return Told(confirmation: confirmation, file: file)
    }

    func flipLastByte(of path: String) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    @Test func aFlippedLastByteIsCutAndTheNextGuestGetsNewNumbers() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let first: Told
        do {
            let server = try HotelLineProcess(serve: ["--data", data, "--prompts", prompts])
            defer { server.stopIfRunning() }
            first = try book(port: server.port, phone: "+44 20 7946 0958", name: "Maria Lopez")
            #expect(server.stop().status == 0)
        }
        try flipLastByte(of: data + "/journal/000001.seg")
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", prompts])
        defer { server.stopIfRunning() }
        let second = try book(port: server.port, phone: "+44 20 7946 0959", name: "Ana Ruiz")
        let (status, log) = server.stop()
        #expect(status == 0)
        #expect(log.contains("is damaged") && log.contains("passed over"), "\(log)")
        #expect(second.confirmation != first.confirmation, "\(first) then \(second)")
        #expect(second.file != first.file, "\(first) then \(second)")
    }

    @Test func startStopStartAfterTheCutDoesNotTellTheCutNumberAgain() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let first: Told
        do {
            let server = try HotelLineProcess(serve: ["--data", data, "--prompts", prompts])
            defer { server.stopIfRunning() }
            first = try book(port: server.port, phone: "+44 20 7946 0958", name: "Maria Lopez")
            #expect(server.stop().status == 0)
        }
        try flipLastByte(of: data + "/journal/000001.seg")
        do {
            let server = try HotelLineProcess(serve: ["--data", data, "--prompts", prompts])
            let (status, log) = server.stop()
            #expect(status == 0 && log.contains("passed over"), "\(log)")
        }
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", prompts])
        defer { server.stopIfRunning() }
        let second = try book(port: server.port, phone: "+44 20 7946 0959", name: "Ana Ruiz")
        let (status, log) = server.stop()
        #expect(status == 0)
        #expect(!log.contains("passed over"), "nothing is cut at this start: \(log)")
        #expect(second.confirmation != first.confirmation, "\(first) then \(second)")
        #expect(second.file != first.file, "\(first) then \(second)")
    }

    /// The last segment deleted: the start stops naming it and the way out; --repair then
    /// starts and passes over every number the lost records may have held.
    @Test func aDeletedLastSegmentStopsTheStartAndRepairPassesOverItsNumbers() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let first: Told
        do {
            let server = try HotelLineProcess(serve: ["--data", data, "--prompts", prompts])
            defer { server.stopIfRunning() }
            first = try book(port: server.port, phone: "+44 20 7946 0958", name: "Maria Lopez")
            #expect(server.stop().status == 0)
        }
        let segment = data + "/journal/000001.seg"
        try FileManager.default.removeItem(atPath: segment)
        let refused = try HotelLineProcess.run(["serve", "--guest-port", "0", "--agent-port", "0", "--data", data, "--prompts", prompts])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("\(segment): missing, though the manifest says the journal was writing it"), "\(refused.errors)")
        #expect(refused.errors.contains("start with --repair"))
        let server = try HotelLineProcess(serve: ["--repair", "--data", data, "--prompts", prompts])
        defer { server.stopIfRunning() }
        let second = try book(port: server.port, phone: "+44 20 7946 0959", name: "Ana Ruiz")
        let (status, log) = server.stop()
        #expect(status == 0 && log.contains("passed over"), "\(log)")
        #expect(second.confirmation != first.confirmation && second.file != first.file, "\(first) then \(second)")
    }
}
