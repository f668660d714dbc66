import HotelCalendar
import Storage
import Testing
@testable import Reports

/// The figures from plain facts: percentiles, shares of nothing, changes from a period that
/// had nothing, empty periods, and each fact in its own period.
@Suite("Service report figures")
struct ServiceReportTests {
    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
    static let settings = ReportSettings(hotelName: "Harbour View Hotel", answerTargetSeconds: 20,
                                         departments: [.init(code: "hk", name: "Housekeeping", categories: ["housekeeping"])],
                                         categories: ["housekeeping"])
    static let readAt = LocalMoment(iso: "2027-03-20T09:00")!

    static func report(_ activity: ServiceActivity, from: String = "2027-03-01", to: String = "2027-03-14",
                       by grouping: ReportGrouping = .week) -> ServiceReport {
        ServiceReport(activity: activity, from: day(from), to: day(to), by: grouping, settings: settings, readAt: readAt)
    }

    static func value(_ report: ServiceReport, _ key: String, _ position: Int) -> Double? {
        report.column(key)!.value(report.figures[position])
    }

    static func change(_ report: ServiceReport, _ key: String, _ position: Int) -> Double? {
        report.column(key)!.change(from: report.previous(position), to: report.figures[position])
    }

    @Test(arguments: [(50, [Int64](), nil), (50, [7], 7), (90, [7], 7), (50, [1, 2, 3, 4], 2), (90, [1, 2, 3, 4], 4),
                      (50, [5, 1, 4, 2, 3], 3), (90, Array(1...10), 9), (90, Array(1...11), 10), (100, [3, 9, 1], 9), (1, [3, 9, 1], 1)] as [(Int, [Int64], Int64?)])
    func percentilesAreNearestRank(percent: Int, values: [Int64], expected: Int64?) {
        #expect(Percentile.nearestRank(percent, of: values) == expected)
        #expect(Percentile.nearestRank(percent, of: values.reversed()) == expected, "order does not matter")
    }

    @Test func waitsCountOnlyWhenPutThroughAndTheTargetIsInclusive() {
        var activity = ServiceActivity()
        activity.calls = [
            .init(day: Self.day("2027-03-02"), milliseconds: 60_000, waits: [PersonWait(milliseconds: 20_000, ending: .putThrough)]),
            .init(day: Self.day("2027-03-02"), milliseconds: 30_000, waits: [PersonWait(milliseconds: 20_001, ending: .putThrough),
                                                                              PersonWait(milliseconds: 0, ending: .nobodyOnDuty)]),
            .init(day: Self.day("2027-03-03"), milliseconds: 90_000, waits: [PersonWait(milliseconds: 5_000, ending: .hungUp)]),
        ]
        let report = Self.report(activity)
        #expect(Self.value(report, "calls", 0) == 3)
        #expect(Self.value(report, "average_call_seconds", 0) == 60)
        #expect(Self.value(report, "person_requests", 0) == 4)
        #expect(Self.value(report, "put_through", 0) == 2)
        #expect(Self.value(report, "answered_in_target", 0) == 1, "20 s is within a 20 s target; 20.001 s is not")
        #expect(Self.value(report, "answered_in_target_share", 0) == 0.25, "of every request, not only those put through")
        #expect(Self.value(report, "wait_median_seconds", 0) == 20)
        #expect(Self.value(report, "wait_p90_seconds", 0) == 20.001)
    }

    @Test func anEmptyPeriodHasCountsOfZeroAndNoShares() {
        var activity = ServiceActivity()
        activity.calls = [.init(day: Self.day("2027-03-09"), milliseconds: 1000)]
        let report = Self.report(activity)
        #expect(report.figures[0].isEmpty)
        #expect(!report.isEmpty)
        #expect(Self.value(report, "calls", 0) == 0)
        for key in ["average_call_seconds", "complaint_rate", "resolution_rate", "complaint_timeliness", "satisfaction", "would_return",
                    "revisit_completion", "wait_median_seconds", "answered_in_target_share"] {
            #expect(Self.value(report, key, 0) == nil, "\(key) of nothing is missing, not zero")
        }
    }

