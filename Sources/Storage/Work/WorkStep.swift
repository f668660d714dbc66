import HotelCalendar

/// One thing done to a work item, by staff at the console or by the line itself: a
/// journal record, durable before the console confirms it, and replayed at start-up.
public struct WorkStep: Equatable, Sendable {
    public var item: WorkItemID
    public var action: WorkAction
    public var text: String?
    /// `console:mei`, `command:USER`, or `line`.
    public var by: String
    public var createdAt: WallTime

    public init(item: WorkItemID, action: WorkAction, text: String?, by: String, createdAt: WallTime) {
        self.item = item
        self.action = action
        self.text = text
        self.by = by
        self.createdAt = createdAt
    }

    /// `by` for what the line did itself (an escalation, a survey the guest answered).
    public static let line = "line"

    /// The agent ID in `by` (`console:mei` → `mei`), or `by` itself.
    public var author: String {
        by.hasPrefix("console:") ? String(by.dropFirst("console:".count)) : by
    }
}
