import HotelCalendar

/// What `hotelline export --kind` can write.
public enum ExportKind: String, Sendable, CaseIterable {
    /// Every booking as it stands now (its terms, its state, the fees on it).
    case reservations
    case complaints, callbacks, surveys, guests
    /// Every booking's history: the booking as first made, then each change, cancellation
    /// and move of the stay, in order, one row each.
    case history
    /// The follow-up calls (complaints resolved, stays departed) with their stage and history.
    case revisits
    /// Stays arriving in one to two days, and those confirmed, with their special needs.
    case arrivals
    /// Survey opinions a department must answer.
    case feedback
    /// Birthdays within the next days (a card for each), and the cards sent.
    case birthdays
    /// Every step taken on every work list, one row each, in the order taken.
    case work
    /// Every call on the line, in the order they began: length and waits for a person.
    case calls
}

extension ExportKind {
    /// Kinds whose rows show work items, read with the hotel's rules and clock.
    public var readsWorkLists: Bool {
        switch self {
        case .complaints, .callbacks, .revisits, .arrivals, .feedback, .birthdays, .work: return true
        case .reservations, .surveys, .guests, .history, .calls: return false
        }
    }
}

/// How the work lists are read for an export: the hotel's rules and the moment it is made.
public struct WorkView: Sendable {
    public var rules: WorkRules
    public var now: WallTime
    /// The segments guest files are put in (hotel.conf's `segment-medium`, `segment-large`).
    public var segments: GuestSegment.Thresholds

    public init(rules: WorkRules, now: WallTime, segments: GuestSegment.Thresholds = GuestSegment.Thresholds()) {
        self.rules = rules
        self.now = now
        self.segments = segments
    }
}

/// How `hotelline export --format` writes it.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// RFC 4180: a header row, CR LF line ends, fields quoted when they must be.
    case csv
    /// JSON Lines: one object per record, keys as the CSV header names them.
    case json
}

/// One exported value, typed so JSON keeps numbers and yes/no as such.
enum ExportValue {
    case text(String)
    /// Text a guest typed: in CSV it is kept from being read as a spreadsheet formula.
    case guestText(String)
    case number(Int)
    case flag(Bool)
    case missing
}

/// The rows of one kind of record, in number order, with their column names.
struct RecordTable {
    let columns: [String]
    var rows: [[ExportValue]]

