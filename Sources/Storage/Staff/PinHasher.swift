import CSystem
import Glibc

/// Turns an agent's PIN into a yescrypt hash with libcrypt, and checks a PIN against one.
/// Only hashes are ever stored; a PIN exists in memory just long enough to be hashed.
public enum PinHasher {
    /// Why a hash could not be made (libcrypt refused: out of memory, or no yescrypt).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A fresh yescrypt hash (`$y$…`) of `pin` with a random salt.
    public static func hash(_ pin: String) throws(Failure) -> String {
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$y$", 0, nil, 0, &setting, Int32(setting.count)) != nil else {
            throw Failure(description: "libcrypt cannot make a yescrypt salt: \(String(cString: strerror(errno)))")
        }
        let salt = setting.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard let hashed = run(pin, setting: salt), hashed.hasPrefix("$y$") else {
            throw Failure(description: "libcrypt cannot hash with yescrypt")
        }
        return hashed
    }

    /// True when `pin` hashes to `stored`. Compares in constant time so the time taken says
    /// nothing about how much of a guess was right.
    public static func verify(_ pin: String, against stored: String) -> Bool {
        guard stored.hasPrefix("$"), let hashed = run(pin, setting: stored) else { return false }
        let a = Array(hashed.utf8), b = Array(stored.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private static func run(_ pin: String, setting: String) -> String? {
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer {
            // The work area held the PIN: wipe it before giving the memory back.
            memset(data, 0, MemoryLayout<crypt_data>.size)
            data.deallocate()
        }
        memset(data, 0, MemoryLayout<crypt_data>.size)
        guard let result = crypt_r(pin, setting, data) else { return nil }
        let text = String(cString: result)
        // libcrypt signals failure with a string starting with "*".
        return text.hasPrefix("*") ? nil : text
    }
}
