/// `hotelline serve --repair`: keep every record that still verifies, set damage aside, and
/// pass over every number the records lost may have held.
extension Journal {
    /// Repairs what stops `open` in `directory`, one thing at a time, and returns one note
    /// per thing done, saying what was kept and dropped.
    ///
    /// Reads the journal as `open` would (without changing anything) and fixes what it
    /// stops at, until it reads through: a damaged or short segment is rewritten with every
    /// intact record it holds (damage is skipped up to the next frame whose length and
    /// checksum check out, so one bad region costs only the records inside it) and a header
    /// claiming them; a damaged snapshot no older snapshot can stand in for is rewritten the
    /// same way from its body's frames; a missing segment or snapshot is replaced by an empty
    /// one (its records are gone); a missing or damaged manifest is rebuilt from the files.
    /// Each damaged original is copied to `NAME.damaged` (never deleted: an expert may get
    /// more out of it) before the repaired file atomically replaces it by rename, so a crash
    /// at any point leaves either the original or the repair in place. A torn tail of the
    /// last segment is left for `open` to cut.
    ///
    /// Whatever it dropped, the manifest's passed-over marks are raised to the highest marks
    /// the manifest or any segment header holds, so no number a lost record may have carried
    /// is handed out again. Run it with the `DataDirectoryLock` held and the journal closed.
    public static func repair(directory: String, fileSystem: JournalFileSystem = PosixFileSystem()) throws -> [String] {
        try repairing(directory: directory, fileSystem: fileSystem).notes
    }

    /// `repair`, also saying whether it changed anything (records may be lost then).
    static func repairing(directory: String, fileSystem: JournalFileSystem) throws -> (notes: [String], changed: Bool) {
        var notes: [String] = []
        var previous: JournalError?
        while true {
            let problem: JournalError
            do {
                _ = try JournalRecoveryRun(directory: directory, fileSystem: fileSystem, mode: .check).run()
                break
            } catch let error as JournalError {
                problem = error
            } catch let vanished as JournalRecoveryRun.Vanished {
                problem = vanished.error
            }
            // A fix that did not take would loop for ever; say so instead.
            guard problem != previous else { throw problem }
            previous = problem
            let repairer = try JournalRepairer(directory: directory, fileSystem: fileSystem)
            switch problem {
            case .corrupt(let path, _, _): notes.append(try repairer.salvageSegment(path, expected: nil))
            case .segmentCutShort(let path, let expected, _, _): notes.append(try repairer.salvageSegment(path, expected: expected))
            case .corruptSnapshot(let path, _): notes.append(try repairer.salvageSnapshot(path))
            case .missingSegment(let path), .missingLastSegment(let path): notes.append(try repairer.replaceMissingSegment(path))
            case .missingSnapshot(let path, let records): notes.append(try repairer.replaceMissingSnapshot(path, records: records))
            case .missingManifest(let path), .corruptManifest(let path, _): notes.append(try repairer.rebuildManifest(path))
            default: throw problem
            }
        }
        guard !notes.isEmpty else {
            return (["\(directory): every snapshot and segment verifies; nothing to repair"], false)
        }
        if let passed = try JournalRepairer(directory: directory, fileSystem: fileSystem).passOverEverything() {
            notes.append(passed)
        }
        return (notes, true)
    }
}

/// The file work of `Journal.repair`: each method fixes one file durably and says what it did.
struct JournalRepairer {
    let directory: String
    let fileSystem: JournalFileSystem
    /// The manifest as on disk now, if it reads.
    let manifest: JournalManifest?

    init(directory: String, fileSystem: JournalFileSystem) throws {
        self.directory = directory
        self.fileSystem = fileSystem
        let path = JournalManifest.path(directory)
        manifest = fileSystem.exists(path) ? (try? JournalManifest.decode(fileSystem.readFile(path)).get()) : nil
    }

