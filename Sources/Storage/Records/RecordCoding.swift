/// Writes a record's fields as compact bytes: variable-length integers and length-prefixed
/// UTF-8, in a fixed order per record version. Hand-written because the journal must encode
/// hundreds of thousands of records a second and the toolchain's JSON coder is far slower.
struct RecordWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 128) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zig-zag, so small negative numbers stay short.
    mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    mutating func write(_ value: Int64) { write(Int(value)) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ value: Bool?) {
        bytes.append(value.map { $0 ? 1 : 0 } ?? 2)
    }
}

/// Reads what `RecordWriter` wrote; every read fails cleanly on truncated or malformed bytes
/// so a damaged record is reported, never trusted.
struct RecordReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readUInt64() throws(RecordDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw .malformed("integer runs past the record") }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func readInt() throws(RecordDecodingError) -> Int {
        let raw = try readUInt64()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func readInt64() throws(RecordDecodingError) -> Int64 { Int64(try readInt()) }

    mutating func readBool() throws(RecordDecodingError) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw .malformed("expected a yes/no byte") }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func readString() throws(RecordDecodingError) -> String {
        let count = try readUInt64()
        guard count <= UInt64(bytes.count - offset) else { throw .malformed("text runs past the record") }
        let start = offset, end = offset + Int(count)
        let text = bytes.withUnsafeBufferPointer { all -> String? in
            let utf8 = UnsafeBufferPointer(rebasing: all[start..<end])
            // ASCII (most fields) is valid UTF-8 as it stands: `String(validating:)` looks up
            // generic metadata on every call, which was a good part of a start's decoding.
            if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
            return String(validating: utf8, as: UTF8.self)
        }
        guard let text else { throw .malformed("text is not UTF-8") }
        offset = end
        return text
    }

    mutating func readOptionalString() throws(RecordDecodingError) -> String? {
        try readBool() ? try readString() : nil
    }

    mutating func readOptionalInt() throws(RecordDecodingError) -> Int? {
        try readBool() ? try readInt() : nil
    }

    mutating func readOptionalBool() throws(RecordDecodingError) -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 2 else { throw .malformed("expected a yes/no/unknown byte") }
        offset += 1
        return bytes[offset - 1] == 2 ? nil : bytes[offset - 1] == 1
    }
}

/// Why stored bytes could not be read back as a record.
public enum RecordDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case unknownType(UInt8)
    case unknownVersion(type: UInt8, version: UInt8)

    public var description: String {
        switch self {
        case .malformed(let what): return "malformed record: \(what)"
        case .unknownType(let type): return "unknown record type \(type) (written by a newer HotelLine?)"
        case .unknownVersion(let type, let version): return "record type \(type) has unknown version \(version) (written by a newer HotelLine?)"
        }
    }
}
