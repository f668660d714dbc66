import Foundation
import Storage

/// `hotelline-bench journal`: group commit against one write + `fdatasync` per record.
///
/// Each round measures the baseline, then every writer count, for the same time on the
/// same disk, so each ratio compares figures taken minutes apart at most. A shared disk
/// stalls now and then (milliseconds, even for the baseline), so the verdict rests on the
/// median over the rounds, and every round is printed. Targets: 64 writers at least 30
/// times the baseline's records per second, 256 writers at least 100 times, and every ack
/// p99 under three times one fsync (the round's baseline median write + fdatasync).
struct JournalBench {
    let directory: String
    let seconds: Double
    let writers: [Int]
    let rounds: Int

    init(_ arguments: BenchArguments) throws {
        try arguments.check(known: ["dir", "seconds", "writers", "rounds"])
        directory = arguments.directory(purpose: "journal")
        seconds = try arguments.number("seconds", default: 2)
        writers = try arguments.list("writers", default: [1, 8, 64, 256])
        rounds = Int(try arguments.number("rounds", default: 3))
    }

    /// The least ratio to the baseline each writer count must reach.
    static let ratioTargets = [64: 30.0, 256: 100.0]
    static let latencyTarget = 3.0

    /// One writer count in one round, against that round's baseline.
    struct Row {
        let figures: JournalBenchmark.Figures
        let baseline: JournalBenchmark.Figures
        var ratio: Double { figures.recordsPerSecond / baseline.recordsPerSecond }
        var latency: Double { figures.latencyP99 / baseline.latencyP50 }
    }

    func run() throws -> Int32 {
        let duration = Duration.milliseconds(Int(seconds * 1000))
        let fileSystem = PosixFileSystem()
        try fileSystem.createDirectory(directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        print("journal benchmark in \(directory): \(rounds) rounds of \(Self.format(seconds, 1)) s per run, 200-byte records")
        print("round  writers  durable records/s  x baseline  records/sync  ack p50   ack p99   p99/fsync")
        var rows: [Int: [Row]] = [:]
        var baselines: [JournalBenchmark.Figures] = []
        for round in 1...rounds {
            let baseline = try JournalBenchmark.measureBaseline(
                directory: directory, duration: duration, payloadSize: 200, fileSystem: fileSystem
            )
            baselines.append(baseline)
            print(Self.pad(String(round), 7) + Self.pad("base", 9) + Self.pad(String(Int(baseline.recordsPerSecond)), 19)
                + Self.pad("1.0x", 12) + Self.pad("1.0", 14) + Self.pad(Self.milliseconds(baseline.latencyP50), 10)
                + Self.milliseconds(baseline.latencyP99))
            for count in writers {
                let figures = try JournalBenchmark.measureGroupCommit(
                    directory: directory, writers: count, duration: duration, payloadSize: 200, fileSystem: fileSystem
                )
                let row = Row(figures: figures, baseline: baseline)
                rows[count, default: []].append(row)
                print(Self.pad(String(round), 7) + Self.line(count: count, row: row))
            }
        }
        return verdict(rows: rows, baselines: baselines)
    }

    /// The medians over the rounds, checked against the targets; the exit status.
    private func verdict(rows: [Int: [Row]], baselines: [JournalBenchmark.Figures]) -> Int32 {
        let fsync = Self.median(baselines.map { $0.latencyP50 / .milliseconds(1) })
        let rate = Self.median(baselines.map(\.recordsPerSecond))
        print("\nmedian of \(rounds) rounds; baseline \(Int(rate)) records/s, one fsync (write + fdatasync) "
            + "\(Self.format(fsync, 3)) ms")
        print("writers  durable records/s  x baseline  records/sync  ack p50   ack p99   p99/fsync")
        var missed: [String] = []
        for count in writers {
            let rows = rows[count] ?? []
            let ratio = Self.median(rows.map(\.ratio))
            let latency = Self.median(rows.map(\.latency))
            print(Self.pad(String(count), 9) + Self.pad(String(Int(Self.median(rows.map(\.figures.recordsPerSecond)))), 19)
                + Self.pad(Self.format(ratio, 1) + "x", 12)
                + Self.pad(Self.format(Self.median(rows.map { Double($0.figures.records) / Double(max($0.figures.syncs, 1)) }), 1), 14)
                + Self.pad(Self.format(Self.median(rows.map { $0.figures.latencyP50 / .milliseconds(1) }), 3) + " ms", 10)
                + Self.pad(Self.format(Self.median(rows.map { $0.figures.latencyP99 / .milliseconds(1) }), 3) + " ms", 10)
                + Self.format(latency, 2) + "x")
            if let target = Self.ratioTargets[count], ratio < target {
                missed.append("\(count) writers reach \(Self.format(ratio, 1))x the baseline, the target is \(Self.format(target, 0))x")
            }
            if latency >= Self.latencyTarget {
                missed.append("\(count) writers: ack p99 is \(Self.format(latency, 2))x one fsync, the target is under "
                    + "\(Self.format(Self.latencyTarget, 0))x")
            }
        }
        for miss in missed { print("MISSED: \(miss)") }
        if missed.isEmpty { print("every journal target met") }
        return missed.isEmpty ? 0 : 1
    }

    private static func line(count: Int, row: Row) -> String {
        let figures = row.figures
        return pad(String(count), 9) + pad(String(Int(figures.recordsPerSecond)), 19) + pad(format(row.ratio, 1) + "x", 12)
            + pad(format(Double(figures.records) / Double(max(figures.syncs, 1)), 1), 14)
            + pad(milliseconds(figures.latencyP50), 10) + pad(milliseconds(figures.latencyP99), 10) + format(row.latency, 2) + "x"
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func milliseconds(_ duration: Duration) -> String {
        format(duration / .milliseconds(1), 3) + " ms"
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
