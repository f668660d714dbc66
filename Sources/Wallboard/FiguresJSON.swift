/// The board's figures as one JSON object, what `/state.json` answers and each server-sent
/// event carries. Only the board's counts: no counter, no guest's anything.
///
/// Written by hand (this target does without Foundation): numbers are integers or
/// decimals, the two strings (the hotel's name, its clock) escaped as JSON requires.
enum FiguresJSON {
    static func render(_ figures: LineFigures) -> String {
        let agents = figures.agents
        let work = figures.work.map { "{\"list\":\(string($0.list)),\"open\":\($0.open),\"overdue\":\($0.overdue)}" }
        return "{\"hotel\":\(string(figures.hotelName)),\"time\":\(string(figures.localTime)),"
            + "\"onLine\":\(figures.guestsOnLine),\"waiting\":\(figures.waiting),\"longestWait\":\(Int(figures.longestWaitSeconds.rounded(.down))),"
            + "\"agents\":{\"available\":\(agents.available),\"onCall\":\(agents.onCall),\"offered\":\(agents.offered),"
            + "\"wrapUp\":\(agents.wrapUp),\"away\":\(agents.away)},"
            + "\"callsToday\":\(figures.callsToday),"
            + "\"answered\":{\"within\":\(figures.answeredWithinTargetToday),\"of\":\(figures.requestsEndedToday),\"target\":\(figures.answerTargetSeconds)},"
            + "\"work\":[\(work.joined(separator: ","))]}"
    }

    /// A JSON string: quotes, backslashes and control characters escaped; `<` too, so the
    /// text can sit inside an HTML script element without closing it.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
