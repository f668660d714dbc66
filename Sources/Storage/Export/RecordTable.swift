import HotelCalendar

/// What `hotelline export --kind` can write.
public enum ExportKind: String, Sendable, CaseIterable {
    case reservations, complaints, callbacks, surveys, guests
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
    let rows: [[ExportValue]]

    init(_ kind: ExportKind, from store: HotelStore) {
        switch kind {
        case .reservations:
            columns = ["confirmation", "guest_file", "guest_name", "phone", "email", "check_in", "check_out", "nights", "rooms",
                       "room_type", "rate", "total", "language", "status", "created_at", "session"]
            rows = store.reservations.sorted { $0.number < $1.number }.map { r in
                let q = r.request
                return [.text(r.number.description), .text(r.guestFile.description), .guestText(q.guestName), .text(q.phone),
                        q.email.map(ExportValue.guestText) ?? .missing, .text(q.checkIn.description), .text(q.checkOut.description),
                        .number(q.nights), .number(q.rooms), .text(q.roomType), .number(q.rate), .number(q.rate * q.nights * q.rooms),
                        .text(q.language), .text("\(r.status)"), .text(Self.timestamp(r.createdAt)), .text(q.session)]
            }
        case .complaints:
            columns = ["ticket", "category", "details", "expected_resolution", "guest_name", "phone", "room_number", "language",
                       "follow_up_by", "status", "created_at", "session"]
            rows = store.complaints.sorted { $0.number < $1.number }.map { c in
                let q = c.request
                return [.text(c.number.description), .text(q.category), .guestText(q.details), .guestText(q.expectedResolution),
                        .guestText(q.guestName), .text(q.phone), q.roomNumber.map(ExportValue.text) ?? .missing, .text(q.language),
                        .text(q.followUpBy.description), .text("\(c.status)"), .text(Self.timestamp(c.createdAt)),
                        .text(q.session)]
            }
        case .callbacks:
            columns = ["reference", "phone", "guest_name", "due_at", "window_minutes", "reason", "call_language", "language", "status",
                       "created_at", "session"]
            rows = store.callbacks.sorted { $0.number < $1.number }.map { c in
                let q = c.request
                return [.text(c.number.description), .text(q.phone), q.guestName.map(ExportValue.guestText) ?? .missing,
                        .text(Self.timestamp(q.dueAt)), .number(q.windowMinutes), .guestText(q.reason),
                        .text(q.callLanguage), .text(q.language), .text("\(c.status)"), .text(Self.timestamp(c.createdAt)), .text(q.session)]
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
        case .guests:
            columns = ["guest_file", "name", "phone", "email", "reservations", "complaints", "callbacks", "surveys"]
            rows = store.guestFiles.sorted { $0.number < $1.number }.map { file in
                let records = store.caller(phone: file.phone)
                return [.text(file.number.description), .guestText(file.name), .text(file.phone),
                        file.email.map(ExportValue.guestText) ?? .missing,
                        .text(file.reservations.map(\.description).joined(separator: " ")),
                        .text(records?.complaints.map(\.description).joined(separator: " ") ?? ""),
                        .text(records?.callbacks.map(\.description).joined(separator: " ") ?? ""),
                        .text(records?.surveys.map(\.description).joined(separator: " ") ?? "")]
            }
        }
    }

    /// `2026-11-25T12:26:13Z`.
    static func timestamp(_ instant: WallTime) -> String {
        let seconds = Int(instant.secondsSince1970)
        let day = seconds.dividedRoundingDown(by: 86_400)
        let time = seconds - day * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(CivilDate(dayNumber: day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }
}

extension BinaryInteger {
    func dividedRoundingDown(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
