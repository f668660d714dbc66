/// Turns prompt sources into a `PromptSet`: parses every file, resolves targets to node
/// indexes, then hands the result to `FlowLinter` for the checks that need the whole set.
enum FlowCompiler {
    static func compile(_ sources: [PromptSource]) -> (PromptSet?, [PromptDiagnostic]) {
        var diagnostics: [PromptDiagnostic] = []
        var flows: [FlowFile] = []
        var catalogs: [MessageCatalog] = []
        var hotel: HotelProfile?
        var hotelSeen = false
        for source in sources.sorted(by: { $0.fileName < $1.fileName }) {
            let base = baseName(source.fileName)
            if base == "hotel.conf" {
                hotelSeen = true
                guard case let .hotel(profile, found) = ParsedFiles.shared.parse(source, {
                    let (profile, found) = HotelProfile.parse(source.text, fileName: source.fileName)
                    return .hotel(profile, found)
                }) else { preconditionFailure("a hotel.conf kept as another kind of file") }
                hotel = profile
                diagnostics += found
            } else if base.hasSuffix(".flow") {
                guard case let .flow(file, found) = ParsedFiles.shared.parse(source, {
                    let (file, found) = FlowParser.parse(source.text, fileName: source.fileName)
                    return .flow(file, found)
                }) else { preconditionFailure("a flow kept as another kind of file") }
                diagnostics += found
                guard let file else { continue }
                let expected = String(base.dropLast(".flow".count))
                if file.name != expected {
                    diagnostics.append(.error(file.location, "flow \"\(file.name)\" is in \(base): a flow lives in a file of its own name (\(file.name).flow)"))
                }
                if let earlier = flows.first(where: { $0.name == file.name }) {
                    diagnostics.append(.error(file.location, "flow \"\(file.name)\" is already defined at \(earlier.location)"))
                } else {
                    flows.append(file)
                }
            } else if base.hasSuffix(".messages") {
                let language = String(base.dropLast(".messages".count))
                guard case let .messages(catalog, found) = ParsedFiles.shared.parse(source, {
                    let (catalog, found) = MessageCatalog.parse(source.text, fileName: source.fileName, language: language)
                    return .messages(catalog, found)
                }) else { preconditionFailure("a catalog kept as another kind of file") }
                catalogs.append(catalog)
                diagnostics += found
            } else {
                diagnostics.append(.warning(SourceLocation(file: source.fileName, line: 0),
                    "ignored: prompt files are hotel.conf, NAME.flow and LANGUAGE.messages"))
            }
        }
        let directory = sources.first.map { directoryName($0.fileName) } ?? "Prompts"
        if !hotelSeen {
            diagnostics.append(.error(SourceLocation(file: directory + "/hotel.conf", line: 0), "missing: the hotel profile (name, rooms, hours) is required"))
        }
        var resolver = TargetResolver(flows: flows)
        let nodes = resolver.resolve()
        diagnostics += resolver.diagnostics
        for required in ["main.start", "main.menu", "agent.start", "agent.none"] where resolver.index[required] == nil {
            diagnostics.append(.error(SourceLocation(file: directory + "/" + required.split(separator: ".")[0] + ".flow", line: 0),
                "missing node \"\(required)\": every line needs it (calls start at main.start, return to main.menu, ask for a person at agent.start, and go to agent.none when nobody is free)"))
        }
        guard let hotel, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let packs = hotel.languages.compactMap { code in
            catalogs.first { $0.language == code }.map { LanguagePack(catalog: $0, dateOrder: hotel.dateOrder) }
        }
        let linter = FlowLinter(flows: flows, nodes: nodes, index: resolver.index, catalogs: catalogs, packs: packs, hotel: hotel, directory: directory)
        diagnostics += linter.run()
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let set = PromptSet(nodes: nodes, hotel: hotel, languages: packs, version: version(of: sources),
                          warnings: diagnostics, indexByName: resolver.index)
        return (set, diagnostics)
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// FNV-1a over every file name and text: the same sources always give the same version.
    static func version(of sources: [PromptSource]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for source in sources.sorted(by: { $0.fileName < $1.fileName }) {
            for byte in baseName(source.fileName).utf8 + [0] + source.text.utf8 + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Gives every node an index and rewrites targets as indexes, reporting unknown ones.
struct TargetResolver {
    let flows: [FlowFile]
    private(set) var index: [String: Int] = [:]
    private(set) var diagnostics: [PromptDiagnostic] = []

    init(flows: [FlowFile]) {
        self.flows = flows
        for flow in flows {
            for node in flow.nodes {
                let name = "\(flow.name).\(node.name)"
                if index[name] != nil {
                    diagnostics.append(.error(node.location, "node \"\(node.name)\" is defined twice in flow \"\(flow.name)\""))
                } else {
                    index[name] = index.count
                }
            }
        }
    }

    mutating func resolve() -> [ScriptNode] {
        var nodes: [ScriptNode] = []
        for flow in flows {
            var seen: Set<String> = []
            for node in flow.nodes where seen.insert(node.name).inserted {
                nodes.append(compile(node, in: flow))
            }
        }
        return nodes
    }

    private mutating func compile(_ node: FlowNode, in flow: FlowFile) -> ScriptNode {
        var steps: [ScriptStep] = []
        for statement in node.statements {
            let location = statement.location
            switch statement.value {
            case .say(let key, let condition): steps.append(.say(key, when: condition))
            case .set(let variable, let value): steps.append(.set(variable, value))
            case .clear(let variable): steps.append(.clear(variable))
            case .branch(let condition, let target): steps.append(.branch(condition, resolve(target, from: flow, at: location)))
            case .ask(let question): steps.append(.ask(question))
            case .goto(let target): steps.append(.goto(resolve(target, from: flow, at: location)))
            case .end: steps.append(.end)
            case .perform(let name, let results):
                guard let action = ActionKind(rawValue: name) else {
                    diagnostics.append(.error(location, "unknown action \"\(name)\"" + Spelling.hint(for: name, among: ActionKind.allCases.map(\.rawValue))
                        + "; actions are " + ActionKind.allCases.map(\.rawValue).joined(separator: ", ")))
                    continue
                }
                var branches: [String: Int] = [:]
                for branch in results {
                    let result = branch.value.result
                    if !action.results.contains(result) {
                        diagnostics.append(.error(branch.location, "\(name) has no result \"\(result)\"" + Spelling.hint(for: result, among: action.results)
                            + "; its results are " + action.results.joined(separator: ", ")))
                    } else if branches[result] != nil {
                        diagnostics.append(.error(branch.location, "result \"\(result)\" is handled twice"))
                    }
                    branches[result] = resolve(branch.value.target, from: flow, at: branch.location)
                }
                for result in action.results where branches[result] == nil {
                    diagnostics.append(.error(location, "do \(name): no branch for result \"\(result)\" (add \"on \(result) -> NODE\")"))
                }
                steps.append(.perform(action, branches))
            }
        }
        let choices = node.choices.map { choice in
            ScriptChoice(number: choice.value.number, aliases: choice.value.aliases,
                         target: resolve(choice.value.target, from: flow, at: choice.location), label: choice.value.label)
        }
        if !choices.isEmpty { steps.append(.menu) }
        return ScriptNode(flow: flow.name, name: node.name, location: node.location, steps: steps,
                          prompt: node.prompt?.value, help: node.help?.value, noMatch: node.noMatch.map(\.value),
                          noInput: node.noInput.map(\.value), into: node.into?.value, choices: choices,
                          isHold: node.hold != nil)
    }

    private mutating func resolve(_ target: TargetName, from flow: FlowFile, at location: SourceLocation) -> Int {
        if let flowName = target.flow {
            guard let other = flows.first(where: { $0.name == flowName }) else {
                diagnostics.append(.error(location, "unknown flow \"\(flowName)\"" + Spelling.hint(for: flowName, among: flows.map(\.name))))
                return -1
            }
            if let found = index["\(flowName).\(target.node)"] { return found }
            diagnostics.append(.error(location, "unknown node \"\(target.node)\" in flow \"\(flowName)\"" + Spelling.hint(for: target.node, among: other.nodes.map(\.name))))
            return -1
        }
        if let found = index["\(flow.name).\(target.node)"] { return found }
        if flows.contains(where: { $0.name == target.node }), let start = index["\(target.node).start"] { return start }
        let candidates = flow.nodes.map(\.name) + flows.map(\.name)
        diagnostics.append(.error(location, "unknown node \"\(target.node)\"" + Spelling.hint(for: target.node, among: candidates)))
        return -1
    }
}
