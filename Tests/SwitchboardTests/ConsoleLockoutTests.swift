import Foundation
import Glibc
import Storage
import Switchboard
import Testing
import TestSupport

/// The console's locks over TCP: consoles opened in parallel, a lock kept across a restart,
/// the ways round it that only staff have, and consoles that never log in.
@Suite("Console lockouts over TCP", .blocking)
struct ConsoleLockoutTests {
    static func line(dataDirectory: String? = nil, configure: @escaping @Sendable (inout ServiceSettings) -> Void = { _ in }) throws -> RunningLine {
        let data = dataDirectory ?? TestPaths.temporaryDirectory()
        if dataDirectory == nil {
            try RunningLine.addAgent("mei", name: "Mei", pin: "4821", in: data)
            try RunningLine.addAgent("sara", name: "Sara", pin: "7350", supervisor: true, in: data)
        }
        return try RunningLine(dataDirectory: data, configure: configure)
    }

    static func audit(_ line: RunningLine) -> String {
        (try? String(contentsOfFile: line.dataDirectory + "/audit.log", encoding: .utf8)) ?? ""
    }

    /// Thirty consoles open at once, all at the PIN prompt for mei before anything fails:
    /// twenty-nine wrong PINs, then the right one. Five are checked; the rest are refused
    /// without a check; the right PIN does not get in; mei is locked.
    @Test func thirtyParallelConsolesGetFiveGuessesAndTheRightPinWaitsOutTheLock() throws {
        let line = try Self.line { $0.console.maxWaitingLoginsPerAddress = 64 }
        defer { try? line.stop(); line.removeData() }
        var consoles: [GuestClient] = []
        for _ in 0..<30 {
            let console = try line.console()
            try console.read(until: "Agent ID:")
            console.say("mei")
            consoles.append(console)
        }
        for console in consoles { try console.read(until: "PIN:") }
        // Twenty-nine wrong PINs at once (the loop takes them in whatever order the sockets
        // become readable): five are checked, the rest wait their turn or meet the lock.
        for (index, console) in consoles.prefix(29).enumerated() { console.say(String(format: "%04d", index)) }
        var answers: [String] = []
        for console in consoles.prefix(29) { answers.append(try console.read(until: "Agent ID:")) }
        #expect(answers.filter { $0.contains("Login incorrect.") }.count == 5, "\(answers)")
        #expect(!answers.contains { $0.contains("Welcome") })
        // The right PIN, typed at the thirtieth console's prompt after them, meets the lock.
        consoles[29].say("4821")
        #expect(try !consoles[29].read(until: "Agent ID:").contains("Welcome"))
        // And the lock holds for every one of them.
        consoles[29].say("mei")
        #expect(try consoles[29].read(until: "Agent ID:").contains("Too many failed logins. Try again in 15 minute(s)"))
        try line.stop()
        let audit = Self.audit(line)
        #expect(audit.components(separatedBy: #""event":"login-failed","agent":"mei""#).count - 1 == 5, "\(audit)")
        #expect(!audit.contains(#""event":"login","#))
        #expect(audit.contains(#""event":"lockout","agent":"mei""#))
    }

    /// A lock outlives the server: written to DATA/lockouts (0600), read at the next start.
    @Test func aLockSurvivesARestart() throws {
        let first = try Self.line()
        defer { first.removeData() }
        let console = try first.console()
        for _ in 1...5 {
            try console.read(until: "Agent ID:")
            console.say("mei")
            try console.read(until: "PIN:")
            console.say("1111")
        }
        try console.read(until: "locked for 15 minutes")
        try Self.waitFor { (try? String(contentsOfFile: first.dataDirectory + "/lockouts", encoding: .utf8))?.contains("agent\tmei\t") == true }
        try first.stop()
        var info = stat()
        #expect(stat(first.dataDirectory + "/lockouts", &info) == 0 && info.st_mode & 0o777 == 0o600)
        let second = try Self.line(dataDirectory: first.dataDirectory)
        defer { try? second.stop() }
        let again = try second.console()
        try again.read(until: "Agent ID:")
        again.say("mei")
        let heard = try again.read(until: "Agent ID:")
        // (The test clock starts again at the same moment, so the lock reads 15 or 16 minutes.)
        #expect(heard.contains("Too many failed logins. Try again in 1"), "\(heard)")
    }

