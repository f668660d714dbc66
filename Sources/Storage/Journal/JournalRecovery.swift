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
    /// Records that may have been acknowledged were cut (their bytes kept aside): a damaged
    /// last record, or a torn tail of a segment without a header, where a bit gone bad in
    /// an acknowledged record looks the same as a torn write. The numbers they may have
    /// carried must not be given out again: `passedOver` bounds them (raised before the
    /// cut), and for an old journal without marks the layer above passes over what it can.
    public var cutTail = false
    /// The high-water marks the journal holds (see `HighWaterMarks`): at least every mark
    /// raised before any record it holds or held was written.
    public var marks = HighWaterMarks()
    /// The marks as they stood when records were last lost (cut, repaired away, or gone
    /// with a file): nothing up to them may be handed out again.
    public var passedOver = HighWaterMarks()

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
