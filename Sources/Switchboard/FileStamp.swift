import Glibc

/// A file's size and modification time, to notice when it changed.
struct FileStamp: Equatable, Sendable {
    var size: Int
    var modified: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }
}
