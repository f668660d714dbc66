import HotelCalendar
import Storage

/// What an agent is shown of an identified caller, read from their guest file as it stands
/// when shown: its number, kind and segment, the complaints still open on it, the next stay
/// and the special needs on file. Never the phone or anything the agent could call them
/// with (`phone ID` is for that, and logged), nor the spending behind the segment.
///
/// A caller is identified only by two things that match (see `GuestSession.identifiedFile`);
/// one who is not has no card, and the console says so in those words.
struct CallerCard: Equatable {
    /// A stay to come: its confirmation number and nights.
    struct Stay: Equatable {
        var confirmation: ConfirmationNumber
        var checkIn: CivilDate
        var checkOut: CivilDate
    }

    var file: GuestFileNumber
    var kind: GuestKind
    var segment: GuestSegment
    /// Complaints on the file still on the complaints list (not closed), oldest first.
    var openComplaints: [TicketNumber]
    /// The earliest booking on the file still to come (check-in today or later).
    var nextStay: Stay?
    /// Needs recorded for the file's stays (at the arrival call, or by an agent), oldest
    /// first, each once.
    var specialNeeds: [String]

    /// Waits in the queue as a VIP.
    var isVIP: Bool { kind == .vip }

    // MARK: As the console shows it

    /// The words for a call whose caller is not identified.
    static let notIdentified = "not identified"

    /// The lists' column: `261125001 vip/vip`, `261125001 business/large`.
    var column: String { "\(file) \(kind)/\(segment)" }

    /// Open complaints and the next stay, in one line: `open complaints: 1 (T1000041); next
    /// stay: R1000017, 2026-11-26 to 2026-11-28`.
    var standing: String {
        let complaints = openComplaints.isEmpty
            ? "none" : "\(openComplaints.count) (" + openComplaints.map(\.description).joined(separator: ", ") + ")"
        let stay = nextStay.map { "\($0.confirmation), \($0.checkIn) to \($0.checkOut)" } ?? "none booked"
        return "open complaints: \(complaints); next stay: \(stay)"
    }

    /// What the agent a call is offered or put through to reads about the caller: the file,
    /// kind and segment, its standing, and the special needs (with any phone number written
    /// in them masked, and nothing that could drive the terminal).
    static func lines(_ card: CallerCard?) -> [String] {
        guard let card else { return ["  The caller is not identified: no guest file is shown."] }
        var lines = ["  Guest file \(card.file): \(card.kind), segment \(card.segment); \(card.standing)."]
        if !card.specialNeeds.isEmpty {
            lines.append("  Special needs on file: " + ConsoleText.maskingPhones(ConsoleText.safe(card.specialNeeds.joined(separator: "; "))))
        }
        return lines
    }

    /// Under a list of calls, one line per identified caller with their standing
    /// (`  7: open complaints: none; next stay: R1000017, …`); "" when none is identified.
    static func standings(of calls: [CallSummary]) -> String {
        calls.compactMap { call in call.caller.map { "\n  \(call.id): \($0.standing)" } }.joined()
    }

    /// Under the queue, when a VIP is waiting: why the order is not the order of asking.
    static func orderNote(_ waiting: [CallSummary], vipLead: Double) -> String {
        guard vipLead > 0, waiting.contains(where: { $0.caller?.isVIP ?? false }) else { return "" }
        return "\n  VIPs wait ahead of guests who had waited less than \(ConsoleText.duration(vipLead)) when they asked."
    }
}
