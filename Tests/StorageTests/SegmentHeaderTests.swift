import HotelCalendar
import TestSupport
import Testing
@testable import Storage

/// What recovery decides for a segment with a header, on bytes in memory: every rule of
/// `SegmentRecovery` for this version's segments, without files.
@Suite("Segment recovery with a header (pure)")
struct SegmentHeaderTests {
    let records = (0..<4).map { JournalRecord(type: 1, version: 1, payload: Array("record \($0)".utf8)) }
    let boot = BootIdentity(bytes: Array(1...16))
    var frames: [[UInt8]] { records.map { JournalFrame.encode($0) } }
    var offsets: [Int] { frames.indices.map { SegmentHeader.size + frames[..<$0].reduce(0) { $0 + $1.count } } }

    /// A segment whose header claims the first `claimed` records, then `frames` as given.
    func segment(claiming claimed: Int, older: Int? = nil, frames body: [[UInt8]]? = nil, number: Int = 3,
                 boot slotBoot: BootIdentity? = nil) -> [UInt8] {
        func slot(_ count: Int, counter: UInt64) -> SegmentHeader.Slot {
            let bytes = frames.prefix(count).flatMap { $0 }
            return SegmentHeader.Slot(segment: number, counter: counter, claim: SegmentHeader.Claim.empty.appending(bytes, records: count),
                                      boot: slotBoot ?? boot, marks: HighWaterMarks([7]))
        }
        var header = SegmentHeader.initial(slot(claimed, counter: 6))
        if let older {
            header.replaceSubrange(512..<(512 + SegmentHeader.slotSize), with: SegmentHeader.encode(slot(older, counter: 5)))
        }
        return header + (body ?? frames).flatMap { $0 }
    }

    func decide(_ bytes: [UInt8], isLast: Bool = true, number: Int = 3, now: BootIdentity? = nil) -> SegmentRecovery.Outcome {
        SegmentRecovery.decide(bytes: bytes, header: SegmentHeader.read(bytes), segment: number, isLastSegment: isLast, boot: now ?? boot)
    }

    func recovered(_ count: Int) -> [SegmentRecovery.RecoveredRecord] {
        (0..<count).map { .init(record: records[$0], offset: offsets[$0]) }
    }

    @Test func slotsRoundTripAndTheNewestCounterWins() {
        let bytes = segment(claiming: 4, older: 3)
        let reading = SegmentHeader.read(bytes)
        #expect(reading.newest?.counter == 6 && reading.newest?.claim.records == 4 && reading.newest?.marks == HighWaterMarks([7]))
        #expect(reading.older?.counter == 5 && reading.older?.claim.records == 3)
        var damaged = bytes
        damaged[40] ^= 0x01
        #expect(SegmentHeader.read(damaged).newest?.counter == 5, "a slot that fails its checksum is passed over")
        #expect(SegmentHeader.looksHeadered(damaged) && !SegmentHeader.looksHeadered(frames.flatMap { $0 }))
    }

    @Test func exactlyWhatIsClaimedIsIntact() {
        #expect(decide(segment(claiming: 4)) == .intact(records: recovered(4)))
        #expect(decide(segment(claiming: 4), isLast: false) == .intact(records: recovered(4)))
    }

    @Test func recordsPastTheClaimAreKeptInTheLastSegmentOnly() {
        let bytes = segment(claiming: 2)
        #expect(decide(bytes) == .intact(records: recovered(4)))
        guard case .refused(.trailing(let offset, let count)) = decide(bytes, isLast: false) else {
            Issue.record("a segment no longer written to may not grow")
            return
        }
        #expect(offset == offsets[2] && count == frames[2].count + frames[3].count)
    }

    @Test func aTornWritePastTheClaimIsCutAsNeverAcknowledged() {
        let bytes = segment(claiming: 3, frames: Array(frames.prefix(3)) + [Array(frames[3].prefix(5))])
        guard case .tornTail(let kept, let damage, .pastTheClaim) = decide(bytes) else {
            Issue.record("expected a torn tail past the claim, got \(decide(bytes))")
            return
        }
        #expect(kept == recovered(3) && damage.offset == offsets[3] && damage.length == 5)
    }

    @Test(arguments: [1, 4, 8, 16])
    func aSegmentCutShortIsRefusedAtAFrameBoundaryOrInsideAFrame(cut: Int) {
        let bytes = Array(segment(claiming: 4).dropLast(cut == 16 ? frames[3].count : cut))
        guard case .refused(.cutShort(let expected, let found, _)) = decide(bytes) else {
            Issue.record("cut by \(cut): expected a refusal, got \(decide(bytes))")
            return
        }
        #expect(expected.records == 4 && found == 3)
    }

