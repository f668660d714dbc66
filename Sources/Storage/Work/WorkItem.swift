import HotelCalendar

/// Where an item on a work list stands. Each list has its own stages; `isDone` says
/// whether anything is still owed.
public enum WorkStage: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Still to do: a callback not yet made, a revisit, an arrival or an opinion not yet worked.
    case waiting
    /// A callback tried without an answer, to be tried again.
    case retrying
    case reached
    /// A callback tried as often as the hotel allows, never answered.
    case unreachable
    case wrongNumber = "wrong-number"
    /// A complaint as it came in, not yet looked into.
    case received
    case investigating
    case resolved
    case signedOff = "signed-off"
    /// A complaint signed off whose guest has been called back.
    case revisited
    case closed
    case declined
    case surveyed
    case confirmed
    case answered

    public var description: String { rawValue }

    public var isDone: Bool {
        switch self {
        case .waiting, .retrying, .received, .investigating, .resolved, .signedOff, .revisited: return false
        case .reached, .unreachable, .wrongNumber, .closed, .declined, .surveyed, .confirmed, .answered: return true
        }
    }

    /// The stage a new item of `list` starts in.
    static func first(on list: WorkList) -> WorkStage {
        switch list {
        case .complaints: return .received
        case .callbacks, .revisits, .arrivals, .feedback: return .waiting
        }
    }
}

/// Why a step was not taken, in words for the agent.
public enum WorkRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The item owes nothing any more.
    case done(WorkItemID, WorkStage)
    /// The step is not one of this list's (`investigate` on a callback).
    case notOnList(WorkAction, WorkList)
    /// The step comes at another stage (`sign off` before the complaint is resolved).
    case wrongStage(WorkItemID, WorkAction, WorkStage, needs: [WorkStage])
    /// The step needs words (a note, a result, an answer).
    case needsText(WorkAction)
    case unknown(WorkItemID)

    public var description: String {
        switch self {
        case .done(let id, let stage): return "\(id) is \(stage) already: nothing is owed on it"
        case .notOnList(let action, let list): return "\"\(action)\" is not a step on the \(list) list"
        case .wrongStage(let id, let action, let stage, let needs):
            return "\(id) is \(stage): \"\(action)\" comes when it is " + needs.map(\.description).joined(separator: " or ")
        case .needsText(let action): return "\"\(action)\" needs words to keep"
        case .unknown(let id): return "\(id): no such item"
        }
    }
}

/// How the hotel runs its lists: retries, and the days its rules count. From `hotel.conf`.
public struct WorkRules: Sendable {
    /// Minutes before an unanswered callback is tried again.
    public var callbackRetryMinutes: Int
    /// Tries before an unanswered callback is closed as unreachable.
    public var callbackTries: Int
    /// A complaint is revisited within this many days of its ticket.
    public var complaintRevisitDays: Int
    /// A stay is revisited on this day after check-out.
    public var stayRevisitDay: Int
    /// Arrivals are confirmed this many days ahead (1...2: one to two days before).
    public var arrivalDays: ClosedRange<Int>
    /// A rating at or below this is an opinion a department must answer.
    public var lowRating: Int
    public var zone: HotelTimeZone

    public init(callbackRetryMinutes: Int = 60, callbackTries: Int = 3, complaintRevisitDays: Int = 3, stayRevisitDay: Int = 2,
                arrivalDays: ClosedRange<Int> = 1...2, lowRating: Int = 2, zone: HotelTimeZone) {
        self.callbackRetryMinutes = callbackRetryMinutes
        self.callbackTries = callbackTries
        self.complaintRevisitDays = complaintRevisitDays
        self.stayRevisitDay = stayRevisitDay
        self.arrivalDays = arrivalDays
        self.lowRating = lowRating
        self.zone = zone
    }

    /// The end of local day `date` (the next midnight on the hotel's clock): "by Saturday"
    /// is due at the first instant of Sunday.
    public func endOfDay(_ date: CivilDate) -> WallTime {
        zone.wallTime(of: LocalMoment(date: date.adding(days: 1), time: TimeOfDay(hour: 0, minute: 0)!))
    }

    public func localDate(_ instant: WallTime) -> CivilDate { zone.localMoment(at: instant).date }
}

/// One item on a work list as it stands: its stage, when it is due, who has it, and every
/// step taken on it. A value: steps go in through `take(_:rules:)`, which says why a step
/// does not fit rather than taking it.
public struct WorkItem: Equatable, Sendable {
    public let id: WorkItemID
    public private(set) var stage: WorkStage
    /// When what is owed next is due; past it and not done, the item is overdue.
    public private(set) var due: WallTime
    /// The agent working it; one at a time.
    public private(set) var assignee: String?
    /// Callbacks: calls tried without an answer.
    public private(set) var tries = 0
    /// Complaints: the result as the guest will hear it.
    public private(set) var result: String?
    public private(set) var signedOffBy: String?
    /// Complaints: the head it was passed to, not looked into on its day.
    public private(set) var escalatedTo: String?
    /// Feedback: the department it was passed to.
    public private(set) var department: String?
    /// Arrivals: special needs, in the order recorded.
    public private(set) var needs: [String] = []
    /// Revisits: the survey the guest answered.
    public private(set) var survey: SurveyNumber?
    /// Complaints: the revisit call was made (declined or answered).
    public private(set) var revisitDone = false
    public private(set) var history: [WorkStep] = []

