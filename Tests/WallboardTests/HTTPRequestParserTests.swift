import Testing
import TestSupport
@testable import Wallboard

/// The request parser as a value: bytes in, a head or a refusal out, no socket and no clock.
@Suite struct HTTPRequestParserTests {
    private func parse(_ text: String, limits: HTTPRequestParser.Limits = .init()) -> HTTPRequestParser.Outcome {
        var parser = HTTPRequestParser(limits: limits)
        return parser.feed(Array(text.utf8))
    }

    private func head(_ text: String) throws -> HTTPRequestHead {
        guard case .request(let head, _) = parse(text) else {
            Issue.record("not a request: \(parse(text))")
            throw HTTPRefusal.malformed("test")
        }
        return head
    }

    private func refusal(_ text: String, limits: HTTPRequestParser.Limits = .init()) -> HTTPRefusal? {
        if case .refused(let refusal) = parse(text, limits: limits) { return refusal }
        return nil
    }

    @Test func readsABrowsersRequest() throws {
        let text = "GET /?lang=zh-Hant HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: Mozilla/5.0 (X11)\r\n"
            + "Accept:text/html, */*;q=0.8  \r\nAccept-Language: \t es \r\n\r\n"
        let head = try head(text)
        #expect(head.method == "GET")
        #expect(head.path == "/")
        #expect(head.query == "lang=zh-Hant")
        #expect(head.queryValue("lang") == "zh-Hant")
        #expect(head.queryValue("other") == nil)
        #expect(head.minorVersion == 1)
        #expect(head.field("HOST") == "127.0.0.1:8080")
        #expect(head.field("accept") == "text/html, */*;q=0.8")
        #expect(head.field("Accept-Language") == "es")
        #expect(head.fields.map(\.name) == ["host", "user-agent", "accept", "accept-language"])
    }

