import Glibc

/// Where the command line talks to the operator: results on stdout, problems and notes on
/// stderr, each line flushed at once so a supervisor reading the pipe sees it.
enum Console {
    static func out(_ line: String) {
        print(line)
        fflush(nil)
    }

    /// Text to stdout as it is (an export), unbuffered.
    static func write(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    static func error(_ line: String) {
        write(line + "\n", to: STDERR_FILENO)
    }

    /// Replaces the status line at the bottom of the terminal (stderr, no line feed); an
    /// empty text clears it. Only for a terminal: check `isatty(STDERR_FILENO)` first.
    static func status(_ line: String) {
        write("\r" + line + "\u{1b}[K", to: STDERR_FILENO)
    }

    /// Straight to the file descriptor: the C `stdout`/`stderr` globals are not something
    /// Swift 6 lets us touch from any thread, and these must not sit in a buffer.
    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    /// A note from the running server, stamped so a log file reads in order.
    static func log(_ line: String) {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        let stamp = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        write("\(stamp) hotelline: \(line)\n", to: STDERR_FILENO)
    }
}
