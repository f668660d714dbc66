/// Telnet command bytes (RFC 854): what may follow an IAC (0xFF).
///
/// Promises: the values of RFC 854 and RFC 855, nothing else; a namespace, not a type to
/// instantiate.
public enum TelnetCommand {
    /// End of subnegotiation.
    public static let se: UInt8 = 240
    /// No operation.
    public static let nop: UInt8 = 241
    /// Data mark (the data part of a Synch).
    public static let dm: UInt8 = 242
    /// Break.
    public static let brk: UInt8 = 243
    /// Interrupt process.
    public static let ip: UInt8 = 244
    /// Abort output.
    public static let ao: UInt8 = 245
    /// Are you there?
    public static let ayt: UInt8 = 246
    /// Erase character.
    public static let ec: UInt8 = 247
    /// Erase line.
    public static let el: UInt8 = 248
    /// Go ahead.
    public static let ga: UInt8 = 249
    /// Start of subnegotiation.
    public static let sb: UInt8 = 250
    public static let will: UInt8 = 251
    public static let wont: UInt8 = 252
    public static let `do`: UInt8 = 253
    public static let dont: UInt8 = 254
    /// Interpret as command: the escape byte itself.
    public static let iac: UInt8 = 255
}

/// Telnet option codes the line may negotiate (IANA telnet options registry).
///
/// Promises: registry values; a namespace of `UInt8` so any option code can be used.
public enum TelnetOption {
    public static let binary: UInt8 = 0
    public static let echo: UInt8 = 1
    public static let suppressGoAhead: UInt8 = 3
    public static let status: UInt8 = 5
    public static let timingMark: UInt8 = 6
    public static let terminalType: UInt8 = 24
    public static let windowSize: UInt8 = 31
    public static let terminalSpeed: UInt8 = 32
    public static let remoteFlowControl: UInt8 = 33
    public static let lineMode: UInt8 = 34
    public static let environment: UInt8 = 39
    public static let charset: UInt8 = 42
}

/// The first byte of a subnegotiation's parameters, for the options the line reads
/// (RFC 1091 TERMINAL-TYPE, RFC 2066 CHARSET).
public enum TelnetSubcommand {
    /// TERMINAL-TYPE IS: the peer names its terminal.
    public static let terminalTypeIs: UInt8 = 0
    /// TERMINAL-TYPE SEND: asks the peer to name its terminal.
    public static let terminalTypeSend: UInt8 = 1
    public static let charsetRequest: UInt8 = 1
    public static let charsetAccepted: UInt8 = 2
    public static let charsetRejected: UInt8 = 3
    public static let charsetTableIs: UInt8 = 4
    public static let charsetTableRejected: UInt8 = 5
}
