/// The telnet codec and line framer: bytes in, events out, no I/O.
///
/// Strips and answers telnet commands (RFC 854), negotiates options by the RFC 1143
/// Q method (never loops) as its `policy` says, reads the window size (RFC 1073), terminal
/// type (RFC 1091) and character set (RFC 2066) a peer reports, frames lines ending in LF,
/// CR LF, CR NUL or a lone CR, applies BS/DEL, Ctrl-U, Ctrl-W and IAC EC/EL edits, takes
/// Ctrl-C, Ctrl-D, IAC IP and IAC BRK as an interrupt, and checks each line (length, UTF-8,
/// controls).
///
/// Whether the peer speaks telnet is decided once (`peer`): a peer that sends IAC, or ends
/// a line with CR NUL (only a telnet client sends that), is offered the policy's options at
/// once; one whose first line ends with CR LF (stock `telnet` off port 23, but also
/// `socat …,crlf`) is asked the policy's `probe` alone, three bytes, and offered the rest
/// only once it answers; one whose first line ends with a bare LF (`nc`) or a lone CR is
/// never sent a telnet byte, unless it sends IAC itself later.
///
/// Promises: the events do not depend on how the input is chunked (one byte at a time
/// gives the same as one buffer); memory stays bounded by `maxLineBytes` and
/// `maxSubnegotiationBytes` whatever arrives; feeding plain text allocates nothing per
/// byte (one `String` per line, one array per reply). Replies hold IAC only for a peer
/// that is `.telnet`, or the one probe for a `.probed` peer; the `enableLocal`-style calls
/// are the caller's choice and do not check it.
public struct TelnetCodec: Sendable {
    /// What the input meant: what the person typed, what to answer the peer's telnet
    /// with, and what the peer told of its terminal, in the order they arose.
    public enum Event: Equatable, Sendable {
        /// A line or a problem with one (never `.endOfInput`: the connection knows that).
        case typed(TypedInput)
        /// Bytes to write back to the peer: negotiation answers and offers, the AYT answer.
        case reply([UInt8])
        /// The peer reported its window size or terminal type.
        case report(TerminalReport)
    }

    /// What the codec knows of the peer's telnet; decided by the first line's ending or the
    /// first IAC, whichever comes first.
    public enum Peer: Equatable, Sendable {
        /// No line has ended and no telnet command came: nothing is known yet.
        case unknown
        /// The first line ended with a bare LF or a lone CR, and no IAC came: never sent a telnet byte.
        case raw
        /// The first line ended with CR LF and the probe went out; an answer makes it `.telnet`,
        /// `stopWaiting()` makes it `.raw`.
        case probed
        /// It sent a telnet command or a CR NUL, or answered the probe: it was offered the policy's options.
        case telnet
    }

    /// Where the byte parser stands between two bytes.
    private enum Parser: Sendable {
        /// Plain data: bytes go to the line.
        case data
        /// After IAC: the next byte is a command.
        case command
        /// After IAC WILL/WONT/DO/DONT: the next byte names the option.
        case option(verb: UInt8)
        /// Inside IAC SB …, the bytes so far in `subnegotiation`; `afterIAC` when the last was IAC.
        case subnegotiation(afterIAC: Bool)
    }

    /// Subnegotiations the peer owes us, once the options that bring them are agreed.
    private struct Awaited: OptionSet, Sendable {
        let rawValue: UInt8
        /// NAWS: the peer sends its size once it says WILL NAWS.
        static let windowSize = Awaited(rawValue: 1)
        /// TERMINAL-TYPE IS, answering our SEND.
        static let terminalType = Awaited(rawValue: 2)
        /// CHARSET ACCEPTED or REJECTED, answering our REQUEST.
        static let charset = Awaited(rawValue: 4)
    }

    /// Plain text, no IAC: the peer asked "are you there?" from a menu, not a program.
    public static let defaultAreYouThereReply = Array("\r\n[HotelLine: yes, still here]\r\n".utf8)
    /// A subnegotiation longer than this is abandoned and the input read as data again,
    /// so a stray IAC SB cannot swallow a guest's input forever.
    public static let maxSubnegotiationBytes = 512
    /// The longest terminal name kept (RFC 1091 names are at most 40 characters).
    public static let maxTerminalTypeBytes = 40
    /// The only character set the line speaks, as a CHARSET REQUEST names it.
    static let utf8Name = Array("UTF-8".utf8)

