import Dispatch
import Foundation
import Glibc
import Synchronization

/// Appends text to files under one directory on a thread of its own, so the event loop
/// never waits for the disk: transcripts (`transcripts/2026-11-25/SESSION.txt`) and the
/// audit log. These are records for people, not promises to guests: written, not fsync'd
/// (the journal carries what was promised).
///
/// Files are created `0600` and directories `0700`: both hold guest or staff data.
public final class FileAppender: Sendable {
    private struct Chunk: Sendable {
        /// Relative to `directory`, with at most one folder: `transcripts/DAY/SESSION.txt`, `audit.log`.
        var path: String
        /// Makes the UTF-8 to write, on the writer thread.
        var make: @Sendable () -> [UInt8]
    }

    private struct Queue: Sendable {
        var chunks: [Chunk] = []
        var closing = false
        var failures: [String] = []
    }

    public let directory: String
    private let queue = Mutex(Queue())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the writer thread; folders are created when their first chunk arrives.
    public init(directory: String) {
        self.directory = directory
        let thread = Thread { [self] in run() }
        thread.name = "hotelline appender"
        thread.start()
    }

    /// Queues `text` for the end of `path` (relative to `directory`), from any thread.
    public func append(_ text: String, to path: String) {
        guard !text.isEmpty else { return }
        append(to: path) { Array(text.utf8) }
    }

    /// Queues the UTF-8 that `make` returns, calling it on the writer thread: whoever has
    /// text to build (a transcript from its entries) builds it there, not on the event loop.
    public func append(to path: String, making make: @escaping @Sendable () -> [UInt8]) {
        // Only the first chunk of a batch wakes the writer: it takes the whole queue when it
        // wakes, so signalling for the rest would only cost the loop a futex call each.
        let wakes = queue.withLock { queue -> Bool in
            guard !queue.closing else { return false }
            queue.chunks.append(Chunk(path: path, make: make))
            return queue.chunks.count == 1
        }
        if wakes { wake.signal() }
    }

    /// Problems met since the last call (a full disk, a missing permission), one line each.
    public func takeFailures() -> [String] {
        queue.withLock { queue in
            defer { queue.failures.removeAll() }
            return queue.failures
        }
    }

    /// Writes everything queued, then stops the thread. Safe to call twice.
    public func close() {
        let first = queue.withLock { queue -> Bool in
            defer { queue.closing = true }
            return !queue.closing
        }
        guard first else { return }
        wake.signal()
        finished.wait()
    }

    private func run() {
        var folders = FolderCache(directory: directory)
        while true {
            wake.wait()
            let (chunks, closing) = queue.withLock { queue in
                defer { queue.chunks.removeAll(keepingCapacity: true) }
                return (queue.chunks, queue.closing)
            }
            for chunk in chunks {
                if let failure = write(chunk, folders: &folders) {
                    queue.withLock { $0.failures.append(failure) }
                }
            }
            if closing && queue.withLock({ $0.chunks.isEmpty }) {
                folders.closeAll()
                finished.signal()
                return
            }
        }
    }

    private func write(_ chunk: Chunk, folders: inout FolderCache) -> String? {
        // `folder/name`, split at the last slash by bytes: no characters walked per file.
        var path = chunk.path
        let slash = path.withUTF8 { bytes in bytes.lastIndex(of: UInt8(ascii: "/")) }
        let folder = slash.map { String(path.utf8.prefix($0))! } ?? ""
        var fd: Int32 = -1
        // A folder removed while held open (someone tidied the data directory) takes no new
        // file (ENOENT): it is made again and the open tried once more.
        for attempt in 0..<2 {
            let folderFD: Int32
            switch folders.descriptor(for: folder) {
            case .open(let open): folderFD = open
            case .failed(let problem): return problem
            }
            // Opened relative to the folder, held open: no walk of the data directory's path per file.
            fd = path.withUTF8 { bytes in
                let name = slash.map { UnsafeBufferPointer(rebasing: bytes[($0 + 1)...]) } ?? bytes
                return Self.withCString(name) { openat(folderFD, $0, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600) }
            }
            guard fd < 0, errno == ENOENT, attempt == 0 else { break }
            folders.closeAll()
        }
        guard fd >= 0 else { return "cannot open \(directory)/\(chunk.path): \(String(cString: strerror(errno)))" }
        defer { Glibc.close(fd) }
        return chunk.make().withUnsafeBufferPointer { bytes -> String? in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return "cannot write \(directory)/\(chunk.path): \(String(cString: strerror(errno)))"
                }
                offset += written
            }
            return nil
        }
    }

    /// `bytes` as a C string for `body`, on the stack when short (a session's file name).
    private static func withCString<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            if let source = bytes.baseAddress {
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: source, byteCount: bytes.count)
            }
            buffer[bytes.count] = 0
            return body(buffer.baseAddress!)
        }
    }
}

/// The folders the writer has made and holds open, by their path relative to the
/// data directory (`""` for the directory itself, `transcripts/2026-11-25`): a file is
/// opened relative to its folder. Past a few folders (a server running for days) all are
/// closed and opened again as needed.
private struct FolderCache {
    let directory: String
    private var open: [String: Int32] = [:]
    /// The folder of the last file, checked first: one day's transcripts come in a row.
    private var last: (folder: String, fd: Int32)?
    private static let limit = 8

    enum Lookup {
        case open(Int32)
        case failed(String)
    }

    init(directory: String) {
        self.directory = directory
    }

    mutating func descriptor(for folder: String) -> Lookup {
        if let last, last.folder == folder { return .open(last.fd) }
        if let fd = open[folder] {
            last = (folder, fd)
            return .open(fd)
        }
        if open.count >= Self.limit { closeAll() }
        // Made 0700 as needed: for a folder below it, the data directory first, then each level.
        let components = folder.split(separator: "/")
        var path = directory
        for (index, component) in components.enumerated() {
            if index == 0 && mkdir(path, 0o700) != 0 && errno != EEXIST {
                return .failed("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            path += "/" + component
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                return .failed("cannot create \(path): \(String(cString: strerror(errno)))")
            }
        }
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return .failed("cannot open \(path): \(String(cString: strerror(errno)))") }
        open[folder] = fd
        last = (folder, fd)
        return .open(fd)
    }

    mutating func closeAll() {
        for fd in open.values { Glibc.close(fd) }
        open.removeAll()
        last = nil
    }
}
