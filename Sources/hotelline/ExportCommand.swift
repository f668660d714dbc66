import Glibc
import HotelCalendar
import Dialogue
import Storage
import Switchboard

/// `hotelline export --data DIR --kind KIND [--format csv|json] [--mask]`: the hotel's records for
/// other systems, on stdout. Safe while the server runs: it reads a consistent view of the
/// journal and never locks, cuts or writes anything but its
/// line in the audit log, which it writes first: an export that cannot be logged does not happen.
enum ExportCommand {
    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["data", "kind", "format", "clock", "prompts"], switches: ["help", "mask"])
        if reader.flags.contains("help") {
            print(Usage.export)
            return 0
        }
        guard reader.positional.isEmpty else { throw UsageError(description: "export takes options only, not \"\(reader.positional[0])\"") }
        let kinds = ExportKind.allCases.map(\.rawValue)
        guard let kindName = reader.options["kind"] else {
            throw UsageError(description: "export needs --kind (\(kinds.joined(separator: ", ")))")
        }
        guard let kind = ExportKind(rawValue: kindName) else {
            throw UsageError(description: "unknown --kind \"\(kindName)\"" + hint(kindName, kinds) + "; kinds are " + kinds.joined(separator: ", "))
        }
        let formatName = reader.options["format"] ?? "csv"
        guard let format = ExportFormat(rawValue: formatName) else {
            throw UsageError(description: "unknown --format \"\(formatName)\": use csv or json")
        }
        let directory = try reader.directory("data", default: "data")
        // The clock is the audit log's stamp and the moment the work lists are read at
        // (what is due, what is overdue, which arrivals are near): --clock sets it, on the
        // hotel's clock. The lists' rules and time zone are hotel.conf's.
        var stamp = AuditLog.now()
        var rules = WorkRules(zone: HotelTimeZone("UTC")!)
        // Guests are segmented by hotel.conf's thresholds: --prompts', or the default
        // directory's if it loads, else the defaults (1000 and 5000).
        var segments = GuestSegment.Thresholds()
        let start = try reader.clock()
        let needsPrompts = start != nil || reader.options["prompts"] != nil || kind.readsWorkLists
        if needsPrompts {
            let promptsDirectory = try reader.directory("prompts", default: "Prompts")
            switch PromptSet.load(directory: promptsDirectory) {
            case .success(let prompts):
                rules = WorkRules(prompts.hotel)
                segments = GuestSegment.Thresholds(medium: prompts.hotel.segmentMedium, large: prompts.hotel.segmentLarge)
                if let start { stamp = prompts.hotel.timeZone.wallTime(of: start).millisecondsSince1970 }
            case .failure(let errors):
                let what = start != nil ? "--clock needs the hotel's time zone" : "--kind \(kind.rawValue) reads the work lists by hotel.conf's time zone and rules"
                Console.error("hotelline export: \(what), but the prompts in \(promptsDirectory) have errors (give --prompts DIR):\n\(errors)")
                return 1
            }
        }
        if !needsPrompts, kind == .guests, case .success(let prompts) = PromptSet.load(directory: "Prompts") {
            segments = GuestSegment.Thresholds(medium: prompts.hotel.segmentMedium, large: prompts.hotel.segmentLarge)
        }
        guard let store = RecordsOnDisk.read(directory, for: "export") else { return 1 }
        // Logged first: an export that cannot be logged must not happen.
        let user = getenv("USER").map { String(cString: $0) } ?? "uid \(getuid())"
        let masked = reader.flags.contains("mask")
        if let problem = AuditLog.append(AuditLog.line("export", ["kind": .text(kind.rawValue), "format": .text(format.rawValue),
                                                                  "masked": .text(masked ? "yes" : "no"), "user": .text(user)],
                                                       at: stamp), dataDirectory: directory) {
            Console.error("hotelline export: nothing exported, because the export could not be logged: \(problem); "
                          + "make the audit log writable (or free the disk) and run the export again")
            return 1
        }
        var buffer = ""
        let view = WorkView(rules: rules, now: WallTime(millisecondsSince1970: stamp), segments: segments)
        RecordExporter.export(kind, as: format, from: store, work: view, masked: masked) { line in
            buffer += line
            if buffer.utf8.count > 64 * 1024 {
                Console.write(buffer)
                buffer = ""
            }
        }
        Console.write(buffer)
        return 0
    }

    private static func hint(_ word: String, _ candidates: [String]) -> String {
        Spelling.hint(for: word, among: candidates)
    }
}
