import HotelCalendar
import Dialogue
import Storage

// Guest files at the service centre: their segments by the thresholds in `hotel.conf`, and
// each change made durable, then audited, before whoever asked is told.
extension ServiceCenter {
    /// The segment thresholds the prompts in force set.
    var segmentThresholds: GuestSegment.Thresholds {
        GuestSegment.Thresholds(medium: prompts.hotel.segmentMedium, large: prompts.hotel.segmentLarge)
    }

    /// Sets `field` on the file `number` for `by` (`console:mei`); `done` hears the line for
    /// the console once it is durable and audited, or why nothing was recorded.
    func changeFile(_ number: GuestFileNumber, _ field: GuestFileChange.Field, by: String, then done: @escaping (String) -> Void) {
        let now = clock.now()
        let (decision, token) = office.changeFile(GuestFileChange(file: number, field: field, by: by, createdAt: now))
        let (name, value): (String, String)
        switch field {
        case .kind(let kind): (name, value) = ("kind", kind.description)
        case .birthday(let birthday): (name, value) = ("birthday", birthday?.description ?? "none")
        }
        switch decision {
        case .unknown:
            done("\(number): no such guest file")
        case .unchanged:
            done("\(number): its \(name) is \(value) already; nothing recorded")
        case .pending:
            staffAwaiting[token] = { [weak pager] failure in
                guard let self = pager?.center else { return }
                if let failure { return done("\(number): not recorded, the journal refused it: \(failure)") }
                self.audit("file-" + name, ["file": .text(number.description), name: .text(value), "by": .text(by)], at: now)
                done("\(number): \(name) \(value) (journal and audit log)")
            }
        }
    }
}
