import Glibc
import Synchronization

/// The durable, append-only journal: the event loop appends records without ever waiting
/// for the disk, and learns through acknowledgements when each one is safe.
///
/// **Durability guarantee.** A record acknowledged with `.success` has been written and
/// `fdatasync`ed (and, for a new segment, its directory entry `fsync`ed) before the
/// acknowledgement is published; after any crash or power loss, `open` returns it, in
/// append order, with every record acknowledged before it. A record acknowledged with
/// `.failure` was cut back out of the file before the acknowledgement and does not come
/// back. Records never acknowledged (the server died first) may or may not come back.
/// So a number told to a guest only after its `.success` is never lost. A snapshot keeps
/// this promise: it replaces segments only once it is itself durable.
///
/// **Threads.** `append`, `takeAcknowledgements` and `pendingCount` take one short mutex
/// and never touch the disk, so the event loop may call them. A dedicated writer thread
/// group-commits: one write and one sync for everything queued since the previous sync,
/// then `notify()` (the server's eventfd write) so the loop takes the acknowledgements.
/// `snapshot` and `bytesSinceSnapshot` are as cheap; `rollSegment` and `close` wait for
/// the writer and so belong off the hot path.
///
/// **Errors.** A failed write or sync (disk full, I/O error) fails that batch only; the
/// journal keeps accepting records and the next batch tries again. Only if the file cannot
/// be cut back to its durable size does the journal turn failed and refuse all records.
public final class Journal: Sendable {
    /// The journal directory, as given to `open`.
    public let directory: String
    private let queue: JournalQueue
    private let notify: @Sendable () -> Void
    /// The writer thread, until `close` joins it.
    private let writerThread: Mutex<pthread_t?>

    private init(directory: String, queue: JournalQueue, notify: @escaping @Sendable () -> Void, thread: pthread_t) {
        self.directory = directory
        self.queue = queue
        self.notify = notify
        self.writerThread = Mutex(thread)
    }

    deinit {
        close()
    }

    /// Recovers the journal in `directory` (created 0700 if missing) and starts its writer.
    ///
    /// Narrows the directory and its files to 0700/0600 if found wider (with a note; throws
    /// `JournalError.tooOpen` if that fails), reads the newest snapshot that verifies and the
    /// segments after it, cuts a torn tail
    /// off the last one (noting it), finishes the clean-up of an interrupted snapshot, and
    /// throws `JournalError.corrupt`, `.corruptSnapshot` or `.missingSegment` for damage a
    /// crash cannot explain; `repair` deals with those. `notify` is called on the writer
    /// thread after each batch of acknowledgements is ready; it must be quick and must not
    /// call back into the journal's waiting methods. The caller should hold the
    /// `DataDirectoryLock`.
    public static func open(
        directory: String,
        fileSystem: JournalFileSystem = PosixFileSystem(),
        options: JournalSettings = .init(),
        notify: @escaping @Sendable () -> Void
    ) throws -> (journal: Journal, recovery: JournalRecovery) {
        try fileSystem.createDirectory(directory)
        let narrowed = try PrivateModes.narrowTree(directory, fileSystem: fileSystem)
        var outcome = try JournalRecoveryRun(directory: directory, fileSystem: fileSystem, mode: .open).run()
        outcome.recovery.notes.insert(contentsOf: narrowed, at: 0)
        let manifest = try manifestFile(for: &outcome, directory: directory, fileSystem: fileSystem)
        let (file, segment, slot) = try segmentToWrite(after: outcome, manifest: manifest, directory: directory, fileSystem: fileSystem)
        let queue = JournalQueue(directory: directory, tailBytes: outcome.tailBytes, linger: options.groupCommitLinger)
        let writer = JournalWriter(
            directory: directory, fileSystem: fileSystem, segmentSizeLimit: options.segmentSizeLimit,
            queue: queue, notify: notify, manifest: manifest, file: file, segment: segment, slot: slot
        )
        let thread: pthread_t
        do {
            // The writer is handed over: from here on only its thread touches it.
            thread = try JournalThread.start("writer", directory: directory) { writer.run() }
        } catch {
            fileSystem.close(file)
            throw error
        }
        outcome.recovery.marks.raise(to: manifest.current.marks)
        return (Journal(directory: directory, queue: queue, notify: notify, thread: thread), outcome.recovery)
    }

    /// The manifest as recovery left it, or a new one: for a new journal, or for one an
    /// earlier version wrote (its segments listed as they are now, so later damage shows).
    private static func manifestFile(
        for outcome: inout JournalRecoveryRun.Outcome, directory: String, fileSystem: JournalFileSystem
    ) throws -> JournalManifestFile {
        if let found = outcome.manifest {
            return JournalManifestFile(directory: directory, fileSystem: fileSystem, manifest: found)
        }
        var manifest = JournalManifest()
        manifest.generation = 1
        manifest.snapshot = outcome.covered
        manifest.snapshotRecords = outcome.snapshotRecords
        manifest.legacySegments = outcome.legacy
        manifest.currentSegment = outcome.last?.segment ?? outcome.covered
        try JournalManifestFile.write(manifest, in: directory, fileSystem: fileSystem)
        if outcome.covered > 0 || !outcome.legacy.isEmpty {
            outcome.recovery.notes.append("\(directory): written by an earlier hotelline; its files are listed in "
                + "\(JournalManifest.name) as they are, and new records go to segments that carry a header")
        }
        outcome.manifest = manifest
        return JournalManifestFile(directory: directory, fileSystem: fileSystem, manifest: manifest)
    }

