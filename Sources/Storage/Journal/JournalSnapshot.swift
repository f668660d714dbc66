/// The on-disk format of a snapshot: every live record as of a segment boundary, in one
/// file that replaces the segments it covers.
///
/// `snapshot-NNNNNN.snap` holds a 44-byte header, then the body:
///
///     [8] magic "HLSNAPSH"   [4] format version (LE)      [8] covered-through segment N
///     [8] record count       [8] body length in bytes     [4] CRC-32C of the body
///     [4] CRC-32C of the 40 header bytes before it
///
/// The body is the records framed exactly like segment records (`JournalFrame`), so the
/// same scanner reads both and `repair` can salvage a damaged body frame by frame. A
/// snapshot named N stands for every record appended to segments 1…N; recovery reads it,
/// then segments N+1 onwards. Changing this layout makes old snapshots unreadable: add a
/// format version instead.
enum JournalSnapshot {
    static let magic: [UInt8] = Array("HLSNAPSH".utf8)
    static let formatVersion: UInt32 = 1
    static let headerSize = 44
    static let prefix = "snapshot-"
    static let suffix = ".snap"
    /// A snapshot being written; renamed to its final name only once synced.
    static let temporarySuffix = ".snap.tmp"

    static func name(_ covered: Int) -> String {
        prefix + JournalSegments.digits(covered) + suffix
    }

    static func path(_ directory: String, _ covered: Int) -> String {
        JournalSegments.join(directory, name(covered))
    }

    /// The covered-through segment of a snapshot file name, or nil for any other name.
    static func number(of fileName: String) -> Int? {
        guard fileName.hasPrefix(prefix), fileName.hasSuffix(suffix) else { return nil }
        return JournalSegments.number(stem: fileName.dropFirst(prefix.count).dropLast(suffix.count))
    }

    // MARK: - Writing

    /// The whole file for `records` covering segments through `covered`. Throws
    /// `recordTooLarge` for a payload no frame may carry (nothing is written then).
    static func encode(_ records: [JournalRecord], covered: Int, directory: String) throws(JournalError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: headerSize)
        bytes.reserveCapacity(headerSize + records.reduce(0) { $0 + JournalFrame.headerSize + $1.payload.count })
        for record in records {
            guard record.payload.count <= JournalFrame.maximumPayloadSize else {
                throw .recordTooLarge(directory: directory, size: record.payload.count, limit: JournalFrame.maximumPayloadSize)
            }
            JournalFrame.encode(record, into: &bytes)
        }
        let bodyChecksum = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        var header = magic
        append(formatVersion, to: &header)
        append(UInt64(covered), to: &header)
        append(UInt64(records.count), to: &header)
        append(UInt64(bytes.count - headerSize), to: &header)
        append(bodyChecksum, to: &header)
        append(CRC32C.checksum(header), to: &header)
        bytes.replaceSubrange(0..<headerSize, with: header)
        return bytes
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    // MARK: - Reading

    /// What a snapshot file turned out to be.
    enum Verdict {
        /// Header and body verify; each record with the offset of its frame in the file.
        case verified(records: [SegmentRecovery.RecoveredRecord])
        /// Why the file cannot be trusted, as a phrase for an error message.
        case damaged(problem: String)
    }

    /// Checks `bytes`, read from the snapshot named for segment `covered`, and reads its records.
    static func read(_ bytes: [UInt8], covered: Int) -> Verdict {
        bytes.withUnsafeBytes { raw in
            guard raw.count >= headerSize else {
                return .damaged(problem: "header cut short (\(raw.count) of \(headerSize) bytes)")
            }
            guard raw.prefix(magic.count).elementsEqual(magic) else {
                return .damaged(problem: "not a snapshot (the file does not start with \"HLSNAPSH\")")
            }
            let storedHeaderChecksum = load(UInt32.self, raw, 40)
            let headerChecksum = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[..<40]))
            guard storedHeaderChecksum == headerChecksum else {
                return .damaged(problem: "header " + mismatch(stored: storedHeaderChecksum, computed: headerChecksum))
            }
            let version = load(UInt32.self, raw, 8)
            guard version == formatVersion else {
                return .damaged(problem: "format version \(version), and this hotelline reads version \(formatVersion) "
                    + "(written by a newer hotelline?)")
            }
            let named = load(UInt64.self, raw, 12)
            guard named == UInt64(covered) else {
                return .damaged(problem: "covers segment \(named) but is named for segment \(covered)")
            }
            let bodyLength = load(UInt64.self, raw, 28)
            guard bodyLength == UInt64(raw.count - headerSize) else {
                return .damaged(problem: "header says \(bodyLength) body bytes, the file holds \(raw.count - headerSize)")
            }
            let body = UnsafeRawBufferPointer(rebasing: raw[headerSize...])
            let storedBodyChecksum = load(UInt32.self, raw, 36)
            let bodyChecksum = CRC32C.checksum(body)
            guard storedBodyChecksum == bodyChecksum else {
                return .damaged(problem: mismatch(stored: storedBodyChecksum, computed: bodyChecksum))
            }
            return records(raw, expected: load(UInt64.self, raw, 20))
        }
    }

    /// The frames of a body whose checksum matched: their own checksums are covered by it,
    /// so only their lengths are checked (against the body and the record count).
    private static func records(_ raw: UnsafeRawBufferPointer, expected: UInt64) -> Verdict {
        var records: [SegmentRecovery.RecoveredRecord] = []
        records.reserveCapacity(Int(min(expected, UInt64(raw.count / JournalFrame.headerSize))))
        var offset = headerSize
        while offset < raw.count {
            guard let frameLength = JournalFrame.length(raw, at: offset) else {
                return .damaged(problem: "record at offset \(offset): \(JournalFrame.check(raw, at: offset))")
            }
            records.append(.init(record: JournalFrame.record(raw, at: offset, frameLength: frameLength), offset: offset))
            offset += frameLength
        }
        guard UInt64(records.count) == expected else {
            return .damaged(problem: "header says \(expected) records, the body holds \(records.count)")
        }
        return .verified(records: records)
    }

    private static func load<T: FixedWidthInteger>(_ type: T.Type, _ raw: UnsafeRawBufferPointer, _ offset: Int) -> T {
        T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    private static func mismatch(stored: UInt32, computed: UInt32) -> String {
        FrameCheck.checksumMismatch(stored: stored, computed: computed).description
    }
}
