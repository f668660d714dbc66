import Foundation
import Testing
import TestSupport
import Transcript
import Replay

/// `serve --redact`: what reaches the transcript has no guest's name, phone or email, and
/// still replays.
@Suite("Redacted transcripts on the line", .blocking)
struct RedactedTranscriptTests {
    @Test func aTypedAheadCallIsRedactedAndReplays() throws {
        let line = try RunningLine { $0.line.redactTranscripts = true }
        defer { try? line.stop(); line.removeData() }
        // Everything at once, as printf | nc sends it: the survey's name and phone arrive while
        // the booking is still being saved, so they wait in the conversation's queue.
        let guest = try line.guest()
        guest.say(["1", "24 Dec", "27 Dec", "1", "2", "+44 20 7946 0958", "Grace Hopper", "yes", "yes", "4", "no", "Alan Turing",
                   "0161 496 0000", "no", "no"].joined(separator: "\n"))
        guest.finishSending()
        let heard = String(decoding: guest.readToEnd(), as: UTF8.self)
        #expect(heard.contains("Grace Hopper") && heard.contains("Goodbye"), "the guest hears their own name")
        let document = try RemoteReplayTests.transcript(of: line, connection: 1)
        // Phones as typed and as normalised, long enough that the header's clock (13 digits)
        // or the peer's port cannot contain them by chance, as "496" once did.
        for secret in ["Grace", "Hopper", "Alan", "Turing", "7946 0958", "79460958", "0161 496 0000", "01614960000", "4960000"] {
            #expect(!document.text.contains(secret), "\(secret) is in the transcript")
        }
        #expect(document.entries.contains { $0.content == .typed("Guest A") })
        #expect(document.entries.contains { $0.content == .typed("Guest B") })
        #expect(document.entries.contains { $0.content == .typed("+00 00 0000 0001") })
        #expect(document.entries.contains { $0.content == .typed("5000 000 0002") })
        let replay = InProcessReplay.run(document, prompts: TestPrompts.shipped)
        #expect(replay.passed, "\(replay.divergence?.report ?? "")")
    }
}