    /// A damaged lockouts file is reported and read for what it holds: the line still starts.
    @Test func aDamagedLockoutsFileIsReadForWhatItHolds() throws {
        let data = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try RunningLine.addAgent("mei", name: "Mei", pin: "4821", in: data)
        let until = Int64(Date().timeIntervalSince1970 * 1000) + 3_600_000
        // Also an approval of console 1 left from an earlier run: this run's console 1 is someone else.
        try "garbage\u{0}here\nagent\tmei\t\(until)\nagent\tmei\napprove\tmei\t1\t\(until)\n".write(toFile: data + "/lockouts", atomically: true, encoding: .utf8)
        let line = try Self.line(dataDirectory: data)
        defer { try? line.stop() }
        let console = try line.console()
        try console.read(until: "Agent ID:")
        console.say("mei")
        #expect(try console.read(until: "Agent ID:").contains("Too many failed logins"), "the good line still locks, and the old approval is gone")
        var rewritten = ""
        try Self.waitFor {
            rewritten = (try? String(contentsOfFile: data + "/lockouts", encoding: .utf8)) ?? ""
            return !rewritten.contains("garbage")
        }
        #expect(rewritten.contains("agent\tmei\t\(until)") && !rewritten.contains("garbage") && !rewritten.contains("approve"), "\(rewritten)")
    }

    /// Locked by someone guessing, mei gets in two ways nobody guessing can use: a supervisor
    /// lifts the lock, or approves mei's own console while the guessing goes on.
    @Test func aSupervisorUnlocksAnIDOrLetsOneConsoleIn() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let sara = try line.console()
        try sara.logIn("sara", "7350")
        let attacker = try line.console()
        func lockMei(_ id: String = "mei") throws {
            for _ in 1...5 {
                try attacker.read(until: "Agent ID:")
                attacker.say(id)
                try attacker.read(until: "PIN:")
                attacker.say("9999")
                try attacker.read(until: "Login incorrect.")
            }
        }
        try lockMei()
        sara.say("unlock mei")
        #expect(try sara.read(until: "forgotten.").contains("mei is unlocked"))
        let mei = try line.console()
        try mei.logIn("mei", "4821")
        mei.say("logout")
        _ = mei.readToEnd()

