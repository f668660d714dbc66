/// Reads one `.flow` file into a `FlowFile`, by hand, one line at a time.
///
/// The parser reports every problem it can find in one pass (it does not stop at the first)
/// and checks only the shape of each line; names are resolved by `FlowCompiler`.
struct FlowParser {
    static let keywords = [
        "flow", "node", "say", "prompt", "help", "nomatch", "noinput", "set", "clear", "if",
        "ask", "into", "choice", "do", "on", "goto", "end", "hold",
    ]

    private let fileName: String
    private var flowName: String?
    private var flowLocation: SourceLocation
    private var nodes: [FlowNode] = []
    private(set) var diagnostics: [PromptDiagnostic] = []

    init(fileName: String) {
        self.fileName = fileName
        self.flowLocation = SourceLocation(file: fileName, line: 1)
    }

    /// Parses `text`; the result is nil only when the file has no `flow` line at all.
    static func parse(_ text: String, fileName: String) -> (FlowFile?, [PromptDiagnostic]) {
        var parser = FlowParser(fileName: fileName)
        let (lines, problems) = PromptLines.split(text, fileName: fileName)
        parser.diagnostics = problems
        var lineNumber = 0
        for line in lines {
            lineNumber += 1
            parser.parseLine(line, at: SourceLocation(file: fileName, line: lineNumber))
        }
        guard let name = parser.flowName else {
            parser.diagnostics.append(.error(
                SourceLocation(file: fileName, line: 1),
                "missing \"flow NAME\" line: every flow file starts by naming its flow"))
            return (nil, parser.diagnostics)
        }
        let file = FlowFile(name: name, location: parser.flowLocation, nodes: parser.nodes)
        return (file, parser.diagnostics)
    }

    private mutating func parseLine(_ line: Substring, at location: SourceLocation) {
        let tokens: [LineTokenizer.Token]
        do {
            tokens = try LineTokenizer.tokens(in: line)
        } catch {
            diagnostics.append(.error(location, "unterminated quote: add the closing \""))
            return
        }
        guard let first = tokens.first else { return }
        let keyword = first.text
        let arguments = tokens.dropFirst().map(\.text)
        do {
            try parseStatement(keyword, Array(arguments), at: location)
        } catch {
            diagnostics.append(error)
        }
    }

    private mutating func parseStatement(
        _ keyword: String, _ args: [String], at location: SourceLocation
    ) throws(PromptDiagnostic) {
        switch keyword {
        case "flow":
            let name = try single(args, "flow NAME", at: location)
            guard flowName == nil else {
                throw .error(location, "a file holds one flow; \"\(name)\" would be a second")
            }
            try checkName(name, what: "flow", at: location)
            flowName = name
            flowLocation = location
            return
        case "node":
            try requireFlow(at: location)
            let name = try single(args, "node NAME", at: location)
            try checkName(name, what: "node", at: location)
            nodes.append(FlowNode(
                name: name, location: location, statements: [], prompt: nil, help: nil,
                noMatch: [], noInput: [], hold: nil, into: nil, choices: []))
            return
        default:
            break
        }
        try requireFlow(at: location)
        guard !nodes.isEmpty else {
            throw .error(location, "\"\(keyword)\" must be inside a node: add \"node NAME\" above it")
        }
        let node = nodes.count - 1
        switch keyword {
        case "say":
            append(try parseSay(args, at: location), to: node, at: location)
        case "prompt":
            try setOnce(&nodes[node].prompt, try key(args, "prompt KEY", at: location), "prompt", location)
        case "help":
            try setOnce(&nodes[node].help, try key(args, "help KEY", at: location), "help", location)
        case "nomatch":
            nodes[node].noMatch.append(Located(value: try key(args, "nomatch KEY", at: location), location: location))
        case "noinput":
            nodes[node].noInput.append(Located(value: try key(args, "noinput KEY", at: location), location: location))
        case "into":
            let variable = try single(args, "into VARIABLE", at: location)
            try checkVariable(variable, at: location)
            try setOnce(&nodes[node].into, variable, "into", location)
        case "set":
            guard args.count == 3, args[1] == "=" else {
                throw .error(location, "expected \"set VARIABLE = VALUE\"")
            }
            try checkVariable(args[0], at: location)
            append(.set(variable: args[0], value: Literal(args[2])), to: node, at: location)
        case "clear":
            let variable = try single(args, "clear VARIABLE", at: location)
            try checkVariable(variable, at: location)
            append(.clear(variable: variable), to: node, at: location)
        case "if":
            append(try parseBranch(args, at: location), to: node, at: location)
        case "ask":
            append(.ask(try parseQuestion(args, at: location)), to: node, at: location)
        case "choice":
            nodes[node].choices.append(Located(value: try parseChoice(args, at: location), location: location))
        case "do":
            let action = try single(args, "do ACTION", at: location)
            append(.perform(action: action, results: []), to: node, at: location)
        case "on":
            try appendResult(args, to: node, at: location)
        case "goto":
            append(.goto(try target(try single(args, "goto TARGET", at: location), at: location)), to: node, at: location)
        case "end":
            guard args.isEmpty else { throw .error(location, "\"end\" takes nothing after it") }
            append(.end, to: node, at: location)
        case "hold":
            guard args.isEmpty else { throw .error(location, "\"hold\" takes nothing after it") }
            guard nodes[node].hold == nil else { throw .error(location, "\"hold\" is given twice") }
            nodes[node].hold = Located(value: true, location: location)
        default:
            throw .error(location, "unknown statement \"\(keyword)\"" + Spelling.hint(for: keyword, among: Self.keywords))
        }
    }

