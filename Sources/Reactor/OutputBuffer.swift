import Glibc

/// One connection's queued output: appended by `send`, consumed by socket writes.
///
/// Promises: bytes leave in the order they came; appends copy whole runs with `memcpy`
/// (no per-byte work beyond the LF scan of `appendLine`); a drained buffer that grew large
/// gives its memory back, so thousands of idle connections stay small. Its own memory, not
/// an `Array`: an append on the hot path is a bounds check and a copy, with no uniqueness
/// or capacity bookkeeping per run. Noncopyable, so the memory has exactly one owner.
struct OutputBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>?
    private var capacity = 0
    /// Bytes `readIndex..<end` wait to be written.
    private var readIndex = 0
    private var end = 0

    /// Capacity kept across drains; beyond it the storage is released when empty.
    private static let retainedCapacity = 16 * 1024
    private static let initialCapacity = 512

    init() {}

    deinit {
        base?.deallocate()
    }

    var count: Int { end - readIndex }
    var isEmpty: Bool { readIndex == end }

    mutating func append(_ raw: UnsafeRawBufferPointer) {
        guard let source = raw.baseAddress, raw.count > 0 else { return }
        reserve(raw.count)
        (base! + end).update(from: source.assumingMemoryBound(to: UInt8.self), count: raw.count)
        end += raw.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `text` and CR LF; a bare LF inside `text` becomes CR LF too.
    mutating func appendLine(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            let count = utf8.count
            // Room for the worst case (every byte a bare LF, each becoming CR LF) and the
            // closing CR LF, taken once: the copying below checks no room.
            reserve(2 * count + 2)
            var out = base! + end
            if let source = utf8.baseAddress {
                var runStart = 0
                var from = 0
                // memchr finds each LF; the bytes between are copied whole.
                while from < count, let found = memchr(source + from, Int32(0x0A), count - from) {
                    let index = source.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    from = index + 1
                    if index > 0 && source[index - 1] == 0x0D { continue }
                    let run = index - runStart
                    out.update(from: source + runStart, count: run)
                    out[run] = 0x0D
                    out += run + 1
                    runStart = index
                }
                out.update(from: source + runStart, count: count - runStart)
                out += count - runStart
            }
            out[0] = 0x0D
            out[1] = 0x0A
            end = base!.distance(to: out) + 2
        }
    }

    /// Calls `body` with the bytes waiting to be written.
    func withReadableBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard let base else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return body(UnsafeRawBufferPointer(start: base + readIndex, count: end - readIndex))
    }

    /// Drops `written` bytes from the front.
    mutating func consume(_ written: Int) {
        readIndex += written
        if readIndex == end {
            removeAll()
        } else if readIndex >= Self.retainedCapacity && readIndex * 2 >= end {
            // Mostly consumed: slide the tail down rather than let the front grow forever.
            slideDown()
        }
    }

    mutating func removeAll() {
        readIndex = 0
        end = 0
        if capacity > Self.retainedCapacity {
            base?.deallocate()
            base = nil
            capacity = 0
        }
    }

    /// Makes room for `extra` more bytes: the written-out front is reused first, then the
    /// storage doubles.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard end + extra > capacity else { return }
        makeRoom(extra)
    }

    @inline(never)
    private mutating func makeRoom(_ extra: Int) {
        if readIndex > 0 {
            slideDown()
            guard end + extra > capacity else { return }
        }
        var grown = max(capacity * 2, Self.initialCapacity)
        while grown < end + extra { grown *= 2 }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        if let base {
            storage.update(from: base, count: end)
            base.deallocate()
        }
        base = storage
        capacity = grown
    }

    private mutating func slideDown() {
        guard let base, readIndex > 0 else { return }
        let live = end - readIndex
        if live > 0 { memmove(base, base + readIndex, live) }  // the regions overlap
        readIndex = 0
        end = live
    }
}
