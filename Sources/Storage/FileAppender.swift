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
        var madeFolders = Set<String>()
        while true {
            wake.wait()
            let (chunks, closing) = queue.withLock { queue in
                defer { queue.chunks.removeAll(keepingCapacity: true) }
                return (queue.chunks, queue.closing)
            }
            for chunk in chunks {
                if let failure = write(chunk, madeFolders: &madeFolders) {
                    queue.withLock { $0.failures.append(failure) }
                }
            }
            if closing && queue.withLock({ $0.chunks.isEmpty }) {
                finished.signal()
                return
            }
        }
    }

    private func write(_ chunk: Chunk, madeFolders: inout Set<String>) -> String? {
        var folder = directory
        for component in chunk.path.split(separator: "/").dropLast() {
            folder += "/" + component
            if !madeFolders.contains(folder) {
                for path in [directory, folder] where mkdir(path, 0o700) != 0 && errno != EEXIST {
                    return "cannot create \(path): \(String(cString: strerror(errno)))"
                }
                madeFolders.insert(folder)
            }
        }
        let path = directory + "/" + chunk.path
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "cannot open \(path): \(String(cString: strerror(errno)))" }
        defer { Glibc.close(fd) }
        return chunk.make().withUnsafeBufferPointer { bytes -> String? in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return "cannot write \(path): \(String(cString: strerror(errno)))"
                }
                offset += written
            }
            return nil
        }
    }
}