    public init(id: WorkItemID, due: WallTime, revisitDone: Bool = false) {
        self.id = id
        self.stage = .first(on: id.list)
        self.due = due
        self.revisitDone = revisitDone
    }

    public func isOverdue(at now: WallTime) -> Bool { !stage.isDone && !(now < due) }

    /// The steps this list takes, besides assigning and notes.
    static func actions(of list: WorkList) -> Set<WorkAction> {
        switch list {
        case .callbacks: return [.reached, .noAnswer, .wrongNumber]
        case .complaints: return [.investigate, .resolve, .signOff, .close, .escalate]
        case .revisits: return [.declined, .surveyed]
        case .arrivals: return [.confirmed, .needs]
        case .feedback: return [.route, .answer]
        }
    }

    /// Would `step` fit? Nil when it would; the item is not changed.
    public func check(_ step: WorkStep, rules: WorkRules) -> WorkRefusal? {
        var copy = self
        return copy.take(step, rules: rules)
    }

    /// Takes `step` in, or says why it does not fit (and changes nothing).
    @discardableResult
    public mutating func take(_ step: WorkStep, rules: WorkRules) -> WorkRefusal? {
        let action = step.action
        let text = step.text.flatMap { $0.isEmpty ? nil : $0 }
        switch action {
        case .note:
            guard text != nil else { return .needsText(action) }
        case .assign:
            guard !stage.isDone else { return .done(id, stage) }
            assignee = text
        default:
            guard Self.actions(of: id.list).contains(action) else { return .notOnList(action, id.list) }
            if let refusal = advance(action, text: text, at: step.createdAt, by: step.author, rules: rules) { return refusal }
        }
        history.append(step)
        return nil
    }

    private mutating func advance(_ action: WorkAction, text: String?, at: WallTime, by: String, rules: WorkRules) -> WorkRefusal? {
        func from(_ stages: WorkStage...) -> WorkRefusal? {
            if stages.contains(stage) { return nil }
            return stage.isDone ? .done(id, stage) : .wrongStage(id, action, stage, needs: stages)
        }
        switch action {
        case .reached, .wrongNumber:
            if let refusal = from(.waiting, .retrying) { return refusal }
            stage = action == .reached ? .reached : .wrongNumber
        case .noAnswer:
            if let refusal = from(.waiting, .retrying) { return refusal }
            tries += 1
            if tries >= rules.callbackTries {
                stage = .unreachable
            } else {
                stage = .retrying
                due = at.adding(seconds: Double(rules.callbackRetryMinutes * 60))
            }
        case .investigate:
            if let refusal = from(.received) { return refusal }
            stage = .investigating
        case .resolve:
            if let refusal = from(.investigating) { return refusal }
            guard let text else { return .needsText(action) }
            result = text
            stage = .resolved
        case .signOff:
            if let refusal = from(.resolved) { return refusal }
            signedOffBy = by
            stage = revisitDone ? .revisited : .signedOff
        case .close:
            if let refusal = from(.revisited) { return refusal }
            stage = .closed
        case .escalate:
            if let refusal = from(.received) { return refusal }
            guard let text else { return .needsText(action) }
            escalatedTo = text
            if assignee == nil { assignee = text }
        case .declined, .surveyed:
            if let refusal = from(.waiting) { return refusal }
            if action == .surveyed {
                guard let number = text.flatMap(SurveyNumber.init) else { return .needsText(action) }
                survey = number
            }
            stage = action == .declined ? .declined : .surveyed
        case .confirmed:
            if let refusal = from(.waiting) { return refusal }
            if let text { needs.append(text) }
            stage = .confirmed
        case .needs:
            guard let text else { return .needsText(action) }
            needs.append(text)
        case .route:
            if let refusal = from(.waiting) { return refusal }
            guard let text else { return .needsText(action) }
            department = text
        case .answer:
            if let refusal = from(.waiting) { return refusal }
            guard text != nil else { return .needsText(action) }
            stage = .answered
        case .assign, .note:
            break
        }
        return nil
    }

    /// A complaint's revisit call was made: signed off, it is now revisited.
    mutating func markRevisited() {
        revisitDone = true
        if stage == .signedOff { stage = .revisited }
    }

    /// Complaints: once looked into, what is owed next is the answer by the day the guest
    /// was promised.
    mutating func setDue(_ instant: WallTime) { due = instant }
}
