import HotelCalendar

/// The report's figures counted again by hand from `hotelline export`'s CSV, the way a
/// manager's spreadsheet would: no code of the report is used. Each fact is put on its
/// local day (UTC + `offsetHours`) and counted in the period whose first day `periodStart`
/// gives; every figure of a period is a named number (nil where a share has nothing to
/// divide by), named as the report's CSV names it.
struct ExportOracle {
    typealias Row = [String: String]

    let offsetHours: Int
    let answerTargetMilliseconds: Int
    /// Categories per department code.
    let departments: [String: [String]]
    let now: Int  // seconds since 1970
    /// A period's first day for a local day.
    let periodStart: (CivilDate) -> CivilDate
    /// Each period's facts, by its first day.
    private(set) var periods: [CivilDate: Facts] = [:]

    /// What one period holds.
    struct Facts {
        var callMilliseconds: [Int] = []
        var requests = 0
        var putThrough: [Int] = []
        var booked = 0, changed = 0, cancelled = 0, callbacks = 0, surveys = 0
        var complaints: [(category: String, resolved: Bool, onTime: Bool?)] = []
        var ratings: [String: [Int]] = [:]
        var stayAgain: [Bool] = [], recommend: [Bool] = []
        var revisits: [(kind: String, done: Bool)] = []
    }

    init(exports: [String: [Row]], offsetHours: Int, answerTargetSeconds: Int, departments: [String: [String]], now: Int,
         periodStart: @escaping (CivilDate) -> CivilDate) {
        self.offsetHours = offsetHours
        self.answerTargetMilliseconds = answerTargetSeconds * 1000
        self.departments = departments
        self.now = now
        self.periodStart = periodStart
        for call in exports["calls"]! {
            let waits = call["waits"]!.split(separator: " ").map { $0.split(separator: ":").map(String.init) }
            add(call["started_at"]!) { facts in
                facts.callMilliseconds.append(Int(call["duration_ms"]!)!)
                facts.requests += waits.count
                facts.putThrough += waits.filter { $0[1] == "put-through" }.map { Int($0[0])! }
            }
        }
        for step in exports["history"]! {
            add(step["created_at"]!) { facts in
                switch step["event"]! {
                case "booked": facts.booked += 1
                case "changed": facts.changed += 1
                case "cancelled": facts.cancelled += 1
                default: break
                }
            }
        }
        for callback in exports["callbacks"]! { add(callback["created_at"]!) { $0.callbacks += 1 } }
        for complaint in exports["complaints"]! {
            let onTime = handledOnTime(complaint)
            add(complaint["created_at"]!) { facts in
                facts.complaints.append((complaint["category"]!, ["resolved", "signed-off", "revisited", "closed"].contains(complaint["status"]!), onTime))
            }
        }
        for survey in exports["surveys"]! {
            add(survey["created_at"]!) { facts in
                facts.surveys += 1
                guard survey["declined"] == "no" else { return }
                for dimension in ["front_desk", "housekeeping", "food", "security", "room", "facilities", "environment"] {
                    if let rating = Int(survey[dimension]!) { facts.ratings[dimension, default: []].append(rating) }
                }
                if survey["stay_again"] != "" { facts.stayAgain.append(survey["stay_again"] == "yes") }
                if survey["recommend"] != "" { facts.recommend.append(survey["recommend"] == "yes") }
            }
        }
        addRevisits(exports)
    }

    /// Every complaint's revisit on the day promised (done when the list shows it surveyed
    /// or declined), and every departed stay's on its due day; each under its guest's kind.
    private mutating func addRevisits(_ exports: [String: [Row]]) {
        var kindOfFile: [String: String] = [:], kindOfTicket: [String: String] = [:]
        for file in exports["guests"]! {
            kindOfFile[file["guest_file"]!] = file["kind"]!
            for ticket in file["complaints"]!.split(separator: " ") { kindOfTicket[String(ticket)] = file["kind"]! }
        }
        var fileOfBooking: [String: String] = [:]
        for booking in exports["reservations"]! { fileOfBooking[booking["confirmation"]!] = booking["guest_file"]! }
        var revisitStage: [String: Row] = [:]
        for item in exports["revisits"]! { revisitStage[item["item"]!] = item }
        let done = { (item: Row?) in item.map { ["surveyed", "declined"].contains($0["stage"]!) } ?? false }
        for complaint in exports["complaints"]! {
            let ticket = complaint["ticket"]!
            let day = CivilDate(iso: complaint["follow_up_by"]!)!
            record(on: day) { $0.revisits.append((kindOfTicket[ticket] ?? "individual", done(revisitStage["V-" + ticket]))) }
        }
        for (name, item) in revisitStage where name.hasPrefix("V-R") {
            // Due at the end of its day: the local day before the midnight it is due at.
            let day = localDay(item["due"]!).adding(days: -1)
            let kind = kindOfFile[fileOfBooking[String(name.dropFirst(2))]!]!
            record(on: day) { $0.revisits.append((kind, done(item))) }
        }
    }

    /// On time, late, or neither yet (nil), by the complaint's history and its two due times.
    private func handledOnTime(_ complaint: Row) -> Bool? {
        let received = localDay(complaint["created_at"]!)
        let lookBy = midnightAfter(received), answerBy = midnightAfter(CivilDate(iso: complaint["follow_up_by"]!)!)
        var looked: Int?, resolved: Int?
        for step in complaint["history"]!.components(separatedBy: " | ") where !step.isEmpty {
            let words = step.split(separator: " ")
            let at = Self.seconds(String(words[0]))
            if words[2].hasPrefix("investigating"), looked == nil { looked = at }
            if words[2].hasPrefix("resolved"), resolved == nil { resolved = at }
        }
        if let looked, looked < lookBy, let resolved, resolved < answerBy { return true }
        let late = (looked.map { $0 >= lookBy } ?? (now >= lookBy)) || (resolved.map { $0 >= answerBy } ?? (now >= answerBy))
        return late ? false : nil
    }

