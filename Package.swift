// swift-tools-version:6.0
// HotelLine: a hotel's guest-service telephone line as a text service over TCP.
// No package dependencies: the toolchain only, plus our own C shim for system headers.
import PackageDescription

/// Release builds skip the run-time exclusivity checks: the line's state is owned by one
/// event-loop thread, and on the hot path the checks cost a fifth of the loop's
/// instructions per guest line (callgrind, 100 load calls: 46.5M -> 37.3M). Debug builds,
/// and so `swift test`, keep every check.
let shipped: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

/// The prompt compiler and the conversation engine (Dialogue), and the transcript parsing and
/// replay built on them (Transcript, Replay), are optimised in debug builds too: unoptimised,
/// their generic collection code made them most of `swift test`'s CPU (a prompt compile took
/// 0.29 s, 0.10 s optimised; the suite compiles a few hundred sets and replays the transcript
/// suite many times, in-process and in every `hotelline` it starts). Asserts stay on
/// (`-assert-config Debug`), as do the exclusivity and overflow checks of any `-O` build; what
/// the tests prove is unchanged, about the code as it ships. So are the telnet codec and the
/// calendar (every byte and every date the suite's fuzzers and socket tests make goes through
/// them: a fifth of a second of `swift test` each, for a few seconds of build), and the test
/// targets whose fuzzers and reference models run longest (Dialogue's, Telnet's, Reactor's,
/// Transcript's: 1.7 s of the suite's CPU for 80 s of build CPU, measured). And so are the
/// live line's own targets (Storage, Reactor, Switchboard, Wallboard): the suite runs the line
/// in-process and in every `hotelline serve` it starts, and unoptimised they were a fifth of
/// its CPU (`swift test` 19-23 s of user time, 16-18.5 s optimised, three runs each). A
/// debugger session wanting every variable builds with `-Xswiftc -Onone`. The test targets
/// that mostly wait on sockets and children stay unoptimised: `-O` bought nothing there.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O", "-assert-config", "Debug"], .when(configuration: .debug))]

