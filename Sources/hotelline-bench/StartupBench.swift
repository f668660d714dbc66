import Dispatch
import Foundation
import HotelCalendar
import Storage

/// `hotelline-bench startup`: how long `HotelStore.open` takes with N realistic records
/// on disk (recovery, decoding and rebuilding the indexes), read from segments and then
/// from a snapshot, with the time of each part. Target: under half a second for 100,000.
struct StartupBench {
    let directory: String
    let records: Int
    static let target = Duration.milliseconds(500)

    init(_ arguments: BenchArguments) throws {
        try arguments.check(known: ["dir", "records"])
        directory = arguments.directory(purpose: "startup")
        records = Int(try arguments.number("records", default: 100_000))
    }

    func run() throws -> Int32 {
        try? FileManager.default.removeItem(atPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let written = try SampleHotel.write(records, to: directory)
        print("start-up with \(records) records (\(written / 1024) KiB of journal) in \(directory)")
        let fromSegments = try measureOpen(label: "from segments")
        let journal = HotelStore.journalDirectory(directory)
        let (opened, recovery) = try Journal.open(directory: journal) {}
        opened.snapshot(recovery.records)
        opened.close()
        guard opened.statistics.snapshots == 1 else {
            throw BenchArguments.Mistake(description: "the snapshot was not written: \(opened.statistics.lastSnapshotProblem ?? "?")")
        }
        let fromSnapshot = try measureOpen(label: "from a snapshot")
        try measureSnapshotRequest()
        let slowest = max(fromSegments, fromSnapshot)
        guard slowest < Self.target else {
            print("MISSED: start-up took \(JournalBench.milliseconds(slowest)), the target is under \(JournalBench.milliseconds(Self.target))")
            return 1
        }
        print("start-up target met (under \(JournalBench.milliseconds(Self.target)))")
        return 0
    }

    /// What the store's snapshot policy costs the event loop: the append that asks for a
    /// snapshot (capturing the state) and the next one (which copies the part of the state
    /// it changes while the writer still reads the captured one). The writer gathers,
    /// encodes and writes on its own thread.
    private func measureSnapshotRequest() throws {
        var options = StoreSettings()
        options.snapshotThreshold = 1
        let (store, _) = try HotelStore.open(dataDirectory: directory, options: options) {}
        defer { store.close() }
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<2 {
            _ = store.fileComplaint(SampleHotel.complaint(records + index), now: SampleHotel.now(records + index), token: UInt64(index))
        }
        print("a snapshot request holds the event loop \(JournalBench.milliseconds(clock.now - start)) "
            + "(the append that asks and the next one, \(store.recordCount) records)")
    }

    /// The median of three opens, then one run of the parts on their own.
    private func measureOpen(label: String) throws -> Duration {
        var times: [Duration] = []
        var count = 0
        for _ in 0..<3 {
            let clock = ContinuousClock()
            let start = clock.now
            let (store, _) = try HotelStore.open(dataDirectory: directory) {}
            times.append(clock.now - start)
            count = store.recordCount
            store.close()
        }
        let median = times.sorted()[1]
        let clock = ContinuousClock()
        var mark = clock.now
        func lap() -> String {
            defer { mark = clock.now }
            return JournalBench.milliseconds(clock.now - mark)
        }
        let recovery = try Journal.readOnlyView(directory: HotelStore.journalDirectory(directory))
        let reading = lap()
        let decoded = try recovery.records.map { try HotelRecord(decoding: $0) }
        let decoding = lap()
        let store = HotelStore(log: MemoryLog(), recovered: decoded)
        let rebuilding = lap()
        print("HotelStore.open \(label): \(JournalBench.milliseconds(median)) for \(count) records "
            + "(reading \(reading), decoding \(decoding), rebuilding the indexes \(rebuilding))")
        _ = store.recordCount
        return median
    }
}
