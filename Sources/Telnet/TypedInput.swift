/// What a person at the other end typed, one event per line or per problem: the one input
/// type from the codec up, through the connection and the switchboard to the conversation.
///
/// Promises: `.text` is valid UTF-8 without its line ending and without control characters
/// (tabs became spaces, trailing blanks kept); a problem names itself instead of carrying
/// the bytes, so nothing a peer sent can reach a terminal raw; `.endOfInput` comes once, last.
public enum TypedInput: Equatable, Sendable {
    /// A whole line of text, without its ending.
    case text(String)
    /// The line passed `limit` bytes; the rest of it was dropped. The next line is normal.
    case tooLong(limit: Int)
    /// The line was not valid UTF-8.
    case unreadable
    /// The line held control characters (an arrow key's ESC [ A, a bell, a C1 control).
    case controlCharacters
    /// The person pressed an interrupt key: telnet IAC IP, BRK or AO (Ctrl-C in telnet), or
    /// Ctrl-C or Ctrl-D from a client in character mode.
    case interrupt
    /// The peer will send nothing more (it closed or half-closed); output may still go out.
    case endOfInput

    /// True for `.endOfInput` (a test of the case alone, with no comparison of payloads).
    @inlinable public var isEndOfInput: Bool { if case .endOfInput = self { true } else { false } }
}

/// What a telnet peer told of its terminal, for the layer that lays text out for it.
///
/// Promises: only what the peer sent in an agreed subnegotiation, within its bounds.
public enum TerminalReport: Equatable, Sendable {
    /// NAWS (RFC 1073): the window's columns and rows; 0 where the peer does not know.
    case windowSize(columns: Int, rows: Int)
    /// TERMINAL-TYPE IS (RFC 1091): the terminal's name, printable ASCII, at most 40 bytes.
    case terminalType(String)
}
