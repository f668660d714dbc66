/// Reads one HTTP/1.x request head (RFC 9112) from bytes as they arrive, in any pieces: a
/// value with no I/O and no clock, so every case is tested without sockets.
///
/// Promises: never holds more than `limits.maxLineBytes` of a line, nor reads past the
/// blank line that ends the head (the bytes after it are the caller's: `consumed` says
/// where they start, so pipelined requests are read one parser each); says `.request` or
/// `.refused` exactly once, and `.needMore` until then. Strict where leniency is a
/// known danger (bare CR, whitespace before a field's colon, folded lines: refused, as RFC
/// 9112 allows), lenient where it is harmless (a bare LF ends a line; blank lines before
/// the request line are skipped).
public struct HTTPRequestParser: Sendable {
    /// The bounds on one head, each refused with its own status.
    public struct Limits: Sendable, Equatable {
        /// Longest line, CR LF excluded: a longer request line is 414, a longer field line 431.
        public var maxLineBytes: Int
        /// Every field line together, line ends included (431 past it).
        public var maxFieldBytes: Int
        /// Field lines at most (431 past it).
        public var maxFields: Int

        public init(maxLineBytes: Int = 1024, maxFieldBytes: Int = 16 * 1024, maxFields: Int = 64) {
            self.maxLineBytes = maxLineBytes
            self.maxFieldBytes = maxFieldBytes
            self.maxFields = maxFields
        }
    }

    /// What `feed` found.
    public enum Outcome: Equatable, Sendable {
        /// The head is not whole yet.
        case needMore
        /// The head is whole; `consumed` bytes of this feed belong to it (the rest follow it).
        case request(HTTPRequestHead, consumed: Int)
        case refused(HTTPRefusal)
    }

    private enum State {
        /// Before the request line: blank lines are skipped.
        case requestLine
        /// The request line is read; field lines until a blank one.
        case fields(HTTPRequestHead, bytes: Int)
        /// The head was handed out; the parser is finished.
        case done
        /// Refused; the refusal is repeated to any later feed.
        case refused(HTTPRefusal)
    }

    public let limits: Limits
    private var state = State.requestLine
    /// The line read so far (without its end).
    private var line: [UInt8] = []
    /// A CR ended the bytes so far: an LF must come next.
    private var sawCR = false

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// True once the parser has started on a request (so a client that leaves now left
    /// half a request, not nothing).
    public var hasStarted: Bool {
        switch state {
        case .requestLine: !line.isEmpty || sawCR
        case .fields, .done, .refused: true
        }
    }

