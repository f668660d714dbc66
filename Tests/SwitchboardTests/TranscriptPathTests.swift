import Testing
@testable import Switchboard

/// A call's transcript path is written byte by byte; it must be what interpolation makes.
@Suite("Transcript paths")
struct TranscriptPathTests {
    @Test(arguments: [("2026-11-25", "20261125-1000-ab12-1"), ("", ""), ("2026-01-02", "20260102-0905-ffff-18446744073709551615"),
                      ("día-豪华", "名前-ü")])
    func sameAsInterpolated(day: String, id: String) {
        #expect(GuestSession.transcriptPath(day: day, id: id) == "transcripts/\(day)/\(id).txt")
    }
}
