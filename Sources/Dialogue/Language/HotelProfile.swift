import HotelCalendar

/// The hotel the line answers for, read from `Prompts/hotel.conf`: a hotel edits this file
/// (name, greeting, rooms and rates, policies, hours) and reloads without rebuilding.
///
/// Texts a guest hears (`name`, `greeting`, `cancellation`, a room's `name` and
/// `facilities`) are given in the first language of `languages` and translated as
/// `name[zh-Hant] = …`; the linter fails when a listed language lacks one.
public struct HotelProfile: Sendable {
    /// A room type the hotel sells.
    public struct RoomType: Sendable, Equatable {
        /// The short code records keep (`deluxe`); never shown to guests.
        public var code: String
        public var rate: Int
        public var count: Int
        public var sizeSquareMetres: Int
        var names: [String: String]
        var facilities: [String: String]

        public func name(in language: String) -> String { names[language] ?? names.values.first ?? code }
        public func facilities(in language: String) -> String { facilities[language] ?? facilities.values.first ?? "" }
    }

    public var languages: [String]
    /// `UTC`, `+08:00`, or an IANA zone such as `Europe/Madrid`: checked when the prompts
    /// load, so `check` and `serve` refuse the same names.
    public var timeZone: HotelTimeZone
    public var checkIn: TimeOfDay
    public var checkOut: TimeOfDay
    public var callbackOpens: TimeOfDay
    public var callbackCloses: TimeOfDay
    /// How long the window is that a callback guest is promised (minutes).
    public var callbackWindowMinutes: Int
    public var currency: String
    public var dateOrder: DateOrder
    public var maxRooms: Int
    public var maxNights: Int
    public var bookingHorizonDays: Int
    /// Columns the line's texts are wrapped to (0: never wrap).
    public var lineWidth: Int
    /// The cancellation policy the line computes fees with (`free-cancellation-hours`,
    /// `late-fee`, `no-show-fee`, `date-changes`), on the hotel's check-in time and zone.
    /// The `cancellation` text tells guests the same in words.
    public var policy: BookingPolicy
    public var rooms: [RoomType]
    /// Who answers for what (`[department CODE]`): empty when the file names none.
    public var departments: [Department]
    /// Minutes before an unanswered callback is tried again (`callback-retry`).
    public var callbackRetryMinutes: Int
    /// Calls tried before an unanswered callback is closed as unreachable (`callback-tries`).
    public var callbackTries: Int
    /// Rooms in one booking from which it opens the guest's file as a group's (`group-rooms`).
    public var groupRooms = 4
    /// Spending on departed stays from which a guest is in the medium segment (`segment-medium`).
    public var segmentMedium = 1000
    /// … and in the large one (`segment-large`), above `segmentMedium`.
    public var segmentLarge = 5000
    /// Seconds within which a guest who asks for a person should be put through to one
    /// (`answer-target`): "answered in time" on the wallboard and in `hotelline report`.
    public var answerTargetSeconds = 20
    /// Days ahead a guest's birthday comes on the birthdays list, for a card (`birthday-days`;
    /// 0: on the day only).
    public var birthdayDays = 7
    var texts: [String: [String: String]]
    var textLocations: [String: SourceLocation]

    public var primaryLanguage: String { languages.first ?? "en" }

    /// A translatable hotel text (`name`, `greeting`, `cancellation`) in `language`.
    public func text(_ field: String, in language: String) -> String {
        texts[field]?[language] ?? texts[field]?[primaryLanguage] ?? ""
    }

    public func room(code: String) -> RoomType? { rooms.first { $0.code == code } }

    /// The department a complaint category goes to.
    public func department(ofCategory category: String) -> Department? { departments.first { $0.categories.contains(category) } }

    /// The department a survey topic (`food`, `suggestions`) goes to.
    public func department(ofTopic topic: String) -> Department? { departments.first { $0.topics.contains(topic) } }

    public func department(code: String) -> Department? { departments.first { $0.code == code } }

