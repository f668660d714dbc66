import Glibc

/// A failed system call or socket setup, saying where and why.
///
/// Promises: `code` is the `errno` observed (0 when the problem is not an errno, such
/// as an address that does not parse); `description` names the place and the reason in
/// one line, e.g. `cannot listen on 127.0.0.1:2323: address already in use`.
public struct SystemError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The `errno` value, or 0 when the failure did not come from the system.
    public let code: Int32
    public let description: String

    init(code: Int32, description: String) {
        self.code = code
        self.description = description
    }

    /// A system call that failed: `epoll_ctl: bad file descriptor`.
    static func call(_ name: String, errno code: Int32) -> SystemError {
        SystemError(code: code, description: "\(name): \(reason(code))")
    }

    static func cannotListen(on address: String, errno code: Int32) -> SystemError {
        SystemError(code: code, description: "cannot listen on \(address): \(reason(code))")
    }

    public static func cannotConnect(to address: String, errno code: Int32) -> SystemError {
        SystemError(code: code, description: "cannot connect to \(address): \(reason(code))")
    }

    static func badAddress(_ host: String, port: UInt16, doing action: String) -> SystemError {
        SystemError(
            code: 0,
            description: "cannot \(action) \(host):\(port): not an IPv4 or IPv6 address (use a literal such as 127.0.0.1, or localhost)"
        )
    }

    /// `strerror` text with a lower-case first letter, to read well after a colon.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "errno \(code)" }
        return first.lowercased() + text.dropFirst()
    }
}
