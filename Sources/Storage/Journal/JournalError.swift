import Glibc

/// Everything that can go wrong in the journal, each case carrying what was wrong and
/// where, and describing itself as a sentence a person can act on.
///
/// `description` reads `place: problem (what to do)`, e.g.
/// `data/journal/000003.seg: offset 81920: checksum mismatch (…) (run "hotelline serve
/// --repair" …)`. The cases are stable for code to switch on; the wording may improve.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed on `path`; `errno` is the raw error number.
    case fileSystem(operation: String, path: String, errno: Int32)
    /// A segment holds damage that a crash cannot explain; opening stops here.
    case corrupt(path: String, offset: Int, reason: String)
    /// The snapshot recovery must start from fails its checks, and the segments it replaced
    /// are gone, so no older snapshot can stand in for it.
    case corruptSnapshot(path: String, reason: String)
    /// A segment is missing from the run recovery must read (later ones exist).
    case missingSegment(path: String)
    /// The segment the manifest says the journal was writing is gone.
    case missingLastSegment(path: String)
    /// The snapshot the manifest says recovery starts from is gone, with the segments it replaced.
    case missingSnapshot(path: String, records: Int)
    /// A segment holds fewer records than its header counts: acknowledged records are gone.
    case segmentCutShort(path: String, expected: Int, found: Int, reason: String)
    /// The manifest is gone though the journal holds segments written with one.
    case missingManifest(path: String)
    /// The manifest fails its checks.
    case corruptManifest(path: String, reason: String)
    /// A record the record layer cannot read. Raised by that layer, never by the journal,
    /// with the location recovery kept for the record.
    case unknownRecord(type: UInt8, version: UInt8, path: String, offset: Int)
    /// An append whose payload exceeds `JournalFrame.maximumPayloadSize`.
    case recordTooLarge(directory: String, size: Int, limit: Int)
    /// The journal could not undo a failed write and refuses every record from now on.
    case failed(directory: String, reason: String)
    /// An append or roll after `close()`.
    case closed(directory: String)
    /// A journal file or directory grants other users more than `allowed` and cannot be narrowed.
    case tooOpen(path: String, mode: UInt32, allowed: UInt32, errno: Int32)

    public var description: String {
        switch self {
        case .fileSystem(let operation, let path, let errno):
            "\(path): \(operation) failed: \(Self.message(errno)) (errno \(errno))\(Self.advice(errno))"
        case .corrupt(let path, let offset, let reason):
            "\(path): offset \(offset): \(reason) (restore it from a backup, or run \"hotelline serve --repair\" to "
                + "move the damaged segment aside, keep every good record and pass over the numbers the lost ones may have held)"
        case .corruptSnapshot(let path, let reason):
            "\(path): \(reason); the segments it replaced are gone, so no older snapshot can stand in for it "
                + "(run \"hotelline serve --repair\" to keep every record in it that still verifies and pass over the "
                + "numbers the lost ones may have held, or restore the data directory from a backup)"
        case .missingSegment(let path):
            "\(path): missing, though later segments exist; the records it held are lost unless it is restored "
                + "from a backup (run \"hotelline serve --repair\" to carry on without them and pass over every number "
                + "they may have held)"
        case .missingLastSegment(let path):
            "\(path): missing, though the manifest says the journal was writing it: the records it held are lost; "
                + "restore it from a backup, or start with --repair to carry on without them and pass over every number "
                + "they may have held"
        case .missingSnapshot(let path, let records):
            "\(path): missing, though the manifest says the journal starts from it (\(records) records) and the "
                + "segments it replaced are gone; restore it from a backup, or start with --repair to carry on without "
                + "those records and pass over every number they may have held"
        case .segmentCutShort(let path, let expected, let found, let reason):
            "\(path): \(expected) records expected (its header says), \(found) found: \(reason); restore it from a "
                + "backup, or start with --repair to keep what verifies and pass over the lost numbers"
        case .missingManifest(let path):
            "\(path): missing, though the journal's segments were written with one, so a lost segment could go "
                + "unseen; restore it from a backup, or start with --repair to rebuild it from the segments (and pass "
                + "over every number they record)"
        case .corruptManifest(let path, let reason):
            "\(path): \(reason); restore it from a backup, or start with --repair to rebuild it from the segments "
                + "(and pass over every number they record)"
        case .unknownRecord(let type, let version, let path, let offset):
            "\(path): offset \(offset): unknown record type \(type) version \(version) (written by a newer "
                + "hotelline? run that version, or move the journal aside)"
        case .recordTooLarge(let directory, let size, let limit):
            "\(directory): a record of \(size) bytes exceeds the journal's \(limit)-byte limit; it was not saved"
        case .failed(let directory, let reason):
            "\(directory): the journal refuses records because it could not undo a failed write (\(reason)); "
                + "everything acknowledged before is safe; restart the server once the disk is healthy"
        case .closed(let directory):
            "\(directory): the journal is closed; the record was not saved"
        case .tooOpen(let path, let mode, let allowed, let errno):
            "\(path): mode \(PrivateModes.octal(mode)) lets other users at guest data, and narrowing it to "
                + "\(PrivateModes.octal(mode & allowed)) failed: \(Self.message(errno)) (errno \(errno)); run "
                + "\"chmod \(String(allowed, radix: 8)) \(path)\" as its owner, or pass another --data"
        }
    }

    /// `error` as a `JournalError`: the file system throws only those; anything else is
    /// wrapped as a failure in `directory`, not lost.
    static func wrapping(_ error: any Error, directory: String) -> JournalError {
        error as? JournalError ?? .failed(directory: directory, reason: "\(error)")
    }

    private static func message(_ errno: Int32) -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }

    /// A hint for the errors an operator can do something about.
    private static func advice(_ errno: Int32) -> String {
        switch errno {
        case ENOSPC, EDQUOT:
            "; free space on that disk (the journal retries with the next record)"
        case EIO:
            "; the disk reported an I/O error, check the device (dmesg)"
        case EACCES, EPERM, EROFS:
            "; check the owner and permissions of that path, or pass another --data"
        default:
            ""
        }
    }
}
