extension String {
    /// True when every byte is ASCII. Read through contiguous storage: the UTF-8 view's own
    /// iteration costs tens of instructions a byte, and this is asked of nearly every answer.
    var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}
