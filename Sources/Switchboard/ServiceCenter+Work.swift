import HotelCalendar
import Dialogue
import Storage

// The service centre's side of the work lists: the rules from `hotel.conf`, each step
// made durable before whoever asked is told, and the complaints the line passes to a
// department's head when nobody looked into them on their day.
extension ServiceCenter {
    /// How the hotel runs its lists, from the prompts in force.
    var workRules: WorkRules { WorkRules(prompts.hotel) }

    func workItems(on list: WorkList, now: WallTime) -> [WorkItem] {
        office.store.workItems(on: list, rules: workRules, now: now)
    }

    func workItem(_ id: WorkItemID, now: WallTime) -> WorkItem? {
        office.store.workItem(id, rules: workRules, now: now)
    }

    var store: HotelStore { office.store }

    /// Takes `action` on `item` for `by` (`console:mei`, `line`); `done` hears once it is
    /// durable (nil and the item as it now stands) or why not (a refusal, or the journal's).
    func recordWork(_ item: WorkItemID, _ action: WorkAction, text: String?, by: String,
                    then done: @escaping (_ problem: String?, _ item: WorkItem?) -> Void) {
        let now = clock.now()
        let step = WorkStep(item: item, action: action, text: text, by: by, createdAt: now)
        let (decision, token) = office.recordWork(step, rules: workRules)
        switch decision {
        case .refused(let refusal):
            done(describe(refusal), nil)
        case .pending:
            staffAwaiting[token] = { [weak pager] failure in
                guard let self = pager?.center else { return }
                if let failure { return done("not recorded, the journal refused it: \(failure)", nil) }
                done(nil, self.workItem(item, now: self.clock.now()))
            }
        }
    }

    /// A refusal in words for staff, its times on the hotel's clock.
    func describe(_ refusal: WorkRefusal) -> String {
        switch refusal {
        case .notYet(let id, let due):
            let local = zone.localMoment(at: due)
            return "\(id) is tried again from \(local.date) \(local.time), after the retry interval; not before"
        case .done, .notOnList, .wrongStage, .needsText, .unknown:
            return refusal.description
        }
    }

    /// Each minute on the round: every complaint still as it came in once its day is over
    /// is passed to its department's head (a journal step by the line), who is told at the
    /// console if logged in.
    func escalateComplaints(now: WallTime) {
        let hotel = prompts.hotel
        for number in store.complaintsAwaitingInvestigation.sorted() {
            guard let item = workItem(.complaint(number), now: now), item.stage == .received, item.escalatedTo == nil, item.isOverdue(at: now),
                  let ticket = store.complaint(number), let head = hotel.department(ofCategory: ticket.request.category)?.head else { continue }
            recordWork(item.id, .escalate, text: head, by: WorkStep.line) { [weak pager] problem, _ in
                guard let self = pager?.center else { return }
                if let problem { return self.log("escalating \(number): \(problem)") }
                self.desk?.show(["* \(number) (\(ticket.request.category)) was not looked into on its day: it is passed to you. Type show \(number)."],
                                toAgent: head)
            }
        }
    }
}

extension ServiceCenter {
    /// Carries out a conversation's request for staff (a survey taken at the console):
    /// `done` hears the outcome once known, a saved record's only once it is durable.
    func performForStaff(_ request: ActionRequest, by: String, then done: @escaping (ActionOutcome) -> Void) {
        let now = clock.now()
        switch office.perform(request, session: by, prompts: prompts, zone: zone, now: now) {
        case .done(let outcome):
            done(outcome)
        case .awaitingDisk(let token, let outcome):
            staffAwaiting[token] = { failure in done(failure == nil ? outcome : .failed) }
        }
    }
}

extension WorkRules {
    /// The rules `hotel.conf` sets (callback retries and hours, the hotel's time zone): what
    /// the console works by, what the line tells a guest, and what an export reads.
    public init(_ hotel: HotelProfile) {
        self.init(callbackRetryMinutes: hotel.callbackRetryMinutes, callbackTries: hotel.callbackTries,
                  callbackHours: (hotel.callbackOpens, hotel.callbackCloses), birthdayDays: hotel.birthdayDays, zone: hotel.timeZone)
    }
}
