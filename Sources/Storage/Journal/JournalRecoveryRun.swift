import Glibc

/// Reads a journal directory: the manifest, the newest snapshot that verifies, then every
/// segment after it, applying `SegmentRecovery`'s verdict to each and the manifest's word
/// on what must be there.
///
/// Three modes share the reading so they cannot disagree on what the journal holds.
/// `.open` (before the writer starts, lock held) cuts a torn tail durably (a damaged last
/// record only once the numbers it may have carried are passed over in the manifest) and
/// finishes the clean-up of a snapshot that was interrupted. `.check` (repair's look) is as
/// strict and changes nothing. `.liveView` (beside a live server) changes nothing and is
/// lenient about the last segment: a torn or short end is records being written, and a
/// file that vanishes or a gap means a snapshot or a new segment happened meanwhile,
/// reported as `Vanished` so the caller reads again.
struct JournalRecoveryRun {
    enum Mode { case open, check, liveView }

    /// The segment the writer goes on with, as recovery left it.
    struct LastSegment {
        var segment: Int
        /// Its header's newest slot (after any rewrite here); nil for a segment without one.
        var slot: SegmentHeader.Slot?
        /// The frames kept, after any cut (for a segment without a header, the whole file).
        var claim: SegmentHeader.Claim
    }

    /// What the run found besides the records.
    struct Outcome {
        var recovery: JournalRecovery
        /// The segment the snapshot used covers (0 without one): writing goes on after it.
        var covered: Int
        /// Records in that snapshot.
        var snapshotRecords: Int
        /// The last segment read, with what it kept.
        var last: LastSegment?
        /// Bytes of the segments after the snapshot: what the next snapshot would fold away.
        var tailBytes: Int
        /// The manifest as on disk after the run (nil: there is none).
        var manifest: JournalManifest?
        /// Segments without a header read (number, records, bytes), for a manifest that lists them.
        var legacy: [JournalManifest.LegacySegment]
    }

    /// A file listed a moment ago is gone (read-only mode only); `error` is what to throw
    /// if reading again does not help.
    struct Vanished: Error {
        let error: JournalError
    }

    let directory: String
    let fileSystem: JournalFileSystem
    let mode: Mode

    func run() throws -> Outcome {
        // The manifest first: beside a live server, a listing taken after it can only be newer.
        var manifest = try loadManifest()
        let listing = try JournalListing(directory: directory, fileSystem: fileSystem)
        if manifest == nil && mode != .liveView, try firstHeaderedSegment(listing) != nil {
            throw JournalError.missingManifest(path: JournalManifest.path(directory))
        }
        var recovery = JournalRecovery()
        let (covered, snapshotRecords) = try recoverSnapshot(listing, manifest: manifest, into: &recovery)
        let tail = listing.segments.filter { $0 > covered }
        if let manifest, manifest.currentSegment > max(covered, tail.last ?? 0) {
            let missing = (tail.last ?? covered) + 1
            let path = JournalSegments.path(directory, missing)
            let error: JournalError = missing == manifest.currentSegment ? .missingLastSegment(path: path) : .missingSegment(path: path)
            if mode == .liveView { throw Vanished(error: error) }
            throw error
        }
        recovery.marks = manifest?.marks ?? HighWaterMarks()
        recovery.passedOver = manifest?.passedOver ?? HighWaterMarks()
        var outcome = Outcome(recovery: recovery, covered: covered, snapshotRecords: snapshotRecords, last: nil, tailBytes: 0,
                              manifest: manifest, legacy: [])
        for segment in tail {
            outcome.last = try recoverSegment(segment, isLast: segment == tail.last, manifest: &manifest, into: &outcome)
            outcome.tailBytes += outcome.last.map { $0.claim.bytes } ?? 0
        }
        outcome.manifest = manifest
        if mode == .open {
            try finishInterruptedSnapshot(listing, covered: covered, records: snapshotRecords, outcome: &outcome)
        }
        var sources: [String] = []
        if covered > 0 { sources.append("\(JournalSnapshot.name(covered)) (\(snapshotRecords) records)") }
        if let first = tail.first {
            sources.append(tail.count == 1 ? "segment \(first)" : "segments \(first)-\(tail.last!)")
        }
        if !sources.isEmpty {
            outcome.recovery.notes.append(
                "\(directory): recovered \(outcome.recovery.records.count) records from " + sources.joined(separator: " and ")
            )
        }
        return outcome
    }

