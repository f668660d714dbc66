import Foundation
import Switchboard
import Testing
import TestSupport

/// The wallboard's port on the real line, over real sockets: every status it answers, the
/// figures as a scraper and a page read them, and what a guest's call changes in them.
@Suite("The wallboard over TCP", .blocking)
struct WallboardSocketTests {
    /// One response as a client reads it.
    struct Response {
        let status: Int
        let head: String
        let body: String

        func field(_ name: String) -> String? {
            for line in head.split(separator: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() { return parts[1].trimmingCharacters(in: .whitespaces) }
            }
            return nil
        }
    }

    /// A line with a wallboard on a free port; `configure` tightens what a test needs.
    static func line(dataDirectory: String = TestPaths.temporaryDirectory(),
                     configure: @escaping @Sendable (inout ServiceSettings) -> Void = { _ in }) throws -> RunningLine {
        try RunningLine(dataDirectory: dataDirectory) { settings in
            settings.wallboard.port = 0
            settings.wallboard.roundSeconds = 0.05
            configure(&settings)
        }
    }

    /// Sends `request` as it is and reads the whole response, to the server's close.
    static func exchange(_ port: UInt16, _ request: String) throws -> Response {
        let client = try GuestClient(port: port)
        client.send(request)
        return parse(client.readToEnd())
    }

