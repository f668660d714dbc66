import Testing
@testable import Switchboard

@Suite("Recent entries")
struct RecentEntriesTests {
    @Test func keepsTheLastOnesOldestFirst() {
        let recent = RecentEntries<Int>(limit: 5)
        #expect(recent.inOrder.isEmpty)
        for count in 1...23 {
            recent.append(count)
            #expect(recent.inOrder == Array(max(1, count - 4)...count), "after \(count)")
        }
    }

    /// The ring owns what it keeps: an overwritten entry is let go at once, the rest with the ring.
    @Test func letsGoOfWhatItNoLongerKeeps() {
        final class Guest {
            let onLeave: () -> Void
            init(onLeave: @escaping () -> Void) { self.onLeave = onLeave }
            deinit { onLeave() }
        }
        var left = 0
        var recent: RecentEntries<Guest>? = RecentEntries(limit: 3)
        for _ in 1...7 { recent?.append(Guest { left += 1 }) }
        #expect(left == 4)
        #expect(recent?.inOrder.count == 3)
        recent = nil
        #expect(left == 7)
    }
}
