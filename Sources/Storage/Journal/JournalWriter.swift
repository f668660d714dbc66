import Glibc

/// The journal's writer thread: group commit from the queue to the current segment.
///
/// Each turn takes every entry queued since the previous sync, encodes the records into
/// one buffer, writes it with one `write`, `fdatasync`s once and only then publishes the
/// acknowledgements and calls `notify`. It never sleeps on a timer: the moment a sync
/// returns it takes whatever queued meanwhile, so under load batches grow by themselves
/// and with one writer the latency is one write plus one sync. After a commit of several
/// records it may linger a few microseconds for the next wave, encoding it as it comes
/// (see `JournalQueue`), so a wave is synced whole rather than its first record alone.
///
/// Each commit writes the batch's frames after the segment's header, then the header slot
/// claiming them (see `SegmentHeader`), then syncs once: the claim costs one more page in
/// the same sync, never another sync. Marks raised by the layer above (`.marks` entries) are
/// made durable in the manifest before the first commit that follows them, batched with it
/// (the layer raises them rarely: once per thousand numbers).
///
/// A failed write or sync fails that batch, then cuts the file back to its durable claim
/// (and writes that claim again, and syncs) so no part of it can resurface after a later
/// success or a restart. If that fails too, the file's content is unknown: the writer turns
/// the journal failed.
///
/// A snapshot starts in order with the records: (a) roll to segment N+1, so every record
/// appended before the request lies in segments ≤ N; then `JournalSnapshotWriter`, on a
/// thread of its own while commits go on, (b) writes `snapshot-N.snap` durably through a
/// temporary file and (c) only then removes segments ≤ N and older snapshots. A crash
/// between any two steps leaves either the old starting point with all its segments, or
/// the new snapshot (recovery finishes step (c)). A snapshot that fails is counted and
/// given up: the segments stay, so nothing is lost.
///
/// Confined to its thread: created by `Journal.open`, then touched only by `run()`.
final class JournalWriter {
    private let directory: String
    private let fileSystem: JournalFileSystem
    private let segmentSizeLimit: Int
    private let queue: JournalQueue
    private let notify: @Sendable () -> Void

    private var file: JournalFile
    private var segment: Int
    /// What the current segment holds on stable storage: its header's newest claim.
    private var claim: SegmentHeader.Claim
    /// The counter of the header slot written last.
    private var counter: UInt64
    /// Marks in the manifest, and marks asked for (not durable until the next commit).
    private var durableMarks: HighWaterMarks
    private var wantedMarks: HighWaterMarks
    private let manifest: JournalManifestFile
    /// Set when a failed write could not be undone; every later record fails with it.
    private var failure: JournalError?
    /// The encoding buffer, kept between batches so steady traffic does not reallocate.
    private var buffer: [UInt8] = []
    /// Records this writer acknowledged as failures: with the refusals at `enqueue`, every
    /// failure of a record appended before a snapshot request, once the writer reaches it.
    private var failedRecords = 0
    /// The thread writing the last snapshot requested, until joined.
    private var snapshotThread: pthread_t?
    /// Records in the last commit: the batch size the queue lingers for (see `JournalQueue`).
    private var lastCommitted = 0
    /// Leading entries of the coming batch already encoded into `buffer` while the queue
    /// lingered (records only, so all of them belong to the batch's first commit).
    private var encodedThrough = 0
    /// Records of the batch refused before the write, by index in the batch: rare, so
    /// usually never allocated.
    private var refused: [Int: JournalError] = [:]

