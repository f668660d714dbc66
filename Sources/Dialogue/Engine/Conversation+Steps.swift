/// Walking the script: entering nodes, running their steps, answering questions and menus,
/// and the global commands that work at every question.
extension Conversation {
    /// Hops through nodes that do not wait, as a guard against a loop the linter missed.
    static let maxHopsPerEvent = 500

    /// Runs steps from the start of `node` until the conversation waits or ends.
    mutating func run(from node: Int, into effects: inout [ConversationEffect]) {
        run(node: node, step: 0, into: &effects)
    }

    mutating func run(node startNode: Int, step startStep: Int, into effects: inout [ConversationEffect]) {
        var node = startNode, step = startStep, hops = 0
        while true {
            if step == 0 {
                hops += 1
                if hops > Self.maxHopsPerEvent {
                    effects.append(saying("global.error"))
                    hangUp(&effects)
                    return
                }
                if prompts.nodes[node].name == "start" { forgetFlowVariables(of: prompts.nodes[node].flow) }
                note(at: node) { .entered(node: $0) }
            }
            let steps = prompts.nodes[node].steps
            guard step < steps.count else {
                // The linter rules this out; fall back to the menu rather than stall the call.
                (node, step) = (prompts.mainMenuNode, 0)
                continue
            }
            switch steps[step] {
            case .say(let key, let condition):
                // A text on a condition is traced as an `if` is, and said only when it holds.
                let said = condition.map(holds) ?? true
                if condition != nil { note(at: node) { .condition(node: $0, step: step, taken: said) } }
                if said { effects.append(saying(key)) }
                step += 1
            case .set(let variable, let literal):
                variables[variable] = value(of: literal)
                step += 1
            case .clear(let variable):
                variables[variable] = nil
                step += 1
            case .branch(let condition, let target):
                let taken = holds(condition)
                note(at: node) { .condition(node: $0, step: step, taken: taken) }
                if taken { (node, step) = (target, 0) } else { step += 1 }
            case .ask, .menu:
                wait(at: node, step: step, into: &effects)
                return
            case .perform(let action, _):
                guard let request = request(for: action) else {
                    effects.append(saying("global.error"))
                    (node, step) = (prompts.mainMenuNode, 0)
                    continue
                }
                state = .performing(node: node, step: step, action: action, queued: [])
                effects.append(.perform(request))
                return
            case .goto(let target):
                (node, step) = (target, 0)
            case .end:
                hangUp(&effects)
                return
            }
        }
    }

    private mutating func wait(at node: Int, step: Int, into effects: inout [ConversationEffect]) {
        state = .waiting(node: node, step: step, misses: 0, silences: 0)
        if history.capacity == 0 { history.reserveCapacity(16) }  // grown once, not at 1, 2, 4 and 8
        if history.last != node { history.append(node) }
        if history.count > 64 { history.removeFirst(history.count - 64) }
        effects.append(sayingPrompt())
    }

    /// Entering a flow's `start` forgets that flow's answers from an earlier visit, so a
    /// second booking in one call does not inherit the first one's corrections.
    private mutating func forgetFlowVariables(of flow: String) {
        let prefix = flow + "."
        // Usually there is nothing to forget: looking costs less than a new dictionary.
        guard variables.keys.contains(where: { $0.hasPrefix(prefix) }) else { return }
        variables = variables.filter { !$0.key.hasPrefix(prefix) }
    }

    private func matches(_ value: AnswerValue, _ literal: Literal) -> Bool {
        if case .variable(let name) = literal { return variables[name] == value }
        return value.matches(literal)
    }

    func holds(_ condition: Condition) -> Bool {
        let value = variables[condition.variable]
        let result: Bool
        if let (comparison, literal) = condition.comparison {
            switch comparison {
            case .equal: result = value.map { matches($0, literal) } ?? false
            case .notEqual: result = !(value.map { matches($0, literal) } ?? false)
            case .less, .greater:
                guard let number = value?.integer, case .number(let bound) = literal else { return false }
                result = comparison == .less ? number < bound : number > bound
            }
        } else {
            result = value?.isTruthy ?? false
        }
        return condition.negated ? !result : result
    }

