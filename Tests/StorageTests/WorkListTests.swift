import HotelCalendar
import Testing
import TestSupport
@testable import Storage

/// The work lists' rules without I/O: item names, each list's steps and refusals, retries,
/// and due times on the hotel's clock across midnight, month, year and daylight saving.
@Suite("Work lists")
struct WorkListTests {
    static let utc = HotelTimeZone("UTC")!
    static let madrid = HotelTimeZone("Europe/Madrid")!
    static let rules = WorkRules(callbackRetryMinutes: 60, callbackTries: 3, zone: utc)

    static func instant(_ iso: String, _ zone: HotelTimeZone = utc) -> WallTime { zone.wallTime(of: LocalMoment(iso: iso)!) }

    static func step(_ item: WorkItemID, _ action: WorkAction, _ text: String? = nil, by: String = "console:mei",
                     at iso: String = "2026-12-03T10:00") -> WorkStep {
        WorkStep(item: item, action: action, text: text, by: by, createdAt: instant(iso))
    }

    // MARK: Names

    @Test func everyKindOfItemIsReadBackAsTheListsWriteIt() throws {
        let ids: [WorkItemID] = [.callback(CallbackNumber(serial: 100_003)), .complaint(TicketNumber(serial: 100_004)),
                                 .complaintRevisit(TicketNumber(serial: 100_004)), .stayRevisit(ConfirmationNumber(serial: 100_001)),
                                 .arrival(ConfirmationNumber(serial: 100_001)), .feedback(SurveyNumber(serial: 100_002), topic: "food")]
        let written = ids.map(\.description)
        #expect(written == ["C1000033", "T1000041", "V-T1000041", "V-R1000017", "A-R1000017", "F-S1000025-food"])
        #expect(written.map { WorkItemID($0) } == ids)
        #expect(written.map { WorkItemID($0.lowercased()) } == ids, "any case, as agents type")
        #expect(ids.map(\.list) == [.callbacks, .complaints, .revisits, .revisits, .arrivals, .feedback])
    }

    @Test(arguments: ["C1000038", "T1000042", "R1000017", "V-C1000033", "A-T1000041", "F-S1000025", "F-S1000025-", "F-S1000025-f ood!",
                      "X-R1000017", "", "V-", "F-S1000024-food"])
    func aNameThatIsNoItemIsRefused(text: String) {
        #expect(WorkItemID(text) == nil, "\(text)")
    }

    // MARK: Callbacks

    @Test func anUnansweredCallbackComesBackAfterTheRetryIntervalThenClosesAsUnreachable() {
        let id = WorkItemID.callback(CallbackNumber(serial: 100_003))
        var item = WorkItem(id: id, due: Self.instant("2026-12-03T10:30"))
        #expect(item.stage == .waiting && !item.isOverdue(at: Self.instant("2026-12-03T10:29")))
        #expect(item.isOverdue(at: Self.instant("2026-12-03T10:30")), "due is the end of the window")
        #expect(item.apply(Self.step(id, .noAnswer, at: "2026-12-03T10:05"), rules: Self.rules) == nil)
        #expect(item.stage == .retrying && item.tries == 1 && item.due == Self.instant("2026-12-03T11:05"))
        #expect(item.apply(Self.step(id, .noAnswer, at: "2026-12-03T23:30"), rules: Self.rules) == nil)
        #expect(item.due == Self.instant("2026-12-04T00:30"), "a retry crosses midnight on the hotel's clock")
        #expect(item.apply(Self.step(id, .noAnswer, at: "2026-12-04T09:00"), rules: Self.rules) == nil)
        #expect(item.stage == .unreachable && item.stage.isDone && item.tries == 3)
        #expect(item.apply(Self.step(id, .reached), rules: Self.rules) == .done(id, .unreachable))
        #expect(item.history.map(\.action) == [.noAnswer, .noAnswer, .noAnswer], "a refused step is not kept")
    }

