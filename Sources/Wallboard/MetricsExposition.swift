/// The Prometheus text exposition format, version 0.0.4: a `# HELP` and a `# TYPE` line
/// per family, then its samples, one a line, `name{label="value"} number`.
///
/// Promises: label values and help texts are escaped as the format says (backslash, double
/// quote in labels, line feed), so no figure can break a line; every family is written once.
public struct MetricsExposition: Sendable {
    public enum Kind: String, Sendable {
        case counter, gauge, histogram
    }

    /// The content type a scraper expects for this format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public private(set) var text = ""

    public init() {}

    /// Starts a family: its help line and its type.
    public mutating func family(_ name: String, _ kind: Kind, _ help: String) {
        let escaped = help.replacingAll("\\", with: "\\\\").replacingAll("\n", with: "\\n")
        text += "# HELP \(name) \(escaped)\n# TYPE \(name) \(kind.rawValue)\n"
    }

    /// One sample of the family just started (or of its `_bucket`, `_sum`, `_count`).
    public mutating func sample(_ name: String, _ value: Double, labels: KeyValuePairs<String, String> = [:]) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.key)=\"\(Self.escapeLabel($0.value))\"" }.joined(separator: ",") + "}"
        }
        text += " " + Self.number(value) + "\n"
    }

    public mutating func sample(_ name: String, _ value: Int, labels: KeyValuePairs<String, String> = [:]) {
        sample(name, Double(value), labels: labels)
    }

    /// A whole family of one sample.
    public mutating func single(_ name: String, _ kind: Kind, _ help: String, _ value: Double) {
        family(name, kind, help)
        sample(name, value)
    }

    public mutating func single(_ name: String, _ kind: Kind, _ help: String, _ value: Int) {
        single(name, kind, help, Double(value))
    }

    static func escapeLabel(_ value: String) -> String {
        value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n")
    }

    /// Go's float syntax as Prometheus reads it: whole numbers without a point, `+Inf`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension String {
    /// Every `target` replaced (`replacingOccurrences` is Foundation's; this target does without).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
