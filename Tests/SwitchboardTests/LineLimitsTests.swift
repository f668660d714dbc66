import Foundation
import Glibc
import Testing
import TestSupport

/// The limits a caller meets on the real line: connections from one address, and lines a
/// second from one call; each bites politely, and nobody else notices.
@Suite("Line limits over TCP", .blocking)
struct LineLimitsTests {
    @Test func oneAddressCannotTakeEveryLineAndTheConsoleKeepsItsOwn() throws {
        let line = try RunningLine { $0.connections.maxConnectionsPerAddress = 3 }
        defer { try? line.stop(); line.removeData() }
        var guests = try (0..<3).map { _ in try line.guest() }
        for guest in guests { try guest.read(until: "0  Speak to a person") }
        let fourth = try line.guest(choosing: nil)
        let refused = String(decoding: fourth.readToEnd(), as: UTF8.self)
        #expect(refused.unwrapped.contains("all our lines are busy"))
        #expect(fourth.sawEndOfInput)
        // The console is not a guest: it still answers.
        let console = try line.console()
        try console.read(until: "Agent ID:")
        // One hangs up: the next call from the address is served again.
        guests.removeFirst()
        #expect(try eventually(every: 0.02) {
            try line.guest(choosing: nil).read(untilAny: [RunningLine.endOfLanguageScreen, "busy"]).marker == 0
        })
    }

    /// A caller flooding lines is slowed to the rate, then told and cut, while a guest on
    /// the line at the same time is answered as quickly as ever.
    @Test func aFloodIsSlowedThenCutAndOthersSeeNoDelay() throws {
        let line = try RunningLine { settings in
            settings.connections.maxLinesPerSecond = 20
            settings.connections.floodSeconds = 0.5
        }
        defer { line.removeData() }
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        /// How long each of `count` answers to help took, in seconds, fastest first.
        func helpTimes(_ count: Int) throws -> [Double] {
            var times: [Double] = []
            for _ in 0..<count {
                let start = Date()
                guest.say("help")
                try guest.read(until: "0  Speak to a person")
                times.append(Date().timeIntervalSince(start))
            }
            return times.sorted()
        }
        // How long an answer takes on this machine now, with nobody flooding: a busy machine
        // answers everyone slowly, and only what the flood adds is the flood's.
        let alone = try helpTimes(3).last!
        let flooder = try line.guest()
        try flooder.read(until: "0  Speak to a person")
        flooder.send(String(repeating: "help\n", count: 4000))
        // The middle of five: one answer held up by the rest of a busy machine (the suite
        // runs beside this) is not the flood's doing; a line the flood held up is slow for all.
        let beside = try helpTimes(5)[2]
        #expect(beside < 0.5 + 5 * alone, "a guest beside the flood waited \(beside) s, the middle of five (\(alone) s alone)")
        let heard = String(decoding: flooder.readToEnd(), as: UTF8.self)
        #expect(heard.unwrapped.contains("type one answer at a time"))
        #expect(flooder.sawEndOfInput)
        let helps = heard.components(separatedBy: "You can type these at any question").count - 1
        #expect(helps >= 40 && helps < 200, "a burst of 40, then 20 a second for about half a second: \(helps)")
        try line.stop()
        let transcripts = try FileManager.default.subpathsOfDirectory(atPath: line.dataDirectory + "/transcripts").filter { $0.hasSuffix(".txt") }
        let texts = try transcripts.map { try String(contentsOfFile: line.dataDirectory + "/transcripts/" + $0, encoding: .utf8) }
        #expect(texts.contains { $0.contains(" event closed: guest sent too fast\n") })
    }

    /// The flooder is told in the language of their call, laid out like every text of it
    /// (it was said in the hotel's first language whatever the call's).
    @Test func theFlooderIsToldInTheLanguageOfTheirCall() throws {
        let line = try RunningLine { settings in
            settings.connections.maxLinesPerSecond = 20
            settings.connections.floodSeconds = 0.3
        }
        defer { try? line.stop(); line.removeData() }
        let flooder = try line.guest(choosing: "4")
        try flooder.read(until: "0  Hablar con una persona")
        flooder.send(String(repeating: "x\n", count: 2000))
        let heard = String(decoding: flooder.readToEnd(), as: UTF8.self).unwrapped
        #expect(heard.contains("escriba una respuesta cada vez"), "\(heard.suffix(400))")
        #expect(!heard.contains("type one answer at a time"))
    }
}
