/// The agent console's tunables, each with a default and a `serve` flag (in its comment).
public struct ConsoleSettings: Sendable {
    /// Consoles connected at once, logged in or not (`--max-consoles`); the next one is told
    /// the console is full and closed.
    public var maxConsoles = 64
    /// Consoles not yet logged in from one address (`--max-logins-waiting`): past it, the
    /// one from there that has typed nothing the longest makes room (told, and closed), or,
    /// when all have typed, the newcomer is told so and closed; so idle connections can
    /// neither take every slot nor keep an agent out.
    public var maxWaitingLoginsPerAddress = 8
    /// Seconds a console has to log in before it is told and closed (`--login-timeout`).
    public var loginTimeoutSeconds: Double = 60
    /// Lines of a call shown to one console a second (`--max-guest-lines`), with a burst of
    /// twice that: the rest are counted and summed up in one line, so a guest who floods a
    /// call cannot flood the people on it.
    public var maxGuestLinesPerSecond = 5
    /// Output held for one console before it is closed as not reading (`--max-console-output`).
    /// What guests cause is held back well before: past a quarter of it (see `maxCallOutputBytes`).
    public var maxOutputBytes = 1 << 20
    /// Failed logins per ID and per address, and how long a lock lasts (`--max-login-failures`,
    /// `--max-address-failures`, `--lockout-minutes`).
    public var lockout = LoginGuard.Settings()

    public init() {}

    /// Output waiting for a console past which a call's lines are held back (counted, and
    /// summed up once it drains): what a guest causes can never fill the console's buffer
    /// and get it closed.
    public var maxCallOutputBytes: Int { maxOutputBytes / 4 }
}
