import HotelCalendar
import TestSupport
import Dispatch
import Foundation
import Glibc
import Testing
@testable import Storage

@Suite("Journal writer and recovery")
struct JournalTests {
    @Test func appendIsAcknowledgedAndReopenRecoversTheSameRecordsInOrder() throws {
        try withTemporaryDirectory { directory in
            let records = sampleRecords(50)
            do {
                let harness = try JournalHarness(directory: directory)
                #expect(harness.recovery.records.isEmpty)
                let acks = harness.append(records)
                #expect(acks.map(\.token) == Array(1...50))
                #expect(acks.allSatisfy { $0.isDurable })
                #expect(harness.journal.pendingCount == 0)
                #expect(harness.journal.statistics.durableRecords == 50)
            }
            let reopened = try JournalHarness(directory: directory)
            #expect(reopened.recovery.records == records)
            #expect(reopened.recovery.locations.first == JournalLocation(
                path: "\(directory)/000001.seg", segment: 1, offset: SegmentHeader.size))
            #expect(reopened.recovery.notes.contains { $0.contains("recovered 50 records from segment 1") })
            reopened.append(sampleRecords(1, tag: "after"), firstToken: 99)
            reopened.journal.close()
            #expect(try JournalHarness(directory: directory).recovery.records == records + sampleRecords(1, tag: "after"))
        }
    }

    @Test func createdDirectoriesAre0700AndSegments0600() throws {
        try withTemporaryDirectory { root in
            let directory = root + "/data/journal"
            let harness = try JournalHarness(directory: directory)
            harness.append(sampleRecords(1))
            #expect(fileMode(root + "/data") == 0o700)
            #expect(fileMode(directory) == 0o700)
            #expect(fileMode(directory + "/000001.seg") == 0o600)
        }
    }

    @Test func acknowledgementsArePublishedOnlyAfterTheSyncReturns() throws {
        try withTemporaryDirectory { directory in
            let fileSystem = TestFileSystem()
            let harness = try JournalHarness(directory: directory, fileSystem: fileSystem)
            fileSystem.holdSyncs()
            harness.journal.append(sampleRecords(1)[0], token: 7)
            #expect(fileSystem.syncReachedGate.wait(timeout: .now() + 10) == .success)
            usleep(50_000) // give a wrong implementation time to publish early
            #expect(harness.journal.takeAcknowledgements().isEmpty)
            #expect(harness.journal.pendingCount == 1)
            fileSystem.releaseSyncs()
            let acks = harness.waitForAcknowledgements(1)
            #expect(acks.map(\.token) == [7] && acks[0].isDurable)
            #expect(harness.journal.pendingCount == 0)
            // The sync was held 50 ms at least, and its time came back with its acknowledgement.
            let times = harness.journal.syncTimes
            #expect(times.count == 1 && harness.journal.statistics.syncs == 1)
            #expect(times.sumSeconds >= 0.05)
            #expect(times.cumulativeCounts[JournalSyncTimes.bounds.firstIndex(of: 0.025)!] == 0)
        }
    }

    /// The sync-time buckets: each sync in the first bound it fits, counted cumulatively;
    /// one past the last bound only in the total.
    @Test func syncTimesAreCountedInTheirBuckets() {
        var times = JournalSyncTimes()
        for nanoseconds: UInt64 in [300_000, 500_000, 2_000_000, 3_000_000_000] { times.record(nanoseconds: nanoseconds) }
        #expect(times.count == 4)
        #expect(abs(times.sumSeconds - 3.0028) < 1e-9)
        #expect(times.cumulativeCounts == [2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3])
        #expect(times.cumulativeCounts.count == JournalSyncTimes.bounds.count)
    }

    /// While one sync is in progress everything appended meanwhile waits for the next
    /// batch: 10,000 records, two syncs.
    @Test func groupCommitMakesOneSyncPerBatchNotPerRecord() throws {
        try withTemporaryDirectory { directory in
            let fileSystem = TestFileSystem()
            let harness = try JournalHarness(directory: directory, fileSystem: fileSystem)
            let syncsAtOpen = fileSystem.syncCount
            let records = sampleRecords(10_000)
            fileSystem.holdSyncs()
            harness.journal.append(records[0], token: 0)
            #expect(fileSystem.syncReachedGate.wait(timeout: .now() + 10) == .success)
            for index in 1..<records.count {
                harness.journal.append(records[index], token: UInt64(index))
            }
            #expect(harness.journal.pendingCount == 10_000)
            fileSystem.releaseSyncs()
            let acks = harness.waitForAcknowledgements(10_000)
            #expect(acks.map(\.token) == Array(0..<10_000))
            #expect(acks.allSatisfy { $0.isDurable })
            #expect(fileSystem.syncCount - syncsAtOpen == 2)
            #expect(harness.journal.statistics.syncs == 2)
            harness.journal.close()
            #expect(try JournalHarness(directory: directory).recovery.records == records)
        }
    }

    /// After a big commit the writer lingers for a wave of as many records, but a pause in
    /// the arrivals ends that at once, and a roll never waits: with a linger of 5 s, one
    /// straggler and a roll are both answered far sooner.
    @Test func lingeringForAWaveEndsWhenArrivalsPauseAndNeverHoldsARoll() throws {
        try withTemporaryDirectory { directory in
            let harness = try JournalHarness(directory: directory, options: JournalSettings(groupCommitLinger: .seconds(5)))
            #expect(harness.append(sampleRecords(50)).allSatisfy { $0.isDurable })
            let clock = ContinuousClock()
            let start = clock.now
            #expect(harness.append(sampleRecords(1, tag: "straggler"), firstToken: 100).allSatisfy { $0.isDurable })
            #expect(clock.now - start < .seconds(1))
            #expect(harness.append(sampleRecords(50, tag: "wave"), firstToken: 200).allSatisfy { $0.isDurable })
            let rollStart = clock.now
            #expect(try harness.journal.rollSegment() == 2)
            #expect(clock.now - rollStart < .seconds(1))
        }
    }

    /// The faults a disk throws at a batch: full half-way through the write, or an I/O
    /// error on the sync after a complete write.
    enum Fault: CaseIterable, Sendable {
        case diskFullOnWrite
        case ioErrorOnSync
    }

    /// The batch fails as a whole, its bytes are cut out (a half write, or a whole write
    /// whose sync failed), and the next records are durable again.
    @Test(arguments: Fault.allCases)
    func failedBatchIsCutOutAndTheJournalCarriesOn(fault: Fault) throws {
        try withTemporaryDirectory { directory in
            let fileSystem = TestFileSystem()
            let harness = try JournalHarness(directory: directory, fileSystem: fileSystem)
            let before = sampleRecords(2, tag: "before")
            let lost = sampleRecords(3, tag: "lost")
            let after = sampleRecords(2, tag: "after")
            #expect(harness.append(before).allSatisfy { $0.isDurable })

            // Hold the sync of an opener so the lost records queue up as one batch.
            fileSystem.holdSyncs()
            let opener = JournalRecord(type: 9, version: 1, payload: [1])
            harness.journal.append(opener, token: 100)
            #expect(fileSystem.syncReachedGate.wait(timeout: .now() + 10) == .success)
            for (index, record) in lost.enumerated() {
                harness.journal.append(record, token: 101 + UInt64(index))
            }
            // Armed while the opener's sync waits at the gate, so it hits the batch after.
            switch fault {
            case .diskFullOnWrite: fileSystem.failWrites(ENOSPC)
            case .ioErrorOnSync: fileSystem.failSyncs(EIO)
            }
            fileSystem.releaseSyncs()
            let acks = harness.waitForAcknowledgements(lost.count + 1)
            #expect(acks.map(\.token) == [100, 101, 102, 103])
            #expect(acks.map(\.isDurable) == [true, false, false, false])
            for ack in acks.dropFirst() {
                guard case .failure(let error) = ack.outcome, case .fileSystem(_, let path, _) = error else {
                    Issue.record("token \(ack.token): expected a file system failure, got \(ack.outcome)")
                    continue
                }
                #expect(path == directory + "/000001.seg")
                #expect("\(error)".hasPrefix(path + ": "))
            }
            let durableSize = SegmentHeader.size + (before + [opener]).reduce(0) { $0 + JournalFrame.encode($1).count }
            #expect(try PosixFileSystem().readFile(directory + "/000001.seg").count == durableSize)

            #expect(harness.append(after, firstToken: 20).allSatisfy { $0.isDurable })
            harness.journal.close()
            #expect(try JournalHarness(directory: directory).recovery.records == before + [opener] + after)
        }
    }

    @Test func aFailedCutTurnsTheJournalFailedAndRefusesEverythingAfter() throws {
        try withTemporaryDirectory { directory in
            let fileSystem = TestFileSystem()
            let harness = try JournalHarness(directory: directory, fileSystem: fileSystem)
            let kept = sampleRecords(2)
            harness.append(kept)
            fileSystem.failSyncs(EIO)
            fileSystem.failTruncates(EIO)
            let failed = harness.append(sampleRecords(1, tag: "lost"), firstToken: 10)
            #expect(!failed[0].isDurable)
            let refused = harness.append(sampleRecords(1, tag: "refused"), firstToken: 11)
            guard case .failure(let error) = refused[0].outcome, case .failed = error else {
                Issue.record("expected the journal to refuse, got \(refused[0].outcome)")
                return
            }
            #expect("\(error)".contains("could not undo a failed write"))
            #expect(throws: JournalError.self) { try harness.journal.rollSegment() }
        }
    }

    @Test func oversizedRecordFailsAloneInItsBatch() throws {
        try withTemporaryDirectory { directory in
            let harness = try JournalHarness(directory: directory)
            let huge = JournalRecord(type: 1, version: 1, payload: [UInt8](repeating: 0, count: JournalFrame.maximumPayloadSize + 1))
            harness.journal.append(sampleRecords(1)[0], token: 1)
            harness.journal.append(huge, token: 2)
            harness.journal.append(sampleRecords(1)[0], token: 3)
            let acks = harness.waitForAcknowledgements(3)
            #expect(acks.map(\.isDurable) == [true, false, true])
            guard case .failure(.recordTooLarge(_, let size, _)) = acks[1].outcome else {
                Issue.record("expected recordTooLarge")
                return
            }
            #expect(size == JournalFrame.maximumPayloadSize + 1)
        }
    }

    @Test func closeDrainsWhatIsQueuedAndLaterAppendsAreRefused() throws {
        try withTemporaryDirectory { directory in
            let harness = try JournalHarness(directory: directory)
            let records = sampleRecords(500)
            for (index, record) in records.enumerated() { harness.journal.append(record, token: UInt64(index)) }
            harness.journal.close()
            harness.journal.close()
            let acks = harness.waitForAcknowledgements(500)
            #expect(acks.count == 500 && acks.allSatisfy { $0.isDurable })
            let refused = harness.append(sampleRecords(1), firstToken: 1000)
            guard case .failure(.closed) = refused[0].outcome else {
                Issue.record("expected .closed, got \(refused[0].outcome)")
                return
            }
            #expect(try JournalHarness(directory: directory).recovery.records == records)
        }
    }

    @Test func segmentsRollOverPastTheThresholdAndRecoverAcrossSegments() throws {
        try withTemporaryDirectory { directory in
            let options = JournalSettings(segmentSizeLimit: 64)
            let records = sampleRecords(12)
            do {
                let harness = try JournalHarness(directory: directory, options: options)
                for (index, record) in records.enumerated() {
                    #expect(harness.append([record], firstToken: UInt64(index))[0].isDurable)
                }
            }
            let names = try PosixFileSystem().contentsOfDirectory(directory).sorted()
            // Frames of 18-19 bytes: a segment takes records until it holds 64 bytes or more.
            #expect(names == ["000001.seg", "000002.seg", "000003.seg", "manifest"])
            for name in names { #expect(fileMode(directory + "/" + name) == 0o600) }
            let reopened = try JournalHarness(directory: directory, options: options)
            #expect(reopened.recovery.records == records)
            #expect(Set(reopened.recovery.locations.map(\.segment)) == [1, 2, 3])
        }
    }

    @Test func rollSegmentCutsBetweenRecords() throws {
        try withTemporaryDirectory { directory in
            let early = sampleRecords(3, tag: "early")
            let late = sampleRecords(2, tag: "late")
            let next: Int
            do {
                let harness = try JournalHarness(directory: directory)
                for (index, record) in early.enumerated() { harness.journal.append(record, token: UInt64(index)) }
                next = try harness.journal.rollSegment()
                harness.append(late, firstToken: 10)
                #expect(harness.waitForAcknowledgements(3).count == 3)
            }
            #expect(next == 2)
            let reopened = try JournalHarness(directory: directory)
            #expect(reopened.recovery.records == early + late)
            #expect(reopened.recovery.locations.map(\.segment) == [1, 1, 1, 2, 2])
        }
    }
}
