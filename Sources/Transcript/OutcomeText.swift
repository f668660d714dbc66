import Dialogue
import HotelCalendar

/// An action's outcome as one transcript event, and back: `outcome saved reference=R1000017
/// file=261224001`. Recording outcomes is what lets a transcript be replayed without the
/// store it ran against: the replay answers each action as the live line did.
public enum OutcomeText {
    public static func encode(_ outcome: ActionOutcome) -> String {
        var fields: [(String, String)] = []
        let name: String
        switch outcome {
        case .available(let left):
            name = "available"
            fields = [("left", String(left))]
        case .full(let left, let alternatives):
            name = "full"
            fields = [("left", String(left)), ("alternatives", alternatives.joined(separator: ","))]
        case .saved(let reference, let file):
            name = "saved"
            fields = [("reference", reference)] + (file.map { [("file", $0)] } ?? [])
        case .failed:
            name = "failed"
        case .found(let stay):
            name = "found"
            fields = [("name", stay.guestName), ("checkin", stay.checkIn.description), ("checkout", stay.checkOut.description),
                      ("rooms", String(stay.rooms)), ("room", stay.roomType)]
        case .foundComplaint(let ticket):
            name = "found-complaint"
            fields = [("category", ticket.category), ("status", ticket.status), ("followup", ticket.followUpBy.description)]
        case .missing:
            name = "missing"
        case .knownCaller(let caller):
            name = "known"
            fields = (caller.name.map { [("name", $0)] } ?? [])
                + [("upcoming", caller.hasUpcomingStay ? "yes" : "no"), ("open-complaint", caller.hasOpenComplaint ? "yes" : "no")]
        case .newCaller:
            name = "new"
        case .queued(let position, let wait):
            name = "queued"
            fields = [("position", String(position))] + (wait.map { [("wait", String(Int($0.rounded())))] } ?? [])
        case .left:
            name = "left"
        case .unavailable:
            name = "unavailable"
        }
        return (["outcome", name] + fields.map { "\($0.0)=\(quoted($0.1))" }).joined(separator: " ")
    }

    /// The outcome an `outcome …` event records; nil when the text is not one.
    public static func decode(_ text: String) -> ActionOutcome? {
        guard let words = split(text), words.first == "outcome", words.count >= 2 else { return nil }
        var fields: [String: String] = [:]
        for word in words.dropFirst(2) {
            guard let equals = word.firstIndex(of: "=") else { return nil }
            fields[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
        func number(_ key: String) -> Int? { fields[key].flatMap { Int($0) } }
        func date(_ key: String) -> CivilDate? { fields[key].flatMap { CivilDate(iso: $0) } }
        switch words[1] {
        case "available": return number("left").map { .available(roomsLeft: $0) }
        case "full":
            guard let left = number("left") else { return nil }
            let alternatives = (fields["alternatives"] ?? "").split(separator: ",").map(String.init)
            return .full(roomsLeft: left, alternatives: alternatives)
        case "saved": return fields["reference"].map { .saved(reference: $0, guestFile: fields["file"]) }
        case "failed": return .failed
        case "found":
            guard let name = fields["name"], let checkIn = date("checkin"), let checkOut = date("checkout"),
                  let rooms = number("rooms"), let room = fields["room"] else { return nil }
            return .found(ReservationSummary(guestName: name, checkIn: checkIn, checkOut: checkOut, rooms: rooms, roomType: room))
        case "found-complaint":
            guard let category = fields["category"], let status = fields["status"], let followUp = date("followup") else { return nil }
            return .foundComplaint(ComplaintSummary(category: category, status: status, followUpBy: followUp))
        case "missing": return .missing
        case "known":
            return .knownCaller(CallerSummary(name: fields["name"], hasUpcomingStay: fields["upcoming"] == "yes",
                                              hasOpenComplaint: fields["open-complaint"] == "yes"))
        case "new": return .newCaller
        case "queued": return number("position").map { .queued(position: $0, expectedWaitSeconds: number("wait").map(Double.init)) }
        case "left": return .left
        case "unavailable": return .unavailable
        default: return nil
        }
    }

    /// A value with a space, quote or backslash is written in quotes, with `\"` and `\\`.
    private static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" }) else { return value }
        var result = "\""
        for character in value {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    /// Words separated by spaces, where `key="a b"` stays one word (without its quotes).
    private static func split(_ text: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == " " && !inQuotes {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !inQuotes, !escaped else { return nil }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
