/// The naming of segment files: `000001.seg`, `000002.seg`, … in the journal directory.
///
/// Numbers are zero-padded to six digits so a plain directory listing sorts them; past
/// 999999 they simply grow a digit, and parsing accepts any all-digit stem, so order is
/// always by number, never by name.
enum JournalSegments {
    static let suffix = ".seg"

    static func name(_ number: Int) -> String {
        digits(number) + suffix
    }

    static func path(_ directory: String, _ number: Int) -> String {
        join(directory, name(number))
    }

    /// `number` zero-padded to six digits, the stem of segment and snapshot names.
    static func digits(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The segment number of a file name, or nil for anything else (`.damaged` copies,
    /// snapshots, the lock, stray files), which the journal leaves alone.
    static func number(of fileName: String) -> Int? {
        guard fileName.hasSuffix(suffix) else { return nil }
        return number(stem: fileName.dropLast(suffix.count))
    }

    /// The number an all-digit `stem` spells, or nil.
    static func number(stem: Substring) -> Int? {
        guard !stem.isEmpty, stem.count <= 18, stem.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(stem)
    }

    /// The numbers of the segments in `directory`, ascending.
    static func list(_ directory: String, fileSystem: JournalFileSystem) throws -> [Int] {
        try JournalListing(directory: directory, fileSystem: fileSystem).segments
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// The journal's files in a directory, by kind: one `readdir`, so everything that reads
/// the directory (recovery, the read-only view, repair, snapshots) sorts names one way.
struct JournalListing {
    /// Segment numbers, ascending.
    var segments: [Int] = []
    /// The covered-through segment of each snapshot, ascending.
    var snapshots: [Int] = []
    /// Names of snapshots whose writing never finished (`*.snap.tmp`).
    var temporaries: [String] = []

    init(directory: String, fileSystem: JournalFileSystem) throws {
        for name in try fileSystem.contentsOfDirectory(directory) {
            if let segment = JournalSegments.number(of: name) {
                segments.append(segment)
            } else if let covered = JournalSnapshot.number(of: name) {
                snapshots.append(covered)
            } else if name.hasSuffix(JournalSnapshot.temporarySuffix) {
                temporaries.append(name)
            }
        }
        segments.sort()
        snapshots.sort()
    }

    /// The first segment missing from an unbroken run `covered + 1, covered + 2, …` up to
    /// the last segment after `covered`; nil when nothing is missing.
    func firstMissingSegment(after covered: Int) -> Int? {
        var expected = covered + 1
        for segment in segments where segment > covered {
            if segment != expected { return expected }
            expected += 1
        }
        return nil
    }
}
