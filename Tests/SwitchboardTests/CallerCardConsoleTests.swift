import Foundation
import Testing
import TestSupport

/// What an agent sees of the caller, over real connections: an identified caller's guest
/// file, kind and segment, open complaints, next stay and special needs, in `sessions`, the
/// queue, the offer and the takeover; an unidentified caller shown as such; a VIP ahead in
/// the queue; and never a guest's phone in clear.
@Suite("The caller's file at the console, over TCP", .blocking)
struct CallerCardConsoleTests {
    @Test func aVIPIdentifiedByTheirFileGoesAheadAndTheAgentSeesTheirFileOnOfferAndTakeover() throws {
        let line = try AgentCalls.line()
        defer { try? line.stop(); line.removeData() }
        let (mei, sara) = try AgentCalls.consoles(on: line)
        let seen = try AgentCalls.playVIP(on: line, mei: mei, sara: sara)
        let flat = { (text: String) in text.squeezed }
        let standing = "open complaints: 1 (\(seen.ticket)); next stay: \(seen.confirmation), 2026-11-26 to 2026-11-28"

        #expect(flat(seen.firstOffer).contains("The caller is not identified: no guest file is shown."), "\(seen.firstOffer)")
        #expect(flat(seen.movedBack).contains("You are now number 2 in line"), "told at once when the VIP went ahead: \(seen.movedBack)")

        // The queue: the VIP first, the guest who asked before them second, not identified.
        let queue = seen.queue.components(separatedBy: "\n").map(flat)
        let rows = queue.filter { $0.hasPrefix("1 ") || $0.hasPrefix("2 ") }
        #expect(rows.count == 2 && rows[0].hasSuffix("******0958 \(seen.file) vip/vip") && rows[1].hasSuffix("- not identified"), "\(seen.queue)")
        #expect(flat(seen.queue).contains(standing), "\(seen.queue)")
        #expect(flat(seen.queue).contains("VIPs wait ahead of guests who had waited less than 2:00 when they asked."))
        #expect(flat(seen.sessions).contains("GUEST") && flat(seen.sessions).contains("\(seen.file) vip/vip")
                && flat(seen.sessions).contains("not identified") && flat(seen.sessions).contains(standing), "\(seen.sessions)")

        // The offer and the takeover: the file, its standing, the needs on file.
        for text in [seen.offer, seen.takeover] {
            #expect(flat(text).contains("Guest file \(seen.file): vip, segment vip; \(standing)."), "\(text)")
            #expect(flat(text).contains("Special needs on file: feather-free pillows; call ******0958 on arrival"), "\(text)")
        }
        #expect(flat(seen.takeover).contains("phone ******0958"))
        for text in [seen.firstOffer, seen.queue, seen.sessions, seen.offer, seen.takeover] {
            #expect(!text.contains("7946"), "a guest's phone in clear: \(text)")
        }
    }
}
