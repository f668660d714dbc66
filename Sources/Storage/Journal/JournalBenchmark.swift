import Dispatch

/// Measures what group commit buys: durable records per second and acknowledgement
/// latency with W concurrent writers, against one `write` + `fdatasync` per record.
///
/// The group-commit run imitates the server: one thread plays the event loop, waking on
/// the journal's notify, taking acknowledgements and, for each, letting that "writer"
/// (a guest waiting for a number) append its next record at once. The baseline writes and
/// syncs each record before the next, as a server without group commit would. Figures
/// come from the real disk under `directory`, so run it where the data will live. Not a
/// test: it prints nothing and asserts nothing; the command line presents the figures.
public enum JournalBenchmark {
    /// The figures of one run.
    public struct Figures: Sendable, CustomStringConvertible {
        /// Concurrent writers (1 for the baseline).
        public let writers: Int
        /// Records acknowledged as durable.
        public let records: Int
        /// `fdatasync` calls that committed them.
        public let syncs: Int
        /// Wall time from the first append to the last acknowledgement.
        public let elapsed: Duration
        /// From append to acknowledgement taken, median and 99th percentile.
        public let latencyP50: Duration
        public let latencyP99: Duration

        public var recordsPerSecond: Double {
            Double(records) / max(elapsed / .seconds(1), 1e-9)
        }

        public var description: String {
            let perSync = syncs > 0 ? Double(records) / Double(syncs) : 0
            return "\(writers) writers: \(Int(recordsPerSecond)) durable records/s, "
                + "\(Self.format(perSync)) records per sync, ack latency p50 \(Self.milliseconds(latencyP50)), "
                + "p99 \(Self.milliseconds(latencyP99))"
        }

        private static func milliseconds(_ duration: Duration) -> String {
            format(duration / .milliseconds(1)) + " ms"
        }

        private static func format(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            let fraction = hundredths % 100
            return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
        }
    }

    /// Both measurements, each for `duration`, with records of `payloadSize` bytes.
    public struct Report: Sendable {
        public let baseline: Figures
        public let groupCommit: Figures
    }

    /// Runs the baseline, then group commit with `writers` writers, in `directory`
    /// (created if missing). Removes the files it wrote; leaves the directory.
    public static func run(
        directory: String, writers: Int, duration: Duration, payloadSize: Int = 200,
        fileSystem: JournalFileSystem = PosixFileSystem()
    ) throws -> Report {
        precondition(writers >= 1, "a benchmark needs at least one writer")
        try fileSystem.createDirectory(directory)
        let baseline = try measureBaseline(
            directory: directory, duration: duration, payloadSize: payloadSize, fileSystem: fileSystem
        )
        let groupCommit = try measureGroupCommit(
            directory: directory, writers: writers, duration: duration, payloadSize: payloadSize, fileSystem: fileSystem
        )
        return Report(baseline: baseline, groupCommit: groupCommit)
    }

    /// One record, one write, one `fdatasync`, then the next.
    public static func measureBaseline(
        directory: String, duration: Duration, payloadSize: Int, fileSystem: JournalFileSystem
    ) throws -> Figures {
        let path = JournalSegments.join(directory, "baseline.bench")
        if fileSystem.exists(path) { try fileSystem.remove(path) }
        let file = try fileSystem.open(path, .createNew)
        defer {
            fileSystem.close(file)
            try? fileSystem.remove(path)
        }
        let frame = JournalFrame.encode(sampleRecord(payloadSize))
        var latencies: [UInt64] = []
        let start = now()
        let end = start + nanoseconds(duration)
        var last = start
        while last < end {
            try fileSystem.write(frame, to: file)
            try fileSystem.synchronize(file)
            let done = now()
            latencies.append(done - last)
            last = done
        }
        return figures(writers: 1, latencies: latencies, syncs: latencies.count, elapsed: last - start)
    }

    /// W writers, each appending its next record as soon as its previous one is durable.
    public static func measureGroupCommit(
        directory: String, writers: Int, duration: Duration, payloadSize: Int, fileSystem: JournalFileSystem
    ) throws -> Figures {
        let journalDirectory = JournalSegments.join(directory, "group-commit.bench")
        try removeJournal(in: journalDirectory, fileSystem: fileSystem)
        defer { try? removeJournal(in: journalDirectory, fileSystem: fileSystem) }
        let woken = DispatchSemaphore(value: 0)
        let (journal, _) = try Journal.open(directory: journalDirectory, fileSystem: fileSystem) { woken.signal() }
        defer { journal.close() }
        let record = sampleRecord(payloadSize)
        var appendedAt = [UInt64](repeating: 0, count: writers)
        var latencies: [UInt64] = []
        let start = now()
        let end = start + nanoseconds(duration)
        for writer in 0..<writers {
            appendedAt[writer] = now()
            journal.append(record, token: UInt64(writer))
        }
        var outstanding = writers
        var last = start
        while outstanding > 0 {
            woken.wait()
            let acknowledgements = journal.takeAcknowledgements()
            last = now()
            for ack in acknowledgements {
                try ack.outcome.get()
                let writer = Int(ack.token)
                latencies.append(last - appendedAt[writer])
                outstanding -= 1
                if last < end {
                    appendedAt[writer] = now()
                    journal.append(record, token: ack.token)
                    outstanding += 1
                }
            }
        }
        let syncs = journal.statistics.syncs
        return figures(writers: writers, latencies: latencies, syncs: syncs, elapsed: last - start)
    }

    // MARK: - Helpers

    private static func figures(writers: Int, latencies: [UInt64], syncs: Int, elapsed: UInt64) -> Figures {
        let sorted = latencies.sorted()
        func percentile(_ fraction: Double) -> Duration {
            guard !sorted.isEmpty else { return .zero }
            return .nanoseconds(Int64(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]))
        }
        return Figures(
            writers: writers, records: latencies.count, syncs: syncs, elapsed: .nanoseconds(Int64(elapsed)),
            latencyP50: percentile(0.50), latencyP99: percentile(0.99)
        )
    }

    /// Removes the journal's files (segments and manifest), so the next run starts afresh.
    private static func removeJournal(in directory: String, fileSystem: JournalFileSystem) throws {
        guard fileSystem.exists(directory) else { return }
        for segment in try JournalSegments.list(directory, fileSystem: fileSystem) {
            try fileSystem.remove(JournalSegments.path(directory, segment))
        }
        let manifest = JournalManifest.path(directory)
        if fileSystem.exists(manifest) { try fileSystem.remove(manifest) }
    }

    private static func sampleRecord(_ payloadSize: Int) -> JournalRecord {
        JournalRecord(type: 0, version: 0, payload: (0..<payloadSize).map { UInt8(truncatingIfNeeded: $0) })
    }

    private static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }

    private static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
