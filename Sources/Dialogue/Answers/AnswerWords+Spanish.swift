extension AnswerWords {
    /// Spanish, with accented and unaccented spellings (telnet users often cannot type
    /// `ñ` or `á`). "mar" is left out of the weekdays: it abbreviates `marzo` too.
    /// "el viernes" is the coming Friday (today if it is Friday), "el próximo viernes" the
    /// one after today, "el viernes de la semana que viene" Friday of next week. English's
    /// yes and no are read too.
    public static let spanish = spanishLists.withLexicon

    /// `spanish`'s lists, without a lexicon (see `builtIn(for:)`).
    static let spanishLists: AnswerWords = {
        let words = spanishOwn
        let english = englishYesNo(besides: [words.yes, words.no, words.fillers, words.now, words.next])
        return AnswerWords(
            months: words.months, weekdays: words.weekdays, today: words.today, tomorrow: words.tomorrow,
            dayAfterTomorrow: words.dayAfterTomorrow, next: words.next, nextWeek: words.nextWeek, thisWeek: words.thisWeek,
            yes: words.yes + english.yes, no: words.no + english.no, numbers: words.numbers, fillers: words.fillers,
            am: words.am, pm: words.pm, noon: words.noon, now: words.now, nights: words.nights, days: words.days,
            ordinalSuffixes: words.ordinalSuffixes, hourMarkers: words.hourMarkers, halfHour: words.halfHour,
            scaleMarkers: words.scaleMarkers, dateOrder: words.dateOrder, buildsLexicon: false)
    }()

    private static let spanishOwn = AnswerWords(
        months: [
            ["enero", "ene", "ene."],
            ["febrero", "feb", "feb."],
            ["marzo", "mar", "mar."],
            ["abril", "abr", "abr."],
            ["mayo", "may"],
            ["junio", "jun", "jun."],
            ["julio", "jul", "jul."],
            ["agosto", "ago", "ago."],
            ["septiembre", "setiembre", "sep", "sept", "set"],
            ["octubre", "oct", "oct."],
            ["noviembre", "nov", "nov."],
            ["diciembre", "dic", "dic."],
        ],
        weekdays: [
            ["lunes", "lun"],
            ["martes"],
            ["miércoles", "miercoles", "mié", "mie"],
            ["jueves", "jue"],
            ["viernes", "vie"],
            ["sábado", "sabado", "sáb", "sab"],
            ["domingo", "dom"],
        ],
        today: ["hoy"],
        tomorrow: ["mañana", "manana"],
        dayAfterTomorrow: ["pasado mañana", "pasado manana"],
        next: ["próximo", "proximo", "próxima", "proxima", "que viene", "siguiente"],
        nextWeek: ["la semana que viene", "la próxima semana", "la proxima semana", "la semana próxima", "la semana proxima",
                   "la semana siguiente"],
        thisWeek: ["esta semana"],
        yes: [
            "sí", "si", "s", "claro", "claro que sí", "claro que si", "vale", "de acuerdo",
            "correcto", "exacto", "eso es", "así es", "asi es", "ok", "okey", "okay",
            "por supuesto", "perfecto", "bien", "confirmo", "afirmativo", "👍",
        ],
        no: [
            "no", "n", "nop", "para nada", "en absoluto", "incorrecto", "negativo",
            "no es correcto", "nunca", "👎",
        ],
        numbers: [
            "cero": 0, "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4,
            "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
            "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
            "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
            "diecinueve": 19, "veinte": 20, "treinta": 30,
        ],
        fillers: [
            "de", "del", "el", "la", "las", "los", "lo", "a", "al", "en", "para", "por",
            "este", "esta", "día", "dia", "sobre las", "hacia", "unos", "unas",
            "por favor", "gracias", "muchas gracias", "pues", "eh", "bueno", "y", "dentro", "quiero", "quisiera",
            "llegar", "llego", "salir", "salgo", "me voy",
        ],
        am: ["am", "a.m.", "de la mañana", "de la manana", "por la mañana", "por la manana"],
        pm: ["pm", "p.m.", "de la tarde", "de la noche", "por la tarde", "por la noche"],
        noon: ["mediodía", "mediodia"],
        now: [
            "ahora", "ya", "ahora mismo", "ya mismo", "cuanto antes", "lo antes posible",
            "lo más pronto posible", "lo mas pronto posible", "de inmediato", "enseguida",
            "inmediatamente",
        ],
        nights: ["noche", "noches"],
        days: ["días", "dias"],
        ordinalSuffixes: ["º"],
        hourMarkers: ["h", "hs", "horas", "en punto"],
        halfHour: ["media", "y media"],
        scaleMarkers: ["sobre"],
        dateOrder: .dayMonthYear,
        buildsLexicon: false
    )
}
