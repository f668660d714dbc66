import Glibc

/// The real `JournalFileSystem`: POSIX calls on the local disk.
///
/// Retries calls interrupted by a signal (EINTR) and short writes; everything else throws
/// `JournalError.fileSystem` naming the call, the path and the errno. Descriptors are
/// opened close-on-exec. Stateless, so one value may be shared by any number of threads.
public struct PosixFileSystem: JournalFileSystem {
    public init() {}

    public func createDirectory(_ path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw JournalError.fileSystem(operation: "mkdir", path: path, errno: ENOTDIR)
            }
            return
        }
        let parent = Self.parent(of: path)
        if parent != path && !parent.isEmpty && !exists(parent) {
            try createDirectory(parent)
        }
        guard mkdir(path, 0o700) == 0 else {
            let error = errno
            if error == EEXIST { return }
            throw JournalError.fileSystem(operation: "mkdir", path: path, errno: error)
        }
        // mkdir applies the umask; a confidential directory must not depend on it.
        try call("chmod", path) { chmod(path, 0o700) }
    }

    public func contentsOfDirectory(_ path: String) throws -> [String] {
        guard let directory = opendir(path) else {
            throw JournalError.fileSystem(operation: "opendir", path: path, errno: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func open(_ path: String, _ mode: JournalOpenMode) throws -> JournalFile {
        let flags: Int32 = switch mode {
        case .existing: O_WRONLY | O_CLOEXEC
        case .createNew: O_WRONLY | O_CLOEXEC | O_CREAT | O_EXCL
        }
        let descriptor = try call("open", path) { Glibc.open(path, flags, 0o600) }
        if mode == .createNew {
            // open applies the umask; a confidential file must not depend on it.
            do {
                try call("fchmod", path) { fchmod(descriptor, 0o600) }
            } catch {
                Glibc.close(descriptor)
                throw error
            }
        }
        return JournalFile(descriptor: descriptor, path: path)
    }

    public func write(_ bytes: [UInt8], to file: JournalFile) throws {
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let written = Glibc.write(file.descriptor, raw.baseAddress! + done, raw.count - done)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw JournalError.fileSystem(operation: "write", path: file.path, errno: errno)
                }
                done += written
            }
        }
    }

    public func write(_ bytes: [UInt8], to file: JournalFile, at offset: Int) throws {
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let written = pwrite(file.descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw JournalError.fileSystem(operation: "write", path: file.path, errno: errno)
                }
                done += written
            }
        }
    }

    public func synchronize(_ file: JournalFile) throws {
        try call("fdatasync", file.path) { fdatasync(file.descriptor) }
    }

    public func synchronizeDirectory(_ path: String) throws {
        let descriptor = try call("open", path) { Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { Glibc.close(descriptor) }
        try call("fsync", path) { fsync(descriptor) }
    }

    public func size(of file: JournalFile) throws -> Int {
        var status = stat()
        try call("fstat", file.path) { fstat(file.descriptor, &status) }
        return Int(status.st_size)
    }

    public func truncate(_ file: JournalFile, to size: Int) throws {
        try call("ftruncate", file.path) { ftruncate(file.descriptor, off_t(size)) }
    }

    public func close(_ file: JournalFile) {
        Glibc.close(file.descriptor)
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        try withReadDescriptor(path) { descriptor in
            var status = stat()
            try call("fstat", path) { fstat(descriptor, &status) }
            return try read(descriptor, path: path, offset: 0, count: Int(status.st_size))
        }
    }

    public func read(_ path: String, offset: Int, count: Int) throws -> [UInt8] {
        try withReadDescriptor(path) { descriptor in
            try read(descriptor, path: path, offset: offset, count: count)
        }
    }

    public func rename(_ from: String, to: String) throws {
        try call("rename to \(to)", from) { Glibc.rename(from, to) }
    }

    public func remove(_ path: String) throws {
        try call("unlink", path) { unlink(path) }
    }

    public func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    public func mode(of path: String) throws -> JournalFileMode {
        var status = stat()
        try call("lstat", path) { lstat(path, &status) }
        let kind: JournalFileMode.Kind = switch status.st_mode & S_IFMT {
        case S_IFDIR: .directory
        case S_IFREG: .file
        default: .other
        }
        return JournalFileMode(kind: kind, permissions: UInt32(status.st_mode & 0o7777))
    }

    public func setMode(_ permissions: UInt32, of path: String) throws {
        try call("chmod", path) { chmod(path, mode_t(permissions)) }
    }

    // MARK: - Helpers

    private func withReadDescriptor<T>(_ path: String, _ body: (Int32) throws -> T) throws -> T {
        let descriptor = try call("open", path) { Glibc.open(path, O_RDONLY | O_CLOEXEC) }
        defer { Glibc.close(descriptor) }
        return try body(descriptor)
    }

    /// Reads up to `count` bytes from `offset`, fewer if the file ends first.
    private func read(_ descriptor: Int32, path: String, offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + done, count - done, off_t(offset + done))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw JournalError.fileSystem(operation: "read", path: path, errno: errno)
            }
            if got == 0 { break }
            done += got
        }
        bytes.removeSubrange(done...)
        return bytes
    }

    /// Runs a call that returns -1 and sets errno on failure, retrying on EINTR.
    @discardableResult
    private func call(_ operation: String, _ path: String, _ body: () -> Int32) throws -> Int32 {
        while true {
            let result = body()
            if result >= 0 { return result }
            let error = errno
            if error == EINTR { continue }
            throw JournalError.fileSystem(operation: operation, path: path, errno: error)
        }
    }

    private static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
