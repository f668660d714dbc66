import TestSupport
import Foundation
import Testing

@Suite("hotelline agents", .blocking)
struct AgentsCommandTests {
    /// Runs `hotelline agents …` with `input` on standard input.
    static func agents(_ arguments: [String], input: String = "") throws -> HotelLineProcess.Finished {
        try HotelLineProcess.run(["agents"] + arguments, input: input)
    }

    @Test func addListResetRemoveWithThePinOnlyOnStandardInput() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let added = try Self.agents(["add", "mei", "--name", "Mei Chen", "--pin-stdin", "--data", data], input: "4821\n")
        #expect(added.status == 0, "\(added.errors)")
        let file = try String(contentsOfFile: data + "/agents", encoding: .utf8)
        #expect(file.contains("mei\tagent\t$y$"), "stored as a yescrypt hash")
        #expect(!file.contains("4821"), "never the PIN itself")
        let attributes = try FileManager.default.attributesOfItem(atPath: data + "/agents")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try Self.agents(["add", "sara", "--name", "Sara", "--role", "supervisor", "--pin-stdin", "--data", data], input: "7350\n").status == 0)
        let list = try Self.agents(["list", "--data", data])
        #expect(list.output == "mei\tagent\tMei Chen\nsara\tsupervisor\tSara\n")
        #expect(try Self.agents(["reset-pin", "mei", "--pin-stdin", "--data", data], input: "1357\n").status == 0)
        #expect(try String(contentsOfFile: data + "/agents", encoding: .utf8) != file, "a new hash")
        #expect(try Self.agents(["remove", "sara", "--data", data]).status == 0)
        #expect(try Self.agents(["list", "--data", data]).output == "mei\tagent\tMei Chen\n")
    }

    @Test(arguments: [
        (["add", "mei", "--name", "Mei", "--pin-stdin"], "12\n", 1, "a PIN is 4 to 12 digits"),
        (["add", "mei", "--name", "Mei", "--pin-stdin"], "abcd\n", 1, "a PIN is 4 to 12 digits"),
        (["add", "mei", "--name", "Mei", "--pin-stdin"], "", 1, "a PIN is 4 to 12 digits"),
        (["add", "mei", "--name", "Mei"], "4821\n", 2, "give the PIN on standard input with --pin-stdin"),
        (["add", "mei", "--name", "Mei", "--pin", "4821"], "", 2, "unknown option --pin (did you mean \"--pin-stdin\"?)"),
        (["add", "Mei Chen", "--name", "Mei", "--pin-stdin"], "4821\n", 1, "is not an agent ID"),
        (["add", "mei", "--pin-stdin"], "4821\n", 2, "agents add needs --name NAME"),
        (["add", "mei", "--name", "Mei", "--role", "boss", "--pin-stdin"], "4821\n", 2, "--role is agent or supervisor"),
        (["remove", "nobody"], "", 1, "no agent \"nobody\""),
        (["fire", "mei"], "", 2, "unknown agents command \"fire\""),
    ])
    func badInputIsRefusedWithAClearMessageAndNothingWritten(arguments: [String], input: String, status: Int32, message: String) throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let run = try Self.agents(arguments + ["--data", data], input: input)
        #expect(run.status == status)
        #expect(run.errors.contains(message), "stderr: \(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: data + "/agents"))
    }

    @Test func aDuplicateIDIsRefusedAndTheFirstAgentKept() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        _ = try Self.agents(["add", "mei", "--name", "Mei", "--pin-stdin", "--data", data], input: "4821\n")
        let again = try Self.agents(["add", "mei", "--name", "Other", "--pin-stdin", "--data", data], input: "9999\n")
        #expect(again.status == 1)
        #expect(again.errors.contains("agent \"mei\" already exists"))
        #expect(try Self.agents(["list", "--data", data]).output == "mei\tagent\tMei\n")
    }

    /// Locks mei on the console at `port` with five wrong PINs; returns the console.
    static func lockMei(port: UInt16) throws -> GuestClient {
        let console = try GuestClient(port: port)
        for _ in 1...5 {
            try console.read(until: "Agent ID:")
            console.say("mei")
            try console.read(until: "PIN:")
            console.say("0000")
            try console.read(until: "Login incorrect.")
        }
        try console.read(until: "Agent ID:")
        return console
    }

    /// Tries mei's right PIN on `console` until it gets in (the server takes an edited
    /// lockouts file on within a round); false after `patience` seconds.
    static func logsIn(_ console: GuestClient) throws -> Bool {
        var loggedIn = false
        try eventually(every: 0.05) {
            console.say("mei")
            guard try console.read(untilAny: ["PIN:", "Agent ID:"]).marker == 0 else { return false }
            console.say("4821")
            loggedIn = try console.read(untilAny: ["Type help for the commands.", "Agent ID:"]).marker == 0
            return true
        }
        return loggedIn
    }

    /// The operator's way round a lock, on the server's machine: `unlock ID` lifts it in
    /// DATA/lockouts, and the running server takes it on; `unlock ID --console N` lets one
    /// console in while someone goes on guessing. Both are logged first.
    @Test func unlockReachesTheRunningServer() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        try RunningLine.addAgent("mei", name: "Mei", pin: "4821", in: data)
        // The hotel's clock set months ahead (--clock) must not move locks and approvals,
        // which the command stamps on the real clock: it once dropped every approval.
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", HotelLineProcess.promptsDirectory, "--clock", "2027-06-01T09:00"])
        defer { if server.process.isRunning { _ = server.stop() } }  // a failed step leaves no server behind
        let console = try Self.lockMei(port: server.agentPort)
        var listed = try Self.agents(["lockouts", "--data", data])
        try eventually(every: 0.05) {
            if listed.output.contains("agent\tmei\tlocked until ") { return true }
            listed = try Self.agents(["lockouts", "--data", data])
            return false
        }
        #expect(listed.output.contains("agent\tmei\tlocked until "), "\(listed.output)")
        let unlocked = try Self.agents(["unlock", "mei", "--data", data])
        #expect(unlocked.status == 0, "\(unlocked.errors)")
        #expect(unlocked.output.contains("mei unlocked"))
        #expect(try Self.logsIn(console))
        console.say("logout")
        _ = console.readToEnd()

        // Locked again, and the guessing goes on: the operator lets mei's own console in.
        let attacker = try Self.lockMei(port: server.agentPort)
        let mine = try GuestClient(port: server.agentPort)
        let greeting = try mine.read(until: "Agent ID:")
        let number = try #require(greeting.firstMatch(of: /agent console (\d+),/)?.1).description
        let approved = try Self.agents(["unlock", "mei", "--console", number, "--data", data])
        #expect(approved.status == 0, "\(approved.errors)")
        try mine.read(until: "The operator let this console in as mei")
        try mine.read(until: "Agent ID:")
        #expect(try Self.logsIn(mine))
        attacker.say("mei")
        #expect(try attacker.read(until: "Agent ID:").contains("Too many failed logins"))
        _ = server.stop()
        let audit = try String(contentsOfFile: data + "/audit.log", encoding: .utf8)
        #expect(audit.contains(#""event":"unlock","agent":"mei","by":"operator "#), "\(audit)")
        #expect(audit.contains(#""event":"approve","agent":"mei","console":\#(number),"by":"operator "#), "\(audit)")
    }

    @Test func aDamagedLockoutsFileIsReportedAndTheServerStarts() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        try "agent\tmei\tsoon\n\u{1}\u{2}binary\n".write(toFile: data + "/lockouts", atomically: true, encoding: .utf8)
        let server = try HotelLineProcess(serve: ["--data", data, "--prompts", HotelLineProcess.promptsDirectory])
        defer { if server.process.isRunning { _ = server.stop() } }
        #expect(server.waitForLog(containing: "\(data)/lockouts:1: not a lockout line"))
        #expect(server.waitForLog(containing: "\(data)/lockouts:2: not a lockout line"))
        let (status, _) = server.stop()
        #expect(status == 0)
    }

    @Test func anUnlockThatCannotBeLoggedIsNotDone() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        try "agent\tmei\t99999999999999\n".write(toFile: data + "/lockouts", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: data + "/audit.log", withIntermediateDirectories: false)
        let run = try Self.agents(["unlock", "mei", "--data", data])
        #expect(run.status == 1)
        #expect(run.errors.contains("nothing unlocked, because it could not be logged"), "\(run.errors)")
        #expect(try String(contentsOfFile: data + "/lockouts", encoding: .utf8).contains("agent\tmei\t"))
        #expect(try Self.agents(["unlock", "mei; rm -rf /", "--data", data]).errors.contains("takes an agent ID"))
    }
}
