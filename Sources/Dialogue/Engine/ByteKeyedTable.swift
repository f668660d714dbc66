/// A read-only map from texts to values, made once (at compile time), that finds an ASCII
/// text by its bytes (an FNV-1a hash and a byte compare, eight bytes at a time), where `Dictionary` hashes with
/// SipHash and compares Unicode-aware. Command words, catalog keys and menu words are
/// looked up on every guest line.
///
/// Promises: `table[text]` is exactly `dictionary[text]` for the dictionary it was made from.
/// Two ASCII texts are equal exactly when their bytes are; but a few other characters are
/// canonically the same as an ASCII one (U+037E GREEK QUESTION MARK is ";", U+212A KELVIN
/// SIGN is "K"), so a text that is not ASCII is always looked up in the dictionary, and so is
/// an ASCII text not found among the ASCII keys while some key is not ASCII.
///
/// A class: immutable, shared by every conversation, and handed around as one reference.
final class ByteKeyedTable<Value: Sendable>: Sendable {
    let dictionary: [String: Value]
    /// Open addressing, a power of two long: an entry's index, or -1 where empty.
    private let slots: [Int]
    /// The ASCII keys' bytes one after another; entry `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private let keyBytes: [UInt8]
    private let keyStarts: [Int]
    private let values: [Value]
    private let everyKeyIsASCII: Bool

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        var slots = [Int](repeating: -1, count: max(4, (dictionary.count * 2).nextPowerOfTwo))
        var keyBytes: [UInt8] = [], keyStarts = [0], values: [Value] = []
        var everyKeyIsASCII = true
        var asciiKeys: [[UInt8]] = [], asciiValues: [Value] = []
        for (key, value) in dictionary {
            guard key.utf8.allSatisfy({ $0 < 0x80 }) else {
                everyKeyIsASCII = false
                continue
            }
            asciiKeys.append(Array(key.utf8))
            asciiValues.append(value)
        }
        // Sorted so that the table is the same on every run. Byte order is the strings' order
        // for ASCII keys; sorting positions by bytes keeps the generic values out of the sort,
        // which was most of the time spent making the tables of a prompt set.
        let order = asciiKeys.indices.sorted { asciiKeys[$0].lexicographicallyPrecedes(asciiKeys[$1]) }
        for position in order {
            let key = asciiKeys[position]
            var slot = key.withUnsafeBytes { Self.hash($0).hash } & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = values.count
            keyBytes += key
            keyStarts.append(keyBytes.count)
            values.append(asciiValues[position])
        }
        self.slots = slots
        self.keyBytes = keyBytes
        self.keyStarts = keyStarts
        self.values = values
        self.everyKeyIsASCII = everyKeyIsASCII
    }

    static var empty: ByteKeyedTable { ByteKeyedTable([:]) }

    subscript(text: String) -> Value? {
        let found = text.utf8.withContiguousStorageIfAvailable { entry(for: $0) } ?? Self.askDictionary
        switch found {
        case Self.absent: return nil
        case Self.askDictionary: return dictionary[text]
        default: return values[found]
        }
    }

    private static var absent: Int { -1 }
    private static var askDictionary: Int { -2 }

    /// The entry whose key has exactly these bytes, `absent`, or `askDictionary`.
    private func entry(for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let text = bytes.baseAddress.map(UnsafeRawPointer.init) else { return dictionary[""] == nil ? Self.absent : Self.askDictionary }
        let (hash, isASCII) = Self.hash(UnsafeRawBufferPointer(start: text, count: bytes.count))
        guard isASCII else { return Self.askDictionary }
        let mask = slots.count - 1
        var slot = hash & mask
        return keyBytes.withUnsafeBytes { keyBytes in
            while case let index = slots[slot], index >= 0 {
                let start = keyStarts[index]
                // An empty key has no bytes to point at (nor may `keyBytes`, if it is the only one).
                if keyStarts[index + 1] - start == bytes.count,
                   bytes.isEmpty || Self.equal(text, keyBytes.baseAddress! + start, count: bytes.count) { return index }
                slot = (slot + 1) & mask
            }
            return everyKeyIsASCII ? Self.absent : Self.askDictionary
        }
    }

    /// True when the `count` bytes at `left` and `right` are equal; eight at a time.
    private static func equal(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            guard left.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        while offset < count {
            guard left.load(fromByteOffset: offset, as: UInt8.self) == right.load(fromByteOffset: offset, as: UInt8.self) else { return false }
            offset += 1
        }
        return true
    }

    /// A hash of the bytes of `buffer` (FNV-1a over eight bytes at a time) and whether
    /// they are all ASCII, in one pass.
    private static func hash(_ buffer: UnsafeRawBufferPointer) -> (hash: Int, isASCII: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325, highBits: UInt64 = 0
        var offset = 0
        let count = buffer.count
        guard let bytes = buffer.baseAddress else { return (Int(truncatingIfNeeded: hash ^ hash >> 32), true) }
        while offset + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0x100_0000_01b3
            highBits |= word
            offset += 8
        }
        while offset < count {
            let byte = UInt64(bytes.load(fromByteOffset: offset, as: UInt8.self))
            hash = (hash ^ byte) &* 0x100_0000_01b3
            highBits |= byte
            offset += 1
        }
        hash ^= hash >> 32  // the low bits pick the slot: mix the high ones in
        return (Int(truncatingIfNeeded: hash), highBits & 0x8080_8080_8080_8080 == 0)
    }
}

private extension Int {
    /// The least power of two at or above this (positive) number.
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
