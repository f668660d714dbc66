import Testing
@testable import Storage

/// The framing and the recovery decisions, on bytes in memory: no files.
@Suite("Segment recovery (pure)")
struct SegmentRecoveryTests {
    let records = (0..<3).map { JournalRecord(type: 1, version: UInt8($0), payload: Array("record \($0)".utf8)) }

    var frames: [[UInt8]] { records.map { JournalFrame.encode($0) } }
    var bytes: [UInt8] { frames.flatMap { $0 } }
    var offsets: [Int] { [0, frames[0].count, frames[0].count + frames[1].count] }

    @Test func frameLayoutIsLengthChecksumTypeVersionPayload() {
        let frame = JournalFrame.encode(JournalRecord(type: 7, version: 2, payload: [0xAA, 0xBB]))
        #expect(frame.count == JournalFrame.headerSize + 2)
        #expect(Array(frame[0..<4]) == [2, 0, 0, 0])
        let crc = CRC32C.checksum([7, 2, 0xAA, 0xBB])
        #expect(Array(frame[4..<8]) == [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 24)])
        #expect(Array(frame[8...]) == [7, 2, 0xAA, 0xBB])
    }

    @Test func intactSegmentGivesEveryRecordWithItsOffset() {
        let outcome = SegmentRecovery.decide(bytes: bytes, isLastSegment: true)
        #expect(outcome == .intact(records: zip(records, offsets).map { .init(record: $0, offset: $1) }))
    }

    @Test func emptySegmentIsIntact() {
        #expect(SegmentRecovery.decide(bytes: [], isLastSegment: false) == .intact(records: []))
    }

    @Test func partialLastRecordIsATornTail() {
        for keep in 1..<frames[2].count {
            let torn = Array(bytes[..<(offsets[2] + keep)])
            guard case .tornTail(let kept, let damage) = SegmentRecovery.decide(bytes: torn, isLastSegment: true) else {
                Issue.record("keeping \(keep) bytes of the last frame: not a torn tail")
                continue
            }
            #expect(kept.map(\.record) == Array(records[0..<2]))
            #expect(damage.offset == offsets[2] && damage.length == keep && damage.reachesEnd)
        }
    }

    @Test func checksumFailureAtTheEndIsATornTail() {
        var damaged = bytes
        damaged[damaged.count - 1] ^= 0xFF
        guard case .tornTail(_, let damage) = SegmentRecovery.decide(bytes: damaged, isLastSegment: true) else {
            Issue.record("expected a torn tail")
            return
        }
        #expect(damage.offset == offsets[2])
        guard case .checksumMismatch = damage.problem else {
            Issue.record("expected a checksum mismatch, got \(damage.problem)")
            return
        }
    }

    @Test func zeroFilledTailIsATornTail() {
        let outcome = SegmentRecovery.decide(bytes: bytes + [UInt8](repeating: 0, count: 4096), isLastSegment: true)
        guard case .tornTail(let kept, let damage) = outcome else {
            Issue.record("expected a torn tail, got \(outcome)")
            return
        }
        #expect(kept.count == 3 && damage.offset == bytes.count && damage.length == 4096)
    }

    @Test func tornTailOfAnEarlierSegmentIsCorruption() {
        let torn = Array(bytes.dropLast(3))
        guard case .corrupt(_, let damage) = SegmentRecovery.decide(bytes: torn, isLastSegment: false) else {
            Issue.record("expected corruption")
            return
        }
        #expect(damage.offset == offsets[2])
    }

    @Test func damageFollowedByIntactRecordsIsCorruption() {
        var damaged = bytes
        damaged[offsets[1] + JournalFrame.headerSize + 2] ^= 0x01
        guard case .corrupt(let kept, let damage) = SegmentRecovery.decide(bytes: damaged, isLastSegment: true) else {
            Issue.record("expected corruption")
            return
        }
        #expect(kept.map(\.record) == [records[0]])
        #expect(damage.offset == offsets[1] && damage.length == frames[1].count && !damage.reachesEnd)
    }

    @Test func hugeGarbageLengthIsRejectedWithoutAllocating() {
        var garbage: [UInt8] = [0xF0, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0x55, count: 20)
        var outcome = SegmentRecovery.decide(bytes: bytes + garbage, isLastSegment: true)
        guard case .tornTail(_, let tail) = outcome else {
            Issue.record("expected a torn tail, got \(outcome)")
            return
        }
        #expect(tail.problem == .lengthTooLarge(length: 0xFFFF_FFF0))
        garbage = Array(garbage[0..<8])
        outcome = SegmentRecovery.decide(bytes: frames[0] + garbage + frames[1], isLastSegment: true)
        guard case .corrupt(_, let middle) = outcome else {
            Issue.record("expected corruption, got \(outcome)")
            return
        }
        #expect(middle.offset == frames[0].count && middle.length == 8)
        #expect("\(middle.problem)" == "record length 4294967280 exceeds the 1048576-byte limit")
    }

    @Test func scannerResynchronisesPastDamage() {
        var damaged = bytes
        damaged[offsets[1]] ^= 0x40 // the length of record 1
        let (seen, damages) = SegmentScanner.salvage(damaged)
        #expect(seen == [records[0], records[2]])
        #expect(damages.count == 1 && damages[0].offset == offsets[1] && damages[0].length == frames[1].count)
    }

    /// Random damage must never crash the scanner nor lose an undamaged frame. The seed is
    /// in the failure message: rerun with it to get the same bytes.
    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func randomDamageNeverLosesUndamagedFrames(seed: UInt64) {
        var generator = SplitMix(seed: seed)
        let many = (0..<40).map { index in
            JournalRecord(type: 3, version: 1, payload: (0..<Int.random(in: 0...60, using: &generator)).map { _ in UInt8(index) })
        }
        let frames = many.map { JournalFrame.encode($0) }
        var bytes = frames.flatMap { $0 }
        let hit = Int.random(in: 0..<bytes.count, using: &generator)
        bytes[hit] ^= UInt8.random(in: 1...255, using: &generator)
        let seen = SegmentScanner.salvage(bytes).records
        var start = 0
        let survivors = zip(many, frames).filter { _, frame in
            defer { start += frame.count }
            return !(start..<(start + frame.count)).contains(hit)
        }.map(\.0)
        #expect(seen == survivors, "seed \(seed), damaged byte \(hit)")
    }
}