    @Test func aDamagedLastClaimedRecordIsCutAndMoreThanOneIsRefused() {
        var bytes = segment(claiming: 4)
        bytes[bytes.count - 1] ^= 0x80
        guard case .damagedLastRecord(let kept, let damage) = decide(bytes) else {
            Issue.record("expected the last record cut, got \(decide(bytes))")
            return
        }
        #expect(kept == recovered(3) && damage.offset == offsets[3])
        guard case .refused(.damagedTail) = decide(bytes, isLast: false) else {
            Issue.record("only the last segment's last record may be cut")
            return
        }
        for index in offsets[2]..<bytes.count { bytes[index] = 0 }
        guard case .refused(.damagedTail(4, 2, let offset, _)) = decide(bytes) else {
            Issue.record("a zeroed tail of two records: expected a refusal, got \(decide(bytes))")
            return
        }
        #expect(offset == offsets[2])
    }

    @Test func swappedDuplicatedOrForeignFramesAreRefused() {
        let swapped = segment(claiming: 4, frames: [frames[0], frames[2], frames[1], frames[3]])
        guard case .refused(.rewritten(let expected, let found)) = decide(swapped) else {
            Issue.record("swapped: got \(decide(swapped))")
            return
        }
        #expect(expected.records == 4 && found.records == 4 && expected.checksum != found.checksum)
        let duplicated = segment(claiming: 4, frames: [frames[0], frames[0], frames[1], frames[2], frames[3]])
        guard case .refused(.rewritten) = decide(duplicated) else {
            Issue.record("duplicated: got \(decide(duplicated))")
            return
        }
        #expect(decide(segment(claiming: 4), number: 4) == .refused(.wrongSegment(named: 3)))
        var unreadable = segment(claiming: 4)
        unreadable[20] ^= 1
        #expect(decide(unreadable) == .refused(.headerDamaged))
        #expect(decide([]) == .refused(.headerCutShort(bytes: 0)))
    }

    @Test func afterAnotherBootOnlyTheLastCommitMayBeTorn() {
        let restarted = BootIdentity(bytes: Array(101...116))
        let torn = Array(segment(claiming: 4, older: 3).dropLast(2))
        guard case .tornTail(let kept, let damage, .machineRestarted) = decide(torn, now: restarted) else {
            Issue.record("expected the last commit cut, got \(decide(torn, now: restarted))")
            return
        }
        #expect(kept == recovered(3) && damage.offset == offsets[3])
        guard case .refused(.cutShort) = decide(torn) else {
            Issue.record("on the same boot nothing written can be lost: expected a refusal")
            return
        }
        let deeper = Array(segment(claiming: 4, older: 3).dropLast(frames[3].count + 1))
        guard case .refused(.cutShort) = decide(deeper, now: restarted) else {
            Issue.record("the older commit was synced: expected a refusal, got \(decide(deeper, now: restarted))")
            return
        }
        // An unknown boot is never the same one.
        let unknown = segment(claiming: 4, older: 3, boot: .unknown)
        guard case .tornTail(_, _, .machineRestarted) = decide(Array(unknown.dropLast(2)), now: .unknown) else {
            Issue.record("unknown boots: expected the last commit cut")
            return
        }
    }
}

@Suite("Journal manifest")
struct JournalManifestTests {
    @Test func aManifestRoundTripsAndAnyDamageIsSeen() {
        var manifest = JournalManifest()
        manifest.generation = 9
        manifest.currentSegment = 12
        manifest.snapshot = 10
        manifest.snapshotRecords = 4_321
        manifest.marks = HighWaterMarks([100_999, 100_999, 0, 101_999, 100])
        manifest.passedOver = HighWaterMarks([100_999])
        manifest.legacySegments = [.init(number: 11, records: 3, bytes: 90)]
        let bytes = manifest.encode()
        #expect(JournalManifest.decode(bytes) == .success(manifest))
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x04
            guard case .failure = JournalManifest.decode(damaged) else {
                Issue.record("a flipped bit at \(index) went unseen")
                continue
            }
        }
        guard case .failure(let problem) = JournalManifest.decode(Array(bytes.dropLast(30))) else {
            Issue.record("a manifest cut short went unseen")
            return
        }
        #expect(!problem.description.isEmpty)
    }
}