    init(
        directory: String, fileSystem: JournalFileSystem, segmentSizeLimit: Int,
        queue: JournalQueue, notify: @escaping @Sendable () -> Void, manifest: JournalManifestFile,
        file: JournalFile, segment: Int, slot: SegmentHeader.Slot
    ) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.segmentSizeLimit = segmentSizeLimit
        self.queue = queue
        self.notify = notify
        self.manifest = manifest
        self.file = file
        self.segment = segment
        self.claim = slot.claim
        self.counter = slot.counter
        self.durableMarks = manifest.current.marks
        self.wantedMarks = durableMarks
    }

    /// The thread's body: commit batches until the queue is closed and drained.
    func run() {
        while let batch = queue.nextBatch(expecting: lastCommitted, prepare: prepare) {
            // Records before a roll or a snapshot belong in the segments it cuts off.
            var start = batch.startIndex
            for index in batch.indices {
                switch batch[index] {
                case .record:
                    continue
                case .marks(let marks):
                    // Made durable by the commit of the entries around it, before their records.
                    wantedMarks.raise(to: marks)
                    continue
                case .roll(let request):
                    commit(batch[start..<index])
                    request.complete(rollRequested())
                case .snapshot(let request):
                    commit(batch[start..<index])
                    if let (written, problem) = snapshotRequested(request) {
                        queue.snapshotFinished(written: written, problem: problem)
                    }
                }
                start = index + 1
            }
            commit(batch[start...])
            encodedThrough = 0
        }
        finishSnapshot()
        fileSystem.close(file)
    }

    /// Encodes records that arrived while the queue lingers, ahead of the commit.
    private func prepare(_ entries: [JournalQueue.Entry]) {
        for entry in entries {
            encode(entry, at: encodedThrough)
            encodedThrough += 1
        }
    }

    /// Appends the frame of a record entry to `buffer`, or notes why it is refused.
    private func encode(_ entry: JournalQueue.Entry, at index: Int) {
        guard case .record(let record, _) = entry else { return }
        if let failure {
            refused[index] = failure
        } else if record.payload.count > JournalFrame.maximumPayloadSize {
            refused[index] = .recordTooLarge(
                directory: directory, size: record.payload.count, limit: JournalFrame.maximumPayloadSize
            )
        } else {
            JournalFrame.encode(record, into: &buffer)
        }
    }

    // MARK: - Group commit

    /// Writes and syncs the records of `entries` (rolls and snapshots are not among them)
    /// as one batch, then publishes their acknowledgements in order. Entries before
    /// `encodedThrough` are in `buffer` already.
    private func commit(_ entries: ArraySlice<JournalQueue.Entry>) {
        guard !entries.isEmpty else { return }
        defer {
            buffer.removeAll(keepingCapacity: true)
            refused.removeAll()
        }
        for index in entries.indices where index >= encodedThrough {
            encode(entries[index], at: index)
        }
        var syncNanoseconds: UInt64?
        var batchError: JournalError?
        var newFailure: JournalError?
        if !durableMarks.covers(wantedMarks) {
            // Before any record after the raise is written: nothing is ever numbered past a
            // mark that is not on disk. A failure fails the batch, and the next one retries.
            do {
                let wanted = wantedMarks
                if let failure { throw failure }
                try manifest.update { $0.marks.raise(to: wanted) }
                durableMarks = wanted
            } catch {
                batchError = JournalError.wrapping(error, directory: directory)
            }
        }
        if !buffer.isEmpty && batchError == nil {
            let records = entries.indices.count { index in
                if case .record = entries[index], refused[index] == nil { true } else { false }
            }
            do {
                syncNanoseconds = try writeAndSync(records: records)
            } catch {
                batchError = JournalError.wrapping(error, directory: directory)
                newFailure = undoFailedWrite(after: batchError!)
            }
        }
        var acknowledgements: [JournalAck] = []
        acknowledgements.reserveCapacity(entries.count)
        for index in entries.indices {
            guard case .record(_, let token) = entries[index] else { continue }
            if let error = refused[index] ?? batchError {
                acknowledgements.append(JournalAck(token: token, outcome: .failure(error)))
                failedRecords += 1
            } else {
                acknowledgements.append(JournalAck(token: token, outcome: .success(())))
            }
        }
        lastCommitted = acknowledgements.count
        queue.publish(acknowledgements, syncNanoseconds: syncNanoseconds, failure: newFailure)
        notify()
    }

    /// The frames, then the slot claiming them, then one sync: the acknowledgements that
    /// follow are covered by a claim on disk. Returns how long the sync took.
    private func writeAndSync(records: Int) throws -> UInt64 {
        if claim.bytes >= segmentSizeLimit {
            try roll()
        }
        let next = claim.appending(buffer, records: records)
        try fileSystem.write(buffer, to: file, at: SegmentHeader.size + claim.bytes)
        try writeSlot(claiming: next)
        let started = Self.monotonicNanoseconds()
        try fileSystem.synchronize(file)
        let took = Self.monotonicNanoseconds() &- started
        claim = next
        return took
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Writes the header slot after the last one, claiming `claimed`.
    private func writeSlot(claiming claimed: SegmentHeader.Claim) throws {
        let slot = SegmentHeader.Slot(
            segment: segment, counter: counter + 1, claim: claimed, boot: fileSystem.bootIdentity, marks: durableMarks
        )
        try fileSystem.write(SegmentHeader.encode(slot), to: file, at: SegmentHeader.offset(ofCounter: slot.counter))
        counter = slot.counter
    }

    /// Cuts the segment back to its durable claim after a failed write or sync, and claims
    /// that again (the failed commit may have written its slot). Returns the error that fails
    /// the journal if that is impossible, nil when the cut held.
    private func undoFailedWrite(after error: JournalError) -> JournalError? {
        do {
            try fileSystem.truncate(file, to: SegmentHeader.size + claim.bytes)
            try writeSlot(claiming: claim)
            try fileSystem.synchronize(file)
            return nil
        } catch let cutError {
            failure = .failed(
                directory: directory,
                reason: "after \(error), cutting \(file.path) back to \(SegmentHeader.size + claim.bytes) bytes failed too: \(cutError)"
            )
            return failure
        }
    }

    // MARK: - Snapshots

    /// Step (a) of the snapshot `request` asks for, here, in order with the records; then
    /// (b) and (c) on a thread of their own, which reports to the queue. Returns the outcome
    /// when the snapshot is given up here, nil when the thread took it. One snapshot is
    /// written at a time: a request waits for the one before (only when they come faster
    /// than they can be written).
    private func snapshotRequested(_ request: JournalQueue.SnapshotRequest) -> (written: Bool, problem: String?)? {
        if let failure { return (false, "\(directory): snapshot not written: \(failure)") }
        guard failedRecords + request.refusedBefore == request.failuresTaken else {
            return (false, "\(directory): snapshot not written: a record appended before it failed after its "
                + "records were gathered, so they may still hold it; the next snapshot tries again")
        }
        finishSnapshot()
        let covered = segment
        let snapshotWriter = JournalSnapshotWriter(directory: directory, fileSystem: fileSystem, manifest: manifest)
        let (queue, records) = (queue, request.records)
        do {
            try roll()
            snapshotThread = try JournalThread.start("snapshot", directory: directory) {
                let (written, problem) = snapshotWriter.write(records(), covered: covered)
                queue.snapshotFinished(written: written, problem: problem)
            }
        } catch {
            return (false, "\(JournalError.wrapping(error, directory: directory))")
        }
        return nil
    }

    /// Waits for the snapshot being written, if any.
    private func finishSnapshot() {
        if let thread = snapshotThread {
            pthread_join(thread, nil)
            snapshotThread = nil
        }
    }

    // MARK: - Segments

    private func rollRequested() -> Result<Int, JournalError> {
        if let failure { return .failure(failure) }
        do {
            try roll()
            return .success(segment)
        } catch {
            return .failure(JournalError.wrapping(error, directory: directory))
        }
    }

    /// Switches to the next segment: started (header, sync, directory sync) and named in
    /// the manifest before any record goes into it, so a crash cannot lose the file with
    /// acknowledged records in it, and its loss is seen. A file an earlier attempt that
    /// failed half-way left is taken over.
    private func roll() throws {
        let next = segment + 1
        let newFile = try SegmentHeader.startSegment(next, directory: directory, fileSystem: fileSystem, marks: durableMarks)
        do {
            try manifest.update { $0.currentSegment = max($0.currentSegment, next) }
        } catch {
            fileSystem.close(newFile)
            throw error
        }
        fileSystem.close(file)
        file = newFile
        segment = next
        claim = .empty
        counter = 0
    }
}