    @Test func consumedStopsAtTheBlankLine() {
        let first = "GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(parse(first + "GET / HTTP/1.1\r\n") == .request(HTTPRequestHead(method: "GET", path: "/metrics",
                                                                                    fields: [.init(name: "host", value: "a")]),
                                                             consumed: first.utf8.count))
    }

    /// Two requests in one read: each parser reads one head, the second from where the first stopped.
    @Test func pipelinedRequestsAreReadOneParserEach() throws {
        let bytes = Array("GET /state.json HTTP/1.1\r\nHost: a\r\n\r\nHEAD /metrics HTTP/1.0\r\n\r\nGET /x".utf8)
        var first = HTTPRequestParser()
        guard case .request(let one, let used) = first.feed(bytes) else { Issue.record("no first request"); return }
        #expect(one.path == "/state.json")
        var second = HTTPRequestParser()
        guard case .request(let two, let usedToo) = second.feed(Array(bytes[used...])) else { Issue.record("no second request"); return }
        #expect(two.method == "HEAD" && two.path == "/metrics" && two.minorVersion == 0 && two.fields.isEmpty)
        var third = HTTPRequestParser()
        #expect(third.feed(Array(bytes[(used + usedToo)...])) == .needMore)
    }

    /// Slowloris: a byte at a time, the head is never whole until its blank line, and the
    /// parser holds no more than a line of it.
    @Test func aByteAtATimeIsNeedMoreUntilTheEnd() {
        let text = Array("GET /events HTTP/1.1\r\nHost: wallboard\r\nAccept: text/event-stream\r\n\r\n".utf8)
        var parser = HTTPRequestParser()
        #expect(!parser.hasStarted)
        for byte in text.dropLast() {
            #expect(parser.feed([byte]) == .needMore)
        }
        #expect(parser.hasStarted)
        guard case .request(let head, let consumed) = parser.feed([text.last!]) else { Issue.record("no request"); return }
        #expect(head.path == "/events" && consumed == 1)
    }

    @Test func bareLinefeedsAndLeadingBlankLinesAreAccepted() throws {
        let head = try head("\r\n\nGET /metrics HTTP/1.1\nHost: x\n\n")
        #expect(head.path == "/metrics")
    }

    @Test func absoluteFormKeepsThePathAndQuery() throws {
        #expect(try head("GET http://127.0.0.1:9/metrics?x=1 HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n").path == "/metrics")
        #expect(try head("GET HTTP://host HTTP/1.1\r\nHost: host\r\n\r\n").path == "/")
        #expect(try head("GET http://host?lang=es HTTP/1.1\r\nHost: host\r\n\r\n").queryValue("lang") == "es")
    }

    @Test func aLaterMinorVersionIsReadAsOneOne() throws {
        #expect(try head("GET / HTTP/1.7\r\nHost: a\r\n\r\n").minorVersion == 1)
    }

    @Test(arguments: [
        "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",           // two spaces
        "GET / HTTP/1.1 \r\nHost: a\r\n\r\n",           // a trailing space
        "GET /\r\nHost: a\r\n\r\n",                     // HTTP/0.9
        "GET / HTTX/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.1x\r\nHost: a\r\n\r\n",
        "G(ET / HTTP/1.1\r\nHost: a\r\n\r\n",           // not a token
        "GET index.html HTTP/1.1\r\nHost: a\r\n\r\n",   // no slash
        "GET ftp://a/ HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /a\u{7F}b HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n",   // bytes past ASCII
        "GET /#top HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.1\rHost: a\r\n\r\n",              // bare CR
        "GET / HTTP/1.1\r\nHost : a\r\n\r\n",           // space before the colon
        "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", // obs-fold
        "GET / HTTP/1.1\r\nHost a\r\n\r\n",             // no colon
        "GET / HTTP/1.1\r\n: a\r\n\r\n",                // no name
        "GET / HTTP/1.1\r\nHost: a\u{01}b\r\n\r\n",     // a control character in a value
        "GET / HTTP/1.1\r\n\r\n",                       // no Host in 1.1
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", // two
    ])
    func malformedRequestsAreBadRequests(_ text: String) {
        let refused = refusal(text)
        #expect(refused?.status == .badRequest, "\(text.debugDescription) → \(String(describing: refused))")
    }

    @Test func http10NeedsNoHost() throws {
        #expect(try head("GET / HTTP/1.0\r\n\r\n").minorVersion == 0)
    }

    @Test func otherMajorVersionsAre505() {
        #expect(refusal("GET / HTTP/2.0\r\nHost: a\r\n\r\n") == .versionNotSupported("HTTP/2.0"))
        #expect(refusal("GET / HTTP/3\r\nHost: a\r\n\r\n")?.status == .versionNotSupported)
    }

    /// Past the line limit the parser refuses at once, without reading (or holding) the rest.
    @Test func aRequestLineTooLongIs414AtTheLimit() {
        let limits = HTTPRequestParser.Limits(maxLineBytes: 64)
        let exactly = "GET /" + String(repeating: "a", count: 64 - "GET / HTTP/1.1".utf8.count) + " HTTP/1.1"
        #expect(exactly.utf8.count == 64)
        var fits = HTTPRequestParser(limits: limits)
        #expect(fits.feed(Array((exactly + "\r\nHost: a\r\n\r\n").utf8)) != .refused(.targetTooLong(limit: 64)))
        var parser = HTTPRequestParser(limits: limits)
        #expect(parser.feed(Array(("GET /" + String(repeating: "a", count: 60)).utf8)) == .refused(.targetTooLong(limit: 64)))
        #expect(parser.feed(Array("more".utf8)) == .refused(.targetTooLong(limit: 64)))  // repeated, harmless
        #expect(HTTPRefusal.targetTooLong(limit: 64).status == .uriTooLong)
    }

    @Test func headerFieldsTooLargeAre431() {
        let limits = HTTPRequestParser.Limits(maxLineBytes: 100, maxFieldBytes: 300, maxFields: 5)
        let longLine = "GET / HTTP/1.1\r\nCookie: " + String(repeating: "c", count: 100) + "\r\n\r\n"
        #expect(refusal(longLine, limits: limits)?.status == .fieldsTooLarge)
        let many = "GET / HTTP/1.1\r\n" + (1...6).map { "X-\($0): y\r\n" }.joined() + "\r\n"
        #expect(refusal(many, limits: limits) == .fieldsTooLarge("more than 5 header fields"))
        let bulky = "GET / HTTP/1.1\r\n" + (1...4).map { "X-\($0): " + String(repeating: "v", count: 90) + "\r\n" }.joined() + "\r\n"
        #expect(refusal(bulky, limits: limits) == .fieldsTooLarge("the header fields come to more than 300 bytes"))
    }

    /// Seeded random cuts of good requests always give the same head as one feed; random
    /// bytes never crash it and always end in a head, a refusal, or a wish for more.
    @Test func anyCutOfTheBytesReadsTheSame() {
        var random = SeededGenerator(seed: 17)
        let requests = ["GET /metrics HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n", "HEAD /?lang=es HTTP/1.0\n\n",
                        "GET http://h/state.json HTTP/1.1\r\nhost:h\r\nX: \t\r\n\r\n"]
        for text in requests {
            let bytes = Array(text.utf8)
            var whole = HTTPRequestParser()
            let expected = whole.feed(bytes)
            for _ in 0..<50 {
                var parser = HTTPRequestParser()
                var start = 0
                var outcome = HTTPRequestParser.Outcome.needMore
                while start < bytes.count, outcome == .needMore {
                    let end = min(bytes.count, start + 1 + Int(random.next() % 7))
                    outcome = parser.feed(Array(bytes[start..<end]))
                    start = end
                }
                guard case .request(let head, _) = outcome, case .request(let wanted, _) = expected else {
                    Issue.record("seed 17: \(text.debugDescription) gave \(outcome)")
                    return
                }
                #expect(head == wanted)
            }
        }
        for _ in 0..<200 {
            var parser = HTTPRequestParser(limits: .init(maxLineBytes: 40))
            let noise = (0..<Int(random.next() % 120)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            switch parser.feed(noise) {
            case .needMore, .request, .refused: break
            }
        }
    }
}