    public var maxLineBytes: Int { line.maxLineBytes }
    /// What to agree to and what to ask for (shared with every connection of a listener).
    public var policy: TelnetPolicy
    /// Options we agree to perform when the peer asks (DO X → WILL X); others are refused.
    public var acceptsLocal: Set<UInt8> {
        get { policy.acceptsLocal }
        set { policy = policy.accepting(local: newValue) }
    }
    /// Options we let the peer perform when it offers (WILL X → DO X); others are refused.
    public var acceptsRemote: Set<UInt8> {
        get { policy.acceptsRemote }
        set { policy = policy.accepting(remote: newValue) }
    }
    public var areYouThereReply: [UInt8]
    public private(set) var peer = Peer.unknown
    /// True once the peer is known to speak telnet: only then may we send telnet commands.
    public var sawTelnet: Bool { peer == .telnet }
    /// `UTF-8` once the peer agreed to it by CHARSET; nil before (and if it never does).
    public private(set) var agreedCharset: String?

    private var parser = Parser.data
    /// The last data byte ended a line with CR: a following LF or NUL belongs to it.
    private var afterCR = false
    private var line: TextAssembler
    private var options = TelnetOptionTable()
    private var replies: [UInt8] = []
    /// The parameters of the subnegotiation being read, its option first (IAC IAC undone).
    private var subnegotiation: [UInt8] = []
    private var awaited: Awaited = []
    /// `stopWaiting()` was called: `isNegotiating` is false from now on.
    private var stoppedWaiting = false

    public init(maxLineBytes: Int = 1024, policy: TelnetPolicy = .refusing,
                areYouThereReply: [UInt8] = TelnetCodec.defaultAreYouThereReply) {
        self.line = TextAssembler(maxLineBytes: maxLineBytes)
        self.policy = policy
        self.areYouThereReply = areYouThereReply
    }