    /// A part of the hotel that answers for complaints and opinions: staff read its name,
    /// its head signs off its complaints and hears of those not looked into on their day.
    public struct Department: Sendable, Equatable {
        /// The code staff type (`housekeeping`).
        public var code: String
        public var name: String
        /// The head's agent ID.
        public var head: String
        /// Complaint categories that go to it, as the complaint flow stores them.
        public var categories: [String]
        /// Survey topics (rating dimensions, `suggestions`) that go to it.
        public var topics: [String]
        var location: SourceLocation
    }

    static let translatableHotelFields = ["name", "greeting", "cancellation"]
    static let translatableRoomFields = ["name", "facilities"]
}

extension HotelProfile {
    /// Reads `hotel.conf`; every problem comes back as a diagnostic with its line.
    public static func parse(_ source: String, fileName: String) -> (HotelProfile?, [PromptDiagnostic]) {
        var (sections, diagnostics) = SettingsReader.read(source, fileName: fileName)
        var reader = ProfileReader(fileName: fileName)
        let profile = reader.read(sections)
        diagnostics += reader.diagnostics
        return (diagnostics.contains { $0.severity == .error } ? nil : profile, diagnostics)
    }
}

/// The field-by-field reading of `hotel.conf`, collecting problems instead of stopping.
private struct ProfileReader {
    let fileName: String
    var diagnostics: [PromptDiagnostic] = []

    init(fileName: String) { self.fileName = fileName }

