import HotelCalendar
import TestSupport
import Foundation
import Glibc
import Testing
@testable import Storage

/// Snapshots on real directories: what they replace, what recovery makes of them, and
/// every way a crash or a bad disk can leave them.
@Suite("Journal snapshots")
struct JournalSnapshotTests {
    /// Small segments, so a few records span several and a snapshot has several to replace.
    let options = JournalSettings(segmentSizeLimit: 40)
    let first = sampleRecords(6, tag: "first")
    let second = sampleRecords(6, tag: "second")

    @Test func aSnapshotReplacesItsSegmentsAndReopensToTheSameRecords() throws {
        try withTemporaryDirectory { directory in
            let late = sampleRecords(3, tag: "late")
            do {
                let harness = try JournalHarness(directory: directory, options: options)
                harness.appendOneByOne(first)
                #expect(harness.journal.bytesSinceSnapshot == frameBytes(first))
                harness.journal.snapshot(first)
                #expect(harness.journal.bytesSinceSnapshot == 0)
                harness.appendOneByOne(late, firstToken: 100)
                #expect(harness.journal.bytesSinceSnapshot == frameBytes(late))
                harness.journal.close()
                #expect(harness.journal.statistics.snapshots == 1)
            }
            let snapshots = try names(in: directory).filter { $0.hasSuffix(".snap") }
            #expect(snapshots.count == 1)
            let covered = try #require(JournalSnapshot.number(of: snapshots[0]))
            #expect(covered > 1, "the first records spanned several segments")
            #expect(try JournalSegments.list(directory, fileSystem: PosixFileSystem()).allSatisfy { $0 > covered })
            #expect(fileMode(directory + "/" + snapshots[0]) == 0o600)

            let reopened = try JournalHarness(directory: directory, options: options)
            #expect(reopened.recovery.records == first + late)
            #expect(reopened.recovery.locations[0] == JournalLocation(
                path: directory + "/" + snapshots[0], segment: covered, offset: JournalSnapshot.headerSize))
            #expect(reopened.recovery.notes.last?.hasPrefix(
                "\(directory): recovered 9 records from \(snapshots[0]) (6 records) and segment \(covered + 1)") == true)
            #expect(reopened.journal.bytesSinceSnapshot == frameBytes(late))
        }
    }

    @Test func snapshotsAlongTheWayRecoverExactlyWhatTheSegmentsAloneWould() throws {
        try withTemporaryDirectory { root in
            let records = sampleRecords(60, tag: "mixed")
            let plain = root + "/plain", snapshotted = root + "/snapshotted"
            let withoutSnapshots = try JournalHarness(directory: plain, options: options)
            let withSnapshots = try JournalHarness(directory: snapshotted, options: options)
            for start in stride(from: 0, to: records.count, by: 10) {
                let chunk = Array(records[start..<(start + 10)])
                withoutSnapshots.appendOneByOne(chunk, firstToken: UInt64(start))
                withSnapshots.appendOneByOne(chunk, firstToken: UInt64(start))
                if start % 20 == 0 { withSnapshots.journal.snapshot(Array(records[..<(start + 10)])) }
            }
            withoutSnapshots.journal.close()
            withSnapshots.journal.close()
            #expect(withSnapshots.journal.statistics.snapshots == 3)
            let full = try JournalHarness(directory: plain, options: options).recovery.records
            #expect(full == records)
            #expect(try JournalHarness(directory: snapshotted, options: options).recovery.records == full)
        }
    }

    /// Gathering, writing and syncing a snapshot happen beside the writer, not in its way:
    /// with the snapshot's sync held, records are still acknowledged.
    @Test func recordsAreAcknowledgedWhileASnapshotIsBeingWritten() throws {
        try withTemporaryDirectory { directory in
            let fileSystem = TestFileSystem()
            let harness = try JournalHarness(directory: directory, fileSystem: fileSystem, options: options)
            harness.appendOneByOne(first)
            fileSystem.holdSyncs(endingIn: ".snap.tmp")
            harness.journal.snapshot(first)
            #expect(fileSystem.syncReachedGate.wait(timeout: .now() + 10) == .success)
            harness.appendOneByOne(second, firstToken: 100)
            #expect(harness.journal.statistics.snapshots == 0)
            fileSystem.releaseSyncs()
            harness.journal.close()
            #expect(harness.journal.statistics.snapshots == 1)
            #expect(try JournalHarness(directory: directory, options: options).recovery.records == first + second)
        }
    }

    /// Steps (a) roll, (b) write, sync, rename, sync the directory, (c) remove: the process
    /// dies before each change in turn, and the next start finds every record.
    @Test func aCrashBeforeAnyStepOfASnapshotLosesNothing() throws {
        let steps = try crashDuringSecondSnapshot(afterChanges: .max)
        #expect(steps >= 10, "roll (2), write (5), remove (3 or more)")
        for changes in 0...steps {
            _ = try crashDuringSecondSnapshot(afterChanges: changes)
        }
    }

    /// One run of the crash test; returns how many changes the snapshot made.
    private func crashDuringSecondSnapshot(afterChanges changes: Int) throws -> Int {
        try withTemporaryDirectory { directory in
            let fileSystem = TestFileSystem()
            let harness = try JournalHarness(directory: directory, fileSystem: fileSystem, options: options)
            harness.appendOneByOne(first)
            harness.journal.snapshot(first)
            harness.appendOneByOne(second, firstToken: 100)
            harness.waitForSnapshots(1)
            fileSystem.crash(afterChanges: changes)
            harness.journal.snapshot(first + second)
            harness.journal.close()
            let made = fileSystem.changesSinceArmed

            let reopened = try JournalHarness(directory: directory, options: options)
            #expect(reopened.recovery.records == first + second, "crash after \(changes) changes")
            let after = sampleRecords(2, tag: "after")
            #expect(reopened.append(after, firstToken: 200).allSatisfy { $0.isDurable })
            reopened.journal.close()
            #expect(try JournalHarness(directory: directory, options: options).recovery.records == first + second + after)
            let left = try names(in: directory)
            #expect(left.filter { $0.hasSuffix(".snap") }.count == 1, "after \(changes) changes: \(left)")
            #expect(!left.contains { $0.hasSuffix(".tmp") }, "after \(changes) changes: \(left)")
            return made
        }
    }

    @Test func aDamagedSnapshotFallsBackToTheOlderOneWhileItsSegmentsRemain() throws {
        try withTemporaryDirectory { directory in
            let harness = try JournalHarness(directory: directory, options: options)
            harness.appendOneByOne(first)
            harness.journal.snapshot(first)
            harness.appendOneByOne(second, firstToken: 100)
            harness.waitForSnapshots(1)
            // As if the process died before step (c): the older state is all still there.
            let before = try contents(of: directory)
            harness.journal.snapshot(first + second)
            harness.journal.close()
            try restore(before, in: directory)
            let snapshots = try names(in: directory).filter { $0.hasSuffix(".snap") }
            #expect(snapshots.count == 2)
            let newest = directory + "/" + snapshots[1]
            try flipByte(in: newest, at: JournalSnapshot.headerSize + JournalFrame.headerSize)

            let reopened = try JournalHarness(directory: directory, options: options)
            #expect(reopened.recovery.records == first + second)
            let note = try #require(reopened.recovery.notes.first { $0.hasPrefix(newest) })
            #expect(note.contains(": checksum mismatch (stored 0x"))
            #expect(note.contains("recovered from \(snapshots[0]) and the segments after it instead"))
        }
    }

    @Test func aDamagedFirstSnapshotFallsBackToEverySegmentWhileTheyRemain() throws {
        try withTemporaryDirectory { directory in
            try writeSnapshotInterruptedBeforeRemoval(first, then: second, in: directory, options: options)
            let snapshot = directory + "/" + (try names(in: directory).first { $0.hasSuffix(".snap") } ?? "")
            try flipByte(in: snapshot, at: 20) // the record count: the header's own checksum catches it
            let reopened = try JournalHarness(directory: directory, options: options)
            #expect(reopened.recovery.records == first + second)
            #expect(reopened.recovery.notes.contains {
                $0.hasPrefix("\(snapshot): header checksum mismatch") && $0.contains("recovered from every segment instead")
            })
        }
    }

    @Test func aDamagedSnapshotWithNothingToFallBackOnStopsTheStartAndRepairKeepsEveryGoodRecord() throws {
        try withTemporaryDirectory { directory in
            do {
                let harness = try JournalHarness(directory: directory, options: options)
                harness.appendOneByOne(first)
                harness.journal.snapshot(first)
                harness.appendOneByOne(second, firstToken: 100)
            }
            let name = try #require(try names(in: directory).first { $0.hasSuffix(".snap") })
            let snapshot = directory + "/" + name
            let thirdFrame = JournalSnapshot.headerSize + frameBytes(Array(first[..<2]))
            try flipByte(in: snapshot, at: thirdFrame + JournalFrame.headerSize + 1)
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: directory, options: options) }
            guard case .corruptSnapshot(let path, let reason)? = error else {
                Issue.record("expected .corruptSnapshot, got \(message(error))")
                return
            }
            #expect(path == snapshot && reason.hasPrefix("checksum mismatch (stored 0x"))
            #expect(message(error).contains("no older snapshot can stand in for it (run \"hotelline serve --repair\""))

            let notes = try Journal.repair(directory: directory)
            #expect(notes.count == 2 && notes.last?.hasSuffix("is passed over") == true)
            #expect(notes.first?.hasPrefix("\(snapshot): kept 5 records, dropped \(frameBytes([first[2]])) bytes at offset "
                + "\(thirdFrame) (checksum mismatch (stored 0x") == true)
            #expect(notes.first?.hasSuffix("; the damaged original is saved as \(snapshot).damaged") == true)
            var kept = first
            kept.remove(at: 2)
            #expect(try JournalHarness(directory: directory, options: options).recovery.records == kept + second)
        }
    }

    @Test func aMissingSegmentStopsTheStartAndRepairCarriesOnWithoutIt() throws {
        try withTemporaryDirectory { directory in
            let many = sampleRecords(12, tag: "many")
            do {
                let harness = try JournalHarness(directory: directory, options: options)
                harness.appendOneByOne(many)
            }
            let segments = try JournalSegments.list(directory, fileSystem: PosixFileSystem())
            #expect(segments.count >= 3)
            let missing = JournalSegments.path(directory, segments[1])
            try FileManager.default.removeItem(atPath: missing)
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: directory, options: options) }
            #expect(error == .missingSegment(path: missing))
            #expect(message(error).hasPrefix("\(missing): missing, though later segments exist"))
            let notes = try Journal.repair(directory: directory)
            #expect(notes.first == "\(missing): was missing; an empty segment stands in for it (the records it held are lost)")
            #expect(notes.count == 2 && notes.last?.hasSuffix("is passed over") == true)
            let recovered = try JournalHarness(directory: directory, options: options).recovery.records
            #expect(recovered.count < many.count && Set(recovered.map(\.payload)).isSubset(of: many.map(\.payload)))
        }
    }

    /// A record fails after the caller gathered the records (its failure not yet taken):
    /// the snapshot might bring it back, so it is not written; the next one is.
    @Test func aSnapshotIsNotWrittenWhileAFailureIsUnseenByTheCaller() throws {
        try withTemporaryDirectory { directory in
            let fileSystem = TestFileSystem()
            let harness = try JournalHarness(directory: directory, fileSystem: fileSystem)
            let kept = sampleRecords(2, tag: "kept")
            harness.append(kept)
            fileSystem.failSyncs(EIO)
            let lost = sampleRecords(1, tag: "lost")[0]
            harness.journal.append(lost, token: 10)
            while harness.journal.statistics.failedRecords == 0 { usleep(1000) }
            harness.journal.snapshot(kept + [lost])
            let next = sampleRecords(1, tag: "next")
            harness.journal.append(next[0], token: 11)
            // Token 11 is answered after the writer has dealt with the snapshot.
            #expect(harness.waitForAcknowledgements(2).map(\.isDurable) == [false, true])
            #expect(harness.journal.statistics.snapshotsNotWritten == 1 && harness.journal.statistics.snapshots == 0)
            #expect(harness.journal.statistics.lastSnapshotProblem?.contains("failed after its records were gathered") == true)

            harness.journal.snapshot(kept + next)
            harness.journal.close()
            #expect(harness.journal.statistics.snapshots == 1)
            #expect(try JournalHarness(directory: directory).recovery.records == kept + next)
        }
    }

    // MARK: - Helpers

    private func frameBytes(_ records: [JournalRecord]) -> Int {
        records.reduce(0) { $0 + JournalFrame.headerSize + $1.payload.count }
    }
}

