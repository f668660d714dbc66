/// A strict reader of Prometheus's text exposition format 0.0.4, written for the tests from
/// the format's description, not from the line's writer: what a scraper would refuse, it
/// throws for, naming the line.
///
/// Checks: every sample belongs to the family its `# TYPE` line announced (a histogram's
/// `_bucket`, `_sum` and `_count`), each family is announced once with a `# HELP` first,
/// metric and label names are legal, label values are quoted and escaped, values are Go
/// floats, counters end in `_total`, and a histogram's buckets are cumulative, end in
/// `+Inf` and agree with its `_count`.
public struct PrometheusText {
    public struct Sample: Equatable {
        public var name: String
        public var labels: [String: String]
        public var value: Double
    }

    public struct Family {
        public var name: String
        public var type: String
        public var help: String
        public var samples: [Sample] = []
    }

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public private(set) var families: [String: Family] = [:]

    public init(_ text: String) throws {
        var current: String?
        var helps: [String: String] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            func fail(_ why: String) -> Problem { Problem(description: "line \(index + 1): \(why): \(line)") }
            if line.isEmpty { continue }
            if line.hasPrefix("# HELP ") {
                let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1)
                guard parts.count == 2, Self.isMetricName(parts[0]) else { throw fail("a HELP line needs a name and a text") }
                guard helps[String(parts[0])] == nil else { throw fail("a second HELP") }
                helps[String(parts[0])] = String(parts[1])
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                guard parts.count == 2, Self.isMetricName(parts[0]) else { throw fail("a TYPE line needs a name and a type") }
                let name = String(parts[0]), type = String(parts[1])
                guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(type) else { throw fail("unknown type") }
                guard families[name] == nil else { throw fail("a family announced twice") }
                guard let help = helps[name] else { throw fail("no HELP before the TYPE") }
                if type == "counter" && !name.hasSuffix("_total") { throw fail("a counter's name should end in _total") }
                families[name] = Family(name: name, type: type, help: help)
                current = name
            } else if line.hasPrefix("#") {
                continue
            } else {
                let sample = try Self.sample(String(line), fail: fail)
                guard let family = current, let type = families[family]?.type else { throw fail("a sample before any TYPE") }
                let allowed = type == "histogram" ? [family + "_bucket", family + "_sum", family + "_count"] : [family]
                guard allowed.contains(sample.name) else { throw fail("a sample of \(sample.name) inside family \(family)") }
                families[family]!.samples.append(sample)
            }
        }
        for family in families.values where family.type == "histogram" {
            let buckets = family.samples.filter { $0.name == family.name + "_bucket" }
            guard let last = buckets.last, last.labels["le"] == "+Inf" else { throw Problem(description: "\(family.name): no +Inf bucket last") }
            guard zip(buckets, buckets.dropFirst()).allSatisfy({ $0.value <= $1.value }) else {
                throw Problem(description: "\(family.name): buckets are not cumulative")
            }
            guard family.samples.first(where: { $0.name == family.name + "_count" })?.value == last.value else {
                throw Problem(description: "\(family.name): _count is not the +Inf bucket")
            }
        }
    }

    /// The value of `name` with exactly `labels`, if published.
    public func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        for family in families.values {
            if let sample = family.samples.first(where: { $0.name == name && $0.labels == labels }) { return sample.value }
        }
        return nil
    }

    private static func isMetricName<S: StringProtocol>(_ name: S) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" || first == ":" else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == ":" }
    }

    private static func sample(_ line: String, fail: (String) -> Problem) throws -> Sample {
        var rest = Substring(line)
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard isMetricName(name) else { throw fail("not a metric name") }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "=") else { throw fail("a label without =") }
                let label = String(rest[..<equals])
                guard isMetricName(label), !label.contains(":") else { throw fail("not a label name") }
                rest = rest[rest.index(after: equals)...]
                guard rest.first == "\"" else { throw fail("a label value must be quoted") }
                rest = rest.dropFirst()
                var value = ""
                while true {
                    guard let character = rest.first else { throw fail("an unterminated label value") }
                    rest = rest.dropFirst()
                    if character == "\"" { break }
                    if character == "\n" { throw fail("a raw line feed in a label value") }
                    if character == "\\" {
                        guard let escaped = rest.first else { throw fail("a dangling backslash") }
                        rest = rest.dropFirst()
                        switch escaped {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw fail("an unknown escape \\\(escaped)")
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard labels.updateValue(value, forKey: label) == nil else { throw fail("a label given twice") }
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { throw fail("labels must be separated by commas") }
            }
            rest = rest.dropFirst()
        }
        let fields = rest.split(separator: " ")
        guard rest.first == " ", (1...2).contains(fields.count), let value = goFloat(fields[0]) else { throw fail("no value") }
        if fields.count == 2, Int64(fields[1]) == nil { throw fail("a timestamp must be an integer") }
        return Sample(name: name, labels: labels, value: value)
    }

    private static func goFloat(_ text: Substring) -> Double? {
        switch text {
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default: return Double(text)
        }
    }
}
