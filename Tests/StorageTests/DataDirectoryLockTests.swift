import HotelCalendar
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
            let again = try takingALockLetGo { try DataDirectoryLock.acquire(directory: directory) }
            again.release()
        }
    }

    @Test func lockIsFreedWhenTheHolderGoesAway() throws {
        try withTemporaryDirectory { directory in
            do { _ = try DataDirectoryLock.acquire(directory: directory) }
            let next = try takingALockLetGo { try DataDirectoryLock.acquire(directory: directory) }
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

/// Guest data is confidential: modes found wider than 0700/0600 are narrowed, with a note,
/// or the start stops saying how to fix it.
@Suite("Private modes")
struct PrivateModeTests {
    @Test func aDataDirectoryAndJournalFoundOpenAreNarrowedWithANote() throws {
        try withTemporaryDirectory { root in
            let data = root + "/data", journal = data + "/journal"
            do {
                let harness = try JournalHarness(directory: journal)
                harness.append(sampleRecords(2))
            }
            try "2 agents\n".write(toFile: data + "/agents", atomically: false, encoding: .utf8)
            for (path, mode) in [(data, 0o755), (journal, 0o775), (journal + "/000001.seg", 0o644), (data + "/agents", 0o640)] {
                chmod(path, mode_t(mode))
            }
            let lock = try DataDirectoryLock.acquire(directory: data)
            defer { lock.release() }
            #expect(lock.notes.contains("\(data): was mode 0755, open to other users; narrowed to 0700 (guest data is confidential)"))
            #expect(lock.notes.contains("\(data)/agents: was mode 0640, open to other users; narrowed to 0600 (guest data is confidential)"))
            #expect(fileMode(data) == 0o700 && fileMode(data + "/agents") == 0o600 && fileMode(journal) == 0o700)
            #expect(fileMode(journal + "/000001.seg") == 0o644, "the lock leaves the journal's own files to the journal")
            let reopened = try JournalHarness(directory: journal)
            #expect(reopened.recovery.notes.first == "\(journal)/000001.seg: was mode 0644, open to other users; narrowed to 0600 "
                + "(guest data is confidential)")
            #expect(fileMode(journal + "/000001.seg") == 0o600)
            #expect(reopened.recovery.records == sampleRecords(2))
        }
    }

    @Test func aModeThatCannotBeNarrowedStopsTheOpenNamingTheFix() throws {
        try withTemporaryDirectory { journal in
            do { _ = try JournalHarness(directory: journal).append(sampleRecords(1)) }
            chmod(journal + "/000001.seg", 0o664)
            let fileSystem = TestFileSystem()
            fileSystem.failModeChanges(EPERM)
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: journal, fileSystem: fileSystem) }
            #expect(error == .tooOpen(path: journal + "/000001.seg", mode: 0o664, allowed: 0o600, errno: EPERM))
            #expect(message(error) == "\(journal)/000001.seg: mode 0664 lets other users at guest data, and narrowing it to 0600 "
                + "failed: Operation not permitted (errno 1); run \"chmod 600 \(journal)/000001.seg\" as its owner, or pass another --data")
        }
    }
}