    @Test func aCallbackIsReachedOrAWrongNumberFromWaitingOrRetryingOnly() {
        let id = WorkItemID.callback(CallbackNumber(serial: 100_003))
        for outcome in [WorkAction.reached, .wrongNumber] {
            var fresh = WorkItem(id: id, due: Self.instant("2026-12-03T10:30"))
            #expect(fresh.apply(Self.step(id, outcome, "spoke"), rules: Self.rules) == nil)
            var retried = WorkItem(id: id, due: Self.instant("2026-12-03T10:30"))
            retried.apply(Self.step(id, .noAnswer), rules: Self.rules)
            #expect(retried.apply(Self.step(id, outcome, "spoke"), rules: Self.rules) == nil)
            #expect(fresh.stage == retried.stage && fresh.stage.isDone)
        }
        var item = WorkItem(id: id, due: Self.instant("2026-12-03T10:30"))
        #expect(item.apply(Self.step(id, .reached), rules: Self.rules) == .needsText(.reached), "reached, with a note of what was said")
        #expect(item.apply(Self.step(id, .investigate), rules: Self.rules) == .notOnList(.investigate, .callbacks))
        #expect(item.apply(Self.step(id, .note), rules: Self.rules) == .needsText(.note))
        #expect(item.apply(Self.step(id, .note, "left a message"), rules: Self.rules) == nil)
    }

    // MARK: Complaints

