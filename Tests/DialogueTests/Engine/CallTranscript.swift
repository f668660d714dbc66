import HotelCalendar
@testable import Dialogue

extension Call {
    /// Everything the line has said in this call, in order.
    var transcript: String {
        effects.compactMap { if case .say(let text) = $0 { text } else { nil } }.joined(separator: "\n")
    }

    /// Sends each line in turn without answering any action it starts.
    mutating func answer(_ lines: String...) {
        for line in lines { send(line) }
    }

    /// A booking made and saved (+44 20 7946 0958, a new caller, Maria Lopez), then "yes"
    /// to anything else: the guest is back at the main menu with their name and phone known.
    static func afterABooking() -> Call {
        var call = Call()
        call.walk(["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958", "Maria Lopez", "yes", "yes"])
        return call
    }
}

/// A moment on the hotel's clock: `moment("2026-11-26", 10, 30)`.
func moment(_ iso: String, _ hour: Int, _ minute: Int = 0) -> LocalMoment {
    LocalMoment(date: day(iso), time: TimeOfDay(hour: hour, minute: minute)!)
}
