import Storage

/// One figure a report gives for every period: its name in CSV and JSON (`key`), in words
/// (`title`), its unit, and how it is read from a period's counts. The change from the
/// previous period is the difference of two values, in the same unit (percentage points for
/// a share); it is missing when either value is (a share of nothing).
public struct ReportColumn: Sendable {
    public enum Unit: Sendable, Equatable {
        /// A whole number of things.
        case count
        /// A fraction from 0 to 1, shown as a percentage.
        case share
        case seconds
        /// A rating from 1 to 5.
        case score
    }

    public let key: String
    public let title: String
    public let unit: Unit
    private let read: @Sendable (PeriodFigures) -> Double?

    init(_ key: String, _ title: String, _ unit: Unit, _ read: @escaping @Sendable (PeriodFigures) -> Double?) {
        self.key = key
        self.title = title
        self.unit = unit
        self.read = read
    }

    public func value(_ figures: PeriodFigures) -> Double? { read(figures) }

    /// The figure in `figures`, less the one in `before`; nil when either is missing.
    public func change(from before: PeriodFigures, to figures: PeriodFigures) -> Double? {
        guard let now = read(figures), let then = read(before) else { return nil }
        return now - then
    }
}

extension ReportColumn {
    static func count(_ key: String, _ title: String, _ read: @escaping @Sendable (PeriodFigures) -> Int) -> ReportColumn {
        ReportColumn(key, title, .count) { Double(read($0)) }
    }

    /// DOMAIN.md's measures, and the counts they are made of, in the order a report gives them.
    static let measures: [ReportColumn] = [
        .count("calls", "Calls", \.calls),
        ReportColumn("average_call_seconds", "Average call", .seconds, \.averageCallSeconds),
        .count("person_requests", "Asked for a person", \.personRequests),
        .count("put_through", "Put through", \.putThrough),
        .count("answered_in_target", "Answered in target", \.answeredInTarget),
        ReportColumn("answered_in_target_share", "Answered in target", .share, \.answeredInTargetShare),
        ReportColumn("wait_median_seconds", "Wait, median", .seconds, \.waitMedianSeconds),
        ReportColumn("wait_p90_seconds", "Wait, 90th percentile", .seconds, \.waitP90Seconds),
        .count("bookings", "Bookings", \.bookings),
        .count("booking_changes", "Changes", \.changes),
        .count("cancellations", "Cancellations", \.cancellations),
        .count("complaints", "Complaints", \.complaints),
        .count("callbacks", "Callbacks", \.callbacks),
        .count("surveys", "Surveys", \.surveys),
        .count("business_handled", "Business handled", \.businessHandled),
        ReportColumn("complaint_rate", "Complaint rate", .share, \.complaintRate),
        .count("complaints_resolved", "Resolved", \.complaintsResolved),
        ReportColumn("resolution_rate", "Resolution rate", .share, \.resolutionRate),
        .count("complaints_on_time", "Handled on time", \.complaintsOnTime),
        .count("complaints_late", "Handled late", \.complaintsLate),
        ReportColumn("complaint_timeliness", "Complaint timeliness", .share, \.complaintTimeliness),
        .count("ratings", "Ratings", \.ratings.count),
        ReportColumn("satisfaction", "Satisfaction", .score, \.ratings.average),
        .count("would_return_answers", "Asked: stay again", \.wouldReturn.of),
        ReportColumn("would_return", "Would return", .share, \.wouldReturn.share),
        .count("would_recommend_answers", "Asked: recommend", \.wouldRecommend.of),
        ReportColumn("would_recommend", "Would recommend", .share, \.wouldRecommend.share),
        .count("revisits_planned", "Revisits planned", \.revisits.of),
        .count("revisits_done", "Revisits done", \.revisits.yes),
        ReportColumn("revisit_completion", "Revisit completion", .share, \.revisits.share),
    ]

    /// Complaints received per category (CSV `complaints_category_front-desk`).
    static func category(_ category: String) -> ReportColumn {
        .count("complaints_category_" + category, category) { $0.complaintsByCategory[category] ?? 0 }
    }

    /// Complaints received in the categories a department answers for.
    static func department(_ department: ReportSettings.Department) -> ReportColumn {
        let categories = department.categories
        return .count("complaints_department_" + department.code, department.name) { figures in
            categories.reduce(0) { $0 + (figures.complaintsByCategory[$1] ?? 0) }
        }
    }

    /// The average rating of one survey dimension, and how many ratings it had.
    static func dimension(_ dimension: String) -> [ReportColumn] {
        [.count("ratings_" + dimension, dimension) { $0.ratingsByDimension[dimension]?.count ?? 0 },
         ReportColumn("satisfaction_" + dimension, dimension, .score) { $0.ratingsByDimension[dimension]?.average }]
    }

    /// Revisits planned and done for one kind of guest, and the completion.
    static func kind(_ kind: GuestKind) -> [ReportColumn] {
        [.count("revisits_planned_\(kind)", "\(kind)") { $0.revisitsByKind[kind]?.of ?? 0 },
         .count("revisits_done_\(kind)", "\(kind)") { $0.revisitsByKind[kind]?.yes ?? 0 },
         ReportColumn("revisit_completion_\(kind)", "\(kind)", .share) { $0.revisitsByKind[kind]?.share }]
    }
}
