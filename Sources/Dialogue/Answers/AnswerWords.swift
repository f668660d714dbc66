import Synchronization

/// How a language writes an all-numeric date such as `05/06/2026`.
public enum DateOrder: Hashable, Sendable {
    /// 05/06/2026 is 5 June (most of the world, and the default).
    case dayMonthYear
    /// 05/06/2026 is 6 May (United States).
    case monthDayYear
}

/// The words one language uses in answers: month and weekday names, "tomorrow", "yes",
/// number words, and the small words to skip.
///
/// Parsers know grammar, never a language: everything language-specific is here, so a
/// catalog loader can build one per language from its message files, and adding a
/// language adds data, not code. Words are matched case-insensitively (they are
/// lowercased here) and may be phrases ("day after tomorrow", "de la tarde"); a longer
/// phrase wins over a shorter one at the same place. Words in languages written without
/// spaces (Chinese, Japanese) are found inside a run of text by longest match.
///
/// A phrase listed with two meanings keeps the first, in the order of the initialiser's
/// parameters (`now` first, `fillers` last); such phrases are listed in `clashes` so a
/// catalog lint can report them.
///
/// A class, immutable: a language's words are shared by every conversation and parser that
/// reads them, so handing them over costs one reference instead of a copy of every list.
public final class AnswerWords: Sendable {
    /// Twelve lists, January first. Lists past the twelfth are ignored.
    public let months: [[String]]
    /// Seven lists, Monday first. Lists past the seventh are ignored.
    public let weekdays: [[String]]
    public let today: [String]
    public let tomorrow: [String]
    public let dayAfterTomorrow: [String]
    /// Three days from today (大後天).
    public let inThreeDays: [String]
    /// As in "next friday": the weekday strictly after today.
    public let next: [String]
    /// As in 下星期五 or "el viernes de la semana que viene": that weekday of next week.
    public let nextWeek: [String]
    /// As in 這週五: that weekday of this week, even one already past (then refused as past).
    public let thisWeek: [String]
    public let yes: [String]
    public let no: [String]
    /// Number words a guest types ("three", "tres", "三").
    public let numbers: [String: Int]
    /// Words that carry no meaning in any answer ("the", "on", "de", "的", "please").
    public let fillers: [String]
    /// Written after a number to make it a month, a day or a year ("12月24日", "2026年").
    public let monthMarkers: [String]
    public let dayMarkers: [String]
    public let yearMarkers: [String]
    public let am: [String]
    public let pm: [String]
    public let noon: [String]
    /// "now", "asap": a moment answer meaning as soon as possible.
    public let now: [String]
    /// "night(s)": `3 nights` as a length of stay.
    public let nights: [String]
    /// "day(s)": `in 3 days` as a date.
    public let days: [String]
    /// Written after a day number: "24th", "24º".
    public let ordinalSuffixes: [String]
    /// Written after an hour: "14h30", "10 o'clock", "3点".
    public let hourMarkers: [String]
    /// Written after minutes: "3点30分".
    public let minuteMarkers: [String]
    /// Half past the hour: "3点半".
    public let halfHour: [String]
    /// Between a rating and its scale: "4 out of 5".
    public let scaleMarkers: [String]
    /// How to read an all-numeric date without a four-digit year in front.
    public let dateOrder: DateOrder
    /// True when the language always writes numeric dates in `dateOrder` (Chinese: month
    /// first), whatever the hotel's `date-order` says for the languages that differ.
    public let keepsItsDateOrder: Bool
    /// Phrases given two meanings; each keeps the first (see the type's documentation).
    public let clashes: [String]

    let lexicon: Lexicon

