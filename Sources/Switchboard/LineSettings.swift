/// The service's tunable limits, each with a default and a `serve` flag.
public struct LineSettings: Sendable {
    /// Silence before the line asks "are you still there?" (three times, then goodbye).
    public var idleTimeoutSeconds: Double = 60
    /// How often the line looks round: for guests silent past the idle time, the queue's
    /// waits and offers, an edited agents file, the day's turn. The idle time is kept to
    /// within this; tests shorten it rather than wait whole seconds.
    public var roundSeconds: Double = 1
    /// How long a shutdown waits for records on their way to disk and goodbyes to drain.
    public var shutdownGraceSeconds: Double = 5
    /// Wrap-up time, maximum wait and the rest of the queue for a person.
    public var queue = CallQueue.Settings()
    /// Mask guests' names, phone numbers and emails in transcripts (`serve --redact`).
    public var redactTranscripts = false
    /// Wrong tries at lookups allowed per call and per address.
    public var lookups = LookupGuard.Settings()

    public init() {}
}
