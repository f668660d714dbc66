import Reactor
/// The queue for a person, as a value: guests waiting in order, agents and what they are
/// doing, and who is offered whom. Events go in with the time; the actions that come out
/// (tell a guest their place, offer a call to an agent, connect them) are carried out by the
/// switchboard. No I/O, so routing is tested without sockets.
///
/// Routing: the guest at the front goes to the available agent idle longest, who is
/// offered the call and accepts or declines. After a call the agent wraps up for a while,
/// then is available again. A guest hears their place when it gets better, at most every
/// `announceInterval` seconds, and at once when it gets worse (so a place told is never
/// better than the one held for longer than a turn); past `maxWait`, or with no agent
/// logged in, a callback is offered instead. With agents logged in but every one away
/// (nobody is answering), a guest keeps their place and is offered a callback at once,
/// once each time the desk empties: should an agent come back available, the queue moves
/// on as ever.
///
/// The order: guests join at the back, in the order they ask, except VIPs (a caller
/// identified as a guest file of kind VIP) and a guest whose agent was lost mid-call (back
/// at the front). A VIP joins just behind the last guest they may not overtake: another
/// VIP (so VIPs are first come, first served among themselves), a guest who has waited
/// `vipLead` seconds or more, a guest being offered to an agent, or one put back at the
/// front. So the lead is bounded: no guest who has waited `vipLead` seconds is overtaken
/// by anyone asking later (only by a guest whose agent was lost), a guest is overtaken
/// only by VIPs who asked within `vipLead` seconds of them, and a guest moved back hears
/// their new place at once.
public struct CallQueue: Sendable {
    /// A guest, by their connection number.
    public typealias Guest = UInt64
    /// An agent, by their login ID.
    public typealias Agent = String

    /// The queue's limits, each with a default and a `serve` flag.
    public struct Settings: Sendable, Equatable {
        public var wrapUpSeconds: Double = 30
        public var maxWaitSeconds: Double = 300
        /// An offer the agent neither accepts nor declines is withdrawn after this long.
        public var offerTimeoutSeconds: Double = 20
        public var announceIntervalSeconds: Double = 30
        /// How many recent calls the expected wait is averaged over.
        public var historySize = 20
        /// A VIP who asks goes ahead of every guest who has waited less than this, and of
        /// none who has waited longer (`serve --vip-lead`); 0: VIPs wait in turn like anyone.
        public var vipLeadSeconds: Double = 120

        public init() {}
    }

    /// What an agent is doing.
    public enum AgentState: Equatable, Sendable {
        /// Logged in but not taking calls.
        case away
        /// Ready; `since` orders who has been idle longest.
        case available(since: MonotonicTime)
        /// Asked to take `guest`; waiting for accept or decline.
        case offered(Guest, since: MonotonicTime)
        case onCall(Guest, since: MonotonicTime)
        /// After a call, until `until`.
        case wrapUp(until: MonotonicTime)
    }

    /// Why a guest is offered a callback instead of waiting.
    public enum CallbackReason: Equatable, Sendable {
        case noAgents
        case waitedTooLong
    }

    /// Something for the switchboard to do.
    public enum Action: Equatable, Sendable {
        /// Tell the guest their place (1 = next) and the expected wait (nil: no history yet).
        case tellPosition(Guest, position: Int, expectedWaitSeconds: Double?)
        /// The guest leaves the queue and is offered a callback.
        case offerCallback(Guest, CallbackReason)
        /// Every agent logged in is away: the guest keeps their place and is offered a
        /// callback at once, rather than held until `maxWait` by nobody.
        case offerCallbackWhileWaiting(Guest)
        /// Ask the agent to accept or decline the guest.
        case offerCall(Agent, Guest)
        /// The offer is off (the guest left, or the agent did not answer in time).
        case withdrawOffer(Agent, Guest, becauseGuestLeft: Bool)
        /// Put the two through.
        case connect(Agent, Guest)
        /// The agent was lost mid-call: apologise; the guest is at the front again.
        case returnToQueue(Guest)
    }

