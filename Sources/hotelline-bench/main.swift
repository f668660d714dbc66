import Glibc

/// `hotelline-bench`: servers for benchmarks, never shipped to a hotel.
///
///     hotelline-bench echo [--host ADDR] [--port N] [--max N]
///
/// `echo` answers every line with itself on the line's own event loop (see `EchoServer`);
/// it prints "echo line listening on HOST:PORT" once listening, and stops on SIGTERM.
/// Straight to fd 2: Swift 6 does not let us touch the C `stderr` global.
func complain(_ text: String) {
    var text = text + "\n"
    text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

let usage = "usage: hotelline-bench echo [--host ADDR] [--port N (default 2325; 0 picks one)] [--max CONNECTIONS]"
var arguments = CommandLine.arguments.dropFirst()
guard arguments.popFirst() == "echo" else {
    complain(usage)
    exit(2)
}
var host = "127.0.0.1"
var port: UInt16 = 2325
var maxConnections = 100_000
while let name = arguments.popFirst() {
    guard let value = arguments.popFirst() else {
        complain("hotelline-bench: \(name) needs a value\n" + usage)
        exit(2)
    }
    switch name {
    case "--host": host = value
    case "--port" where UInt16(value) != nil: port = UInt16(value)!
    case "--max" where Int(value).map({ $0 > 0 }) == true: maxConnections = Int(value)!
    default:
        complain("hotelline-bench: unknown option or bad value: \(name) \(value)\n" + usage)
        exit(2)
    }
}
var limit = rlimit()
if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(maxConnections + 64) {
    limit.rlim_cur = min(rlim_t(maxConnections + 64), limit.rlim_max)
    setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
}
signal(SIGPIPE, SIG_IGN)
do {
    try EchoServer.serve(host: host, port: port, maxConnections: maxConnections)
} catch {
    complain("hotelline-bench echo: \(error)")
    exit(1)
}