    @Test func aChangeFromAPeriodWithNothingIsTheWholeCountAndNoneForAShare() {
        var activity = ServiceActivity()
        activity.calls = [.init(day: Self.day("2027-03-09"), milliseconds: 1000), .init(day: Self.day("2027-03-09"), milliseconds: 3000)]
        activity.complaints = [.init(day: Self.day("2027-03-09"), category: "housekeeping", resolved: true, handling: .onTime)]
        let report = Self.report(activity)
        #expect(Self.change(report, "calls", 1) == 2, "from zero calls: +2")
        #expect(Self.change(report, "complaint_rate", 1) == nil, "no rate the week before: no change")
        #expect(Self.change(report, "calls", 0) == 0, "nothing before the range either")
        #expect(Self.value(report, "complaint_rate", 1) == 0.5)
        #expect(Self.value(report, "complaints_department_hk", 1) == 1)
    }

    @Test func theFirstPeriodsChangeIsFromThePeriodBeforeTheRange() {
        var activity = ServiceActivity()
        activity.surveys = [.init(day: Self.day("2027-02-27"), ratings: ["food": 2, "room": 4], stayAgain: true),
                            .init(day: Self.day("2027-03-01"), ratings: ["food": 5], stayAgain: false, recommend: true),
                            .init(day: Self.day("2027-03-02"), declined: true)]
        let report = Self.report(activity)
        #expect(Self.value(report, "satisfaction", 0) == 5)
        #expect(Self.change(report, "satisfaction", 0) == 2, "5 against the week before's 3")
        #expect(Self.value(report, "surveys", 0) == 2, "a declined survey is business handled, with no rating")
        #expect(Self.change(report, "would_return", 0) == -1)
        #expect(Self.value(report, "would_recommend", 0) == 1)
        #expect(Self.value(report, "satisfaction_food", 0) == 5)
    }

    @Test func revisitsCountByTheirDueDayAndKind() {
        var activity = ServiceActivity()
        activity.revisits = [.init(day: Self.day("2027-03-01"), kind: .vip, done: true), .init(day: Self.day("2027-03-07"), kind: .vip, done: false),
                             .init(day: Self.day("2027-03-08"), kind: .business, done: true)]
        let report = Self.report(activity)
        #expect(Self.value(report, "revisit_completion", 0) == 0.5)
        #expect(Self.value(report, "revisit_completion_vip", 0) == 0.5)
        #expect(Self.value(report, "revisit_completion_business", 0) == nil)
        #expect(Self.value(report, "revisit_completion_business", 1) == 1)
        #expect(Self.value(report, "revisits_planned_vip", 1) == 0)
    }

    @Test func nothingInTheRangeIsEmptyWhateverHappenedOutsideIt() {
        var activity = ServiceActivity()
        activity.bookings = [Self.day("2027-01-05")]
        let report = Self.report(activity, from: "2027-03-01", to: "2027-03-31", by: .month)
        #expect(report.isEmpty)
        #expect(activity.span == Self.day("2027-01-05")...Self.day("2027-01-05"))
    }

    @Test func formatsRoundTheSameEverywhere() {
        #expect(FigureFormat.fixed(2.345, decimals: 2) == "2.35")
        #expect(FigureFormat.fixed(-0.004, decimals: 2) == "0.00")
        #expect(FigureFormat.fixed(-1.25, decimals: 1) == "-1.3")
        #expect(FigureFormat.text(0.755, .share) == "75.5%")
        #expect(FigureFormat.change(-0.05, .share) == "-5.0 pp")
        #expect(FigureFormat.change(0, .count) == "0")
        #expect(FigureFormat.text(125, .seconds) == "2m05s")
        #expect(FigureFormat.text(4.25, .seconds) == "4.3s")
        #expect(FigureFormat.change(-12, .seconds) == "-12.0s")
        #expect(FigureFormat.machine(2.0 / 3, .share) == "0.6667")
        #expect(FigureFormat.machine(nil, .count) == nil)
    }
}
