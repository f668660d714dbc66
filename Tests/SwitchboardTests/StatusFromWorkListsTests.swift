import Dialogue
import HotelCalendar
import Storage
import Testing
@testable import Switchboard

/// What a guest's status check hears is the work lists' word: each stage a complaint or a
/// callback reaches at the console maps to what the conversation is told, without a store.
@Suite("Status from the work lists")
struct StatusFromWorkListsTests {
    /// The hotel's clock eight hours ahead of UTC, so local and UTC days differ.
    static let zone = HotelTimeZone(fixedOffsetSeconds: 8 * 3600)
    static let rules = WorkRules(callbackRetryMinutes: 60, callbackTries: 3, zone: zone)
    static let filed = zone.wallTime(of: LocalMoment(iso: "2026-11-25T10:00")!)

    static func local(_ iso: String) -> WallTime { zone.wallTime(of: LocalMoment(iso: iso)!) }

    static let ticket = ComplaintTicket(
        number: TicketNumber(serial: 100_001),
        request: .init(category: "housekeeping", details: "No hot water.", expectedResolution: "Fix it.", guestName: "Ana García",
                       phone: "+34612345678", roomNumber: "1204", language: "es", followUpBy: CivilDate(year: 2026, month: 11, day: 28)!,
                       session: "s1"),
        status: .open, createdAt: filed)

    static let callback = CallbackRequest(
        number: CallbackNumber(serial: 100_001),
        request: .init(phone: "+861065529988", guestName: "Li Wei", dueAt: local("2026-11-26T10:00"), windowMinutes: 30, reason: "Parking.",
                       callLanguage: "en", language: "en", session: "s2"),
        status: .pending, createdAt: filed)

    /// The complaint's item after `actions`, each a minute after the one before.
    static func complaint(_ actions: [(WorkAction, String?)], revisitDone: Bool = false) -> WorkItem {
        var item = WorkItem(id: .complaint(ticket.number), due: local("2026-11-26T00:00"), revisitDone: revisitDone)
        for (index, (action, text)) in actions.enumerated() {
            let refusal = item.apply(WorkStep(item: item.id, action: action, text: text, by: "console:sara",
                                             createdAt: filed.adding(seconds: Double(60 * (index + 1)))), rules: rules)
            precondition(refusal == nil, "\(refusal!)")
        }
        return item
    }

    static func callbackItem(_ actions: [(WorkAction, String)]) -> WorkItem {
        var item = WorkItem(id: .callback(callback.number), due: local("2026-11-26T10:30"))
        for (action, at) in actions {
            let refusal = item.apply(WorkStep(item: item.id, action: action, text: action == .reached ? "sorted" : nil, by: "console:mei", createdAt: local(at)), rules: rules)
            precondition(refusal == nil, "\(refusal!)")
        }
        return item
    }

    @Test func aComplaintAsItCameInIsReceivedWithNoResultAndTheCallStillOwed() {
        let summary = BackOffice.summary(of: Self.ticket, Self.complaint([]))
        #expect(summary == ComplaintSummary(category: "housekeeping", stage: .received, followUpBy: CivilDate(year: 2026, month: 11, day: 28)!))
    }

    @Test func aResultIsToldOnlyOnceSignedOff() {
        let resolved = BackOffice.summary(of: Self.ticket, Self.complaint([(.investigate, "Sent an engineer."), (.resolve, "Boiler repaired.")]))
        #expect(resolved.stage == .resolved)
        #expect(resolved.result == nil, "not the hotel's word until its head signs it off")
        let signed = BackOffice.summary(of: Self.ticket, Self.complaint([(.investigate, nil), (.resolve, "Boiler repaired."), (.signOff, nil)]))
        #expect(signed.stage == .signedOff)
        #expect(signed.result == "Boiler repaired.")
        #expect(!signed.followedUp)
    }

    @Test func aComplaintRevisitedThenClosedOwesNoCall() {
        let steps: [(WorkAction, String?)] = [(.investigate, nil), (.resolve, "Boiler repaired."), (.signOff, nil)]
        let revisited = BackOffice.summary(of: Self.ticket, Self.complaint(steps, revisitDone: true))
        #expect(revisited.stage == .revisited)
        #expect(revisited.followedUp)
        #expect(revisited.result == "Boiler repaired.")
        let closed = BackOffice.summary(of: Self.ticket, Self.complaint(steps + [(.close, nil)], revisitDone: true))
        #expect(closed.stage == .closed)
        #expect(closed.followedUp)
        #expect(closed.result == "Boiler repaired.")
    }

    @Test func aCallbackNotYetMadeIsWaitingInItsWindowOnTheHotelsClock() {
        let summary = BackOffice.summary(of: Self.callback, Self.callbackItem([]), zone: Self.zone)
        #expect(summary == CallbackSummary(stage: .waiting, windowFrom: LocalMoment(iso: "2026-11-26T10:00")!, windowMinutes: 30))
        #expect(summary.windowTo == LocalMoment(iso: "2026-11-26T10:30")!)
    }

    @Test func noAnswerIsRetriedByTheIntervalThenClosedAsUnreachable() {
        let once = BackOffice.summary(of: Self.callback, Self.callbackItem([(.noAnswer, "2026-11-26T10:05")]), zone: Self.zone)
        #expect(once.stage == .retrying)
        #expect(once.tries == 1)
        #expect(once.nextTry == LocalMoment(iso: "2026-11-26T11:05")!, "an hour on, on the hotel's clock")
        let closed = BackOffice.summary(of: Self.callback, Self.callbackItem([(.noAnswer, "2026-11-26T10:05"), (.noAnswer, "2026-11-26T11:10"),
                                                                             (.noAnswer, "2026-11-26T12:15")]), zone: Self.zone)
        #expect(closed.stage == .unreachable)
        #expect(closed.tries == 3)
        #expect(closed.nextTry == nil, "nothing more is tried")
    }

    @Test func aReachedCallbackSaysWhenOnTheHotelsClock() {
        let summary = BackOffice.summary(of: Self.callback, Self.callbackItem([(.noAnswer, "2026-11-26T10:05"), (.reached, "2026-11-26T23:40")]),
                                         zone: Self.zone)
        #expect(summary.stage == .reached)
        #expect(summary.tries == 1)
        #expect(summary.reachedAt == LocalMoment(iso: "2026-11-26T23:40")!, "the local day, not UTC's (15:40)")
    }

    @Test func aWrongNumberIsClosed() {
        let summary = BackOffice.summary(of: Self.callback, Self.callbackItem([(.wrongNumber, "2026-11-26T10:02")]), zone: Self.zone)
        #expect(summary.stage == .wrongNumber)
        #expect(summary.nextTry == nil && summary.reachedAt == nil)
    }
}
