import Dialogue
import HotelCalendar

/// A command-line mistake: printed as one line, then the command's usage; exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}

/// Reads `--name value`, `--name=value` and bare `--flag` options, and positional words,
/// checking each name against the ones a command knows (with a did-you-mean).
struct ArgumentReader {
    private(set) var options: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []

    /// - Parameters:
    ///   - valued: option names that take a value (without the leading `--`).
    ///   - switches: option names that take none.
    init(_ arguments: ArraySlice<String>, valued: Set<String>, switches: Set<String>) throws(UsageError) {
        var rest = arguments
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--"), argument.count > 2 else {
                if argument.hasPrefix("-"), argument != "-" {
                    throw UsageError(description: "unknown option \(argument)" + Self.hint(argument, valued.union(switches)))
                }
                positional.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if switches.contains(name) {
                guard value == nil else { throw UsageError(description: "--\(name) takes no value") }
                flags.insert(name)
            } else if valued.contains(name) {
                if value == nil { value = rest.popFirst() }
                guard let value, !value.hasPrefix("--") else { throw UsageError(description: "--\(name) needs a value") }
                guard options[name] == nil else { throw UsageError(description: "--\(name) is given twice") }
                options[name] = value
            } else {
                throw UsageError(description: "unknown option --\(name)" + Self.hint("--" + name, valued.union(switches)))
            }
        }
    }

    func port(_ name: String, default value: UInt16) throws(UsageError) -> UInt16 {
        guard let text = options[name] else { return value }
        guard let port = UInt16(text) else {
            throw UsageError(description: "--\(name) must be a port number from 0 to 65535 (0 picks a free one), not \"\(text)\"")
        }
        return port
    }

    func integer(_ name: String, default value: Int, range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = options[name] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(description: "--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
        }
        return number
    }

    func seconds(_ name: String, default value: Double, range: ClosedRange<Double>) throws(UsageError) -> Double {
        guard let text = options[name] else { return value }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw UsageError(description: "--\(name) must be a number of seconds from \(Self.written(range.lowerBound)) to \(Self.written(range.upperBound)), not \"\(text)\"")
        }
        return number
    }

    /// A bound as it is written: `60`, `0.05` (a fractional bound read as a whole number
    /// said "from 0" of a flag that refuses 0).
    private static func written(_ bound: Double) -> String {
        bound == bound.rounded() ? String(Int(bound)) : String(bound)
    }

    /// `--clock 2026-12-20T09:00`: the moment, on the hotel's clock, the command's clock
    /// starts at (and runs on from); nil without it. The one reader of `--clock` for every
    /// command that reads the clock.
    func clock() throws(UsageError) -> LocalMoment? {
        guard let text = options["clock"] else { return nil }
        guard let moment = LocalMoment(iso: text) else {
            throw UsageError(description: "--clock must be a day and time on the hotel's clock, like 2026-12-20T09:00, not \"\(text)\"")
        }
        return moment
    }

    func directory(_ name: String, default value: String) throws(UsageError) -> String {
        guard let text = options[name] else { return value }
        guard !text.isEmpty else { throw UsageError(description: "--\(name) needs a directory") }
        return text
    }

    private static func hint(_ word: String, _ known: Set<String>) -> String {
        Spelling.hint(for: word, among: known.map { "--" + $0 })
    }
}
