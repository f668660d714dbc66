import HotelCalendar

/// A change an agent made to a guest file: its kind or its birthday. Its own journal record
/// (tag 9), so a file's kind and birthday survive a restart and the audit log can be
/// checked against the journal.
public struct GuestFileChange: Equatable, Sendable {
    /// What changed.
    public enum Field: Equatable, Sendable {
        case kind(GuestKind)
        /// Nil clears the birthday.
        case birthday(Birthday?)
    }

    public var file: GuestFileNumber
    public var field: Field
    /// Who changed it: `console:mei`.
    public var by: String
    public var createdAt: WallTime

    public init(file: GuestFileNumber, field: Field, by: String, createdAt: WallTime) {
        self.file = file
        self.field = field
        self.by = by
        self.createdAt = createdAt
    }
}
