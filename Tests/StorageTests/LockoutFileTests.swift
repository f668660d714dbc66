import Foundation
import Storage
import Testing
import TestSupport

/// The lockouts file as the line and the operator share it: each change is made under the
/// staff lock, and the stamp it returns is of the file that change left, so the line tells
/// the next writer's change from its own however soon it comes.
@Suite("Lockouts file")
struct LockoutFileTests {
    @Test func eachUpdateReturnsTheStampOfTheFileItLeftAndTheNextWriteChangesIt() throws {
        let data = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let path = LockoutFile.path(in: data)
        let (written, problems, stamp) = try LockoutFile.update(dataDirectory: data) { $0.agents["mei"] = 4_000_000_000_000 }
        #expect(problems.isEmpty)
        #expect(written.agents["mei"] == 4_000_000_000_000)
        #expect(stamp != nil && stamp == FileStamp(path: path), "the stamp is of the file as the update left it")
        // A change of the same size at once, within one tick of the file times: another stamp.
        let (_, _, next) = try LockoutFile.update(dataDirectory: data) {
            $0.agents["mei"] = nil
            $0.agents["sue"] = 4_000_000_000_000
        }
        #expect(FileStamp(path: path)?.size == stamp?.size, "the same number of bytes")
        #expect(next != stamp, "a file replaced whole is another file")
        // An update that changes nothing writes nothing: the stamp stays.
        let (_, _, unchanged) = try LockoutFile.update(dataDirectory: data) { _ in }
        #expect(unchanged == next)
    }

    @Test func anUnreadableLineIsReportedAndTheRestKept() throws {
        let data = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try "agent\tmei\t4000000000000\nagent\tsue\tsoon\n".write(toFile: LockoutFile.path(in: data), atomically: true, encoding: .utf8)
        let (written, problems, stamp) = try LockoutFile.update(dataDirectory: data) { _ in }
        #expect(written.agents.keys.sorted() == ["mei"])
        #expect(problems.count == 1 && problems[0].contains("2"), "\(problems)")
        #expect(stamp == FileStamp(path: LockoutFile.path(in: data)), "the file was written again without the line")
    }
}