    struct Waiting: Equatable, Sendable {
        var guest: Guest
        var since: MonotonicTime
        var announcedPosition: Int
        var announcedAt: MonotonicTime
        /// Told nobody is at the desk since it last emptied (so told once, not every round).
        var toldNobodyAnswers = false
        /// Joined as a VIP: ahead of guests who had waited less than the VIP lead.
        var isVIP = false
        /// Put back at the front after their agent was lost: no VIP goes ahead of them.
        var keepsFront = false
    }

    public let settings: Settings
    public private(set) var agents: [Agent: AgentState] = [:]
    private(set) var waiting: [Waiting] = []
    private var handlingTimes: [Double] = []
    /// Calls put through to an agent today (the switchboard calls `startDay` at midnight).
    public private(set) var callsConnected = 0

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// A new day for the figures: the count of calls put through starts again.
    public mutating func startDay() {
        callsConnected = 0
    }

    // MARK: Questions

    public var queueLength: Int { waiting.count }
    public var waitingGuests: [Guest] { waiting.map(\.guest) }

    public func position(of guest: Guest) -> Int? { waiting.firstIndex { $0.guest == guest }.map { $0 + 1 } }

    public func longestWait(now: MonotonicTime) -> Double? { waiting.map { now - $0.since }.max() }

    /// The mean of recent handling times, nil before the first call ends.
    public var averageHandlingSeconds: Double? {
        handlingTimes.isEmpty ? nil : handlingTimes.reduce(0, +) / Double(handlingTimes.count)
    }

    /// Agents logged in, away or not: with none, nobody can answer the queue at all.
    var staffed: Int { agents.count }

    /// True while agents are logged in and every one of them is away: nobody will take a
    /// call until one of them comes back.
    var nobodyAnswers: Bool { staffed > 0 && !agents.values.contains { $0 != .away } }

    /// Position × average handling time, shared among the agents taking calls.
    public func expectedWait(atPosition position: Int) -> Double? {
        let answering = agents.values.filter { $0 != .away }.count
        return averageHandlingSeconds.map { $0 * Double(position) / Double(max(1, answering)) }
    }

    // MARK: Guests

    /// The guest asked for a person; `vip`: the caller is identified as a VIP's guest file,
    /// and joins ahead of the guests they may overtake (see the type's order). The first
    /// action is always this guest's answer: their place, or a callback with nobody logged in.
    public mutating func guestAsks(_ guest: Guest, vip: Bool = false, now: MonotonicTime) -> [Action] {
        guard staffed > 0 else { return [.offerCallback(guest, .noAgents)] }
        if let index = waiting.firstIndex(where: { $0.guest == guest }) {
            // Asking again while on hold ("0" once more): the same place, told again. Never
            // silence, which would leave the guest's request without an answer.
            let position = index + 1
            waiting[index].announcedPosition = position
            waiting[index].announcedAt = now
            return [.tellPosition(guest, position: position, expectedWaitSeconds: expectedWait(atPosition: position))]
        }
        let index = vip ? placeForVIP(now: now) : waiting.count
        waiting.insert(Waiting(guest: guest, since: now, announcedPosition: index + 1, announcedAt: now, isVIP: vip), at: index)
        var actions: [Action] = [.tellPosition(guest, position: index + 1, expectedWaitSeconds: expectedWait(atPosition: index + 1))]
        actions += announcePlaces(now: now, onlyWorse: true)
        actions += route(now: now)
        return actions
    }

    /// Where a VIP who asks now joins: just behind the last guest they may not overtake (a
    /// VIP, a guest who has waited the VIP lead or more, one being offered to an agent, one
    /// put back at the front), so at the front when there is none.
    private func placeForVIP(now: MonotonicTime) -> Int {
        let last = waiting.lastIndex { entry in
            entry.isVIP || entry.keepsFront || now - entry.since >= settings.vipLeadSeconds || isOffered(entry.guest)
        }
        return last.map { $0 + 1 } ?? 0
    }

