/// The checks that need the whole prompt set: dead ends, unreachable nodes, loops that never
/// ask, missing or unknown texts, unknown variables, duplicate choices, missing translations.
///
/// Every finding is `file:line: message`, with a did-you-mean where one fits.
struct FlowLinter {
    let flows: [FlowFile]
    let nodes: [ScriptNode]
    let index: [String: Int]
    let catalogs: [MessageCatalog]
    let packs: [LanguagePack]
    let hotel: HotelProfile
    let directory: String

    /// Placeholders the engine fills itself, usable in any text.
    static let builtinPlaceholders: Set<String> = [
        "hotel.name", "hotel.greeting", "hotel.cancellation", "hotel.checkin", "hotel.checkout",
        "hotel.callback_hours", "hotel.rooms", "hotel.room_choices", "hotel.max_rooms", "hotel.max_nights", "hotel.free_hours",
        "date.today", "window.date", "window.from", "window.to", "date.weekday", "date.day", "date.month", "date.year", "moment.date", "moment.time",
        "money.amount", "money.currency", "room.number", "room.name", "room.rate", "room.size", "room.facilities",
        "choice.number", "choice.label", "language.name", "language.number",
        "answer.min", "answer.max", "answer.date", "answer.weekday", "answer.earliest", "answer.latest", "answer.after", "answer.hours",
        "answer.max_nights", "line.limit", "prompt.text", "wait.minutes", "agent.name", "agent.text",
        "time.hour", "time.hour12", "time.minute", "time.period", "hours.from", "hours.to",
    ]

    func run() -> [PromptDiagnostic] {
        var found: [PromptDiagnostic] = []
        let variables = assignedVariables()
        for (flow, node) in sourceNodes() {
            found += checkShape(node, in: flow)
            found += checkVariables(node, known: variables)
        }
        found += checkReachability()
        found += checkLoops()
        found += checkTexts(known: variables)
        found += checkPlaceholdersAgree()
        found += checkMenusLineUp()
        found += checkMenuWords()
        found += checkHotel()
        found += checkDepartments()
        return found
    }

    func sourceNodes() -> [(FlowFile, FlowNode)] {
        flows.flatMap { flow in flow.nodes.map { (flow, $0) } }
    }

    /// Every variable some statement assigns, with the kind of answer when it is asked.
    private func assignedVariables() -> [String: AnswerKind?] {
        var known: [String: AnswerKind?] = [:]
        for (_, node) in sourceNodes() {
            if let into = node.into { known[into.value] = .some(nil) }
            for statement in node.statements {
                switch statement.value {
                case .ask(let question): known[question.variable] = question.kind
                case .set(let variable, _): known[variable] = known[variable] ?? .some(nil)
                case .perform(let name, _):
                    for variable in ActionKind(rawValue: name)?.provides ?? [] { known[variable] = known[variable] ?? .some(nil) }
                default: break
                }
            }
        }
        return known
    }

