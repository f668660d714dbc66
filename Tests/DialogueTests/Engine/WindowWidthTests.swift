import HotelCalendar
import Testing
import TestSupport
@testable import Dialogue

/// The guest's own width: a conversation told its window (`.windowResized`) lays every text
/// out to it, within the minimum and the hotel's width, from the next text on.
@Suite("The guest's window width")
struct WindowWidthTests {
    /// A whole tour of the menus, every line of it after the greeting (said before the
    /// window is known).
    static func tour(width: Int?) -> [String] {
        var call = Call()
        if let width { call.tell(.windowResized(columns: width)) }
        var heard = ""
        for line in ["help", "1", "help", "24 Dec", "27 Dec", "9", "1", "menu", "2", "help", "menu", "3", "9", "menu", "4", "help", "menu",
                     "5", "menu", "0"] {
            call.send(line)
            heard += (heard.isEmpty ? "" : "\n") + call.rawHeard
        }
        return heard.components(separatedBy: "\n")
    }

    @Test(arguments: [30, 40, 48, 60, 78])
    func everyTextFitsTheWindow(columns: Int) {
        let lines = Self.tour(width: columns)
        #expect(lines.contains { $0.contains("m²") })
        for line in lines { #expect(displayWidth(of: line) <= columns, "\(columns) columns: \(line)") }
        #expect(lines.contains { displayWidth(of: $0) > columns - 8 }, "texts use the width they have")
    }

    @Test func theHotelsWidthIsTheUpperBoundAndTheDefault() {
        let wide = Self.tour(width: 200)
        #expect(wide == Self.tour(width: nil), "no wider than the hotel's width")
        #expect(Self.tour(width: 0) == Self.tour(width: nil), "0: the window's width is unknown")
        #expect(wide.allSatisfy { displayWidth(of: $0) <= 78 })
    }

    @Test func belowTheMinimumTheMinimumIsUsed() {
        #expect(Self.tour(width: 12) == Self.tour(width: Conversation.minimumLineWidth))
    }

    @Test func aResizeTakesEffectFromTheNextText() {
        var call = Call()
        call.send("1")
        call.send("repeat")
        let before = call.rawHeard
        call.tell(.windowResized(columns: 40))
        #expect(call.rawHeard.isEmpty, "a resize says nothing")
        #expect(call.conversation.lineWidth == 40)
        call.send("repeat")
        #expect(call.rawHeard != before)
        #expect(call.rawHeard.components(separatedBy: "\n").allSatisfy { displayWidth(of: $0) <= 40 })
        call.tell(.windowResized(columns: 100))
        call.send("repeat")
        #expect(call.rawHeard == before, "back at the hotel's width: exactly as before")
    }

    @Test func constantTextsAreLaidOutOncePerWidth() {
        let pack = ShippedPrompts.prompts.languages[0]
        let first = pack.constants.laidOut(width: 44)
        #expect(pack.constants.laidOut(width: 44) === first)
        #expect(pack.constants.laidOut(width: 78) === pack.constants.laidOut)
        #expect(first.width == 44)
    }
}
