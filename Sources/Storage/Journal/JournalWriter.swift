/// The journal's writer thread: group commit from the queue to the current segment.
///
/// Each turn takes every entry queued since the previous sync, encodes the records into
/// one buffer, writes it with one `write`, `fdatasync`s once and only then publishes the
/// acknowledgements and calls `notify`. It never sleeps on a timer: the moment a sync
/// returns it takes whatever queued meanwhile, so under load batches grow by themselves
/// and with one writer the latency is one write plus one sync.
///
/// A failed write or sync fails that batch, then cuts the file back to `durableSize` (and
/// syncs the cut) so no part of it can resurface after a later success or a restart. If
/// the cut fails too, the file's content is unknown: the writer turns the journal failed.
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
    /// Bytes of the current segment known to be on stable storage.
    private var durableSize: Int
    /// Set when a failed write could not be undone; every later record fails with it.
    private var failure: JournalError?
    /// The encoding buffer, kept between batches so steady traffic does not reallocate.
    private var buffer: [UInt8] = []

    init(
        directory: String, fileSystem: JournalFileSystem, segmentSizeLimit: Int,
        queue: JournalQueue, notify: @escaping @Sendable () -> Void,
        file: JournalFile, segment: Int, durableSize: Int
    ) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.segmentSizeLimit = segmentSizeLimit
        self.queue = queue
        self.notify = notify
        self.file = file
        self.segment = segment
        self.durableSize = durableSize
    }

    /// The thread's body: commit batches until the queue is closed and drained.
    func run() {
        while let batch = queue.nextBatch() {
            var records: [(record: JournalRecord, token: UInt64)] = []
            for entry in batch {
                switch entry {
                case .record(let record, let token):
                    records.append((record, token))
                case .roll(let request):
                    // Records queued before the roll belong in the old segment.
                    commit(records)
                    records = []
                    request.complete(rollRequested())
                }
            }
            commit(records)
        }
        fileSystem.close(file)
    }

    // MARK: - Group commit

    private func commit(_ records: [(record: JournalRecord, token: UInt64)]) {
        guard !records.isEmpty else { return }
        var outcomes = [Result<Void, JournalError>](repeating: .success(()), count: records.count)
        /// The records that went into `buffer`, whose fate the write and sync decide.
        var encoded: [Int] = []
        buffer.removeAll(keepingCapacity: true)
        for (index, entry) in records.enumerated() {
            if let failure {
                outcomes[index] = .failure(failure)
            } else if entry.record.payload.count > JournalFrame.maximumPayloadSize {
                outcomes[index] = .failure(.recordTooLarge(
                    directory: directory, size: entry.record.payload.count, limit: JournalFrame.maximumPayloadSize
                ))
            } else {
                JournalFrame.encode(entry.record, into: &buffer)
                encoded.append(index)
            }
        }
        var synced = false
        var newFailure: JournalError?
        if !encoded.isEmpty {
            do {
                try writeAndSync()
                synced = true
            } catch {
                let error = Self.journalError(error, directory: directory)
                for index in encoded { outcomes[index] = .failure(error) }
                newFailure = undoFailedWrite(after: error)
            }
        }
        let acknowledgements = zip(records, outcomes).map { JournalAck(token: $0.token, outcome: $1) }
        queue.publish(acknowledgements, synced: synced, failure: newFailure)
        notify()
    }

    private func writeAndSync() throws {
        if durableSize >= segmentSizeLimit {
            try roll()
        }
        try fileSystem.write(buffer, to: file)
        try fileSystem.synchronize(file)
        durableSize += buffer.count
    }

    /// Cuts the segment back to its durable size after a failed write or sync. Returns
    /// the error that fails the journal if that is impossible, nil when the cut held.
    private func undoFailedWrite(after error: JournalError) -> JournalError? {
        do {
            try fileSystem.truncate(file, to: durableSize)
            try fileSystem.synchronize(file)
            return nil
        } catch let cutError {
            failure = .failed(
                directory: directory,
                reason: "after \(error), cutting \(file.path) back to \(durableSize) bytes failed too: \(cutError)"
            )
            return failure
        }
    }

    // MARK: - Segments

    private func rollRequested() -> Result<Int, JournalError> {
        if let failure { return .failure(failure) }
        do {
            try roll()
            return .success(segment)
        } catch {
            return .failure(Self.journalError(error, directory: directory))
        }
    }

    /// The file system throws `JournalError`s; anything else is wrapped, not lost.
    private static func journalError(_ error: any Error, directory: String) -> JournalError {
        error as? JournalError ?? .failed(directory: directory, reason: "\(error)")
    }

    /// Switches to the next segment. The new file's directory entry is synced before any
    /// record goes into it, or a crash could lose the file with acknowledged records in it.
    /// An empty file left by an earlier attempt that failed half-way is reused.
    private func roll() throws {
        let next = segment + 1
        let path = JournalSegments.path(directory, next)
        let newFile: JournalFile
        if fileSystem.exists(path) {
            newFile = try fileSystem.open(path, .append)
            let size = try fileSystem.size(of: newFile)
            guard size == 0 else {
                fileSystem.close(newFile)
                throw JournalError.corrupt(
                    path: path, offset: 0, reason: "a segment the writer is about to start already holds \(size) bytes"
                )
            }
        } else {
            newFile = try fileSystem.open(path, .createNew)
        }
        do {
            try fileSystem.synchronizeDirectory(directory)
        } catch {
            fileSystem.close(newFile)
            throw error
        }
        fileSystem.close(file)
        file = newFile
        segment = next
        durableSize = 0
    }
}