    /// Keeps the intact frames of a segment under a new header claiming exactly them (or,
    /// for a segment an earlier version wrote, as plain frames, with the manifest updated).
    func salvageSegment(_ path: String, expected: Int?) throws -> String {
        let bytes = try fileSystem.readFile(path)
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let segment = JournalSegments.number(of: name) else { throw JournalError.corrupt(path: path, offset: 0, reason: "not a segment name") }
        let isLegacy = manifest.map { $0.legacy(segment) != nil } ?? !SegmentHeader.looksHeadered(bytes)
        let start = isLegacy ? 0 : SegmentHeader.size
        let (records, damages) = SegmentScanner.salvage(bytes, from: min(start, bytes.count))
        var frames: [UInt8] = []
        for record in records { JournalFrame.encode(record, into: &frames) }
        let repaired: [UInt8]
        if isLegacy {
            repaired = frames
        } else {
            let old = SegmentHeader.read(bytes)
            var marks = old.newest?.marks ?? HighWaterMarks()
            marks.raise(to: old.older?.marks ?? HighWaterMarks())
            let slot = SegmentHeader.Slot(
                segment: segment, counter: (old.newest?.counter ?? 0) + 1,
                claim: SegmentHeader.Claim.empty.appending(frames, records: records.count),
                boot: fileSystem.bootIdentity, marks: marks)
            repaired = SegmentHeader.initial(slot) + frames
        }
        let aside = try replace(path, original: bytes, with: repaired)
        if isLegacy, var manifest, let index = manifest.legacySegments.firstIndex(where: { $0.number == segment }) {
            manifest.legacySegments[index] = .init(number: segment, records: records.count, bytes: repaired.count)
            try save(manifest)
        }
        var dropped = damages.isEmpty ? "" : ", dropped " + Self.describe(damages, shiftedBy: 0)
        if let expected, expected > records.count {
            dropped += " (its header counted \(expected): \(expected - records.count) lost)"
        }
        return "\(path): kept \(records.count) records\(dropped); the damaged original is saved as \(aside)"
    }

    /// Keeps the intact frames of the body (read from just after the header, whatever the
    /// header says, since it may be the damaged part) under the same covered segment.
    func salvageSnapshot(_ path: String) throws -> String {
        let bytes = try fileSystem.readFile(path)
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let covered = JournalSnapshot.number(of: name) else { throw JournalError.corruptSnapshot(path: path, reason: "not a snapshot name") }
        let body = Array(bytes.dropFirst(JournalSnapshot.headerSize))
        let (records, damages) = SegmentScanner.salvage(body)
        let repaired = try JournalSnapshot.encode(records, covered: covered, directory: directory)
        let aside = try replace(path, original: bytes, with: repaired)
        if var manifest, manifest.snapshot == covered {
            manifest.snapshotRecords = records.count
            try save(manifest)
        }
        let dropped = damages.isEmpty ? "only the header was damaged" : "dropped " + Self.describe(damages, shiftedBy: JournalSnapshot.headerSize)
        return "\(path): kept \(records.count) records, \(dropped); the damaged original is saved as \(aside)"
    }

    func replaceMissingSegment(_ path: String) throws -> String {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        let segment = JournalSegments.number(of: name) ?? 0
        if var manifest, let index = manifest.legacySegments.firstIndex(where: { $0.number == segment }) {
            try fileSystem.writeDurably([], to: path)
            manifest.legacySegments[index] = .init(number: segment, records: 0, bytes: 0)
            try save(manifest)
        } else {
            let marks = manifest?.marks ?? HighWaterMarks()
            let slot = SegmentHeader.Slot(segment: segment, counter: 0, claim: .empty, boot: fileSystem.bootIdentity, marks: marks)
            try fileSystem.writeDurably(SegmentHeader.initial(slot), to: path)
        }
        try fileSystem.synchronizeDirectory(directory)
        return "\(path): was missing; an empty segment stands in for it (the records it held are lost)"
    }

    func replaceMissingSnapshot(_ path: String, records: Int) throws -> String {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let covered = JournalSnapshot.number(of: name) else { throw JournalError.corruptSnapshot(path: path, reason: "not a snapshot name") }
        try fileSystem.writeDurably(try JournalSnapshot.encode([], covered: covered, directory: directory), to: path)
        try fileSystem.synchronizeDirectory(directory)
        if var manifest {
            manifest.snapshotRecords = 0
            try save(manifest)
        }
        return "\(path): was missing; an empty snapshot stands in for it (the \(records) records it held are lost)"
    }

