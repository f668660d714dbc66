import HotelCalendar
import Synchronization

/// A wall clock the recorder moves by hand, so recorded calls have steady time offsets and
/// dates (Wednesday 25 November 2026, from 10:00 UTC) whatever day they are recorded on.
public final class ManualClock: Sendable {
    private let instant: Mutex<WallTime>

    public init(_ start: WallTime) {
        instant = Mutex(start)
    }

    public var wallClock: WallClock { WallClock { [self] in instant.withLock { $0 } } }

    /// Moves the clock on by `milliseconds`.
    public func advance(_ milliseconds: Int64) {
        instant.withLock { $0 = $0.adding(milliseconds: milliseconds) }
    }
}
