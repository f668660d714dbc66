import HotelCalendar
import TestSupport
import Dispatch
import Foundation
import Glibc
import Synchronization
import Testing
@testable import Storage

/// `Journal.readOnlyView`, the export's way in: never a change on disk, never an error
/// because a live writer is busy.
@Suite("Journal read-only view")
struct JournalReadOnlyViewTests {
    /// A writer appends (rolling tiny segments and snapshotting as it goes) while a reader
    /// reads again and again: every view is a prefix of what was appended and holds at
    /// least what was acknowledged before it began. The writer syncs at a disk's pace: in
    /// memory it snapshotted faster than a view could read, three times over (a view starts
    /// again each time a snapshot removes a file it was reading, three times at most).
    @Test func viewsBesideALiveWriterAreAcknowledgedPrefixes() throws {
        try withTemporaryDirectory { directory in
            let records = sampleRecords(600, tag: "live")
            let harness = try JournalHarness(directory: directory, fileSystem: TestFileSystem(syncMilliseconds: 5),
                                             options: JournalSettings(segmentSizeLimit: 200))
            let progress = WriterProgress()
            let writer = Thread {
                for start in stride(from: 0, to: records.count, by: 10) {
                    let batch = Array(records[start..<(start + 10)])
                    for (index, record) in batch.enumerated() { harness.journal.append(record, token: UInt64(start + index)) }
                    _ = harness.waitForAcknowledgements(batch.count)
                    progress.state.withLock { $0.acknowledged = start + batch.count }
                    if start % 50 == 0 { harness.journal.snapshot(Array(records[..<(start + 10)])) }
                }
                progress.state.withLock { $0.finished = true }
            }
            writer.start()
            var views = 0
            var longest = 0
            repeat {
                let before = progress.state.withLock { $0.acknowledged }
                let view: JournalRecovery
                do {
                    view = try Journal.readOnlyView(directory: directory)
                } catch {
                    Issue.record("view \(views) failed: \(error)")
                    break
                }
                #expect(view.records.count >= before, "view \(views) misses acknowledged records")
                #expect(view.records[...] == records.prefix(view.records.count), "view \(views) is not a prefix")
                longest = max(longest, view.records.count)
                views += 1
                // A breath between views: back to back, the reader spun a core for the whole
                // write (half a second of the suite's CPU) to take views a few records apart.
                usleep(2_000)
            } while !progress.state.withLock({ $0.finished })
            harness.journal.close()
            #expect(harness.journal.statistics.snapshots > 5)
            #expect(views > 3 && longest > 0)
            #expect(try Journal.readOnlyView(directory: directory).records == records)
        }
    }

    /// A directory as a crash leaves it (a torn tail, a half-written snapshot, segments a
    /// finished snapshot had not yet removed): the view reads it right and changes nothing.
    @Test func theViewChangesNoFileAndTakesATornTailForUnwrittenRecords() throws {
        try withTemporaryDirectory { directory in
            let first = sampleRecords(5, tag: "first")
            let second = sampleRecords(5, tag: "second")
            try writeSnapshotInterruptedBeforeRemoval(first, then: second, in: directory, options: JournalSettings(segmentSizeLimit: 40))
            let last = try JournalSegments.list(directory, fileSystem: PosixFileSystem()).last!
            let tail = JournalSegments.path(directory, last)
            // Part of a frame after the last one the header claims: a write a crash interrupted.
            let torn = Array(JournalFrame.encode(sampleRecords(1, tag: "torn")[0]).dropLast(3))
            try Data(try PosixFileSystem().readFile(tail) + torn).write(to: URL(fileURLWithPath: tail))
            try Data([1, 2, 3]).write(to: URL(fileURLWithPath: directory + "/snapshot-000009.snap.tmp"))
            let before = try fileStates(in: directory)

            let view = try Journal.readOnlyView(directory: directory)
            #expect(view.records == first + second)
            #expect(try fileStates(in: directory) == before)
            // The next start is what cuts the tail and tidies up.
            let reopened = try JournalHarness(directory: directory, options: JournalSettings(segmentSizeLimit: 40))
            #expect(reopened.recovery.records == first + second)
            #expect(try fileStates(in: directory) != before)
        }
    }

    @Test func aMissingDirectoryIsAnErrorNamingIt() throws {
        withTemporaryDirectory { directory in
            let error = #expect(throws: JournalError.self) { try Journal.readOnlyView(directory: directory + "/nowhere") }
            #expect(message(error).hasPrefix("\(directory)/nowhere: opendir failed: No such file or directory"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/nowhere"))
        }
    }

    /// What the writer thread of the live test has done so far.
    final class WriterProgress: Sendable {
        let state = Mutex<(acknowledged: Int, finished: Bool)>((0, false))
    }

    /// Each file's bytes and modification time, by name.
    private func fileStates(in directory: String) throws -> [String: [UInt8]] {
        var states: [String: [UInt8]] = [:]
        for name in try names(in: directory) {
            let path = directory + "/" + name
            var status = stat()
            #expect(stat(path, &status) == 0)
            let time = "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_mode)"
            states[name] = try PosixFileSystem().readFile(path) + Array(time.utf8)
        }
        return states
    }
}
