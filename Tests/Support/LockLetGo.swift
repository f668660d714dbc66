import Foundation
import Glibc
import Storage

/// Runs `take` (something that locks a data directory), asking again while it is refused a
/// directory locked by this very process, within `patience`: this process has just let the
/// directory go, but a child another test was spawning at that moment holds a copy of the
/// closed descriptor until it execs, and an flock belongs to the open file, not the process.
/// A lock held by any other process is an error at once.
public func takingALockLetGo<Taken>(_ take: () throws -> Taken) throws -> Taken {
    let deadline = Date().addingTimeInterval(patience)
    while true {
        do {
            return try take()
        } catch DataDirectoryLockError.locked(_, let pid) where pid == getpid() && Date() < deadline {
            usleep(5_000)
        }
    }
}
