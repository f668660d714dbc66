import Testing
@testable import Dialogue

/// One bad prompt set per class of error, each the shipped set with one edit, checked
/// against the exact `file:line: message` an operator would read.
@Suite("Prompt lint")
struct LintTests {
    @Test func theShippedPromptsCompileWithoutErrorsOrWarnings() {
        let (set, diagnostics) = PromptFiles.shipped.compile()
        #expect(set != nil)
        #expect(diagnostics.isEmpty, "\n\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    // MARK: Targets and nodes

    @Test func anUnknownTargetSuggestsTheNodeMeant() {
        let set = PromptFiles.edited {
            $0.replaceEverywhere("node readback\n", with: "node confirm\n")
            $0.replaceEverywhere("-> readback", with: "-> confirm")
            $0.replaceEverywhere("goto readback", with: "goto confirm")
            $0.replace("say main.birthday if caller.birthday\n  goto confirm", with: "say main.birthday if caller.birthday\n  goto confrim", in: "booking.flow")
        }
        #expect(set.errors == ["\(set.place(of: "goto confrim", in: "booking.flow")): unknown node \"confrim\" (did you mean \"confirm\"?)"])
    }

    @Test func anUnknownFlowSuggestsTheFlowMeant() {
        let set = PromptFiles.edited { $0.replace("say booking.cancelled\n  goto main.anything_else", with: "say booking.cancelled\n  goto mian.anything_else", in: "booking.flow") }
        #expect(set.errors == ["\(set.place(of: "goto mian.anything_else", in: "booking.flow")): unknown flow \"mian\" (did you mean \"main\"?)"])
    }

    @Test func anUnknownNodeInAnotherFlowIsNamedWithThatFlow() {
        let set = PromptFiles.edited { $0.replace("on failed -> main.save_failed", with: "on failed -> main.save_fail", in: "complaint.flow") }
        #expect(set.errors == ["\(set.place(of: "main.save_fail", in: "complaint.flow")): unknown node \"save_fail\" in flow \"main\" (did you mean \"save_failed\"?)"])
    }

    @Test func aNodeNothingLeadsToIsUnreachable() {
        let set = PromptFiles.edited { $0.append("node orphan\n  say main.goodbye\n  end", to: "main.flow") }
        #expect(set.errors == ["\(set.place(of: "node orphan", in: "main.flow")): unreachable: nothing leads to node \"main.orphan\""])
    }

    @Test func aNodeThatStopsWithoutLeavingIsADeadEnd() {
        let set = PromptFiles.edited { $0.replace("say booking.cancelled\n  goto main.anything_else\n", with: "say booking.cancelled\n", in: "booking.flow") }
        #expect(set.errors == ["\(set.place(of: "node cancelled", in: "booking.flow")): dead end: node \"cancelled\" stops without goto, end, choices or do"])
    }

    @Test func aNodeDefinedTwiceIsReported() {
        let set = PromptFiles.edited { $0.append("node none\n  say agent.none\n  goto main.menu", to: "agent.flow") }
        let second = set.text(of: "agent.flow").split(separator: "\n", omittingEmptySubsequences: false).lastIndex { $0 == "node none" }! + 1
        #expect(set.errors == ["Prompts/agent.flow:\(second): node \"none\" is defined twice in flow \"agent\""])
    }

    @Test func nodesThatLeadToEachOtherWithoutAQuestionAreALoop() {
        let set = PromptFiles.edited {
            $0.replace("say main.greeting\n  goto menu\n", with: "say main.greeting\n  goto a\n", in: "main.flow")
            $0.append("node a\n  goto b\n\nnode b\n  goto a", to: "main.flow")
        }
        #expect(set.errors == ["\(set.place(of: "node a", in: "main.flow")): loop without a question: main.a → main.b → main.a"])
    }

    @Test func aFlowNameMustMatchItsFile() {
        let set = PromptFiles.edited { $0.replace("flow agent\n", with: "flow agents\n", in: "agent.flow") }
        #expect(set.errors == [
            "\(set.place(of: "flow agents", in: "agent.flow")): flow \"agents\" is in agent.flow: a flow lives in a file of its own name (agents.flow)",
            "\(set.place(of: "choice 0 agent", in: "main.flow")): unknown node \"agent\" (did you mean \"agents\"?)",
            "Prompts/agent.flow: missing node \"agent.start\": every line needs it (calls start at main.start, return to main.menu, ask for a person at agent.start, and go to agent.none when nobody is free)",
            "Prompts/agent.flow: missing node \"agent.none\": every line needs it (calls start at main.start, return to main.menu, ask for a person at agent.start, and go to agent.none when nobody is free)",
        ])
    }

    @Test func aMissingHotelProfileIsRequired() {
        let set = PromptFiles.edited { $0.remove("hotel.conf") }
        #expect(set.errors == ["Prompts/hotel.conf: missing: the hotel profile (name, rooms, hours) is required"])
    }

    // MARK: Statements

    @Test func anUnknownStatementSuggestsTheKeyword() {
        let set = PromptFiles.edited { $0.replace("  say booking.intro\n", with: "  sya booking.intro\n", in: "booking.flow") }
        #expect(set.errors == ["\(set.place(of: "sya booking.intro", in: "booking.flow")): unknown statement \"sya\" (did you mean \"say\"?)"])
    }

    @Test func anUnterminatedQuoteIsReported() {
        let set = PromptFiles.edited { $0.replace("\"call me\"", with: "\"call me", in: "main.flow") }
        #expect(set.errors == ["\(set.place(of: "\"call me", in: "main.flow")): unterminated quote: add the closing \""])
    }

    @Test func anUnknownAnswerKindSuggestsTheKindMeant() {
        let set = PromptFiles.edited { $0.replace("ask date booking.checkin\n", with: "ask datee booking.checkin\n", in: "booking.flow") }
        let kinds = AnswerKind.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(set.errors == ["\(set.place(of: "ask datee", in: "booking.flow")): unknown answer kind \"datee\" (did you mean \"date\"?); kinds are \(kinds)"])
    }

    @Test func anOptionTheKindDoesNotTakeIsRefused() {
        let set = PromptFiles.edited { $0.replace("ask phone guest.phone\n  if booking.fixing", with: "ask phone guest.phone max=3\n  if booking.fixing", in: "booking.flow") }
        #expect(set.errors == ["\(set.place(of: "max=3", in: "booking.flow")): \"phone\" answers take only \"optional\", not \"max=3\""])
    }

    @Test func aVariableWithoutAGroupIsRefused() {
        let set = PromptFiles.edited { $0.replace("ask phone guest.phone\n  if booking.fixing", with: "ask phone x max=3\n  if booking.fixing", in: "booking.flow") }
        #expect(set.errors == ["\(set.place(of: "ask phone x", in: "booking.flow")): \"x\" is not a variable: write GROUP.NAME, like guest.phone"])
    }

    @Test func aMisspeltOptionSuggestsTheOptionMeant() {
        let set = PromptFiles.edited { $0.replace("booking.rooms min=1 max=5", with: "booking.rooms min=1 mx=5", in: "booking.flow") }
        #expect(set.errors == ["\(set.place(of: "mx=5", in: "booking.flow")): \"number\" answers take max, min, optional, not \"mx=5\" (did you mean \"max\"?)"])
    }

    @Test func anOptionThatNeedsANumberRefusesAWord() {
        let set = PromptFiles.edited { $0.replace("booking.rooms min=1 max=5", with: "booking.rooms min=1 max=five", in: "booking.flow") }
        #expect(set.errors == ["\(set.place(of: "max=five", in: "booking.flow")): option max= needs a whole number, not \"five\""])
    }

    @Test func aNodeAsksOnce() {
        let set = PromptFiles.edited { $0.replace("ask yesno main.more\n", with: "ask yesno main.more\n  ask yesno main.sure\n", in: "main.flow") }
        #expect(set.errors == ["\(set.place(of: "main.sure", in: "main.flow")): a node waits for the guest once: move this question to a node of its own"])
    }

    @Test func aStatementAfterGotoIsNeverReached() {
        let set = PromptFiles.edited { $0.replace("  goto menu\n\nnode menu", with: "  goto menu\n  say main.goodbye\n\nnode menu", in: "main.flow") }
        let goto = set.place(of: "goto menu", in: "main.flow").split(separator: ":").last!
        #expect(set.errors == ["\(set.place(of: "say main.goodbye", in: "main.flow")): never reached: the node already left on line \(goto)"])
    }

    // MARK: Menus

    @Test func aChoiceNumberUsedTwiceIsReported() {
        let set = PromptFiles.edited { $0.replace("choice 3 callback", with: "choice 2 callback", in: "main.flow") }
        let first = set.place(of: "choice 2 complaint", in: "main.flow").split(separator: ":").last!
        #expect(set.errors == ["\(set.place(of: "choice 2 callback", in: "main.flow")): duplicate choice \"2\" (also on line \(first))"])
    }

    @Test func aChoiceWordUsedTwiceIsReported() {
        let set = PromptFiles.edited { $0.replace("choice 3 callback", with: "choice 3 book callback", in: "main.flow") }
        let first = set.place(of: "choice 1 book", in: "main.flow").split(separator: ":").last!
        #expect(set.errors == ["\(set.place(of: "choice 3 book", in: "main.flow")): duplicate choice \"book\" (also on line \(first))"])
    }

    // MARK: Actions

    @Test func aDoWithoutABranchForEveryResultIsReported() {
        let set = PromptFiles.edited { $0.replace("  on failed -> main.save_failed\n\nnode done\n  say complaint.done", with: "\nnode done\n  say complaint.done", in: "complaint.flow") }
        #expect(set.errors == ["\(set.place(of: "do save-complaint", in: "complaint.flow")): do save-complaint: no branch for result \"failed\" (add \"on failed -> NODE\")"])
    }

    @Test func aBranchForAResultTheActionNeverHasIsReported() {
        let set = PromptFiles.edited { $0.replace("do save-complaint\n  on saved -> done", with: "do save-complaint\n  on savd -> done", in: "complaint.flow") }
        #expect(set.errors == [
            "\(set.place(of: "on savd", in: "complaint.flow")): save-complaint has no result \"savd\" (did you mean \"saved\"?); its results are saved, failed",
            "\(set.place(of: "do save-complaint", in: "complaint.flow")): do save-complaint: no branch for result \"saved\" (add \"on saved -> NODE\")",
        ])
    }

    @Test func anUnknownActionSuggestsTheActionMeant() {
        let set = PromptFiles.edited { $0.replace("do save-complaint\n", with: "do save-complain\n", in: "complaint.flow") }
        let actions = ActionKind.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(set.errors == ["\(set.place(of: "do save-complain", in: "complaint.flow")): unknown action \"save-complain\" (did you mean \"save-complaint\"?); actions are \(actions)"])
    }

    @Test func anActionNeedsItsVariablesAskedSomewhere() {
        let set = PromptFiles.edited { $0.replaceEverywhere("guest.phone", with: "guest.telephone") }
        #expect(set.errors.contains("\(set.place(of: "do save-reservation", in: "booking.flow")): do save-reservation needs \"guest.phone\", but no node asks for it"))
        #expect(set.errors.contains("\(set.place(of: "do save-complaint", in: "complaint.flow")): do save-complaint needs \"guest.phone\", but no node asks for it"))
        #expect(set.errors.contains("\(set.place(of: "do save-callback", in: "callback.flow")): do save-callback needs \"guest.phone\", but no node asks for it"))
        #expect(set.errors.contains("\(set.place(of: "do find-caller", in: "booking.flow")): do find-caller needs \"guest.phone\", but no node asks for it"))
        for (action, flow) in [("find-booking", "status"), ("find-complaint", "status"), ("find-callback", "status"), ("find-guest-file", "status"),
                               ("find-stay", "survey"),
                               ("find-booking", "manage"),
                               ("quote-change", "manage"), ("save-change", "manage"), ("quote-cancellation", "manage"),
                               ("save-cancellation", "manage")] {
            #expect(set.errors.contains("\(set.place(of: "do \(action)", in: "\(flow).flow")): do \(action) needs \"guest.phone\", but no node asks for it"),
                    "\(action) in \(flow)")
        }
        #expect(set.errors.count == 14, "\(set.errors)")
    }

    // MARK: Variables and texts

    @Test func aConditionOnAVariableNothingSetsIsReported() {
        let set = PromptFiles.edited { $0.replace("if main.more -> menu", with: "if main.vip -> menu", in: "main.flow") }
        #expect(set.errors == ["\(set.place(of: "main.vip", in: "main.flow")): variable \"main.vip\" is never asked or set"])
    }

    @Test func aMisspeltVariableSuggestsTheVariableMeant() {
        let set = PromptFiles.edited { $0.replace("if booking.fixing -> readback\n  goto phone", with: "if booking.fixng -> readback\n  goto phone", in: "booking.flow") }
        #expect(set.errors == ["\(set.place(of: "booking.fixng", in: "booking.flow")): variable \"booking.fixng\" is never asked or set (did you mean \"booking.fixing\"?)"])
    }

    @Test func aCopyFromAVariableNothingSetsIsReported() {
        let set = PromptFiles.edited { $0.replace("  say survey.found.stay", with: "  set survey.guest = {stay.nmae}\n  say survey.found.stay", in: "survey.flow") }
        #expect(set.errors == ["\(set.place(of: "set survey.guest = {stay.nmae}", in: "survey.flow")): variable \"stay.nmae\" is never asked or set (did you mean \"stay.name\"?)"])
    }

    @Test func aCopyFromAVariableAnActionProvidesOrAQuestionAsksIsFine() {
        let set = PromptFiles.edited {
            $0.replace("  say survey.found.stay", with: "  set survey.nights = {stay.nights}\n  set survey.guest = {guest.name}\n  say survey.found.stay", in: "survey.flow")
        }
        #expect(set.errors.isEmpty, "\(set.errors)")
        #expect(set.warnings.isEmpty, "\(set.warnings)")
    }

    @Test func aComparisonWithAVariableNothingSetsIsReported() {
        let set = PromptFiles.edited { $0.replace("if main.more -> menu", with: "if main.more = {main.vip} -> menu", in: "main.flow") }
        #expect(set.errors == ["\(set.place(of: "{main.vip}", in: "main.flow")): variable \"main.vip\" is never asked or set"])
    }

    @Test func aTextKeyNoCatalogHasIsReportedWhereItIsUsed() {
        let set = PromptFiles.edited { $0.replace("  say booking.intro\n", with: "  say booking.intr\n", in: "booking.flow") }
        #expect(set.errors == ["\(set.place(of: "say booking.intr", in: "booking.flow")): missing text \"booking.intr\" in Prompts/en.messages (did you mean \"booking.intro\"?)"])
    }

    @Test func aTextTheEngineNeedsIsReportedInTheCatalog() {
        let set = PromptFiles.edited { $0.replace("global.back.none = This is the first question, so there is nothing to go back to.\n", with: "", in: "en.messages") }
        #expect(set.errors == ["Prompts/en.messages:1: missing text \"global.back.none\": the line says it itself, so every language needs it"])
    }

    @Test func anUnknownPlaceholderSuggestsTheVariableMeant() {
        let set = PromptFiles.edited { $0.replace("booking.done = Thank you, {guest.name}.", with: "booking.done = Thank you, {guest.nmae}.", in: "en.messages") }
        #expect(set.errors == ["\(set.place(of: "booking.done =", in: "en.messages")): unknown placeholder {guest.nmae} in \"booking.done\" (did you mean \"guest.name\"?)"])
    }

    @Test func anUnclosedPlaceholderIsReported() {
        let set = PromptFiles.edited { $0.replace("would you like? (1 to {hotel.max_rooms})", with: "would you like? (1 to {hotel.max_rooms)", in: "en.messages") }
        #expect(set.errors == ["\(set.place(of: "booking.ask.rooms =", in: "en.messages")): booking.ask.rooms: placeholder \"{hotel.max_rooms)\" is not closed with \"}\""])
    }

    // MARK: The hotel profile

    @Test func aRateThatIsNoNumberIsReported() {
        let set = PromptFiles.edited { $0.replace("rate = 120\n", with: "rate = 12O\n", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: "rate = 12O", in: "hotel.conf")): rate must be a whole number from 1 to 1000000, not \"12O\""])
    }

    @Test func anUnknownSettingSuggestsTheSettingMeant() {
        let set = PromptFiles.edited { $0.replace("check-in = 15:00\n", with: "chek-in = 15:00\n", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: "chek-in", in: "hotel.conf")): unknown hotel setting \"chek-in\" (did you mean \"check-in\"?)"])
    }

    @Test func aMisspeltTimeZoneIsAnErrorAtItsLineWithTheNearestZone() {
        let set = PromptFiles.edited { $0.replace("timezone = UTC\n", with: "timezone = Europe/Madird\n", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: "timezone =", in: "hotel.conf")): unknown timezone \"Europe/Madird\": write UTC, an offset such as +08:00, or a zone such as Europe/Madrid (did you mean \"Europe/Madrid\"?)"])
    }

    @Test(arguments: ["+25:00", "Nowhere/Special", ""])
    func aTimeZoneNoSystemKnowsIsAnError(name: String) {
        let set = PromptFiles.edited { $0.replace("timezone = UTC\n", with: "timezone = \(name)\n", in: "hotel.conf") }
        #expect(set.errors.count == 1 && set.errors[0].contains("unknown timezone \"\(name)\""), "\(set.errors)")
    }

    // MARK: The cancellation policy

    @Test func thePolicyIsReadAsTheLineComputesWithIt() throws {
        let policy = try #require(PromptFiles.shipped.compile().0).hotel.policy
        #expect(policy.freeHours == 48 && policy.lateFee == .firstNight && policy.noShowFee == .firstNight && policy.dateChanges == .lateFee)
        #expect(policy.checkInTime.description == "15:00" && policy.zone.name == "UTC", "on the hotel's check-in time and clock")
        let edited = PromptFiles.edited {
            $0.replace("free-cancellation-hours = 48\n", with: "free-cancellation-hours = 24\n", in: "hotel.conf")
            $0.replace("late-fee = first-night\n", with: "late-fee = whole-stay\n", in: "hotel.conf")
            $0.replace("no-show-fee = first-night\n", with: "no-show-fee = none\n", in: "hotel.conf")
            $0.replace("date-changes = late-fee\n", with: "date-changes = free\n", in: "hotel.conf")
            $0.replace("timezone = UTC\n", with: "timezone = +08:00\n", in: "hotel.conf")
        }
        let changed = try #require(edited.compile().0).hotel.policy
        #expect(changed.freeHours == 24 && changed.lateFee == .wholeStay && changed.noShowFee == .none && changed.dateChanges == .free)
        #expect(changed.zone.name == "+08:00")
    }

    @Test(arguments: [
        ("late-fee = first-night", "late-fee = first-nite", "late-fee is none, first-night or whole-stay, not \"first-nite\" (did you mean \"first-night\"?)"),
        ("no-show-fee = first-night", "no-show-fee = 120", "no-show-fee is none, first-night or whole-stay, not \"120\""),
        ("date-changes = late-fee", "date-changes = sometimes", "date-changes is late-fee or free, not \"sometimes\""),
        ("free-cancellation-hours = 48", "free-cancellation-hours = -1", "free-cancellation-hours must be a whole number from 0 to 8760, not \"-1\""),
        ("free-cancellation-hours = 48", "free-cancellation-hours = two days", "free-cancellation-hours must be a whole number from 0 to 8760, not \"two days\""),
        ("free-cancellation-hours = 48", "free-cancelation-hours = 48", "unknown hotel setting \"free-cancelation-hours\" (did you mean \"free-cancellation-hours\"?)"),
    ])
    func aPolicySettingTheLineCannotComputeWithIsAnErrorAtItsLine(shipped: String, edited: String, message: String) {
        let set = PromptFiles.edited { $0.replace(shipped + "\n", with: edited + "\n", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: edited, in: "hotel.conf")): \(message)"])
    }

    @Test func theHotelNeedsAName() {
        let set = PromptFiles.edited { $0.replace("name = Harbour View Hotel\n", with: "", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: "[hotel]", in: "hotel.conf")): [hotel] needs \"name = …\""])
    }

    @Test(arguments: ["20:00-08:00", "8-20", "08:00 to 20:00", "08:00-25:00"])
    func callbackHoursMustBeAnOpeningBeforeAClosing(hours: String) {
        let set = PromptFiles.edited { $0.replace("callback-hours = 08:00-20:00\n", with: "callback-hours = \(hours)\n", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: "callback-hours =", in: "hotel.conf")): callback-hours must look like 08:00-20:00, not \"\(hours)\""])
    }

    @Test func callbackHoursMustHoldAtLeastOneWindow() {
        let set = PromptFiles.edited { $0.replace("callback-hours = 08:00-20:00\n", with: "callback-hours = 08:00-08:20\n", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: "callback-hours =", in: "hotel.conf")): callback-hours 08:00-08:20 are shorter than callback-window (30 minutes): no call could ever be booked"])
    }

    /// A set without a language compiled, and the first call crashed on its first word.
    @Test(arguments: ["languages =", "languages = ,"])
    func theHotelNeedsALanguage(line: String) {
        let set = PromptFiles.edited { $0.replace("languages = en\n", with: line + "\n", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: line, in: "hotel.conf")): languages must name at least one language, like \"en\""])
        #expect(set.compile().0 == nil)
    }

    @Test func aLanguageListedTwiceIsReported() {
        let set = PromptFiles.edited { $0.replace("languages = en\n", with: "languages = en, en\n", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: "languages = en, en", in: "hotel.conf")): languages names a language twice: \"en, en\""])
    }

    @Test func aRoomWithoutARateIsReported() {
        let set = PromptFiles.edited { $0.replace("rate = 390\n", with: "", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: "[room suite]", in: "hotel.conf")): [room suite] needs \"rate = NUMBER\""])
    }
}

