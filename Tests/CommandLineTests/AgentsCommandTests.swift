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
}
