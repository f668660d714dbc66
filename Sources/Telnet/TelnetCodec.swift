/// The telnet codec and line framer: bytes in, events out, no I/O.
///
/// Strips and answers telnet commands (RFC 854), negotiates options by the RFC 1143
/// Q method (never loops), frames lines ending in LF, CR LF, CR NUL or a lone CR, applies
/// BS/DEL and IAC EC/EL edits, and checks each line (length, UTF-8, controls).
///
/// Promises: the events do not depend on how the input is chunked (one byte at a time
/// gives the same as one buffer); memory stays bounded by `maxLineBytes` whatever arrives;
/// feeding allocates nothing per byte (one `String` per line, one array per reply).
/// Replies never contain IAC unless the peer sent IAC first (`sawTelnet`); the
/// `enableLocal`-style calls are the caller's choice and do not check it.
public struct TelnetCodec: Sendable {
    /// What the input meant: what the person typed, and what to answer the peer's telnet
    /// with, in the order they arose.
    public enum Event: Equatable, Sendable {
        /// A line or a problem with one (never `.endOfInput`: the connection knows that).
        case typed(TypedInput)
        /// Bytes to write back to the peer: negotiation answers, the AYT answer.
        case reply([UInt8])
    }

    /// Where the byte parser stands between two bytes.
    private enum Parser: Sendable {
        /// Plain data: bytes go to the line.
        case data
        /// After IAC: the next byte is a command.
        case command
        /// After IAC WILL/WONT/DO/DONT: the next byte names the option.
        case option(verb: UInt8)
        /// Inside IAC SB …; `skipped` bytes so far, `afterIAC` when the last one was IAC.
        case subnegotiation(skipped: Int, afterIAC: Bool)
    }

    /// Plain text, no IAC: the peer asked "are you there?" from a menu, not a program.
    public static let defaultAreYouThereReply = Array("\r\n[HotelLine: yes, still here]\r\n".utf8)
    /// A subnegotiation longer than this is abandoned and the input read as data again,
    /// so a stray IAC SB cannot swallow a guest's input forever.
    public static let maxSubnegotiationBytes = 512

    public var maxLineBytes: Int { line.maxLineBytes }
    /// Options we agree to perform when the peer asks (DO X → WILL X); others are refused.
    public var acceptsLocal: Set<UInt8> = []
    /// Options we let the peer perform when it offers (WILL X → DO X); others are refused.
    public var acceptsRemote: Set<UInt8> = []
    public var areYouThereReply: [UInt8]
    /// True once the peer sent any IAC: only then may we send telnet commands.
    public private(set) var sawTelnet = false

    /// Treats the peer as a telnet client before it has sent any IAC: for a service meant
    /// for `telnet` only (the agent console), which must negotiate first (WILL ECHO at a PIN).
    public mutating func assumeTelnetPeer() {
        sawTelnet = true
    }

    private var parser = Parser.data
    /// The last data byte ended a line with CR: a following LF or NUL belongs to it.
    private var afterCR = false
    private var line: TextAssembler
    private var options = TelnetOptionTable()
    private var replies: [UInt8] = []

    public init(maxLineBytes: Int = 1024, areYouThereReply: [UInt8] = TelnetCodec.defaultAreYouThereReply) {
        self.line = TextAssembler(maxLineBytes: maxLineBytes)
        self.areYouThereReply = areYouThereReply
    }

