/// `hotelline export` and other readers beside a running server.
extension Journal {
    /// How many times `readOnlyView` starts over when a live snapshot removes a file it
    /// was about to read; each snapshot takes the writer a while, so two in a row are rare.
    static let readOnlyAttempts = 3

    /// The records of the journal in `directory` as of about now, read without writing,
    /// truncating, locking or renaming anything, so it is safe beside a live server.
    ///
    /// Reads the newest snapshot that verifies and the segments after it, like `open`. A
    /// torn or partial end of the last segment is taken for records still being written:
    /// the view stops there, silently. If a file vanishes or the segments have a gap (the
    /// server finished a snapshot and removed what it replaced mid-read), it reads again
    /// from the start. The records returned are a prefix of what the server appended, and
    /// hold every record acknowledged before the call; the last few may not be
    /// acknowledged yet (a write in progress). Damage a crash cannot explain throws, as
    /// in `open`.
    public static func readOnlyView(directory: String, fileSystem: JournalFileSystem = PosixFileSystem()) throws -> JournalRecovery {
        var attempt = 1
        while true {
            do {
                return try JournalRecoveryRun(directory: directory, fileSystem: fileSystem, mode: .liveView).run().recovery
            } catch let vanished as JournalRecoveryRun.Vanished {
                guard attempt < readOnlyAttempts else { throw vanished.error }
                attempt += 1
            }
        }
    }
}
