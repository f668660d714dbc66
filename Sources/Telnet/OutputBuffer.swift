import Glibc

/// One connection's queued output: appended by `send`, consumed by socket writes.
///
/// Promises: bytes leave in the order they came; appends copy whole runs (no per-byte
/// work beyond the LF scan of `appendLine`); a drained buffer that grew large gives its
/// memory back, so thousands of idle connections stay small.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private var readIndex = 0

    /// Capacity kept across drains; beyond it the storage is released when empty.
    private static let retainedCapacity = 16 * 1024

    var count: Int { bytes.count - readIndex }
    var isEmpty: Bool { readIndex == bytes.count }

    mutating func append(_ raw: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: raw.assumingMemoryBound(to: UInt8.self))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` and CR LF; a bare LF inside `text` becomes CR LF too.
    mutating func appendLine(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            var runStart = 0
            var from = 0
            // memchr finds each LF; the bytes between are copied whole.
            while from < utf8.count, let found = memchr(base + from, Int32(ASCII.lf), utf8.count - from) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index == 0 || base[index - 1] != ASCII.cr {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                    bytes.append(ASCII.cr)
                    runStart = index
                }
                from = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: utf8.count - runStart))
        }
        bytes.append(ASCII.cr)
        bytes.append(ASCII.lf)
    }

    /// Calls `body` with the bytes waiting to be written.
    func withReadableBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[readIndex...])) }
    }

    /// Drops `written` bytes from the front.
    mutating func consume(_ written: Int) {
        readIndex += written
        if readIndex == bytes.count {
            removeAll()
        } else if readIndex >= Self.retainedCapacity && readIndex * 2 >= bytes.count {
            // Mostly consumed: slide the tail down rather than let the front grow forever.
            bytes.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }

    mutating func removeAll() {
        readIndex = 0
        if bytes.capacity > Self.retainedCapacity {
            bytes = []
        } else {
            bytes.removeAll(keepingCapacity: true)
        }
    }
}
