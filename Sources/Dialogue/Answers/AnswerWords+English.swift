extension AnswerWords {
    /// English, with the abbreviations, casual forms and common typos guests type.
    /// Numeric dates read day first (24/12/2026), as in most of the world.
    public static let english = englishLists.withLexicon

    /// `english`'s lists, without a lexicon (see `builtIn(for:)`).
    static let englishLists = AnswerWords(
        months: [
            ["january", "jan", "jan."],
            ["february", "feb", "feb.", "febuary"],
            ["march", "mar", "mar."],
            ["april", "apr", "apr."],
            ["may"],
            ["june", "jun", "jun."],
            ["july", "jul", "jul."],
            ["august", "aug", "aug."],
            ["september", "sep", "sep.", "sept", "sept."],
            ["october", "oct", "oct."],
            ["november", "nov", "nov."],
            ["december", "dec", "dec."],
        ],
        weekdays: [
            ["monday", "mon", "mon."],
            ["tuesday", "tue", "tue.", "tues", "tues."],
            ["wednesday", "wed", "wed.", "weds", "wednes"],
            ["thursday", "thu", "thu.", "thur", "thurs", "thurs."],
            ["friday", "fri", "fri."],
            ["saturday", "sat", "sat."],
            ["sunday", "sun", "sun."],
        ],
        today: ["today"],
        tomorrow: ["tomorrow", "tomorow", "tommorow", "tommorrow", "tmrw", "tmr", "tmrw."],
        dayAfterTomorrow: ["day after tomorrow", "the day after tomorrow", "overmorrow"],
        next: ["next"],
        yes: [
            "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "o.k.",
            "correct", "right", "that's right", "thats right", "that is right",
            "that's correct", "that is correct", "exactly", "of course", "certainly",
            "absolutely", "definitely", "indeed", "affirmative", "alright", "all right",
            "fine", "confirm", "confirmed", "please do", "go ahead", "sounds good", "👍",
        ],
        no: [
            "no", "n", "nope", "nah", "not", "not really", "no thanks", "no thank you",
            "never", "negative", "wrong", "incorrect", "that's wrong", "that is wrong",
            "not right", "not correct", "no way", "👎",
        ],
        numbers: [
            "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
            "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        ],
        fillers: [
            "the", "of", "on", "in", "at", "for", "this", "coming", "by", "around", "about",
            "and", "a", "an", "it's", "its", "it", "is", "be", "please", "thanks",
            "thank you", "um", "uh", "er", "erm", "hmm", "well", "oh", "so", "just",
        ],
        am: ["am", "a.m.", "in the morning", "morning"],
        pm: ["pm", "p.m.", "in the afternoon", "in the evening", "afternoon", "evening"],
        noon: ["noon", "midday", "lunchtime"],
        now: [
            "now", "right now", "asap", "a.s.a.p.", "as soon as possible", "right away",
            "straight away", "immediately",
        ],
        nights: ["night", "nights", "nite", "nites"],
        days: ["day", "days"],
        ordinalSuffixes: ["st", "nd", "rd", "th"],
        hourMarkers: ["h", "o'clock", "oclock"],
        scaleMarkers: ["out of"],
        dateOrder: .dayMonthYear,
        buildsLexicon: false
    )
}