    /// Reads `bytes`, the next the client sent.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        switch state {
        case .requestLine, .fields: break
        case .done: preconditionFailure("Invalid state: the head was handed out; what follows is the caller's")
        case .refused(let refusal): return .refused(refusal)  // harmless: the caller is closing
        }
        for (index, byte) in bytes.enumerated() {
            if sawCR {
                sawCR = false
                guard byte == 0x0A else { return refuse(.malformed("a CR not followed by LF")) }
                if let outcome = endLine(consumed: index + 1) { return outcome }
                continue
            }
            switch byte {
            case 0x0D:
                sawCR = true
            case 0x0A:
                if let outcome = endLine(consumed: index + 1) { return outcome }
            default:
                guard line.count < limits.maxLineBytes else {
                    if case .fields = state {
                        return refuse(.fieldsTooLarge("a header line is longer than \(limits.maxLineBytes) bytes (the line's --max-line)"))
                    }
                    return refuse(.targetTooLong(limit: limits.maxLineBytes))
                }
                line.append(byte)
            }
        }
        return .needMore
    }

    /// Convenience for tests and callers holding an array.
    public mutating func feed(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBytes { feed($0) }
    }

    private mutating func refuse(_ refusal: HTTPRefusal) -> Outcome {
        state = .refused(refusal)
        line = []
        return .refused(refusal)
    }

    /// A line ended: the request line, a field line, or the blank line closing the head.
    private mutating func endLine(consumed: Int) -> Outcome? {
        defer { line.removeAll(keepingCapacity: true) }
        switch state {
        case .requestLine:
            guard !line.isEmpty else { return nil }
            switch Self.requestLine(line) {
            case .success(let head): state = .fields(head, bytes: 0)
            case .failure(let refusal): return refuse(refusal)
            }
            return nil
        case .fields(var head, let bytes):
            guard !line.isEmpty else {
                if let refusal = Self.checkHost(head) { return refuse(refusal) }
                state = .done
                return .request(head, consumed: consumed)
            }
            let total = bytes + line.count + 2
            guard total <= limits.maxFieldBytes else {
                return refuse(.fieldsTooLarge("the header fields come to more than \(limits.maxFieldBytes) bytes"))
            }
            guard head.fields.count < limits.maxFields else {
                return refuse(.fieldsTooLarge("more than \(limits.maxFields) header fields"))
            }
            switch Self.field(line) {
            case .success(let field): head.fields.append(field)
            case .failure(let refusal): return refuse(refusal)
            }
            state = .fields(head, bytes: total)
            return nil
        case .done, .refused:
            preconditionFailure("Invalid state: a line ended after the head")
        }
    }

    // MARK: The grammar (RFC 9112 §3, RFC 9110 §5.6.2)

    /// `method SP request-target SP HTTP-version`.
    static func requestLine(_ line: [UInt8]) -> Result<HTTPRequestHead, HTTPRefusal> {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            return .failure(.malformed("the request line must be METHOD TARGET HTTP/1.1, separated by single spaces"))
        }
        let (method, target, version) = (parts[0], parts[1], parts[2])
        guard !method.isEmpty, method.allSatisfy(isTokenByte) else { return .failure(.malformed("the method is not a token")) }
        let minor: Int
        switch versionNumber(version) {
        case (1, let minorNumber)?: minor = min(minorNumber, 1)  // a later 1.x is read as 1.1 (RFC 9110 §2.5)
        case _?: return .failure(.versionNotSupported(String(decoding: version, as: UTF8.self)))
        case nil: return .failure(.malformed("the version must read HTTP/1.1 or HTTP/1.0"))
        }
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return .failure(.malformed("the target is empty or holds spaces, control characters or bytes past ASCII"))
        }
        var text = String(decoding: target, as: UTF8.self)
        if text == "*" {
            return .success(HTTPRequestHead(method: String(decoding: method, as: UTF8.self), path: "*", minorVersion: minor))
        }
        if !text.hasPrefix("/") {
            // Absolute form (`http://host:port/path`): the authority is the Host field's business.
            guard let schemeEnd = text.firstRange(of: "://"), ["http", "https"].contains(text[..<schemeEnd.lowerBound].lowercased()) else {
                return .failure(.malformed("the target must start with / (or be an absolute http:// address)"))
            }
            let rest = text[schemeEnd.upperBound...]
            text = rest.firstIndex(where: { $0 == "/" || $0 == "?" }).map { String(rest[$0...]) } ?? "/"
            if text.hasPrefix("?") { text = "/" + text }
        }
        guard !text.contains("#") else { return .failure(.malformed("a target may not carry a fragment (#)")) }
        let path: String, query: String?
        if let mark = text.firstIndex(of: "?") {
            path = String(text[..<mark])
            query = String(text[text.index(after: mark)...])
        } else {
            (path, query) = (text, nil)
        }
        return .success(HTTPRequestHead(method: String(decoding: method, as: UTF8.self), path: path, query: query, minorVersion: minor))
    }

    /// `HTTP/1.1` → (1, 1), `HTTP/2.0` → (2, 0), `HTTP/2` → (2, 0); nil when it is no
    /// HTTP version at all.
    private static func versionNumber(_ version: ArraySlice<UInt8>) -> (major: Int, minor: Int)? {
        let bytes = Array(version)
        guard bytes.starts(with: Array("HTTP/".utf8)) else { return nil }
        let number = bytes.dropFirst(5)
        switch number.count {
        case 1 where isDigit(number[5]): return (Int(number[5] - 0x30), 0)
        case 3 where isDigit(number[5]) && number[6] == 0x2E && isDigit(number[7]): return (Int(number[5] - 0x30), Int(number[7] - 0x30))
        default: return nil
        }
    }

    /// `field-name ":" OWS field-value OWS`.
    static func field(_ line: [UInt8]) -> Result<HTTPRequestHead.Field, HTTPRefusal> {
        if line.first == 0x20 || line.first == 0x09 {
            return .failure(.malformed("a header line starts with whitespace (folded lines are not accepted)"))
        }
        guard let colon = line.firstIndex(of: 0x3A) else { return .failure(.malformed("a header line has no colon")) }
        let name = line[..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            return .failure(.malformed("a header name is empty or not a token (no space before the colon)"))
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        // Visible characters, spaces, tabs and obs-text; never a control character.
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
            return .failure(.malformed("a header value holds a control character"))
        }
        return .success(HTTPRequestHead.Field(name: String(decoding: name, as: UTF8.self).lowercased(),
                                              value: String(decoding: value, as: UTF8.self)))
    }

    /// HTTP/1.1 needs exactly one Host field (RFC 9112 §3.2); HTTP/1.0 may have none.
    private static func checkHost(_ head: HTTPRequestHead) -> HTTPRefusal? {
        let hosts = head.fields.count { $0.name == "host" }
        if hosts > 1 { return .malformed("more than one Host field") }
        if hosts == 0 && head.minorVersion >= 1 { return .malformed("HTTP/1.1 needs a Host field") }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// `tchar` of RFC 9110 §5.6.2.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
