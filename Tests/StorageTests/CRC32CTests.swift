import HotelCalendar
import Testing
@testable import Storage

@Suite("CRC-32C")
struct CRC32CTests {
    @Test func knownVectors() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([]) == 0)
        // RFC 3720 (iSCSI) appendix B.4: 32 bytes of zeros, and of 0xFF.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum(Array(0...31)) == 0x46DD_794E)
    }

    @Test func slicingAgreesWithBytewiseAtEveryLengthAndChains() {
        var generator = SplitMix(seed: 7)
        let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for length in 0...bytes.count {
            let slice = Array(bytes[..<length])
            #expect(CRC32C.checksum(slice) == bytewise(slice), "length \(length)")
        }
        for split in [0, 1, 7, 8, 9, 150, 300] {
            let chained = CRC32C.checksum(Array(bytes[split...]), continuing: CRC32C.checksum(Array(bytes[..<split])))
            #expect(chained == CRC32C.checksum(bytes), "split \(split)")
        }
    }

    /// The instruction (where this CPU has it) and the tables agree at every length and
    /// alignment, and both agree with the textbook.
    @Test func theInstructionAgreesWithTheTables() {
        var generator = SplitMix(seed: 11)
        let bytes = (0..<600).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for start in 0..<9 {
            for length in stride(from: 0, through: bytes.count - start, by: 7) {
                let slice = Array(bytes[start..<(start + length)])
                let table = slice.withUnsafeBytes { CRC32C.tableChecksum($0, continuing: 0x1234_5678) }
                #expect(CRC32C.checksum(slice, continuing: 0x1234_5678) == table, "start \(start), length \(length)")
            }
        }
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32C.tableChecksum($0) } == 0xE306_9283)
    }

    /// The textbook bit-at-a-time CRC, to check the table-driven one against.
    private func bytewise(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }
}

/// A small seeded generator, so a failing case can be rerun from its seed.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
