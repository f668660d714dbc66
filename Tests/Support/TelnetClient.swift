import Foundation
import Glibc

/// A telnet client on a real socket, written apart from the line's codec so the two check
/// each other: it ends lines with CR LF, answers every option request (agreeing to the
/// ones it is given), tells its window size (NAWS) and terminal type, accepts UTF-8 by
/// CHARSET, and keeps the raw bytes it received beside the text with telnet taken out.
public final class TelnetClient {
    public let socket: GuestClient
    /// Options it agrees to perform (DO X → WILL X).
    public var wills: Set<UInt8>
    /// Options it lets the server perform (WILL X → DO X).
    public var dos: Set<UInt8>
    public private(set) var columns: Int
    public var rows = 24
    public var terminalType = "XTERM-256COLOR"
    /// Every byte received, telnet commands and all.
    public private(set) var raw: [UInt8] = []
    /// The data received, IAC sequences taken out (IAC IAC as one 0xFF).
    public private(set) var data: [UInt8] = []
    /// Every command received, as its bytes (`[255, 253, 31]` for DO NAWS).
    public private(set) var commands: [[UInt8]] = []
    private var enabledHere: Set<UInt8> = []
    private var enabledThere: Set<UInt8> = []
    private var unparsed: [UInt8] = []
    /// Where `read(until:)` has read `data` to.
    private var consumed = 0

    public static let iac: UInt8 = 255
    static let will: UInt8 = 251, wont: UInt8 = 252, `do`: UInt8 = 253, dont: UInt8 = 254, sb: UInt8 = 250, se: UInt8 = 240

    /// `wills` and `dos` default to what a full client (telnetlib3) agrees to: NAWS,
    /// TERMINAL-TYPE, BINARY and CHARSET, and the server's ECHO, BINARY, SGA and CHARSET.
    public init(host: String = "127.0.0.1", port: UInt16, columns: Int, wills: Set<UInt8> = [31, 24, 0, 42],
                dos: Set<UInt8> = [1, 0, 3, 42]) throws {
        self.socket = try GuestClient(host: host, port: port)
        self.columns = columns
        self.wills = wills
        self.dos = dos
    }

    /// Sends `text` and CR LF, as telnet ends a line.
    public func say(_ text: String, ending: String = "\r\n") {
        socket.send(bytes: Array((text + ending).utf8))
    }

    public func send(bytes: [UInt8]) { socket.send(bytes: bytes) }

    /// The window changed: a new NAWS, if the option is on.
    public func resize(columns: Int) {
        self.columns = columns
        if enabledHere.contains(31) { send(bytes: nawsBytes()) }
    }

    /// Reads (answering telnet as it comes) until the data holds `marker`; returns the data
    /// up to and including it, as text, CR LF kept.
    @discardableResult
    public func read(until marker: String) throws -> String {
        let needle = Array(marker.utf8)
        while true {
            if let end = Self.find(needle, in: data, from: consumed) {
                defer { consumed = end }
                return String(decoding: data[consumed..<end], as: UTF8.self)
            }
            guard let chunk = socket.readAvailable() else {
                throw GuestClient.Failure(description: "waited for \(marker) but got: \(String(decoding: data[consumed...], as: UTF8.self).suffix(600))")
            }
            take(chunk)
        }
    }

    /// Reads until the server closes (or the timeout), answering telnet on the way.
    public func readToEnd() {
        while let chunk = socket.readAvailable() { take(chunk) }
    }

    public func isEnabledHere(_ option: UInt8) -> Bool { enabledHere.contains(option) }
    public func isEnabledThere(_ option: UInt8) -> Bool { enabledThere.contains(option) }