    private func checkShape(_ node: FlowNode, in flow: FlowFile) -> [PromptDiagnostic] {
        var found: [PromptDiagnostic] = []
        var waits = node.choices.isEmpty ? 0 : 1
        var terminal: SourceLocation?
        for statement in node.statements {
            if let terminal {
                found.append(.error(statement.location, "never reached: the node already left on line \(terminal.line)"))
                break
            }
            switch statement.value {
            case .ask:
                waits += 1
                if waits > 1 { found.append(.error(statement.location, "a node waits for the guest once: move this question to a node of its own")) }
            case .goto, .end, .perform: terminal = statement.location
            default: break
            }
        }
        if let first = node.choices.first, let terminal {
            found.append(.error(first.location, "a menu node ends at its choices, but line \(terminal.line) already leaves it"))
        }
        if terminal == nil, node.choices.isEmpty {
            found.append(.error(node.location, "dead end: node \"\(node.name)\" stops without goto, end, choices or do"))
        }
        if waits > 0, node.prompt == nil {
            found.append(.error(node.location, "node \"\(node.name)\" waits for an answer but has no \"prompt KEY\""))
        }
        if waits == 0, let prompt = node.prompt {
            found.append(.warning(prompt.location, "prompt is never asked: the node has no question or choices (use \"say\")"))
        }
        if let hold = node.hold, waits == 0 {
            found.append(.error(hold.location, "\"hold\" marks a node where the guest waits, but node \"\(node.name)\" asks nothing"))
        }
        if let into = node.into, node.choices.isEmpty {
            found.append(.error(into.location, "\"into\" stores a menu choice, but node \"\(node.name)\" has no choices"))
        }
        var seen: [String: Int] = [:]
        let resolved = index["\(flow.name).\(node.name)"].map { nodes[$0].choices }
        for (offset, choice) in node.choices.enumerated() {
            for word in [choice.value.number] + choice.value.aliases {
                if let line = seen[word] {
                    found.append(.error(choice.location, "duplicate choice \"\(word)\" (also on line \(line))"))
                }
                seen[word] = choice.location.line
            }
            for pack in packs {
                for word in [choice.value.number] + choice.value.aliases {
                    if let command = pack.command(for: word), !leadsWhere(command, goes: resolved?[offset].target) {
                        found.append(.warning(choice.location, "\"\(word)\" is also the \(command.rawValue) command in \(pack.catalog.fileName); the command wins"))
                    }
                }
            }
        }
        return found
    }

    /// A choice word that is also a command is harmless when the choice leads where the
    /// command goes anyway (`choice 0 agent -> agent`, `choice 4 menu -> main.menu`).
    func leadsWhere(_ command: GlobalCommand, goes target: Int?) -> Bool {
        switch command {
        case .agent: return target != nil && target == index["agent.start"]
        case .menu: return target != nil && target == index["main.menu"]
        case .help, .repeat, .back, .quit, .language: return false
        }
    }

    private func checkVariables(_ node: FlowNode, known: [String: AnswerKind?]) -> [PromptDiagnostic] {
        var found: [PromptDiagnostic] = []
        func check(_ variable: String, _ location: SourceLocation, _ use: String) {
            if known[variable] == nil {
                found.append(.error(location, "\(use) \"\(variable)\" is never asked or set" + Spelling.hint(for: variable, among: known.keys)))
            }
        }
        for statement in node.statements {
            switch statement.value {
            case .branch(let condition, _), .say(_, let condition?):
                check(condition.variable, statement.location, "variable")
                if case .variable(let other)? = condition.comparison?.1 { check(other, statement.location, "variable") }
            case .set(_, .variable(let other)): check(other, statement.location, "variable")
            case .clear(let variable): check(variable, statement.location, "variable")
            case .ask(let question):
                if let after = question.after {
                    check(after, statement.location, "after=")
                    if case .some(.some(let kind)) = known[after], kind != .date {
                        found.append(.error(statement.location, "after=\(after) must name a date answer, but it is asked as \(kind.rawValue)"))
                    }
                }
                if question.kind != .date, question.after != nil || question.maxNights != nil {
                    found.append(.error(statement.location, "after= and max-nights= apply to date answers only"))
                }
            case .perform(let name, _):
                for variable in ActionKind(rawValue: name)?.requires ?? [] where known[variable] == nil {
                    found.append(.error(statement.location, "do \(name) needs \"\(variable)\", but no node asks for it"))
                }
            default: break
            }
        }
        return found
    }

    private func checkReachability() -> [PromptDiagnostic] {
        var reached = Set<Int>()
        var pending = ["main.start", "main.menu", "agent.start"].compactMap { index[$0] }
        while let next = pending.popLast() {
            guard next >= 0, reached.insert(next).inserted else { continue }
            pending += Self.targets(of: nodes[next])
        }
        return nodes.indices.filter { !reached.contains($0) }.map {
            .error(nodes[$0].location, "unreachable: nothing leads to node \"\(nodes[$0].qualifiedName)\"")
        }
    }

    static func targets(of node: ScriptNode) -> [Int] {
        var targets = node.choices.map(\.target)
        for step in node.steps {
            switch step {
            case .branch(_, let target), .goto(let target): targets.append(target)
            case .perform(_, let results): targets += results.values
            default: break
            }
        }
        return targets
    }

