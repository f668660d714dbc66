/// `hotelline serve --repair`: keep every record that still verifies, set damage aside.
extension Journal {
    /// Repairs what stops `open` in `directory`, one thing at a time, and returns one note
    /// per thing done, saying what was kept and dropped.
    ///
    /// Reads the journal as `open` would (without changing anything) and fixes what it
    /// stops at, until it reads through: a damaged segment is rewritten with every intact
    /// record it holds (damage is skipped byte by byte up to the next frame whose length
    /// and checksum check out, so one bad region costs only the records inside it); a
    /// damaged snapshot no older snapshot can stand in for is rewritten the same way from
    /// its body's frames; a missing segment is replaced by an empty one (its records are
    /// gone). Each damaged original is copied to `NAME.damaged` (never deleted: an expert
    /// may get more out of it) before the repaired file atomically replaces it by rename,
    /// so a crash at any point leaves either the original or the repair in place. A torn
    /// tail of the last segment is left for `open` to cut. Run it with the
    /// `DataDirectoryLock` held and the journal closed.
    public static func repair(directory: String, fileSystem: JournalFileSystem = PosixFileSystem()) throws -> [String] {
        var notes: [String] = []
        var previous: JournalError?
        while true {
            let problem: JournalError
            do {
                _ = try JournalRecoveryRun(directory: directory, fileSystem: fileSystem, mode: .readOnly).run()
                break
            } catch let error as JournalError {
                problem = error
            } catch let vanished as JournalRecoveryRun.Vanished {
                problem = vanished.error
            }
            // A fix that did not take would loop for ever; say so instead.
            guard problem != previous else { throw problem }
            previous = problem
            let repairer = JournalRepairer(directory: directory, fileSystem: fileSystem)
            switch problem {
            case .corrupt(let path, _, _): notes.append(try repairer.salvageSegment(path))
            case .corruptSnapshot(let path, _): notes.append(try repairer.salvageSnapshot(path))
            case .missingSegment(let path): notes.append(try repairer.replaceMissingSegment(path))
            default: throw problem
            }
        }
        if notes.isEmpty {
            notes.append("\(directory): every snapshot and segment verifies; nothing to repair")
        }
        return notes
    }
}

/// The file work of `Journal.repair`: each method fixes one file durably and says what it did.
struct JournalRepairer {
    let directory: String
    let fileSystem: JournalFileSystem

    func salvageSegment(_ path: String) throws -> String {
        let bytes = try fileSystem.readFile(path)
        let (records, damages) = SegmentScanner.salvage(bytes)
        var repaired: [UInt8] = []
        for record in records { JournalFrame.encode(record, into: &repaired) }
        let aside = try replace(path, original: bytes, with: repaired)
        return "\(path): kept \(records.count) records, dropped " + Self.describe(damages, shiftedBy: 0)
            + "; the damaged original is saved as \(aside)"
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
        let dropped = damages.isEmpty ? "only the header was damaged" : "dropped " + Self.describe(damages, shiftedBy: JournalSnapshot.headerSize)
        return "\(path): kept \(records.count) records, \(dropped); the damaged original is saved as \(aside)"
    }

    func replaceMissingSegment(_ path: String) throws -> String {
        try fileSystem.writeDurably([], to: path)
        try fileSystem.synchronizeDirectory(directory)
        return "\(path): was missing; an empty segment stands in for it (the records it held are lost)"
    }

    // MARK: - Helpers

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
