/// The head of every segment this version writes: what the segment holds, rewritten in
/// place with each group commit, so a segment cut short, zeroed or rearranged after it was
/// written is told apart from a crash.
///
/// The first `size` bytes hold two slots, at offsets 0 and 512 (separate sectors, so a torn
/// write can spoil only one), then the frames. Commit `n` writes its slot to `n % 2`; the
/// slot with the highest counter that verifies is the segment's claim:
///
///     [8] magic "HLSEGMNT"   [4] format version 2 (LE)   [4] zero
///     [8] segment number     [8] commit counter
///     [8] records claimed    [8] frame bytes claimed     [4] CRC-32C of those bytes  [4] zero
///     [16] boot of the machine that wrote the slot       [64] the journal's marks (8 x UInt64)
///     [4] CRC-32C of the 136 bytes before it, then zeros to 256
///
/// **Why it can be trusted.** The writer writes a batch's frames, then the slot claiming
/// them, then syncs once, and acknowledges only after. A process that dies at any point
/// leaves every byte it wrote in the page cache, so after a crash of the process alone the
/// newest slot claims at least every acknowledged record, and frames past the claim were
/// never acknowledged. Only a crash of the machine can lose written pages, and then the boot
/// differs: the last commit (between the older slot's claim and the newer one's) may be
/// torn, but the older claim was synced before the newer commit began. So: same boot, the
/// newest claim must hold exactly; another boot, the older one must, and the rest may be cut.
///
/// Segments written by earlier versions have no header (frames from offset 0); the
/// manifest lists them (see `JournalManifest`).
public enum SegmentHeader {
    /// Bytes before a segment's first frame (tools that point at offsets need it).
    public static let size = 1024
    static let slotOffsets = [0, 512]
    static let magic: [UInt8] = Array("HLSEGMNT".utf8)
    static let formatVersion: UInt32 = 2
    /// Bytes of a slot its checksum covers; the checksum follows.
    private static let checkedBytes = 136
    static let slotSize = 256

    /// What a segment holds after its header: `records` frames in `bytes` bytes whose
    /// CRC-32C (as one run) is `checksum`.
    struct Claim: Equatable, Sendable, CustomStringConvertible {
        var records: Int
        var bytes: Int
        var checksum: UInt32

        static let empty = Claim(records: 0, bytes: 0, checksum: 0)

        /// The claim after `frames` (holding `count` records) are appended.
        func appending(_ frames: [UInt8], records count: Int) -> Claim {
            Claim(records: records + count, bytes: bytes + frames.count, checksum: CRC32C.checksum(frames, continuing: checksum))
        }

        var description: String { "\(records) records in \(bytes) bytes" }
    }

    /// One slot: the segment's claim as of commit `counter`.
    struct Slot: Equatable, Sendable {
        var segment: Int
        var counter: UInt64
        var claim: Claim
        var boot: BootIdentity
        var marks: HighWaterMarks
    }

    /// The header's slots that verify, newest first (at most two), and whether the file
    /// has a header at all (any slot starting with the magic, even a damaged one).
    struct Reading: Equatable {
        var newest: Slot?
        var older: Slot?

        var hasHeader: Bool { newest != nil }
    }

    // MARK: - Writing

    static func encode(_ slot: Slot) -> [UInt8] {
        var bytes = magic
        bytes.reserveCapacity(slotSize)
        append(formatVersion, to: &bytes)
        append(UInt32(0), to: &bytes)
        append(UInt64(slot.segment), to: &bytes)
        append(slot.counter, to: &bytes)
        append(UInt64(slot.claim.records), to: &bytes)
        append(UInt64(slot.claim.bytes), to: &bytes)
        append(slot.claim.checksum, to: &bytes)
        append(UInt32(0), to: &bytes)
        bytes += slot.boot.bytes
        for value in slot.marks.values { append(value, to: &bytes) }
        precondition(bytes.count == checkedBytes, "segment header slot layout")
        append(CRC32C.checksum(bytes), to: &bytes)
        bytes += [UInt8](repeating: 0, count: slotSize - bytes.count)
        return bytes
    }

