import HotelCalendar
import TestSupport
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
            guard case .tornTail(let kept, let damage, .unknown) = SegmentRecovery.decide(bytes: torn, isLastSegment: true) else {
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
        guard case .tornTail(_, let damage, .unknown) = SegmentRecovery.decide(bytes: damaged, isLastSegment: true) else {
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
        guard case .tornTail(let kept, let damage, .unknown) = outcome else {
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
        guard case .tornTail(_, let tail, .unknown) = outcome else {
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

/// Finding the next intact frame after damage costs time linear in the bytes scanned.
@Suite("Segment resynchronisation cost")
struct SegmentResyncCostTests {
    /// Junk where every fourth offset reads as a 64 KiB frame that fits: the old scan
    /// checksummed 64 KiB at each of them before giving up on it.
    @Test func junkOfPlausibleLengthsIsScannedInLinearWork() {
        let records = (0..<3).map { JournalRecord(type: 1, version: 1, payload: Array("after the junk \($0)".utf8)) }
        let before = JournalFrame.encode(JournalRecord(type: 1, version: 1, payload: Array("before".utf8)))
        let junk: [UInt8] = Array((0..<(64 << 10)).map { _ in [UInt8(0), 0, 1, 0] }.joined())
        let after = records.flatMap { JournalFrame.encode($0) }
        var scanner = SegmentScanner(bytes: before + junk + after + Array(junk.prefix(70_000)))
        var seen: [JournalRecord] = []
        var damages: [SegmentDamage] = []
        while let event = scanner.next() {
            switch event {
            case .record(let record, _): seen.append(record)
            case .damage(let damage): damages.append(damage)
            }
        }
        #expect(seen.count == 4 && Array(seen.dropFirst()) == records)
        #expect(damages.map(\.offset) == [before.count, before.count + junk.count + after.count])
        let scanned = junk.count * 2 + after.count
        #expect(scanner.resyncChecksummedBytes <= 2 * scanned,
                "\(scanner.resyncChecksummedBytes) bytes checksummed to resynchronise over \(scanned) bytes")
    }
}

extension SegmentResyncCostTests {
    /// The finder settles each candidate from two running registers instead of checksumming
    /// its payload: it must find exactly the frame the plain check finds, on junk with
    /// small lengths everywhere and real frames (some damaged) among it. Seeded: the seed
    /// is in the failure message.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func findsTheSameFrameAsCheckingEveryOffset(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var bytes: [UInt8] = []
        for _ in 0..<30 {
            switch Int.random(in: 0..<3, using: &generator) {
            case 0:
                let payload = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                var frame = JournalFrame.encode(JournalRecord(type: 2, version: 1, payload: payload))
                if Bool.random(using: &generator) { frame[Int.random(in: 0..<frame.count, using: &generator)] ^= 0x10 }
                bytes += frame
            case 1:
                bytes += (0..<Int.random(in: 1...200, using: &generator)).map { _ in UInt8.random(in: 0...3, using: &generator) }
            default:
                bytes += (0..<Int.random(in: 1...50, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            }
        }
        bytes.withUnsafeBytes { raw in
            var finder = FrameFinder(firstCandidate: 1, count: raw.count)
            var start = 1
            while start < raw.count {
                var expected: Int?
                for candidate in start..<raw.count {
                    if case .intact = JournalFrame.check(raw, at: candidate) { expected = candidate; break }
                }
                let found = finder.nextIntactFrame(in: raw, from: start)
                #expect(found == expected, "seed \(seed): from offset \(start)")
                guard let found else { break }
                start = found + 1
            }
        }
    }

    @Test func zeroRunsMatchTheRegisterRunThroughZeroBytes() {
        var generator = SeededGenerator(seed: 7)
        for count in [0, 1, 2, 15, 16, 17, 255, 256, 4097, 65_537, 1 << 20] {
            let start = UInt32.random(in: 0...UInt32.max, using: &generator)
            var register = start
            for _ in 0..<count { register = (register >> 8) ^ CRC32C.tables[Int(register & 0xFF)] }
            #expect(CRCShift.zeros(count, applyTo: start) == register, "\(count) zero bytes")
        }
    }
}
