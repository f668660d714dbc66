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

        func hash(into hasher: inout Hasher) {
            for part in [fileName, text] {
                var part = part
                part.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                hasher.combine(0xFF as UInt8)
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