    private mutating func add(_ timestamp: String, _ change: (inout Facts) -> Void) {
        record(on: localDay(timestamp), change)
    }

    private mutating func record(on day: CivilDate, _ change: (inout Facts) -> Void) {
        change(&periods[periodStart(day), default: Facts()])
    }

    /// `2027-03-01T09:00:00Z` → seconds since 1970.
    static func seconds(_ timestamp: String) -> Int {
        let day = CivilDate(iso: String(timestamp.prefix(10)))!
        let clock = timestamp.dropFirst(11).prefix(8).split(separator: ":").map { Int($0)! }
        return day.dayNumber * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
    }

    func localDay(_ timestamp: String) -> CivilDate {
        let local = Self.seconds(timestamp) + offsetHours * 3600
        return CivilDate(dayNumber: Int((Double(local) / 86_400).rounded(.down)))
    }

    /// The first second of the local day after `day`, in seconds since 1970.
    func midnightAfter(_ day: CivilDate) -> Int { day.adding(days: 1).dayNumber * 86_400 - offsetHours * 3600 }

    // MARK: The figures

    /// Every figure of the period starting `first`, as the report's CSV names them.
    func figures(_ first: CivilDate) -> [String: Double?] {
        let f = periods[first] ?? Facts()
        func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
        func average(_ values: [Int]) -> Double? { values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count) }
        func rank(_ percent: Int, _ values: [Int]) -> Double? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            var rank = 1
            while rank * 100 < percent * values.count { rank += 1 }
            return Double(sorted[rank - 1]) / 1000
        }
        let calls = f.callMilliseconds.count, complaints = f.complaints.count
        let inTarget = f.putThrough.filter { $0 <= answerTargetMilliseconds }.count
        let resolved = f.complaints.filter(\.resolved).count
        let onTime = f.complaints.filter { $0.onTime == true }.count, late = f.complaints.filter { $0.onTime == false }.count
        let ratings = f.ratings.values.flatMap { $0 }
        var figures: [String: Double?] = [
            "calls": Double(calls), "average_call_seconds": average(f.callMilliseconds).map { $0 / 1000 },
            "person_requests": Double(f.requests), "put_through": Double(f.putThrough.count), "answered_in_target": Double(inTarget),
            "answered_in_target_share": share(inTarget, f.requests), "wait_median_seconds": rank(50, f.putThrough),
            "wait_p90_seconds": rank(90, f.putThrough),
            "bookings": Double(f.booked), "booking_changes": Double(f.changed), "cancellations": Double(f.cancelled),
            "complaints": Double(complaints), "callbacks": Double(f.callbacks), "surveys": Double(f.surveys),
            "business_handled": Double(f.booked + f.changed + f.cancelled + complaints + f.callbacks + f.surveys),
            "complaint_rate": share(complaints, calls), "complaints_resolved": Double(resolved), "resolution_rate": share(resolved, complaints),
            "complaints_on_time": Double(onTime), "complaints_late": Double(late), "complaint_timeliness": share(onTime, onTime + late),
            "ratings": Double(ratings.count), "satisfaction": average(ratings),
            "would_return_answers": Double(f.stayAgain.count), "would_return": share(f.stayAgain.filter { $0 }.count, f.stayAgain.count),
            "would_recommend_answers": Double(f.recommend.count),
            "would_recommend": share(f.recommend.filter { $0 }.count, f.recommend.count),
            "revisits_planned": Double(f.revisits.count), "revisits_done": Double(f.revisits.filter(\.done).count),
            "revisit_completion": share(f.revisits.filter(\.done).count, f.revisits.count),
        ]
        for category in Set(departments.values.flatMap { $0 }) {
            figures["complaints_category_" + category] = Double(f.complaints.filter { $0.category == category }.count)
        }
        for (code, categories) in departments {
            figures["complaints_department_" + code] = Double(f.complaints.filter { categories.contains($0.category) }.count)
        }
        for dimension in ["front_desk", "housekeeping", "food", "security", "room", "facilities", "environment"] {
            figures["ratings_" + dimension] = Double(f.ratings[dimension]?.count ?? 0)
            figures["satisfaction_" + dimension] = average(f.ratings[dimension] ?? [])
        }
        for kind in ["individual", "business", "group", "vip"] {
            let of = f.revisits.filter { $0.kind == kind }
            figures["revisits_planned_" + kind] = Double(of.count)
            figures["revisits_done_" + kind] = Double(of.filter(\.done).count)
            figures["revisit_completion_" + kind] = share(of.filter(\.done).count, of.count)
        }
        return figures
    }

    /// RFC 4180 as `export` writes it: a header row, CR LF line ends, quoted fields with
    /// doubled quotes. Rows as dictionaries by the header's names.
    static func parseCSV(_ text: String) -> [Row] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = text.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    guard let next = characters.next() else { quoted = false; break }
                    if next == "\"" { field.append("\"") } else {
                        quoted = false
                        if next == "," { row.append(field); field = "" } else if next == "\r\n" { row.append(field); rows.append(row); row = []; field = "" }
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(character)
            }
        }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
