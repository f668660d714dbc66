/// Walks the bytes of one segment frame by frame: intact records out, damaged regions out.
///
/// A value with no I/O: bytes in, events out, so recovery and repair are tested without
/// files. At a frame that does not check out it resynchronises byte by byte to the next
/// offset where a whole frame with a matching checksum starts (in time linear in the bytes
/// skipped, see `FrameFinder`), and reports the bytes in between as one damaged region (or
/// everything to the end, if nothing intact follows).
/// Recovery and repair then apply different policies to the same events.
struct SegmentScanner {
    /// One step of the scan.
    enum Event: Equatable {
        /// An intact record whose frame starts at `offset`.
        case record(JournalRecord, offset: Int)
        /// Bytes that are no record.
        case damage(SegmentDamage)
    }

    private let bytes: [UInt8]
    /// Where the next frame is expected.
    private var offset = 0
    /// Finds the frame after damage; made at the first damage and kept, so the bytes of
    /// every damaged region go through the checksum once in all (see `FrameFinder`).
    private var finder: FrameFinder?

    /// A scan of `bytes` whose first frame starts at `start` (after a segment's header).
    init(bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        self.offset = start
    }

    /// The next record or damaged region, or nil at the end of the bytes.
    mutating func next() -> Event? {
        guard offset < bytes.count else { return nil }
        let start = offset
        return bytes.withUnsafeBytes { raw in
            switch JournalFrame.check(raw, at: start) {
            case .intact(let frameLength):
                offset = start + frameLength
                return .record(JournalFrame.record(raw, at: start, frameLength: frameLength), offset: start)
            case let problem:
                let resume = nextIntactFrame(raw, after: start) ?? raw.count
                offset = resume
                return .damage(SegmentDamage(
                    offset: start, length: resume - start, problem: problem, reachesEnd: resume == raw.count
                ))
            }
        }
    }

    /// The first offset after `start` where an intact frame begins, if any.
    private mutating func nextIntactFrame(_ raw: UnsafeRawBufferPointer, after start: Int) -> Int? {
        if finder == nil { finder = FrameFinder(firstCandidate: start + 1, count: raw.count) }
        return finder!.nextIntactFrame(in: raw, from: start + 1)
    }

    /// Bytes run through the checksum to resynchronise after damage, so far.
    var resyncChecksummedBytes: Int { finder?.checksummedBytes ?? 0 }
}

/// A run of bytes in a segment that holds no intact frame.
struct SegmentDamage: Equatable {
    /// Where the first frame that failed its check starts.
    let offset: Int
    /// How many bytes up to the next intact frame (or the end of the segment).
    let length: Int
    /// What was wrong with the frame at `offset`.
    let problem: FrameCheck
    /// True when no intact frame follows: the damage is the segment's tail.
    let reachesEnd: Bool
}

extension SegmentScanner {
    /// Every intact record of `bytes` and every damaged region between them: repair's view,
    /// which keeps going where recovery stops.
    static func salvage(_ bytes: [UInt8], from start: Int = 0) -> (records: [JournalRecord], damages: [SegmentDamage]) {
        var scanner = SegmentScanner(bytes: bytes, from: start)
        var records: [JournalRecord] = []
        var damages: [SegmentDamage] = []
        while let event = scanner.next() {
            switch event {
            case .record(let record, _): records.append(record)
            case .damage(let damage): damages.append(damage)
            }
        }
        return (records, damages)
    }
}
