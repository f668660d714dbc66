import HotelCalendar

// The calls in exports: one row a call, in the order they began, with what the service's
// measures read from it (its length, and each wait for a person and how it ended).
extension RecordTable {
    static func callTable(from store: HotelStore) -> ([String], [[ExportValue]]) {
        let columns = ["session", "started_at", "ended_at", "duration_ms", "language", "person_requests", "waits"]
        let calls = store.calls.sorted { ($0.startedAt, $0.session) < ($1.startedAt, $1.session) }
        let rows = calls.map { call -> [ExportValue] in
            [.text(call.session), .text(timestamp(call.startedAt)), .text(timestamp(call.endedAt)), .number(Int(call.milliseconds)),
             .text(call.language), .number(call.waits.count), .text(waits(call.waits))]
        }
        return (columns, rows)
    }

    /// `12500:put-through 0:nobody-on-duty`: each wait's milliseconds and how it ended.
    static func waits(_ waits: [PersonWait]) -> String {
        waits.map { "\($0.milliseconds):\($0.ending)" }.joined(separator: " ")
    }
}
