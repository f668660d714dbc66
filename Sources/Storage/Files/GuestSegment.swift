/// Where a guest stands by what they bring: small, medium or large by their spending on
/// departed stays, and VIP for a file of that kind whatever it spent. Derived, never stored,
/// so it follows each departure and each change of the thresholds.
public enum GuestSegment: String, CaseIterable, Sendable, CustomStringConvertible {
    case small, medium, large, vip

    public var description: String { rawValue }

    /// The spending at which a guest becomes medium and large, in the hotel's currency
    /// (`segment-medium`, `segment-large` in hotel.conf).
    public struct Thresholds: Equatable, Sendable {
        public var medium: Int
        public var large: Int

        public init(medium: Int = 1000, large: Int = 5000) {
            precondition(0 < medium && medium < large, "Invalid segment thresholds \(medium) and \(large)")
            self.medium = medium
            self.large = large
        }

        /// The segment of a guest of `kind` who spent `spending`: at a threshold is in it.
        public func segment(spending: Int, kind: GuestKind) -> GuestSegment {
            switch kind {
            case .vip: return .vip
            case .individual, .business, .group:
                return spending >= large ? .large : spending >= medium ? .medium : .small
            }
        }
    }
}
