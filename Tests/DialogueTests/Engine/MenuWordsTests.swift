import Testing
@testable import Dialogue

/// A catalog gives menu choices words of its own language (`words.LABEL`): typed alone,
/// or inside an answer in a script written without spaces.
@Suite("Menu words of a language")
struct MenuWordsTests {
    static let files: PromptFiles = {
        var set = PromptFiles.bilingual
        set.append("""
            words.main.menu.booking = 订房, 预订, 房间
            words.main.menu.status = 查询, 查询订房
            """, to: "zh.messages")
        return set
    }()
    static let prompts: PromptSet = {
        guard let set = files.compile().0 else { fatalError("the menu-word prompts do not compile: \(files.errors)") }
        return set
    }()

    static func chineseCall() -> Call {
        var call = Call(prompts: prompts, choosing: nil)
        call.send("2")
        return call
    }

    @Test(arguments: [("订房", "booking.checkin"), ("我想订房", "booking.checkin"), ("预订房间", "booking.checkin"),
                      ("查询", "status.phone"), ("查询订房", "status.phone"), ("我想查询订房", "status.phone"),
                      ("１", "booking.checkin"), ("book", "booking.checkin")])
    func aWordOfTheLanguagePicksItsChoice(answer: String, node: String) {
        var call = Self.chineseCall()
        call.walk([answer])
        #expect(call.conversation.currentNode == node, "\(answer): \(call.heard)")
    }

    @Test func wordsOfTwoChoicesAskAgain() {
        var call = Self.chineseCall()
        call.send("订房 complaint")
        #expect(call.conversation.currentNode == "main.menu")
        #expect(call.heard.contains("that isn't one of the choices"))
    }

    @Test func theWordsOfOneLanguageAreNotAnothers() {
        var call = Call(prompts: Self.prompts, choosing: nil)
        call.send("1")
        call.send("订房")
        #expect(call.conversation.currentNode == "main.menu")
    }

    @Test func aWordThatNamesTwoChoicesIsAnError() {
        var set = Self.files
        set.replace("words.main.menu.status = 查询, 查询订房", with: "words.main.menu.status = 查询, 订房", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "words.main.menu.status", in: "zh.messages")): \"订房\" names two choices of main.menu: 1 (main.menu.booking) and 5 (main.menu.status)"])
    }

    @Test func wordsForALabelNoMenuShowsAreAWarning() {
        var set = Self.files
        set.append("words.main.menu.bookings = 预约", to: "zh.messages")
        #expect(set.warnings == ["\(set.place(of: "words.main.menu.bookings", in: "zh.messages")): warning: \"words.main.menu.bookings\" gives words for a menu item \"main.menu.bookings\", but no menu shows it (did you mean \"main.menu.booking\"?)"])
    }

    @Test func aMenuWordThatIsACommandIsAWarning() {
        var set = Self.files
        set.replace("words.main.menu.status = 查询, 查询订房", with: "words.main.menu.status = 查询, help", in: "zh.messages")
        #expect(set.warnings == ["\(set.place(of: "words.main.menu.status", in: "zh.messages")): warning: \"help\" is also the help command in Prompts/zh.messages; the command wins"])
    }

    @Test(arguments: [("家庭房", "family"), ("我要豪华大床房", "deluxe"), ("套房", "suite"), ("３", "family")])
    func aChineseRoomNameOrPartOfOnePicksTheRoom(answer: String, room: String) {
        var call = Self.chineseCall()
        call.walk(["1", "12月24日", "3晚", "1", answer])
        #expect(call.conversation.value(of: "booking.room") == .room(room), "\(answer): \(call.heard)")
    }
}
