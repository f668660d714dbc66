import HotelCalendar

extension Conversation {
    /// A survey an agent takes at the console while on the phone with the guest (a revisit
    /// call): the flow's own questions and checks from `node` on (`survey.front_desk`),
    /// with what is already known (`known`: the guest's name, phone, stay, their consent)
    /// set as if the guest had said it. The agent types the guest's answers as `.guest`
    /// events; the save comes out as a `perform` like any other. Nil when `node` is not in
    /// the prompts. Returns the conversation and what it says first.
    public static func takingSurvey(prompts: PromptSet, from node: String, known: [String: AnswerValue], language: String? = nil,
                                    at instant: WallTime) -> (Conversation, [ConversationEffect])? {
        guard let start = prompts.node(named: node) else { return nil }
        var conversation = Conversation(prompts: prompts)
        if let language, let pack = prompts.language(language) { conversation.speak(pack) }
        conversation.languageSettled = true
        conversation.now = conversation.clock.moment(at: instant)
        for (name, value) in known { conversation.variables[name] = value }
        var effects = effects()
        conversation.run(from: start, into: &effects)
        return (conversation, effects)
    }

    /// The flow of the question the conversation waits at (`survey`), nil when it waits at none.
    public var currentFlow: String? {
        switch state {
        case .waiting(let node, _, _, _), .performing(let node, _, _, _), .offeringPerson(let node, _, _):
            return prompts.nodes[node].flow
        case .notStarted, .choosingLanguage, .withAgent, .ended:
            return nil
        }
    }
}
