import Foundation

/// How long a test waits for something the line does in its own time (a file another thread
/// writes, a move the next round makes, a reply on a busy machine) before it gives up: long
/// enough for a machine with a load of 20 on two cores, and only ever spent when the thing
/// never happens, since the waiting ends as soon as it does.
public let patience: TimeInterval = 30

/// Asks `condition` every `pause` seconds until it holds (true) or `seconds` have passed
/// (false). For what has no event to wait on: a quiet machine waits no longer than the thing
/// takes, a busy one as long as it needs; never a fixed sleep, never a count of tries, which
/// a busy machine stretches or cuts short.
@discardableResult
public func eventually(within seconds: TimeInterval = patience, every pause: TimeInterval = 0.01,
                       _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
        if try condition() { return true }
        guard Date() < deadline else { return false }
        usleep(UInt32(pause * 1_000_000))
    }
}