    func value(of literal: Literal) -> AnswerValue? {
        switch literal {
        case .flag(let flag): return .flag(flag)
        case .number(let number): return .number(number)
        case .word(let word): return .text(word)
        case .variable(let name): return variables[name]
        }
    }

    // MARK: Answers

    /// An answer at `step` of `node`, where the guest has answered wrongly `misses` times in a row.
    mutating func answer(_ answer: TypedAnswer, node: Int, step: Int, misses: Int, into effects: inout [ConversationEffect]) {
        if answer.folded.isEmpty {
            effects.append(sayingPrompt())
            return
        }
        let command = pack.command(for: answer.folded)
        // The question matched straight out of the step, not kept as a `Question?` (an optional
        // of a large struct, destroyed through the generic runtime on every answer).
        guard case .ask(let question) = prompts.nodes[node].steps[step] else {
            if let command {
                perform(command, typed: answer, node: node, step: step, into: &effects)
                return
            }
            // A language's name switches the language, but where a menu offers languages
            // (the language of a callback), it answers the menu.
            if !prompts.languageMenus.contains(node), let languages = prompts.languageWords[answer.folded] {
                hearLanguage(languages, at: ResumePoint(node: node, step: step), into: &effects)
                return
            }
            guard let choice = matchChoice(answer, at: node) else {
                missed(node: node, step: step, misses: misses, rejection: Rejection(key: "invalid.choice"), into: &effects)
                return
            }
            note(at: node) { .choice(node: $0, number: choice.number) }
            if let into = prompts.nodes[node].into {
                variables[into] = .choice(value: choice.aliases.first ?? choice.number, label: choice.label)
            }
            run(from: choice.target, into: &effects)
            return
        }
        if let command, !question.takesAsAnswer(answer.folded) {
            perform(command, typed: answer, node: node, step: step, into: &effects)
            return
        }
        if let languages = prompts.languageWords[answer.folded] {
            hearLanguage(languages, at: ResumePoint(node: node, step: step), into: &effects)
            return
        }
        if question.isOptional, pack.skipWords.contains(answer.folded) {
            variables[question.variable] = nil
            run(node: node, step: step + 1, into: &effects)
            return
        }
        switch validate(answer, for: question) {
        case .success(let value):
            recentAnswers.append(AnswerAttempt(kind: question.kind, variable: question.variable, typed: answer.original, value: value))
            variables[question.variable] = value
            run(node: node, step: step + 1, into: &effects)
        case .failure(let rejection):
            recentAnswers.append(AnswerAttempt(kind: question.kind, variable: question.variable, typed: answer.original, value: nil))
            missed(node: node, step: step, misses: misses, rejection: rejection, into: &effects)
        }
    }

    /// A command typed as an answer. "0" at a menu that offers "0 → a person" takes that
    /// choice as much as the command (for the trace only: looked for only when tracing).
    private mutating func perform(_ command: GlobalCommand, typed answer: TypedAnswer, node: Int, step: Int,
                                  into effects: inout [ConversationEffect]) {
        if isTracing, let choice = prompts.nodes[node].choices.first(where: { $0.number == answer.folded || $0.aliases.contains(answer.folded) }),
           choice.target == (command == .agent ? prompts.agentNode : command == .menu ? prompts.mainMenuNode : -1) {
            note(at: node) { .choice(node: $0, number: choice.number) }
        }
        perform(command, node: node, step: step, into: &effects)
    }

    /// A wrong answer: say why, then reprompt, more helpfully each time; then offer a person.
    private mutating func missed(node: Int, step: Int, misses: Int, rejection: Rejection, into effects: inout [ConversationEffect]) {
        if prompts.nodes[node].isHold {
            effects.append(sayingPrompt())  // already waiting for a person: just remind
            return
        }
        let misses = misses + 1
        note(at: node) { .refused(node: $0, key: rejection.key) }
        effects.append(sayingRefusal(rejection, node: node, step: step))
        if misses >= Self.maxNoMatch {
            note(at: node) { .offeredPerson(node: $0) }
            state = .offeringPerson(node: node, step: step, silences: 0)
            effects.append(saying("global.offer_person"))
            return
        }
        state = .waiting(node: node, step: step, misses: misses, silences: 0)
        let escalation = prompts.nodes[node].noMatch
        if misses >= 2, misses - 2 < escalation.count {
            effects.append(saying(escalation[misses - 2]))
        }
        effects.append(sayingPrompt())
    }

