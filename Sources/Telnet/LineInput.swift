/// What a connection's peer said, one event per line or problem.
///
/// Promises: `.line` text is valid UTF-8 without its line ending and without control
/// characters (tabs became spaces, trailing blanks kept); problems name themselves
/// instead of carrying the bytes; `.endOfInput` comes once, last.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// The line passed `limit` bytes; the rest of it was dropped. The next line is normal.
    case tooLong(limit: Int)
    /// The line was not valid UTF-8.
    case invalidText
    /// The line held control characters (an arrow key's ESC [ A, a bell, a C1 control).
    case controlCharacters
    /// The user pressed an interrupt key (telnet IAC IP, BRK or AO).
    case interrupt
    /// The peer will send nothing more (it closed or half-closed); output may still go out.
    case endOfInput
}
