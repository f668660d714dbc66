/// One entry of the journal: an opaque payload tagged with the record layer's type and
/// format version.
///
/// The journal never interprets `type`, `version` or `payload`; it promises only to give
/// back, after a crash, exactly the bytes of every record it acknowledged as durable, in
/// the order they were appended. Meaning (and rejecting an unknown type or version with
/// `JournalError.unknownRecord`) belongs to the record layer above.
public struct JournalRecord: Sendable, Equatable {
    /// What kind of record this is, as the layer above numbers them.
    public var type: UInt8
    /// The format version of that kind, so old journals stay readable after a change.
    public var version: UInt8
    /// The encoded record, at most `JournalFrame.maximumPayloadSize` bytes.
    public var payload: [UInt8]

    public init(type: UInt8, version: UInt8, payload: [UInt8]) {
        self.type = type
        self.version = version
        self.payload = payload
    }
}

/// Where a recovered record sits on disk: its segment file and the byte offset of its frame.
///
/// Kept for every recovered record so that an error raised later by the record layer
/// (an unknown type, a payload that does not decode) can point at the exact bytes.
public struct JournalLocation: Sendable, Equatable, CustomStringConvertible {
    /// The segment file, as `directory/NNNNNN.seg`.
    public let path: String
    /// The segment's number (the `NNNNNN` of its name).
    public let segment: Int
    /// The offset of the record's frame header inside the segment.
    public let offset: Int

    public init(path: String, segment: Int, offset: Int) {
        self.path = path
        self.segment = segment
        self.offset = offset
    }

    public var description: String { "\(path): offset \(offset)" }
}
