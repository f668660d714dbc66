import Glibc

/// Reads a journal directory: the newest snapshot that verifies, then every segment after
/// it, applying `SegmentRecovery`'s verdict to each.
///
/// Two modes share the reading so they cannot disagree on what the journal holds.
/// `.open` (before the writer starts, lock held) cuts a torn tail durably and finishes the
/// clean-up of a snapshot that was interrupted. `.readOnly` (beside a live server) changes
/// nothing: a torn tail is records not yet written, and a file that vanishes or a gap in
/// the segments means a snapshot finished meanwhile, reported as `Vanished` so the caller
/// reads again.
struct JournalRecoveryRun {
    enum Mode { case open, readOnly }

    /// What the run found besides the records.
    struct Outcome {
        var recovery: JournalRecovery
        /// The segment the snapshot used covers (0 without one): writing goes on after it.
        var covered: Int
        /// The last segment read, with its size after any cut.
        var last: (segment: Int, size: Int)?
        /// Bytes of the segments after the snapshot: what the next snapshot would fold away.
        var tailBytes: Int
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
        let listing = try JournalListing(directory: directory, fileSystem: fileSystem)
        var recovery = JournalRecovery()
        let covered = try recoverSnapshot(listing, into: &recovery)
        let fromSnapshot = recovery.records.count
        let tail = listing.segments.filter { $0 > covered }
        var outcome = Outcome(recovery: recovery, covered: covered, last: nil, tailBytes: 0)
        for segment in tail {
            let size = try recoverSegment(segment, isLast: segment == tail.last, into: &outcome.recovery)
            outcome.last = (segment, size)
            outcome.tailBytes += size
        }
        if mode == .open {
            try finishInterruptedSnapshot(listing, covered: covered, notes: &outcome.recovery.notes)
        }
        var sources: [String] = []
        if covered > 0 { sources.append("\(JournalSnapshot.name(covered)) (\(fromSnapshot) records)") }
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

    // MARK: - The snapshot

    /// Loads the newest snapshot that verifies and has every segment after it, and returns
    /// the segment it covers (0: no snapshot, read every segment from the first). A damaged
    /// newest snapshot is passed over, with a note, only if an older one (or the whole run
    /// of segments) still holds everything it did.
    private func recoverSnapshot(_ listing: JournalListing, into recovery: inout JournalRecovery) throws -> Int {
        var damaged: [(path: String, problem: String)] = []
        for covered in listing.snapshots.reversed() + [0] {
            if let missing = listing.firstMissingSegment(after: covered) {
                // An older starting point needs every segment the newer one replaced.
                guard damaged.isEmpty else { continue }
                let error = JournalError.missingSegment(path: JournalSegments.path(directory, missing))
                if mode == .readOnly { throw Vanished(error: error) }
                throw error
            }
            if covered > 0 {
                let path = JournalSnapshot.path(directory, covered)
                switch JournalSnapshot.read(try read(path), covered: covered) {
                case .verified(let records):
                    keep(records, path: path, segment: covered, in: &recovery)
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
            return covered
        }
        let newest = damaged[0]
        throw JournalError.corruptSnapshot(path: newest.path, reason: newest.problem)
    }

    // MARK: - Segments

    /// Reads one segment into `recovery` and returns its size after any cut.
    private func recoverSegment(_ segment: Int, isLast: Bool, into recovery: inout JournalRecovery) throws -> Int {
        let path = JournalSegments.path(directory, segment)
        let bytes = try read(path)
        if bytes.isEmpty && mode == .open { recovery.notes.append("\(path): empty segment, nothing to recover") }
        switch SegmentRecovery.decide(bytes: bytes, isLastSegment: isLast) {
        case .intact(let records):
            keep(records, path: path, segment: segment, in: &recovery)
            return bytes.count
        case .tornTail(let records, let damage):
            keep(records, path: path, segment: segment, in: &recovery)
            // Read-only: a write in progress, or a torn tail the server cuts when it starts.
            guard mode == .open else { return damage.offset }
            let aside = fileSystem.unusedName(path + ".cut")
            try fileSystem.writeDurably(Array(bytes[damage.offset...]), to: aside)
            try cut(path, at: damage.offset)
            recovery.cutTail = true
            recovery.notes.append(
                "\(path): cut a torn record at offset \(damage.offset) (\(damage.length) bytes: \(damage.problem)); "
                    + "the cut bytes are kept in \(aside)"
            )
            return damage.offset
        case .corrupt(_, let damage):
            throw JournalError.corrupt(path: path, offset: damage.offset, reason: Self.reason(damage))
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

    /// The whole file; in read-only mode a file that vanished is `Vanished`.
    private func read(_ path: String) throws -> [UInt8] {
        do {
            return try fileSystem.readFile(path)
        } catch let error as JournalError {
            if mode == .readOnly, case .fileSystem(_, _, let errno) = error, errno == ENOENT {
                throw Vanished(error: error)
            }
            throw error
        }
    }

    /// Cuts a torn tail and makes the cut durable, so the torn bytes cannot reappear and
    /// the next append starts right after the last intact record.
    private func cut(_ path: String, at offset: Int) throws {
        let file = try fileSystem.open(path, .append)
        defer { fileSystem.close(file) }
        try fileSystem.truncate(file, to: offset)
        try fileSystem.synchronize(file)
    }

    /// Removes what a snapshot that verified has replaced (segments up to it, older
    /// snapshots) and half-written snapshots: the last step of a snapshot a crash cut short.
    private func finishInterruptedSnapshot(_ listing: JournalListing, covered: Int, notes: inout [String]) throws {
        var names = listing.temporaries
        names += listing.segments.filter { $0 <= covered }.map(JournalSegments.name)
        names += listing.snapshots.filter { $0 < covered }.map(JournalSnapshot.name)
        guard !names.isEmpty else { return }
        for name in names { try fileSystem.remove(JournalSegments.join(directory, name)) }
        notes.append("\(directory): removed \(names.joined(separator: ", ")), left behind by an interrupted snapshot")
    }

    /// Why damage stops the open, saying what rules out a torn write.
    private static func reason(_ damage: SegmentDamage) -> String {
        let after = damage.reachesEnd
            ? "at the end of a segment that is not the last"
            : "followed by intact records at offset \(damage.offset + damage.length)"
        return "\(damage.problem), \(after)"
    }
}
