import HotelCalendar

/// The revisit plan for a period and some kinds of guest (DOMAIN.md: plans by year,
/// quarter and month, and by guest type), read at a moment: every revisit that falls due in
/// the period, with where it stands, and the plan's completion (done ÷ planned) overall and
/// per kind.
///
/// A value computed from `PlannedRevisit`s, with no I/O: `hotelline plan` prints it, and a
/// report reads `tally` and `tally(of:)` for any period. What it promises:
/// - a revisit is in the plan when its due day lies in the period (a stay that left on
///   31 December is revisited on 2 January: next year's plan);
/// - a revisit counts under its guest file's kind as the records hold it when the plan is
///   read, so a guest made VIP brings their revisits into the VIP plan;
/// - done is surveyed or declined; a plan with nothing planned has no completion (nil),
///   never a division by zero.
public struct RevisitPlan: Sendable {
    public let period: PlanPeriod
    /// The kinds it covers, in `GuestKind` order (every kind unless asked for fewer).
    public let kinds: [GuestKind]
    /// The moment it is read at: what is open and what is overdue.
    public let now: WallTime
    /// The revisits in the plan, by due day, then by kind, then by item.
    public let revisits: [PlannedRevisit]

    /// The plan for `period` and `kinds` (all when empty) out of `candidates` (revisits of
    /// any period and kind: those outside are left out).
    public init(period: PlanPeriod, kinds: Set<GuestKind> = [], from candidates: [PlannedRevisit], at now: WallTime) {
        self.period = period
        self.kinds = GuestKind.allCases.filter { kinds.isEmpty || kinds.contains($0) }
        self.now = now
        let covered = Set(self.kinds)
        self.revisits = candidates
            .filter { period.contains($0.day) && covered.contains($0.kind) }
            .sorted { ($0.day, $0.kind.rawValue, $0.id) < ($1.day, $1.kind.rawValue, $1.id) }
    }

    /// The plan as `store`'s records make it, at `now`, by `rules` (the hotel's clock and
    /// revisit days).
    public init(period: PlanPeriod, kinds: Set<GuestKind> = [], store: HotelStore, rules: WorkRules, now: WallTime) {
        self.init(period: period, kinds: kinds, from: store.plannedRevisits(rules: rules, now: now), at: now)
    }

    /// The whole plan's figures.
    public var tally: PlanTally { PlanTally(revisits.map { $0.status(at: now) }) }

    /// The figures of the revisits of `kind` (all zero, no completion, for a kind the plan
    /// does not cover or has none of).
    public func tally(of kind: GuestKind) -> PlanTally {
        PlanTally(revisits.filter { $0.kind == kind }.map { $0.status(at: now) })
    }

    /// Where `revisit` stands at the plan's moment.
    public func status(of revisit: PlannedRevisit) -> RevisitStatus { revisit.status(at: now) }
}

/// A plan's figures: how many revisits it holds and where they stand.
public struct PlanTally: Equatable, Sendable {
    public private(set) var planned = 0
    public private(set) var surveyed = 0
    public private(set) var declined = 0
    /// Not made, their day not over.
    public private(set) var open = 0
    /// Not made, their day over.
    public private(set) var overdue = 0

    public init(_ statuses: [RevisitStatus] = []) {
        for status in statuses { count(status) }
    }

    public mutating func count(_ status: RevisitStatus) {
        planned += 1
        switch status {
        case .surveyed: surveyed += 1
        case .declined: declined += 1
        case .open: open += 1
        case .overdue: overdue += 1
        }
    }

    /// Revisits made: surveyed or declined.
    public var done: Int { surveyed + declined }

    /// done ÷ planned, from 0 to 1; nil when nothing is planned.
    public var completion: Double? { planned == 0 ? nil : Double(done) / Double(planned) }

    /// done ÷ planned in parts of `scale` (1000: per mille), rounded half up, in whole
    /// numbers so it prints the same everywhere; nil when nothing is planned.
    public func completion(per scale: Int) -> Int? {
        planned == 0 ? nil : (done * scale * 2 + planned) / (planned * 2)
    }
}
