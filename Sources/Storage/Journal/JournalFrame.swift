/// The on-disk framing of one record, and the check that tells a whole frame from damage.
///
/// A frame is `[UInt32 LE payload length][UInt32 LE CRC-32C][UInt8 type][UInt8 version]
/// [payload]`, the checksum covering type, version and payload. The length is bounded by
/// `maximumPayloadSize`, so a damaged length can never make a reader allocate gigabytes.
/// This layout is the journal's file format: changing it makes old journals unreadable.
public enum JournalFrame {
    /// Bytes before the payload: length, checksum, type, version.
    public static let headerSize = 10
    /// The largest payload a frame may carry (1 MiB). Part of the format, not an option:
    /// a reader must reject exactly what any writer could never have written.
    public static let maximumPayloadSize = 1 << 20

    /// Appends the frame of `record` to `buffer`. The caller has checked the payload size.
    static func encode(_ record: JournalRecord, into buffer: inout [UInt8]) {
        precondition(record.payload.count <= maximumPayloadSize, "journal record exceeds the frame limit")
        let length = UInt32(record.payload.count)
        let crc = checksum(type: record.type, version: record.version, payload: record.payload)
        withUnsafeBytes(of: length.littleEndian) { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: crc.littleEndian) { buffer.append(contentsOf: $0) }
        buffer.append(record.type)
        buffer.append(record.version)
        buffer.append(contentsOf: record.payload)
    }

    /// The frame of `record` on its own (tests and tools; the writer encodes in place).
    static func encode(_ record: JournalRecord) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(headerSize + record.payload.count)
        encode(record, into: &buffer)
        return buffer
    }

    static func checksum(type: UInt8, version: UInt8, payload: UnsafeRawBufferPointer) -> UInt32 {
        let tag = withUnsafeBytes(of: (type, version)) { CRC32C.checksum($0) }
        return CRC32C.checksum(payload, continuing: tag)
    }

    static func checksum(type: UInt8, version: UInt8, payload: [UInt8]) -> UInt32 {
        payload.withUnsafeBytes { checksum(type: type, version: version, payload: $0) }
    }

    /// Whether a whole, intact frame starts at `offset` of `bytes`, and if not, why not.
    /// Allocation-free, so a scan can try it at every byte offset while resynchronising.
    static func check(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> FrameCheck {
        let available = bytes.count - offset
        guard available >= headerSize else { return .headerCutShort(available: available) }
        let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        guard length <= maximumPayloadSize else { return .lengthTooLarge(length: length) }
        guard available - headerSize >= length else {
            return .payloadCutShort(length: length, available: available - headerSize)
        }
        let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        let payload = UnsafeRawBufferPointer(rebasing: bytes[(offset + headerSize)..<(offset + headerSize + length)])
        let computed = checksum(type: bytes[offset + 8], version: bytes[offset + 9], payload: payload)
        guard stored == computed else { return .checksumMismatch(stored: stored, computed: computed) }
        return .intact(frameLength: headerSize + length)
    }

    /// The length of the frame at `offset` if its header and payload lie within `bytes`,
    /// without computing its checksum: for bytes a checksum over all of them (a snapshot's
    /// body) has already verified, where a second pass would only double the reading time.
    static func length(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int? {
        guard bytes.count - offset >= headerSize else { return nil }
        let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        guard length <= maximumPayloadSize, bytes.count - offset - headerSize >= length else { return nil }
        return headerSize + length
    }

    /// The record of the frame at `offset`, which `check` has found intact.
    static func record(_ bytes: UnsafeRawBufferPointer, at offset: Int, frameLength: Int) -> JournalRecord {
        JournalRecord(
            type: bytes[offset + 8],
            version: bytes[offset + 9],
            payload: Array(bytes[(offset + headerSize)..<(offset + frameLength)])
        )
    }
}

/// The verdict on the bytes at one offset: a whole frame, or the one thing wrong with them.
enum FrameCheck: Equatable, CustomStringConvertible {
    /// A whole frame whose checksum matches; the next frame starts `frameLength` bytes on.
    case intact(frameLength: Int)
    /// Fewer bytes remain than a frame header needs.
    case headerCutShort(available: Int)
    /// The length field exceeds `JournalFrame.maximumPayloadSize`: garbage, not a record.
    case lengthTooLarge(length: Int)
    /// The header promises more payload than the file holds.
    case payloadCutShort(length: Int, available: Int)
    /// Every byte is there but the checksum disagrees.
    case checksumMismatch(stored: UInt32, computed: UInt32)

    var description: String {
        switch self {
        case .intact(let frameLength):
            "intact record of \(frameLength) bytes"
        case .headerCutShort(let available):
            "record header cut short (\(available) of \(JournalFrame.headerSize) bytes)"
        case .lengthTooLarge(let length):
            "record length \(length) exceeds the \(JournalFrame.maximumPayloadSize)-byte limit"
        case .payloadCutShort(let length, let available):
            "record cut short (header says \(length) payload bytes, \(available) remain)"
        case .checksumMismatch(let stored, let computed):
            "checksum mismatch (stored \(Self.hex(stored)), computed \(Self.hex(computed)))"
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
