import Synchronization

/// The parse of each prompt file, kept by its name and text: a compile reparses only the
/// files that changed since an earlier one.
///
/// Parsing is a pure function of a file's name and text (its diagnostics name the file), so
/// a kept parse is exactly what parsing again would give. It matters where one process
/// compiles many sets that share most files: a `SIGHUP` reload after one file was edited,
/// `hotelline check` after `serve`, and the tests, which compile the shipped prompts with one
/// file edited a few hundred times. Bounded: past `limit` files it starts afresh.
final class ParsedFiles: Sendable {
    /// One file as the compiler reads it.
    enum Parse: Sendable {
        case hotel(HotelProfile?, [PromptDiagnostic])
        case flow(FlowFile?, [PromptDiagnostic])
        case messages(MessageCatalog, [PromptDiagnostic])
    }

    /// A file by its name and text, hashed and compared as UTF-8 bytes: a key is looked up
    /// and stored once per file a compile reads (a few hundred kilobytes of text), and
    /// `String`'s own hashing normalises every character of it first. Two texts with the
    /// same bytes parse alike; two that differ only in normalisation simply parse twice.
    private struct Key: Hashable {
        var fileName: String
        var text: String

        static func == (a: Key, b: Key) -> Bool {
            a.fileName.utf8.elementsEqual(b.fileName.utf8) && a.text.utf8.count == b.text.utf8.count
                && a.text.utf8.elementsEqual(b.text.utf8)
        }

        /// The name, the text's length, and a sample of its bytes (its first and last 64, and
        /// 64 spread between them): a file's bytes are compared in full only by `==`, when a
        /// look-up finds its hash. Hashing every byte of every file twice a compile (the look-up
        /// and the keeping) cost a twentieth of `hotelline check`, for a cache that process
        /// never hits; files that differ only between the samples share a bucket, no more.
        func hash(into hasher: inout Hasher) {
            var name = fileName, text = text
            name.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            text.withUTF8 { bytes in
                hasher.combine(bytes.count)
                guard bytes.count > 192 else { return hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<64])))
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[(bytes.count - 64)...])))
                let step = (bytes.count - 128) / 64
                for index in stride(from: 64, to: bytes.count - 64, by: step).prefix(64) { hasher.combine(bytes[index]) }
            }
        }
    }

    static let shared = ParsedFiles(limit: 256)

    private let limit: Int
    private let kept = Mutex<[Key: Parse]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// The parse of `source`, kept from an earlier call with the same name and text or made
    /// now by `parse` (outside the lock: two threads may parse one file at once, alike).
    func parse(_ source: PromptSource, _ parse: () -> Parse) -> Parse {
        let key = Key(fileName: source.fileName, text: source.text)
        if let parsed = kept.withLock({ $0[key] }) { return parsed }
        let parsed = parse()
        kept.withLock { kept in
            if kept.count >= limit { kept.removeAll() }
            kept[key] = parsed
        }
        return parsed
    }
}
