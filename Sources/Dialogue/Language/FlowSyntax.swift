/// A flow file as written: its nodes and their statements, with every place kept so the
/// linter can point at the line. Targets are still names here; `FlowCompiler` resolves them.
public struct FlowFile: Sendable {
    public var name: String
    public var location: SourceLocation
    public var nodes: [FlowNode]
}

/// One node of a flow: statements run in order when the conversation enters it.
///
/// A node waits for the guest at most once (an `ask`, or its `choice` menu) and ends in
/// a transfer (`goto`, `end`, a menu, or the `on` branches of a `do`).
public struct FlowNode: Sendable {
    public var name: String
    public var location: SourceLocation
    public var statements: [Located<FlowStatement>]
    /// What is asked (and repeated on `repeat`) when the node waits.
    public var prompt: Located<String>?
    public var help: Located<String>?
    /// Escalating reprompts after a wrong answer: the first for the second try, and so on.
    public var noMatch: [Located<String>]
    public var noInput: [Located<String>]
    /// A waiting room (`hold`): the guest is on hold for a person, so a wrong answer just
    /// repeats the prompt (never escalates) and silence is expected, not timed out.
    public var hold: Located<Bool>?
    /// The variable a menu stores its chosen value in.
    public var into: Located<String>?
    public var choices: [Located<MenuChoice>]
}

/// A value with the line it came from.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
}

/// A reference to a node: `name` in the same flow, `flow.node`, or `flow` for its `start`.
public struct TargetName: Hashable, Sendable, CustomStringConvertible {
    public var flow: String?
    public var node: String

    public var description: String { flow.map { "\($0).\(node)" } ?? node }
}

/// The statements of the prompt language, one per line.
public enum FlowStatement: Sendable {
    /// `say KEY`, or `say KEY if CONDITION`: said only when the condition holds.
    case say(String, when: Condition?)
    case set(variable: String, value: Literal)
    case clear(variable: String)
    case branch(Condition, TargetName)
    case ask(Question)
    case perform(action: String, results: [Located<ResultBranch>])
    case goto(TargetName)
    case end
}

/// A numbered menu choice: `choice 1 book booking -> booking.start : main.menu.booking`.
public struct MenuChoice: Sendable {
    public var number: String
    /// Words that pick this choice besides its number; the first is the value stored `into`.
    public var aliases: [String]
    public var target: TargetName
    public var label: String
}

/// `on saved -> done` after a `do`.
public struct ResultBranch: Sendable {
    public var result: String
    public var target: TargetName
}

/// A value in a flow: `yes`, `no`, a number, a word, or `{another.variable}`'s value.
public enum Literal: Hashable, Sendable, CustomStringConvertible {
    case flag(Bool)
    case number(Int)
    case word(String)
    case variable(String)

    init(_ token: String) {
        if token.hasPrefix("{"), token.hasSuffix("}"), token.count > 2 {
            self = .variable(String(token.dropFirst().dropLast()))
            return
        }
        switch token.lowercased() {
        case "yes", "true": self = .flag(true)
        case "no", "false": self = .flag(false)
        default: self = Int(token).map(Literal.number) ?? .word(token)
        }
    }

    public var description: String {
        switch self {
        case .flag(let value): return value ? "yes" : "no"
        case .number(let value): return String(value)
        case .word(let value): return value
        case .variable(let name): return "{\(name)}"
        }
    }
}

/// A test on a variable: `if guest.phone`, `if not booking.ok`, `if booking.rooms > 3`.
public struct Condition: Hashable, Sendable {
    /// How a variable is compared with a value.
    public enum Comparison: String, Hashable, Sendable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case greater = ">"
    }

    public var variable: String
    public var negated: Bool
    /// Nil for a plain "is set and not no" test.
    public var comparison: (Comparison, Literal)?

    public static func == (a: Condition, b: Condition) -> Bool {
        a.variable == b.variable && a.negated == b.negated
            && a.comparison?.0 == b.comparison?.0 && a.comparison?.1 == b.comparison?.1
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(variable)
        hasher.combine(negated)
        hasher.combine(comparison?.0)
        hasher.combine(comparison?.1)
    }
}