    private func take(_ chunk: [UInt8]) {
        raw += chunk
        unparsed += chunk
        var index = 0
        parsing: while index < unparsed.count {
            let byte = unparsed[index]
            guard byte == Self.iac else {
                data.append(byte)
                index += 1
                continue
            }
            guard index + 1 < unparsed.count else { break }
            let command = unparsed[index + 1]
            switch command {
            case Self.iac:
                data.append(255)
                index += 2
            case Self.will, Self.wont, Self.do, Self.dont:
                guard index + 2 < unparsed.count else { break parsing }
                let option = unparsed[index + 2]
                commands.append([Self.iac, command, option])
                answer(command, option)
                index += 3
            case Self.sb:
                // Up to IAC SE, IAC IAC undone.
                var body: [UInt8] = []
                var at = index + 2
                var ended = false
                while at + 1 < unparsed.count {
                    if unparsed[at] == Self.iac {
                        if unparsed[at + 1] == Self.se { ended = true; break }
                        body.append(unparsed[at + 1])
                        at += 2
                    } else {
                        body.append(unparsed[at])
                        at += 1
                    }
                }
                guard ended else { break parsing }
                commands.append([Self.iac, Self.sb] + body)
                subnegotiation(body)
                index = at + 2
            default:
                commands.append([Self.iac, command])
                index += 2
            }
        }
        unparsed.removeFirst(index)
    }

    private func answer(_ command: UInt8, _ option: UInt8) {
        switch command {
        case Self.do:
            if wills.contains(option) {
                if !enabledHere.contains(option) {
                    enabledHere.insert(option)
                    send(bytes: [Self.iac, Self.will, option])
                    if option == 31 { send(bytes: nawsBytes()) }
                }
            } else {
                send(bytes: [Self.iac, Self.wont, option])
            }
        case Self.dont:
            if enabledHere.remove(option) != nil { send(bytes: [Self.iac, Self.wont, option]) }
        case Self.will:
            if dos.contains(option) {
                if !enabledThere.contains(option) {
                    enabledThere.insert(option)
                    send(bytes: [Self.iac, Self.do, option])
                }
            } else {
                send(bytes: [Self.iac, Self.dont, option])
            }
        default:
            if enabledThere.remove(option) != nil { send(bytes: [Self.iac, Self.dont, option]) }
        }
    }

    private func subnegotiation(_ body: [UInt8]) {
        guard let option = body.first else { return }
        if option == 24, body.count >= 2, body[1] == 1, enabledHere.contains(24) {
            send(bytes: [Self.iac, Self.sb, 24, 0] + Array(terminalType.utf8) + [Self.iac, Self.se])
        } else if option == 42, body.count >= 2, body[1] == 1 {
            let list = String(decoding: body.dropFirst(3), as: UTF8.self).uppercased()
            send(bytes: [Self.iac, Self.sb, 42] + (list.contains("UTF-8") ? [2] + Array("UTF-8".utf8) : [3]) + [Self.iac, Self.se])
        }
    }

    private func nawsBytes() -> [UInt8] {
        var body: [UInt8] = []
        for value in [columns >> 8, columns & 0xFF, rows >> 8, rows & 0xFF] {
            body.append(UInt8(value))
            if value == 255 { body.append(255) }
        }
        return [Self.iac, Self.sb, 31] + body + [Self.iac, Self.se]
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        outer: for begin in start...(haystack.count - needle.count) {
            for offset in needle.indices where haystack[begin + offset] != needle[offset] { continue outer }
            return begin + needle.count
        }
        return nil
    }
}

extension GuestClient {
    /// One read's bytes; nil at the end of input or on the timeout.
    public func readAvailable() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard got > 0 else { return nil }
        return Array(chunk[..<got])
    }
}

/// Display columns of a line as a terminal draws it, counted independently of the line's
/// own `displayWidth`: East Asian Wide and Fullwidth two, combining marks and other
/// zero-width characters none, controls none, anything else one.
public func terminalColumns(_ line: String) -> Int {
    var width = 0
    for scalar in line.unicodeScalars {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { continue }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: continue
        default: break
        }
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                                           0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                                           0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD]
        width += wide.contains { $0.contains(value) } ? 2 : 1
    }
    return width
}