let package = Package(
    name: "HotelLine",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hotelline", targets: ["hotelline"]),
        .executable(name: "hotelline-bench", targets: ["hotelline-bench"]),
    ],
    targets: [
        // Headers Glibc does not export (epoll, eventfd, signalfd, flock, crypt).
        .target(name: "CSystem", linkerSettings: [.linkedLibrary("crypt")]),
        // Calendar days, times of day and local moments: the vocabulary of dates every layer shares.
        .target(name: "HotelCalendar", swiftSettings: shipped + optimisedInDebug),
        // The prompt-file language and the conversation engine: pure, no sockets, no files.
        .target(name: "Dialogue", dependencies: ["HotelCalendar", "Telnet"], swiftSettings: shipped + optimisedInDebug),
        // The journal, the hotel's records, indexes and number allocation.
        .target(name: "Storage", dependencies: ["CSystem", "HotelCalendar"], swiftSettings: shipped + optimisedInDebug),
        // The telnet codec and line framing: what a peer's bytes mean, as values (TypedInput,
        // what a person typed, is the input every layer above speaks). No sockets.
        .target(name: "Telnet", swiftSettings: shipped + optimisedInDebug),
        // The I/O runtime: the epoll event loop, timers, wakers, signals, sockets and the
        // connections that frame their bytes with the codec. Bytes, never hotels.
        .target(name: "Reactor", dependencies: ["CSystem", "Telnet"], swiftSettings: shipped + optimisedInDebug),
        // The transcript format: events, the recorder and its text, the parser, redaction, placeholders.
        .target(name: "Transcript", dependencies: ["HotelCalendar", "Dialogue", "Telnet"], swiftSettings: shipped + optimisedInDebug),
        // The wallboard's HTTP/1.1 server on the loop: the request parser (a value), the page,
        // its live figures and /metrics. Bytes through the Reactor, never the telnet codec;
        // the figures come from whoever runs the line (Switchboard), through a protocol.
        .target(name: "Wallboard", dependencies: ["Reactor"], swiftSettings: shipped + optimisedInDebug),
        // Guest sessions and the agent console: composes the conversation, the store and the runtime.
        .target(name: "Switchboard", dependencies: ["HotelCalendar", "Dialogue", "Storage", "Telnet", "Reactor", "Transcript", "Wallboard"],
                swiftSettings: shipped + optimisedInDebug),
        // QA over transcripts: in-process and remote replay, import, coverage, the load driver.
        // Remote replay and the load driver read replies as bytes: no telnet codec here.
        .target(name: "Replay", dependencies: ["Dialogue", "Reactor", "Transcript"], swiftSettings: shipped + optimisedInDebug),
        // The service's measures over the records, by day, week or month, and how a report
        // is written (text, CSV, JSON Lines, SVG): pure, no files.
        .target(name: "Reports", dependencies: ["HotelCalendar", "Storage", "Dialogue"], swiftSettings: shipped),
        .executableTarget(
            name: "hotelline",
            dependencies: ["HotelCalendar", "Dialogue", "Storage", "Telnet", "Reactor", "Transcript", "Switchboard", "Replay", "Wallboard", "Reports"],
            swiftSettings: shipped,
            // One file with the Swift runtime and Foundation inside (ICU's data too): it starts
            // in 4 ms rather than 14 (no dynamic loading of fifteen libraries and their symbols),
            // which an operator's every command and the suite's two hundred runs of it feel, and
            // it runs on a machine without the toolchain. lld, because gold warns at every link
            // about a mktemp inside static Foundation that nothing here calls. The test targets
            // find the binary beside them; none links it (its flags would reach their link).
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "--start-group", "-Xlinker", "-lFoundation", "-Xlinker", "-lCoreFoundation", "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "-lFoundationEssentials", "-Xlinker", "-l_FoundationICU", "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "--end-group", "-Xlinker", "-lstdc++"])]
        ),
        // Benchmarks that print figures (Scripts/bench-journal) and the echo baseline of
        // Scripts/bench-line (the line's own event loop): never a timed test, never shipped.
        .executableTarget(name: "hotelline-bench", dependencies: ["Storage", "HotelCalendar", "Reactor"], path: "Sources/hotelline-bench",
                          swiftSettings: shipped),
        // The test process's environment, set as the test bundle loads (before Swift Testing
        // reads it): no backtrace captured at every error thrown. Never shipped.
        .target(name: "TestEnvironment", path: "Tests/SupportEnvironment"),
        // Helpers the test targets share (seeded randomness, socket clients); never shipped.
        .target(name: "TestSupport", dependencies: ["CSystem", "TestEnvironment", "HotelCalendar", "Dialogue", "Storage", "Reactor", "Transcript", "Switchboard", "Replay", "Wallboard"],
                path: "Tests/Support"),
        // Records Tests/Transcripts anew from the scripted calls (Scripts/record-transcripts):
        // a generator that writes into the source tree, run by hand, never a test.
        .executableTarget(name: "record-transcripts", dependencies: ["TestSupport", "Switchboard", "Replay", "Transcript", "Dialogue"],
                          path: "Tests/RecordTranscripts"),
        .testTarget(name: "HotelCalendarTests", dependencies: ["HotelCalendar", "TestSupport"]),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "Telnet", "TestSupport"], swiftSettings: optimisedInDebug),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Storage", "HotelCalendar", "TestSupport"]),
        .testTarget(name: "TelnetTests", dependencies: ["Telnet", "TestSupport"], swiftSettings: optimisedInDebug),
        .testTarget(name: "ReactorTests", dependencies: ["Reactor", "Telnet", "TestSupport"], swiftSettings: optimisedInDebug),
        .testTarget(name: "TranscriptTests", dependencies: ["Transcript", "TestSupport"], swiftSettings: optimisedInDebug),
        .testTarget(name: "SwitchboardTests", dependencies: ["Switchboard", "Reactor", "Transcript", "Replay", "Wallboard", "TestSupport"]),
        // The request parser, the page and the metrics text, pure; the server over real
        // sockets, and in Chromium, is in SwitchboardTests with the real line.
        .testTarget(name: "WallboardTests", dependencies: ["Wallboard", "TestSupport"]),
        .testTarget(name: "ReplayTests", dependencies: ["Replay", "Transcript", "Reactor", "TestSupport"]),
        // Runs the built `hotelline` binary as an operator would: flags, exit codes, signals.
        .testTarget(name: "CommandLineTests", dependencies: ["Storage", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