    /// Words from their lists. `buildsLexicon: false` keeps the lists alone (no parser can
    /// read them then, and `clashes` is empty): for lists that are only adjusted or combined
    /// into other words, which build their own.
    public init(
        months: [[String]],
        weekdays: [[String]],
        today: [String] = [],
        tomorrow: [String] = [],
        dayAfterTomorrow: [String] = [],
        inThreeDays: [String] = [],
        next: [String] = [],
        nextWeek: [String] = [],
        thisWeek: [String] = [],
        yes: [String] = [],
        no: [String] = [],
        numbers: [String: Int] = [:],
        fillers: [String] = [],
        monthMarkers: [String] = [],
        dayMarkers: [String] = [],
        yearMarkers: [String] = [],
        am: [String] = [],
        pm: [String] = [],
        noon: [String] = [],
        now: [String] = [],
        nights: [String] = [],
        days: [String] = [],
        ordinalSuffixes: [String] = [],
        hourMarkers: [String] = [],
        minuteMarkers: [String] = [],
        halfHour: [String] = [],
        scaleMarkers: [String] = [],
        dateOrder: DateOrder = .dayMonthYear,
        keepsItsDateOrder: Bool = false,
        buildsLexicon: Bool = true
    ) {
        self.months = Array(months.prefix(12))
        self.weekdays = Array(weekdays.prefix(7))
        self.today = today
        self.tomorrow = tomorrow
        self.dayAfterTomorrow = dayAfterTomorrow
        self.inThreeDays = inThreeDays
        self.next = next
        self.nextWeek = nextWeek
        self.thisWeek = thisWeek
        self.yes = yes
        self.no = no
        self.numbers = numbers
        self.fillers = fillers
        self.monthMarkers = monthMarkers
        self.dayMarkers = dayMarkers
        self.yearMarkers = yearMarkers
        self.am = am
        self.pm = pm
        self.noon = noon
        self.now = now
        self.nights = nights
        self.days = days
        self.ordinalSuffixes = ordinalSuffixes
        self.hourMarkers = hourMarkers
        self.minuteMarkers = minuteMarkers
        self.halfHour = halfHour
        self.scaleMarkers = scaleMarkers
        self.dateOrder = dateOrder
        self.keepsItsDateOrder = keepsItsDateOrder

        // Registration order is the clash priority documented above.
        var lexicon = Lexicon()
        guard buildsLexicon else {
            self.lexicon = lexicon
            self.clashes = []
            return
        }
        lexicon.add(now, as: .now)
        lexicon.add(today, as: .relativeDay(0))
        lexicon.add(tomorrow, as: .relativeDay(1))
        lexicon.add(dayAfterTomorrow, as: .relativeDay(2))
        lexicon.add(inThreeDays, as: .relativeDay(3))
        lexicon.add(next, as: .next)
        lexicon.add(nextWeek, as: .nextWeek)
        lexicon.add(thisWeek, as: .thisWeek)
        for (index, names) in self.months.enumerated() {
            lexicon.add(names, as: .month(index + 1))
        }
        for (index, names) in self.weekdays.enumerated() {
            lexicon.add(names, as: .weekday(index + 1))
        }
        lexicon.add(yes, as: .yes)
        lexicon.add(no, as: .no)
        // Sorted so that a clash between two number words resolves the same way every run.
        for (word, value) in numbers.sorted(by: { $0.key < $1.key }) {
            lexicon.add([word], as: .number(value))
        }
        lexicon.add(monthMarkers, as: .monthMarker)
        lexicon.add(dayMarkers, as: .dayMarker)
        lexicon.add(yearMarkers, as: .yearMarker)
        lexicon.add(am, as: .am)
        lexicon.add(pm, as: .pm)
        lexicon.add(noon, as: .noon)
        lexicon.add(nights, as: .nights)
        lexicon.add(days, as: .days)
        lexicon.add(ordinalSuffixes, as: .ordinal)
        lexicon.add(hourMarkers, as: .hourMarker)
        lexicon.add(minuteMarkers, as: .minuteMarker)
        lexicon.add(halfHour, as: .halfHour)
        lexicon.add(scaleMarkers, as: .scaleMarker)
        lexicon.add(fillers, as: .filler)
        self.lexicon = lexicon
        self.clashes = lexicon.clashes
    }

    /// The answer's meaningful pieces, fillers dropped: what every word-based parser reads.
    func pieces(of text: String) -> [AnswerPiece] {
        lexicon.pieces(of: text)
    }
}

