/// `hotelline serve --repair`: keep every record that still verifies, set damage aside.
extension Journal {
    /// Rewrites each damaged segment in `directory` with every intact record it holds, and
    /// returns one note per segment saying what was kept and dropped.
    ///
    /// Scans forward past damage byte by byte to the next frame whose length and checksum
    /// check out, so one bad region costs only the records inside it. The damaged original
    /// is copied to `NNNNNN.seg.damaged` (never deleted: an expert may get more out of it)
    /// before the repaired segment atomically replaces it by rename; a crash at any point
    /// leaves either the original or the repaired segment in place, and the directory is
    /// synced at the end. Segments without damage are not touched. Run it with the
    /// `DataDirectoryLock` held and the journal closed.
    public static func repair(directory: String, fileSystem: JournalFileSystem = PosixFileSystem()) throws -> [String] {
        var notes: [String] = []
        for segment in try JournalSegments.list(directory, fileSystem: fileSystem) {
            let path = JournalSegments.path(directory, segment)
            let bytes = try fileSystem.readFile(path)
            let (records, damages) = SegmentScanner.salvage(bytes)
            guard !damages.isEmpty else { continue }
            let aside = try unusedName(path + ".damaged", fileSystem: fileSystem)
            try writeDurably(bytes, to: aside, fileSystem: fileSystem)
            var repaired: [UInt8] = []
            for record in records { JournalFrame.encode(record, into: &repaired) }
            let temporary = path + ".repairing"
            if fileSystem.exists(temporary) { try fileSystem.remove(temporary) }
            try writeDurably(repaired, to: temporary, fileSystem: fileSystem)
            try fileSystem.rename(temporary, to: path)
            try fileSystem.synchronizeDirectory(directory)
            let dropped = damages.map { "\($0.length) bytes at offset \($0.offset) (\($0.problem))" }
            notes.append(
                "\(path): kept \(records.count) records, dropped " + dropped.joined(separator: ", ")
                    + "; the damaged original is saved as \(aside)"
            )
        }
        if notes.isEmpty {
            notes.append("\(directory): every segment verifies; nothing to repair")
        }
        return notes
    }

    /// `base`, or `base.2`, `base.3`, … so an earlier repair's copy is never overwritten.
    private static func unusedName(_ base: String, fileSystem: JournalFileSystem) throws -> String {
        var candidate = base
        var suffix = 1
        while fileSystem.exists(candidate) {
            suffix += 1
            candidate = "\(base).\(suffix)"
        }
        return candidate
    }

    private static func writeDurably(_ bytes: [UInt8], to path: String, fileSystem: JournalFileSystem) throws {
        let file = try fileSystem.open(path, .createNew)
        defer { fileSystem.close(file) }
        try fileSystem.write(bytes, to: file)
        try fileSystem.synchronize(file)
    }
}
