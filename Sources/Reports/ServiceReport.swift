import HotelCalendar
import Storage

/// What a report needs to know of the hotel (from hotel.conf): its name, the answer target,
/// who answers for which complaints, and the categories and survey dimensions to list.
public struct ReportSettings: Sendable {
    /// A department and the complaint categories it answers for.
    public struct Department: Sendable, Equatable {
        public var code: String
        public var name: String
        public var categories: [String]

        public init(code: String, name: String, categories: [String]) {
            self.code = code
            self.name = name
            self.categories = categories
        }
    }

    public var hotelName: String
    /// A guest who asks for a person should be put through within this many seconds.
    public var answerTargetSeconds: Int
    public var departments: [Department]
    /// Complaint categories and survey dimensions, in the order to list them; any others the
    /// records hold are listed after them.
    public var categories: [String]
    public var dimensions: [String]

    public init(hotelName: String, answerTargetSeconds: Int = 20, departments: [Department] = [], categories: [String] = [],
                dimensions: [String] = ServiceReport.surveyDimensions) {
        self.hotelName = hotelName
        self.answerTargetSeconds = answerTargetSeconds
        self.departments = departments
        self.categories = categories
        self.dimensions = dimensions
    }
}

/// The service's measures (DOMAIN.md) for every period of a range, each with its change from
/// the period before: computed from a `ServiceActivity`, with no I/O, by one pass over it.
///
/// What it promises: every fact is counted in exactly one period (the one holding its day)
/// or in none (outside the range and the period before it); a share of nothing is missing,
/// never zero or a division by zero; the first period's change is from the period before
/// the range, counted the same way.
public struct ServiceReport: Sendable {
    /// The survey's dimensions, as the survey flow rates them.
    public static let surveyDimensions = ["front_desk", "housekeeping", "food", "security", "room", "facilities", "environment"]

    public let settings: ReportSettings
    public let grouping: ReportGrouping
    public let periods: [ReportPeriod]
    /// Each period's counts, as `periods`.
    public let figures: [PeriodFigures]
    /// The period before the first one's counts: the first change is from these.
    public let before: PeriodFigures
    /// Every figure, in order: the measures, then complaints by category and department,
    /// satisfaction by dimension and revisits by kind of guest.
    public let columns: [ReportColumn]
    /// When the report was read (what was resolved and overdue then), on the hotel's clock.
    public let readAt: LocalMoment
    /// Every department of hotel.conf, and `unassigned` for categories none answers for
    /// (records made before hotel.conf named their category's department).
    public let departments: [ReportSettings.Department]
    /// The complaint categories and survey dimensions listed.
    public let categories: [String]
    public let dimensions: [String]

    /// The report of `activity` for the periods of `grouping` from the one holding `from`
    /// to the one holding `to`.
    public init(activity: ServiceActivity, from: CivilDate, to: CivilDate, by grouping: ReportGrouping, settings: ReportSettings,
                readAt: LocalMoment) {
        self.settings = settings
        self.grouping = grouping
        self.readAt = readAt
        let periods = ReportPeriod.covering(from: from, to: to, by: grouping)
        self.periods = periods
        // Index -1 is the period before the first.
        var index: [CivilDate: Int] = [:]
        if let first = periods.first { index[first.previous.first] = -1 }
        for (position, period) in periods.enumerated() { index[period.first] = position }
        var figures = Array(repeating: PeriodFigures(), count: periods.count)
        var before = PeriodFigures()
        func update(_ day: CivilDate, _ change: (inout PeriodFigures) -> Void) {
            guard let position = index[ReportPeriod(containing: day, by: grouping).first] else { return }
            if position < 0 { change(&before) } else { change(&figures[position]) }
        }
        let target = Int64(settings.answerTargetSeconds) * 1000
        for call in activity.calls { update(call.day) { $0.add(call, answerTargetMilliseconds: target) } }
        for complaint in activity.complaints { update(complaint.day) { $0.add(complaint) } }
        for survey in activity.surveys { update(survey.day) { $0.add(survey) } }
        for revisit in activity.revisits { update(revisit.day) { $0.add(revisit) } }
        for day in activity.bookings { update(day) { $0.bookings += 1 } }
        for day in activity.changes { update(day) { $0.changes += 1 } }
        for day in activity.cancellations { update(day) { $0.cancellations += 1 } }
        for day in activity.callbacks { update(day) { $0.callbacks += 1 } }
        self.figures = figures
        self.before = before
        self.categories = Self.listed(settings.categories, then: activity.complaints.map(\.category))
        self.dimensions = Self.listed(settings.dimensions, then: activity.surveys.flatMap(\.ratings.keys))
        var departments = settings.departments
        let assigned = Set(departments.flatMap(\.categories))
        let unassigned = categories.filter { !assigned.contains($0) }
        if !unassigned.isEmpty && !departments.isEmpty {
            departments.append(ReportSettings.Department(code: "unassigned", name: "(no department)", categories: unassigned))
        }
        self.departments = departments
        self.columns = ReportColumn.measures + categories.map(ReportColumn.category) + departments.map(ReportColumn.department)
            + dimensions.flatMap(ReportColumn.dimension) + GuestKind.allCases.flatMap(ReportColumn.kind)
    }

    /// Nothing happened in any period of the range.
    public var isEmpty: Bool { figures.allSatisfy(\.isEmpty) }

    /// The counts of the period before `position` (the period before the range for the first).
    public func previous(_ position: Int) -> PeriodFigures { position == 0 ? before : figures[position - 1] }

    public func column(_ key: String) -> ReportColumn? { columns.first { $0.key == key } }

    /// `known` in their order, then any others in `seen`, sorted.
    private static func listed(_ known: [String], then seen: [String]) -> [String] {
        let listed = Set(known)
        return known + Set(seen).subtracting(listed).sorted()
    }
}
