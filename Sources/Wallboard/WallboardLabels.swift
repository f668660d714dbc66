/// The words on the wallboard, by key. The shipped prompts give each in all four languages
/// (`wallboard.…` in `Prompts/*.messages`; `hotelline check` refuses a catalog that lacks
/// one another catalog has); a hotel's prompts without them show these English ones.
public enum WallboardLabels {
    /// Every key the page uses, with its English words.
    public static let english: KeyValuePairs<String, String> = [
        "wallboard.title": "Guest line, live",
        "wallboard.live": "Live",
        "wallboard.offline": "Reconnecting…",
        "wallboard.on_line": "On the line",
        "wallboard.waiting": "Waiting for a person",
        "wallboard.longest_wait": "Longest wait",
        "wallboard.calls_today": "Calls today",
        "wallboard.answered": "Answered in time",
        "wallboard.target": "target",
        "wallboard.seconds": "s",
        "wallboard.agents": "Agents",
        "wallboard.available": "Available",
        "wallboard.on_call": "On a call",
        "wallboard.offered": "Offered a call",
        "wallboard.wrap_up": "Wrap-up",
        "wallboard.away": "Away",
        "wallboard.work": "Work lists: overdue",
        "wallboard.open": "open",
        "wallboard.callbacks": "Callbacks",
        "wallboard.complaints": "Complaints",
        "wallboard.revisits": "Revisits",
        "wallboard.arrivals": "Arrivals",
        "wallboard.feedback": "Feedback",
        "wallboard.birthdays": "Birthdays",
    ]

    public static var keys: [String] { english.map(\.key) }

    /// `given`'s words, each missing one in English.
    static func complete(_ given: [String: String]) -> [String: String] {
        var labels: [String: String] = [:]
        for (key, words) in english { labels[key] = given[key] ?? words }
        return labels
    }
}
