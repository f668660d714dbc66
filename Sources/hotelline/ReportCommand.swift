import Glibc
import HotelCalendar
import Dialogue
import Storage
import Switchboard
import Reports

/// `hotelline report --data DIR [--from DAY --to DAY] [--by day|week|month]
/// [--format text|csv|json] [--svg FILE]`: the service's measures (DOMAIN.md) for every period
/// of a range, each with its change from the period before. Safe while the server runs: it
/// reads the journal as `export` does and writes nothing but the SVG file it is asked for.
enum ReportCommand {
    enum Format: String, CaseIterable { case text, csv, json }

    /// Periods a report may have at most: past it, a coarser grouping says more.
    static let maxPeriods = 1000

    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["data", "from", "to", "by", "format", "svg", "prompts", "clock"], switches: ["help"])
        if reader.flags.contains("help") {
            print(Usage.report)
            return 0
        }
        guard reader.positional.isEmpty else { throw UsageError(description: "report takes options only, not \"\(reader.positional[0])\"") }
        let grouping: ReportGrouping = try choice(reader, "by", default: .day)
        let format: Format = try choice(reader, "format", default: .text)
        let asked = (from: try day(reader, "from"), to: try day(reader, "to"))
        if let from = asked.from, let to = asked.to, from > to {
            throw UsageError(description: "--from \(from) is after --to \(to): the range runs backwards (give the earlier day first)")
        }
        if reader.options["svg"]?.isEmpty == true { throw UsageError(description: "--svg needs a file name") }
        let start = try reader.clock()
        let directory = try reader.directory("data", default: "data")
        let promptsDirectory = try reader.directory("prompts", default: "Prompts")
        let hotel: HotelProfile
        switch PromptSet.load(directory: promptsDirectory) {
        case .success(let prompts): hotel = prompts.hotel
        case .failure(let errors):
            Console.error("hotelline report: the report reads hotel.conf (the hotel's clock, departments and answer target), "
                          + "but the prompts in \(promptsDirectory) have errors (give --prompts DIR):\n\(errors)")
            return 1
        }
        let now = start.map { hotel.timeZone.wallTime(of: $0) } ?? WallClock.system.now()
        let readAt = hotel.timeZone.localMoment(at: now)
        let to = asked.to ?? readAt.date
        let from = asked.from ?? defaultStart(to: to, by: grouping)
        if from > to {
            throw UsageError(description: "--from \(from) is after today (\(to), on the hotel's clock): the range runs backwards (give --to too)")
        }
        let periods = ReportPeriod.count(from: from, to: to, by: grouping)
        guard periods <= maxPeriods else {
            throw UsageError(description: "\(from) to \(to) is \(periods) \(grouping)s, more than \(maxPeriods): "
                             + "report by \(grouping == .day ? "week or month" : "month"), or a shorter range")
        }
        var journal = stat()
        guard stat(HotelStore.journalDirectory(directory), &journal) == 0, journal.st_mode & S_IFMT == S_IFDIR else {
            Console.error("hotelline report: no records in \(directory): it has no journal/ (is --data the directory the server was given?)")
            return 1
        }
        let store: HotelStore
        do {
            store = try HotelStore.readOnly(dataDirectory: directory)
        } catch {
            Console.error("hotelline report: \(error)")
            return 1
        }
        let activity = ServiceActivity(store: store, rules: WorkRules(hotel), now: now)
        let report = ServiceReport(activity: activity, from: from, to: to, by: grouping, settings: settings(hotel), readAt: readAt)
        if report.isEmpty {
            let range = "\(report.periods.first!.first) to \(report.periods.last!.last)"
            let held = activity.span.map { "the records run from \($0.lowerBound) to \($0.upperBound)" } ?? "the journal holds no records yet"
            Console.error("hotelline report: nothing happened from \(range) in \(directory) (\(held)); give --from and --to around them")
            return 1
        }
        switch format {
        case .text: Console.write(ReportText.render(report))
        case .csv: Console.write(ReportRows.csv(report))
        case .json: Console.write(ReportRows.jsonLines(report))
        }
        if let path = reader.options["svg"], let problem = write(ReportSVG.render(report), to: path) {
            Console.error("hotelline report: the SVG report was not written to \(path): \(problem)")
            return 1
        }
        return 0
    }

    /// What a report knows of the hotel: its name, answer target and departments.
    static func settings(_ hotel: HotelProfile) -> ReportSettings {
        let departments = hotel.departments.map { ReportSettings.Department(code: $0.code, name: $0.name, categories: $0.categories) }
        return ReportSettings(hotelName: hotel.text("name", in: hotel.primaryLanguage), answerTargetSeconds: hotel.answerTargetSeconds,
                              departments: departments, categories: departments.flatMap(\.categories))
    }

    /// Without --from: a week of days, four weeks or three months, to --to.
    static func defaultStart(to: CivilDate, by grouping: ReportGrouping) -> CivilDate {
        switch grouping {
        case .day: return to.adding(days: -6)
        case .week: return to.adding(days: -21)
        case .month:
            var period = ReportPeriod(containing: to, by: .month)
            for _ in 0..<2 { period = period.previous }
            return period.first
        }
    }

    private static func day(_ reader: ArgumentReader, _ name: String) throws(UsageError) -> CivilDate? {
        guard let text = reader.options[name] else { return nil }
        guard let day = CivilDate(iso: text) else {
            throw UsageError(description: "--\(name) must be a day like 2027-03-01, not \"\(text)\"")
        }
        return day
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(_ reader: ArgumentReader, _ name: String,
                                                                         default value: Choice) throws(UsageError) -> Choice
    where Choice.RawValue == String {
        guard let text = reader.options[name] else { return value }
        guard let choice = Choice(rawValue: text) else {
            let names = Choice.allCases.map(\.rawValue)
            throw UsageError(description: "unknown --\(name) \"\(text)\"" + Spelling.hint(for: text, among: names)
                             + ": use " + names.dropLast().joined(separator: ", ") + " or " + names.last!)
        }
        return choice
    }

    /// Writes `text` to `path` whole (a temporary file beside it, then renamed), readable by
    /// anyone who can open the folder: a report holds figures, never a guest's details.
    private static func write(_ text: String, to path: String) -> String? {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let problem = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                return problem
            }
            written += count
        }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(temporary)
            return problem
        }
        return nil
    }
}
