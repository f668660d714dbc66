import Foundation
import Switchboard
import Testing
import TestSupport

/// The wallboard in a real browser: Debian's `chromium`, headless, loads the page from the
/// real line, follows its event stream, and shows a guest's call as it happens. Skipped,
/// with the reason printed, only where no chromium is installed (`.ci/run` installs it).
@Suite("The wallboard in Chromium", .blocking)
struct WallboardBrowserTests {
    static let skipReason: Comment = "chromium is not installed (apt-get install chromium; .ci/run installs it): the wallboard's browser test is skipped"

    @Test(.enabled(if: HeadlessChromium.binary != nil || Self.sayWhySkipped(), skipReason))
    func theBoardShowsAGuestsCallLive() throws {
        let data = TestPaths.temporaryDirectory()
        try RunningLine.addAgent("mei", name: "Mei", pin: "4821", in: data)
        let line = try RunningLine(dataDirectory: data) { settings in
            settings.wallboard.port = 0
            settings.wallboard.roundSeconds = 0.05
        }
        defer { try? line.stop(); line.removeData() }
        let port = try #require(line.wallboardPort)
        let deadline = Date().addingTimeInterval(15)  // a limit for a failing run, not the expected time

        let browser = try HeadlessChromium(url: "http://127.0.0.1:\(port)/")
        defer { browser.close() }
        try browser.attachToPage(deadline: deadline)
        // The page is showing the figures from its stream: nobody has called yet.
        let board = "[document.body.dataset.updates, callsToday.textContent, waiting.textContent, live.textContent].join(' ')"
        let before = try browser.wait(for: board, deadline: deadline) { ($0?.split(separator: " ").first).flatMap { Int($0) } ?? 0 >= 1 }
        #expect(before?.hasSuffix(" 0 0 Live") == true, "\(before ?? "")")
        let scraped = try PrometheusText(try WallboardSocketTests.get(port, "/metrics").body)
        #expect(scraped.value("hotelline_wallboard_streams") == 1, "the page follows the event stream")

        // A guest calls and asks for a person while the agent is away: they wait.
        let mei = try line.console()
        try mei.logIn("mei", "4821")
        mei.say("status away", ending: "\n")
        try mei.read(until: "no calls will be offered.")
        let guest = try line.guest()
        try guest.read(until: "0  Speak to a person")
        guest.say("0")
        try guest.read(until: "no colleague")

        let after = try browser.wait(for: board, deadline: deadline) { $0?.hasSuffix(" 1 1 Live") == true }
        let updates = Int(after?.split(separator: " ").first ?? "") ?? 0
        let first = Int(before?.split(separator: " ").first ?? "") ?? 0
        #expect(updates > first, "the figures changed by the stream, not by loading the page again")
        let dom = try browser.evaluate("document.documentElement.outerHTML", deadline: deadline) ?? ""
        #expect(dom.contains("<div class=\"n\" id=\"onLine\">1</div>"))
        #expect(dom.contains("<div class=\"n\" id=\"a-away\">1</div>"))
        #expect(dom.contains("<div class=\"n\" id=\"callsToday\">1</div>"))
        _ = guest
    }

    /// Prints why the test is skipped (Swift Testing shows the comment too) and says no.
    static func sayWhySkipped() -> Bool {
        print("skipped: \(skipReason)")
        return false
    }
}
