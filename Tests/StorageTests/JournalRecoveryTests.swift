import HotelCalendar
import TestSupport
import Foundation
import Testing
@testable import Storage

/// Recovery and repair on real segment files damaged the ways disks and crashes damage them.
@Suite("Journal recovery and repair on disk")
struct JournalRecoveryTests {
    let records = sampleRecords(5)
    /// File offsets of `records`' frames in a segment holding exactly them, after its header.
    var offsets: [Int] {
        records.indices.map { index in SegmentHeader.size + records[..<index].reduce(0) { $0 + JournalFrame.encode($1).count } }
    }

    /// Writes `records` through a journal one batch each, so segments roll between them.
    private func write(_ records: [JournalRecord], to directory: String, options: JournalSettings = .init()) throws {
        let harness = try JournalHarness(directory: directory, options: options)
        for (index, record) in records.enumerated() {
            #expect(harness.append([record], firstToken: UInt64(index)).allSatisfy { $0.isDurable })
        }
        harness.journal.close()
    }

    private func edit(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = try PosixFileSystem().readFile(path)
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// A process killed mid-write leaves part of a frame after the last one its header
    /// claims: never acknowledged, so it is cut with a note and nothing is passed over.
    @Test func tornTailIsCutWithANoteAndWritingResumesAfterIt() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            let segment = directory + "/000001.seg"
            let end = offsets[4] + JournalFrame.encode(records[4]).count
            let torn = Array(JournalFrame.encode(sampleRecords(1, tag: "torn")[0]).prefix(9))
            try edit(segment) { $0 += torn }
            let reopened = try JournalHarness(directory: directory)
            #expect(reopened.recovery.records == records)
            #expect(reopened.recovery.notes.first == "\(segment): cut a torn write after the last record its header counts "
                + "(never acknowledged) at offset \(end) (9 bytes: record header cut short (9 of 10 bytes)); the cut bytes "
                + "are kept in \(segment).cut")
            #expect(!reopened.recovery.cutTail)
            #expect(try PosixFileSystem().readFile(segment + ".cut") == torn)
            #expect(try PosixFileSystem().readFile(segment).count == end)
            reopened.append(sampleRecords(1, tag: "after"))
            reopened.journal.close()
            #expect(try JournalHarness(directory: directory).recovery.records == records + sampleRecords(1, tag: "after"))
        }
    }

    /// The issue's reproductions: the last segment cut short, at a frame boundary or inside
    /// a frame, lost acknowledged records without a word. Its header says how many it held.
    @Test(arguments: [0, 1, 3, 18])
    func aLastSegmentCutShortStopsTheStartSayingHowManyRecordsAreGone(cutBytes: Int) throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            let segment = directory + "/000001.seg"
            let end = offsets[4] + JournalFrame.encode(records[4]).count
            // 18 bytes is the last frame whole: a cut at a frame boundary.
            try edit(segment) { $0.removeLast(cutBytes == 0 ? JournalFrame.encode(records[4]).count * 2 : cutBytes) }
            let found = cutBytes == 0 ? 3 : 4
            let size = try PosixFileSystem().readFile(segment).count
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: directory) }
            #expect(error == .segmentCutShort(path: segment, expected: 5, found: found, reason: "the segment was cut short "
                + "(it ends at byte \(size), its header says \(end))"))
            #expect(message(error) == "\(segment): 5 records expected (its header says), \(found) found: the segment was cut "
                + "short (it ends at byte \(size), its header says \(end)); restore it from a backup, or start with --repair "
                + "to keep what verifies and pass over the lost numbers")
            let notes = try Journal.repair(directory: directory)
            #expect(notes.first?.hasPrefix("\(segment): kept \(found) records") == true, "\(notes)")
            #expect(notes.first?.contains("(its header counted 5: \(5 - found) lost)") == true, "\(notes)")
            #expect(notes.last?.contains("is passed over") == true, "\(notes)")
            #expect(try JournalHarness(directory: directory).recovery.records == Array(records.prefix(found)))
        }
    }

    /// Zeros over the last records: more than one acknowledged record is gone, which no
    /// torn write and no single bad bit explains.
    @Test func aZeroedTailStopsTheStart() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            let segment = directory + "/000001.seg"
            try edit(segment) { bytes in
                for index in offsets[2]..<bytes.count { bytes[index] = 0 }
            }
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: directory) }
            #expect(message(error).hasPrefix("\(segment): 5 records expected (its header says), 2 found: the last 3 are "
                + "damaged from offset \(offsets[2]) to the end (checksum mismatch"), "\(message(error))")
        }
    }

    /// A bit gone bad in the last record looks like nothing a crash leaves, but costs one
    /// record at most: it is cut, said, and its numbers are passed over before it goes.
    @Test func aDamagedLastRecordIsCutAndTheMarksArePassedOver() throws {
        try withTemporaryDirectory { directory in
            let marks = HighWaterMarks([100_999, 0, 0, 0, 100])
            do {
                let harness = try JournalHarness(directory: directory)
                harness.journal.raise(marks)
                for (index, record) in records.enumerated() { harness.append([record], firstToken: UInt64(index)) }
            }
            let segment = directory + "/000001.seg"
            try edit(segment) { $0[$0.count - 1] ^= 0x01 }
            let reopened = try JournalHarness(directory: directory)
            #expect(reopened.recovery.records == Array(records.prefix(4)))
            #expect(reopened.recovery.cutTail)
            #expect(reopened.recovery.passedOver == marks && reopened.recovery.marks == marks)
            #expect(reopened.recovery.notes.first?.hasPrefix("\(segment): the last record its header counts, at offset "
                + "\(offsets[4]), is damaged (checksum mismatch") == true, "\(reopened.recovery.notes)")
            reopened.journal.close()
            // Durable: a start with nothing cut still passes them over.
            let again = try JournalHarness(directory: directory)
            #expect(again.recovery.passedOver == marks && !again.recovery.cutTail)
            #expect(again.recovery.records == Array(records.prefix(4)))
        }
    }

    /// Two frames swapped, or one duplicated, are each intact; the header's checksum over
    /// all of them is not.
    @Test func swappedOrDuplicatedFramesStopTheStart() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            let segment = directory + "/000001.seg"
            let original = try PosixFileSystem().readFile(segment)
            let frames = records.map { JournalFrame.encode($0) }
            try edit(segment) { bytes in
                bytes = Array(bytes[..<offsets[1]]) + frames[2] + frames[1] + Array(bytes[offsets[3]...])
            }
            let swapped = #expect(throws: JournalError.self) { try JournalHarness(directory: directory) }
            #expect(message(swapped).contains("its records are not the ones written"), "\(message(swapped))")
            try Data(original).write(to: URL(fileURLWithPath: segment))
            try edit(segment) { bytes in
                bytes = Array(bytes[..<offsets[2]]) + frames[1] + Array(bytes[offsets[2]...])
            }
            let duplicated = #expect(throws: JournalError.self) { try JournalHarness(directory: directory) }
            #expect(message(duplicated).contains("records duplicated, swapped or rewritten"), "\(message(duplicated))")
        }
    }

    /// After the machine restarts, the last commit may have been torn by the power cut
    /// (never acknowledged: its sync had not returned); the commit before it must hold.
    @Test func afterAMachineRestartTheLastCommitMayBeTorn() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            let segment = directory + "/000001.seg"
            try edit(segment) { $0.removeLast(4) }
            let fileSystem = TestFileSystem()
            fileSystem.restartMachine()
            let reopened = try JournalHarness(directory: directory, fileSystem: fileSystem)
            #expect(reopened.recovery.records == Array(records.prefix(4)))
            #expect(reopened.recovery.notes.first?.contains("cut the last write before the machine restarted, left incomplete") == true)
            #expect(!reopened.recovery.cutTail)
        }
    }

    @Test func afterAMachineRestartTheCommitBeforeTheLastMustHold() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            try edit(directory + "/000001.seg") { $0.removeLast(JournalFrame.encode(records[4]).count + 1) }
            let fileSystem = TestFileSystem()
            fileSystem.restartMachine()
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: directory, fileSystem: fileSystem) }
            #expect(message(error).contains("5 records expected (its header says), 3 found"), "\(message(error))")
        }
    }

    @Test func hugeGarbageLengthAtTheTailIsCutWithoutAllocating() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            try edit(directory + "/000001.seg") { $0 += [0xF0, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 7, count: 100) }
            let reopened = try JournalHarness(directory: directory)
            #expect(reopened.recovery.records == records)
            #expect(reopened.recovery.notes.first?.contains("record length 4294967280 exceeds the 1048576-byte limit") == true)
        }
    }

    @Test func flippedByteInTheMiddleStopsOpenNamingPathAndOffset() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            let segment = directory + "/000001.seg"
            try edit(segment) { $0[offsets[2] + JournalFrame.headerSize] ^= 0x20 }
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: directory) }
            guard case .corrupt(let path, let offset, let reason)? = error else {
                Issue.record("expected .corrupt, got \(String(describing: error))")
                return
            }
            #expect(path == segment && offset == offsets[2])
            #expect(reason.hasPrefix("checksum mismatch") && reason.hasSuffix("followed by intact records at offset \(offsets[3])"))
            let text = message(error)
            #expect(text.hasPrefix("\(segment): offset \(offsets[2]): checksum mismatch"))
            #expect(text.contains("run \"hotelline serve --repair\""))
        }
    }

    @Test func tornTailOfAnEarlierSegmentIsCorruption() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory, options: JournalSettings(segmentSizeLimit: 40))
            try edit(directory + "/000001.seg") { $0.removeLast(1) }
            #expect(try JournalSegments.list(directory, fileSystem: PosixFileSystem()).count > 1)
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: directory) }
            #expect(message(error).contains("the segment was cut short"), "\(message(error))")
        }
    }

    /// A journal an earlier version wrote (no header, no manifest) reads as before; its
    /// segments are listed in a new manifest, and new records go to a segment with a header.
    @Test func zeroLengthSegmentsAreFineAndNoted() throws {
        try withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let frames = records.flatMap { JournalFrame.encode($0) }
            try Data().write(to: URL(fileURLWithPath: directory + "/000001.seg"))
            try Data(frames).write(to: URL(fileURLWithPath: directory + "/000002.seg"))
            try Data().write(to: URL(fileURLWithPath: directory + "/000003.seg"))
            let reopened = try JournalHarness(directory: directory)
            #expect(reopened.recovery.records == records)
            #expect(reopened.recovery.locations.map(\.segment) == [2, 2, 2, 2, 2])
            #expect(reopened.recovery.notes.contains("\(directory)/000001.seg: empty segment, nothing to recover"))
            #expect(reopened.recovery.notes.contains("\(directory)/000003.seg: empty segment, nothing to recover"))
            #expect(reopened.recovery.notes.contains { $0.hasSuffix("new records go to segments that carry a header") })
            reopened.append(sampleRecords(1, tag: "next"))
            #expect(try PosixFileSystem().readFile(directory + "/000003.seg").isEmpty)
            #expect(Array(try PosixFileSystem().readFile(directory + "/000004.seg").dropFirst(SegmentHeader.size))
                == JournalFrame.encode(sampleRecords(1, tag: "next")[0]))
            reopened.journal.close()
            // Listed as they were: one cut short later is seen.
            try Data(frames.dropLast()).write(to: URL(fileURLWithPath: directory + "/000002.seg"))
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: directory) }
            #expect(message(error).contains("the segment was cut short (it has \(frames.count - 1) bytes, the manifest says \(frames.count))"))
        }
    }

    @Test func unknownRecordErrorPointsAtTheRecordsBytes() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            let recovery = try JournalHarness(directory: directory).recovery
            let message = "\(recovery.unknownRecordError(at: 3))"
            #expect(message.hasPrefix("\(directory)/000001.seg: offset \(offsets[3]): unknown record type 1 version 1"))
        }
    }

    @Test func repairKeepsEveryRecordBeforeAndAfterTheDamage() throws {
        try withTemporaryDirectory { directory in
            let later = sampleRecords(2, tag: "later")
            do {
                let harness = try JournalHarness(directory: directory)
                harness.append(records)
                #expect(try harness.journal.rollSegment() == 2)
                harness.append(later, firstToken: 10)
            }
            let segment = directory + "/000001.seg"
            let original = try PosixFileSystem().readFile(segment)
            try edit(segment) { $0[offsets[1] + 3] ^= 0xFF } // the length's high byte
            #expect(throws: JournalError.self) { try JournalHarness(directory: directory) }

            let notes = try Journal.repair(directory: directory)
            let damagedLength = offsets[2] - offsets[1]
            #expect(notes.count == 2 && notes.last?.hasSuffix("is passed over") == true)
            #expect(notes.first?.hasPrefix(
                "\(segment): kept 4 records, dropped \(damagedLength) bytes at offset \(offsets[1]) (record length"
            ) == true)
            #expect(notes.first?.hasSuffix("the damaged original is saved as \(segment).damaged") == true)
            var damaged = original
            damaged[offsets[1] + 3] ^= 0xFF
            #expect(try PosixFileSystem().readFile(segment + ".damaged") == damaged)

            let reopened = try JournalHarness(directory: directory)
            var expected = records
            expected.remove(at: 1)
            #expect(reopened.recovery.records == expected + later)
            reopened.journal.close()
            #expect(try Journal.repair(directory: directory) == ["\(directory): every snapshot and segment verifies; nothing to repair"])
        }
    }
}
