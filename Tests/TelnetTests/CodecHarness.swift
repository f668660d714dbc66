import Telnet

/// Feeds a codec the way a connection does (one reused event array) and collects events.
struct CodecHarness {
    var codec: TelnetCodec
    private var scratch: [TelnetCodec.Event] = []

    init(maxLineBytes: Int = 1024, policy: TelnetPolicy = .refusing) {
        codec = TelnetCodec(maxLineBytes: maxLineBytes, policy: policy)
    }

    /// The events of one chunk.
    mutating func feed(_ bytes: [UInt8]) -> [TelnetCodec.Event] {
        scratch.removeAll(keepingCapacity: true)
        codec.feed(bytes, into: &scratch)
        return scratch
    }

    mutating func feed(_ text: String) -> [TelnetCodec.Event] {
        feed(Array(text.utf8))
    }

    /// The events of several chunks fed in order, then of `finish()` when asked.
    mutating func feed(chunks: [[UInt8]], finish: Bool = false) -> [TelnetCodec.Event] {
        var all: [TelnetCodec.Event] = []
        for chunk in chunks {
            all += feed(chunk)
        }
        if finish, let last = codec.finish() {
            all.append(.typed(last))
        }
        return all
    }
}

/// Replies coalesce per `feed` call, so chunking changes how reply bytes are grouped but
/// not which bytes go out in which order: compare streams with consecutive replies merged.
func mergingReplies(_ events: [TelnetCodec.Event]) -> [TelnetCodec.Event] {
    var merged: [TelnetCodec.Event] = []
    for event in events {
        if case .reply(let more) = event, case .reply(let earlier)? = merged.last {
            merged[merged.count - 1] = .reply(earlier + more)
        } else {
            merged.append(event)
        }
    }
    return merged
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

let iac = TelnetCommand.iac

/// The codec's typed events as the tests write them: `.text("yes")` for `.typed(.text("yes"))`.
extension TelnetCodec.Event {
    static func text(_ text: String) -> Self { .typed(.text(text)) }
    static func tooLong(limit: Int) -> Self { .typed(.tooLong(limit: limit)) }
    static var unreadable: Self { .typed(.unreadable) }
    static var controlCharacters: Self { .typed(.controlCharacters) }
    static var interrupt: Self { .typed(.interrupt) }
    static func window(_ columns: Int, _ rows: Int) -> Self { .report(.windowSize(columns: columns, rows: rows)) }
}

/// Every reply's bytes, in order, one stream.
func replyBytes(_ events: [TelnetCodec.Event]) -> [UInt8] {
    events.flatMap { event -> [UInt8] in
        if case .reply(let bytes) = event { return bytes }
        return []
    }
}

/// The events that are not replies.
func nonReplies(_ events: [TelnetCodec.Event]) -> [TelnetCodec.Event] {
    events.filter { if case .reply = $0 { false } else { true } }
}

// The commands and options, short, for writing byte sequences.
let will = TelnetCommand.will, wont = TelnetCommand.wont, `do` = TelnetCommand.do, dont = TelnetCommand.dont
let sb = TelnetCommand.sb, se = TelnetCommand.se
let naws = TelnetOption.windowSize, ttype = TelnetOption.terminalType, binary = TelnetOption.binary
let charset = TelnetOption.charset, sga = TelnetOption.suppressGoAhead, echo = TelnetOption.echo
