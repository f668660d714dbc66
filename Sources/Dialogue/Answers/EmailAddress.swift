/// A guest's email address, checked for shape (not deliverability) and normalised.
///
/// Promises: exactly one `@`; a local part of 1–64 characters with no spaces, control
/// characters or empty dot-separated pieces, kept as typed (some mail servers treat its
/// case as significant); a lowercased domain of at least two dot-separated labels of
/// letters (any script), digits and inner hyphens, whose last label has 2+ characters
/// and is not all digits; 254 characters at most in all.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let localPart: String
    public let domain: String

    static let longest = 254
    static let longestLocalPart = 64
    static let longestLabel = 63

    /// Rebuilds an address from its text (as stored); nil when it is not well formed.
    public init?(_ text: String) {
        guard case .success(let address) = EmailAddress.parse(text) else { return nil }
        self = address
    }

    private init(localPart: String, domain: String) {
        self.localPart = localPart
        self.domain = domain
    }

    public var description: String { localPart + "@" + domain }

    /// Reads a typed address; surrounding spaces and a sentence's final `.` are dropped.
    static func parse(_ text: String) -> Result<EmailAddress, AnswerProblem> {
        var trimmed = Substring(AnswerText.folded(text))
        while let last = trimmed.last, last.isWhitespace || last == "." { trimmed.removeLast() }
        while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
        let halves = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.count <= longest, halves.count == 2,
              isLocalPart(halves[0]), isDomain(halves[1].lowercased())
        else { return .failure(.emailMalformed) }
        return .success(EmailAddress(localPart: String(halves[0]), domain: halves[1].lowercased()))
    }

    private static func isLocalPart(_ local: Substring) -> Bool {
        guard (1...longestLocalPart).contains(local.count),
              !local.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        else { return false }
        // "a..b", ".a" and "a." are not dot-atoms.
        return local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty }
    }

    private static func isDomain(_ domain: String) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2,
              !last.allSatisfy(AnswerText.isDigit)
        else { return false }
        return labels.allSatisfy { label in
            (1...longestLabel).contains(label.count)
                && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || AnswerText.isDigit($0) || $0 == "-" }
        }
    }
}
