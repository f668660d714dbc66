import Dispatch
import Synchronization
import Telnet
import Reactor

/// Runs slow work (hashing a PIN with yescrypt, reading the agents file) on a background
/// queue and hands each result back on the event loop, so no guest waits for it.
///
/// `submit` and the completions run on the loop thread; only the work itself runs
/// elsewhere, and it must be `Sendable`.
final class OffLoopWork {
    private struct Finished: Sendable {
        var id: UInt64
        var result: any Sendable
    }

    /// Results handed over from the background queue; the one place threads meet.
    private final class Inbox: Sendable {
        let items = Mutex<[Finished]>([])
    }

    private let inbox = Inbox()
    private var completions: [UInt64: (any Sendable) -> Void] = [:]
    private var nextID: UInt64 = 1
    private var waker: Waker?
    private let queue = DispatchQueue(label: "hotelline.off-loop", attributes: .concurrent)

    init(loop: EventLoop) throws {
        var drain: () -> Void = {}
        waker = try loop.makeWaker { drain() }
        drain = { [weak self] in self?.deliver() }
    }

    /// Runs `work` off the loop, then `completion` with its result on the loop.
    func submit<Result: Sendable>(_ work: @escaping @Sendable () -> Result, then completion: @escaping (Result) -> Void) {
        let id = nextID
        nextID += 1
        completions[id] = { completion($0 as! Result) }
        let inbox = self.inbox
        let waker = self.waker
        queue.async {
            let result = work()
            inbox.items.withLock { $0.append(Finished(id: id, result: result)) }
            waker?.wake()
        }
    }

    private func deliver() {
        for item in inbox.items.withLock({ items in defer { items.removeAll() }; return items }) {
            completions.removeValue(forKey: item.id)?(item.result)
        }
    }
}

@available(*, unavailable)
extension OffLoopWork: Sendable {}
