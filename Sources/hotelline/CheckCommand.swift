import Dialogue
import Switchboard

/// `hotelline check [DIR]`: every problem in the prompt files, as `file:line: message`.
enum CheckCommand {
    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["max-output", "max-line"], switches: ["help"])
        if reader.flags.contains("help") {
            print(Usage.check)
            return 0
        }
        guard reader.positional.count <= 1 else { throw UsageError(description: "check takes one directory") }
        let directory = reader.positional.first ?? "Prompts"
        // The limits the line will serve with: a text that cannot reach a caller within them is an error.
        var connections = ServiceSettings().connections
        connections.maxOutputBytes = try reader.integer("max-output", default: connections.maxOutputBytes, range: 16 << 10...64 << 20)
        connections.maxLineBytes = try reader.integer("max-line", default: connections.maxLineBytes, range: 16...65_536)
        let sources: [PromptSource]
        do {
            sources = try PromptSet.read(directory: directory)
        } catch {
            Console.error(error.description)
            return 1
        }
        var (prompts, diagnostics) = PromptSet.compile(sources)
        if let compiled = prompts {
            let tooLong = compiled.answerSizeErrors(connections)
            if !tooLong.isEmpty {
                diagnostics += tooLong
                prompts = nil
            }
        }
        for diagnostic in diagnostics { print(diagnostic) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        guard let prompts else {
            print("\(directory): \(errors) error(s), \(warnings) warning(s)")
            return 1
        }
        let flowCount = Set(prompts.nodes.map(\.flow)).count
        print("\(directory): \(flowCount) flows, \(prompts.nodes.count) nodes, languages \(prompts.hotel.languages.joined(separator: ", ")): no errors, \(warnings) warning(s)")
        return 0
    }
}