extension AnswerWords {
    /// The built-in words for a language tag, by its language subtag (`es`, `es-MX`; `zh`,
    /// `zh-Hant`, `zh-Hans`); English for any other, which a catalog's `words.` lists then adjust.
    ///
    /// Their lists only, without the lexicon a parser reads: `adjusted` builds that from the
    /// lists it is given, once (building it here too was a tenth of every process's compile).
    static func builtIn(for language: String) -> AnswerWords {
        switch LanguageCode.language(of: language) {
        case "es": return spanishLists
        case "zh": return LanguageCode.chineseScript(of: language) == "Hant" ? traditionalChineseLists : simplifiedChineseLists
        default: return englishLists
        }
    }

    /// These lists with their lexicon built: a language's words as a parser reads them.
    var withLexicon: AnswerWords {
        adjusted(yes: nil, no: nil, today: nil, tomorrow: nil, dateOrder: dateOrder)
    }

    /// These words with some lists replaced (from a message catalog) and the hotel's date
    /// order (unless the language keeps its own).
    ///
    /// Kept for the last few adjustments of each language's words: a compile makes one per
    /// language, and building the lexicon of every word is a tenth of it; a process that
    /// compiles many sets from the same catalogs (a reload, `check` beside `serve`, the
    /// tests) makes it once. The words are immutable, so a kept one is what building gives.
    func adjusted(yes: [String]?, no: [String]?, today: [String]?, tomorrow: [String]?, dateOrder: DateOrder) -> AnswerWords {
        let key = Adjustment(base: self, yes: yes, no: no, today: today, tomorrow: tomorrow, dateOrder: dateOrder)
        if let kept = Self.adjustments.withLock({ $0[key] }) { return kept }
        let made = makeAdjusted(yes: yes, no: no, today: today, tomorrow: tomorrow, dateOrder: dateOrder)
        Self.adjustments.withLock { kept in
            if kept.count >= 32 { kept.removeAll() }
            kept[key] = made
        }
        return made
    }

    /// One `adjusted` call's words and arguments. It holds the words it adjusts, so their
    /// identity, which it is found by, cannot pass to other words while it is kept.
    private struct Adjustment: Hashable, Sendable {
        var base: AnswerWords
        var yes, no, today, tomorrow: [String]?
        var dateOrder: DateOrder

        static func == (a: Adjustment, b: Adjustment) -> Bool {
            a.base === b.base && a.yes == b.yes && a.no == b.no && a.today == b.today && a.tomorrow == b.tomorrow && a.dateOrder == b.dateOrder
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(ObjectIdentifier(base))
            hasher.combine(yes)
            hasher.combine(no)
            hasher.combine(today)
            hasher.combine(tomorrow)
            hasher.combine(dateOrder)
        }
    }

    private static let adjustments = Mutex<[Adjustment: AnswerWords]>([:])

    private func makeAdjusted(yes: [String]?, no: [String]?, today: [String]?, tomorrow: [String]?, dateOrder: DateOrder) -> AnswerWords {
        AnswerWords(
            months: months, weekdays: weekdays, today: today ?? self.today, tomorrow: tomorrow ?? self.tomorrow,
            dayAfterTomorrow: dayAfterTomorrow, inThreeDays: inThreeDays, next: next, nextWeek: nextWeek, thisWeek: thisWeek,
            yes: yes ?? self.yes, no: no ?? self.no, numbers: numbers,
            fillers: fillers, monthMarkers: monthMarkers, dayMarkers: dayMarkers, yearMarkers: yearMarkers, am: am, pm: pm,
            noon: noon, now: now, nights: nights, days: days, ordinalSuffixes: ordinalSuffixes, hourMarkers: hourMarkers,
            minuteMarkers: minuteMarkers, halfHour: halfHour, scaleMarkers: scaleMarkers,
            dateOrder: keepsItsDateOrder ? self.dateOrder : dateOrder, keepsItsDateOrder: keepsItsDateOrder)
    }

    /// English's yes and no words a language does not give another meaning: a guest may
    /// answer "yes" or "ok" on any line.
    static func englishYesNo(besides lists: [[String]]) -> (yes: [String], no: [String]) {
        let taken = Set(lists.joined())
        return (englishLists.yes.filter { !taken.contains($0) }, englishLists.no.filter { !taken.contains($0) })
    }
}
