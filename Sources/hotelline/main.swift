import Glibc
import Dialogue

/// The command line: `hotelline COMMAND [options]`. Exit status 0 on success, 1 when the
/// work failed (bad prompts, a locked data directory), 2 for a mistake on the command line.
let arguments = CommandLine.arguments.dropFirst()
let command = arguments.first ?? "help"
let rest = arguments.dropFirst()
/// Every command, as `help` and the did-you-mean know them.
let commands = ["serve", "check", "export", "agents", "stays", "plan", "replay", "report", "graph"]

func usage(for command: String) -> String {
    switch command {
    case "serve": return Usage.serve
    case "check": return Usage.check
    case "export": return Usage.export
    case "agents": return Usage.agents
    case "stays": return Usage.stays
    case "plan": return Usage.plan
    case "replay": return Usage.replay
    case "report": return Usage.report
    case "graph": return Usage.graph
    default: return Usage.main
    }
}

let status: Int32
do {
    switch command {
    case "serve": status = try ServeCommand.run(rest)
    case "check": status = try CheckCommand.run(rest)
    case "export": status = try ExportCommand.run(rest)
    case "agents": status = try AgentsCommand.run(rest)
    case "stays": status = try StaysCommand.run(rest)
    case "plan": status = try PlanCommand.run(rest)
    case "replay": status = try ReplayCommand.run(rest)
    case "report": status = try ReportCommand.run(rest)
    case "graph": status = try GraphCommand.run(rest)
    case "help", "--help", "-h":
        if let asked = rest.first, !commands.contains(asked) {
            throw UsageError(description: "no help for \"\(asked)\": it is not a command" + Spelling.hint(for: asked, among: commands))
        }
        print(usage(for: rest.first ?? ""))
        status = 0
    default:
        throw UsageError(description: "unknown command \"\(command)\""
            + Spelling.hint(for: command, among: commands + ["help"]))
    }
} catch {
    Console.error("hotelline: \(error)")
    Console.error(usage(for: command))
    status = 2
}
exit(status)
