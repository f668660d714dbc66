/// What opening the journal found: every intact record in order, where each one lies,
/// and notes on anything recovery did (a torn tail cut, an empty segment).
///
/// `records[i]` was read from `locations[i]` (parallel arrays, so `records` stays a plain
/// list for the common replay loop). Every record acknowledged as durable before the last
/// stop is in `records`; records never acknowledged may be there too, or not.
public struct JournalRecovery: Sendable {
    /// Every intact record of the segments read, in append order.
    public var records: [JournalRecord]
    /// Where each record lies, index for index with `records`.
    public var locations: [JournalLocation]
    /// One sentence per thing worth telling an operator, each starting with the path.
    public var notes: [String]

    public init(records: [JournalRecord] = [], locations: [JournalLocation] = [], notes: [String] = []) {
        self.records = records
        self.locations = locations
        self.notes = notes
    }

    /// The error the record layer raises when it cannot read `records[index]`.
    public func unknownRecordError(at index: Int) -> JournalError {
        let record = records[index]
        let location = locations[index]
        return .unknownRecord(type: record.type, version: record.version, path: location.path, offset: location.offset)
    }
}

/// Reads the segments of a journal directory at open, applying `SegmentRecovery`'s verdict
/// to each: records collected, a torn tail cut (durably) and noted, corruption thrown.
struct JournalRecoveryRun {
    let directory: String
    let fileSystem: JournalFileSystem
    let startSegment: Int

    /// The recovery, and the last segment read with its size after any cut (nil if none).
    func run() throws -> (recovery: JournalRecovery, last: (segment: Int, size: Int)?) {
        let segments = try JournalSegments.list(directory, fileSystem: fileSystem).filter { $0 >= startSegment }
        var recovery = JournalRecovery()
        var last: (segment: Int, size: Int)?
        for segment in segments {
            let path = JournalSegments.path(directory, segment)
            let bytes = try fileSystem.readFile(path)
            var size = bytes.count
            if bytes.isEmpty { recovery.notes.append("\(path): empty segment, nothing to recover") }
            let isLast = segment == segments.last
            switch SegmentRecovery.decide(bytes: bytes, isLastSegment: isLast) {
            case .intact(let records):
                keep(records, segment: segment, path: path, in: &recovery)
            case .tornTail(let records, let damage):
                keep(records, segment: segment, path: path, in: &recovery)
                try cut(path, at: damage.offset)
                size = damage.offset
                recovery.notes.append(
                    "\(path): cut a torn record at offset \(damage.offset) (\(damage.length) bytes: \(damage.problem))"
                )
            case .corrupt(_, let damage):
                throw JournalError.corrupt(path: path, offset: damage.offset, reason: Self.reason(damage))
            }
            last = (segment, size)
        }
        if !segments.isEmpty {
            let range = segments.count == 1 ? "segment \(segments[0])" : "segments \(segments[0])-\(segments.last!)"
            recovery.notes.append("\(directory): recovered \(recovery.records.count) records from \(range)")
        }
        return (recovery, last)
    }

    private func keep(_ records: [SegmentRecovery.RecoveredRecord], segment: Int, path: String, in recovery: inout JournalRecovery) {
        recovery.records.reserveCapacity(recovery.records.count + records.count)
        for recovered in records {
            recovery.records.append(recovered.record)
            recovery.locations.append(JournalLocation(path: path, segment: segment, offset: recovered.offset))
        }
    }

    /// Cuts a torn tail and makes the cut durable, so the torn bytes cannot reappear and
    /// the next append starts right after the last intact record.
    private func cut(_ path: String, at offset: Int) throws {
        let file = try fileSystem.open(path, .append)
        defer { fileSystem.close(file) }
        try fileSystem.truncate(file, to: offset)
        try fileSystem.synchronize(file)
    }

    /// Why damage stops the open, saying what rules out a torn write.
    private static func reason(_ damage: SegmentDamage) -> String {
        let after = damage.reachesEnd
            ? "at the end of a segment that is not the last"
            : "followed by intact records at offset \(damage.offset + damage.length)"
        return "\(damage.problem), \(after)"
    }
}
