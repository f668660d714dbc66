import Transcript
import Testing
@testable import Switchboard

@Suite("Recent entries")
struct RecentEntriesTests {
    @Test func keepsTheLastOnesOldestFirst() {
        let recent = RecentEntries(limit: 5)
        #expect(recent.inOrder.isEmpty)
        for count in 1...23 {
            // Strings long enough to live on the heap, so overwriting one releases it.
            recent.append((count % 2 == 0 ? .said : .guest, "entry number \(count) of the call"))
            let expected = (max(1, count - 4)...count).map { "entry number \($0) of the call" }
            #expect(recent.inOrder.map(\.text) == expected, "after \(count)")
            #expect(recent.inOrder.map(\.direction) == (max(1, count - 4)...count).map { $0 % 2 == 0 ? TranscriptDirection.said : .guest })
        }
    }
}
