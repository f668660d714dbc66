import HotelCalendar
import Dialogue
import Storage
import Reactor
import Wallboard

// The service centre's figures for the wallboard and `/metrics`: counts of what it holds
// (sessions, the queue, agents), what it has counted (`LineCounters`), the work lists and
// the journal's own. Counts only, never a guest's name or number.
extension ServiceCenter: WallboardSource {
    /// How long counted work lists are reused while no record has come in: counting walks
    /// every record, and an item falls overdue on a scale of hours, not seconds. With new
    /// records they are counted again after `workRecountSeconds`.
    static let workCountSeconds = 10.0
    static let workRecountSeconds = 1.0

    public func lineFigures() -> LineFigures {
        let now = clock.now()
        var figures = LineFigures()
        figures.hotelName = prompts.hotel.text("name", in: prompts.hotel.primaryLanguage)
        let moment = local(now)
        figures.localTime = moment.date.description + " " + moment.time.description
        figures.guestsOnLine = sessions.count
        figures.waiting = queue.queueLength
        figures.longestWaitSeconds = max(0, queue.longestWait(now: queueTime) ?? 0)
        for state in queue.agents.values {
            switch state {
            case .available: figures.agents.available += 1
            case .onCall: figures.agents.onCall += 1
            case .offered: figures.agents.offered += 1
            case .wrapUp: figures.agents.wrapUp += 1
            case .away: figures.agents.away += 1
            }
        }
        figures.callsToday = callsToday
        figures.answerTargetSeconds = prompts.hotel.answerTargetSeconds
        figures.requestsEndedToday = counters.requestsEndedToday
        figures.answeredWithinTargetToday = counters.answeredWithinTargetToday
        figures.work = workCounts(now: now)
        figures.callsTotal = counters.calls
        figures.guestLinesReceivedTotal = counters.guestLinesReceived
        figures.guestTextsSentTotal = counters.guestTextsSent
        figures.queueRequestsTotal = counters.queueRequests
        figures.queueAnsweredTotal = counters.queueAnswered
        figures.queueAnsweredWithinTargetTotal = counters.queueAnsweredWithinTarget
        if let (statistics, syncTimes) = store.journalFigures {
            var journal = LineFigures.Journal()
            journal.commits = statistics.syncs
            journal.durableRecords = statistics.durableRecords
            journal.failedRecords = statistics.failedRecords
            journal.syncBuckets = Array(zip(JournalSyncTimes.bounds, syncTimes.cumulativeCounts)).map { (bound: $0.0, count: $0.1) }
            journal.syncCount = syncTimes.count
            journal.syncSumSeconds = syncTimes.sumSeconds
            figures.journal = journal
        }
        return figures
    }

    public func wallboardLabels(language: String?) -> (language: String, labels: [String: String]) {
        let code = language.flatMap { prompts.language($0)?.code } ?? prompts.hotel.primaryLanguage
        var labels = ["hotel.name": prompts.hotel.text("name", in: code)]
        for key in WallboardLabels.keys {
            if let words = prompts.staffText(key, language: code) { labels[key] = words }
        }
        return (code, labels)
    }

    /// Open and overdue items per list as last counted. The first count is made here, on
    /// the loop; later ones off it (`workCounter` captures the records as a value), a
    /// second after records came in, or `workCountSeconds` after the last, and the figures
    /// pick them up when they are in.
    private func workCounts(now: WallTime) -> [LineFigures.WorkListCount] {
        let records = store.recordCount
        let counted = { (counts: [(list: WorkList, open: Int, overdue: Int)]) in
            counts.map { LineFigures.WorkListCount(list: $0.list.rawValue, open: $0.open, overdue: $0.overdue) }
        }
        guard let cached = workCountsCache else {
            let counts = counted(store.workCounter(rules: workRules, now: now)())
            workCountsCache = (queueTime, records, counts)
            return counts
        }
        let age = queueTime - cached.at
        if age >= Self.workCountSeconds || (records != cached.records && age >= Self.workRecountSeconds), !countingWork, let work = offLoop {
            countingWork = true
            work.submit(store.workCounter(rules: workRules, now: now)) { [weak pager] counts in
                guard let self = pager?.center else { return }
                self.countingWork = false
                self.workCountsCache = (self.queueTime, records, counted(counts))
            }
        }
        return cached.counts
    }

    /// A guest's request for a person is over (see `LineCounters.requestEnded`): counted
    /// once, from the moment they were queued.
    func requestEnded(_ session: GuestSession, putThrough: Bool) {
        guard let since = session.waitingSince else { return }
        session.waitingSince = nil
        counters.requestEnded(putThrough: putThrough, afterSeconds: queueTime - since, targetSeconds: prompts.hotel.answerTargetSeconds)
    }
}
