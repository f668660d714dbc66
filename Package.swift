// swift-tools-version:6.0
// HotelLine: a hotel's guest-service telephone line as a text service over TCP.
// No package dependencies: the toolchain only, plus our own C shim for system headers.
import PackageDescription

let package = Package(
    name: "HotelLine",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hotelline", targets: ["hotelline"]),
    ],
    targets: [
        // Headers Glibc does not export (epoll, eventfd, signalfd, flock, crypt).
        .target(name: "CSystem", linkerSettings: [.linkedLibrary("crypt")]),
        // The prompt-file language and the conversation engine: pure, no sockets, no files.
        .target(name: "Dialogue"),
        // The journal, the hotel's records, indexes and number allocation.
        .target(name: "Storage", dependencies: ["CSystem"]),
        // Sockets, the epoll reactor, the telnet codec, line framing: bytes, never hotels.
        .target(name: "Telnet", dependencies: ["CSystem"]),
        // Guest sessions: composes the conversation, the store and the line.
        .target(name: "Switchboard", dependencies: ["Dialogue", "Storage", "Telnet"]),
        // Transcripts: the format, the recorder, the replayer and the load driver.
        .target(name: "Transcript", dependencies: ["Dialogue", "Telnet"]),
        .executableTarget(
            name: "hotelline",
            dependencies: ["Dialogue", "Storage", "Telnet", "Switchboard", "Transcript"]
        ),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(name: "TelnetTests", dependencies: ["Telnet"]),
        .testTarget(name: "SwitchboardTests", dependencies: ["Switchboard", "Transcript"]),
        .testTarget(name: "TranscriptTests", dependencies: ["Transcript"]),
    ],
    swiftLanguageModes: [.v6]
)