@Suite("Prompt lint: words that are also commands")
struct CommandWordLintTests {
    @Test func aChoiceWordTheCommandTakesElsewhereIsAWarning() {
        let set = PromptFiles.edited { $0.replace("choice 4 survey feedback", with: "choice 4 survey help feedback", in: "main.flow") }
        #expect(set.errors.isEmpty)
        #expect(set.warnings == ["\(set.place(of: "choice 4 survey help", in: "main.flow")): warning: \"help\" is also the help command in Prompts/en.messages; the command wins"])
    }

    @Test func anAgentChoiceWrittenAsTheFlowOrItsStartIsNoWarning() {
        for target in ["agent", "agent.start"] {
            let set = PromptFiles.edited { $0.replace("-> agent : main.menu.agent", with: "-> \(target) : main.menu.agent", in: "main.flow") }
            #expect(set.warnings.isEmpty, "\(target): \(set.warnings)")
        }
    }

    @Test func aMenuWordThatLeadsElsewhereIsAWarning() {
        let set = PromptFiles.edited { $0.replace("choice 4 nothing main -> main.menu", with: "choice 4 nothing menu -> main.anything_else", in: "booking.flow") }
        #expect(set.warnings == ["\(set.place(of: "choice 4 nothing menu", in: "booking.flow")): warning: \"menu\" is also the menu command in Prompts/en.messages; the command wins"])
    }
}