extension JournalHarness {
    /// One batch per record, so small segments roll between them.
    func appendOneByOne(_ records: [JournalRecord], firstToken: UInt64 = 1) {
        for (index, record) in records.enumerated() {
            #expect(append([record], firstToken: firstToken + UInt64(index)).allSatisfy { $0.isDurable })
        }
    }
}

/// Appends `first`, snapshots it, appends `second`, then puts back what the snapshot
/// removed: the directory a process killed just before step (c) leaves.
func writeSnapshotInterruptedBeforeRemoval(
    _ first: [JournalRecord], then second: [JournalRecord], in directory: String, options: JournalSettings
) throws {
    let harness = try JournalHarness(directory: directory, options: options)
    harness.appendOneByOne(first)
    let before = try contents(of: directory)
    harness.journal.snapshot(first)
    harness.appendOneByOne(second, firstToken: 100)
    harness.journal.close()
    try restore(before, in: directory)
}

func names(in directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
}

/// Every file of `directory` by name, to put back what a later step removes.
func contents(of directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try names(in: directory) {
        files[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    }
    return files
}

/// Writes back the files of `saved` that are gone now.
func restore(_ saved: [String: Data], in directory: String) throws {
    for (name, data) in saved where !FileManager.default.fileExists(atPath: directory + "/" + name) {
        try data.write(to: URL(fileURLWithPath: directory + "/" + name))
    }
}

func flipByte(in path: String, at offset: Int) throws {
    var bytes = try PosixFileSystem().readFile(path)
    bytes[offset] ^= 0x20
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
