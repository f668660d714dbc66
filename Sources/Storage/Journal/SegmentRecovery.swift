/// Decides what opening the journal does with one segment's bytes: keep them, cut a torn
/// tail, or stop because acknowledged data may be damaged.
///
/// Pure (bytes in, verdict out). The rule: only the last segment may end in damage, and
/// only when nothing intact follows it. That is what a crash during a write leaves behind,
/// and those bytes were never acknowledged, so cutting them loses nothing a guest was told.
/// Damage with intact records after it, or in any earlier segment, is not explained by a
/// crash: opening stops and points at `Journal.repair`.
enum SegmentRecovery {
    /// The verdict on one segment.
    enum Outcome: Equatable {
        /// Every byte belongs to an intact record (an empty segment included).
        case intact(records: [RecoveredRecord])
        /// Intact records, then a torn write to cut at `damage.offset`.
        case tornTail(records: [RecoveredRecord], damage: SegmentDamage)
        /// Damage that cutting cannot fix; `records` are those before it.
        case corrupt(records: [RecoveredRecord], damage: SegmentDamage)
    }

    /// A record and the offset of its frame in the segment.
    struct RecoveredRecord: Equatable {
        let record: JournalRecord
        let offset: Int
    }

    static func decide(bytes: [UInt8], isLastSegment: Bool) -> Outcome {
        var scanner = SegmentScanner(bytes: bytes)
        var records: [RecoveredRecord] = []
        while let event = scanner.next() {
            switch event {
            case .record(let record, let offset):
                records.append(RecoveredRecord(record: record, offset: offset))
            case .damage(let damage):
                if isLastSegment && damage.reachesEnd {
                    return .tornTail(records: records, damage: damage)
                }
                return .corrupt(records: records, damage: damage)
            }
        }
        return .intact(records: records)
    }
}
