import Testing
@testable import Switchboard

@Suite("Recent entries")
struct RecentEntriesTests {
    @Test func keepsTheLastOnesOldestFirst() {
        var recent = RecentEntries<Int>(limit: 5)
        #expect(recent.inOrder.isEmpty)
        for count in 1...23 {
            recent.append(count)
            #expect(recent.inOrder == Array(max(1, count - 4)...count), "after \(count)")
        }
    }
}
