import Foundation

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

    /// A new, empty directory under the system's temporary directory, named
    /// `hotelline-PURPOSE-RANDOM`; the caller removes it (see `withTemporaryDirectory`).
    public static func temporaryDirectory(_ purpose: String = "test") -> String {
        let path = NSTemporaryDirectory() + "hotelline-\(purpose)-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// A fresh temporary directory, removed after `body` whatever it does.
public func withTemporaryDirectory<T>(_ purpose: String = "test", _ body: (String) throws -> T) rethrows -> T {
    let path = TestPaths.temporaryDirectory(purpose)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}
