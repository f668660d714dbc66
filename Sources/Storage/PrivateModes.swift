import Glibc

/// Guest data stays private: the data directory, the journal and everything in them are
/// `0700` (directories) and `0600` (files). One found wider (copied in with `cp -r`, made by
/// hand under a loose umask) is narrowed before it is used, with a note; one that cannot be
/// narrowed (another user owns it) stops the start with the way out.
enum PrivateModes {
    /// The widest mode allowed for a directory and for a file.
    static let directory: UInt32 = 0o700
    static let file: UInt32 = 0o600

    /// Narrows `path` if it grants more than its kind allows, and says so; nil when it
    /// already was private (or is a symbolic link, whose own mode means nothing).
    static func narrow(_ path: String, fileSystem: JournalFileSystem) throws(JournalError) -> String? {
        let found: JournalFileMode
        do {
            found = try fileSystem.mode(of: path)
        } catch {
            throw JournalError.wrapping(error, directory: path)
        }
        let allowed: UInt32
        switch found.kind {
        case .directory: allowed = directory
        case .file: allowed = file
        case .other: return nil
        }
        guard found.permissions & ~allowed != 0 else { return nil }
        let narrowed = found.permissions & allowed
        do {
            try fileSystem.setMode(narrowed, of: path)
        } catch {
            let errno: Int32 = if case .fileSystem(_, _, let errno) = error as? JournalError { errno } else { EPERM }
            throw JournalError.tooOpen(path: path, mode: found.permissions, allowed: allowed, errno: errno)
        }
        return "\(path): was mode \(octal(found.permissions)), open to other users; narrowed to \(octal(narrowed)) "
            + "(guest data is confidential)"
    }

    /// Narrows `directory` and every entry directly in it; one note per thing narrowed.
    static func narrowTree(_ directory: String, fileSystem: JournalFileSystem) throws(JournalError) -> [String] {
        var notes: [String] = []
        if let note = try narrow(directory, fileSystem: fileSystem) { notes.append(note) }
        let names: [String]
        do {
            names = try fileSystem.contentsOfDirectory(directory).sorted()
        } catch {
            throw JournalError.wrapping(error, directory: directory)
        }
        for name in names {
            if let note = try narrow(JournalSegments.join(directory, name), fileSystem: fileSystem) { notes.append(note) }
        }
        return notes
    }

    static func octal(_ mode: UInt32) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
