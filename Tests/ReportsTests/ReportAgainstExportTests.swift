import Foundation
import HotelCalendar
import Storage
import Testing
@testable import Reports

/// Every figure of the report for a seeded simulated month, by day, week and month, against
/// the same figures counted by hand from `export`'s CSV (`ExportOracle`, which uses no code
/// of the report): the report's own CSV must agree cell for cell, changes included.
@Suite("The report against the export")
struct ReportAgainstExportTests {
    static let departments = ["front-desk": ["front-desk", "other"], "housekeeping": ["housekeeping"], "food-and-beverage": ["food-and-beverage"],
                              "security": ["security"], "engineering": ["engineering"]]
    static let settings = ReportSettings(
        hotelName: "港景酒店 Harbour View", answerTargetSeconds: 20,
        departments: departments.keys.sorted().map { ReportSettings.Department(code: $0, name: $0.capitalized, categories: departments[$0]!) },
        categories: SimulatedMonth.categories)

    /// One seeded month (`MONTH_SEED` reruns another), read by day, week and month.
    @Test func everyFigureAgreesWithTheExport() throws {
        let seed = ProcessInfo.processInfo.environment["MONTH_SEED"].flatMap { UInt64($0) } ?? 20_270_301
        let first = CivilDate(iso: "2027-03-01")!, last = CivilDate(iso: "2027-03-31")!
        let month = SimulatedMonth(seed: seed, first: first, last: last)
        let view = WorkView(rules: SimulatedMonth.rules, now: month.now)
        var exports: [String: [ExportOracle.Row]] = [:]
        for kind in [ExportKind.calls, .history, .reservations, .complaints, .callbacks, .surveys, .revisits, .guests] {
            var csv = ""
            RecordExporter.export(kind, as: .csv, from: month.store, work: view) { csv += $0 }
            exports[kind.rawValue] = ExportOracle.parseCSV(csv)
        }
        #expect(exports["calls"]!.count == month.calls, "MONTH_SEED=\(seed)")
        for grouping in ReportGrouping.allCases { compare(month, exports, by: grouping, seed: seed) }
    }

    func compare(_ month: SimulatedMonth, _ exports: [String: [ExportOracle.Row]], by grouping: ReportGrouping, seed: UInt64) {
        let first = month.first, last = month.last
        let oracle = ExportOracle(exports: exports, offsetHours: 8, answerTargetSeconds: 20, departments: Self.departments,
                                  now: Int(month.now.secondsSince1970)) { day in
            switch grouping {
            case .day: return day
            case .week: return day.adding(days: 1 - day.weekday)
            case .month: return CivilDate(year: day.year, month: day.month, day: 1)!
            }
        }
        let activity = ServiceActivity(store: month.store, rules: SimulatedMonth.rules, now: month.now)
        let report = ServiceReport(activity: activity, from: first, to: last, by: grouping, settings: Self.settings,
                                   readAt: SimulatedMonth.zone.localMoment(at: month.now))
        let rows = ExportOracle.parseCSV(ReportRows.csv(report))
        #expect(rows.count == report.periods.count)
        var compared = 0
        for row in rows {
            let start = CivilDate(iso: row["from"]!)!
            let expected = oracle.figures(start), before = oracle.figures(oracle.periodStart(start.adding(days: -1)))
            for column in report.columns {
                guard let figure = expected[column.key] else {
                    Issue.record("the oracle has no \(column.key)")
                    continue
                }
                let change: Double? = if let figure, let was = before[column.key] ?? nil { figure - was } else { nil }
                #expect(Self.agree(row[column.key]!, figure, column.unit), "MONTH_SEED=\(seed) \(row["period"]!) \(column.key): report \(row[column.key]!), export \(String(describing: figure))")
                #expect(Self.agree(row[column.key + "_change"]!, change, column.unit),
                        "MONTH_SEED=\(seed) \(row["period"]!) \(column.key)_change: report \(row[column.key + "_change"]!), export \(String(describing: change))")
                compared += 2
            }
        }
        #expect(compared == rows.count * report.columns.count * 2)
        // The month is not trivial: every kind of fact is there to be counted.
        let total = PeriodFigures.total(report.figures)
        #expect(total.calls > 100 && total.personRequests > 10 && total.putThrough > 3)
        #expect(total.bookings > 10 && total.changes > 0 && total.cancellations > 0 && total.callbacks > 5)
        #expect(total.complaintsResolved > 5 && total.complaintsOnTime > 0 && total.complaintsLate > 0)
        #expect(total.ratings.count > 20 && total.revisits.yes > 5 && total.revisits.yes < total.revisits.of)
        #expect(total.revisitsByKind.count >= 2, "revisits of more than one kind of guest")
    }

    /// A CSV cell and a figure agree: both missing, or equal to the cell's rounding (4 places
    /// for shares and scores, the millisecond for seconds, whole counts).
    static func agree(_ cell: String, _ figure: Double?, _ unit: ReportColumn.Unit) -> Bool {
        guard let figure else { return cell.isEmpty }
        guard let value = Double(cell) else { return false }
        switch unit {
        case .count: return value == figure
        case .share, .score: return abs(value - figure) <= 0.000_051
        case .seconds: return abs(value - figure) <= 0.000_51
        }
    }
}
