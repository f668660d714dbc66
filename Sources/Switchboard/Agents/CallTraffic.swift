import Reactor

/// What one console is shown of the calls it follows, as a value: each entry of a call (a
/// line the guest typed, or one thing the line said, however many lines it takes) passes
/// while the console is under its rate (`linesPerSecond` entries, a burst of twice that)
/// and its waiting output is under `maxPendingBytes`; the rest are counted per call and
/// summed up in one line at the next round (`17* … 37 more lines from the guest (not
/// shown)`). So a guest who floods a call with a person is seen, not heard line by line,
/// and nothing a guest does can make a console's output pile up until it is closed.
///
/// The console's own words (command replies, offers) never pass through here.
struct CallTraffic {
    /// Why a line of a call is on its way to the console.
    enum Source: Equatable {
        /// A line the guest typed (or a note about one the line refused).
        case guest
        /// What the line said, or an event, on a call the console watches.
        case call
    }

    private struct Held {
        var call: UInt64
        var fromGuest = 0
        var other = 0
    }

    let linesPerSecond: Int
    let maxPendingBytes: Int
    private var tokens: Double
    private var refilledAt: MonotonicTime?
    /// Calls with lines held back, in the order the first was held.
    private var held: [Held] = []

    init(linesPerSecond: Int, maxPendingBytes: Int) {
        self.linesPerSecond = linesPerSecond
        self.maxPendingBytes = maxPendingBytes
        self.tokens = Double(2 * linesPerSecond)
    }

    var isHoldingBack: Bool { !held.isEmpty }

    /// `count` lines of `call` are to be shown to a console with `pendingBytes` of output
    /// waiting: true to show them now, false when they are held back (and counted).
    mutating func offer(_ count: Int, of call: UInt64, from source: Source, pendingBytes: Int, now: MonotonicTime) -> Bool {
        refill(now)
        if pendingBytes <= maxPendingBytes, tokens >= 1 {
            tokens -= 1
            return true
        }
        let index = held.firstIndex { $0.call == call } ?? {
            held.append(Held(call: call))
            return held.count - 1
        }()
        switch source {
        case .guest: held[index].fromGuest += count
        case .call: held[index].other += count
        }
        return false
    }

    /// The round: a line for each call with lines held back, once the console has room
    /// again (and nothing while it has not: the count keeps growing instead).
    mutating func summaries(pendingBytes: Int, now: MonotonicTime) -> [String] {
        refill(now)
        guard !held.isEmpty, pendingBytes <= maxPendingBytes else { return [] }
        defer { held.removeAll() }
        return held.flatMap { entry -> [String] in
            var lines: [String] = []
            if entry.fromGuest > 0 { lines.append("\(entry.call)* … \(entry.fromGuest) more line\(entry.fromGuest == 1 ? "" : "s") from the guest (not shown)") }
            if entry.other > 0 { lines.append("\(entry.call)* … \(entry.other) more line\(entry.other == 1 ? "" : "s") of the call (not shown; the transcript has them)") }
            return lines
        }
    }

    private mutating func refill(_ now: MonotonicTime) {
        defer { refilledAt = now }
        guard let last = refilledAt else { return }
        tokens = min(Double(2 * linesPerSecond), tokens + max(0, now - last) * Double(linesPerSecond))
    }
}
