import Testing
import TestSupport
@testable import Wallboard

/// What the wallboard renders from a set of figures, without a server: the routes, the
/// metrics text (read back by a strict parser), the JSON and the page.
@Suite struct WallboardRenderingTests {
    private static var figures: LineFigures {
        var figures = LineFigures()
        figures.hotelName = "Harbour \"View\" <Hotel> & Spa"
        figures.localTime = "2026-12-20 09:05"
        figures.guestsOnLine = 7
        figures.waiting = 2
        figures.longestWaitSeconds = 83.7
        figures.agents.available = 1
        figures.agents.onCall = 3
        figures.agents.away = 1
        figures.callsToday = 41
        figures.answerTargetSeconds = 20
        figures.requestsEndedToday = 8
        figures.answeredWithinTargetToday = 6
        figures.work = [.init(list: "callbacks", open: 4, overdue: 1), .init(list: "complaints", open: 2, overdue: 0)]
        figures.callsTotal = 1234
        figures.guestLinesReceivedTotal = 20_000
        figures.guestTextsSentTotal = 25_000
        figures.queueRequestsTotal = 30
        figures.queueAnsweredTotal = 25
        figures.queueAnsweredWithinTargetTotal = 20
        var journal = LineFigures.Journal()
        journal.commits = 900
        journal.durableRecords = 1000
        journal.syncBuckets = [(0.001, 500), (0.01, 890), (0.1, 899)]
        journal.syncCount = 900
        journal.syncSumSeconds = 2.25
        figures.journal = journal
        return figures
    }

    @Test func routesEveryMethodAndPath() {
        func route(_ method: String, _ path: String) -> Result<(route: WallboardRoute, withBody: Bool), HTTPRefusal> {
            WallboardRoute.route(HTTPRequestHead(method: method, path: path))
        }
        for known in WallboardRoute.allCases {
            guard case .success(let get) = route("GET", known.rawValue), case .success(let head) = route("HEAD", known.rawValue) else {
                Issue.record("\(known) not served")
                continue
            }
            #expect(get.route == known && get.withBody && head.route == known && !head.withBody)
            for method in ["POST", "PUT", "DELETE", "OPTIONS", "get", "TRACE", "CONNECT"] {
                guard case .failure(let refusal) = route(method, known.rawValue) else { Issue.record("\(method) \(known) served"); continue }
                #expect(refusal == .methodNotAllowed(method: method))
            }
        }
        for unknown in ["/index.html", "/metrics/", "/events.json", "/favicon.ico", "*", "/Metrics"] {
            guard case .failure(let refusal) = route("GET", unknown) else { Issue.record("\(unknown) served"); continue }
            #expect(refusal.status == .notFound)
        }
    }

    @Test func refusalsCarryTheirFields() {
        let notAllowed = String(decoding: HTTPResponse(refusal: .methodNotAllowed(method: "POST")).bytes(withBody: true, date: "D"), as: UTF8.self)
        #expect(notAllowed.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\nDate: D\r\n"))
        #expect(notAllowed.contains("\r\nAllow: GET, HEAD\r\n"))
        #expect(notAllowed.hasSuffix("\r\n\r\nPOST is not allowed here: the wallboard is read-only (GET or HEAD)\n"))
        let busy = String(decoding: HTTPResponse(refusal: .busy).bytes(withBody: true, date: "D"), as: UTF8.self)
        #expect(busy.hasPrefix("HTTP/1.1 503 ") && busy.contains("Retry-After: 5\r\n"))
        let head = HTTPResponse(status: .ok, contentType: "text/plain", text: "hello")
        let headOnly = String(decoding: head.bytes(withBody: false, date: "D"), as: UTF8.self)
        #expect(headOnly.contains("Content-Length: 5\r\n") && headOnly.hasSuffix("\r\n\r\n"))
    }

    @Test func httpDatesAreRFC9110() {
        #expect(HTTPResponse.date(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPResponse.date(secondsSince1970: 1_798_761_600) == "Fri, 01 Jan 2027 00:00:00 GMT")
    }