    /// A manifest made from the files as they are: the newest snapshot, the last segment,
    /// the segments without a header as they stand, and the highest marks any header holds.
    func rebuildManifest(_ path: String) throws -> String {
        var aside: String?
        if fileSystem.exists(path) {
            let name = fileSystem.unusedName(path + ".damaged")
            try fileSystem.writeDurably(try fileSystem.readFile(path), to: name)
            aside = name
        }
        let listing = try JournalListing(directory: directory, fileSystem: fileSystem)
        var rebuilt = JournalManifest()
        rebuilt.generation = (manifest?.generation ?? 0) + 1
        rebuilt.snapshot = listing.snapshots.last ?? 0
        if rebuilt.snapshot > 0, case .verified(let records) = JournalSnapshot.read(
            try fileSystem.readFile(JournalSnapshot.path(directory, rebuilt.snapshot)), covered: rebuilt.snapshot) {
            rebuilt.snapshotRecords = records.count
        }
        rebuilt.currentSegment = max(listing.segments.last ?? 0, rebuilt.snapshot)
        rebuilt.marks = try highestMarks(listing)
        for segment in listing.segments where segment > rebuilt.snapshot {
            let bytes = try fileSystem.readFile(JournalSegments.path(directory, segment))
            guard !SegmentHeader.looksHeadered(bytes) else { continue }
            rebuilt.legacySegments.append(.init(number: segment, records: SegmentScanner.salvage(bytes).records.count, bytes: bytes.count))
        }
        rebuilt.passedOver = rebuilt.marks
        try save(rebuilt)
        let saved = aside.map { "; the damaged one is saved as \($0)" } ?? ""
        return "\(path): rebuilt from the files (snapshot \(rebuilt.snapshot), segments up to \(rebuilt.currentSegment), "
            + "marks \(rebuilt.marks))\(saved)"
    }

    /// Raises the manifest's passed-over marks to the highest marks anywhere: the last step
    /// of a repair that dropped anything. Returns a note, nil when there is no manifest (a
    /// journal an earlier version wrote: the next open makes one).
    func passOverEverything() throws -> String? {
        guard var changed = manifest else { return nil }
        let listing = try JournalListing(directory: directory, fileSystem: fileSystem)
        changed.marks.raise(to: try highestMarks(listing))
        changed.passedOver.raise(to: changed.marks)
        if changed != manifest { try save(changed) }
        return "\(directory): records may have been lost, so every number up to the journal's marks \(changed.passedOver) "
            + "is passed over"
    }

    // MARK: - Helpers

    private func highestMarks(_ listing: JournalListing) throws -> HighWaterMarks {
        var marks = manifest?.marks ?? HighWaterMarks()
        for segment in listing.segments {
            let head = try fileSystem.read(JournalSegments.path(directory, segment), offset: 0, count: SegmentHeader.size)
            let reading = SegmentHeader.read(head)
            for slot in [reading.newest, reading.older].compactMap({ $0 }) { marks.raise(to: slot.marks) }
        }
        return marks
    }

    private func save(_ manifest: JournalManifest) throws {
        var next = manifest
        next.generation += 1
        try JournalManifestFile.write(next, in: directory, fileSystem: fileSystem)
    }

    /// Copies `original` aside, then puts `repaired` in place of `path` by rename. Returns the copy's path.
    private func replace(_ path: String, original: [UInt8], with repaired: [UInt8]) throws -> String {
        let aside = fileSystem.unusedName(path + ".damaged")
        try fileSystem.writeDurably(original, to: aside)
        let temporary = path + ".repairing"
        if fileSystem.exists(temporary) { try fileSystem.remove(temporary) }
        try fileSystem.writeDurably(repaired, to: temporary)
        try fileSystem.rename(temporary, to: path)
        try fileSystem.synchronizeDirectory(directory)
        return aside
    }

    private static func describe(_ damages: [SegmentDamage], shiftedBy shift: Int) -> String {
        damages.map { "\($0.length) bytes at offset \($0.offset + shift) (\($0.problem))" }.joined(separator: ", ")
    }
}
