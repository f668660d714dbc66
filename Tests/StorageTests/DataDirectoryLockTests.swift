import TestSupport
import Foundation
import Glibc
import Testing
@testable import Storage

@Suite("Data directory lock")
struct DataDirectoryLockTests {
    @Test func secondAcquireIsRefusedNamingTheHolder() throws {
        try withTemporaryDirectory { root in
            let directory = root + "/data"
            let lock = try DataDirectoryLock.acquire(directory: directory)
            #expect(fileMode(directory) == 0o700)
            #expect(fileMode(directory + "/LOCK") == 0o600)
            #expect(try String(contentsOfFile: directory + "/LOCK", encoding: .utf8) == "\(getpid())\n")
            // flock belongs to the open file description: a second open in this very
            // process conflicts just as another server's would.
            let error = #expect(throws: DataDirectoryLockError.self) { try DataDirectoryLock.acquire(directory: directory) }
            #expect(error == .locked(directory: directory, pid: getpid()))
            #expect(message(error) == "\(directory) is locked by pid \(getpid()); stop that server or pass another --data")
            lock.release()
            lock.release()
            let again = try DataDirectoryLock.acquire(directory: directory)
            again.release()
        }
    }

    @Test func lockIsFreedWhenTheHolderGoesAway() throws {
        try withTemporaryDirectory { directory in
            do { _ = try DataDirectoryLock.acquire(directory: directory) }
            let next = try DataDirectoryLock.acquire(directory: directory)
            next.release()
        }
    }

    /// Root may write to a mode-0500 directory, so the check means nothing there.
    @Test(.enabled(if: geteuid() != 0, "root can write to any directory"))
    func unwritableDirectoryGivesAnErrorNamingThePath() throws {
        try withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            chmod(directory, 0o500)
            defer { chmod(directory, 0o700) }
            let error = #expect(throws: DataDirectoryLockError.self) { try DataDirectoryLock.acquire(directory: directory) }
            #expect(error == .notWritable(path: directory + "/LOCK", errno: EACCES))
            #expect(message(error).hasPrefix("\(directory)/LOCK: not writable (Permission denied)"))
        }
    }

    /// Meaningful as root too: no permission bits let a directory be made inside a file.
    @Test func directoryThatCannotBeCreatedGivesAnErrorNamingThePath() throws {
        try withTemporaryDirectory { root in
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try Data().write(to: URL(fileURLWithPath: root + "/file"))
            let error = #expect(throws: DataDirectoryLockError.self) {
                try DataDirectoryLock.acquire(directory: root + "/file/data")
            }
            #expect(message(error).hasPrefix("\(root)/file/data: mkdir failed: Not a directory"))
        }
    }
}
