/// `/metrics`: the line's figures as Prometheus families, named `hotelline_…` (counters end
/// in `_total`; seconds are seconds). The names are the README's; a dashboard depends on
/// them, so a change is a breaking one.
enum LineMetrics {
    /// What the wallboard server itself counts, published with the line's figures.
    struct ServerCounts: Sendable {
        /// Event streams open now (pages following the line live).
        var streams = 0
        /// Responses sent since the start, by status code.
        var responses: [Int: Int] = [:]
    }

    static func render(_ figures: LineFigures, server: ServerCounts) -> String {
        var out = MetricsExposition()
        out.single("hotelline_calls_total", .counter, "Calls the guest line answered since the server started.", figures.callsTotal)
        out.single("hotelline_calls_today", .gauge, "Calls the guest line answered on the hotel's current day.", figures.callsToday)
        out.single("hotelline_guests_on_line", .gauge, "Guests connected to the guest line now.", figures.guestsOnLine)
        out.single("hotelline_guest_lines_received_total", .counter, "Lines guests typed.", figures.guestLinesReceivedTotal)
        out.single("hotelline_guest_texts_sent_total", .counter, "Texts the line said to guests.", figures.guestTextsSentTotal)
        out.single("hotelline_queue_waiting", .gauge, "Guests waiting for a person now.", figures.waiting)
        out.single("hotelline_queue_longest_wait_seconds", .gauge, "The longest wait of the guests waiting now (0 when none is).",
                   figures.longestWaitSeconds)
        out.single("hotelline_queue_requests_total", .counter,
                   "Times a guest asked for a person (and was queued, or told nobody was at the desk).", figures.queueRequestsTotal)
        out.single("hotelline_queue_answered_total", .counter, "Waits for a person that ended with the guest put through to an agent.",
                   figures.queueAnsweredTotal)
        out.single("hotelline_queue_answered_within_target_total", .counter,
                   "Waits for a person that ended with the guest put through within answer-target seconds.",
                   figures.queueAnsweredWithinTargetTotal)
        out.single("hotelline_queue_answer_target_seconds", .gauge, "answer-target in hotel.conf.", figures.answerTargetSeconds)
        out.family("hotelline_agents", .gauge, "Agents logged in at the console, by state.")
        for (state, count) in figures.agents.byState { out.sample("hotelline_agents", count, labels: ["state": state]) }
        out.family("hotelline_work_items_open", .gauge, "Items on each work list not yet done.")
        for list in figures.work { out.sample("hotelline_work_items_open", list.open, labels: ["list": list.list]) }
        out.family("hotelline_work_items_overdue", .gauge, "Items on each work list not done by their due time.")
        for list in figures.work { out.sample("hotelline_work_items_overdue", list.overdue, labels: ["list": list.list]) }
        if let journal = figures.journal {
            out.single("hotelline_journal_commits_total", .counter, "Group commits of the journal that ended in a successful sync.",
                       journal.commits)
            out.single("hotelline_journal_records_total", .counter, "Records the journal made durable.", journal.durableRecords)
            out.single("hotelline_journal_failed_records_total", .counter, "Records the journal could not make durable.",
                       journal.failedRecords)
            out.family("hotelline_journal_sync_seconds", .histogram, "How long each group commit's fdatasync took.")
            for bucket in journal.syncBuckets {
                out.sample("hotelline_journal_sync_seconds_bucket", bucket.count, labels: ["le": MetricsExposition.number(bucket.bound)])
            }
            out.sample("hotelline_journal_sync_seconds_bucket", journal.syncCount, labels: ["le": "+Inf"])
            out.sample("hotelline_journal_sync_seconds_sum", journal.syncSumSeconds)
            out.sample("hotelline_journal_sync_seconds_count", journal.syncCount)
        }
        out.single("hotelline_wallboard_streams", .gauge, "Wallboard pages following the line live (event streams open).", server.streams)
        out.family("hotelline_wallboard_responses_total", .counter, "Responses the wallboard port sent, by status code.")
        for (code, count) in server.responses.sorted(by: { $0.key < $1.key }) {
            out.sample("hotelline_wallboard_responses_total", count, labels: ["code": String(code)])
        }
        return out.text
    }
}
