import HotelCalendar

/// One item on a work list as it stands: its stage, when it is due, who has it, and every
/// step taken on it. A value: steps go in through `apply(_:rules:)`, which says why a step
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
        case .birthdays: return [.card]
        }
    }

    /// Would `step` fit? Nil when it would; the item is not changed.
    public func check(_ step: WorkStep, rules: WorkRules) -> WorkRefusal? {
        var copy = self
        return copy.apply(step, rules: rules)
    }

    /// Applies `step`, or says why it does not fit (and changes nothing).
    @discardableResult
    public mutating func apply(_ step: WorkStep, rules: WorkRules) -> WorkRefusal? {
        let action = step.action
        let text = step.text.flatMap { $0.isEmpty ? nil : $0 }
        switch action {
        case .note:
            guard text != nil else { return .needsText(action) }
        case .assign:
            guard !stage.isDone else { return .done(id, stage) }
            assignee = text
        case .reached, .noAnswer, .wrongNumber, .investigate, .resolve, .signOff, .close, .declined, .surveyed, .confirmed, .needs,
             .route, .answer, .escalate, .card:
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
            // What was said when the guest answered is the outcome's record.
            if action == .reached, text == nil { return .needsText(action) }
            stage = action == .reached ? .reached : .wrongNumber
        case .noAnswer:
            if let refusal = from(.waiting, .retrying) { return refusal }
            if stage == .retrying, at < due { return .notYet(id, due: due) }
            tries += 1
            if tries >= rules.callbackTries {
                stage = .unreachable
            } else {
                stage = .retrying
                due = rules.nextTry(after: at)
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
        case .card:
            if let refusal = from(.waiting) { return refusal }
            stage = .sent
        case .assign, .note:
            break
        }
        return nil
    }

    /// Complaints: once looked into, what is owed next is the answer by the day the guest
    /// was promised.
    mutating func setDue(_ instant: WallTime) { due = instant }
}
