import HotelCalendar
import Dialogue
import Storage

/// A revisit survey under way at a console: the survey flow's own conversation, fed the
/// answers the agent types for the guest on the phone.
struct ConsoleSurvey {
    let item: WorkItemID
    var conversation: Conversation
    /// The survey is being saved: lines typed meanwhile are refused.
    var saving = false
}

// `survey V-…`: the agent calls the guest and asks the survey's questions, from the same
// prompt files and with the same checks as the line, typing each answer. The survey is
// saved as one from the line is (with its own S number, linked to the stay), and the
// revisit is marked surveyed once both are durable.
extension AgentDesk {
    static let surveyStartNode = "survey.front_desk"

    func startSurvey(_ id: WorkItemID, agent: String, supervisor: Bool, on console: AgentConsole, now: WallTime) {
        guard console.survey == nil else { return console.say("a survey is under way here: finish it, or /stop") }
        guard center.session(of: agent) == nil else { return console.say("you are on a call: release or hang up first") }
        guard id.list == .revisits, let item = center.workItem(id, now: now) else {
            return console.say("survey takes a revisit, as the revisits list shows it (V-T… or V-R…)")
        }
        if item.stage.isDone { return console.say("\(id) is \(item.stage) already") }
        if let other = item.assignee, other != agent, !supervisor { return console.say("\(id) is \(other)'s: a supervisor can give it to you") }
        guard item.assignee != agent else { return beginSurvey(item, agent: agent, on: console, now: now) }
        // Taken first, so a second agent cannot survey the same guest meanwhile.
        record(id, .assign, text: agent, by: agent, on: console) { [weak self, weak console] item in
            guard let self, let console else { return nil }
            self.beginSurvey(item, agent: agent, on: console, now: self.center.clock.now())
            return nil
        }
    }

    private func beginSurvey(_ item: WorkItem, agent: String, on console: AgentConsole, now: WallTime) {
        let id = item.id
        let subject = WorkSubject(item, store: center.store, hotel: center.prompts.hotel, zone: center.prompts.hotel.timeZone)
        var known: [String: AnswerValue] = ["survey.consent": .flag(true)]
        if let name = subject.name { known["guest.name"] = .text(name) }
        if let phone = subject.phone.flatMap(PhoneNumber.init(normalized:)) { known["guest.phone"] = .phone(phone) }
        if case .stayRevisit(let number) = id { known["lookup.confirmation"] = .text(number.description) }
        // Asked in the guest's language, as the agent reads the questions out to them.
        guard let (conversation, effects) = Conversation.takingSurvey(prompts: center.prompts, from: Self.surveyStartNode, known: known,
                                                                      language: subject.language, at: now) else {
            return console.say("the prompts have no \(Self.surveyStartNode) to start the survey at")
        }
        console.survey = ConsoleSurvey(item: id, conversation: conversation)
        console.say("* Survey for \(id) (\(ConsoleText.safe(subject.name ?? "the guest")), \(subject.phone ?? "-"), in \(conversation.language)): "
                    + "ask each question and type the guest's answer; /stop leaves without recording.")
        audit("record-viewed", ["agent": .text(agent), "item": .text(id.description)])
        carryOut(effects, agent: agent, on: console)
    }

    /// A line typed during a survey: `/stop`, another command (`/show …`), or an answer.
    func surveyLine(_ line: String, for account: AgentAccount, on console: AgentConsole) -> Bool {
        guard var survey = console.survey else { return false }
        let text = String(line.trimmingSpacesAndTabs())
        if survey.saving {
            guard !text.hasPrefix("/") || text.lowercased() == "/stop" else { return false }
            console.say("the survey is being saved; a moment, please")
            return true
        }
        if center.session(of: account.id) != nil {
            // A call came through (/take, /accept): the agent's lines are the guest's now.
            console.survey = nil
            console.say("* Survey for \(survey.item) stopped: you are on a call. Nothing was recorded.")
            return false
        }
        if text.lowercased() == "/stop" {
            console.survey = nil
            console.say("* Survey for \(survey.item) stopped; nothing was recorded.")
            return true
        }
        if text.hasPrefix("/") { return false }
        let effects = survey.conversation.handle(.guest(.text(line)), at: center.clock.now())
        console.survey = survey
        carryOut(effects, agent: account.id, on: console)
        return true
    }

    private func carryOut(_ effects: [ConversationEffect], agent: String, on console: AgentConsole) {
        guard let survey = console.survey else { return }
        for effect in effects {
            switch effect {
            case .say(let text):
                console.say(text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + ConsoleText.safe($0) }.joined(separator: "\n"))
            case .perform(let request):
                console.survey?.saving = true
                let item = survey.item
                center.performForStaff(request, by: "console:" + agent) { [weak self, weak console] outcome in
                    guard let self else { return }
                    if case .saved(let reference, _) = outcome {
                        // Recorded on the revisit whether or not the console is still there.
                        if let console { console.survey = nil }
                        self.finishSurvey(item, reference: reference, agent: agent, on: console)
                        return
                    }
                    guard let console, var survey = console.survey else { return }
                    survey.saving = false
                    let after = survey.conversation.handle(.outcome(outcome), at: self.center.clock.now())
                    console.survey = survey
                    self.carryOut(after, agent: agent, on: console)
                }
                return
            case .hangUp:
                console.survey = nil
                console.say("* Survey for \(survey.item) ended; nothing was recorded.")
                return
            }
        }
        if console.survey?.conversation.currentFlow != "survey" {
            console.survey = nil
            console.say("* That answer left the survey; nothing was recorded. Type survey \(survey.item) to start again.")
        }
    }

    /// The survey is on disk: the revisit is marked surveyed (taken first if nobody has it).
    private func finishSurvey(_ id: WorkItemID, reference: String, agent: String, on console: AgentConsole?) {
        let say: (String) -> Void = { [weak console] line in console?.say(line) }
        let surveyed: () -> Void = { [weak self] in
            self?.center.recordWork(id, .surveyed, text: reference, by: "console:" + agent) { problem, _ in
                say(problem.map { "Cannot mark \(id) surveyed: \($0) (the survey \(reference) is saved)." } ?? "* Survey \(reference) recorded; \(id) is surveyed.")
            }
        }
        guard let item = center.workItem(id, now: center.clock.now()) else {
            return say("* Survey \(reference) is saved, but \(id) is no longer on the revisits list.")
        }
        guard item.assignee == nil else {
            surveyed()
            return
        }
        center.recordWork(id, .assign, text: agent, by: "console:" + agent) { _, _ in surveyed() }
    }
}
