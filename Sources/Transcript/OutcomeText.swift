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
                      ("rooms", String(stay.rooms)), ("room", stay.roomType)] + birthday(stay.isBirthday)
        case .foundBooking(let stay):
            name = "found-booking"
            fields = [("name", stay.guestName), ("checkin", stay.checkIn.description), ("checkout", stay.checkOut.description),
                      ("rooms", String(stay.rooms)), ("room", stay.roomType), ("total", String(stay.total)),
                      ("free-until", stay.freeUntil.iso), ("late-fee", String(stay.lateFee))] + birthday(stay.isBirthday)
        case .foundFile(let file):
            name = "found-file"
            fields = [("name", file.name), ("stayed", file.hasStayed ? "yes" : "no"), ("bookings", String(file.bookings)),
                      ("to-come", String(file.staysToCome)), ("open-complaints", String(file.openComplaints))]
                + (file.nextCheckIn.map { [("next-checkin", $0.description)] } ?? []) + (file.nextConfirmation.map { [("next", $0)] } ?? [])
                + birthday(file.isBirthday)
        case .quoted(let quote):
            name = "quote"
            fields = quoteFields(quote)
        case .feeRaised(let quote):
            name = "fee-raised"
            fields = quoteFields(quote)
        case .locked:
            name = "locked"
        case .bookingCancelled:
            name = "cancelled"
        case .bookingClosed:
            name = "closed"
        case .unchanged:
            name = "same"
        case .foundComplaint(let ticket):
            name = "found-complaint"
            fields = [("category", ticket.category), ("status", ticket.stage.rawValue), ("followup", ticket.followUpBy.description)]
                + (ticket.followedUp ? [("followed-up", "yes")] : []) + (ticket.result.map { [("result", $0)] } ?? []) + birthday(ticket.isBirthday)
        case .foundCallback(let callback):
            name = "found-callback"
            fields = [("status", callback.stage.rawValue), ("window", callback.windowFrom.iso), ("minutes", String(callback.windowMinutes)),
                      ("tries", String(callback.tries))]
                + (callback.nextTry.map { [("next-try", $0.iso)] } ?? []) + (callback.reachedAt.map { [("reached", $0.iso)] } ?? [])
                + birthday(callback.isBirthday)
        case .missing:
            name = "missing"
        case .knownCaller(let caller):
            name = "known"
            fields = (caller.name.map { [("name", $0)] } ?? []) + [("stayed", caller.hasStayed ? "yes" : "no")]
                + [("upcoming", caller.hasUpcomingStay ? "yes" : "no"), ("open-complaint", caller.hasOpenComplaint ? "yes" : "no")]
                + (caller.language.map { [("language", $0)] } ?? []) + birthday(caller.isBirthday)
        case .newCaller:
            name = "new"
        case .queued(let position, let wait):
            name = "queued"
            fields = [("position", String(position))] + (wait.map { [("wait", String(Int($0.rounded())))] } ?? [])
        case .left:
            name = "left"
        case .unavailable:
            name = "unavailable"
        case .datesPassed:
            name = "past"
        }
        return (["outcome", name] + fields.map { "\($0.0)=\(quoted($0.1))" }).joined(separator: " ")
    }

    /// `birthday=yes` on a lookup that found the guest on their birthday; nothing otherwise
    /// (so transcripts from before birthdays were kept read as they were written).
    private static func birthday(_ isBirthday: Bool) -> [(String, String)] { isBirthday ? [("birthday", "yes")] : [] }

    private static func quoteFields(_ quote: FeeQuote) -> [(String, String)] {
        [("checkin", quote.checkIn.description), ("checkout", quote.checkOut.description), ("rooms", String(quote.rooms)),
         ("room", quote.roomType), ("total", String(quote.total)), ("fee", String(quote.fee)), ("free-until", quote.freeUntil.iso)]
    }

    /// The outcome an `outcome …` event records; nil when the text is not one.
    public static func decode(_ text: String) -> ActionOutcome? {
        try? parse(text).get()
    }

    /// The outcome an `outcome …` event records, or what is wrong with it, in words a
    /// person editing the transcript can act on.
    public static func parse(_ text: String) -> Result<ActionOutcome, TranscriptProblem> {
        guard let words = split(text) else { return problem("unterminated quote in the outcome (close it with \")") }
        guard words.first == "outcome", words.count >= 2 else { return problem("an outcome is written \"outcome NAME key=value…\"") }
        let fields: [String: String]
        switch self.fields(words.dropFirst(2)) {
        case .success(let read): fields = read
        case .failure(let problem): return .failure(problem)
        }
        func missing(_ keys: String) -> Result<ActionOutcome, TranscriptProblem> {
            problem("outcome \(words[1]) needs \(keys)")
        }
        func number(_ key: String) -> Int? { fields[key].flatMap { Int($0) } }
        func date(_ key: String) -> CivilDate? { fields[key].flatMap { CivilDate(iso: $0) } }
        func moment(_ key: String) -> LocalMoment? { fields[key].flatMap { LocalMoment(iso: $0) } }
        // `birthday` came with birthdays: a transcript without it found no birthday.
        let isBirthday = fields["birthday"] == "yes"
        func quote() -> FeeQuote? {
            guard let checkIn = date("checkin"), let checkOut = date("checkout"), let rooms = number("rooms"), let room = fields["room"],
                  let total = number("total"), let fee = number("fee"), let freeUntil = moment("free-until") else { return nil }
            return FeeQuote(checkIn: checkIn, checkOut: checkOut, rooms: rooms, roomType: room, total: total, fee: fee, freeUntil: freeUntil)
        }
        let quoteKeys = "checkin=YYYY-MM-DD, checkout=YYYY-MM-DD, rooms=N, room=CODE, total=N, fee=N and free-until=YYYY-MM-DDTHH:MM"
        switch words[1] {
        case "available":
            guard let left = number("left") else { return missing("left=ROOMS") }
            return .success(.available(roomsLeft: left))
        case "full":
            guard let left = number("left") else { return missing("left=ROOMS") }
            let alternatives = (fields["alternatives"] ?? "").split(separator: ",").map(String.init)
            return .success(.full(roomsLeft: left, alternatives: alternatives))
        case "saved":
            guard let reference = fields["reference"] else { return missing("reference=NUMBER") }
            return .success(.saved(reference: reference, guestFile: fields["file"]))
        case "failed": return .success(.failed)
        case "found":
            guard let name = fields["name"], let checkIn = date("checkin"), let checkOut = date("checkout"),
                  let rooms = number("rooms"), let room = fields["room"] else {
                return missing("name=…, checkin=YYYY-MM-DD, checkout=YYYY-MM-DD, rooms=N and room=CODE")
            }
            return .success(.found(ReservationSummary(guestName: name, checkIn: checkIn, checkOut: checkOut, rooms: rooms, roomType: room,
                                                      isBirthday: isBirthday)))
        case "found-booking":
            guard let name = fields["name"], let checkIn = date("checkin"), let checkOut = date("checkout"), let rooms = number("rooms"),
                  let room = fields["room"], let total = number("total"), let freeUntil = moment("free-until"),
                  let lateFee = number("late-fee") else {
                return missing("name=…, checkin=YYYY-MM-DD, checkout=YYYY-MM-DD, rooms=N, room=CODE, total=N, free-until=YYYY-MM-DDTHH:MM and late-fee=N")
            }
            return .success(.foundBooking(BookingSummary(guestName: name, checkIn: checkIn, checkOut: checkOut, rooms: rooms, roomType: room,
                                                         total: total, freeUntil: freeUntil, lateFee: lateFee, isBirthday: isBirthday)))
        case "found-file":
            guard let name = fields["name"], let bookings = number("bookings"), let toCome = number("to-come"),
                  let open = number("open-complaints") else {
                return missing("name=…, stayed=yes|no, bookings=N, to-come=N and open-complaints=N")
            }
            return .success(.foundFile(GuestFileSummary(name: name, hasStayed: fields["stayed"] == "yes", bookings: bookings, staysToCome: toCome,
                                                        openComplaints: open, nextCheckIn: date("next-checkin"), nextConfirmation: fields["next"],
                                                        isBirthday: isBirthday)))
        case "quote":
            guard let quote = quote() else { return missing(quoteKeys) }
            return .success(.quoted(quote))
        case "fee-raised":
            guard let quote = quote() else { return missing(quoteKeys) }
            return .success(.feeRaised(quote))
        case "locked": return .success(.locked)
        case "cancelled": return .success(.bookingCancelled)
        case "closed": return .success(.bookingClosed)
        case "same": return .success(.unchanged)
        case "found-complaint":
            guard let category = fields["category"], let status = fields["status"], let followUp = date("followup") else {
                return missing("category=…, status=… and followup=YYYY-MM-DD")
            }
            // Before the work lists a complaint as it came in was `open`; `result` and
            // `followed-up` came with them, so a transcript without them answers as then.
            guard let stage = status == "open" ? .received : ComplaintStage(rawValue: status) else {
                let stages = ComplaintStage.allCases.map(\.rawValue)
                return problem("unknown complaint status \"\(status)\"" + Spelling.hint(for: status, among: stages) + "; they are "
                               + stages.joined(separator: ", "))
            }
            return .success(.foundComplaint(ComplaintSummary(category: category, stage: stage, followUpBy: followUp, result: fields["result"],
                                                             followedUp: fields["followed-up"] == "yes", isBirthday: isBirthday)))
        case "found-callback":
            guard let status = fields["status"], let window = moment("window"), let minutes = number("minutes"), let tries = number("tries") else {
                return missing("status=…, window=YYYY-MM-DDTHH:MM, minutes=N and tries=N")
            }
            guard let stage = CallbackStage(rawValue: status) else {
                let stages = CallbackStage.allCases.map(\.rawValue)
                return problem("unknown callback status \"\(status)\"" + Spelling.hint(for: status, among: stages) + "; they are "
                               + stages.joined(separator: ", "))
            }
            return .success(.foundCallback(CallbackSummary(stage: stage, windowFrom: window, windowMinutes: minutes, tries: tries,
                                                           nextTry: moment("next-try"), reachedAt: moment("reached"), isBirthday: isBirthday)))
        case "missing": return .success(.missing)
        case "known":
            // `language` came later: a transcript without it answers as the line did then.
            return .success(.knownCaller(CallerSummary(name: fields["name"], hasStayed: fields["stayed"] == "yes",
                                                       hasUpcomingStay: fields["upcoming"] == "yes",
                                                       hasOpenComplaint: fields["open-complaint"] == "yes", language: fields["language"],
                                                       isBirthday: isBirthday)))
        case "new": return .success(.newCaller)
        case "queued":
            guard let position = number("position") else { return missing("position=N") }
            return .success(.queued(position: position, expectedWaitSeconds: number("wait").map(Double.init)))
        case "left": return .success(.left)
        case "unavailable": return .success(.unavailable)
        case "past": return .success(.datesPassed)
        default:
            return problem("unknown outcome \"\(words[1])\"" + Spelling.hint(for: words[1], among: names) + "; outcomes are " + names.joined(separator: ", "))
        }
    }

    /// `key=value` words as a dictionary, or the word that is not one.
    static func fields(_ words: ArraySlice<String>) -> Result<[String: String], TranscriptProblem> {
        var fields: [String: String] = [:]
        for word in words {
            // By scalar: a value may start with a combining mark, which as a Character fuses with "=".
            let scalars = word.unicodeScalars
            guard let equals = scalars.firstIndex(of: "=") else { return .failure(TranscriptProblem("\"\(word)\" is not key=value")) }
            fields[String(scalars[..<equals])] = String(scalars[scalars.index(after: equals)...])
        }
        return .success(fields)
    }

    /// `words key=value…`, values quoted where they must be.
    static func line(_ words: String, _ fields: [(String, String)]) -> String {
        ([words] + fields.map { "\($0.0)=\(quoted($0.1))" }).joined(separator: " ")
    }

    private static func problem(_ text: String) -> Result<ActionOutcome, TranscriptProblem> {
        .failure(TranscriptProblem(text))
    }

    static let names = ["available", "full", "saved", "failed", "found", "found-booking", "found-complaint", "found-callback", "found-file", "missing", "locked",
                        "cancelled", "closed", "quote", "fee-raised", "same", "known", "new", "unavailable", "past"]

    /// A value with a space, quote or backslash is written in quotes, with `\"` and `\\`.
    /// (By Unicode scalar, as `split` reads it: a quote followed by a combining mark is
    /// still a quote.)
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.unicodeScalars.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" }) else { return value }
        var result = String.UnicodeScalarView()
        result.append("\"")
        for scalar in value.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { result.append("\\") }
            result.append(scalar)
        }
        result.append("\"")
        return String(result)
    }

    /// Words separated by spaces, where `key="a b"` stays one word (without its quotes).
    static func split(_ text: String) -> [String]? {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var inQuotes = false
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                current.append(scalar)
                escaped = false
            } else if inQuotes && scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                inQuotes.toggle()
            } else if scalar == " " && !inQuotes {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        guard !inQuotes, !escaped else { return nil }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}
