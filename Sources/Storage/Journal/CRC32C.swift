import CSystem

/// CRC-32C (Castagnoli), the checksum of every journal frame.
///
/// Promises the standard reflected CRC-32C (polynomial 0x1EDC6F41, as used by iSCSI, ext4
/// and LevelDB): `checksum("123456789") == 0xE3069283`, `checksum([]) == 0`. Results chain:
/// `checksum(b, continuing: checksum(a)) == checksum(a + b)`, so a frame's type, version
/// and payload are summed without first copying them together.
///
/// With the CPU's CRC-32C instruction where there is one (SSE4.2, through the C shim: about
/// ten times faster, which matters because the journal's writer checksums every record
/// between two syncs); otherwise table-driven, slicing-by-8: eight bytes per step from
/// eight 256-entry tables. Both give the same values (tested). Castagnoli rather than the
/// zlib polynomial because it detects more burst errors at our record sizes.
public enum CRC32C {
    /// Whether this CPU computes CRC-32C itself; checked once.
    static let hasInstruction = csystem_crc32c_available() != 0

    /// The reflected Castagnoli polynomial.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// Eight tables of 256 entries, flat: table `k` starts at `k * 256`. Table 0 is the
    /// classic byte-at-a-time table; table `k` advances a byte through `k` more zero bytes.
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1
            }
            tables[byte] = crc
        }
        for table in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(table - 1) * 256 + byte]
                tables[table * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The checksum of `bytes`, continuing from the checksum of what came before them.
    public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        guard hasInstruction, let base = bytes.baseAddress else { return tableChecksum(bytes, continuing: previous) }
        return ~csystem_crc32c(~previous, base, UInt(bytes.count))
    }

    /// The table-driven checksum: the fallback, and the reference the instruction is tested against.
    static func tableChecksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        var crc = ~previous
        guard var pointer = bytes.baseAddress else { return previous }
        var remaining = bytes.count
        tables.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            while remaining >= 8 {
                let word = UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
                let low = UInt32(truncatingIfNeeded: word) ^ crc
                let high = UInt32(truncatingIfNeeded: word >> 32)
                crc = t[7 * 256 + Int(low & 0xFF)]
                    ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)]
                    ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)]
                    ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((high >> 16) & 0xFF)]
                    ^ t[Int(high >> 24)]
                pointer += 8
                remaining -= 8
            }
            while remaining > 0 {
                let byte = pointer.load(as: UInt8.self)
                crc = (crc >> 8) ^ t[Int((crc ^ UInt32(byte)) & 0xFF)]
                pointer += 1
                remaining -= 1
            }
        }
        return ~crc
    }

    /// The checksum of `bytes`, continuing from the checksum of what came before them.
    public static func checksum(_ bytes: [UInt8], continuing previous: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, continuing: previous) }
    }
}
