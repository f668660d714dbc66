import HotelCalendar
import Storage

/// Writes a revisit plan for `hotelline plan`: as text for a person, or its figures as CSV,
/// or the whole plan as JSON. Completion is done ÷ planned, and "—" (CSV: empty, JSON:
/// null) when nothing is planned.
enum PlanPrinter {
    static func text(of plan: RevisitPlan, as format: PlanFormat, zone: HotelTimeZone) -> String {
        switch format {
        case .text: return text(plan, zone: zone)
        case .csv: return csv(plan)
        case .json: return json(plan, zone: zone)
        }
    }

    /// The figures of each kind the plan covers, then the whole plan's, labelled `total`.
    private static func rows(_ plan: RevisitPlan) -> [(label: String, tally: PlanTally)] {
        plan.kinds.map { ($0.description, plan.tally(of: $0)) } + [("total", plan.tally)]
    }

    private static let figures = ["planned", "done", "surveyed", "declined", "open", "overdue"]

    private static func numbers(_ tally: PlanTally) -> [Int] {
        [tally.planned, tally.done, tally.surveyed, tally.declined, tally.open, tally.overdue]
    }

    // MARK: Text

    private static func text(_ plan: RevisitPlan, zone: HotelTimeZone) -> String {
        let period = plan.period
        var out = "Revisit plan \(period) (\(period.first) to \(period.last)), at \(zone.localMoment(at: plan.now).iso) (\(zone.name))\n"
        out += "Kinds: " + plan.kinds.map(\.description).joined(separator: ", ") + "\n\n"
        let header = ["kind"] + figures + ["completion"]
        let table = [header] + rows(plan).map { row in [row.label] + numbers(row.tally).map(String.init) + [percent(row.tally)] }
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        for line in table {
            let cells = line.indices.map { column in
                let cell = line[column], pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        for kind in plan.kinds {
            let revisits = plan.revisits.filter { $0.kind == kind }
            guard !revisits.isEmpty else { continue }
            out += "\n\(kind)\n"
            let idWidth = revisits.map(\.id.description.count).max() ?? 0
            for revisit in revisits {
                let id = revisit.id.description, status = plan.status(of: revisit).description
                var line = "  \(revisit.day)  " + id + String(repeating: " ", count: idWidth - id.count)
                    + "  " + status + String(repeating: " ", count: 8 - status.count)
                line += "  file " + (revisit.file?.description ?? "none")
                if case .surveyed(let survey?) = revisit.outcome { line += "  survey \(survey)" }
                if !revisit.isOnList { line += "  (the complaint is not resolved yet)" }
                out += line + "\n"
            }
        }
        out += "\nDone is surveyed or declined (a guest who declines has had their revisit). Each revisit\n"
            + "counts under its guest file's kind as the records hold it now, in the period of its due day.\n"
        return out
    }

    /// `66.7%`, `100.0%`, or `—` with nothing planned.
    private static func percent(_ tally: PlanTally) -> String {
        guard let perMille = tally.completion(per: 1000) else { return "—" }
        return "\(perMille / 10).\(perMille % 10)%"
    }

    /// `0.6667`, `1.0000`, or nil with nothing planned.
    private static func fraction(_ tally: PlanTally) -> String? {
        guard let parts = tally.completion(per: 10_000) else { return nil }
        let decimals = String(parts % 10_000)
        return "\(parts / 10_000)." + String(repeating: "0", count: 4 - decimals.count) + decimals
    }

    // MARK: CSV

    private static func csv(_ plan: RevisitPlan) -> String {
        let period = plan.period
        var out = (["period", "from", "to", "kind"] + figures + ["completion"]).joined(separator: ",") + "\r\n"
        for row in rows(plan) {
            let cells = ["\(period)", "\(period.first)", "\(period.last)", row.label] + numbers(row.tally).map(String.init)
                + [fraction(row.tally) ?? ""]
            out += cells.joined(separator: ",") + "\r\n"
        }
        return out
    }

    // MARK: JSON

    private static func json(_ plan: RevisitPlan, zone: HotelTimeZone) -> String {
        let period = plan.period
        func string(_ text: String) -> String { "\"" + text + "\"" }  // ASCII names, dates and numbers only
        func figures(_ tally: PlanTally) -> String {
            zip(Self.figures, numbers(tally)).map { "\(string($0)):\($1)" }.joined(separator: ",")
                + ",\"completion\":" + (fraction(tally) ?? "null")
        }
        var fields = ["\"period\":" + string(period.description), "\"from\":" + string(period.first.description),
                      "\"to\":" + string(period.last.description), "\"at\":" + string(zone.localMoment(at: plan.now).iso),
                      "\"time_zone\":" + string(zone.name), "\"kinds\":[" + plan.kinds.map { string($0.description) }.joined(separator: ",") + "]",
                      "\"declined_is_done\":true", figures(plan.tally)]
        fields.append("\"by_kind\":{" + plan.kinds.map { string($0.description) + ":{" + figures(plan.tally(of: $0)) + "}" }.joined(separator: ",") + "}")
        let revisits = plan.revisits.map { revisit -> String in
            var survey = "null"
            if case .surveyed(let number?) = revisit.outcome { survey = string(number.description) }
            return "{\"item\":" + string(revisit.id.description) + ",\"kind\":" + string(revisit.kind.description)
                + ",\"guest_file\":" + (revisit.file.map { string($0.description) } ?? "null") + ",\"due\":" + string(revisit.day.description)
                + ",\"status\":" + string(plan.status(of: revisit).description) + ",\"survey\":" + survey
                + ",\"on_list\":" + (revisit.isOnList ? "true" : "false") + "}"
        }
        fields.append("\"revisits\":[" + revisits.joined(separator: ",") + "]")
        return "{" + fields.joined(separator: ",") + "}\n"
    }
}
