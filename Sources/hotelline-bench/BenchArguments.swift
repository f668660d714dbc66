import Foundation

/// The benchmark's options, `--name value` each, read and checked up front.
struct BenchArguments {
    /// A mistake on the command line, printed with the usage (exit status 2).
    struct Mistake: Error, CustomStringConvertible {
        var description: String
    }

    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>) throws {
        var rest = arguments
        while let name = rest.popFirst() {
            guard name.hasPrefix("--"), let value = rest.popFirst() else {
                throw Mistake(description: "expected --name value, got \"\(name)\"")
            }
            values[String(name.dropFirst(2))] = value
        }
    }

    /// `--dir`, or a fresh directory under `$TMPDIR`.
    func directory(purpose: String) -> String {
        values["dir"] ?? NSTemporaryDirectory() + "hotelline-bench-\(purpose)-\(getpid())"
    }

    func number(_ name: String, default value: Double) throws -> Double {
        guard let text = values[name] else { return value }
        guard let number = Double(text), number > 0 else { throw Mistake(description: "--\(name) must be a positive number, not \"\(text)\"") }
        return number
    }

    /// A whole number, 0 or more.
    func count(_ name: String, default value: Int) throws -> Int {
        guard let text = values[name] else { return value }
        guard let number = Int(text), number >= 0 else { throw Mistake(description: "--\(name) must be a whole number, not \"\(text)\"") }
        return number
    }

    func list(_ name: String, default value: [Int]) throws -> [Int] {
        guard let text = values[name] else { return value }
        let numbers = text.split(separator: ",").compactMap { Int($0) }
        guard !numbers.isEmpty, numbers.count == text.split(separator: ",").count, numbers.allSatisfy({ $0 > 0 }) else {
            throw Mistake(description: "--\(name) must be positive whole numbers separated by commas, not \"\(text)\"")
        }
        return numbers
    }

    /// Fails on options the command does not know, so a typo is not silently ignored.
    func check(known: Set<String>) throws {
        for name in values.keys where !known.contains(name) {
            throw Mistake(description: "unknown option --\(name)")
        }
    }
}
