import Glibc

/// The file operations the journal needs, behind a protocol so tests can inject faults
/// (ENOSPC on a write, EIO on a sync) and count syncs.
///
/// Promises of a conforming type: every failure throws `JournalError.fileSystem` with the
/// operation, the path and the errno; `write` writes every byte or throws (it may have
/// written a prefix, which the journal then truncates away); `synchronize` returns only
/// once the file's data and size are on stable storage; files are created 0600 and
/// directories 0700 whatever the umask, because guest data is confidential.
public protocol JournalFileSystem: Sendable {
    /// Creates `path` and any missing parents (each 0700); succeeds if it already exists.
    func createDirectory(_ path: String) throws
    /// The names in directory `path`, without `.` and `..`, in no particular order.
    func contentsOfDirectory(_ path: String) throws -> [String]
    /// Opens `path` for writing; with `.createNew` it must not exist yet (made 0600).
    func open(_ path: String, _ mode: JournalOpenMode) throws -> JournalFile
    /// Writes all of `bytes` at the file's position, which moves past them (for a new file,
    /// written from its start).
    func write(_ bytes: [UInt8], to file: JournalFile) throws
    /// Writes all of `bytes` at `offset` (`pwrite`), leaving the position alone.
    func write(_ bytes: [UInt8], to file: JournalFile, at offset: Int) throws
    /// Makes the file's data (and size) durable: `fdatasync`.
    func synchronize(_ file: JournalFile) throws
    /// Makes the names in directory `path` durable (a created or renamed file): `fsync`.
    func synchronizeDirectory(_ path: String) throws
    /// The file's current size in bytes.
    func size(of file: JournalFile) throws -> Int
    /// Cuts (or extends) the file to `size` bytes.
    func truncate(_ file: JournalFile, to size: Int) throws
    /// Closes the file; errors are ignored (the data was synced, or is being abandoned).
    func close(_ file: JournalFile)
    /// The whole content of `path`.
    func readFile(_ path: String) throws -> [UInt8]
    /// `count` bytes of `path` from `offset` (fewer at the end of the file).
    func read(_ path: String, offset: Int, count: Int) throws -> [UInt8]
    /// Renames `from` to `to`, replacing `to` atomically if it exists.
    func rename(_ from: String, to: String) throws
    /// Removes the file `path`.
    func remove(_ path: String) throws
    /// Whether `path` exists.
    func exists(_ path: String) -> Bool
    /// What `path` is and its permission bits, without following a symbolic link.
    func mode(of path: String) throws -> JournalFileMode
    /// Sets the permission bits of `path` (`chmod`).
    func setMode(_ permissions: UInt32, of path: String) throws
    /// The machine's current boot: a segment header written on another boot may have lost
    /// its last commit to a power cut (see `SegmentHeader`).
    var bootIdentity: BootIdentity { get }
}

/// What `JournalFileSystem.mode(of:)` found.
public struct JournalFileMode: Sendable, Equatable {
    public enum Kind: Sendable { case file, directory, other }
    public var kind: Kind
    /// The permission bits (`0o644`).
    public var permissions: UInt32

    public init(kind: Kind, permissions: UInt32) {
        self.kind = kind
        self.permissions = permissions
    }
}

extension JournalFileSystem {
    public var bootIdentity: BootIdentity { .current }

    /// `base`, or `base.2`, `base.3`, … so an earlier copy is never overwritten.
    func unusedName(_ base: String) -> String {
        var candidate = base
        var suffix = 1
        while exists(candidate) {
            suffix += 1
            candidate = "\(base).\(suffix)"
        }
        return candidate
    }

    /// Writes `bytes` to a new file at `path` (0600) and syncs it.
    func writeDurably(_ bytes: [UInt8], to path: String) throws {
        let file = try open(path, .createNew)
        defer { close(file) }
        try write(bytes, to: file)
        try synchronize(file)
    }
}

/// How `JournalFileSystem.open` opens a file. Never `O_APPEND`: a segment's header is
/// rewritten in place, and Linux's `pwrite` on an `O_APPEND` file appends whatever the offset.
public enum JournalOpenMode: Sendable {
    /// An existing file, for writing where told.
    case existing
    /// A file that must not exist yet, created 0600.
    case createNew
}

/// An open file: its descriptor, and its path for error messages.
public struct JournalFile: Sendable, Hashable {
    public let descriptor: Int32
    public let path: String

    public init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }
}
