import Glibc
import HotelCalendar
import Dialogue
import Storage
import Switchboard

/// `hotelline plan --period 2027-01|2027-Q1|2027 [--kind business,vip] [--format text|csv|json]`:
/// the revisit plan for a period and kinds of guest (DOMAIN.md), from the departures and
/// complaints on record, and its completion per kind. Reads the journal as `export` does
/// (a consistent view, never locking, cutting or writing it), safely beside a running
/// server; like an export it names stays and guest files, so its line goes to the audit log
/// first, and a plan that cannot be logged is not shown.
enum PlanCommand {
    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["data", "period", "kind", "format", "clock", "prompts"], switches: ["help"])
        if reader.flags.contains("help") {
            print(Usage.plan)
            return 0
        }
        guard reader.positional.isEmpty else { throw UsageError(description: "plan takes options only, not \"\(reader.positional[0])\"") }
        guard let periodText = reader.options["period"] else {
            throw UsageError(description: "plan needs --period: " + PlanPeriodProblem.forms)
        }
        let period: PlanPeriod
        do {
            period = try PlanPeriod(periodText)
        } catch .empty {
            throw UsageError(description: "--period needs a value: " + PlanPeriodProblem.forms)
        } catch {
            throw UsageError(description: "--period \(error)")
        }
        let kinds = try self.kinds(reader.options["kind"])
        let formatName = reader.options["format"] ?? "text"
        guard let format = PlanFormat(rawValue: formatName) else {
            throw UsageError(description: "unknown --format \"\(formatName)\"" + Spelling.hint(for: formatName, among: PlanFormat.allCases.map(\.rawValue))
                + ": use text, csv or json")
        }
        let directory = try reader.directory("data", default: "data")
        let promptsDirectory = try reader.directory("prompts", default: "Prompts")
        let start = try reader.clock()
        guard RecordsOnDisk.hasJournal(directory, for: "plan") else { return 1 }
        // The hotel's clock and calendar are hotel.conf's: they say which day a departure
        // falls on and when a revisit's day is over.
        let rules: WorkRules
        switch PromptSet.load(directory: promptsDirectory) {
        case .success(let prompts): rules = WorkRules(prompts.hotel)
        case .failure(let errors):
            Console.error("hotelline plan: the plan reads the days by hotel.conf's time zone, but the prompts in \(promptsDirectory) "
                + "have errors (give --prompts DIR):\n\(errors)")
            return 1
        }
        guard let store = RecordsOnDisk.read(directory, for: "plan") else { return 1 }
        let now = start.map { rules.zone.wallTime(of: $0) } ?? WallTime(millisecondsSince1970: AuditLog.now())
        let user = getenv("USER").map { String(cString: $0) } ?? "uid \(getuid())"
        let kindNames = kinds.isEmpty ? "all" : GuestKind.allCases.filter(kinds.contains).map(\.description).joined(separator: ",")
        if let problem = AuditLog.append(AuditLog.line("plan", ["period": .text(period.description), "kinds": .text(kindNames),
                                                                "format": .text(format.rawValue), "user": .text(user)],
                                                       at: now.millisecondsSince1970), dataDirectory: directory) {
            Console.error("hotelline plan: no plan shown, because it could not be logged: \(problem); "
                + "make the audit log writable (or free the disk) and run it again")
            return 1
        }
        let plan = RevisitPlan(period: period, kinds: kinds, store: store, rules: rules, now: now)
        Console.write(PlanPrinter.text(of: plan, as: format, zone: rules.zone))
        return 0
    }

    /// `business,vip` → those kinds (any case, spaces around names ignored); nil → every kind.
    static func kinds(_ text: String?) throws(UsageError) -> Set<GuestKind> {
        guard let text else { return [] }
        let names = GuestKind.allCases.map(\.description)
        let list = names.joined(separator: ", ")
        var kinds: Set<GuestKind> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let word = part.filter { $0 != " " }
            guard !word.isEmpty else { throw UsageError(description: "--kind \"\(text)\" has an empty name; kinds are \(list), separated by commas") }
            guard let kind = GuestKind(word: word) else {
                throw UsageError(description: "unknown --kind \"\(word)\"" + Spelling.hint(for: word.lowercased(), among: names) + "; kinds are \(list)")
            }
            kinds.insert(kind)
        }
        return kinds
    }
}

/// How `hotelline plan --format` writes the plan.
enum PlanFormat: String, CaseIterable {
    /// For a person: the figures per kind, then each revisit.
    case text
    /// The figures: one row per kind, then the total (RFC 4180, a header row).
    case csv
    /// Everything, as one JSON object on one line.
    case json
}
