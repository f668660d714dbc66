/// How `HotelStore.open` treats the data directory, each with a default for one server.
public struct StoreSettings: Sendable {
    /// Once the journal holds this many bytes appended since its last snapshot (default
    /// 64 MiB), the store snapshots every live record, so a start reads one snapshot and a
    /// short tail instead of every record ever written.
    public var snapshotThreshold = 64 << 20
    /// Repair the journal before opening it (`hotelline serve --repair`): every record
    /// that still verifies is kept, damaged files are set aside, and the notes say what.
    public var repair = false
    /// The journal's own settings (segment size).
    public var journal = JournalSettings()
    /// The files under the journal: the real disk, or a test's disk that fails on demand.
    public var fileSystem: JournalFileSystem = PosixFileSystem()

    public init() {}
}

extension HotelStore {
    /// Where the journal lives under a data directory.
    public static func journalDirectory(_ dataDirectory: String) -> String {
        JournalSegments.join(dataDirectory, "journal")
    }

    /// Opens the journal under `dataDirectory/journal` (repairing it first if asked),
    /// rebuilds the state from it, and returns the store with notes for the log (repairs,
    /// recovery). A record this version cannot read stops the start with an error naming
    /// the file and offset. The caller holds the `DataDirectoryLock`.
    public static func open(
        dataDirectory: String, options: StoreSettings = .init(), notify: @escaping @Sendable () -> Void
    ) throws -> (store: HotelStore, notes: [String]) {
        let directory = journalDirectory(dataDirectory)
        var notes: [String] = []
        var repaired = false
        if options.repair {
            try options.fileSystem.createDirectory(directory)
            let repair = try Journal.repairing(directory: directory, fileSystem: options.fileSystem)
            notes += repair.notes
            repaired = repair.changed
        }
        let (journal, recovery) = try Journal.open(directory: directory, fileSystem: options.fileSystem, options: options.journal, notify: notify)
        let records: [HotelRecord]
        do {
            records = try decode(recovery)
        } catch {
            journal.close()
            throw error
        }
        let store = HotelStore(log: journal, recovered: records, snapshotThreshold: options.snapshotThreshold)
        let lost = recovery.cutTail || repaired
        let next = store.passOverNumbers(marks: recovery.marks, passedOver: recovery.passedOver, recordsLost: lost)
        notes += recovery.notes
        if lost {
            notes.append("\(directory): records may have been lost, so every number they may have carried is passed over: \(next)")
        }
        return (store, notes)
    }

    /// The records under `dataDirectory/journal` as of about now, for `hotelline export`
    /// beside a running server: read through `Journal.readOnlyView`, so nothing on disk is
    /// written, locked or renamed and the server is never held up. The store answers
    /// questions; any record given to it is refused (acknowledged as a failure).
    public static func readOnly(dataDirectory: String) throws -> HotelStore {
        let directory = journalDirectory(dataDirectory)
        let records = try decode(Journal.readOnlyView(directory: directory))
        let log = MemoryLog()
        log.failure = .closed(directory: directory)
        return HotelStore(log: log, recovered: records)
    }

    /// Every recovered record as a `HotelRecord`, or an error naming the one that is not.
    private static func decode(_ recovery: JournalRecovery) throws -> [HotelRecord] {
        var records: [HotelRecord] = []
        records.reserveCapacity(recovery.records.count)
        for index in recovery.records.indices {
            do {
                records.append(try HotelRecord(decoding: recovery.records[index]))
            } catch .malformed(let what) {
                let location = recovery.locations[index]
                throw JournalError.corrupt(
                    path: location.path, offset: location.offset,
                    reason: "the record's checksum is right but its fields are not (\(what))"
                )
            } catch {
                throw recovery.unknownRecordError(at: index)
            }
        }
        return records
    }
}
