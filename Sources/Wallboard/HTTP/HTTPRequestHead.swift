/// One HTTP/1.x request as far as the wallboard reads it: the request line and the header
/// fields (a body is never read: every path is a GET).
public struct HTTPRequestHead: Equatable, Sendable {
    /// A header field; `name` is lower-cased (names are case-insensitive), `value` trimmed.
    public struct Field: Equatable, Sendable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// As sent (methods are case-sensitive: `get` is not `GET`).
    public var method: String
    /// The path of the target, as sent (no percent-decoding: every path served is plain
    /// ASCII), `/` for a target given in absolute form without one.
    public var path: String
    /// What follows the `?`, if anything did.
    public var query: String?
    /// The minor version of HTTP/1.x: 0 or 1 (any other major version is refused).
    public var minorVersion: Int
    public var fields: [Field]

    public init(method: String, path: String, query: String? = nil, minorVersion: Int = 1, fields: [Field] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.minorVersion = minorVersion
        self.fields = fields
    }

    /// The value of the first field called `name` (any case), if there is one.
    public func field(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name == wanted }?.value
    }

    /// The value of `name` in the query (`lang=es` → `es` for `lang`), undecoded.
    public func queryValue(_ name: String) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts[0] == name { return String(parts[1]) }
        }
        return nil
    }
}
