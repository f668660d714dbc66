import Glibc

/// `hotelline-bench COMMAND [options]`: the figures behind the journal's targets, printed
/// for a person and checked. Exit status 0 when every target is met, 1 when one is missed
/// or the run failed, 2 for a mistake on the command line. Run it through
/// `Scripts/bench-journal`, which builds it in release mode first.
let usage = """
    Usage:
      hotelline-bench journal [--dir DIR] [--seconds S] [--writers 1,8,64,256] [--rounds R]
          durable records/s with W concurrent writers against one write + fdatasync per
          record on the same disk, and the acknowledgement latency (median of R rounds, default 3)
      hotelline-bench startup [--dir DIR] [--records N]
          HotelStore.open with N records on disk (default 100000), from segments and
          from a snapshot
      hotelline-bench echo [--port N] [--max CONNECTIONS]
          the line's own event loop answering each line with itself, on 127.0.0.1 (a free
          port unless --port), the baseline of Scripts/bench-line; until SIGTERM
      hotelline-bench misbehave --port N [--idle N] [--slow N] [--flood N] [--deaf N] [--seconds S]
          callers who misbehave, each dialling again when hung up on (Scripts/soak): idle,
          a byte a second, lines as fast as the socket takes them, never reading
    DIR (default: a new directory under $TMPDIR) should be on the disk the data will live on.
    """

let arguments = CommandLine.arguments.dropFirst()
let status: Int32
do {
    let options = try BenchArguments(arguments.dropFirst())
    switch arguments.first {
    case "journal": status = try JournalBench(options).run()
    case "startup": status = try StartupBench(options).run()
    case "echo": status = try EchoServer.run(options)
    case "misbehave": status = try Misbehave.run(options)
    default: throw BenchArguments.Mistake(description: "unknown command \"\(arguments.first ?? "")\"")
    }
} catch let mistake as BenchArguments.Mistake {
    print("hotelline-bench: \(mistake)\n\(usage)")
    status = 2
} catch {
    print("hotelline-bench: \(error)")
    status = 1
}
exit(status)