    mutating func answerOffer(_ answer: TypedAnswer, node: Int, step: Int, into effects: inout [ConversationEffect]) {
        if let command = pack.command(for: answer.folded) {
            perform(command, node: node, step: step, into: &effects)
            return
        }
        if let languages = prompts.languageWords[answer.folded] {
            if languages.count == 1, let language = languages.first {
                // The offer again, in the language the guest asked for.
                if language != languageIndex { switchLanguage(to: language, how: .switched, into: &effects) }
                languageSettled = true
                effects.append(saying("global.offer_person"))
            } else {
                openLanguageScreen(returningTo: ResumePoint(node: node, step: step), into: &effects)
            }
            return
        }
        switch AnswerParser.parseYesNo(answer.folded, words: pack.words) {
        case .success(true):
            note(.offerAnswered(accepted: true))
            askingForPerson(at: node, step: step)
            run(from: prompts.agentNode, into: &effects)
        case .success(false):
            note(.offerAnswered(accepted: false))
            state = .waiting(node: node, step: step, misses: 0, silences: 0)
            effects.append(saying("global.offer_person.declined"))
            effects.append(sayingPrompt())
        case .failure:
            effects.append(saying("invalid.yesno"))
            effects.append(saying("global.offer_person"))
        }
    }

    // MARK: Global commands

    mutating func perform(_ command: GlobalCommand, node: Int, step: Int, into effects: inout [ConversationEffect]) {
        note(.command(command))
        switch command {
        case .help:
            if let help = prompts.nodes[node].help { effects.append(saying(help)) }
            effects.append(saying("global.help"))
            // The language command, on a line that has more than one (a catalog whose
            // global.help names it already has no need of this).
            if prompts.languageScreen != nil, pack.catalog.text("global.help.language") != nil {
                effects.append(saying("global.help.language"))
            }
            effects.append(sayingPrompt())
        case .repeat:
            effects.append(sayingPrompt())
        case .back:
            if history.count >= 2 {
                history.removeLast()
                let previous = history[history.count - 1]
                let waitStep = prompts.nodes[previous].steps.firstIndex { if case .ask = $0 { true } else if case .menu = $0 { true } else { false } }!
                state = .waiting(node: previous, step: waitStep, misses: 0, silences: 0)
                effects.append(sayingPrompt())
            } else {
                effects.append(saying("global.back.none"))
                effects.append(sayingPrompt())
            }
        case .menu:
            history.removeAll(keepingCapacity: true)
            run(from: prompts.mainMenuNode, into: &effects)
        case .agent:
            askingForPerson(at: node, step: step)
            run(from: prompts.agentNode, into: &effects)
        case .quit:
            effects.append(saying("global.goodbye"))
            hangUp(&effects)
        case .language:
            openLanguageScreen(returningTo: ResumePoint(node: node, step: step), into: &effects)
        }
    }

    // MARK: Prompts and menus

    /// What the guest is being asked right now, as it is said on arrival and on `repeat`.
    func currentPrompt() -> String {
        switch state {
        case .choosingLanguage: return prompts.languageScreen ?? ""
        case .offeringPerson: return render("global.offer_person")
        case .waiting(let node, _, _, _):
            let current = prompts.nodes[node]
            let prompt = current.prompt.map { render($0) } ?? ""
            return current.choices.isEmpty ? prompt : prompt + "\n" + Self.menuLines(current.choices) { render($0) }
        case .notStarted, .performing, .withAgent, .ended: return ""
        }
    }

    static func menuLines(_ choices: [ScriptChoice], label: (String) -> String) -> String {
        let width = choices.map(\.number.count).max() ?? 1
        return choices.map { choice in
            "  " + String(repeating: " ", count: width - choice.number.count) + choice.number + "  " + label(choice.label)
        }.joined(separator: "\n")
    }

