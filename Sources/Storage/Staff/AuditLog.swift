import HotelCalendar
import Glibc

/// The audit log, `DATA/audit.log` (`0600`): one line per event a data-protection officer
/// asks about: logins, failed logins, lockouts, takeovers, hang-ups, every time an agent
/// sees a guest's full phone number, every export.
///
///     2026-11-25T12:05:01Z login agent=mei from=127.0.0.1
///
/// The server appends through its `FileAppender` (never blocking the line); the command
/// line appends directly.
public enum AuditLog {
    public static let fileName = "audit.log"

    /// One line, stamped in UTC, ending in a newline. Values a person typed are escaped so
    /// a line stays one line.
    public static func line(_ event: String, _ details: KeyValuePairs<String, String> = [:], at milliseconds: Int64) -> String {
        var text = RecordTable.timestamp(WallTime(millisecondsSince1970: milliseconds)) + " " + event
        for (key, value) in details {
            let clean = value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f || $0 == " " ? "_" : String($0) }.joined()
            text += " \(key)=\(clean)"
        }
        return text + "\n"
    }

    /// Appends `line` now (the command line's way); returns why not, if it could not.
    @discardableResult
    public static func append(_ line: String, dataDirectory: String) -> String? {
        let path = dataDirectory + "/" + fileName
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "\(path): cannot open: \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        let written = line.utf8.withContiguousStorageIfAvailable { write(fd, $0.baseAddress, $0.count) } ?? -1
        return written == line.utf8.count ? nil : "\(path): cannot write: \(String(cString: strerror(errno)))"
    }

    /// Milliseconds since 1970, from the system clock.
    public static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