    /// Consumes `bytes`, appending what they meant to `events` (which the caller empties
    /// and reuses). Returns `isNegotiating` after them (asked here, where it costs nothing
    /// more: the codec is at hand).
    @discardableResult
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, into events: inout [Event]) -> Bool {
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
            case .subnegotiation(let afterIAC):
                subnegotiationByte(input[index], afterIAC: afterIAC, into: &events)
                index += 1
            }
        }
        flushReplies(into: &events)
        return peer != .raw && isNegotiating
    }

    @discardableResult
    public mutating func feed(_ bytes: [UInt8], into events: inout [Event]) -> Bool {
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

    /// True while an answer the line waits for is owed: the probe's, an offered option's, or
    /// a subnegotiation the agreed options bring (the window size, the terminal type, the
    /// character set). A connection holds the guest's input meanwhile, so what the line says
    /// next is laid out for the window and sent as the agreed text; `stopWaiting()` ends it.
    public var isNegotiating: Bool {
        switch peer {
        case .unknown, .raw:
            return false
        case .probed:
            return !stoppedWaiting
        case .telnet:
            guard !stoppedWaiting else { return false }
            if !awaited.isEmpty { return true }
            return policy.offersRemote.contains { options.side(.remote, $0).isPending }
                || policy.offersLocal.contains { options.side(.local, $0).isPending }
                || policy.offersLocalOnceUTF8.contains { options.side(.local, $0).isPending }
        }
    }

    /// The answers took too long: a probed peer is raw from now on, and `isNegotiating`
    /// stays false (answers that come later are still taken as they come).
    public mutating func stopWaiting() {
        stoppedWaiting = true
        if peer == .probed { peer = .raw }
    }

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

    /// `bytes` as data for a telnet peer: each 0xFF doubled (IAC IAC), so none is read as a command.
    public static func escapingIAC<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            escaped.append(byte)
            if byte == TelnetCommand.iac { escaped.append(byte) }
        }
        return escaped
    }

    private mutating func request(
        _ party: TelnetOptionTable.Party, _ option: UInt8,
        _ body: (inout TelnetOptionSide) -> TelnetOptionSide.Action
    ) -> [UInt8] {
        let wasEnabled = options.side(party, option).isEnabled
        let bytes = Self.commandBytes(options.update(party, option, body), party, option)
        optionChanged(party, option, wasEnabled: wasEnabled)
        return bytes
    }

    private mutating func negotiate(_ verb: UInt8, _ option: UInt8) {
        let party: TelnetOptionTable.Party = verb == TelnetCommand.do || verb == TelnetCommand.dont ? .local : .remote
        let wasEnabled = options.side(party, option).isEnabled
        let acceptable = party == .local ? policy.acceptsLocal.contains(option) : policy.acceptsRemote.contains(option)
        let action = options.update(party, option) { side in
            switch verb {
            case TelnetCommand.do, TelnetCommand.will: side.receivedEnable(acceptable: acceptable)
            default: side.receivedDisable()
            }
        }
        replies += Self.commandBytes(action, party, option)
        optionChanged(party, option, wasEnabled: wasEnabled)
    }

    /// What an option turning on or off brings: the subnegotiation it lets us ask for (the
    /// terminal type, the character set) or expect (the window size).
    private mutating func optionChanged(_ party: TelnetOptionTable.Party, _ option: UInt8, wasEnabled: Bool) {
        let isEnabled = options.side(party, option).isEnabled
        guard isEnabled != wasEnabled else { return }
        switch (party, option) {
        case (.remote, TelnetOption.windowSize):
            if isEnabled { awaited.insert(.windowSize) } else { awaited.remove(.windowSize) }
        case (.remote, TelnetOption.terminalType):
            if isEnabled {
                replies += [TelnetCommand.iac, TelnetCommand.sb, TelnetOption.terminalType, TelnetSubcommand.terminalTypeSend,
                            TelnetCommand.iac, TelnetCommand.se]
                awaited.insert(.terminalType)
            } else {
                awaited.remove(.terminalType)
            }
        case (.local, TelnetOption.charset):
            // RFC 2066: a REQUEST comes from the side that sent WILL and received DO.
            if isEnabled {
                replies += [TelnetCommand.iac, TelnetCommand.sb, TelnetOption.charset, TelnetSubcommand.charsetRequest,
                            UInt8(ascii: ";")] + Self.utf8Name + [TelnetCommand.iac, TelnetCommand.se]
                awaited.insert(.charset)
            } else {
                awaited.remove(.charset)
            }
        default:
            break
        }
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

    // MARK: Who the peer is

    /// The peer speaks telnet: offer what the policy offers (what is asked or agreed already
    /// is not asked again).
    private mutating func becomeTelnet() {
        peer = .telnet
        for option in policy.offersRemote { replies += request(.remote, option) { $0.requestEnable() } }
        for option in policy.offersLocal { replies += request(.local, option) { $0.requestEnable() } }
    }

    /// The first line's ending decides an unknown peer: CR NUL is telnet's alone; CR LF may
    /// be telnet (asked the probe) or a raw client told to send it; LF or a lone CR is raw.
    private mutating func firstLineEnded(crFollowedBy next: UInt8?) {
        guard peer == .unknown else { return }
        switch next {
        case ASCII.nul?:
            becomeTelnet()
        case ASCII.lf?:
            if let probe = policy.probe {
                peer = .probed
                replies += request(.remote, probe) { $0.requestEnable() }
            } else {
                peer = .raw
            }
        default:
            peer = .raw
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
                    if peer == .unknown { firstLineEnded(crFollowedBy: byte) }
                    index += 1
                    continue
                }
                // A command between CR and its LF (CR IAC NOP LF) does not split the pair.
                if byte != TelnetCommand.iac {
                    afterCR = false
                    if peer == .unknown { firstLineEnded(crFollowedBy: byte) }
                }
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
                if peer != .telnet { becomeTelnet() }
                parser = .command
                return index
            case ASCII.cr:
                endLine(into: &events)
                afterCR = true
            case ASCII.lf:
                endLine(into: &events)
                if peer == .unknown { firstLineEnded(crFollowedBy: nil) }
            case ASCII.nul:
                break // NVT: NUL is no operation.
            case ASCII.bs, ASCII.del:
                line.eraseScalar()
            case ASCII.etx, ASCII.eot:
                // Ctrl-C, Ctrl-D from a client in character mode: what was typed is dropped.
                line.eraseLine()
                emit(.interrupt, into: &events)
            case ASCII.nak:
                line.eraseLine()  // Ctrl-U
            case ASCII.etb:
                line.eraseWord()  // Ctrl-W
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
            subnegotiation.removeAll(keepingCapacity: true)
            parser = .subnegotiation(afterIAC: false)
        case TelnetCommand.ayt:
            replies += areYouThereReply
        case TelnetCommand.ec:
            line.eraseScalar()
        case TelnetCommand.el:
            line.eraseLine()
        case TelnetCommand.ip, TelnetCommand.brk, TelnetCommand.ao:
            line.eraseLine()
            emit(.interrupt, into: &events)
        default:
            break // NOP, DM, GA, a stray SE, or a byte that names no command.
        }
    }

    /// One byte inside IAC SB … IAC SE: kept (IAC IAC as one 0xFF) up to the bound, past
    /// which the subnegotiation is abandoned and what follows is read as data again.
    private mutating func subnegotiationByte(_ byte: UInt8, afterIAC: Bool, into events: inout [Event]) {
        if afterIAC && byte == TelnetCommand.se {
            parser = .data
            subnegotiated(into: &events)
            subnegotiation.removeAll(keepingCapacity: true)
            return
        }
        if !afterIAC && byte == TelnetCommand.iac {
            parser = .subnegotiation(afterIAC: true)
            return
        }
        // IAC IAC is an escaped 0xFF; IAC and anything else is kept as it came.
        guard subnegotiation.count < Self.maxSubnegotiationBytes else {
            parser = .data
            subnegotiation.removeAll(keepingCapacity: true)
            return
        }
        if subnegotiation.capacity == 0 { subnegotiation.reserveCapacity(64) }
        subnegotiation.append(byte)
        parser = .subnegotiation(afterIAC: false)
    }

    /// A whole subnegotiation came: what it reports or asks, for an option agreed.
    private mutating func subnegotiated(into events: inout [Event]) {
        guard let option = subnegotiation.first else { return }
        let body = subnegotiation.dropFirst()
        switch option {
        case TelnetOption.windowSize:
            guard options.side(.remote, option).isEnabled, body.count == 4 else { return }
            let start = body.startIndex
            let columns = Int(body[start]) << 8 | Int(body[start + 1])
            let rows = Int(body[start + 2]) << 8 | Int(body[start + 3])
            awaited.remove(.windowSize)
            report(.windowSize(columns: columns, rows: rows), into: &events)
        case TelnetOption.terminalType:
            guard options.side(.remote, option).isEnabled, body.first == TelnetSubcommand.terminalTypeIs else { return }
            // Printable ASCII only: the name is shown to staff and written in transcripts.
            let name = body.dropFirst().prefix(Self.maxTerminalTypeBytes).filter { $0 > 0x20 && $0 < 0x7F }
            awaited.remove(.terminalType)
            report(.terminalType(String(decoding: name, as: UTF8.self)), into: &events)
        case TelnetOption.charset:
            guard isLocalEnabled(option) || isRemoteEnabled(option), let command = body.first else { return }
            charset(command, body.dropFirst())
        default:
            break  // an option we never agree to has nothing to say
        }
    }

    /// RFC 2066: a REQUEST is answered ACCEPTED when it lists UTF-8 (the only set the line
    /// speaks), else REJECTED; an answer to our own REQUEST settles it; a translation table
    /// is refused.
    private mutating func charset(_ command: UInt8, _ parameters: ArraySlice<UInt8>) {
        let end: [UInt8] = [TelnetCommand.iac, TelnetCommand.se]
        let start: [UInt8] = [TelnetCommand.iac, TelnetCommand.sb, TelnetOption.charset]
        switch command {
        case TelnetSubcommand.charsetRequest:
            var list = parameters
            let table = Array("[TTABLE]".utf8)
            if list.starts(with: table) { list = list.dropFirst(table.count + 1) }  // and its version octet
            if let separator = list.first,
               let name = list.dropFirst().split(separator: separator).first(where: Self.namesUTF8) {
                replies += start + [TelnetSubcommand.charsetAccepted] + Self.escapingIAC(name) + end
                agreeUTF8()
            } else {
                replies += start + [TelnetSubcommand.charsetRejected] + end
            }
        case TelnetSubcommand.charsetAccepted:
            guard awaited.contains(.charset) else { return }
            awaited.remove(.charset)
            if Self.namesUTF8(parameters) { agreeUTF8() }
        case TelnetSubcommand.charsetRejected:
            awaited.remove(.charset)
        case TelnetSubcommand.charsetTableIs:
            replies += start + [TelnetSubcommand.charsetTableRejected] + end
        default:
            break
        }
    }

    /// The peer agreed to UTF-8: ask what the policy asks of such a peer (binary to it).
    private mutating func agreeUTF8() {
        guard agreedCharset == nil else { return }
        agreedCharset = "UTF-8"
        for option in policy.offersLocalOnceUTF8 { replies += request(.local, option) { $0.requestEnable() } }
    }

    /// `UTF-8` or `UTF8`, in any case.
    private static func namesUTF8(_ name: ArraySlice<UInt8>) -> Bool {
        let folded = name.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }.filter { $0 != UInt8(ascii: "-") }
        return folded == Array("UTF8".utf8)
    }

    private mutating func report(_ report: TerminalReport, into events: inout [Event]) {
        flushReplies(into: &events)
        events.append(.report(report))
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
    /// Ctrl-C.
    static let etx: UInt8 = 0x03
    /// Ctrl-D.
    static let eot: UInt8 = 0x04
    static let bs: UInt8 = 0x08
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    /// Ctrl-U: erase the line.
    static let nak: UInt8 = 0x15
    /// Ctrl-W: erase the word.
    static let etb: UInt8 = 0x17
    static let space: UInt8 = 0x20
    static let del: UInt8 = 0x7F
}