    private mutating func append(_ statement: FlowStatement, to node: Int, at location: SourceLocation) {
        nodes[node].statements.append(Located(value: statement, location: location))
    }

    private mutating func appendResult(_ args: [String], to node: Int, at location: SourceLocation) throws(PromptDiagnostic) {
        guard args.count == 3, args[1] == "->" else {
            throw .error(location, "expected \"on RESULT -> TARGET\"")
        }
        guard let last = nodes[node].statements.indices.last,
              case .perform(let action, var results) = nodes[node].statements[last].value
        else {
            throw .error(location, "\"on\" must follow a \"do ACTION\" line (or another \"on\")")
        }
        results.append(Located(value: ResultBranch(result: args[0], target: try target(args[2], at: location)), location: location))
        nodes[node].statements[last].value = .perform(action: action, results: results)
    }

    private func parseBranch(_ args: [String], at location: SourceLocation) throws(PromptDiagnostic) -> FlowStatement {
        let usage = "expected \"if [not] VARIABLE [= VALUE] -> TARGET\""
        guard let arrow = args.firstIndex(of: "->"), arrow == args.count - 2 else {
            throw .error(location, usage)
        }
        let condition = try parseCondition(args[..<arrow], usage: usage, at: location)
        return .branch(condition, try target(args[arrow + 1], at: location))
    }

    /// `say KEY`, or `say KEY if [not] VARIABLE [= VALUE]`: a text said only when the
    /// condition holds (a birthday wish, say), without a node of its own.
    private func parseSay(_ args: [String], at location: SourceLocation) throws(PromptDiagnostic) -> FlowStatement {
        let usage = "expected \"say KEY\" or \"say KEY if [not] VARIABLE [= VALUE]\""
        guard args.count != 1 else { return .say(try key(args, "say KEY", at: location), when: nil) }
        guard args.count >= 3, args[1] == "if" else { throw .error(location, usage) }
        let text = try key([args[0]], "say KEY", at: location)
        return .say(text, when: try parseCondition(args[2...], usage: usage, at: location))
    }

    /// `[not] VARIABLE [= VALUE]`, as `if` and `say … if` write it.
    private func parseCondition(_ args: ArraySlice<String>, usage: String, at location: SourceLocation) throws(PromptDiagnostic) -> Condition {
        var words = args
        let negated = words.first == "not"
        if negated { words = words.dropFirst() }
        guard let variable = words.first else { throw .error(location, usage) }
        try checkVariable(variable, at: location)
        var condition = Condition(variable: variable, negated: negated, comparison: nil)
        let rest = Array(words.dropFirst())
        if !rest.isEmpty {
            guard rest.count == 2, let comparison = Condition.Comparison(rawValue: rest[0]) else {
                throw .error(location, usage + "; comparisons are =, !=, < and >")
            }
            condition.comparison = (comparison, Literal(rest[1]))
        }
        return condition
    }

    private func parseQuestion(_ args: [String], at location: SourceLocation) throws(PromptDiagnostic) -> Question {
        guard args.count >= 2 else {
            throw .error(location, "expected \"ask KIND VARIABLE [options]\"")
        }
        guard let kind = AnswerKind(rawValue: args[0]) else {
            let kinds = AnswerKind.allCases.map(\.rawValue)
            throw .error(location, "unknown answer kind \"\(args[0])\"" + Spelling.hint(for: args[0], among: kinds)
                + "; kinds are " + kinds.joined(separator: ", "))
        }
        try checkVariable(args[1], at: location)
        var question = Question(kind: kind, variable: args[1])
        for option in args.dropFirst(2) {
            if option == "optional" {
                question.isOptional = true
                continue
            }
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, kind.options.contains(parts[0]) else {
                let name = parts.first ?? option
                let allowed = kind.options.isEmpty ? "only \"optional\"" : (kind.options.sorted() + ["optional"]).joined(separator: ", ")
                throw .error(location, "\"\(kind.rawValue)\" answers take \(allowed), not \"\(option)\""
                    + Spelling.hint(for: name, among: kind.options))
            }
            try apply(option: parts[0], value: parts[1], to: &question, at: location)
        }
        return question
    }