    /// A whole header holding only `slot`, in its place by counter, the other place empty.
    static func initial(_ slot: Slot) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        let offset = offset(ofCounter: slot.counter)
        bytes.replaceSubrange(offset..<(offset + slotSize), with: encode(slot))
        return bytes
    }

    /// Where the slot of commit `counter` goes.
    static func offset(ofCounter counter: UInt64) -> Int {
        slotOffsets[Int(counter % 2)]
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    // MARK: - Reading

    /// The slots of the header at the start of `bytes` that verify.
    static func read(_ bytes: [UInt8]) -> Reading {
        let slots = bytes.withUnsafeBytes { raw in slotOffsets.compactMap { decode(raw, at: $0) } }
            .sorted { $0.counter > $1.counter }
        return Reading(newest: slots.first, older: slots.dropFirst().first)
    }

    /// Whether `bytes` start like a header (the magic in either slot), verified or not:
    /// a segment that does is this version's, whatever damage its slots took.
    static func looksHeadered(_ bytes: [UInt8]) -> Bool {
        slotOffsets.contains { offset in
            bytes.count >= offset + magic.count && bytes[offset..<(offset + magic.count)].elementsEqual(magic)
        }
    }

    private static func decode(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Slot? {
        guard raw.count >= offset + checkedBytes + 4,
              raw[offset..<(offset + magic.count)].elementsEqual(magic),
              load(UInt32.self, raw, offset + 8) == formatVersion else { return nil }
        let stored = load(UInt32.self, raw, offset + checkedBytes)
        guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + checkedBytes)])) == stored else { return nil }
        let segment = load(UInt64.self, raw, offset + 16)
        let records = load(UInt64.self, raw, offset + 32), frameBytes = load(UInt64.self, raw, offset + 40)
        // A checksum that matches over nonsense is not impossible: keep the numbers sane.
        guard segment < 1 << 40, records < 1 << 40, frameBytes < 1 << 50 else { return nil }
        let marks = (0..<HighWaterMarks.capacity).map { load(UInt64.self, raw, offset + 72 + 8 * $0) }
        return Slot(
            segment: Int(segment), counter: load(UInt64.self, raw, offset + 24),
            claim: Claim(records: Int(records), bytes: Int(frameBytes), checksum: load(UInt32.self, raw, offset + 48)),
            boot: BootIdentity(bytes: Array(raw[(offset + 56)..<(offset + 72)])), marks: HighWaterMarks(marks)
        )
    }

    private static func load<T: FixedWidthInteger>(_ type: T.Type, _ raw: UnsafeRawBufferPointer, _ offset: Int) -> T {
        T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}

/// Which boot of the machine wrote something: the kernel's random boot ID, new at every
/// start of the machine. Pages written before a crash of the process alone are never lost;
/// only a new boot can have lost them (see `SegmentHeader`).
public struct BootIdentity: Sendable, Equatable {
    /// 16 bytes; all zero when unknown.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        precondition(bytes.count == 16, "Invalid boot identity of \(bytes.count) bytes")
        self.bytes = bytes
    }

    public static let unknown = BootIdentity(bytes: [UInt8](repeating: 0, count: 16))

    public var isKnown: Bool { self != .unknown }

    /// Whether `other` is surely the same boot as this one (never, when either is unknown).
    func isSameBoot(as other: BootIdentity) -> Bool {
        isKnown && self == other
    }

    /// This machine's current boot, from `/proc/sys/kernel/random/boot_id` (Linux); unknown
    /// elsewhere, and then every torn last commit is taken for a crash of the machine.
    public static let current: BootIdentity = {
        // Read up to a count: /proc files report a size of 0.
        guard let bytes = try? PosixFileSystem().read("/proc/sys/kernel/random/boot_id", offset: 0, count: 64) else { return .unknown }
        let hex = bytes.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "\n") }
        guard hex.count == 32 else { return .unknown }
        var value: [UInt8] = []
        for index in stride(from: 0, to: 32, by: 2) {
            guard let byte = UInt8(String(decoding: hex[index..<(index + 2)], as: UTF8.self), radix: 16) else { return .unknown }
            value.append(byte)
        }
        return BootIdentity(bytes: value)
    }()
}

extension SegmentHeader {
    /// Makes segment `number` ready for its first record: a new file holding only a header
    /// that claims nothing, synced along with its directory entry, so a crash can never lose
    /// the file once records are in it. A file a failed start left (empty, or a header that
    /// claims nothing) is taken over; one holding anything more is not touched.
    static func startSegment(
        _ number: Int, directory: String, fileSystem: JournalFileSystem, marks: HighWaterMarks
    ) throws -> JournalFile {
        let path = JournalSegments.path(directory, number)
        let file: JournalFile
        if fileSystem.exists(path) {
            let bytes = try fileSystem.readFile(path)
            let left = read(bytes).newest
            guard bytes.isEmpty || (bytes.count <= size && left?.claim == .empty && left?.segment == number) else {
                throw JournalError.corrupt(
                    path: path, offset: 0, reason: "a segment the writer is about to start already holds \(bytes.count) bytes"
                )
            }
            file = try fileSystem.open(path, .existing)
        } else {
            file = try fileSystem.open(path, .createNew)
        }
        do {
            let slot = Slot(segment: number, counter: 0, claim: .empty, boot: fileSystem.bootIdentity, marks: marks)
            try fileSystem.write(initial(slot), to: file, at: 0)
            try fileSystem.synchronize(file)
            try fileSystem.synchronizeDirectory(directory)
        } catch {
            fileSystem.close(file)
            throw error
        }
        return file
    }
}
