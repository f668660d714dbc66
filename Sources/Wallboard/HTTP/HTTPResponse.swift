import Glibc

/// One response as the wallboard sends it: the status line, the header fields, the body,
/// and then the end of the connection (`Connection: close`), except for an event stream,
/// whose body goes on until either side closes.
public struct HTTPResponse: Equatable, Sendable {
    public var status: HTTPStatus
    /// In order; `Content-Length` is added from the body unless `streams`.
    public var fields: [HTTPRequestHead.Field]
    public var body: [UInt8]
    /// The body goes on after the head (server-sent events): no length, no end but the close.
    public var streams = false

    public init(status: HTTPStatus, contentType: String, body: [UInt8], fields: [HTTPRequestHead.Field] = []) {
        self.status = status
        self.fields = [HTTPRequestHead.Field(name: "Content-Type", value: contentType)] + fields
        self.body = body
    }

    public init(status: HTTPStatus, contentType: String, text: String, fields: [HTTPRequestHead.Field] = []) {
        self.init(status: status, contentType: contentType, body: Array(text.utf8), fields: fields)
    }

    /// A refusal in words: its status, its sentence as plain text, and `Allow` for a 405.
    public init(refusal: HTTPRefusal) {
        var fields: [HTTPRequestHead.Field] = []
        if case .methodNotAllowed = refusal { fields.append(.init(name: "Allow", value: "GET, HEAD")) }
        if case .busy = refusal { fields.append(.init(name: "Retry-After", value: "5")) }
        self.init(status: refusal.status, contentType: "text/plain; charset=utf-8", text: refusal.explanation + "\n", fields: fields)
    }

    /// The bytes to send: the whole response, or its head alone (for HEAD, and for a
    /// stream, whose body is sent as it comes). `date` is the Date field's value.
    public func bytes(withBody: Bool, date: String = HTTPResponse.date()) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\nDate: \(date)\r\n"
        for field in fields { head += "\(field.name): \(field.value)\r\n" }
        if !streams { head += "Content-Length: \(body.count)\r\n" }
        head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if withBody && !streams { bytes += body }
        return bytes
    }

    /// Now as an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110 §5.6.7), from the
    /// system's clock: the Date field tells the real time even when the line's clock is set.
    public static func date(secondsSince1970 seconds: Int = time(nil)) -> String {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
