import Foundation
import Glibc

/// Where the tests find the repository and make their scratch directories: one place for
/// every test target, so none walks up from `#filePath` or names temporary folders its own way.
public enum TestPaths {
    /// The repository's root (the folder holding `Package.swift`).
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().path
    }()

    /// The shipped prompt files, `Prompts/`.
    public static let prompts = repository + "/Prompts"

    /// The recorded calls that `swift test` replays, `Tests/Transcripts/`.
    public static let transcripts = repository + "/Tests/Transcripts"

    /// A new, empty directory under `scratch`, named `hotelline-PURPOSE-RANDOM`; the caller
    /// removes it (see `withTemporaryDirectory`).
    public static func temporaryDirectory(_ purpose: String = "test") -> String {
        let path = scratch + "hotelline-\(purpose)-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Where scratch directories go (ending in `/`): `HOTELLINE_TEST_SCRATCH` when set, else
    /// `/dev/shm` when it is a memory file system with room to spare (256 MB), else the
    /// system's temporary directory.
    ///
    /// Every journal a test writes syncs each batch, and on a disk each sync waits for it
    /// (5 ms a sync on this project's machines, tens when they are busy): the journal,
    /// snapshot and crash tests spent most of their time there, and making and removing
    /// thousands of small files on ext4 cost the suite a second of kernel CPU. Nothing a
    /// test proves depends on the disk: sync order and counts are checked through
    /// `TestFileSystem`, simulated crashes keep what the process wrote, and a SIGKILLed
    /// server loses nothing the kernel already holds.
    public static let scratch: String = {
        if let given = ProcessInfo.processInfo.environment["HOTELLINE_TEST_SCRATCH"], !given.isEmpty {
            try? FileManager.default.createDirectory(atPath: given, withIntermediateDirectories: true)
            return given.hasSuffix("/") ? given : given + "/"
        }
        let mounts = (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? ""
        let inMemory = mounts.split(separator: "\n").contains { $0.split(separator: " ").dropFirst().prefix(2) == ["/dev/shm", "tmpfs"] }
        var room = statvfs()
        if inMemory, access("/dev/shm", W_OK) == 0,
           statvfs("/dev/shm", &room) == 0, UInt64(room.f_bavail) * UInt64(room.f_frsize) >= 256 << 20 {
            return "/dev/shm/"
        }
        return NSTemporaryDirectory()
    }()
}

/// A fresh temporary directory, removed after `body` whatever it does.
public func withTemporaryDirectory<T>(_ purpose: String = "test", _ body: (String) throws -> T) rethrows -> T {
    let path = TestPaths.temporaryDirectory(purpose)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}
