import TestSupport
import Foundation
import Testing
@testable import Storage

/// Recovery and repair on real segment files damaged the ways disks and crashes damage them.
@Suite("Journal recovery and repair on disk")
struct JournalRecoveryTests {
    let records = sampleRecords(5)
    /// Frame offsets of `records` in a segment holding exactly them.
    var offsets: [Int] { records.indices.map { index in records[..<index].reduce(0) { $0 + JournalFrame.encode($1).count } } }

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

    @Test func tornTailIsCutWithANoteAndWritingResumesAfterIt() throws {
        try withTemporaryDirectory { directory in
            try write(records, to: directory)
            let segment = directory + "/000001.seg"
            try edit(segment) { $0.removeLast(3) }
            let reopened = try JournalHarness(directory: directory)
            #expect(reopened.recovery.records == Array(records.dropLast()))
            let torn = JournalFrame.encode(records[4]).count - 3
            #expect(reopened.recovery.notes.first == "\(segment): cut a torn record at offset \(offsets[4]) "
                + "(\(torn) bytes: record cut short (header says 8 payload bytes, 5 remain)); the cut bytes are kept in \(segment).cut")
            #expect(reopened.recovery.cutTail)
            #expect(try PosixFileSystem().readFile(segment + ".cut") == Array(JournalFrame.encode(records[4]).dropLast(3)))
            #expect(try PosixFileSystem().readFile(segment).count == offsets[4])
            reopened.append(sampleRecords(1, tag: "after"))
            reopened.journal.close()
            #expect(try JournalHarness(directory: directory).recovery.records == records.dropLast() + sampleRecords(1, tag: "after"))
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
            #expect(try PosixFileSystem().contentsOfDirectory(directory).count > 1)
            let error = #expect(throws: JournalError.self) { try JournalHarness(directory: directory) }
            #expect(message(error).contains("at the end of a segment that is not the last"))
        }
    }

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
            reopened.append(sampleRecords(1, tag: "next"))
            #expect(try PosixFileSystem().readFile(directory + "/000003.seg") == JournalFrame.encode(sampleRecords(1, tag: "next")[0]))
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
            #expect(notes.count == 1)
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