    /// The guest hung up, or chose a callback instead, while waiting (or being offered).
    public mutating func guestLeaves(_ guest: Guest, now: MonotonicTime) -> [Action] {
        guard let index = waiting.firstIndex(where: { $0.guest == guest }) else { return [] }
        waiting.remove(at: index)
        var actions: [Action] = []
        if let (agent, _) = agents.first(where: { if case .offered(guest, _) = $0.value { true } else { false } }) {
            agents[agent] = .available(since: now)
            actions.append(.withdrawOffer(agent, guest, becauseGuestLeft: true))
        }
        return actions + route(now: now)
    }

    // MARK: Agents

    public mutating func agentLogsIn(_ agent: Agent, now: MonotonicTime) -> [Action] {
        guard agents[agent] == nil else { return [] }
        agents[agent] = .available(since: now)
        return route(now: now)
    }

    /// The agent logged out or their console dropped. A guest they were talking to goes back
    /// to the front of the queue; when no one is left to answer, the waiting are offered a callback.
    public mutating func agentLeaves(_ agent: Agent, now: MonotonicTime) -> [Action] {
        guard let state = agents.removeValue(forKey: agent) else { return [] }
        var actions: [Action] = []
        switch state {
        case .onCall(let guest, _):
            waiting.insert(Waiting(guest: guest, since: now, announcedPosition: 1, announcedAt: now, keepsFront: true), at: 0)
            actions.append(.returnToQueue(guest))
            actions += announcePlaces(now: now, onlyWorse: true)
        case .offered(let guest, _):
            actions.append(.withdrawOffer(agent, guest, becauseGuestLeft: false))
        case .away, .available, .wrapUp:
            break
        }
        if staffed == 0 {
            actions += waiting.map { .offerCallback($0.guest, .noAgents) }
            waiting.removeAll()
            return actions
        }
        return actions + route(now: now)
    }

    public mutating func agentIsAvailable(_ agent: Agent, now: MonotonicTime) -> [Action] {
        guard let state = agents[agent] else { return [] }
        switch state {
        case .away, .wrapUp: agents[agent] = .available(since: now)
        case .available, .offered, .onCall: return []
        }
        return route(now: now)
    }

    /// Away: no more offers until available again. Not allowed mid-call (the call ends first).
    public mutating func agentIsAway(_ agent: Agent, now: MonotonicTime) -> [Action] {
        guard let state = agents[agent] else { return [] }
        switch state {
        case .available, .wrapUp:
            agents[agent] = .away
            return tellIfNobodyAnswers()
        case .offered(let guest, _):
            agents[agent] = .away
            return [.withdrawOffer(agent, guest, becauseGuestLeft: false)] + route(now: now)
        case .away, .onCall:
            return []
        }
    }

    public mutating func agentAccepts(_ agent: Agent, now: MonotonicTime) -> [Action] {
        guard case .offered(let guest, _)? = agents[agent] else { return [] }
        return connect(agent, guest, now: now)
    }

    /// Declining sets the agent away (not ready), as call centres do, so the guest is not
    /// offered straight back to them; the guest keeps their place at the front.
    public mutating func agentDeclines(_ agent: Agent, now: MonotonicTime) -> [Action] {
        guard case .offered(let guest, _)? = agents[agent] else { return [] }
        agents[agent] = .away
        return [.withdrawOffer(agent, guest, becauseGuestLeft: false)] + route(now: now)
    }

    /// The agent picks a guest directly (`take ID`, `next`): out of the queue if waiting.
    public mutating func agentTakes(_ agent: Agent, _ guest: Guest, now: MonotonicTime) -> [Action] {
        guard let state = agents[agent] else { return [] }
        if case .onCall = state { return [] }
        var actions: [Action] = []
        if case .offered(let offered, _) = state, offered != guest {
            actions.append(.withdrawOffer(agent, offered, becauseGuestLeft: false))
        }
        // Anyone else offered this guest loses the offer.
        for (other, otherState) in agents where other != agent {
            if case .offered(guest, _) = otherState {
                agents[other] = .available(since: now)
                actions.append(.withdrawOffer(other, guest, becauseGuestLeft: false))
            }
        }
        waiting.removeAll { $0.guest == guest }
        return actions + connect(agent, guest, now: now)
    }

