/// One side of one telnet option, negotiated by the RFC 1143 "Q method".
///
/// "Us" (we perform the option: WILL/WONT out, DO/DONT in) and "him" (the peer performs
/// it: DO/DONT out, WILL/WONT in) obey the same table, so one type serves both; the caller
/// turns `.sendEnable`/`.sendDisable` into the verbs of its side.
///
/// Promises (RFC 1143 §7): never answers an acknowledgement with a new request, so two
/// compliant ends cannot loop; requests made mid-negotiation are queued (one deep), not
/// sent; nonsense from the peer (a WILL answering our DONT) settles without a reply.
struct TelnetOptionSide: Equatable, Sendable {
    enum State: Equatable, Sendable {
        /// Disabled, and no negotiation under way.
        case no
        /// Enabled, and no negotiation under way.
        case yes
        /// We asked to disable and await the answer; `queued`: enable again once it comes.
        case wantNo(queued: Bool)
        /// We asked to enable and await the answer; `queued`: disable again once it comes.
        case wantYes(queued: Bool)
    }

    /// What to send: the enable verb (WILL for us, DO for him) or the disable verb.
    enum Action: Equatable, Sendable {
        case none
        case sendEnable
        case sendDisable
    }

    private(set) var state: State = .no

    var isEnabled: Bool { state == .yes }
    /// We asked and the answer has not come.
    var isPending: Bool {
        switch state {
        case .no, .yes: false
        case .wantNo, .wantYes: true
        }
    }

    /// The peer asks for (or agrees to) the option: DO for us, WILL for him.
    mutating func receivedEnable(acceptable: Bool) -> Action {
        switch state {
        case .no:
            if acceptable {
                state = .yes
                return .sendEnable
            }
            return .sendDisable
        case .yes:
            return .none
        case .wantNo(queued: false):
            // Our disable was answered by an enable: a noncompliant peer; settle quietly.
            state = .no
            return .none
        case .wantNo(queued: true):
            state = .yes
            return .none
        case .wantYes(queued: false):
            state = .yes
            return .none
        case .wantYes(queued: true):
            state = .wantNo(queued: false)
            return .sendDisable
        }
    }

    /// The peer refuses or drops the option: DONT for us, WONT for him.
    mutating func receivedDisable() -> Action {
        switch state {
        case .no:
            return .none
        case .yes:
            state = .no
            return .sendDisable
        case .wantNo(queued: false):
            state = .no
            return .none
        case .wantNo(queued: true):
            state = .wantYes(queued: false)
            return .sendEnable
        case .wantYes:
            state = .no
            return .none
        }
    }

    /// We decide the option should be on.
    mutating func requestEnable() -> Action {
        switch state {
        case .no:
            state = .wantYes(queued: false)
            return .sendEnable
        case .yes, .wantNo(queued: true), .wantYes(queued: false):
            return .none
        case .wantNo(queued: false):
            state = .wantNo(queued: true)
            return .none
        case .wantYes(queued: true):
            state = .wantYes(queued: false)
            return .none
        }
    }

    /// We decide the option should be off.
    mutating func requestDisable() -> Action {
        switch state {
        case .yes:
            state = .wantNo(queued: false)
            return .sendDisable
        case .no, .wantNo(queued: false), .wantYes(queued: true):
            return .none
        case .wantNo(queued: true):
            state = .wantNo(queued: false)
            return .none
        case .wantYes(queued: false):
            state = .wantYes(queued: true)
            return .none
        }
    }
}

/// Both sides of all 256 options, allocated on first use so a raw (netcat) peer costs
/// nothing.
struct TelnetOptionTable: Sendable {
    /// Who performs the option: `local` is us (WILL/WONT), `remote` the peer (DO/DONT).
    enum Party: Int, Sendable {
        case local = 0
        case remote = 256
    }

    private var sides: [TelnetOptionSide] = []

    func side(_ party: Party, _ option: UInt8) -> TelnetOptionSide {
        sides.isEmpty ? TelnetOptionSide() : sides[party.rawValue + Int(option)]
    }

    mutating func update<R>(_ party: Party, _ option: UInt8, _ body: (inout TelnetOptionSide) -> R) -> R {
        if sides.isEmpty {
            sides = Array(repeating: TelnetOptionSide(), count: 512)
        }
        return body(&sides[party.rawValue + Int(option)])
    }
}
