import HotelCalendar
import Dialogue
import Storage
import Telnet

// The work lists at the console: agents see the lists and take items; each step is a
// journal record, confirmed to the agent only once it is durable. Who may do what:
// - anyone sees every list, `mine`, and an item in full (`show`, audited: it shows the
//   guest's phone);
// - an agent takes an item nobody has (`take`), works only items that are theirs (a step
//   on an item nobody has takes it first), and gives it back (`drop`);
// - a supervisor works, takes and gives (`assign`) any item;
// - a complaint is signed off by the head of its department or a supervisor.
extension AgentDesk {
    func runWork(_ command: WorkCommand, for account: AgentAccount, on console: AgentConsole) {
        let now = center.clock.now()
        let agent = account.id
        let supervisor = account.role == .supervisor
        switch command {
        case .list(let list, let all):
            let items = center.workItems(on: list, now: now).filter { all || !$0.stage.isDone }
            console.say(items.isEmpty ? "Nothing \(all ? "" : "open ")on the \(list) list." : table(items, now: now))
        case .mine:
            let items = WorkList.allCases.flatMap { center.workItems(on: $0, now: now) }.filter { isMine($0, agent: agent) }
            console.say(items.isEmpty ? "Nothing is waiting for you." : table(items, now: now))
        case .show(let id):
            guard let item = center.workItem(id, now: now) else { return console.say(noSuchItem(id, now: now)) }
            audit("record-viewed", ["agent": .text(agent), "item": .text(id.description)])
            console.say(details(of: item, now: now) + ["  (this view is logged)"])
        case .take(let id):
            guard let item = center.workItem(id, now: now) else { return console.say(noSuchItem(id, now: now)) }
            if item.assignee == agent { return console.say("\(id) is yours already.") }
            if let other = item.assignee, !supervisor {
                return console.say("\(id) is \(other)'s: a supervisor can give it to you (assign \(id) \(agent))")
            }
            record(id, .assign, text: agent, by: agent, on: console) { "\(id) is yours: \(self.nextStep(of: $0))" }
        case .drop(let id):
            guard let item = center.workItem(id, now: now) else { return console.say(noSuchItem(id, now: now)) }
            guard item.assignee == agent || (supervisor && item.assignee != nil) else {
                return console.say(item.assignee.map { "\(id) is \($0)'s, not yours" } ?? "\(id) is nobody's")
            }
            record(id, .assign, text: nil, by: agent, on: console) { _ in "\(id) is back on the \(id.list) list for anyone to take." }
        case .assign(let id, let other):
            guard roster.agent(other) != nil else { return console.say("\(other) is no agent (see the agents file)") }
            let giver = ConsoleText.safe(account.name)
            record(id, .assign, text: other, by: agent, on: console) { [weak self] _ in
                self?.show(["* \(giver) gave you \(id). Type show \(id)."], toAgent: other)
                return "\(id) is \(other)'s now."
            }
        case .step(let id, let action, let text):
            guard let item = center.workItem(id, now: now) else { return console.say(noSuchItem(id, now: now)) }
            if let problem = mayWork(item, action, agent: agent, supervisor: supervisor) { return console.say(problem) }
            if let problem = checkDepartment(of: action, text) { return console.say(problem) }
            // Checked before anything is recorded: a step that does not fit takes nothing.
            if let refusal = item.check(WorkStep(item: id, action: action, text: text, by: "console:" + agent, createdAt: now), rules: center.workRules) {
                return console.say("Cannot: \(center.describe(refusal)).")
            }
            let step = { [weak self] in
                self?.record(id, action, text: text, by: agent, on: console) { self?.done(action, on: $0, now: now) }
            }
            if item.assignee == nil, !item.stage.isDone, action != .note, action != .signOff {
                // Nobody's: the agent takes it first, then the step is checked against it.
                record(id, .assign, text: agent, by: agent, on: console) { _ in step(); return nil }
            } else {
                step()
            }
        case .survey(let id):
            startSurvey(id, agent: agent, supervisor: supervisor, on: console, now: now)
        }
    }

