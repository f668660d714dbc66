import Synchronization

extension Journal: RecordLog {}

/// A record log in memory: every append is "durable" at once (or refused, when told to
/// fail). For replays, tests and benchmarks that must not touch a disk.
public final class MemoryLog: RecordLog {
    public private(set) var records: [JournalRecord] = []
    private var acknowledgements: [JournalAck] = []
    /// While set, appends are acknowledged as failures with this error.
    public var failure: JournalError?
    /// While true, acknowledgements wait (as if the disk were slow) until it is false again.
    public var holdAcknowledgements = false
    private let notify: () -> Void

    /// `notify` is called after each append, as the journal's writer would call it.
    public init(notify: @escaping () -> Void = {}) {
        self.notify = notify
    }

    public func append(_ record: JournalRecord, token: UInt64) {
        if let failure {
            acknowledgements.append(JournalAck(token: token, outcome: .failure(failure)))
        } else {
            records.append(record)
            acknowledgements.append(JournalAck(token: token, outcome: .success(())))
        }
        notify()
    }

    public func takeAcknowledgements() -> [JournalAck] {
        guard !holdAcknowledgements else { return [] }
        defer { acknowledgements.removeAll() }
        return acknowledgements
    }

    public func close() {}
}

@available(*, unavailable)
extension MemoryLog: Sendable {}

extension HotelStore {
    /// Opens the journal under `dataDirectory/journal`, rebuilds the state from it, and
    /// returns the store with recovery's notes for the log. A record this version cannot
    /// read stops the start with an error naming the segment and offset.
    public static func open(dataDirectory: String, notify: @escaping @Sendable () -> Void) throws -> (store: HotelStore, notes: [String]) {
        let (journal, recovery) = try Journal.open(directory: dataDirectory + "/journal", notify: notify)
        var records: [HotelRecord] = []
        records.reserveCapacity(recovery.records.count)
        for index in recovery.records.indices {
            do {
                records.append(try HotelRecord(decoding: recovery.records[index]))
            } catch .malformed(let what) {
                journal.close()
                let location = recovery.locations[index]
                throw JournalError.corrupt(path: location.path, offset: location.offset, reason: "the record's checksum is right but its fields are not (\(what))")
            } catch {
                journal.close()
                throw recovery.unknownRecordError(at: index)
            }
        }
        return (HotelStore(log: journal, recovered: records), recovery.notes)
    }
}
