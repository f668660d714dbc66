import Glibc

/// A file's identity, size and modification time: what a process that re-reads a file
/// another may edit compares to notice the edit. A file replaced whole (written aside and
/// renamed over, as the staff files are) always gets another inode, even within one tick
/// of the clock the modification time is kept in.
public struct FileStamp: Equatable, Sendable {
    public var inode: UInt64
    public var size: Int
    public var modified: Int

    /// The file at `path` as it is now; nil when there is none (or it cannot be looked at).
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }
}
