/// Finds the next intact frame after damage in time linear in the bytes scanned.
///
/// Trying every offset the obvious way checksums the payload each offset's length field
/// promises: junk whose every fourth offset reads as a 64 KiB frame cost 64 KiB of CRC per
/// byte (1 MB of it took 1.7 s). Here every byte goes through the CRC once, into a running
/// register, and each candidate is settled from two of those registers in constant time.
///
/// **Why it works.** A CRC register update is linear over GF(2) in the register and the
/// byte together. With `Q(i)` the register after the bytes from `origin` up to `i`
/// (starting from 0), the raw CRC of the bytes `a..<e` is `Q(e) ^ Z(e - a, Q(a))`, where
/// `Z(n, s)` runs the register `s` through `n` zero bytes. A frame at `c` with payload length
/// `L` checksums the bytes `c + 8 ..< c + 10 + L` (type, version, payload) from the standard
/// initial value, so its CRC is `~(Z(L + 2, ~0 ^ Q(c + 8)) ^ Q(c + 10 + L))`. `Z(n, ·)` is a
/// linear map, applied in at most six table steps (one per hexadecimal digit of `n`).
///
/// The registers are kept for the last `window` offsets only (enough for the largest frame),
/// so the memory is bounded whatever the segment's size. One finder serves a whole scan:
/// candidates only move forward, so no byte is run through the CRC twice.
struct FrameFinder {
    /// Offset of the first register, `Q(origin) = 0`.
    private let origin: Int
    /// `Q(i)` for the last `registers.count` offsets up to `computedThrough`, at `i & mask`.
    private var registers: [UInt32]
    private let mask: Int
    /// The highest offset whose register is known.
    private var computedThrough: Int
    /// Bytes run through the CRC so far: linear in the bytes scanned (tests check it).
    private(set) var checksummedBytes = 0

    /// A finder for candidates at `firstCandidate` or later in `count` bytes.
    init(firstCandidate: Int, count: Int) {
        origin = firstCandidate + 8
        // Enough for the farthest register a candidate needs, relative to its first.
        let needed = max(1, min(count - origin + 1, JournalFrame.maximumPayloadSize + 3))
        var capacity = 1
        while capacity < needed { capacity <<= 1 }
        registers = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        computedThrough = origin
    }

    /// The first offset from `start` on where an intact frame begins, if any.
    mutating func nextIntactFrame(in raw: UnsafeRawBufferPointer, from start: Int) -> Int? {
        precondition(start + 8 >= origin, "Invalid candidate \(start): the finder has moved past it")
        var candidate = start
        while raw.count - candidate >= JournalFrame.headerSize {
            if isIntact(raw, at: candidate) { return candidate }
            candidate += 1
        }
        return nil
    }

    private mutating func isIntact(_ raw: UnsafeRawBufferPointer, at candidate: Int) -> Bool {
        let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: candidate, as: UInt32.self)))
        guard length <= JournalFrame.maximumPayloadSize, raw.count - candidate - JournalFrame.headerSize >= length else {
            return false
        }
        let first = candidate + 8, end = candidate + JournalFrame.headerSize + length
        extend(raw, through: end)
        let stored = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: candidate + 4, as: UInt32.self))
        let computed = ~(CRCShift.zeros(length + 2, applyTo: ~0 ^ registers[first & mask]) ^ registers[end & mask])
        guard stored == computed else { return false }
        // Settled by the registers; the frame's own check confirms it at the cost of one frame.
        if case .intact = JournalFrame.check(raw, at: candidate) { return true }
        return false
    }

    /// Runs the bytes up to `end` through the register, keeping each value.
    private mutating func extend(_ raw: UnsafeRawBufferPointer, through end: Int) {
        guard end > computedThrough else { return }
        CRC32C.tables.withUnsafeBufferPointer { table in
            var register = registers[computedThrough & mask]
            for index in computedThrough..<end {
                register = (register >> 8) ^ table[Int((register ^ UInt32(raw[index])) & 0xFF)]
                registers[(index + 1) & mask] = register
            }
        }
        checksummedBytes += end - computedThrough
        computedThrough = end
    }
}

/// Running a CRC-32C register through runs of zero bytes, in a few table steps: the
/// linear maps `Z(d · 16^k, ·)` for each hexadecimal digit `d` and place `k`, each as four
/// 256-entry tables (one per byte of the register). Built once, on first use (384 KiB).
enum CRCShift {
    /// Places: lengths up to 16^6 bytes, beyond the largest frame.
    private static let places = 6
    /// `tables[((place * 16 + digit) * 4 + byteIndex) * 256 + value]`.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: places * 16 * 4 * 256)
        // The images of the 32 register bits under one zero byte: the base map.
        var step = (0..<32).map { bit in zeroByte(UInt32(1) << UInt32(bit)) }
        for place in 0..<places {
            var map = identity
            for digit in 1..<16 {
                map = compose(step, after: map)
                fill(&tables, place: place, digit: digit, map: map)
            }
            // 16^(place+1) zero bytes: sixteen times the map of 16^place.
            step = compose(step, after: map)
        }
        return tables
    }()

    /// The register `value` after `count` zero bytes.
    static func zeros(_ count: Int, applyTo value: UInt32) -> UInt32 {
        precondition(count < 1 << (4 * places), "Invalid zero run of \(count) bytes")
        var register = value
        var rest = count
        var place = 0
        tables.withUnsafeBufferPointer { table in
            while rest > 0 {
                let digit = rest & 15
                if digit != 0 {
                    let base = (place * 16 + digit) * 1024
                    register = table[base + Int(register & 0xFF)]
                        ^ table[base + 256 + Int((register >> 8) & 0xFF)]
                        ^ table[base + 512 + Int((register >> 16) & 0xFF)]
                        ^ table[base + 768 + Int(register >> 24)]
                }
                rest >>= 4
                place += 1
            }
        }
        return register
    }

    private static let identity = (0..<32).map { UInt32(1) << UInt32($0) }

    private static func zeroByte(_ register: UInt32) -> UInt32 {
        (register >> 8) ^ CRC32C.tables[Int(register & 0xFF)]
    }

    /// The linear map given by the images of the 32 bits, applied to `value`.
    private static func apply(_ map: [UInt32], _ value: UInt32) -> UInt32 {
        var result: UInt32 = 0
        var bits = value
        while bits != 0 {
            result ^= map[bits.trailingZeroBitCount]
            bits &= bits - 1
        }
        return result
    }

    /// `second` after `first`: zero runs add up, and these maps commute.
    private static func compose(_ second: [UInt32], after first: [UInt32]) -> [UInt32] {
        first.map { apply(second, $0) }
    }

    private static func fill(_ tables: inout [UInt32], place: Int, digit: Int, map: [UInt32]) {
        for byteIndex in 0..<4 {
            let base = ((place * 16 + digit) * 4 + byteIndex) * 256
            for value in 1..<256 {
                // Each entry from one with a bit fewer: linear, so one XOR.
                let lowest = value.trailingZeroBitCount
                tables[base + value] = tables[base + (value & (value - 1))] ^ map[byteIndex * 8 + lowest]
            }
        }
    }
}
