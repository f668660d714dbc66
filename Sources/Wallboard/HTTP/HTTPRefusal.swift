/// Why a request gets no page: each case is a status and a sentence a person can act on,
/// sent as the response's plain-text body.
public enum HTTPRefusal: Error, Equatable, Sendable {
    /// Not HTTP/1.x as RFC 9112 writes it; the reason says what was wrong.
    case malformed(String)
    /// The request line is longer than the limit (the guest line's `--max-line`).
    case targetTooLong(limit: Int)
    /// A field line past the line limit, too many fields, or too many bytes of them.
    case fieldsTooLarge(String)
    /// HTTP/2 or another major version spoken in HTTP/1 syntax.
    case versionNotSupported(String)
    /// The whole request head did not arrive within the time allowed.
    case tooSlow(seconds: Double)
    case notFound(path: String)
    /// A path that exists, asked with a method other than GET or HEAD.
    case methodNotAllowed(method: String)
    /// Every place is taken (`--max-wallboards`, or the address's share, `--max-per-address`).
    case busy

    public var status: HTTPStatus {
        switch self {
        case .malformed: .badRequest
        case .targetTooLong: .uriTooLong
        case .fieldsTooLarge: .fieldsTooLarge
        case .versionNotSupported: .versionNotSupported
        case .tooSlow: .requestTimeout
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .busy: .serviceUnavailable
        }
    }

    /// The body's one line.
    public var explanation: String {
        switch self {
        case .malformed(let why): "bad request: \(why)"
        case .targetTooLong(let limit): "the request line is longer than \(limit) bytes (the line's --max-line); the wallboard's paths are short: /, /events, /state.json, /metrics"
        case .fieldsTooLarge(let why): "request header fields too large: \(why)"
        case .versionNotSupported(let version): "\(version) is not spoken here; use HTTP/1.1"
        case .tooSlow(let seconds): "the request did not arrive whole within \(Self.seconds(seconds)) (the line's --idle-timeout)"
        case .notFound(let path): "nothing at \(path); the wallboard serves /, /events, /state.json and /metrics"
        case .methodNotAllowed(let method): "\(method) is not allowed here: the wallboard is read-only (GET or HEAD)"
        case .busy: "the wallboard is serving as many clients as it may (--max-wallboards, --max-per-address); try again shortly"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) seconds" : "\(value) seconds"
    }
}
