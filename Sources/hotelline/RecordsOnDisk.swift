import Glibc
import Storage

/// The records under a data directory, as the commands that read them beside a running
/// server find them: one check that `--data` holds a journal at all (a typo most likely
/// when it does not), and one read that never locks, cuts or writes it. Each says what is
/// wrong on stderr, as `hotelline COMMAND: …`, and leaves the directory as it found it.
enum RecordsOnDisk {
    /// Does `directory` hold a journal? When not, says so for `command` first.
    static func hasJournal(_ directory: String, for command: String) -> Bool {
        var journal = stat()
        guard stat(HotelStore.journalDirectory(directory), &journal) == 0, journal.st_mode & S_IFMT == S_IFDIR else {
            Console.error("hotelline \(command): no records in \(directory): it has no journal/ (is --data the directory the server was given?)")
            return false
        }
        return true
    }

    /// The records as of about now, read as `export` reads them (`HotelStore.readOnly`);
    /// nil, once said why, when there is no journal or it cannot be read.
    static func read(_ directory: String, for command: String) -> HotelStore? {
        guard hasJournal(directory, for: command) else { return nil }
        do {
            return try HotelStore.readOnly(dataDirectory: directory)
        } catch {
            Console.error("hotelline \(command): \(error)")
            return nil
        }
    }
}
