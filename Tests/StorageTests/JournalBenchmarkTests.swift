import HotelCalendar
import TestSupport
import Testing
@testable import Storage

@Suite("Journal benchmark")
struct JournalBenchmarkTests {
    /// A smoke run: the figures must add up, not reach any speed. (Each measurement writes
    /// for as long as it is given, so a short one is as telling and costs the suite less.)
    @Test func shortRunGivesConsistentFigures() throws {
        try withTemporaryDirectory { directory in
            let report = try JournalBenchmark.run(directory: directory, writers: 8, duration: .milliseconds(20))
            for figures in [report.baseline, report.groupCommit] {
                #expect(figures.records > 0)
                #expect(figures.syncs >= 1 && figures.syncs <= figures.records)
                #expect(figures.latencyP50 <= figures.latencyP99)
                #expect(figures.recordsPerSecond > 0)
            }
            #expect(report.baseline.syncs == report.baseline.records)
            #expect(try PosixFileSystem().contentsOfDirectory(directory).sorted() == ["group-commit.bench"])
        }
    }
}
