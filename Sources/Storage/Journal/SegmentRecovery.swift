/// Decides what opening the journal does with one segment's bytes: keep them, cut a torn
/// tail, cut a damaged last record, or stop because acknowledged records are damaged or gone.
///
/// Pure (bytes in, verdict out), so every rule is tested without files.
///
/// **Segments with a header** (this version's, see `SegmentHeader`): the header's claim says
/// how many records the segment held when it was last synced, so nothing acknowledged can
/// go missing unseen. Past the claim, a torn tail of the last segment was never acknowledged
/// and is cut. Within it, the records must be exactly those claimed (their count, their
/// length and one checksum over them all, so a duplicated or swapped frame shows too). The
/// one loss the start carries on from is a damaged last claimed record of the last segment
/// (a bit gone bad at the end): it is cut with a note, and the numbers it may have carried
/// are passed over. Fewer bytes than claimed (a segment cut short, even at a frame boundary),
/// more than one damaged record at the end (a zeroed tail), or damage in an earlier segment
/// stop the start. After the machine restarted, the last commit may be torn by the power
/// cut itself, and is cut like a torn write.
///
/// **Segments without one** (written by an earlier version): only the last segment may end
/// in damage, and only when nothing intact follows; that tail is cut (it may be a torn write,
/// or an acknowledged record gone bad: the caller passes over its numbers). Damage with
/// intact records after it, or in any earlier segment, stops the start.
enum SegmentRecovery {
    /// The verdict on one segment.
    enum Outcome: Equatable {
        /// Every byte belongs to an intact record (an empty segment included).
        case intact(records: [RecoveredRecord])
        /// Intact records, then a torn write to cut at `damage.offset`.
        case tornTail(records: [RecoveredRecord], damage: SegmentDamage, cause: TornCause)
        /// The last record the header claims fails its check: cut it at `damage.offset`.
        case damagedLastRecord(records: [RecoveredRecord], damage: SegmentDamage)
        /// Damage with intact records after it, or where no crash explains it; `records`
        /// are those before it.
        case corrupt(records: [RecoveredRecord], damage: SegmentDamage)
        /// Acknowledged records are missing or not as written.
        case refused(Refusal)
    }

    /// Why a torn tail is there, which says whether it could hold acknowledged records.
    enum TornCause: Equatable {
        /// A segment without a header: a crash mid-write, or an acknowledged record gone bad.
        case unknown
        /// Past the header's claim: written, never acknowledged.
        case pastTheClaim
        /// The last commit before the machine restarted, never acknowledged.
        case machineRestarted
    }

    /// Why a segment with a header stops the start.
    enum Refusal: Equatable {
        /// The file ends before the claim: `found` intact records in `foundBytes` frame bytes.
        case cutShort(expected: SegmentHeader.Claim, found: Int, foundBytes: Int)
        /// Damage from `offset` to the end, in claimed records: `intact` of `expected` are left.
        case damagedTail(expected: Int, intact: Int, offset: Int, problem: FrameCheck)
        /// Every frame is intact but they are not what the header claims.
        case rewritten(expected: SegmentHeader.Claim, found: SegmentHeader.Claim)
        /// Bytes after the claim in a segment the writer has left (it never writes there).
        case trailing(offset: Int, bytes: Int)
        /// Both header slots fail their checks.
        case headerDamaged
        /// The file ends inside its header, and no slot survives: emptied or cut to almost nothing.
        case headerCutShort(bytes: Int)
        /// The header names another segment (files renamed or swapped).
        case wrongSegment(named: Int)
    }

    /// A record and the offset of its frame in the file.
    struct RecoveredRecord: Equatable {
        let record: JournalRecord
        let offset: Int

        var end: Int { offset + JournalFrame.headerSize + record.payload.count }
    }

    // MARK: - Segments without a header

    static func decide(bytes: [UInt8], isLastSegment: Bool) -> Outcome {
        var scanner = SegmentScanner(bytes: bytes)
        var records: [RecoveredRecord] = []
        while let event = scanner.next() {
            switch event {
            case .record(let record, let offset):
                records.append(RecoveredRecord(record: record, offset: offset))
            case .damage(let damage):
                if isLastSegment && damage.reachesEnd {
                    return .tornTail(records: records, damage: damage, cause: .unknown)
                }
                return .corrupt(records: records, damage: damage)
            }
        }
        return .intact(records: records)
    }

    // MARK: - Segments with a header