    mutating func read(_ sections: [SettingsReader.Section]) -> HotelProfile? {
        for section in sections where section.header.isEmpty {
            for entry in section.entries {
                diagnostics.append(.error(entry.location, "\"\(entry.key)\" must be inside [hotel] or a [room CODE] section"))
            }
        }
        let hotelSections = sections.filter { $0.header == ["hotel"] }
        guard let hotel = hotelSections.first else {
            diagnostics.append(.error(SourceLocation(file: fileName, line: 1), "missing the [hotel] section"))
            return nil
        }
        let languages = (hotel.entry("languages")?.value ?? "en").split(separator: ",").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
        if let entry = hotel.entry("languages") {
            // Without a language there is nothing to speak: a call would fail at its first word.
            if languages.isEmpty {
                diagnostics.append(.error(entry.location, "languages must name at least one language, like \"en\""))
            } else if Set(languages).count < languages.count {
                diagnostics.append(.error(entry.location, "languages names a language twice: \"\(entry.value)\""))
            }
            for tag in languages where !LanguageCode.isValid(tag) {
                let canonical = LanguageCode.canonical(tag)
                let fix = LanguageCode.isValid(canonical) ? " (did you mean \"\(canonical)\"?)"
                    : "; write a BCP 47 tag such as en, es, zh-Hant or zh-Hans" + Spelling.hint(for: tag.replacingOccurrences(of: "_", with: "-"), among: ["zh-Hant", "zh-Hans"])
                diagnostics.append(.error(entry.location, "\"\(tag)\" is not a language tag" + fix))
            }
        }
        var profile = HotelProfile(
            languages: languages, timeZone: timeZone(hotel),
            checkIn: time(hotel, "check-in", default: TimeOfDay(hour: 15, minute: 0)!),
            checkOut: time(hotel, "check-out", default: TimeOfDay(hour: 11, minute: 0)!),
            callbackOpens: TimeOfDay(hour: 8, minute: 0)!, callbackCloses: TimeOfDay(hour: 20, minute: 0)!,
            callbackWindowMinutes: number(hotel, "callback-window", default: 30, range: 5...240),
            currency: hotel.entry("currency")?.value ?? "$", dateOrder: .dayMonthYear,
            maxRooms: number(hotel, "max-rooms", default: 5, range: 1...50),
            maxNights: number(hotel, "max-nights", default: 30, range: 1...365),
            bookingHorizonDays: number(hotel, "booking-horizon", default: 365, range: 1...1000),
            lineWidth: number(hotel, "line-width", default: 78, range: 0...1000),
            policy: BookingPolicy(), rooms: [], departments: [],
            callbackRetryMinutes: number(hotel, "callback-retry", default: 60, range: 5...1440),
            callbackTries: number(hotel, "callback-tries", default: 3, range: 1...10), texts: [:], textLocations: [:])
        profile.policy = BookingPolicy(
            freeHours: number(hotel, "free-cancellation-hours", default: 48, range: 0...8760),
            lateFee: choice(hotel, "late-fee", default: .firstNight), noShowFee: choice(hotel, "no-show-fee", default: .firstNight),
            dateChanges: choice(hotel, "date-changes", default: .lateFee), checkInTime: profile.checkIn, zone: profile.timeZone)
        profile.groupRooms = number(hotel, "group-rooms", default: 4, range: 2...1000)
        profile.answerTargetSeconds = number(hotel, "answer-target", default: 20, range: 1...3600)
        profile.segmentMedium = number(hotel, "segment-medium", default: 1000, range: 1...1_000_000_000)
        profile.segmentLarge = number(hotel, "segment-large", default: 5000, range: 2...1_000_000_000)
        profile.birthdayDays = number(hotel, "birthday-days", default: 7, range: 0...60)
        if profile.segmentLarge <= profile.segmentMedium {
            let entry = hotel.entry("segment-large") ?? hotel.entry("segment-medium")
            diagnostics.append(.error(entry?.location ?? hotel.location,
                                      "segment-large (\(profile.segmentLarge)) must be above segment-medium (\(profile.segmentMedium))"))
            (profile.segmentMedium, profile.segmentLarge) = (1000, 5000)
        }
        profile.textLocations["languages"] = hotel.entry("languages")?.location ?? hotel.location
        if let hours = hotel.entry("callback-hours") {
            let parts = hours.value.split(separator: "-").map { String($0.trimmingSpaces()) }
            if parts.count == 2, let open = Self.clock(parts[0]), let close = Self.clock(parts[1]), open < close {
                profile.callbackOpens = open
                profile.callbackCloses = close
                if close.minutesSinceMidnight - open.minutesSinceMidnight < profile.callbackWindowMinutes {
                    diagnostics.append(.error(hours.location, "callback-hours \(hours.value) are shorter than callback-window (\(profile.callbackWindowMinutes) minutes): no call could ever be booked"))
                }
            } else {
                diagnostics.append(.error(hours.location, "callback-hours must look like 08:00-20:00, not \"\(hours.value)\""))
            }
        }
        if let order = hotel.entry("date-order") {
            switch order.value {
            case "dmy": profile.dateOrder = .dayMonthYear
            case "mdy": profile.dateOrder = .monthDayYear
            default: diagnostics.append(.error(order.location, "date-order is dmy (24/12/2026) or mdy (12/24/2026), not \"\(order.value)\""))
            }
        }
        let known: Set<String> = ["languages", "timezone", "check-in", "check-out", "callback-hours", "callback-window",
                                  "currency", "date-order", "max-rooms", "max-nights", "booking-horizon", "line-width",
                                  "free-cancellation-hours", "late-fee", "no-show-fee", "date-changes", "callback-retry", "callback-tries",
                                  "group-rooms", "segment-medium", "segment-large", "birthday-days", "answer-target"]
        for entry in hotel.entries {
            let (field, language) = Self.splitTranslation(entry.key)
            if HotelProfile.translatableHotelFields.contains(field) {
                profile.texts[field, default: [:]][language ?? profile.primaryLanguage] = entry.value
                if language == nil { profile.textLocations[field] = entry.location }
                checkTranslation(language, of: entry, declared: languages)
            } else if !known.contains(entry.key) {
                diagnostics.append(.error(entry.location, "unknown hotel setting \"\(entry.key)\""
                    + Spelling.hint(for: entry.key, among: known.union(HotelProfile.translatableHotelFields))))
            }
        }
        for field in HotelProfile.translatableHotelFields where profile.texts[field]?[profile.primaryLanguage] == nil {
            diagnostics.append(.error(hotel.location, "[hotel] needs \"\(field) = …\""))
        }
        for section in sections where section.header.first == "department" {
            guard let department = department(section) else { continue }
            if profile.departments.contains(where: { $0.code == department.code }) {
                diagnostics.append(.error(section.location, "department \"\(department.code)\" is defined twice"))
            } else {
                profile.departments.append(department)
            }
        }
        for section in sections where !section.header.isEmpty && section.header != ["hotel"] && section.header.first != "department" {
            if let room = room(section, primary: profile.primaryLanguage, declared: languages) {
                if profile.rooms.contains(where: { $0.code == room.code }) {
                    diagnostics.append(.error(section.location, "room \"\(room.code)\" is defined twice"))
                } else {
                    profile.rooms.append(room)
                    profile.textLocations["[room \(room.code)]"] = section.location
                }
            }
        }
        if hotelSections.count > 1 {
            diagnostics.append(.error(hotelSections[1].location, "[hotel] is given twice"))
        }
        if profile.rooms.isEmpty {
            diagnostics.append(.error(hotel.location, "no rooms: add a [room CODE] section for each room type"))
        }
        return profile
    }

