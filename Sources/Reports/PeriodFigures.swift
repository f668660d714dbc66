import Storage

/// The counts one period's measures are made of: what happened in it, added up. Every
/// measure (`ReportColumn`) is a count here or a ratio of two, so a figure is never more
/// than a division away from the records.
public struct PeriodFigures: Sendable, Equatable {
    /// A sum and how many went into it, for averages.
    public struct Tally: Sendable, Equatable {
        public var sum = 0
        public var count = 0

        /// sum ÷ count, nil when nothing was counted.
        public var average: Double? { count == 0 ? nil : Double(sum) / Double(count) }

        mutating func add(_ other: Tally) {
            sum += other.sum
            count += other.count
        }
    }

    /// A yes/no question: the yeses and everyone who answered.
    public struct Share: Sendable, Equatable {
        public var yes = 0
        public var of = 0

        public var share: Double? { of == 0 ? nil : Double(yes) / Double(of) }

        mutating func add(_ other: Share) {
            yes += other.yes
            of += other.of
        }

        mutating func count(_ answer: Bool?) {
            guard let answer else { return }
            of += 1
            if answer { yes += 1 }
        }
    }

    public var calls = 0
    public var callMilliseconds: Int64 = 0
    /// Times guests asked for a person (every wait, however it ended).
    public var personRequests = 0
    /// Waits that ended with an agent on the call, in milliseconds, in no order.
    public var putThroughWaits: [Int64] = []
    /// Of those, the ones within the hotel's answer target.
    public var answeredInTarget = 0

    public var bookings = 0
    public var changes = 0
    public var cancellations = 0
    public var complaints = 0
    public var callbacks = 0
    /// Survey records, declined ones included.
    public var surveys = 0

    public var complaintsResolved = 0
    public var complaintsOnTime = 0
    public var complaintsLate = 0
    public var complaintsByCategory: [String: Int] = [:]

    /// Every rating given (1 to 5), and per dimension.
    public var ratings = Tally()
    public var ratingsByDimension: [String: Tally] = [:]
    public var wouldReturn = Share()
    public var wouldRecommend = Share()

    /// Revisits falling due in the period, and those made; per kind of guest.
    public var revisits = Share()
    public var revisitsByKind: [GuestKind: Share] = [:]

    public init() {}

    public var businessHandled: Int { bookings + changes + cancellations + complaints + callbacks + surveys }

    /// Nothing happened and nothing fell due.
    public var isEmpty: Bool { calls == 0 && businessHandled == 0 && revisits.of == 0 }

    public var averageCallSeconds: Double? { calls == 0 ? nil : Double(callMilliseconds) / Double(calls) / 1000 }

    public var putThrough: Int { putThroughWaits.count }

    /// Asked for a person and put through within the target, of all who asked.
    public var answeredInTargetShare: Double? { personRequests == 0 ? nil : Double(answeredInTarget) / Double(personRequests) }

    /// Nearest-rank percentiles of the waits that were put through, in seconds.
    public var waitMedianSeconds: Double? { Percentile.nearestRank(50, of: putThroughWaits).map { Double($0) / 1000 } }
    public var waitP90Seconds: Double? { Percentile.nearestRank(90, of: putThroughWaits).map { Double($0) / 1000 } }

    public var complaintRate: Double? { calls == 0 ? nil : Double(complaints) / Double(calls) }
    public var resolutionRate: Double? { complaints == 0 ? nil : Double(complaintsResolved) / Double(complaints) }
    public var complaintTimeliness: Double? {
        let decided = complaintsOnTime + complaintsLate
        return decided == 0 ? nil : Double(complaintsOnTime) / Double(decided)
    }

    /// The counts of `periods` together: a whole range's.
    public static func total(_ periods: [PeriodFigures]) -> PeriodFigures {
        var total = PeriodFigures()
        for figures in periods {
            total.calls += figures.calls
            total.callMilliseconds += figures.callMilliseconds
            total.personRequests += figures.personRequests
            total.putThroughWaits += figures.putThroughWaits
            total.answeredInTarget += figures.answeredInTarget
            total.bookings += figures.bookings
            total.changes += figures.changes
            total.cancellations += figures.cancellations
            total.complaints += figures.complaints
            total.callbacks += figures.callbacks
            total.surveys += figures.surveys
            total.complaintsResolved += figures.complaintsResolved
            total.complaintsOnTime += figures.complaintsOnTime
            total.complaintsLate += figures.complaintsLate
            total.complaintsByCategory.merge(figures.complaintsByCategory, uniquingKeysWith: +)
            total.ratings.add(figures.ratings)
            total.ratingsByDimension.merge(figures.ratingsByDimension) { var sum = $0; sum.add($1); return sum }
            total.wouldReturn.add(figures.wouldReturn)
            total.wouldRecommend.add(figures.wouldRecommend)
            total.revisits.add(figures.revisits)
            total.revisitsByKind.merge(figures.revisitsByKind) { var sum = $0; sum.add($1); return sum }
        }
        return total
    }

    /// Adds what happened in the period (the caller has chosen the facts of its days).
    mutating func add(_ call: ServiceActivity.Call, answerTargetMilliseconds: Int64) {
        calls += 1
        callMilliseconds += call.milliseconds
        personRequests += call.waits.count
        for wait in call.waits where wait.ending == .putThrough {
            putThroughWaits.append(wait.milliseconds)
            if wait.milliseconds <= answerTargetMilliseconds { answeredInTarget += 1 }
        }
    }

    mutating func add(_ complaint: ServiceActivity.Complaint) {
        complaints += 1
        complaintsByCategory[complaint.category, default: 0] += 1
        if complaint.resolved { complaintsResolved += 1 }
        switch complaint.handling {
        case .onTime: complaintsOnTime += 1
        case .late: complaintsLate += 1
        case .inTime: break
        }
    }

    mutating func add(_ survey: ServiceActivity.Survey) {
        surveys += 1
        guard !survey.declined else { return }
        for (dimension, rating) in survey.ratings {
            ratings.sum += rating
            ratings.count += 1
            ratingsByDimension[dimension, default: Tally()].sum += rating
            ratingsByDimension[dimension, default: Tally()].count += 1
        }
        wouldReturn.count(survey.stayAgain)
        wouldRecommend.count(survey.recommend)
    }

    mutating func add(_ revisit: ServiceActivity.Revisit) {
        revisits.count(revisit.done)
        revisitsByKind[revisit.kind, default: Share()].count(revisit.done)
    }
}
