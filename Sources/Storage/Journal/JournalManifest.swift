import Synchronization

/// `journal/manifest`: what the journal must hold, kept apart from the segments so that the
/// loss of any segment or snapshot, the last one included, is seen at start, and so that the
/// high-water marks outlive any damage to the records.
///
/// Rewritten whole (temporary file, sync, rename, directory sync) only when it changes:
/// the writer starts a segment, a snapshot replaces segments, the layer above raises a mark
/// (batched by that layer: once per thousand numbers), or records were lost. So it costs
/// nothing per record. Layout, little-endian:
///
///     [8] magic "HLJMANIF"  [4] format version 1  [8] generation
///     [8] current segment (the last one the writer started; 0: none yet)
///     [8] snapshot's covered-through segment (0: none)  [8] records in it
///     [64] marks  [64] marks passed over
///     [4] legacy segment count, then per segment [8] number [8] records [8] bytes
///     [4] CRC-32C of everything before
///
/// **What it promises.** Every segment from the snapshot's up to `currentSegment` exists
/// (segments are never removed except by a snapshot that covers them); `snapshot` exists;
/// `marks` are at least every mark raised before any record written since; `passedOver`
/// holds the marks as they stood when records were last lost, so no number up to them is
/// handed out again. Segments written before headers existed are listed with their size.
struct JournalManifest: Equatable, Sendable {
    static let name = "manifest"
    static let magic: [UInt8] = Array("HLJMANIF".utf8)
    static let formatVersion: UInt32 = 1

    var generation: UInt64 = 0
    var currentSegment = 0
    var snapshot = 0
    var snapshotRecords = 0
    var marks = HighWaterMarks()
    var passedOver = HighWaterMarks()
    /// Segments an earlier version wrote (no header), with what they held when first seen.
    var legacySegments: [LegacySegment] = []

    /// A segment without a header, as it was when this version first opened the journal.
    struct LegacySegment: Equatable, Sendable {
        var number: Int
        var records: Int
        var bytes: Int
    }

    func legacy(_ segment: Int) -> LegacySegment? {
        legacySegments.first { $0.number == segment }
    }

    static func path(_ directory: String) -> String {
        JournalSegments.join(directory, name)
    }

    // MARK: - Format

    func encode() -> [UInt8] {
        var bytes = Self.magic
        Self.append(Self.formatVersion, to: &bytes)
        Self.append(generation, to: &bytes)
        for value in [currentSegment, snapshot, snapshotRecords] { Self.append(UInt64(value), to: &bytes) }
        for value in marks.values + passedOver.values { Self.append(value, to: &bytes) }
        Self.append(UInt32(legacySegments.count), to: &bytes)
        for segment in legacySegments {
            for value in [segment.number, segment.records, segment.bytes] { Self.append(UInt64(value), to: &bytes) }
        }
        Self.append(CRC32C.checksum(bytes), to: &bytes)
        return bytes
    }

    /// The manifest in `bytes`, or what is wrong with them, as a phrase for an error message.
    static func decode(_ bytes: [UInt8]) -> Result<JournalManifest, ManifestProblem> {
        let fixed = 8 + 4 + 8 + 24 + 128 + 4
        guard bytes.count >= fixed + 4 else { return .failure(.init("cut short (\(bytes.count) bytes)")) }
        let stored = load(UInt32.self, bytes, bytes.count - 4)
        let computed = CRC32C.checksum(Array(bytes.dropLast(4)))
        guard bytes.starts(with: magic) else { return .failure(.init("not a manifest (it does not start with \"HLJMANIF\")")) }
        guard stored == computed else {
            return .failure(.init(FrameCheck.checksumMismatch(stored: stored, computed: computed).description))
        }
        let version = load(UInt32.self, bytes, 8)
        guard version == formatVersion else {
            return .failure(.init("format version \(version), and this hotelline reads version \(formatVersion) (written by a newer hotelline?)"))
        }
        var manifest = JournalManifest()
        manifest.generation = load(UInt64.self, bytes, 12)
        manifest.currentSegment = Int(clamping: load(UInt64.self, bytes, 20))
        manifest.snapshot = Int(clamping: load(UInt64.self, bytes, 28))
        manifest.snapshotRecords = Int(clamping: load(UInt64.self, bytes, 36))
        manifest.marks = HighWaterMarks((0..<8).map { load(UInt64.self, bytes, 44 + 8 * $0) })
        manifest.passedOver = HighWaterMarks((0..<8).map { load(UInt64.self, bytes, 108 + 8 * $0) })
        let count = Int(load(UInt32.self, bytes, 172))
        guard bytes.count == fixed + 24 * count + 4 else {
            return .failure(.init("says \(count) old segments, and its length does not fit that"))
        }
        for index in 0..<count {
            let base = fixed + 24 * index
            manifest.legacySegments.append(LegacySegment(
                number: Int(clamping: load(UInt64.self, bytes, base)), records: Int(clamping: load(UInt64.self, bytes, base + 8)),
                bytes: Int(clamping: load(UInt64.self, bytes, base + 16))))
        }
        return .success(manifest)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func load<T: FixedWidthInteger>(_ type: T.Type, _ bytes: [UInt8], _ offset: Int) -> T {
        bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }

    /// Why a manifest's bytes cannot be trusted.
    struct ManifestProblem: Error, Equatable {
        let description: String

        init(_ description: String) {
            self.description = description
        }
    }
}

/// The manifest of an open journal: the one copy in memory and the file, changed together.
///
/// The writer thread (starting a segment, raising marks) and a snapshot's thread (what it
/// replaced) both change it; one lock orders them, held across the write (rare, and never
/// on the event loop). A change is in memory only once it is durable, so what `current`
/// says is always on disk.
final class JournalManifestFile: Sendable {
    let directory: String
    private let fileSystem: JournalFileSystem
    private let state: Mutex<JournalManifest>

    init(directory: String, fileSystem: JournalFileSystem, manifest: JournalManifest) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.state = Mutex(manifest)
    }

    var current: JournalManifest {
        state.withLock { $0 }
    }

    /// Applies `change` and writes the result durably; on failure nothing changes.
    /// Writes nothing when the change changes nothing.
    func update(_ change: (inout JournalManifest) -> Void) throws {
        try state.withLock { manifest in
            var changed = manifest
            change(&changed)
            guard changed != manifest else { return }
            changed.generation = manifest.generation + 1
            try Self.write(changed, in: directory, fileSystem: fileSystem)
            manifest = changed
        }
    }

    /// Writes `manifest` to `directory/manifest` through a temporary file, durably.
    static func write(_ manifest: JournalManifest, in directory: String, fileSystem: JournalFileSystem) throws {
        let path = JournalManifest.path(directory)
        let temporary = path + ".tmp"
        if fileSystem.exists(temporary) { try fileSystem.remove(temporary) }
        try fileSystem.writeDurably(manifest.encode(), to: temporary)
        try fileSystem.rename(temporary, to: path)
        try fileSystem.synchronizeDirectory(directory)
    }
}
