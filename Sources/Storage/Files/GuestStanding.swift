/// What a guest file comes to now: the stays that departed, what they spent (nights ×
/// rate × rooms, fees aside) and the segment that puts the guest in. Derived from the
/// bookings as they stand, so a departure moves it at once.
public struct GuestStanding: Equatable, Sendable {
    public var stays: Int
    /// In the hotel's currency.
    public var spending: Int
    public var segment: GuestSegment

    public init(stays: Int, spending: Int, segment: GuestSegment) {
        self.stays = stays
        self.spending = spending
        self.segment = segment
    }
}