    /// Every step at every stage of a complaint: the stage it leads to, or the refusal.
    @Test func everyComplaintStepAtEveryStageIsDecided() {
        let id = WorkItemID.complaint(TicketNumber(serial: 100_004))
        let path: [(WorkAction, String?)] = [(.investigate, nil), (.resolve, "towels replaced"), (.signOff, nil), (.close, nil)]
        // The item at each stage: received, investigating, resolved, signed off (revisit not
        // yet made), revisited (made), closed.
        func item(after steps: Int, revisited: Bool) -> WorkItem {
            var item = WorkItem(id: id, due: Self.instant("2026-12-04T00:00"), revisitDone: revisited)
            for (action, text) in path.prefix(steps) { item.apply(Self.step(id, action, text), rules: Self.rules) }
            return item
        }
        let stages: [(WorkItem, WorkStage)] = [(item(after: 0, revisited: false), .received), (item(after: 1, revisited: false), .investigating),
                                              (item(after: 2, revisited: false), .resolved), (item(after: 3, revisited: false), .signedOff),
                                              (item(after: 3, revisited: true), .revisited), (item(after: 4, revisited: true), .closed)]
        let allowed: [WorkStage: WorkAction] = [.received: .investigate, .investigating: .resolve, .resolved: .signOff, .revisited: .close]
        for (start, stage) in stages {
            #expect(start.stage == stage)
            for (action, text) in path + [(WorkAction.escalate, "sara")] {
                var copy = start
                let refusal = copy.apply(Self.step(id, action, text), rules: Self.rules)
                if allowed[stage] == action || (action == .escalate && stage == .received) {
                    #expect(refusal == nil, "\(action) at \(stage)")
                } else if stage.isDone {
                    #expect(refusal == .done(id, stage), "\(action) at \(stage)")
                } else {
                    guard case .wrongStage(id, action, stage, _)? = refusal else {
                        Issue.record("\(action) at \(stage): \(String(describing: refusal))")
                        continue
                    }
                }
            }
        }
        var resolved = item(after: 1, revisited: false)
        #expect(resolved.apply(Self.step(id, .resolve), rules: Self.rules) == .needsText(.resolve), "a result is what the guest will hear")
        #expect(WorkRefusal.wrongStage(id, .signOff, .investigating, needs: [.resolved]).description
                == "T1000041 is investigating: \"signed-off\" comes when it is resolved")
    }

    @Test func aComplaintSignedOffIsRevisitedOnceItsRevisitCallIsMade() {
        let id = WorkItemID.complaint(TicketNumber(serial: 100_004))
        var item = WorkItem(id: id, due: Self.instant("2026-12-04T00:00"))
        for (action, text) in [(WorkAction.investigate, nil), (.resolve, "fixed"), (.signOff, nil)] as [(WorkAction, String?)] {
            item.apply(Self.step(id, action, text, by: "console:sara"), rules: Self.rules)
        }
        #expect(item.stage == .signedOff && item.signedOffBy == "sara" && item.result == "fixed")
        var revisited = WorkItem(id: id, due: Self.instant("2026-12-04T00:00"), revisitDone: true)
        for step in item.history { revisited.apply(step, rules: Self.rules) }
        #expect(revisited.stage == .revisited, "its revisit call made, the sign-off leaves it revisited")
    }

    @Test func aCallbackIsTriedAgainOnlyOnceItsRetryIsDueAndWithinTheCallbackHours() {
        let id = WorkItemID.callback(CallbackNumber(serial: 100_003))
        let rules = WorkRules(callbackRetryMinutes: 60, callbackTries: 3,
                              callbackHours: (TimeOfDay(hour: 8, minute: 0)!, TimeOfDay(hour: 20, minute: 0)!), zone: Self.utc)
        var item = WorkItem(id: id, due: Self.instant("2026-12-03T20:00"))
        #expect(item.apply(Self.step(id, .noAnswer, at: "2026-12-03T19:30"), rules: rules) == nil)
        #expect(item.due == Self.instant("2026-12-04T08:00"), "20:30 is after hours: the next opening")
        #expect(item.apply(Self.step(id, .noAnswer, at: "2026-12-03T19:45"), rules: rules) == .notYet(id, due: Self.instant("2026-12-04T08:00")))
        #expect(item.apply(Self.step(id, .reached, "called us", at: "2026-12-03T19:45"), rules: rules) == nil, "a guest reached early is reached")
        var early = WorkItem(id: id, due: Self.instant("2026-12-03T08:30"))
        early.apply(Self.step(id, .noAnswer, at: "2026-12-03T06:00"), rules: rules)
        #expect(early.due == Self.instant("2026-12-03T08:00"), "07:00 is before hours: that morning's opening")
    }

    @Test func dueTimesHoldAcrossDaylightSavingEastOfUTC() {
        let sydney = WorkRules(zone: HotelTimeZone("Australia/Sydney")!)
        // Clocks go forward at 02:00 on Sunday 4 October 2026 (UTC+10 to +11), and back at
        // 03:00 on Sunday 5 April 2026 (+11 to +10).
        #expect(sydney.zone.localMoment(at: sydney.endOfDay(CivilDate(year: 2026, month: 10, day: 3)!)).iso == "2026-10-04T00:00")
        #expect(sydney.zone.localMoment(at: sydney.endOfDay(CivilDate(year: 2026, month: 4, day: 4)!)).iso == "2026-04-05T00:00")
        #expect(sydney.zone.localMoment(at: sydney.endOfDay(CivilDate(year: 2026, month: 10, day: 4)!)).iso == "2026-10-05T00:00")
    }

    @Test func anEscalatedComplaintGoesToTheHeadUnlessSomeoneHasIt() {
        let id = WorkItemID.complaint(TicketNumber(serial: 100_004))
        var nobodys = WorkItem(id: id, due: Self.instant("2026-12-04T00:00"))
        nobodys.apply(Self.step(id, .escalate, "sara", by: "line"), rules: Self.rules)
        #expect(nobodys.escalatedTo == "sara" && nobodys.assignee == "sara")
        var meis = WorkItem(id: id, due: Self.instant("2026-12-04T00:00"))
        meis.apply(Self.step(id, .assign, "mei"), rules: Self.rules)
        meis.apply(Self.step(id, .escalate, "sara", by: "line"), rules: Self.rules)
        #expect(meis.escalatedTo == "sara" && meis.assignee == "mei")
    }

    // MARK: Due times

    @Test func theEndOfADayIsTheNextMidnightOnTheHotelsClock() {
        let utc = WorkRules(zone: Self.utc), madrid = WorkRules(zone: Self.madrid)
        #expect(utc.endOfDay(CivilDate(year: 2026, month: 12, day: 31)!) == Self.instant("2027-01-01T00:00"), "the year's end")
        #expect(utc.endOfDay(CivilDate(year: 2028, month: 2, day: 28)!) == Self.instant("2028-02-29T00:00"), "a leap year")
        #expect(utc.endOfDay(CivilDate(year: 2027, month: 2, day: 28)!) == Self.instant("2027-03-01T00:00"), "the month's end")
        // Madrid is UTC+1 in winter: its midnight is 23:00 UTC.
        #expect(madrid.endOfDay(CivilDate(year: 2026, month: 12, day: 3)!) == Self.instant("2026-12-03T23:00"))
        // The night the clocks go forward (29 March 2026) the day is 23 hours long.
        #expect(madrid.endOfDay(CivilDate(year: 2026, month: 3, day: 29)!) - madrid.endOfDay(CivilDate(year: 2026, month: 3, day: 28)!)
                == 23 * 3_600_000)
        #expect(madrid.localDate(Self.instant("2026-12-03T23:30")) == CivilDate(year: 2026, month: 12, day: 4)!,
                "23:30 UTC is already tomorrow in Madrid")
    }
}