    /// The segment the writer goes on with: the last one, its header claiming what recovery
    /// kept on this boot with every mark known; or a new one after a segment without a header
    /// (never written to again) or none.
    private static func segmentToWrite(
        after outcome: JournalRecoveryRun.Outcome, manifest: JournalManifestFile, directory: String, fileSystem: JournalFileSystem
    ) throws -> (JournalFile, Int, SegmentHeader.Slot) {
        var marks = manifest.current.marks
        marks.raise(to: outcome.recovery.marks)
        if let last = outcome.last, var slot = last.slot {
            let file = try fileSystem.open(JournalSegments.path(directory, last.segment), .existing)
            do {
                if slot.claim != last.claim || slot.boot != fileSystem.bootIdentity || !slot.marks.covers(marks) {
                    slot.counter += 1
                    slot.claim = last.claim
                    slot.boot = fileSystem.bootIdentity
                    slot.marks.raise(to: marks)
                    try fileSystem.write(SegmentHeader.encode(slot), to: file, at: SegmentHeader.offset(ofCounter: slot.counter))
                    try fileSystem.synchronize(file)
                }
                try manifest.update { $0.currentSegment = max($0.currentSegment, last.segment) }
            } catch {
                fileSystem.close(file)
                throw error
            }
            return (file, last.segment, slot)
        }
        // An empty file a crash left while starting a segment is started again; after a
        // segment without a header, the next number.
        let last = outcome.last
        let segment = last.map { manifest.current.legacy($0.segment) == nil ? $0.segment : $0.segment + 1 } ?? outcome.covered + 1
        let file = try SegmentHeader.startSegment(segment, directory: directory, fileSystem: fileSystem, marks: marks)
        do {
            try manifest.update { $0.currentSegment = max($0.currentSegment, segment) }
        } catch {
            fileSystem.close(file)
            throw error
        }
        return (file, segment, SegmentHeader.Slot(segment: segment, counter: 0, claim: .empty, boot: fileSystem.bootIdentity, marks: marks))
    }

    /// Queues `record` to be made durable; its acknowledgement carries `token`.
    ///
    /// Never blocks on the disk. Acknowledgements come back in append order. A payload
    /// over `JournalFrame.maximumPayloadSize` is acknowledged as `.recordTooLarge`. After `close`,
    /// or once the journal has failed, the record is refused: a failure acknowledgement is
    /// published at once and `notify` is called, so the caller has one path for both.
    public func append(_ record: JournalRecord, token: UInt64) {
        if queue.enqueue(.record(record, token: token)) != nil {
            notify()
        }
    }

    /// Makes `marks` durable (each value at least as high) before any record appended after
    /// this call is written. Never blocks; the writer writes them with the next commit, in
    /// the manifest, so raise them rarely (the store does, a thousand numbers ahead).
    public func raise(_ marks: HighWaterMarks) {
        _ = queue.enqueue(.marks(marks))
    }

    /// The acknowledgements published since the last call, in append order.
    public func takeAcknowledgements() -> [JournalAck] {
        queue.takeAcknowledgements()
    }

    /// Records appended whose acknowledgement is not yet published.
    public var pendingCount: Int {
        queue.pendingCount
    }

    /// Counters since `open`: durable and failed records, successful syncs.
    public var statistics: JournalStatistics {
        queue.statistics
    }

    /// How long each successful sync since `open` took (see `JournalSyncTimes`).
    public var syncTimes: JournalSyncTimes {
        queue.syncTimes
    }

    /// Asks the writer to replace everything appended so far by `records`, the complete
    /// state as the caller knows it now. Never blocks: the writer does it in order with the
    /// appends (see `JournalWriter` for the steps and why a crash between them is safe).
    ///
    /// `records` must hold every live record, including those appended and not yet
    /// acknowledged, and none whose failure the caller has taken: they replace all of it
    /// on the next `open`. If a record appended before the call fails after the caller
    /// gathered them, the snapshot is not written (it might bring that record back) and the
    /// segments stay. Written or not, `bytesSinceSnapshot` starts again from zero, and
    /// `statistics` counts the outcome. After `close` or a failure it does nothing.
    public func snapshot(_ records: [JournalRecord]) {
        snapshot(producing: { records })
    }

    /// `snapshot(_:)` with the records produced on the writer thread, when it gets to the
    /// request: a caller with a large state captures it as a value (copy-on-write, so in
    /// constant time) instead of gathering and encoding it on the event loop. `records`
    /// must give the state as of this call.
    public func snapshot(producing records: @escaping @Sendable () -> [JournalRecord]) {
        _ = queue.enqueue(.snapshot(.init(records: records)))
    }

    /// Frame bytes appended since the last `snapshot` call (at open: the bytes of the
    /// segments after the newest snapshot), so the layer above can decide when to call it.
    public var bytesSinceSnapshot: Int {
        queue.tailBytes
    }

    /// Starts a new segment now and returns its number.
    ///
    /// Every record appended before the call goes into the earlier segments, every record
    /// appended after into this one or later. Waits for the writer to commit what is
    /// queued and create the segment, so call it where a short wait is acceptable.
    public func rollSegment() throws -> Int {
        let request = JournalRollRequest()
        if let refusal = queue.enqueue(.roll(request)) { throw refusal }
        return try request.wait()
    }

    /// Writes and syncs everything queued, publishes its acknowledgements and stops the
    /// writer thread. Later appends are refused. Safe to call more than once.
    public func close() {
        _ = queue.beginClosing()
        let thread = writerThread.withLock { thread in
            defer { thread = nil }
            return thread
        }
        if let thread {
            pthread_join(thread, nil)
        }
    }
}
