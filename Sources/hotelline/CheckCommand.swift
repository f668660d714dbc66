import Dialogue
import Switchboard

/// `hotelline check [DIR]`: every problem in the prompt files, as `file:line: message`.
enum CheckCommand {
    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: [], switches: ["help"])
        if reader.flags.contains("help") {
            print(Usage.check)
            return 0
        }
        guard reader.positional.count <= 1 else { throw UsageError(description: "check takes one directory") }
        let directory = reader.positional.first ?? "Prompts"
        let sources: [PromptSource]
        do {
            sources = try PromptSet.read(directory: directory)
        } catch {
            Console.error(error.description)
            return 1
        }
        let (prompts, diagnostics) = PromptSet.compile(sources)
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