    /// Consumes `bytes`, appending what they meant to `events` (which the caller empties
    /// and reuses).
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, into events: inout [Event]) {
        let input = bytes.assumingMemoryBound(to: UInt8.self)
        var index = 0
        while index < input.count {
            switch parser {
            case .data:
                index = consumeData(input, from: index, into: &events)
            case .command:
                parser = .data
                command(input[index], into: &events)
                index += 1
            case .option(let verb):
                parser = .data
                negotiate(verb, input[index])
                index += 1
            case .subnegotiation(let skipped, let afterIAC):
                parser = Self.skipSubnegotiation(input[index], skipped: skipped, afterIAC: afterIAC)
                index += 1
            }
        }
        flushReplies(into: &events)
    }

    public mutating func feed(_ bytes: [UInt8], into events: inout [Event]) {
        bytes.withUnsafeBytes { feed($0, into: &events) }
    }

    /// End of input: the final unterminated line (if any, non-empty), then a fresh state.
    public mutating func finish() -> TypedInput? {
        parser = .data
        afterCR = false
        return line.takePartial()
    }

    // MARK: Options

    public func isLocalEnabled(_ option: UInt8) -> Bool { options.side(.local, option).isEnabled }
    public func isRemoteEnabled(_ option: UInt8) -> Bool { options.side(.remote, option).isEnabled }

    /// Asks to perform `option` ourselves (e.g. WILL ECHO before a PIN): the bytes to send,
    /// empty when nothing needs saying. Only for a peer that `sawTelnet`.
    public mutating func enableLocal(_ option: UInt8) -> [UInt8] {
        request(.local, option) { $0.requestEnable() }
    }

    public mutating func disableLocal(_ option: UInt8) -> [UInt8] {
        request(.local, option) { $0.requestDisable() }
    }

    /// Asks the peer to perform `option` (e.g. DO NAWS): the bytes to send, maybe empty.
    public mutating func enableRemote(_ option: UInt8) -> [UInt8] {
        request(.remote, option) { $0.requestEnable() }
    }

    public mutating func disableRemote(_ option: UInt8) -> [UInt8] {
        request(.remote, option) { $0.requestDisable() }
    }

    private mutating func request(
        _ party: TelnetOptionTable.Party, _ option: UInt8,
        _ body: (inout TelnetOptionSide) -> TelnetOptionSide.Action
    ) -> [UInt8] {
        Self.commandBytes(options.update(party, option, body), party, option)
    }

    private mutating func negotiate(_ verb: UInt8, _ option: UInt8) {
        let party: TelnetOptionTable.Party = verb == TelnetCommand.do || verb == TelnetCommand.dont ? .local : .remote
        let action = options.update(party, option) { side in
            switch verb {
            case TelnetCommand.do: side.receivedEnable(acceptable: acceptsLocal.contains(option))
            case TelnetCommand.will: side.receivedEnable(acceptable: acceptsRemote.contains(option))
            default: side.receivedDisable()
            }
        }
        replies += Self.commandBytes(action, party, option)
    }

    private static func commandBytes(
        _ action: TelnetOptionSide.Action, _ party: TelnetOptionTable.Party, _ option: UInt8
    ) -> [UInt8] {
        switch (action, party) {
        case (.none, _): []
        case (.sendEnable, .local): [TelnetCommand.iac, TelnetCommand.will, option]
        case (.sendDisable, .local): [TelnetCommand.iac, TelnetCommand.wont, option]
        case (.sendEnable, .remote): [TelnetCommand.iac, TelnetCommand.do, option]
        case (.sendDisable, .remote): [TelnetCommand.iac, TelnetCommand.dont, option]
        }
    }

    // MARK: Bytes

    /// Takes data bytes until an IAC (parser leaves `.data`) or the end of `input`.
    /// Runs of printable bytes are copied at once; only controls go one by one.
    private mutating func consumeData(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into events: inout [Event]
    ) -> Int {
        var index = start
        while index < input.count {
            if afterCR {
                let byte = input[index]
                if byte == ASCII.lf || byte == ASCII.nul {
                    afterCR = false
                    index += 1
                    continue
                }
                // A command between CR and its LF (CR IAC NOP LF) does not split the pair.
                if byte != TelnetCommand.iac { afterCR = false }
            }
            let runStart = index
            var seen = Self.printableRunEnd(input, from: &index)
            while index < input.count {
                let byte = input[index]
                if byte < 0x20 || byte == 0x7F || byte == 0xFF { break }
                seen |= UInt64(byte)
                index += 1
            }
            if index > runStart {
                let run = UnsafeBufferPointer(rebasing: input[runStart..<index])
                if line.append(run: run, nonASCII: seen & Self.highBits != 0) {
                    emit(.tooLong(limit: line.maxLineBytes), into: &events)
                }
            }
            guard index < input.count else { break }
            let special = input[index]
            index += 1
            switch special {
            case TelnetCommand.iac:
                sawTelnet = true
                parser = .command
                return index
            case ASCII.cr:
                endLine(into: &events)
                afterCR = true
            case ASCII.lf:
                endLine(into: &events)
            case ASCII.nul:
                break // NVT: NUL is no operation.
            case ASCII.bs, ASCII.del:
                line.eraseScalar()
            case ASCII.tab:
                appendByte(ASCII.space, into: &events)
            default:
                appendByte(special, into: &events)
            }
        }
        return index
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Skips whole 8-byte words free of controls, DEL and 0xFF (SWAR, "bit twiddling
    /// hacks" hasless/haszero), leaving `index` at the word holding the first special
    /// byte for the byte loop. Returns the OR of the words skipped, for the non-ASCII test.
    @inline(__always)
    private static func printableRunEnd(_ input: UnsafeBufferPointer<UInt8>, from index: inout Int) -> UInt64 {
        guard let base = input.baseAddress else { return 0 }
        var seen: UInt64 = 0
        while index + 8 <= input.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let control = (word &- lowBits &* 0x20) & ~word & highBits
            let delete = word ^ (lowBits &* 0x7F)
            let deleteFound = (delete &- lowBits) & ~delete & highBits
            let iacFound = (~word &- lowBits) & word & highBits
            if control | deleteFound | iacFound != 0 { break }
            seen |= word
            index += 8
        }
        return seen
    }

    private mutating func command(_ byte: UInt8, into events: inout [Event]) {
        switch byte {
        case TelnetCommand.iac:
            afterCR = false
            appendByte(0xFF, into: &events)
        case TelnetCommand.will, TelnetCommand.wont, TelnetCommand.do, TelnetCommand.dont:
            parser = .option(verb: byte)
        case TelnetCommand.sb:
            parser = .subnegotiation(skipped: 0, afterIAC: false)
        case TelnetCommand.ayt:
            replies += areYouThereReply
        case TelnetCommand.ec:
            line.eraseScalar()
        case TelnetCommand.el:
            line.eraseLine()
        case TelnetCommand.ip, TelnetCommand.brk, TelnetCommand.ao:
            emit(.interrupt, into: &events)
        default:
            break // NOP, DM, GA, a stray SE, or a byte that names no command.
        }
    }

    private static func skipSubnegotiation(_ byte: UInt8, skipped: Int, afterIAC: Bool) -> Parser {
        if afterIAC {
            // IAC SE ends it; IAC IAC is an escaped 0xFF inside it, skipped like the rest.
            return byte == TelnetCommand.se ? .data : .subnegotiation(skipped: skipped + 1, afterIAC: false)
        }
        if byte == TelnetCommand.iac { return .subnegotiation(skipped: skipped, afterIAC: true) }
        if skipped >= maxSubnegotiationBytes { return .data }
        return .subnegotiation(skipped: skipped + 1, afterIAC: false)
    }

    private mutating func appendByte(_ byte: UInt8, into events: inout [Event]) {
        if line.append(byte: byte) {
            emit(.tooLong(limit: line.maxLineBytes), into: &events)
        }
    }

    private mutating func endLine(into events: inout [Event]) {
        if let typed = line.take() {
            emit(typed, into: &events)
        }
    }

    private mutating func emit(_ typed: TypedInput, into events: inout [Event]) {
        flushReplies(into: &events)
        events.append(.typed(typed))
    }

    private mutating func flushReplies(into events: inout [Event]) {
        guard !replies.isEmpty else { return }
        events.append(.reply(replies))
        replies = []
    }
}

/// The control bytes line framing cares about.
enum ASCII {
    static let nul: UInt8 = 0x00
    static let bs: UInt8 = 0x08
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let del: UInt8 = 0x7F
}