    /// The call ended (released to the menu, hung up, or the guest left): wrap-up begins.
    public mutating func callEnds(_ agent: Agent, now: MonotonicTime) -> [Action] {
        guard case .onCall(_, let since)? = agents[agent] else { return [] }
        handlingTimes.append(now - since)
        if handlingTimes.count > settings.historySize { handlingTimes.removeFirst(handlingTimes.count - settings.historySize) }
        agents[agent] = .wrapUp(until: now.adding(seconds: settings.wrapUpSeconds))
        return []
    }

    // MARK: Time

    /// Wrap-ups that are over, offers nobody answered, waits past the limit, and places to
    /// announce: call about once a second.
    public mutating func tick(now: MonotonicTime) -> [Action] {
        var actions: [Action] = []
        for (agent, state) in agents {
            switch state {
            case .wrapUp(let until):
                if until <= now { agents[agent] = .available(since: now) }
            case .offered(let guest, let since):
                guard now - since >= settings.offerTimeoutSeconds else { break }
                agents[agent] = .away
                actions.append(.withdrawOffer(agent, guest, becauseGuestLeft: false))
            case .away, .available, .onCall:
                break
            }
        }
        let overdue = waiting.filter { now - $0.since >= settings.maxWaitSeconds && !isOffered($0.guest) }
        for entry in overdue { actions.append(.offerCallback(entry.guest, .waitedTooLong)) }
        waiting.removeAll { entry in overdue.contains { $0.guest == entry.guest } }
        actions += route(now: now)
        return actions + announcePlaces(now: now, onlyWorse: false)
    }

    /// Tells each waiting guest not being offered whose place changed since they were told:
    /// at once when it got worse (never leave a guest believing they are nearer the front
    /// than they are), and when it got better only `announceInterval` after they were last
    /// told (`onlyWorse`: the worse alone, when someone has just joined ahead of others).
    private mutating func announcePlaces(now: MonotonicTime, onlyWorse: Bool) -> [Action] {
        var actions: [Action] = []
        for index in waiting.indices where !isOffered(waiting[index].guest) {
            let position = index + 1, told = waiting[index].announcedPosition
            let worse = position > told
            let better = position < told && !onlyWorse && now - waiting[index].announcedAt >= settings.announceIntervalSeconds
            guard worse || better else { continue }
            waiting[index].announcedPosition = position
            waiting[index].announcedAt = now
            actions.append(.tellPosition(waiting[index].guest, position: position, expectedWaitSeconds: expectedWait(atPosition: position)))
        }
        return actions
    }

    // MARK: Routing

    private func isOffered(_ guest: Guest) -> Bool {
        agents.values.contains { if case .offered(guest, _) = $0 { true } else { false } }
    }

    private mutating func connect(_ agent: Agent, _ guest: Guest, now: MonotonicTime) -> [Action] {
        waiting.removeAll { $0.guest == guest }
        agents[agent] = .onCall(guest, since: now)
        callsConnected += 1
        return [.connect(agent, guest)]
    }

    /// Offers each waiting guest, front first, to the agent idle longest.
    private mutating func route(now: MonotonicTime) -> [Action] {
        var actions: [Action] = []
        for entry in waiting where !isOffered(entry.guest) {
            let idle = agents.compactMap { agent, state -> (Agent, MonotonicTime)? in
                if case .available(let since) = state { (agent, since) } else { nil }
            }
            guard let (agent, _) = idle.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { break }
            agents[agent] = .offered(entry.guest, since: now)
            actions.append(.offerCall(agent, entry.guest))
        }
        return actions + tellIfNobodyAnswers()
    }

    /// With every agent away, each waiting guest not yet told is offered a callback (once);
    /// with someone answering again, the next time the desk empties tells them again.
    private mutating func tellIfNobodyAnswers() -> [Action] {
        let nobody = nobodyAnswers
        var actions: [Action] = []
        for index in waiting.indices where waiting[index].toldNobodyAnswers != nobody {
            waiting[index].toldNobodyAnswers = nobody
            if nobody { actions.append(.offerCallbackWhileWaiting(waiting[index].guest)) }
        }
        return actions
    }
}