    // MARK: - The manifest

    private func loadManifest() throws -> JournalManifest? {
        let path = JournalManifest.path(directory)
        guard fileSystem.exists(path) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(path)
        } catch let error as JournalError {
            // Renamed over between the look and the read: the server wrote a new one.
            if mode == .liveView, case .fileSystem(_, _, let errno) = error, errno == ENOENT { throw Vanished(error: error) }
            throw error
        }
        switch JournalManifest.decode(bytes) {
        case .success(let manifest): return manifest
        case .failure(let problem): throw JournalError.corruptManifest(path: path, reason: problem.description)
        }
    }

    /// The first segment that starts like this version's (with a header), if any.
    private func firstHeaderedSegment(_ listing: JournalListing) throws -> Int? {
        for segment in listing.segments {
            let head = try fileSystem.read(JournalSegments.path(directory, segment), offset: 0, count: SegmentHeader.size)
            if SegmentHeader.looksHeadered(head) { return segment }
        }
        return nil
    }

    // MARK: - The snapshot

    /// Loads the newest snapshot that verifies and has every segment after it, and returns
    /// the segment it covers (0: no snapshot, read every segment from the first) and its
    /// record count. A damaged or missing newest snapshot is passed over, with a note, only
    /// if an older one (or the whole run of segments) still holds everything it did.
    private func recoverSnapshot(
        _ listing: JournalListing, manifest: JournalManifest?, into recovery: inout JournalRecovery
    ) throws -> (covered: Int, records: Int) {
        var damaged: [(path: String, problem: String)] = []
        if let manifest, manifest.snapshot > 0, !listing.snapshots.contains(manifest.snapshot) {
            let path = JournalSnapshot.path(directory, manifest.snapshot)
            let older = listing.snapshots.filter { $0 < manifest.snapshot }.reversed() + [0]
            guard older.contains(where: { listing.firstMissingSegment(after: $0) == nil }) else {
                let error = JournalError.missingSnapshot(path: path, records: manifest.snapshotRecords)
                if mode == .liveView { throw Vanished(error: error) }
                throw error
            }
            damaged.append((path, "missing"))
        }
        for covered in listing.snapshots.reversed() + [0] {
            if let missing = listing.firstMissingSegment(after: covered) {
                // An older starting point needs every segment the newer one replaced.
                guard damaged.isEmpty else { continue }
                let error = JournalError.missingSegment(path: JournalSegments.path(directory, missing))
                if mode == .liveView { throw Vanished(error: error) }
                throw error
            }
            var count = 0
            if covered > 0 {
                let path = JournalSnapshot.path(directory, covered)
                switch JournalSnapshot.read(try read(path), covered: covered) {
                case .verified(let records):
                    keep(records, path: path, segment: covered, in: &recovery)
                    count = records.count
                case .damaged(let problem):
                    damaged.append((path, problem))
                    continue
                }
            }
            let instead = covered > 0 ? JournalSnapshot.name(covered) + " and the segments after it" : "every segment"
            for (path, problem) in damaged {
                recovery.notes.append("\(path): \(problem); recovered from \(instead) instead (the damaged file stays "
                    + "until the next snapshot replaces it)")
            }
            return (covered, count)
        }
        let newest = damaged[0]
        throw JournalError.corruptSnapshot(path: newest.path, reason: newest.problem)
    }

    // MARK: - Segments

    /// Reads one segment into `outcome.recovery` and returns it as the writer would go on
    /// with it; cuts what must be cut (open mode), or throws what stops the start.
    private func recoverSegment(
        _ segment: Int, isLast: Bool, manifest: inout JournalManifest?, into outcome: inout Outcome
    ) throws -> LastSegment {
        let path = JournalSegments.path(directory, segment)
        let bytes = try read(path)
        let headered = SegmentHeader.looksHeadered(bytes)
        let legacyEntry = manifest?.legacy(segment)
        // Without a manifest every segment is an old one (a headered one stopped the start).
        if legacyEntry != nil || (manifest == nil && !headered) {
            return try recoverLegacy(segment, path: path, bytes: bytes, isLast: isLast, entry: legacyEntry, into: &outcome)
        }
        // An empty file after the manifest's last segment: a start of a segment cut short by a crash.
        if bytes.isEmpty, isLast, segment > manifest?.currentSegment ?? 0 {
            return LastSegment(segment: segment, slot: nil, claim: .empty)
        }
        let header = SegmentHeader.read(bytes)
        if let marks = header.newest?.marks { outcome.recovery.marks.raise(to: marks) }
        if mode == .liveView && isLast {
            // A write in progress: keep what is intact and stop at a torn end, whatever the
            // header says (it may be ahead of the frames read, or behind them); damage with
            // intact records after it is damage all the same.
            var scanner = SegmentScanner(bytes: bytes, from: SegmentHeader.size)
            var records: [SegmentRecovery.RecoveredRecord] = []
            while let event = scanner.next() {
                switch event {
                case .record(let record, let offset):
                    records.append(.init(record: record, offset: offset))
                case .damage(let damage) where damage.reachesEnd:
                    break
                case .damage(let damage):
                    throw JournalError.corrupt(path: path, offset: damage.offset, reason: Self.reason(damage))
                }
            }
            keep(records, path: path, segment: segment, in: &outcome.recovery)
            return LastSegment(segment: segment, slot: header.newest, claim: claim(records, bytes))
        }
        let verdict = SegmentRecovery.decide(
            bytes: bytes, header: header, segment: segment, isLastSegment: isLast, boot: fileSystem.bootIdentity
        )
        switch verdict {
        case .intact(let records):
            keep(records, path: path, segment: segment, in: &outcome.recovery)
            return LastSegment(segment: segment, slot: header.newest, claim: claim(records, bytes))
        case .tornTail(let records, let damage, let cause):
            keep(records, path: path, segment: segment, in: &outcome.recovery)
            let kept = claim(records, bytes)
            guard mode == .open else { return LastSegment(segment: segment, slot: header.newest, claim: kept) }
            let what = switch cause {
            case .unknown, .pastTheClaim: "a torn write after the last record its header counts (never acknowledged)"
            case .machineRestarted: "the last write before the machine restarted, left incomplete (never acknowledged)"
            }
            let slot = try cut(path, bytes: bytes, at: damage, keeping: kept, header: header, notes: &outcome.recovery.notes,
                               saying: "cut \(what) at offset \(damage.offset) (\(damage.length) bytes: \(damage.problem))")
            return LastSegment(segment: segment, slot: slot, claim: kept)
        case .damagedLastRecord(let records, let damage):
            keep(records, path: path, segment: segment, in: &outcome.recovery)
            let kept = claim(records, bytes)
            guard mode == .open else { return LastSegment(segment: segment, slot: header.newest, claim: kept) }
            // The numbers it may have carried are passed over before it goes, so a crash
            // between the two cannot bring them round again.
            try passOver(outcome.recovery.marks, manifest: &manifest)
            outcome.recovery.passedOver.raise(to: outcome.recovery.marks)
            outcome.recovery.cutTail = true
            let slot = try cut(path, bytes: bytes, at: damage, keeping: kept, header: header, notes: &outcome.recovery.notes,
                               saying: "the last record its header counts, at offset \(damage.offset), is damaged "
                                + "(\(damage.problem)), and may have been acknowledged: cut it (\(damage.length) bytes)")
            return LastSegment(segment: segment, slot: slot, claim: kept)
        case .corrupt(_, let damage):
            throw JournalError.corrupt(path: path, offset: damage.offset, reason: Self.reason(damage))
        case .refused(let refusal):
            switch refusal {
            case .cutShort(let expected, let found, _):
                throw JournalError.segmentCutShort(path: path, expected: expected.records, found: found, reason: refusal.reason)
            case .damagedTail(let expected, let intact, _, _):
                throw JournalError.segmentCutShort(path: path, expected: expected, found: intact, reason: refusal.reason)
            case .rewritten, .trailing, .headerDamaged, .headerCutShort, .wrongSegment:
                throw JournalError.corrupt(path: path, offset: refusal.offset, reason: refusal.reason)
            }
        }
    }

    /// A segment an earlier version wrote: the old rules, and (once listed in the manifest)
    /// exactly the records and bytes it held when this version first saw it.
    private func recoverLegacy(
        _ segment: Int, path: String, bytes: [UInt8], isLast: Bool, entry: JournalManifest.LegacySegment?,
        into outcome: inout Outcome
    ) throws -> LastSegment {
        if bytes.isEmpty && mode == .open { outcome.recovery.notes.append("\(path): empty segment, nothing to recover") }
        // A listed segment is never written again, so it may not end torn either.
        let verdict = SegmentRecovery.decide(bytes: bytes, isLastSegment: isLast && entry == nil)
        if let entry, bytes.count < entry.bytes {
            var scanner = SegmentScanner(bytes: bytes)
            var found = 0
            while case .record = scanner.next() { found += 1 }
            throw JournalError.segmentCutShort(
                path: path, expected: entry.records, found: found,
                reason: "the segment was cut short (it has \(bytes.count) bytes, the manifest says \(entry.bytes))")
        }
        switch verdict {
        case .intact(let records):
            if let entry, records.count != entry.records || bytes.count != entry.bytes {
                throw JournalError.corrupt(path: path, offset: 0, reason: "it holds \(records.count) records in \(bytes.count) bytes, "
                    + "and the manifest says \(entry.records) in \(entry.bytes) (records duplicated or rewritten)")
            }
            keep(records, path: path, segment: segment, in: &outcome.recovery)
            outcome.legacy.append(.init(number: segment, records: records.count, bytes: bytes.count))
            return LastSegment(segment: segment, slot: nil, claim: claim(records, bytes, from: 0))
        case .tornTail(let records, let damage, _):
            keep(records, path: path, segment: segment, in: &outcome.recovery)
            let kept = claim(records, bytes, from: 0)
            outcome.legacy.append(.init(number: segment, records: records.count, bytes: damage.offset))
            // Read-only: a write in progress, or a torn tail the server cuts when it starts.
            guard mode == .open else { return LastSegment(segment: segment, slot: nil, claim: kept) }
            _ = try cut(path, bytes: bytes, at: damage, keeping: kept, header: nil, notes: &outcome.recovery.notes,
                        saying: "cut a torn record at offset \(damage.offset) (\(damage.length) bytes: \(damage.problem))")
            outcome.recovery.cutTail = true
            return LastSegment(segment: segment, slot: nil, claim: kept)
        case .damagedLastRecord(_, let damage), .corrupt(_, let damage):
            throw JournalError.corrupt(path: path, offset: damage.offset, reason: Self.reason(damage))
        case .refused(let refusal):
            throw JournalError.corrupt(path: path, offset: refusal.offset, reason: refusal.reason)
        }
    }

    private func keep(_ records: [SegmentRecovery.RecoveredRecord], path: String, segment: Int, in recovery: inout JournalRecovery) {
        recovery.records.reserveCapacity(recovery.records.count + records.count)
        recovery.locations.reserveCapacity(recovery.locations.count + records.count)
        for recovered in records {
            recovery.records.append(recovered.record)
            recovery.locations.append(JournalLocation(path: path, segment: segment, offset: recovered.offset))
        }
    }

    /// The claim that covers exactly `records`, the frames from `start` in `bytes`.
    private func claim(_ records: [SegmentRecovery.RecoveredRecord], _ bytes: [UInt8], from start: Int = SegmentHeader.size) -> SegmentHeader.Claim {
        let end = records.last?.end ?? start
        guard end > start else { return .empty }
        let checksum = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        return SegmentHeader.Claim(records: records.count, bytes: end - start, checksum: checksum)
    }

    /// The whole file; in read-only mode a file that vanished is `Vanished`.
    private func read(_ path: String) throws -> [UInt8] {
        do {
            return try fileSystem.readFile(path)
        } catch let error as JournalError {
            if mode == .liveView, case .fileSystem(_, _, let errno) = error, errno == ENOENT {
                throw Vanished(error: error)
            }
            throw error
        }
    }

    // MARK: - Changes (open mode only)

    /// Raises the manifest's passed-over marks to `marks`, durably, before records go.
    private func passOver(_ marks: HighWaterMarks, manifest: inout JournalManifest?) throws {
        guard var changed = manifest else { return }
        changed.marks.raise(to: marks)
        changed.passedOver.raise(to: marks)
        guard changed != manifest else { return }
        changed.generation += 1
        try JournalManifestFile.write(changed, in: directory, fileSystem: fileSystem)
        manifest = changed
    }

    /// Cuts the segment at `damage.offset` and makes the cut durable, so the cut bytes cannot
    /// reappear and the next append starts right after the last record kept. The bytes cut
    /// are kept aside as `NAME.cut` first; a header's claim is rewritten to what is kept
    /// before the cut, so a crash between the two leaves a tail past the claim, which the
    /// next start cuts again. Returns the header's new newest slot.
    private func cut(
        _ path: String, bytes: [UInt8], at damage: SegmentDamage, keeping kept: SegmentHeader.Claim,
        header: SegmentHeader.Reading?, notes: inout [String], saying what: String
    ) throws -> SegmentHeader.Slot? {
        var aside: String?
        if damage.offset < bytes.count {
            let name = fileSystem.unusedName(path + ".cut")
            try fileSystem.writeDurably(Array(bytes[damage.offset...]), to: name)
            aside = name
        }
        let file = try fileSystem.open(path, .existing)
        defer { fileSystem.close(file) }
        var slot = header?.newest
        if var rewritten = slot {
            rewritten.counter += 1
            rewritten.claim = kept
            rewritten.boot = fileSystem.bootIdentity
            try fileSystem.write(SegmentHeader.encode(rewritten), to: file, at: SegmentHeader.offset(ofCounter: rewritten.counter))
            try fileSystem.synchronize(file)
            slot = rewritten
        }
        try fileSystem.truncate(file, to: damage.offset)
        try fileSystem.synchronize(file)
        notes.append("\(path): \(what)" + (aside.map { "; the cut bytes are kept in \($0)" } ?? ""))
        return slot
    }

    /// Makes the manifest name the snapshot recovery used (one a crash kept it from
    /// recording), then removes what that snapshot replaced (segments up to it, older
    /// snapshots) and half-written snapshots: the last steps of a snapshot a crash cut short.
    private func finishInterruptedSnapshot(_ listing: JournalListing, covered: Int, records: Int, outcome: inout Outcome) throws {
        if var manifest = outcome.manifest, manifest.snapshot != covered {
            manifest.snapshot = covered
            manifest.snapshotRecords = records
            manifest.legacySegments.removeAll { $0.number <= covered }
            manifest.generation += 1
            try JournalManifestFile.write(manifest, in: directory, fileSystem: fileSystem)
            outcome.manifest = manifest
        }
        var names = listing.temporaries
        names += listing.segments.filter { $0 <= covered }.map(JournalSegments.name)
        names += listing.snapshots.filter { $0 < covered }.map(JournalSnapshot.name)
        guard !names.isEmpty else { return }
        for name in names { try fileSystem.remove(JournalSegments.join(directory, name)) }
        outcome.recovery.notes.append("\(directory): removed \(names.joined(separator: ", ")), left behind by an interrupted snapshot")
    }

    /// Why damage stops the open, saying what rules out a torn write.
    private static func reason(_ damage: SegmentDamage) -> String {
        let after = damage.reachesEnd
            ? "at the end of a segment that is not the last"
            : "followed by intact records at offset \(damage.offset + damage.length)"
        return "\(damage.problem), \(after)"
    }
}
