import HotelCalendar
import Synchronization

/// A wall clock the recorder moves by hand, so recorded calls have steady time offsets and
/// dates (Wednesday 25 November 2026, from 10:00 UTC) whatever day they are recorded on.
public final class ManualClock: Sendable {
    private let milliseconds: Mutex<Int64>

    public init(_ start: Int64) {
        milliseconds = Mutex(start)
    }

    public var wallClock: WallClock { WallClock { [self] in milliseconds.withLock { $0 } } }

    public func advance(_ delta: Int64) {
        milliseconds.withLock { $0 += delta }
    }
}