    static func get(_ port: UInt16, _ path: String, method: String = "GET") throws -> Response {
        try exchange(port, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
    }

    static func parse(_ bytes: [UInt8]) -> Response {
        let text = String(decoding: bytes, as: UTF8.self)
        let split = text.range(of: "\r\n\r\n")
        let head = split.map { String(text[..<$0.lowerBound]) } ?? text
        let body = split.map { String(text[$0.upperBound...]) } ?? ""
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return Response(status: status, head: head, body: body)
    }

    @Test func everyPathAndEveryRefusalHasItsStatus() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let port = try #require(line.wallboardPort)

        let page = try Self.get(port, "/")
        #expect(page.status == 200 && page.field("Content-Type") == "text/html; charset=utf-8")
        #expect(page.field("Content-Length") == String(page.body.utf8.count) && page.field("Connection") == "close")
        #expect(page.body.contains("<title>Guest line, live · Harbour View Hotel</title>"))
        #expect(page.field("Date")?.hasSuffix(" GMT") == true)
        let state = try Self.get(port, "/state.json")
        #expect(state.status == 200 && state.field("Content-Type") == "application/json" && state.body.hasPrefix("{\"hotel\":\"Harbour View Hotel\""))
        let metrics = try Self.get(port, "/metrics")
        #expect(metrics.status == 200 && metrics.field("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        let head = try Self.get(port, "/metrics", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && Int(head.field("Content-Length") ?? "") ?? 0 > 0)
        let streamHead = try Self.get(port, "/events", method: "HEAD")
        #expect(streamHead.status == 200 && streamHead.field("Content-Type") == "text/event-stream; charset=utf-8" && streamHead.body.isEmpty)

        let missing = try Self.get(port, "/favicon.ico")
        #expect(missing.status == 404 && missing.body.contains("nothing at /favicon.ico; the wallboard serves /"))
        let posted = try Self.exchange(port, "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
        #expect(posted.status == 405 && posted.field("Allow") == "GET, HEAD")
        #expect(try Self.exchange(port, "hello there\r\n\r\n").status == 400)
        #expect(try Self.exchange(port, "GET / HTTP/1.1\r\n\r\n").body.contains("HTTP/1.1 needs a Host field"))
        #expect(try Self.exchange(port, "GET / HTTP/2.0\r\nHost: x\r\n\r\n").status == 505)
        // Past the guest line's --max-line (1024 bytes): the request line, then a field line.
        let longTarget = try Self.exchange(port, "GET /" + String(repeating: "a", count: 1100) + " HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(longTarget.status == 414 && longTarget.body.contains("longer than 1024 bytes"))
        let longField = try Self.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nCookie: " + String(repeating: "c", count: 1100) + "\r\n\r\n")
        #expect(longField.status == 431)
        // Half a request, then the client's end: told why.
        let half = try GuestClient(port: port)
        half.send("GET / HTTP/1.1\r\nHost: x\r\n")
        half.finishSending()
        #expect(Self.parse(half.readToEnd()).status == 400)

        // The counts of what was answered are themselves published.
        let scraped = try PrometheusText(try Self.get(port, "/metrics").body)
        #expect(scraped.value("hotelline_wallboard_responses_total", ["code": "404"]) == 1)
        #expect(scraped.value("hotelline_wallboard_responses_total", ["code": "400"]) == 3)
    }

    /// A client that never finishes its request is answered 408 once the guest line's idle
    /// time has passed, as a silent caller is let go; the port serves the next one.
    @Test func aSlowClientIsAnswered408AfterTheIdleTime() throws {
        let line = try Self.line { $0.line.idleTimeoutSeconds = 0.3 }
        defer { try? line.stop(); line.removeData() }
        let port = try #require(line.wallboardPort)
        let slow = try GuestClient(port: port)
        slow.send("GET / HTTP/1.1\r\nHo")
        let started = Date()
        let answer = Self.parse(slow.readToEnd())
        #expect(answer.status == 408 && answer.body.contains("did not arrive whole within 0.3 seconds (the line's --idle-timeout)"))
        #expect(Date().timeIntervalSince(started) < 5)
        let silent = try GuestClient(port: port)
        #expect(Self.parse(silent.readToEnd()).status == 408)
        #expect(try Self.get(port, "/state.json").status == 200)
    }

    /// Past --max-wallboards a newcomer is answered 503 at once; once a place is free, served.
    @Test func pastItsClientsTheWallboardIsBusy() throws {
        let line = try Self.line { $0.wallboard.maxClients = 2 }
        defer { try? line.stop(); line.removeData() }
        let port = try #require(line.wallboardPort)
        let first = try GuestClient(port: port), second = try GuestClient(port: port)
        first.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
        try first.read(until: "data: {")
        second.send("GET /events HTTP/1.1\r\n")  // holding a place, its request unfinished
        Thread.sleep(forTimeInterval: 0.05)
        let busy = try Self.get(port, "/")
        #expect(busy.status == 503 && busy.field("Retry-After") == "5" && busy.body.contains("--max-wallboards"))
        second.finishSending()
        _ = second.readToEnd()
        var served = 0
        for _ in 0..<100 where served == 0 {
            if try Self.get(port, "/state.json").status == 200 { served += 1 } else { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(served == 1)
    }

    /// The metrics a scraper reads, through a strict reader of the format, before and after
    /// a real booking through the real guest port: the counters move, the journal's too.
    @Test func metricsMoveWithARealCall() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let port = try #require(line.wallboardPort)
        let before = try PrometheusText(try Self.get(port, "/metrics").body)
        #expect(before.families["hotelline_calls_total"]?.type == "counter")
        #expect(before.families["hotelline_guests_on_line"]?.type == "gauge")
        #expect(before.families["hotelline_journal_sync_seconds"]?.type == "histogram")
        #expect(before.value("hotelline_calls_total") == 0 && before.value("hotelline_guest_lines_received_total") == 0)
        for state in ["available", "on_call", "offered", "wrap_up", "away"] {
            #expect(before.value("hotelline_agents", ["state": state]) == 0, "\(state)")
        }
        for list in ["callbacks", "complaints", "revisits", "arrivals", "feedback"] {
            #expect(before.value("hotelline_work_items_open", ["list": list]) == 0, "\(list)")
        }

        let guest = try line.guest()
        _ = try GuestLineSocketTests.book(guest)
        let during = try PrometheusText(try Self.get(port, "/metrics").body)
        #expect(during.value("hotelline_guests_on_line") == 1 && during.value("hotelline_calls_today") == 1)
        guest.say("quit")
        _ = guest.readToEnd()

        var after = during
        for _ in 0..<100 {
            after = try PrometheusText(try Self.get(port, "/metrics").body)
            if after.value("hotelline_guests_on_line") == 0 { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(after.value("hotelline_calls_total") == 1)
        #expect(after.value("hotelline_guests_on_line") == 0)
        // The language, the menu choice and the booking's answers: nine lines and the yes, quit.
        #expect(after.value("hotelline_guest_lines_received_total") ?? 0 >= 10)
        #expect(after.value("hotelline_guest_texts_sent_total") ?? 0 > after.value("hotelline_guest_lines_received_total") ?? 0)
        #expect(after.value("hotelline_journal_records_total") ?? 0 >= 1)
        #expect(after.value("hotelline_journal_commits_total") ?? 0 >= 1)
        #expect(after.value("hotelline_journal_sync_seconds_count") == after.value("hotelline_journal_commits_total"))
        // The booking arrives on 24 December, a month on: no arrival call yet, nothing overdue.
        #expect(after.value("hotelline_work_items_overdue", ["list": "arrivals"]) == 0)

        // A callback request is a promise on the callbacks list: counted (off the loop) soon after.
        let caller = try line.guest()
        try caller.read(until: "0  Speak to a person")
        for answer in ["3", "+86 10 6552 9988", "tomorrow 10am", "About my bill.", "1", "Li Wei"] { caller.say(answer) }
        try caller.read(until: "Your reference number is C")
        var open: Double?
        for _ in 0..<150 where open != 1 {
            open = try PrometheusText(try Self.get(port, "/metrics").body).value("hotelline_work_items_open", ["list": "callbacks"])
            if open != 1 { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(open == 1)
    }

    /// A guest who asks for a person shows on the board at once: the stream's next snapshot
    /// has them waiting, the agent offered the call; the snapshot has nobody's name or phone.
    @Test func aGuestWaitingShowsOnTheStreamAndNothingOfThemIs() throws {
        let data = TestPaths.temporaryDirectory()
        try RunningLine.addAgent("mei", name: "Mei", pin: "4821", in: data)
        let line = try Self.line(dataDirectory: data)
        defer { try? line.stop(); line.removeData() }
        let port = try #require(line.wallboardPort)
        let stream = try GuestClient(port: port)
        stream.send("GET /events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        let opening = try stream.read(until: "\r\n\r\n")
        #expect(opening.hasPrefix("HTTP/1.1 200 OK\nDate: ") && opening.contains("\nContent-Type: text/event-stream; charset=utf-8\n"))
        #expect(!opening.contains("Content-Length"))
        #expect(try stream.read(until: "\n\n") == "retry: 2000\n\n")
        #expect(try stream.read(until: "\n\n").contains("\"waiting\":0,"))

        let mei = try line.console()
        try mei.logIn("mei", "4821")
        let guest = try line.guest()
        _ = try GuestLineSocketTests.book(guest, name: "Wen Shu", phone: "+886 2 2700 1234")
        guest.say("0")
        try mei.read(until: "Type accept or decline.")
        var seen = ""
        for _ in 0..<100 where !seen.contains("\"waiting\":1,") {
            seen = try stream.read(until: "\n\n")
        }
        #expect(seen.contains("\"onLine\":1,\"waiting\":1,"))
        #expect(seen.contains("\"agents\":{\"available\":0,\"onCall\":0,\"offered\":1,"))
        let state = try Self.get(port, "/state.json").body
        let page = try Self.get(port, "/").body
        let metrics = try Self.get(port, "/metrics").body
        for text in [seen, state, page, metrics] {
            for secret in ["Wen Shu", "2700 1234", "27001234", "Wen"] { #expect(!text.contains(secret), "\(secret) in \(text.prefix(80))") }
        }
        #expect(page.contains("<div class=\"n\" id=\"waiting\">1</div>"))

        mei.say("accept", ending: "\n")
        try guest.read(until: "Please go ahead.")
        for _ in 0..<100 where !seen.contains("\"waiting\":0,") {
            seen = try stream.read(until: "\n\n")
        }
        #expect(seen.contains("\"onCall\":1,"))
        #expect(seen.contains("\"answered\":{\"within\":1,\"of\":1,\"target\":20}"))
    }

    /// The page in another of the hotel's languages, from its catalog; an unknown tag gets the first.
    @Test func thePageSpeaksTheHotelsLanguages() throws {
        let line = try Self.line()
        defer { try? line.stop(); line.removeData() }
        let port = try #require(line.wallboardPort)
        let chinese = try Self.get(port, "/?lang=zh-Hant").body
        #expect(chinese.contains("<html lang=\"zh-Hant\">") && chinese.contains(">今日來電<"))
        #expect(chinese.contains(">待辦事項：逾期<"))
        let spanish = try Self.get(port, "/?lang=es").body
        #expect(spanish.contains(">Llamadas hoy<"))
        let unknown = try Self.get(port, "/?lang=xx").body
        #expect(unknown.contains("<html lang=\"en\">") && unknown.contains(">Calls today<"))
    }
}