    init(_ kind: ExportKind, from store: HotelStore, work view: WorkView) {
        switch kind {
        case .reservations:
            // The stay's columns are its terms now; status is its state (booked, changed,
            // cancelled, arrived, departed, no-show); changes and fees sum up its history.
            columns = ["confirmation", "guest_file", "guest_name", "phone", "email", "check_in", "check_out", "nights", "rooms",
                       "room_type", "rate", "total", "language", "status", "created_at", "session", "changes", "fees", "special_needs"]
            rows = store.bookings.map { booking in
                let r = booking.reservation, q = r.request, terms = booking.terms
                let changes = booking.history.count { if case .changed = $0 { true } else { false } }
                return [.text(r.number.description), .text(r.guestFile.description), .guestText(q.guestName), .text(q.phone),
                        q.email.map(ExportValue.guestText) ?? .missing, .text(terms.checkIn.description), .text(terms.checkOut.description),
                        .number(terms.nights), .number(terms.rooms), .text(terms.roomType), .number(terms.rate), .number(terms.total),
                        .text(q.language), .text(booking.state.description), .text(Self.timestamp(r.createdAt)), .text(q.session),
                        .number(changes), .number(booking.fees), Self.needs(store.specialNeeds(r.number))]
            }
        case .history:
            columns = ["confirmation", "reference", "event", "check_in", "check_out", "nights", "rooms", "room_type", "rate", "total",
                       "fee", "by", "created_at"]
            var rows: [[ExportValue]] = []
            for booking in store.bookings {
                let r = booking.reservation
                func row(_ reference: String?, _ event: String, _ terms: StayTerms, fee: Int, by: String, at: WallTime) -> [ExportValue] {
                    [.text(r.number.description), reference.map(ExportValue.text) ?? .missing, .text(event),
                     .text(terms.checkIn.description), .text(terms.checkOut.description), .number(terms.nights), .number(terms.rooms),
                     .text(terms.roomType), .number(terms.rate), .number(terms.total), .number(fee), .text(by), .text(Self.timestamp(at))]
                }
                var terms = r.request.terms
                rows.append(row(r.number.description, "booked", terms, fee: 0, by: r.request.session, at: r.createdAt))
                for event in booking.history {
                    switch event {
                    case .changed(let change):
                        terms = change.request.terms
                        rows.append(row(change.number.description, "changed", terms, fee: change.request.fee, by: change.request.session, at: change.createdAt))
                    case .cancelled(let cancellation):
                        rows.append(row(cancellation.number.description, "cancelled", terms, fee: cancellation.request.fee,
                                        by: cancellation.request.session, at: cancellation.createdAt))
                    case .moved(let move):
                        rows.append(row(nil, move.kind.description, terms, fee: move.fee, by: move.by, at: move.createdAt))
                    }
                }
            }
            self.rows = rows
        case .complaints:
            columns = ["ticket", "category", "details", "expected_resolution", "guest_name", "phone", "room_number", "language",
                       "follow_up_by", "status", "created_at", "session"] + Self.workColumns.dropFirst()
            rows = store.complaints.sorted { $0.number < $1.number }.map { c in
                let q = c.request
                return [.text(c.number.description), .text(q.category), .guestText(q.details), .guestText(q.expectedResolution),
                        .guestText(q.guestName), .text(q.phone), q.roomNumber.map(ExportValue.text) ?? .missing, .text(q.language),
                        .text(q.followUpBy.description), .text(Self.stage(of: .complaint(c.number), in: store, view)),
                        .text(Self.timestamp(c.createdAt)), .text(q.session)]
                    + Self.workFields(store.workItem(.complaint(c.number), rules: view.rules, now: view.now), view).dropFirst()
            }
        case .callbacks:
            columns = ["reference", "phone", "guest_name", "due_at", "window_minutes", "reason", "call_language", "language", "status",
                       "created_at", "session"] + Self.workColumns.dropFirst()
            rows = store.callbacks.sorted { $0.number < $1.number }.map { c in
                let q = c.request
                return [.text(c.number.description), .text(q.phone), q.guestName.map(ExportValue.guestText) ?? .missing,
                        .text(Self.timestamp(q.dueAt)), .number(q.windowMinutes), .guestText(q.reason),
                        .text(q.callLanguage), .text(q.language), .text(Self.stage(of: .callback(c.number), in: store, view)),
                        .text(Self.timestamp(c.createdAt)), .text(q.session)]
                    + Self.workFields(store.workItem(.callback(c.number), rules: view.rules, now: view.now), view).dropFirst()
            }
        case .surveys:
            let topics = ["front_desk", "housekeeping", "food", "security", "room", "facilities", "environment"]
            columns = ["reference", "declined", "confirmation", "guest_name", "phone"] + topics
                + ["stay_again", "recommend", "suggestions", "language", "created_at", "session"]
            rows = store.surveys.sorted { $0.number < $1.number }.map { s in
                let q = s.request
                let head: [ExportValue] = [.text(s.number.description), .flag(q.declined), q.confirmation.map { .text($0.description) } ?? .missing,
                                           q.guestName.map(ExportValue.guestText) ?? .missing, q.phone.map(ExportValue.text) ?? .missing]
                return head + topics.map { q.ratings[$0].map(ExportValue.number) ?? .missing }
                    + [q.stayAgain.map(ExportValue.flag) ?? .missing, q.recommend.map(ExportValue.flag) ?? .missing,
                       q.suggestions.map(ExportValue.guestText) ?? .missing, .text(q.language),
                       .text(Self.timestamp(s.createdAt)), .text(q.session)]
            }
        case .revisits, .arrivals, .feedback, .birthdays, .work:
            (columns, rows) = Self.workTable(kind, from: store, view)
        case .calls:
            (columns, rows) = Self.callTable(from: store)
        case .guests:
            // What the file links, and what its phone has on record from before every record
            // named its file; then the file's kind, birthday and what its departed stays come to.
            columns = ["guest_file", "name", "phone", "email", "reservations", "complaints", "callbacks", "surveys", "special_needs",
                       "kind", "birthday", "segment", "stays", "spending"]
            rows = store.guestFiles.sorted { $0.number < $1.number }.map { file in
                let records = store.caller(phone: file.phone)
                func numbers<N: Comparable & Hashable & CustomStringConvertible>(_ linked: [N], _ byPhone: [N]?) -> ExportValue {
                    .text(Set(linked + (byPhone ?? [])).sorted().map(\.description).joined(separator: " "))
                }
                let standing = store.standing(of: file.number, thresholds: view.segments)
                return [.text(file.number.description), .guestText(file.name), .text(file.phone),
                        file.email.map(ExportValue.guestText) ?? .missing,
                        .text(file.reservations.map(\.description).joined(separator: " ")),
                        numbers(file.complaints, records?.complaints), numbers(file.callbacks, records?.callbacks),
                        numbers(file.surveys, records?.surveys), Self.needs(store.specialNeeds(file: file.number)),
                        .text(file.kind.description), file.birthday.map { .text($0.description) } ?? .missing,
                        .text(standing?.segment.description ?? ""), .number(standing?.stays ?? 0), .number(standing?.spending ?? 0)]
            }
        }
    }

    /// Special needs recorded at arrival calls, `; ` between them.
    static func needs(_ needs: [String]) -> ExportValue { needs.isEmpty ? .missing : .guestText(needs.joined(separator: "; ")) }

    /// `2026-11-25T12:26:13Z`.
    static func timestamp(_ instant: WallTime) -> String {
        let seconds = Int(instant.secondsSince1970)
        let day = seconds.dividedRoundingDown(by: 86_400)
        let time = seconds - day * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(CivilDate(dayNumber: day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }
}

extension WallTime {
    /// `2026-11-25T12:26:13Z`, as exports and the audit log write an instant.
    public var utcText: String { RecordTable.timestamp(self) }
}

extension BinaryInteger {
    func dividedRoundingDown(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