    /// Nodes that lead to one another without ever waiting for the guest would spin forever.
    private func checkLoops() -> [PromptDiagnostic] {
        func immediateTargets(_ node: ScriptNode) -> [Int] {
            var targets: [Int] = []
            for step in node.steps {
                switch step {
                case .ask, .menu: return targets
                case .branch(_, let target), .goto(let target): targets.append(target)
                case .perform(_, let results): targets += results.values
                default: break
                }
            }
            return targets
        }
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on the path, 2 done
        var found: [PromptDiagnostic] = []
        func visit(_ node: Int, path: [Int]) {
            state[node] = 1
            for next in immediateTargets(nodes[node]) where next >= 0 {
                if state[next] == 1 {
                    let cycle = (path + [node]).drop { $0 != next }.map { nodes[$0].qualifiedName } + [nodes[next].qualifiedName]
                    found.append(.error(nodes[next].location, "loop without a question: " + cycle.joined(separator: " → ")))
                } else if state[next] == 0 {
                    visit(next, path: path + [node])
                }
            }
            state[node] = 2
        }
        for node in nodes.indices where state[node] == 0 { visit(node, path: []) }
        return found
    }

    private func checkHotel() -> [PromptDiagnostic] {
        var found: [PromptDiagnostic] = []
        let location = hotel.textLocations["name"] ?? SourceLocation(file: "\(directory)/hotel.conf", line: 0)
        for language in hotel.languages.dropFirst() {
            for field in HotelProfile.translatableHotelFields where hotel.texts[field]?[language] == nil {
                found.append(.error(hotel.textLocations[field] ?? location, "missing translation \"\(field)[\(language)]\""))
            }
            for room in hotel.rooms where room.names[language] == nil || room.facilities[language] == nil {
                found.append(.error(hotel.textLocations["[room \(room.code)]"] ?? location, "room \"\(room.code)\" lacks \"name[\(language)]\" or \"facilities[\(language)]\""))
            }
        }
        return found
    }

    /// With departments declared, every complaint category the flows store and every
    /// survey topic they ask (and `suggestions`) goes to exactly one of them, and each
    /// names only categories and topics the flows have.
    private func checkDepartments() -> [PromptDiagnostic] {
        guard let first = hotel.departments.first else { return [] }
        var categories: [String] = []
        var topics: [String] = []
        for (_, node) in sourceNodes() {
            if node.into?.value == "complaint.category" {
                categories += node.choices.compactMap { $0.value.aliases.first }
            }
            for statement in node.statements {
                guard case .ask(let question) = statement.value, question.variable.hasPrefix("survey.") else { continue }
                let topic = String(question.variable.dropFirst("survey.".count))
                // Ratings, and the loyalty questions whose "no" is an opinion to answer.
                if question.kind == .rating || (question.kind == .yesno && ["stay_again", "recommend"].contains(topic)) { topics.append(topic) }
            }
        }
        if !topics.isEmpty { topics.append("suggestions") }
        var found: [PromptDiagnostic] = []
        for (what, known, listed) in [("complaint category", categories, \HotelProfile.Department.categories),
                                      ("survey topic", topics, \HotelProfile.Department.topics)] where !known.isEmpty {
            // (A set without the complaint or survey flow has nothing of that kind to route.)
            for name in known {
                let owners = hotel.departments.filter { $0[keyPath: listed].contains(name) }
                if owners.isEmpty {
                    found.append(.error(first.location, "\(what) \"\(name)\" goes to no department: list it in one [department] section"))
                } else if owners.count > 1 {
                    found.append(.error(owners[1].location, "\(what) \"\(name)\" goes to both \(owners[0].code) and \(owners[1].code)"))
                }
            }
            for department in hotel.departments {
                for name in department[keyPath: listed] where !known.contains(name) {
                    found.append(.error(department.location, "[department \(department.code)] lists \"\(name)\", which is no \(what) of the flows"
                        + Spelling.hint(for: name, among: known)))
                }
            }
        }
        return found
    }
}