    @Test func metricsReadBackThroughAStrictParser() throws {
        var server = LineMetrics.ServerCounts()
        server.streams = 2
        server.responses = [200: 10, 404: 1]
        let text = LineMetrics.render(Self.figures, server: server)
        let parsed = try PrometheusText(text)
        #expect(parsed.families["hotelline_calls_total"]?.type == "counter")
        #expect(parsed.families["hotelline_agents"]?.type == "gauge")
        #expect(parsed.families["hotelline_journal_sync_seconds"]?.type == "histogram")
        #expect(parsed.value("hotelline_calls_total") == 1234)
        #expect(parsed.value("hotelline_queue_longest_wait_seconds") == 83.7)
        #expect(parsed.value("hotelline_agents", ["state": "on_call"]) == 3)
        #expect(parsed.value("hotelline_agents", ["state": "wrap_up"]) == 0)
        #expect(parsed.value("hotelline_work_items_overdue", ["list": "callbacks"]) == 1)
        #expect(parsed.value("hotelline_work_items_open", ["list": "complaints"]) == 2)
        #expect(parsed.value("hotelline_journal_sync_seconds_bucket", ["le": "0.01"]) == 890)
        #expect(parsed.value("hotelline_journal_sync_seconds_bucket", ["le": "+Inf"]) == 900)
        #expect(parsed.value("hotelline_journal_sync_seconds_sum") == 2.25)
        #expect(parsed.value("hotelline_wallboard_responses_total", ["code": "404"]) == 1)
        #expect(parsed.value("hotelline_wallboard_streams") == 2)
        // Every counter of the line is published; nothing of a guest is.
        for name in ["hotelline_guest_lines_received_total", "hotelline_guest_texts_sent_total", "hotelline_queue_requests_total",
                     "hotelline_queue_answered_total", "hotelline_queue_answered_within_target_total", "hotelline_journal_commits_total",
                     "hotelline_journal_records_total", "hotelline_journal_failed_records_total"] {
            #expect(parsed.families[name]?.type == "counter", "\(name)")
        }
        var noJournal = Self.figures
        noJournal.journal = nil
        #expect(try PrometheusText(LineMetrics.render(noJournal, server: server)).families["hotelline_journal_sync_seconds"] == nil)
    }

    @Test func labelValuesAndHelpAreEscaped() throws {
        var out = MetricsExposition()
        out.family("x_total", .counter, "a back\\slash and a\nline feed")
        out.sample("x_total", 3, labels: ["list": "a \"quoted\" \\ name\nnext"])
        out.sample("x_total", 0.5, labels: ["list": "b"])
        #expect(out.text == "# HELP x_total a back\\\\slash and a\\nline feed\n# TYPE x_total counter\n"
            + "x_total{list=\"a \\\"quoted\\\" \\\\ name\\nnext\"} 3\nx_total{list=\"b\"} 0.5\n")
        #expect(try PrometheusText(out.text).value("x_total", ["list": "a \"quoted\" \\ name\nnext"]) == 3)
        #expect(MetricsExposition.number(.infinity) == "+Inf" && MetricsExposition.number(1e-4) == "0.0001")
    }

    @Test func theJSONIsTheBoardAndEscapesItsStrings() {
        let json = FiguresJSON.render(Self.figures)
        #expect(json == "{\"hotel\":\"Harbour \\\"View\\\" \\u003cHotel> & Spa\",\"time\":\"2026-12-20 09:05\",\"onLine\":7,\"waiting\":2,"
            + "\"longestWait\":83,\"agents\":{\"available\":1,\"onCall\":3,\"offered\":0,\"wrapUp\":0,\"away\":1},\"callsToday\":41,"
            + "\"answered\":{\"within\":6,\"of\":8,\"target\":20},\"work\":[{\"list\":\"callbacks\",\"open\":4,\"overdue\":1},"
            + "{\"list\":\"complaints\",\"open\":2,\"overdue\":0}]}")
        #expect(FiguresJSON.string("a\u{1}\u{2028}b\tc") == "\"a\\u0001\\u2028b\\tc\"")
    }

    @Test func thePageShowsTheFiguresEscapedInTheLabelsGiven() {
        let page = WallboardPage.render(Self.figures, labels: ["wallboard.calls_today": "今日<來電>"], language: "zh-Hant")
        #expect(page.contains("<html lang=\"zh-Hant\">"))
        #expect(page.contains("Harbour &quot;View&quot; &lt;Hotel&gt; &amp; Spa"))
        #expect(!page.contains("<Hotel>"))
        #expect(page.contains("<div class=\"n\" id=\"callsToday\">41</div><div class=\"l\">今日&lt;來電&gt;</div>"))
        #expect(page.contains("id=\"onLine\">7<") && page.contains("id=\"waiting\">2<") && page.contains("id=\"longestWait\">1:23<"))
        #expect(page.contains("id=\"answered\">75%<") && page.contains("6/8 · target 20 s"))
        #expect(page.contains("id=\"a-on_call\">3<") && page.contains("id=\"a-away\">1<"))
        // A long wait and an overdue list are marked for the warning colour; a list with none is not.
        #expect(page.contains("<div class=\"tile warn\" id=\"t-longest\">"))
        #expect(page.contains("<div class=\"tile warn\" id=\"w-callbacks\">") && page.contains("<div class=\"tile\" id=\"w-complaints\">"))
        #expect(page.contains("id=\"open-callbacks\">4 open<"))
        // Labels not given are English.
        #expect(page.contains(">On the line<") && page.contains(">Work lists: overdue<"))
        // Inside what the smallest --max-output leaves for one answer, with room to spare.
        #expect(page.utf8.count < 9000)
    }

    @Test func aWaitWithinTheTargetIsNotMarked() {
        var figures = Self.figures
        figures.longestWaitSeconds = 12
        figures.requestsEndedToday = 0
        let page = WallboardPage.render(figures, labels: [:], language: "en")
        #expect(page.contains("<div class=\"tile\" id=\"t-longest\">") && page.contains("id=\"longestWait\">0:12<"))
        #expect(page.contains("id=\"answered\">–<"))
    }
}
