/// Languages in a call: the screen a call of a line with several languages starts with, a
/// switch mid-call by a language's own name or the `language` command, and (for a caller
/// recognised on file) the language of their last call.
extension Conversation {
    /// How the language of a call came to change.
    public enum LanguageChange: String, Hashable, Sendable, CaseIterable {
        /// Picked on the language screen at the start of the call.
        case screen
        /// Asked for mid-call: a language's name, or the screen opened by the command.
        case switched
        /// The caller's file: the language of their last call.
        case onFile = "on-file"
    }

    /// The index in `prompts.languages` of the language the call is in.
    var languageIndex: Int { prompts.languages.firstIndex { $0 === pack } ?? 0 }

    /// An answer on the language screen: a number, a language's code or name, or a command.
    mutating func chooseLanguage(_ answer: TypedAnswer, misses: Int, resume: ResumePoint?, into effects: inout [ConversationEffect]) {
        let folded = answer.folded
        // A command, in whichever language the guest typed it.
        for index in prompts.languages.indices {
            guard let command = prompts.languages[index].command(for: folded) else { continue }
            choosingLanguage(command, in: index, resume: resume, into: &effects)
            return
        }
        var picked = Int(folded).flatMap { prompts.languages.indices.contains($0 - 1) ? $0 - 1 : nil }
            ?? prompts.languages.firstIndex { $0.code.lowercased() == folded }
        if picked == nil, let named = prompts.languageWords[folded] {
            guard named.count == 1 else {
                // "中文" names two languages: the screen again, which shows both with their numbers.
                effects.append(sayingPrompt())
                return
            }
            picked = named[0]
        }
        guard let picked else {
            if misses + 1 >= Self.maxNoMatch {
                // Carry on in the language the call is in rather than ask a fourth time.
                leaveLanguageScreen(resume, into: &effects)
            } else {
                state = .choosingLanguage(misses: misses + 1, silences: 0, resume: resume)
                effects.append(sayingPrompt())
            }
            return
        }
        if resume == nil {
            switchLanguage(to: picked, how: .screen, into: &effects)
        } else {
            if picked != languageIndex { switchLanguage(to: picked, how: .switched, into: &effects) }
            languageSettled = true
        }
        leaveLanguageScreen(resume, into: &effects)
    }

    /// A command typed on the language screen, found in the words of language `index`.
    private mutating func choosingLanguage(_ command: GlobalCommand, in index: Int, resume: ResumePoint?,
                                           into effects: inout [ConversationEffect]) {
        note(.command(command))
        switch command {
        case .quit:
            // Goodbye in the language the guest said it in.
            if index != languageIndex { switchLanguage(to: index, how: resume == nil ? .screen : .switched, into: &effects) }
            effects.append(saying("global.goodbye"))
            hangUp(&effects)
        case .back where resume != nil:
            leaveLanguageScreen(resume, into: &effects)
        case .menu where resume != nil:
            history.removeAll(keepingCapacity: true)
            run(from: prompts.mainMenuNode, into: &effects)
        case .agent where resume != nil:
            if let resume { askingForPerson(at: resume.node, step: resume.step) }
            run(from: prompts.agentNode, into: &effects)
        case .help, .repeat, .language, .back, .menu, .agent:
            // Nothing to go back to before a language is chosen: the screen again.
            effects.append(sayingPrompt())
        }
    }

    /// Out of the screen: back to the question it was opened at, or (at the start of the
    /// call) on to the greeting, in the language the call is now in.
    private mutating func leaveLanguageScreen(_ resume: ResumePoint?, into effects: inout [ConversationEffect]) {
        guard let resume else {
            run(from: prompts.startNode, into: &effects)
            return
        }
        state = .waiting(node: resume.node, step: resume.step, misses: 0, silences: 0)
        effects.append(sayingPrompt())
    }

    /// The language screen mid-call (the `language` command, or a name that fits two
    /// languages); a pick comes back to the question at `resume`.
    mutating func openLanguageScreen(returningTo resume: ResumePoint, into effects: inout [ConversationEffect]) {
        guard prompts.languageScreen != nil else {
            effects.append(sayingPrompt())  // one language: there is nothing to choose
            return
        }
        state = .choosingLanguage(misses: 0, silences: 0, resume: resume)
        effects.append(sayingPrompt())
    }

    /// The guest typed a language's name at a question: go on in it and ask the question
    /// again; a name of several languages ("中文") opens the screen.
    mutating func hearLanguage(_ languages: [Int], at resume: ResumePoint, into effects: inout [ConversationEffect]) {
        guard languages.count == 1, let language = languages.first else {
            openLanguageScreen(returningTo: resume, into: &effects)
            return
        }
        if language != languageIndex { switchLanguage(to: language, how: .switched, into: &effects) }
        languageSettled = true  // named mid-call, even the one it is in: the guest's own choice
        effects.append(sayingPrompt())
    }

    /// Goes on in language `index`; a switch asked for mid-call is acknowledged in it.
    mutating func switchLanguage(to index: Int, how: LanguageChange, into effects: inout [ConversationEffect]) {
        speak(prompts.languages[index])
        note(.language(code: pack.code, how: how))
        if how != .screen { languageSettled = true }
        if how == .switched { effects.append(saying("language.switched")) }
    }

    /// A caller recognised on file is answered in the language of their last call, told so
    /// in it, and told in the language they were using how to go back to it, on one line.
    /// Once a call, and not over a language the guest asked for mid-call.
    mutating func takeLanguageOnFile(_ code: String?, into effects: inout [ConversationEffect]) {
        guard !languageSettled, let code, let index = prompts.languages.firstIndex(where: { $0.code == code }) else { return }
        guard index != languageIndex else {
            languageSettled = true
            return
        }
        let previous = pack
        switchLanguage(to: index, how: .onFile, into: &effects)
        let back = Renderer(conversation: self, pack: previous).render("language.switch_back")
        effects.append(laidOut(render("language.on_file") + " " + back))
    }
}
