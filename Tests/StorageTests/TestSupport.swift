import HotelCalendar
import Dispatch
import Foundation
import Glibc
import Synchronization
@testable import Storage

/// A journal under test with its wake-ups counted, and helpers to wait for its answers.
final class JournalHarness: Sendable {
    let journal: Journal
    let recovery: JournalRecovery
    let directory: String
    private let woken = DispatchSemaphore(value: 0)
    private let collected = Mutex<[JournalAck]>([])

    init(directory: String, fileSystem: JournalFileSystem = PosixFileSystem(), options: JournalSettings = .init()) throws {
        let woken = self.woken
        (journal, recovery) = try Journal.open(directory: directory, fileSystem: fileSystem, options: options) {
            woken.signal()
        }
        self.directory = directory
    }

    deinit { journal.close() }

    /// Waits until `count` acknowledgements have arrived (or 10 s passed) and returns them.
    func waitForAcknowledgements(_ count: Int) -> [JournalAck] {
        let deadline = DispatchTime.now() + 10
        while collected.withLock({ $0.count }) < count, woken.wait(timeout: deadline) == .success {
            let new = journal.takeAcknowledgements()
            collected.withLock { $0 += new }
        }
        return collected.withLock { acks in
            defer { acks.removeFirst(min(count, acks.count)) }
            return Array(acks.prefix(count))
        }
    }

    /// Waits (10 s at most) until `count` snapshots have been written or given up: their
    /// writing runs on a thread of its own.
    func waitForSnapshots(_ count: Int) {
        let deadline = DispatchTime.now() + 10
        while journal.statistics.snapshots + journal.statistics.snapshotsNotWritten < count, DispatchTime.now() < deadline {
            usleep(1000)
        }
    }

    /// Appends `records` with tokens from `firstToken` and waits for all their answers.
    @discardableResult
    func append(_ records: [JournalRecord], firstToken: UInt64 = 1) -> [JournalAck] {
        for (index, record) in records.enumerated() {
            journal.append(record, token: firstToken + UInt64(index))
        }
        return waitForAcknowledgements(records.count)
    }
}

func sampleRecords(_ count: Int, type: UInt8 = 1, tag: String = "record") -> [JournalRecord] {
    (0..<count).map { JournalRecord(type: type, version: 1, payload: Array("\(tag) \($0)".utf8)) }
}

func fileMode(_ path: String) -> mode_t {
    var status = stat()
    return stat(path, &status) == 0 ? status.st_mode & 0o777 : 0
}

/// The description of an error that may be missing, without crashing the test run.
func message(_ error: (any Error)?) -> String {
    error.map { "\($0)" } ?? "(no error)"
}

extension WallTime {
    /// `milliseconds` since 1970: the store's tests write their instants as small numbers.
    static func at(_ milliseconds: Int64) -> WallTime { WallTime(millisecondsSince1970: milliseconds) }
}