        // Locked again at once: the supervisor lets mei's own console in, and only it.
        try lockMei()
        let meiAgain = try line.console()
        let greeting = try meiAgain.read(until: "Agent ID:")
        meiAgain.say("mei")
        let refusal = try meiAgain.read(until: "Agent ID:")
        let number = try #require(refusal.firstMatch(of: /unlock mei (\d+)/)?.1).description
        #expect(greeting.contains("console \(number)"))
        try lockMei("4821")  // a PIN typed as an ID, five times
        sara.say("lockouts")
        let table = try sara.read(until: "CONNECTED")
        #expect(table.contains("ID") && table.contains("mei"), "\(table)")
        #expect(table.contains("?unknown(4 chars)") && !table.contains("4821"), "no PIN on a supervisor's screen either: \(table)")
        sara.say("unlock mei \(number)")
        #expect(try sara.read(until: "whatever the locks.").contains("Console \(number) (from 127.0.0.1) may log in as mei now"))
        try meiAgain.read(until: "sara let this console in as mei")
        try meiAgain.logIn("mei", "4821")
        try attacker.read(until: "Agent ID:")
        attacker.say("mei")
        #expect(try attacker.read(until: "Agent ID:").contains("Too many failed logins"), "the lock holds for everyone else")
        try line.stop()
        let audit = Self.audit(line)
        #expect(audit.contains(#""event":"unlock","agent":"mei","by":"sara"}"#), "\(audit)")
        #expect(audit.contains(#""event":"approve","agent":"mei","console":\#(number),"from":"127.0.0.1","by":"sara"}"#), "\(audit)")
    }

    /// `hotelline agents unlock` edits the lockouts file under the staff lock; the running
    /// line notices within a round and lets mei try again.
    @Test func anUnlockInTheFileReachesTheRunningLine() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let console = try line.console()
        for _ in 1...5 {
            try console.read(until: "Agent ID:")
            console.say("mei")
            try console.read(until: "PIN:")
            console.say("1111")
        }
        try console.read(until: "locked for 15 minutes")
        try console.read(until: "Agent ID:")
        try Self.waitFor { (try? String(contentsOfFile: line.dataDirectory + "/lockouts", encoding: .utf8))?.contains("agent\tmei\t") == true }
        _ = try LockoutFile.update(dataDirectory: line.dataDirectory) { $0.agents["mei"] = nil }
        try Self.waitFor {
            console.say("mei")
            let answer = try console.read(untilAny: ["PIN:", "Agent ID:"])
            return answer.marker == 0
        }
        console.say("4821")
        try console.read(until: "Type help for the commands.")
    }

    /// A console that does not log in is told and closed; consoles waiting to log in are
    /// limited per address, and idle ones make room, so idle connections cannot take every
    /// slot or keep anyone out.
    @Test func consolesThatDoNotLogInAreClosedAndLimitedPerAddress() throws {
        let line = try Self.line { $0.console.loginTimeoutSeconds = 0.4 }
        defer { try? line.stop(); line.removeData() }
        let idle = try line.console()
        try idle.read(until: "Agent ID:")
        let bye = String(decoding: idle.readToEnd(), as: UTF8.self)
        #expect(bye.contains("No login within 0.4 seconds; this console is closing. Goodbye."))
        #expect(idle.sawEndOfInput)

        let patient = try Self.line { $0.console.loginTimeoutSeconds = 600 }
        defer { try? patient.stop(); patient.removeData() }
        let mei = try patient.console()
        try mei.logIn("mei", "4821")  // logged in: never counted
        // Seventy idle connections from one address: each new one makes room by closing the
        // one that has waited longest without typing; eight are left waiting.
        var idlers: [GuestClient] = []
        for _ in 0..<70 {
            let console = try patient.console()
            try console.read(until: "Agent ID:")
            idlers.append(console)
        }
        for (index, idler) in idlers.enumerated() where index < 62 {
            let heard = String(decoding: idler.readToEnd(), as: UTF8.self)
            #expect(heard.contains("This console waited without logging in and is closing to make room"), "\(index): \(heard)")
        }
        mei.say("whoami")
        #expect(try mei.read(until: "available").contains("mei (Mei, agent)"), "a logged-in console carries on")
        // They never keep anyone out: a supervisor at the same address connects and logs in.
        let sara = try patient.console()
        try sara.logIn("sara", "7350")
        sara.say("lockouts")
        let waiting = try sara.read(until: "CONNECTED")
        #expect(waiting.contains("CONSOLE"))
        // Eight consoles at the PIN prompt are someone logging in: the ninth is told there is no room.
        let typing = idlers.suffix(7)
        for console in typing {
            console.say("ghost")
            try console.read(until: "PIN:")
        }
        let eighth = try patient.console()
        try eighth.read(until: "Agent ID:")
        eighth.say("ghost")
        try eighth.read(until: "PIN:")
        let ninth = try patient.console()
        let refused = String(decoding: ninth.readToEnd(), as: UTF8.self)
        #expect(refused.contains("Too many consoles from your address are logging in (8 at most)"), "\(refused)")
    }

    /// Polls `condition` until it holds, `patience` seconds at most.
    static func waitFor(_ condition: () throws -> Bool) throws {
        if try !eventually(condition) { Issue.record("waited \(Int(patience)) seconds") }
    }
}

