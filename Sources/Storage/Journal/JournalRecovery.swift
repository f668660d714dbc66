/// What opening the journal found: every intact record in order (the newest snapshot's,
/// then the segments' after it), where each one lies, and notes on anything recovery did
/// (a torn tail cut, a damaged snapshot passed over, an interrupted snapshot finished).
///
/// `records[i]` was read from `locations[i]` (parallel arrays, so `records` stays a plain
/// list for the common replay loop). Every record acknowledged as durable before the last
/// stop is in `records`; records never acknowledged may be there too, or not.
public struct JournalRecovery: Sendable {
    /// Every record of the snapshot and the segments read, in append order.
    public var records: [JournalRecord]
    /// Where each record lies, index for index with `records`.
    public var locations: [JournalLocation]
    /// One sentence per thing worth telling an operator, each starting with the path.
    public var notes: [String]
    /// A torn tail was cut off the last segment (its bytes kept aside). A crash during a
    /// write leaves such a tail, and those records were never acknowledged; but a bit gone
    /// bad in the last record, acknowledged long ago, looks the same. So the numbers that
    /// record may have carried should not be given out again.
    public var cutTail = false

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
