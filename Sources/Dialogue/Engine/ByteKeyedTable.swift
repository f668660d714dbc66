/// A read-only map from texts to values, made once (at compile time), that finds an ASCII
/// text by its bytes: an FNV-1a hash and a byte compare, where `Dictionary` hashes with
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
        // Sorted so that the table is the same on every run.
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            guard key.utf8.allSatisfy({ $0 < 0x80 }) else {
                everyKeyIsASCII = false
                continue
            }
            var slot = Self.hash(key.utf8) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = values.count
            keyBytes += key.utf8
            keyStarts.append(keyBytes.count)
            values.append(value)
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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325, highBits: UInt8 = 0
        for byte in bytes {  // `hash` and the ASCII check in one pass
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            highBits |= byte
        }
        guard highBits < 0x80 else { return Self.askDictionary }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return keyBytes.withUnsafeBufferPointer { keyBytes in
            while case let index = slots[slot], index >= 0 {
                let start = keyStarts[index]
                if keyStarts[index + 1] - start == bytes.count, Self.equal(bytes, keyBytes, from: start) { return index }
                slot = (slot + 1) & mask
            }
            return everyKeyIsASCII ? Self.absent : Self.askDictionary
        }
    }

    /// True when `keyBytes` from `start` begins with `bytes` (the key's length is checked first).
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ keyBytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        for offset in 0..<bytes.count where bytes[offset] != keyBytes[start + offset] { return false }
        return true
    }

    /// FNV-1a: a few instructions a byte, and keys are short (`entry` repeats it inline).
    private static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash)
    }
}

private extension Int {
    /// The least power of two at or above this (positive) number.
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
