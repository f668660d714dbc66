/// Names a scheduled timer so it can be cancelled.
///
/// Promises: unique for the life of its loop; cancelling a fired or cancelled timer is
/// harmless.
public struct TimerID: Hashable, Sendable {
    let raw: UInt64
}

/// The loop's timers: a binary min-heap ordered by (deadline, id), so equal deadlines
/// fire in the order they were scheduled.
///
/// Cancellation is lazy (the body is forgotten, its heap entry is skipped when it
/// surfaces), which keeps `cancel` O(1) for the common "reset the idle timer on every
/// line" pattern. So that such churn cannot grow the heap without bound, the heap is
/// rebuilt from the live entries when stale ones outnumber them.
///
/// Timers scheduled while due timers are being run wait in `staged` until the run ends:
/// a timer that reschedules itself "now" fires on the next wake-up instead of spinning
/// this one (Redis ae.c guards the same way with its max id).
struct TimerQueue {
    private struct Entry {
        var deadline: UInt64
        var id: UInt64

        func precedes(_ other: Entry) -> Bool {
            deadline != other.deadline ? deadline < other.deadline : id < other.id
        }
    }

    private var heap: [Entry] = []
    private var staged: [Entry] = []
    private var bodies: [UInt64: () -> Void] = [:]
    private var staleCount = 0
    private var nextID: UInt64 = 1
    private var dispatching = false
    /// The heap's top entry, when it was last found live: the loop asks for the next
    /// deadline every turn, and only a cancel can make that top stale, so it is looked up
    /// in `bodies` again only after the top changes or a timer is cancelled.
    private var liveTop: UInt64 = 0

    /// Live timers (scheduled, neither fired nor cancelled).
    var count: Int { bodies.count }

    /// Entries held, live and stale: what the lazy cancelling lets grow until `compact()`.
    var storedEntries: Int { heap.count + staged.count }

    mutating func schedule(at deadline: MonotonicTime, _ body: @escaping () -> Void) -> TimerID {
        let id = nextID
        nextID += 1
        bodies[id] = body
        let entry = Entry(deadline: deadline.nanoseconds, id: id)
        if dispatching {
            staged.append(entry)
        } else {
            push(entry)
        }
        return TimerID(raw: id)
    }

    mutating func cancel(_ timer: TimerID) {
        guard bodies.removeValue(forKey: timer.raw) != nil else { return }
        if timer.raw == liveTop { liveTop = 0 }
        staleCount += 1
        if staleCount > 1024 && staleCount > bodies.count {
            compact()
        }
    }

    /// The earliest live deadline, dropping stale entries that sit on top.
    mutating func nextDeadline() -> MonotonicTime? {
        dropStaleTop()
        return heap.first.map { MonotonicTime(nanoseconds: $0.deadline) }
    }

    /// Starts a run of due timers; see `staged`.
    mutating func beginDispatch() {
        dispatching = true
    }

    /// Removes and returns the body of the earliest timer due at `now`, if any.
    mutating func popDue(now: MonotonicTime) -> (() -> Void)? {
        while let top = heap.first, top.deadline <= now.nanoseconds {
            popTop()
            if let body = bodies.removeValue(forKey: top.id) {
                return body
            }
            staleCount -= 1
        }
        return nil
    }

    mutating func endDispatch() {
        dispatching = false
        // Nearly every turn stages nothing: emptying an empty array still costs a generic
        // range replacement.
        guard !staged.isEmpty else { return }
        for entry in staged {
            push(entry)
        }
        staged.removeAll(keepingCapacity: true)
    }

    /// Forgets every timer (the loop is closing).
    mutating func removeAll() {
        heap.removeAll()
        staged.removeAll()
        bodies.removeAll()
        staleCount = 0
    }

    private mutating func dropStaleTop() {
        while let top = heap.first, top.id != liveTop {
            guard bodies[top.id] == nil else {
                liveTop = top.id
                return
            }
            popTop()
            staleCount -= 1
        }
    }

    private mutating func compact() {
        heap.removeAll { bodies[$0.id] == nil }
        staged.removeAll { bodies[$0.id] == nil }
        staleCount = 0
        var index = heap.count / 2
        while index > 0 {
            index -= 1
            siftDown(from: index)
        }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popTop() {
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(from: 0)
        }
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            let child = right < heap.count && heap[right].precedes(heap[left]) ? right : left
            guard heap[child].precedes(heap[parent]) else { return }
            heap.swapAt(child, parent)
            parent = child
        }
    }
}