    /// The verdict on segment `segment` with header `header`, read on the boot `boot`.
    static func decide(
        bytes: [UInt8], header: SegmentHeader.Reading, segment: Int, isLastSegment: Bool, boot: BootIdentity
    ) -> Outcome {
        guard let newest = header.newest else {
            return .refused(bytes.count < SegmentHeader.size ? .headerCutShort(bytes: bytes.count) : .headerDamaged)
        }
        guard newest.segment == segment else { return .refused(.wrongSegment(named: newest.segment)) }
        let claim = newest.claim
        // After another boot, only the older slot's claim was surely synced (unless it claims
        // more: then the newer one cut the segment back, at a start, and holds).
        let restarted = isLastSegment && !newest.boot.isSameBoot(as: boot)
        let durable = restarted ? header.older.map { $0.claim.bytes <= claim.bytes ? $0.claim : claim } ?? claim : claim

        var scanner = SegmentScanner(bytes: bytes, from: SegmentHeader.size)
        var records: [RecoveredRecord] = []
        var damage: SegmentDamage?
        while damage == nil, let event = scanner.next() {
            switch event {
            case .record(let record, let offset): records.append(RecoveredRecord(record: record, offset: offset))
            case .damage(let found): damage = found
            }
        }
        let intactEnd = damage?.offset ?? max(bytes.count, SegmentHeader.size)
        let claimEnd = SegmentHeader.size + claim.bytes
        if intactEnd >= claimEnd {
            if let mismatch = mismatch(records, bytes, claim) { return .refused(mismatch) }
            guard isLastSegment else {
                // The writer never writes past the claim of a segment it has left.
                if bytes.count > claimEnd { return .refused(.trailing(offset: claimEnd, bytes: bytes.count - claimEnd)) }
                return .intact(records: records)
            }
            guard let damage else { return .intact(records: records) }
            return damage.reachesEnd
                ? .tornTail(records: records, damage: damage, cause: .pastTheClaim)
                : .corrupt(records: records, damage: damage)
        }
        // The intact records end inside the claim.
        if restarted, intactEnd >= SegmentHeader.size + durable.bytes, damage?.reachesEnd ?? true,
           mismatch(records, bytes, durable) == nil {
            let tail = damage ?? SegmentDamage(offset: bytes.count, length: 0, problem: .headerCutShort(available: 0), reachesEnd: true)
            return .tornTail(records: records, damage: tail, cause: .machineRestarted)
        }
        guard bytes.count >= claimEnd, let damage else {
            if claim.records == 0 { return .intact(records: records) }
            return .refused(.cutShort(expected: claim, found: records.count, foundBytes: max(0, bytes.count - SegmentHeader.size)))
        }
        guard damage.reachesEnd else { return .corrupt(records: records, damage: damage) }
        if isLastSegment && records.count == claim.records - 1 {
            return .damagedLastRecord(records: records, damage: damage)
        }
        return .refused(.damagedTail(expected: claim.records, intact: records.count, offset: damage.offset, problem: damage.problem))
    }

    /// What is wrong with `records` against `claim` (their count, where they end and one
    /// checksum over their bytes), nil when they are exactly what it says.
    private static func mismatch(_ records: [RecoveredRecord], _ bytes: [UInt8], _ claim: SegmentHeader.Claim) -> Refusal? {
        let claimEnd = SegmentHeader.size + claim.bytes
        let count = records.prefix { $0.end <= claimEnd }.count
        let end = count == 0 ? SegmentHeader.size : records[count - 1].end
        // A header cut short (a crash while starting the segment) holds no frames at all.
        let checksum = end <= SegmentHeader.size ? 0
            : bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[SegmentHeader.size..<end])) }
        let found = SegmentHeader.Claim(records: count, bytes: end - SegmentHeader.size, checksum: checksum)
        return found == claim ? nil : .rewritten(expected: claim, found: found)
    }
}

extension SegmentRecovery.Refusal {
    /// The refusal as the reason in an error, and whether it is a segment cut short.
    var reason: String {
        switch self {
        case .cutShort(let expected, _, let foundBytes):
            "the segment was cut short (it ends at byte \(SegmentHeader.size + foundBytes), its header says "
                + "\(SegmentHeader.size + expected.bytes))"
        case .damagedTail(let expected, let intact, let offset, let problem):
            "the last \(expected - intact) are damaged from offset \(offset) to the end (\(problem)), which no torn "
                + "write explains"
        case .rewritten(let expected, let found):
            "its records are not the ones written: its header counts \(expected), with checksum "
                + "\(FrameCheck.hex(expected.checksum)), and it holds \(found), with checksum \(FrameCheck.hex(found.checksum)) "
                + "(records duplicated, swapped or rewritten)"
        case .trailing(_, let bytes):
            "\(bytes) bytes after the last record its header counts, in a segment no longer written to"
        case .headerDamaged:
            "both copies of its header fail their checks, so what it held cannot be told"
        case .headerCutShort(let bytes):
            "the segment was cut short inside its header (\(bytes) of \(SegmentHeader.size) bytes), so what it held "
                + "cannot be told"
        case .wrongSegment(let named):
            "its header says it is segment \(named) (files renamed or swapped)"
        }
    }

    /// The byte offset the refusal points at.
    var offset: Int {
        switch self {
        case .cutShort(let expected, _, _): SegmentHeader.size + expected.bytes
        case .damagedTail(_, _, let offset, _): offset
        case .rewritten: SegmentHeader.size
        case .trailing(let offset, _): offset
        case .headerDamaged, .wrongSegment: 0
        case .headerCutShort(let bytes): bytes
        }
    }
}