    /// `route` names a department `hotel.conf` has.
    private func checkDepartment(of action: WorkAction, _ text: String?) -> String? {
        guard action == .route, let code = text?.lowercased() else { return nil }
        let codes = center.prompts.hotel.departments.map(\.code)
        guard !codes.contains(code) else { return nil }
        return "\"\(ConsoleText.safe(code))\" is no department" + Spelling.hint(for: code, among: codes) + "; hotel.conf has " + codes.joined(separator: ", ")
    }

    /// Why `agent` may not take `action` on `item`, or nil.
    private func mayWork(_ item: WorkItem, _ action: WorkAction, agent: String, supervisor: Bool) -> String? {
        if action == .signOff {
            guard supervisor || head(of: item) == agent else {
                return "\(item.id) is signed off by the head of its department" + (head(of: item).map { " (\($0))" } ?? "") + " or a supervisor"
            }
            return nil
        }
        if action == .note || supervisor { return nil }
        if let other = item.assignee, other != agent { return "\(item.id) is \(other)'s: a supervisor can give it to you" }
        return nil
    }

    /// The head of the department a complaint (or its revisit) goes to.
    private func head(of item: WorkItem) -> String? {
        switch item.id {
        case .complaint(let number), .complaintRevisit(let number):
            return center.store.complaint(number).flatMap { center.prompts.hotel.department(ofCategory: $0.request.category)?.head }
        case .feedback(_, let topic):
            return center.prompts.hotel.department(code: item.department ?? "")?.head ?? center.prompts.hotel.department(ofTopic: topic)?.head
        case .callback, .stayRevisit, .arrival, .birthday:
            return nil
        }
    }

    /// Items for `agent`: theirs, passed to them as a head, or waiting for their sign-off.
    private func isMine(_ item: WorkItem, agent: String) -> Bool {
        if item.stage.isDone { return false }
        if item.assignee == agent || item.escalatedTo == agent { return true }
        return item.stage == .resolved && head(of: item) == agent
    }

    /// Records the step and tells the console `confirmation(item)` (nil: nothing) once it
    /// is durable, or why it was not taken.
    func record(_ id: WorkItemID, _ action: WorkAction, text: String?, by agent: String, on console: AgentConsole,
                confirmation: @escaping (WorkItem) -> String?) {
        center.recordWork(id, action, text: text, by: "console:" + agent) { [weak console] problem, item in
            guard let console else { return }
            if let problem { return console.say("Cannot: \(problem).") }
            if let item, let line = confirmation(item) { console.say(line) }
        }
    }

    /// What the console says once `action` is on record.
    private func done(_ action: WorkAction, on item: WorkItem, now: WallTime) -> String {
        let id = item.id
        switch action {
        case .noAnswer where item.stage == .retrying:
            return "\(id): no answer (try \(item.tries) of \(center.prompts.hotel.callbackTries)); back on the list for \(when(item.due))."
        case .noAnswer:
            return "\(id): no answer after \(item.tries) tries: closed as unreachable."
        case .resolve:
            var line = "\(id) is resolved: it waits for sign-off"
            if case .complaint(let number) = id, let revisit = center.workItem(.complaintRevisit(number), now: now) {
                line += "; its revisit \(revisit.id) is due by \(when(revisit.due))"
            }
            return line + "."
        case .escalate, .assign:
            return "\(id) is \(item.stage)."
        case .note:
            return "Noted on \(id)."
        case .needs:
            return "Needs kept on \(id) and the guest's file."
        case .route:
            return "\(id) is passed to \(item.department ?? "")."
        case .card:
            return "\(id): the card is on record as sent; nothing more is owed."
        case .reached, .wrongNumber, .investigate, .signOff, .close, .declined, .surveyed, .confirmed, .answer:
            return "\(id) is \(item.stage)." + (item.stage.isDone ? "" : " Next: " + nextStep(of: item))
        }
    }

    /// What is owed next on `item`, in a few words.
    func nextStep(of item: WorkItem) -> String {
        let id = item.id
        switch (item.id.list, item.stage) {
        case (_, let stage) where stage.isDone: return "nothing more is owed."
        case (.callbacks, _): return "call the guest (show \(id)), then reached, no-answer or wrong-number \(id)."
        case (.complaints, .received): return "investigate \(id) once you look into it."
        case (.complaints, .investigating): return "resolve \(id) RESULT once it is put right."
        case (.complaints, .resolved): return "the head of its department or a supervisor signs it off (signoff \(id))."
        case (.complaints, .signedOff): return "its revisit call (revisits) comes next."
        case (.complaints, _): return "close \(id)."
        case (.revisits, _): return "call the guest, then survey \(id), or declined \(id)."
        case (.arrivals, _): return "call the guest, then confirm \(id) [special needs]."
        case (.feedback, _): return "answer \(id) with the department's answer (route \(id) DEPARTMENT to pass it on)."
        case (.birthdays, _): return "send the guest a birthday card, then card \(id) [how it went]."
        }
    }