    private mutating func room(_ section: SettingsReader.Section, primary: String, declared: [String]) -> HotelProfile.RoomType? {
        guard section.header.count == 2, section.header[0] == "room", FlowParser.isName(section.header[1]) else {
            diagnostics.append(.error(section.location, "unknown section [\(section.header.joined(separator: " "))]: sections are [hotel], [room CODE] and [department CODE]"))
            return nil
        }
        var room = HotelProfile.RoomType(
            code: section.header[1], rate: number(section, "rate", default: 0, range: 1...1_000_000, required: true),
            count: number(section, "count", default: 0, range: 0...10_000, required: true),
            sizeSquareMetres: number(section, "size", default: 0, range: 1...10_000, required: true),
            names: [:], facilities: [:])
        for entry in section.entries {
            let (field, language) = Self.splitTranslation(entry.key)
            switch field {
            case "name", "facilities": checkTranslation(language, of: entry, declared: declared)
            default: break
            }
            switch field {
            case "name": room.names[language ?? primary] = entry.value
            case "facilities": room.facilities[language ?? primary] = entry.value
            case "rate", "count", "size": if language == nil { break } else { fallthrough }
            default:
                diagnostics.append(.error(entry.location, "unknown room setting \"\(entry.key)\""
                    + Spelling.hint(for: field, among: ["name", "facilities", "rate", "count", "size"])))
            }
        }
        if room.names[primary] == nil {
            diagnostics.append(.error(section.location, "[room \(room.code)] needs \"name = …\""))
        }
        return room
    }