    /// The choice an answer names outright: its number, a word of the flow or the catalog,
    /// or its label.
    func exactChoice(_ answer: TypedAnswer, at index: Int) -> ScriptChoice? {
        let text = answer.folded
        let choices = prompts.nodes[index].choices
        if let exact = constants.exactChoices[index] {
            return exact[text].map { choices[$0] }
        }
        let labels = constants.choiceLabels[index]
        let words = constants.menus[index].byChoice
        // By index, not `for choice in`: each element copied out costs a retain per field.
        for number in choices.indices
        where choices[number].number == text || choices[number].aliases.contains(text) || words[number].contains(text)
            || (labels[number] ?? TypedAnswer(render(choices[number].label)).folded) == text {
            return choices[number]
        }
        return nil
    }

    func matchChoice(_ answer: TypedAnswer, at index: Int) -> ScriptChoice? {
        if let exact = exactChoice(answer, at: index) { return exact }
        let text = answer.folded
        let choices = prompts.nodes[index].choices
        // "Cancel my booking": a choice's phrase of the flow inside the answer says more than
        // any one word, so it picks that choice even where another choice's word ("booking")
        // is in the answer too; two choices' phrases: ask again.
        let isASCII = text.isASCII
        func holds(_ phrase: String) -> Bool { isASCII && phrase.isASCII ? Self.asciiText(text, contains: phrase) : text.contains(phrase) }
        var phrased: Int?
        for number in choices.indices where choices[number].phraseAliases.contains(where: holds) {
            guard phrased == nil else { return nil }
            phrased = number
        }
        if let phrased { return choices[phrased] }
        // "I'd like to book a room": one choice's word inside the answer picks it. A few
        // words: a list to look through is cheaper than a set to hash into.
        let words = isASCII ? Self.asciiWords(text) : text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        // What names which choice; empty (no allocation) for nearly every answer that gets here.
        var found: [MenuWords.Phrase] = []
        let wordIndex = prompts.choiceWords[index], menu = constants.menus[index]
        for word in words {
            for number in wordIndex[word] ?? [] { found.append(MenuWords.Phrase(text: word, number: number)) }
            for number in menu.words[word] ?? [] { found.append(MenuWords.Phrase(text: word, number: number)) }
        }
        for phrase in menu.phrases where holds(phrase.text) { found.append(phrase) }
        guard let first = found.first else { return nil }
        if found.allSatisfy({ $0.number == first.number }) { return choices[first.number] }
        // Two choices named. A word inside a longer one that names another choice is part of
        // it ("订房" in "查询订房", a status word): the longer wins; otherwise ask again.
        let kept = found.filter { match in
            !found.contains { $0.number != match.number && $0.text.count > match.text.count && $0.text.contains(match.text) }
        }
        guard let only = kept.first, kept.allSatisfy({ $0.number == only.number }) else { return nil }
        return choices[only.number]
    }

    /// The words of an ASCII text (letters and digits between anything else), as `split`
    /// by `isLetter`/`isNumber` finds them, without walking characters.
    static func asciiWords(_ text: String) -> [String] {
        var text = text  // `withUTF8` reads a native string in place
        return text.withUTF8 { bytes in
            var words: [String] = [], start: Int?
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0
                let isWordByte = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                if isWordByte, start == nil { start = index }
                if !isWordByte, let first = start {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self))
                    start = nil
                }
            }
            return words
        }
    }

    /// `text.contains(part)` for ASCII, where characters are bytes: a byte search.
    static func asciiText(_ text: String, contains part: String) -> Bool {
        var text = text, part = part  // `withUTF8` reads a native string in place
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard !needle.isEmpty else { return false }  // as String.contains("")
                guard haystack.count >= needle.count else { return false }
                for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
                    if (1..<needle.count).allSatisfy({ haystack[start + $0] == needle[$0] }) { return true }
                }
                return false
            }
        }
    }
}

extension Question {
    /// True when a command word is also a fair answer here (`0` to a 0–10 score).
    func takesAsAnswer(_ folded: String) -> Bool {
        guard kind == .number || kind == .score, let number = Int(folded) else { return false }
        return bounds.contains(number)
    }
}
