/// Which telnet options a connection agrees to, which it asks for once its peer is known to
/// speak telnet, and how it finds that out.
///
/// Promises: immutable, so shared: every connection's codec holds the listener's one policy
/// (a reference, no copy of its sets); the codec carries it out. `refusing` (the default) is
/// the line as it was: every option refused, nothing asked, nothing ever sent unasked.
public final class TelnetPolicy: Sendable, Equatable {
    /// Options we agree to perform when the peer asks (DO X → WILL X); others are refused.
    public let acceptsLocal: Set<UInt8>
    /// Options we let the peer perform when it offers (WILL X → DO X); others are refused.
    public let acceptsRemote: Set<UInt8>
    /// Options we ask to perform (WILL X) once the peer is known to speak telnet.
    public let offersLocal: [UInt8]
    /// Options we ask the peer to perform (DO X) then.
    public let offersRemote: [UInt8]
    /// Options we ask to perform (WILL X) once the peer has agreed to UTF-8 (CHARSET): a
    /// client that cares what character set it is sent (and so decodes a non-binary stream
    /// as ASCII) is asked for binary; one that does not is left as it is.
    public let offersLocalOnceUTF8: [UInt8]
    /// The one option asked of a peer whose first line ends in CR LF (DO X), whose answer
    /// tells a telnet client (stock `telnet` off port 23 sends nothing of itself) from a raw
    /// client told to end lines so (`socat …,crlf`), which never answers. Nil: never asked.
    public let probe: UInt8?

    public init(acceptsLocal: Set<UInt8> = [], acceptsRemote: Set<UInt8> = [], offersLocal: [UInt8] = [],
                offersRemote: [UInt8] = [], offersLocalOnceUTF8: [UInt8] = [], probe: UInt8? = nil) {
        self.acceptsLocal = acceptsLocal
        self.acceptsRemote = acceptsRemote
        self.offersLocal = offersLocal
        self.offersRemote = offersRemote
        self.offersLocalOnceUTF8 = offersLocalOnceUTF8
        self.probe = probe
    }

    public static func == (lhs: TelnetPolicy, rhs: TelnetPolicy) -> Bool {
        lhs === rhs || (lhs.acceptsLocal == rhs.acceptsLocal && lhs.acceptsRemote == rhs.acceptsRemote
            && lhs.offersLocal == rhs.offersLocal && lhs.offersRemote == rhs.offersRemote
            && lhs.offersLocalOnceUTF8 == rhs.offersLocalOnceUTF8 && lhs.probe == rhs.probe)
    }

    /// This policy agreeing to perform `options` when asked, instead of its own.
    public func accepting(local options: Set<UInt8>) -> TelnetPolicy {
        TelnetPolicy(acceptsLocal: options, acceptsRemote: acceptsRemote, offersLocal: offersLocal, offersRemote: offersRemote,
                     offersLocalOnceUTF8: offersLocalOnceUTF8, probe: probe)
    }

    /// This policy letting the peer perform `options`, instead of its own.
    public func accepting(remote options: Set<UInt8>) -> TelnetPolicy {
        TelnetPolicy(acceptsLocal: acceptsLocal, acceptsRemote: options, offersLocal: offersLocal, offersRemote: offersRemote,
                     offersLocalOnceUTF8: offersLocalOnceUTF8, probe: probe)
    }

    /// Refuses every option and asks for none.
    public static let refusing = TelnetPolicy()

    /// A person at a terminal reading text: the window's width (NAWS), the terminal's name
    /// (TERMINAL-TYPE), 8-bit text from the peer (TRANSMIT-BINARY) and to it once it agrees
    /// to UTF-8 (CHARSET), and SUPPRESS-GO-AHEAD when the peer asks for it.
    ///
    /// Not asked for: SUPPRESS-GO-AHEAD (it would put `telnet` into character mode, where the
    /// guest loses local line editing), ECHO (the peer echoes what it types; the console asks
    /// for ECHO itself around a PIN), and binary to a peer that did not agree to UTF-8: stock
    /// `telnet` in binary output turns its terminal's output processing off, and its echo of
    /// Enter then leaves the cursor mid-line, while it shows UTF-8 well enough without.
    public static let terminal = TelnetPolicy(
        acceptsLocal: [TelnetOption.suppressGoAhead, TelnetOption.binary, TelnetOption.charset],
        acceptsRemote: [TelnetOption.suppressGoAhead, TelnetOption.windowSize, TelnetOption.terminalType,
                        TelnetOption.binary, TelnetOption.charset],
        offersLocal: [TelnetOption.charset],
        offersRemote: [TelnetOption.windowSize, TelnetOption.terminalType, TelnetOption.binary],
        offersLocalOnceUTF8: [TelnetOption.binary],
        probe: TelnetOption.windowSize)
}
