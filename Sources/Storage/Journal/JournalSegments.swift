/// The naming of segment files: `000001.seg`, `000002.seg`, … in the journal directory.
///
/// Numbers are zero-padded to six digits so a plain directory listing sorts them; past
/// 999999 they simply grow a digit, and parsing accepts any all-digit stem, so order is
/// always by number, never by name.
enum JournalSegments {
    static let suffix = ".seg"

    static func name(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits + suffix
    }

    static func path(_ directory: String, _ number: Int) -> String {
        join(directory, name(number))
    }

    /// The segment number of a file name, or nil for anything else (`.damaged` copies,
    /// the lock, stray files), which the journal leaves alone.
    static func number(of fileName: String) -> Int? {
        guard fileName.hasSuffix(suffix) else { return nil }
        let stem = fileName.dropLast(suffix.count)
        guard !stem.isEmpty, stem.count <= 18, stem.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(stem)
    }

    /// The numbers of the segments in `directory`, ascending.
    static func list(_ directory: String, fileSystem: JournalFileSystem) throws -> [Int] {
        try fileSystem.contentsOfDirectory(directory).compactMap(number(of:)).sorted()
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