    private func apply(option: String, value: String, to question: inout Question, at location: SourceLocation) throws(PromptDiagnostic) {
        func number() throws(PromptDiagnostic) -> Int {
            guard let number = Int(value) else {
                throw .error(location, "option \(option)= needs a whole number, not \"\(value)\"")
            }
            return number
        }
        switch option {
        case "min": question.minimum = try number()
        case "max": question.maximum = try number()
        case "from": question.fromDays = try number()
        case "to": question.toDays = try number()
        case "max-nights": question.maxNights = try number()
        case "after":
            try checkVariable(value, at: location)
            question.after = value
        case "within":
            guard value == "callback-hours" else {
                throw .error(location, "within= takes \"callback-hours\", not \"\(value)\"")
            }
            question.withinCallbackHours = true
        case "prefix":
            guard value.count == 1, value.first!.isLetter, value.first!.isUppercase else {
                throw .error(location, "prefix= takes one capital letter, not \"\(value)\"")
            }
            question.prefix = value
        default:
            preconditionFailure("option \(option) passed the kind check but has no meaning")
        }
    }

    private func parseChoice(_ args: [String], at location: SourceLocation) throws(PromptDiagnostic) -> MenuChoice {
        let usage = "expected \"choice NUMBER [words…] -> TARGET : LABEL\""
        guard let arrow = args.firstIndex(of: "->"), arrow >= 1, args.count == arrow + 4, args[arrow + 2] == ":" else {
            throw .error(location, usage)
        }
        let number = args[0]
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .error(location, "a choice starts with its number, not \"\(number)\"")
        }
        let aliases = args[1..<arrow].map { $0.lowercased() }
        let label = args[arrow + 3]
        try checkKey(label, at: location)
        return MenuChoice(number: number, aliases: aliases, target: try target(args[arrow + 1], at: location), label: label)
    }

    private func requireFlow(at location: SourceLocation) throws(PromptDiagnostic) {
        if flowName == nil {
            throw .error(location, "the file must start with \"flow NAME\"")
        }
    }

    private func single(_ args: [String], _ usage: String, at location: SourceLocation) throws(PromptDiagnostic) -> String {
        guard args.count == 1 else { throw .error(location, "expected \"\(usage)\"") }
        return args[0]
    }

    private func key(_ args: [String], _ usage: String, at location: SourceLocation) throws(PromptDiagnostic) -> String {
        let key = try single(args, usage, at: location)
        try checkKey(key, at: location)
        return key
    }

    private func setOnce(_ slot: inout Located<String>?, _ value: String, _ what: String, _ location: SourceLocation) throws(PromptDiagnostic) {
        if let earlier = slot {
            throw .error(location, "a node has one \"\(what)\"; it was already given on line \(earlier.location.line)")
        }
        slot = Located(value: value, location: location)
    }

    private func target(_ text: String, at location: SourceLocation) throws(PromptDiagnostic) -> TargetName {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, parts.allSatisfy(Self.isName) else {
            throw .error(location, "\"\(text)\" is not a target: write NODE, FLOW or FLOW.NODE")
        }
        return parts.count == 2 ? TargetName(flow: parts[0], node: parts[1]) : TargetName(flow: nil, node: parts[0])
    }

    private func checkName(_ name: String, what: String, at location: SourceLocation) throws(PromptDiagnostic) {
        guard Self.isName(name) else {
            throw .error(location, "\"\(name)\" is not a \(what) name: use letters, digits, _ and -")
        }
    }

    private func checkVariable(_ name: String, at location: SourceLocation) throws(PromptDiagnostic) {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ Self.isName(String($0)) }) else {
            throw .error(location, "\"\(name)\" is not a variable: write GROUP.NAME, like guest.phone")
        }
    }

    private func checkKey(_ key: String, at location: SourceLocation) throws(PromptDiagnostic) {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ Self.isName(String($0)) }) else {
            throw .error(location, "\"\(key)\" is not a text key: write words joined by dots, like booking.ask_dates")
        }
    }

    /// ASCII letters and digits, `_` and `-`: the only ASCII scalars Unicode calls alphabetic
    /// are the letters, and the only numeric ones the digits (compared as bytes: looking the
    /// properties up was a tenth of parsing a catalog).
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isNameByte)
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}