    /// `[department CODE]`: `name`, `head` (an agent ID), `complaints` and `survey` (lists).
    /// Whether the categories and topics are the flows' is checked with the flows.
    private mutating func department(_ section: SettingsReader.Section) -> HotelProfile.Department? {
        guard section.header.count == 2, FlowParser.isName(section.header[1]) else {
            diagnostics.append(.error(section.location, "a department section reads [department CODE], like [department housekeeping]"))
            return nil
        }
        let code = section.header[1]
        func list(_ key: String) -> [String] {
            (section.entry(key)?.value ?? "").split(separator: ",").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
        }
        let head = section.entry("head")?.value ?? ""
        if section.entry("head") == nil {
            diagnostics.append(.error(section.location, "[department \(code)] needs \"head = AGENT-ID\" (who signs off its complaints)"))
        } else if !(1...32).contains(head.count) || !head.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) {
            diagnostics.append(.error(section.entry("head")!.location, "head \"\(head)\" is not an agent ID (1 to 32 of a-z, 0-9, - and _)"))
        }
        for entry in section.entries where !["name", "head", "complaints", "survey"].contains(entry.key) {
            diagnostics.append(.error(entry.location, "unknown department setting \"\(entry.key)\""
                + Spelling.hint(for: entry.key, among: ["name", "head", "complaints", "survey"])))
        }
        return HotelProfile.Department(code: code, name: section.entry("name")?.value ?? code, head: head,
                                       categories: list("complaints"), topics: list("survey"), location: section.location)
    }

    private mutating func number(_ section: SettingsReader.Section, _ key: String, default value: Int,
                                 range: ClosedRange<Int>, required: Bool = false) -> Int {
        guard let entry = section.entry(key) else {
            if required { diagnostics.append(.error(section.location, "[\(section.header.joined(separator: " "))] needs \"\(key) = NUMBER\"")) }
            return value
        }
        guard let number = Int(entry.value), range.contains(number) else {
            diagnostics.append(.error(entry.location, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(entry.value)\""))
            return value
        }
        return number
    }

    /// A setting that names one of a few words (`late-fee = first-night`), or the default
    /// with an error at its line naming the words it may be.
    private mutating func choice<Word: RawRepresentable<String> & CaseIterable>(_ section: SettingsReader.Section, _ key: String,
                                                                                default value: Word) -> Word {
        guard let entry = section.entry(key) else { return value }
        if let word = Word(rawValue: entry.value) { return word }
        let words = Word.allCases.map(\.rawValue)
        diagnostics.append(.error(entry.location, "\(key) is " + words.dropLast().joined(separator: ", ") + " or " + words.last!
            + ", not \"\(entry.value)\"" + Spelling.hint(for: entry.value, among: words)))
        return value
    }

    /// The `timezone` setting, or UTC; a name this system does not know is an error at its line.
    mutating func timeZone(_ hotel: SettingsReader.Section) -> HotelTimeZone {
        let utc = HotelTimeZone("UTC")!
        guard let entry = hotel.entry("timezone") else { return utc }
        if let zone = HotelTimeZone(entry.value) { return zone }
        diagnostics.append(.error(entry.location, "unknown timezone \"\(entry.value)\": write UTC, an offset such as +08:00, or a zone such as Europe/Madrid"
            + Spelling.hint(for: entry.value, among: HotelTimeZone.knownZoneNames)))
        return utc
    }
    private mutating func time(_ section: SettingsReader.Section, _ key: String, default value: TimeOfDay) -> TimeOfDay {
        guard let entry = section.entry(key) else { return value }
        guard let time = Self.clock(entry.value) else {
            diagnostics.append(.error(entry.location, "\(key) must be a time like 15:00, not \"\(entry.value)\""))
            return value
        }
        return time
    }

    static func clock(_ text: String) -> TimeOfDay? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        return TimeOfDay(hour: hour, minute: minute)
    }

    /// A translation into a language `languages` does not list is never spoken: a warning
    /// when it looks like a slip for a listed tag (`name[zh-hant]` for `zh-Hant`); one for a
    /// language not switched on yet is left alone.
    private mutating func checkTranslation(_ language: String?, of entry: SettingsReader.Entry, declared: [String]) {
        guard let language, !declared.contains(language) else { return }
        // A slip keeps the language (zh-hant, zh-Hnat for zh-Hant); es beside en is another language.
        let near = declared.first { $0.lowercased() == language.lowercased() }.map { " (did you mean \"\($0)\"?)" }
            ?? Spelling.hint(for: language, among: declared.filter { LanguageCode.language(of: $0) == LanguageCode.language(of: language) })
        guard !near.isEmpty else { return }
        diagnostics.append(.warning(entry.location, "\"\(entry.key)\" translates into \"\(language)\", which languages does not list" + near))
    }

    /// `name[zh-Hant]` → ("name", "zh-Hant"); `name` → ("name", nil).
    static func splitTranslation(_ key: String) -> (String, String?) {
        guard key.hasSuffix("]"), let open = key.firstIndex(of: "[") else { return (key, nil) }
        return (String(key[..<open]), String(key[key.index(after: open)..<key.index(before: key.endIndex)]))
    }
}
