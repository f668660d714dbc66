/// What kind of guest a file is for: the revisit plans and the segments read it.
///
/// The raw value is what the journal holds; a new kind only ever gets a new number.
public enum GuestKind: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    case individual = 1
    case business = 2
    case group = 3
    case vip = 4

    /// The word the console, the audit log and exports write, and agents type.
    public var description: String {
        switch self {
        case .individual: return "individual"
        case .business: return "business"
        case .group: return "group"
        case .vip: return "vip"
        }
    }

    /// The kind named `word` (any case), or nil.
    public init?(word: String) {
        let word = word.lowercased()
        guard let kind = Self.allCases.first(where: { $0.description == word }) else { return nil }
        self = kind
    }
}
