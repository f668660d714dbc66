import CSystem
import Glibc
import Synchronization

/// Proof that this process alone uses a data directory: an exclusive `flock` on
/// `DIR/LOCK`, held until `release()` or deinit.
///
/// Two servers appending to one journal would interleave and corrupt it, so a server takes
/// this lock before opening anything. The lock belongs to the open file, so it vanishes
/// with the process however it dies (no stale lock after `kill -9`); the holder's PID is
/// written into the file only to name it in the error a second server gets. The file is
/// never deleted: deleting a lock file lets two processes lock two different inodes.
public final class DataDirectoryLock: Sendable {
    /// The data directory, as given to `acquire`.
    public let directory: String
    /// `directory/LOCK`.
    public let path: String
    /// What `acquire` did to the directory worth telling an operator (modes narrowed).
    public let notes: [String]
    private let descriptor: Mutex<Int32?>

    private init(directory: String, path: String, descriptor: Int32, notes: [String]) {
        self.directory = directory
        self.path = path
        self.descriptor = Mutex(descriptor)
        self.notes = notes
    }

    deinit {
        release()
    }

    /// Locks `directory`, creating it (0700) and its `LOCK` file (0600) if missing.
    ///
    /// The directory and everything directly in it found open to other users (wider than
    /// 0700 for a folder, 0600 for a file) is narrowed first, each with a note in `notes`.
    /// Throws `DataDirectoryLockError.locked` naming the holder's PID when another open
    /// lock exists (another server, or another `acquire` in this process), `.notWritable`
    /// when the directory or file cannot be created or opened for this user, `.tooOpen`
    /// when a mode cannot be narrowed.
    public static func acquire(directory: String) throws -> DataDirectoryLock {
        let notes: [String]
        do {
            try PosixFileSystem().createDirectory(directory)
            notes = try PrivateModes.narrowTree(directory, fileSystem: PosixFileSystem())
        } catch JournalError.fileSystem(let operation, let path, let errno) {
            throw DataDirectoryLockError.make(operation: operation, path: path, errno: errno)
        } catch JournalError.tooOpen(let path, let mode, let allowed, let errno) {
            throw DataDirectoryLockError.tooOpen(path: path, mode: mode, allowed: allowed, errno: errno)
        }
        let path = JournalSegments.join(directory, "LOCK")
        let descriptor = try openLockFile(path)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            let holder = readHolder(descriptor)
            close(descriptor)
            guard error == EWOULDBLOCK else {
                throw DataDirectoryLockError.make(operation: "flock", path: path, errno: error)
            }
            throw DataDirectoryLockError.locked(directory: directory, pid: holder)
        }
        let pid = Array("\(getpid())\n".utf8)
        let written = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        // Write, then cut to length: a longer PID left by an earlier holder must not show through.
        guard written == pid.count, ftruncate(descriptor, off_t(pid.count)) == 0 else {
            let error = errno
            close(descriptor)
            throw DataDirectoryLockError.make(operation: "write", path: path, errno: error)
        }
        return DataDirectoryLock(directory: directory, path: path, descriptor: descriptor, notes: notes)
    }

    /// Gives the directory up. Idempotent.
    public func release() {
        let open = descriptor.withLock { descriptor in
            defer { descriptor = nil }
            return descriptor
        }
        if let open { close(open) }
    }

    private static func openLockFile(_ path: String) throws -> Int32 {
        // A new file gets its mode forced to 0600 whatever the umask; an existing one was
        // narrowed with the rest of the directory.
        var descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            fchmod(descriptor, 0o600)
        } else if errno == EEXIST {
            descriptor = open(path, O_RDWR | O_CLOEXEC)
        }
        guard descriptor >= 0 else {
            throw DataDirectoryLockError.make(operation: "open", path: path, errno: errno)
        }
        return descriptor
    }

    /// The PID the holder wrote, if it has written one yet.
    private static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count].prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self))
    }
}

/// Why a data directory could not be locked, worded for the person starting the server.
public enum DataDirectoryLockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another open lock holds the directory; `pid` is its holder when it wrote one.
    case locked(directory: String, pid: Int32?)
    /// This user may not create or open `path`.
    case notWritable(path: String, errno: Int32)
    /// Any other failure of a system call on `path`.
    case system(operation: String, path: String, errno: Int32)
    /// `path` is open to other users and could not be narrowed (see `JournalError.tooOpen`).
    case tooOpen(path: String, mode: UInt32, allowed: UInt32, errno: Int32)

    public var description: String {
        switch self {
        case .locked(let directory, let pid?):
            "\(directory) is locked by pid \(pid); stop that server or pass another --data"
        case .locked(let directory, nil):
            "\(directory) is locked by another process; stop that server or pass another --data"
        case .notWritable(let path, let errno):
            "\(path): not writable (\(String(cString: strerror(errno)))); make it writable for this user "
                + "or pass another --data"
        case .system(let operation, let path, let errno):
            "\(path): \(operation) failed: \(String(cString: strerror(errno))) (errno \(errno))"
        case .tooOpen(let path, let mode, let allowed, let errno):
            JournalError.tooOpen(path: path, mode: mode, allowed: allowed, errno: errno).description
        }
    }

    static func make(operation: String, path: String, errno: Int32) -> DataDirectoryLockError {
        switch errno {
        case EACCES, EPERM, EROFS: .notWritable(path: path, errno: errno)
        default: .system(operation: operation, path: path, errno: errno)
        }
    }
}