    /// Why there is no item `id`, in words an agent can act on: for a birthday, whether the
    /// file, its birthday or that year's day is what is missing.
    func noSuchItem(_ id: WorkItemID, now: WallTime) -> String {
        guard case .birthday(let number, let year) = id else { return "\(id): no such item" }
        guard let file = center.store.guestFile(number) else { return "\(id): no such item (there is no guest file \(number))" }
        guard let birthday = file.birthday else {
            return "\(id): guest file \(number) has no birthday on record (file \(number) birthday MM-DD sets it)"
        }
        let day = birthday.day(in: year), today = center.workRules.localDate(now), days = center.workRules.birthdayDays
        let window = days == 0 ? "on the day only" : "from \(days) day\(days == 1 ? "" : "s") ahead through the day"
        if day < today { return "\(id): that birthday (\(day)) has passed (birthdays are on the list \(window))" }
        return "\(id): that birthday (\(day)) is not on the list yet: it comes on \(day.adding(days: -days)) "
            + "(birthdays are on the list \(window))"
    }

    /// A local time on the hotel's clock, as the lists show it: `2026-12-03 10:30`; a
    /// midnight that ends a day is written as that day's `24:00` ("by Saturday").
    func when(_ instant: WallTime) -> String {
        WorkSubject.local(instant, zone: center.prompts.hotel.timeZone)
    }

    private func table(_ items: [WorkItem], now: WallTime) -> String {
        let sorted = items.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        let shown = sorted.prefix(50)
        var rows = shown.map { item -> [String] in
            let subject = WorkSubject(item, store: center.store, hotel: center.prompts.hotel, zone: center.prompts.hotel.timeZone)
            let state = item.stage.description + (item.isOverdue(at: now) ? " OVERDUE" : "") + (item.escalatedTo != nil && !item.stage.isDone ? " escalated" : "")
            return [item.id.description, when(item.due), state, item.assignee ?? "-", ConsoleText.masked(phone: subject.phone),
                    ConsoleText.safe(subject.summary)]
        }
        if sorted.count > shown.count { rows.append(["…", "", "", "", "", "and \(sorted.count - shown.count) more, due later"]) }
        return ConsoleText.table(["ITEM", "DUE", "STATE", "WHO", "PHONE", "ABOUT"], rows)
    }

    private func details(of item: WorkItem, now: WallTime) -> [String] {
        let subject = WorkSubject(item, store: center.store, hotel: center.prompts.hotel, zone: center.prompts.hotel.timeZone)
        var lines = ["\(item.id) (\(item.id.list)): \(item.stage)" + (item.isOverdue(at: now) ? ", OVERDUE" : "")
                     + ", due \(when(item.due)), " + (item.assignee.map { "with \($0)" } ?? "nobody's")]
        lines.append("  guest: \(ConsoleText.safe(subject.name ?? "(no name)")), phone \(subject.phone ?? "-"), language \(subject.language)")
        lines += subject.facts.map { "  " + ConsoleText.safe($0) }
        if let result = item.result { lines.append("  result: " + ConsoleText.safe(result)) }
        if let by = item.signedOffBy { lines.append("  signed off by \(by)") }
        if let head = item.escalatedTo { lines.append("  escalated to \(head), head of its department") }
        if !item.needs.isEmpty { lines.append("  special needs: " + ConsoleText.safe(item.needs.joined(separator: "; "))) }
        if let survey = item.survey { lines.append("  survey: \(survey)") }
        for step in item.history {
            lines.append("  \(when(step.createdAt))  \(step.author)  \(step.action)" + (step.text.map { ": " + ConsoleText.safe($0) } ?? ""))
        }
        lines.append("  next: " + nextStep(of: item))
        return lines
    }
}
