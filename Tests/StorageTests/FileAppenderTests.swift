import HotelCalendar
import TestSupport
import Foundation
import Glibc
import Testing
@testable import Storage

@Suite("File appender")
struct FileAppenderTests {
    @Test func appendsInOrderToFilesInTheirFoldersPrivately() throws {
        withTemporaryDirectory { directory in
            let files = FileAppender(directory: directory)
            // More day folders than it keeps open, and back again, and the data directory itself.
            for day in 1...10 {
                files.append("first \(day)\n", to: "transcripts/2026-11-\(10 + day)/call-\(day).txt")
            }
            files.append("audit\n", to: "audit.log")
            for day in 1...10 {
                files.append(to: "transcripts/2026-11-\(10 + day)/call-\(day).txt") { Array("second \(day)\n".utf8) }
            }
            files.append("", to: "audit.log")
            files.append("more\n", to: "audit.log")
            files.close()
            #expect(files.takeFailures().isEmpty)
            for day in 1...10 {
                let folder = directory + "/transcripts/2026-11-\(10 + day)"
                #expect(fileMode(folder) == 0o700)
                #expect(fileMode(folder + "/call-\(day).txt") == 0o600)
                #expect(text(folder + "/call-\(day).txt") == "first \(day)\nsecond \(day)\n")
            }
            #expect(fileMode(directory + "/transcripts") == 0o700)
            #expect(fileMode(directory + "/audit.log") == 0o600)
            #expect(text(directory + "/audit.log") == "audit\nmore\n")
        }
    }

    @Test func aFolderRemovedWhileHeldOpenIsMadeAgainForTheNextFile() throws {
        try withTemporaryDirectory { directory in
            let files = FileAppender(directory: directory)
            let written = DispatchSemaphore(value: 0)
            files.append("first\n", to: "transcripts/2026-11-25/a.txt")
            // Chunks are written in order: once this one is being made, the first is on disk.
            files.append(to: "audit.log") {
                written.signal()
                return []
            }
            #expect(written.wait(timeout: .now() + 10) == .success, "the appender wrote the first chunk")
            try FileManager.default.removeItem(atPath: directory + "/transcripts/2026-11-25")
            files.append("second\n", to: "transcripts/2026-11-25/b.txt")
            files.close()
            #expect(files.takeFailures().isEmpty)
            #expect(text(directory + "/transcripts/2026-11-25/b.txt") == "second\n")
            #expect(fileMode(directory + "/transcripts/2026-11-25") == 0o700)
        }
    }

    @Test func aFolderThatCannotBeMadeIsReportedAndTheRestIsWritten() throws {
        withTemporaryDirectory { directory in
            // A file where the folder should be.
            #expect(FileManager.default.createFile(atPath: directory + "/transcripts", contents: Data()))
            let files = FileAppender(directory: directory)
            files.append("lost\n", to: "transcripts/2026-11-25/a.txt")
            files.append("kept\n", to: "audit.log")
            files.close()
            #expect(files.takeFailures() == ["cannot create \(directory)/transcripts/2026-11-25: Not a directory"])
            #expect(text(directory + "/audit.log") == "kept\n")
        }
    }
}

/// The file's text, nil when it cannot be read.
private func text(_ path: String) -> String? {
    try? String(contentsOfFile: path, encoding: .utf8)
}
