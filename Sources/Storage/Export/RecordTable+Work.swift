import HotelCalendar

// The work lists in exports: every item with its stage, who has it, when it is due, and
// its history; and every step on its own row.
extension RecordTable {
    /// The columns every work item adds after its record's own.
    static let workColumns = ["stage", "assigned_to", "due", "overdue", "tries", "result", "signed_off_by", "escalated_to", "special_needs",
                              "survey", "department", "history"]

    static func workFields(_ item: WorkItem?, _ view: WorkView) -> [ExportValue] {
        guard let item else { return Array(repeating: .missing, count: workColumns.count) }
        return [.text(item.stage.description), item.assignee.map(ExportValue.text) ?? .missing, .text(timestamp(item.due)),
                .flag(item.isOverdue(at: view.now)), .number(item.tries), item.result.map(ExportValue.guestText) ?? .missing,
                item.signedOffBy.map(ExportValue.text) ?? .missing, item.escalatedTo.map(ExportValue.text) ?? .missing,
                item.needs.isEmpty ? .missing : .guestText(item.needs.joined(separator: "; ")),
                item.survey.map { .text($0.description) } ?? .missing, item.department.map(ExportValue.text) ?? .missing,
                .guestText(item.history.map(describe).joined(separator: " | "))]
    }

    /// `2026-12-03T10:02:00Z mei no-answer: voicemail`.
    static func describe(_ step: WorkStep) -> String {
        "\(timestamp(step.createdAt)) \(step.author) \(step.action)" + (step.text.map { ": " + $0 } ?? "")
    }

    /// The stage of the item a record makes, for its `status` column.
    static func stage(of id: WorkItemID, in store: HotelStore, _ view: WorkView) -> String {
        store.workItem(id, rules: view.rules, now: view.now)?.stage.description ?? ""
    }

    static func workTable(_ kind: ExportKind, from store: HotelStore, _ view: WorkView) -> ([String], [[ExportValue]]) {
        let list: WorkList
        switch kind {
        case .revisits: list = .revisits
        case .arrivals: list = .arrivals
        case .feedback: list = .feedback
        case .birthdays: list = .birthdays
        case .work:
            let columns = ["item", "list", "action", "text", "by", "created_at"]
            let steps = WorkList.allCases.flatMap { store.workItems(on: $0, rules: view.rules, now: view.now) }.flatMap(\.history)
            let rows = steps.sorted { ($0.createdAt, $0.item) < ($1.createdAt, $1.item) }.map { step -> [ExportValue] in
                [.text(step.item.description), .text(step.item.list.description), .text(step.action.description),
                 step.text.map(ExportValue.guestText) ?? .missing, .text(step.by), .text(timestamp(step.createdAt))]
            }
            return (columns, rows)
        case .reservations, .complaints, .callbacks, .surveys, .guests, .history, .calls:
            preconditionFailure("Invalid work list \(kind)")
        }
        let items = store.workItems(on: list, rules: view.rules, now: view.now).sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        // A birthday's item says the day it falls on that year (left out when masked, with
        // its due time, which is that day's end).
        let birthdays = list == .birthdays
        let columns = ["item", "follows", "guest_name", "phone"] + (birthdays ? ["birthday"] : []) + workColumns
        let rows = items.map { item -> [ExportValue] in
            let (follows, name, phone) = subject(of: item.id, in: store)
            return [.text(item.id.description), .text(follows), name.map(ExportValue.guestText) ?? .missing, phone.map(ExportValue.text) ?? .missing]
                + (birthdays ? [birthday(of: item.id, in: store)] : []) + workFields(item, view)
        }
        return (columns, rows)
    }

    /// The day a birthday item's birthday falls on in its year.
    private static func birthday(of id: WorkItemID, in store: HotelStore) -> ExportValue {
        guard case .birthday(let file, let year) = id, let birthday = store.guestFile(file)?.birthday else { return .missing }
        return .text(birthday.day(in: year).description)
    }

    /// The record an item follows, and its guest's name and phone.
    private static func subject(of id: WorkItemID, in store: HotelStore) -> (String, String?, String?) {
        switch id {
        case .callback(let number):
            let q = store.callback(number)?.request
            return (number.description, q?.guestName, q?.phone)
        case .complaint(let number), .complaintRevisit(let number):
            let q = store.complaint(number)?.request
            return (number.description, q?.guestName, q?.phone)
        case .stayRevisit(let number), .arrival(let number):
            let q = store.booking(number)?.reservation.request
            return (number.description, q?.guestName, q?.phone)
        case .feedback(let number, _):
            let q = store.survey(number)?.request
            return (number.description, q?.guestName, q?.phone)
        case .birthday(let file, _):
            let guest = store.guestFile(file)
            return (file.description, guest?.name, guest?.phone)
        }
    }
}
