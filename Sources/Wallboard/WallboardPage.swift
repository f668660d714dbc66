/// The wallboard's page: plain HTML with the figures of the moment it was served already
/// in it (so it reads right before any script runs, and without one), a stylesheet for a
/// screen across a room, and a little script that follows `/events` (server-sent events)
/// and, where a browser cannot, polls `/state.json` every two seconds.
///
/// Promises: every text in it is escaped for HTML (the labels and the hotel's name come
/// from files the hotel edits); it shows counts only; it stays well inside the smallest
/// output a client may be held (`--max-output` 16384 leaves 12288 bytes for one answer).
enum WallboardPage {
    static func render(_ figures: LineFigures, labels given: [String: String], language: String) -> String {
        let labels = WallboardLabels.complete(given)
        // The hotel's name in the page's language, when the source gives it.
        let hotel = escape(given["hotel.name"] ?? figures.hotelName)
        func label(_ key: String) -> String { escape(labels["wallboard." + key] ?? key) }
        func tile(_ id: String, _ value: String, _ name: String, note: (id: String, text: String)? = nil,
                  tileID: String? = nil, classes: String = "tile") -> String {
            let noteText = note.map { "<span id=\"\($0.id)\">\(escape($0.text))</span>" } ?? ""
            return "<div class=\"\(classes)\"\(tileID.map { " id=\"\($0)\"" } ?? "")><div class=\"n\" id=\"\(id)\">\(escape(value))</div>"
                + "<div class=\"l\">\(name)\(noteText)</div></div>\n"
        }
        let answered = figures.requestsEndedToday > 0
            ? "\((100 * figures.answeredWithinTargetToday + figures.requestsEndedToday / 2) / figures.requestsEndedToday)%" : "–"
        let answeredNote = "\(figures.answeredWithinTargetToday)/\(figures.requestsEndedToday) · \(labels["wallboard.target"]!) "
            + "\(figures.answerTargetSeconds) \(labels["wallboard.seconds"]!)"
        let longWait = figures.waiting > 0 && figures.longestWaitSeconds > Double(figures.answerTargetSeconds)
        var board = tile("onLine", "\(figures.guestsOnLine)", label("on_line"))
        board += tile("waiting", "\(figures.waiting)", label("waiting"))
        board += tile("longestWait", minutesAndSeconds(figures.longestWaitSeconds), label("longest_wait"), tileID: "t-longest",
                      classes: longWait ? "tile warn" : "tile")
        board += tile("callsToday", "\(figures.callsToday)", label("calls_today"))
        board += tile("answered", answered, label("answered"), note: ("answeredOf", answeredNote))
        var agents = ""
        for (state, count) in figures.agents.byState {
            agents += tile("a-\(state)", "\(count)", label(state), classes: "tile a-\(state)")
        }
        var work = ""
        for list in figures.work {
            work += tile("o-\(list.list)", "\(list.overdue)", label(list.list), note: ("open-\(list.list)", "\(list.open) \(labels["wallboard.open"]!)"),
                         tileID: "w-\(list.list)", classes: list.overdue > 0 ? "tile warn" : "tile")
        }
        let scriptLabels = ["open", "target", "seconds", "live", "offline"]
            .map { "\($0):\(FiguresJSON.string(labels["wallboard." + $0]!))" }.joined(separator: ",")
        return """
            <!doctype html>
            <html lang="\(escape(language))">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>\(label("title")) · \(hotel)</title><link rel="icon" href="data:,">
            <style>\(style)</style></head>
            <body data-updates="0">
            <header><h1>\(hotel)</h1><span class="sub">\(label("title"))</span>\
            <span id="clock">\(escape(figures.localTime))</span><span id="live" class="live">\(label("live"))</span></header>
            <section class="row big">
            \(board)</section>
            <h2>\(label("agents"))</h2>
            <section class="row">
            \(agents)</section>
            <h2>\(label("work"))</h2>
            <section class="row" style="grid-template-columns:repeat(\(max(1, figures.work.count)),minmax(0,1fr))">
            \(work)</section>
            <script>var L={\(scriptLabels)};\(script)</script>
            </body></html>

            """
    }

    /// `m:ss`, as the script writes it too.
    static func minutesAndSeconds(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        return "\(whole / 60):" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)"
    }

    /// Text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Light on dark, figures in viewport units so the same page fills a laptop or a wall
    /// screen; overdue and long waits in orange.
    private static let style = """
        *{box-sizing:border-box;margin:0}\
        body{font-family:system-ui,"Noto Sans","Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;background:#0b1220;color:#e8eef8;\
        padding:2.5vh 2.5vw;min-height:100vh}\
        header{display:flex;align-items:baseline;gap:1.5vw;margin-bottom:2.5vh}\
        h1{font-size:4.4vh;font-weight:700}.sub{font-size:2.8vh;color:#93a4bd}\
        #clock{margin-left:auto;font-size:4.4vh;font-variant-numeric:tabular-nums}\
        .live{font-size:2.2vh;padding:.5vh 1.2vw;border-radius:99px;background:#14532d;color:#bbf7d0;align-self:center}\
        .live.off{background:#7f1d1d;color:#fecaca}\
        h2{font-size:2.6vh;color:#93a4bd;text-transform:uppercase;letter-spacing:.08em;margin:3vh 0 1.2vh}\
        .row{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:1.2vw}\
        .tile{background:#16213a;border-radius:1.2vh;padding:1.6vh 1.4vw;border-top:.7vh solid #334155;overflow:hidden}\
        .n{font-size:min(9vh,4.6vw);font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums;white-space:nowrap}\
        .big .n{font-size:min(13vh,5vw)}\
        .l{font-size:2.8vh;color:#c7d2e3;margin-top:.6vh}.l span{display:block;color:#93a4bd;font-size:2.3vh}\
        .a-available{border-color:#22c55e}.a-on_call{border-color:#3b82f6}.a-offered{border-color:#a855f7}\
        .a-wrap_up{border-color:#eab308}.a-away{border-color:#64748b}\
        .tile.warn{background:#7c2d12;border-color:#fb923c}.warn .n{color:#ffedd5}
        """

    /// Follows the line: an event source on `events` (the browser reconnects by itself),
    /// or, where there is none or it never delivers, `state.json` every two seconds. The
    /// body's `data-updates` counts the figures shown since the page loaded.
    private static let script = """
        (function(){var b=document.body,T=0;\
        function $(i){return document.getElementById(i)}\
        function t(i,v){var e=$(i);if(e)e.textContent=v}\
        function w(i,on){var e=$(i);if(e)e.classList.toggle("warn",on)}\
        function ms(s){return Math.floor(s/60)+":"+("0"+s%60).slice(-2)}\
        function show(f){var a=f.answered,g=f.agents;t("clock",f.time);t("onLine",f.onLine);t("waiting",f.waiting);\
        t("longestWait",ms(f.longestWait));t("callsToday",f.callsToday);\
        t("answered",a.of?Math.round(100*a.within/a.of)+"%":"\\u2013");\
        t("answeredOf",a.within+"/"+a.of+" \\u00b7 "+L.target+" "+a.target+" "+L.seconds);\
        w("t-longest",f.waiting>0&&f.longestWait>a.target);\
        t("a-available",g.available);t("a-on_call",g.onCall);t("a-offered",g.offered);t("a-wrap_up",g.wrapUp);t("a-away",g.away);\
        f.work.forEach(function(x){t("o-"+x.list,x.overdue);t("open-"+x.list,x.open+" "+L.open);w("w-"+x.list,x.overdue>0)});\
        b.setAttribute("data-updates",++T)}\
        function live(on){var e=$("live");e.textContent=on?L.live:L.offline;e.classList.toggle("off",!on)}\
        function poll(){fetch("state.json",{cache:"no-store"}).then(function(r){return r.json()})\
        .then(function(f){live(1);show(f)},function(){live(0)}).then(function(){setTimeout(poll,2000)})}\
        if(window.EventSource){var n=0,got=0,es=new EventSource("events");\
        es.onmessage=function(e){got=1;live(1);show(JSON.parse(e.data))};\
        es.onerror=function(){live(0);if(!got&&++n>=3){es.close();poll()}}}else poll()})();
        """
}
