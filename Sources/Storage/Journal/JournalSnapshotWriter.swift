/// Steps (b) and (c) of a snapshot, on a thread of their own so the writer goes on
/// committing records (into the segment it rolled to in step (a)) meanwhile: gathering,
/// encoding, writing and syncing a large state takes long enough to be heard on the line.
///
/// (b) `snapshot-N.snap.tmp` is written and `fdatasync`ed, renamed to `snapshot-N.snap`,
/// and the directory is `fsync`ed: the snapshot is complete and durable under its name,
/// or absent. (c) The manifest names it, and only then are segments ≤ N and older snapshots
/// removed. A failure in (b) leaves every segment, so nothing is lost; a failure in (c) is
/// reported, and the next start finishes it.
struct JournalSnapshotWriter: Sendable {
    let directory: String
    let fileSystem: JournalFileSystem
    let manifest: JournalManifestFile

    /// Writes `records` as the snapshot covering segments through `covered`: whether it
    /// was written, and any problem met (starting with the path).
    func write(_ records: [JournalRecord], covered: Int) -> (written: Bool, problem: String?) {
        do {
            let bytes = try JournalSnapshot.encode(records, covered: covered, directory: directory)
            try writeDurably(bytes, covered: covered)
        } catch {
            return (false, "\(JournalError.wrapping(error, directory: directory))")
        }
        do {
            try manifest.update { manifest in
                manifest.snapshot = covered
                manifest.snapshotRecords = records.count
                manifest.legacySegments.removeAll { $0.number <= covered }
            }
        } catch {
            return (true, "\(JournalError.wrapping(error, directory: directory)) (after writing \(JournalSnapshot.name(covered)); "
                + "the next start records it and removes what it replaces)")
        }
        return (true, removeReplaced(by: covered))
    }

    private func writeDurably(_ bytes: [UInt8], covered: Int) throws {
        let path = JournalSnapshot.path(directory, covered)
        let temporary = path + ".tmp"
        if fileSystem.exists(temporary) { try fileSystem.remove(temporary) }
        let file = try fileSystem.open(temporary, .createNew)
        do {
            try fileSystem.write(bytes, to: file)
            try fileSystem.synchronize(file)
        } catch {
            fileSystem.close(file)
            try? fileSystem.remove(temporary)
            throw error
        }
        fileSystem.close(file)
        try fileSystem.rename(temporary, to: path)
        try fileSystem.synchronizeDirectory(directory)
    }

    private func removeReplaced(by covered: Int) -> String? {
        do {
            let listing = try JournalListing(directory: directory, fileSystem: fileSystem)
            for number in listing.segments where number <= covered {
                try fileSystem.remove(JournalSegments.path(directory, number))
            }
            for number in listing.snapshots where number < covered {
                try fileSystem.remove(JournalSnapshot.path(directory, number))
            }
            return nil
        } catch {
            return "\(JournalError.wrapping(error, directory: directory)) (after writing \(JournalSnapshot.name(covered)); "
                + "the next start removes what it replaces)"
        }
    }
}
