import Transcript

/// The last `limit` things appended, kept as a ring in memory of its own: once full, the
/// newest overwrites the oldest in place. An append is a store (no uniqueness or capacity
/// bookkeeping, as an `Array` does per append), and the memory is taken once, at the first.
///
/// A class: its one owner (a session) appends to it in place, and the memory is freed once.
/// Not generic: a generic class's deinit is never specialized, and letting go of a whole
/// call's entries through value witnesses cost more than keeping them.
final class RecentEntries {
    typealias Element = (direction: TranscriptDirection, text: String)

    let limit: Int
    private var ring: UnsafeMutablePointer<Element>?
    private var count = 0
    /// Where the oldest is, once the ring is full.
    private var oldest = 0

    init(limit: Int) {
        precondition(limit > 0)
        self.limit = limit
    }

    deinit {
        ring?.deinitialize(count: count)
        ring?.deallocate()
    }

    func append(_ element: Element) {
        guard let ring else {
            let storage = UnsafeMutablePointer<Element>.allocate(capacity: limit)
            storage.initialize(to: element)
            ring = storage
            count = 1
            return
        }
        if count < limit {
            (ring + count).initialize(to: element)
            count += 1
        } else {
            ring[oldest] = element
            oldest = oldest + 1 == limit ? 0 : oldest + 1
        }
    }

    /// Oldest first.
    var inOrder: [Element] {
        guard let ring else { return [] }
        return Array(UnsafeBufferPointer(start: ring + oldest, count: count - oldest))
            + Array(UnsafeBufferPointer(start: ring, count: oldest))
    }
}
