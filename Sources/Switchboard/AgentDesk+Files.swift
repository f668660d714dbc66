import HotelCalendar
import Dialogue
import Storage

// Guest files at the console: anyone may see a file in full (audited, as `show` of a work
// item is: it shows what the guest spent) and set its kind or birthday (journal and audit).
extension AgentDesk {
    func runFile(_ command: FileCommand, for account: AgentAccount, on console: AgentConsole) {
        let agent = account.id
        switch command {
        case .show(let number):
            guard let file = center.store.guestFile(number),
                  let standing = center.store.standing(of: number, thresholds: center.segmentThresholds) else {
                return console.say("\(number): no such guest file")
            }
            audit("file-viewed", ["agent": .text(agent), "file": .text(number.description)])
            console.say(fileLines(file, standing) + ["  (this view is logged)"])
        case .setKind(let number, let kind):
            center.changeFile(number, .kind(kind), by: "console:" + agent) { [weak console] line in console?.say(line) }
        case .setBirthday(let number, let birthday):
            center.changeFile(number, .birthday(birthday), by: "console:" + agent) { [weak console] line in console?.say(line) }
        }
    }

    /// A file as the console shows it: who, what kind, what they brought, what is on record.
    private func fileLines(_ file: GuestFile, _ standing: GuestStanding) -> [String] {
        let currency = center.prompts.hotel.currency
        func numbers<N: CustomStringConvertible>(_ label: String, _ list: [N]) -> String {
            "  \(label): " + (list.isEmpty ? "none" : list.map(\.description).joined(separator: ", "))
        }
        var lines = [
            "Guest file \(file.number): \(ConsoleText.safe(file.name.isEmpty ? "(no name)" : file.name)), phone \(ConsoleText.masked(phone: file.phone))",
            "  kind \(file.kind), birthday \(file.birthday?.description ?? "not known"), segment \(standing.segment)",
            "  stays departed: \(standing.stays), spending \(currency)\(standing.spending)",
            numbers("reservations", file.reservations),
            numbers("complaints", file.complaints),
            numbers("callbacks", file.callbacks),
            numbers("surveys", file.surveys),
        ]
        let needs = center.store.specialNeeds(file: file.number)
        if !needs.isEmpty { lines.append("  special needs: " + ConsoleText.safe(needs.joined(separator: "; "))) }
        return lines
    }
}
