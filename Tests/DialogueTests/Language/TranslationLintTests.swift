import Testing
@testable import Dialogue

/// A second language must be complete: every text, every hotel text, every room.
@Suite("Translation lint")
struct TranslationLintTests {
    @Test func theBilingualSetCompilesCleanly() {
        let (set, diagnostics) = PromptFiles.bilingual.compile()
        #expect(set?.languages.map(\.code) == ["en", "zh"])
        #expect(diagnostics.isEmpty, "\n\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    /// An untranslated text is reported in the catalog that lacks it, at the line it would
    /// follow, naming where the first language has it.
    @Test func aTextAFlowUsesIsReportedInTheCatalogThatLacksIt() {
        var set = PromptFiles.bilingual
        set.replace("complaint.ask.staying = Are you staying with us at the moment? (yes/no)\n", with: "", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "complaint.ask.phone =", in: "zh.messages")): missing text \"complaint.ask.staying\" (\(set.place(of: "complaint.ask.staying =", in: "en.messages")) has it; it belongs after this line)"])
    }

    @Test func aTextTheEngineSpeaksIsReportedInTheCatalogThatLacksIt() {
        var set = PromptFiles.bilingual
        set.replace("global.noinput = Are you still there? Take your time; I'm here when you are ready.\n", with: "", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "global.back.none =", in: "zh.messages")): missing text \"global.noinput\" (\(set.place(of: "global.noinput =", in: "en.messages")) has it; it belongs after this line)"])
    }

    @Test func aListedLanguageNeedsItsCatalog() {
        var set = PromptFiles.bilingual
        set.remove("zh.messages")
        #expect(set.errors == ["\(set.place(of: "languages = ", in: "hotel.conf")): languages lists \"zh\", but there is no Prompts/zh.messages"])
    }

    @Test func aCatalogForALanguageNotListedIsOnlyAWarning() {
        var set = PromptFiles.bilingual
        set.replace("languages = en, zh\n", with: "languages = en\n", in: "hotel.conf")
        #expect(set.errors.isEmpty)
        #expect(set.warnings == ["Prompts/zh.messages:1: warning: not used: add \"zh\" to languages in hotel.conf"])
    }

    // MARK: The wallboard's labels

    /// Staff's labels for the wallboard need not be given (it shows English), but once one
    /// catalog gives one, every catalog must: reported where it belongs, as any text.
    @Test func aWallboardLabelOneCatalogGivesEveryCatalogMust() {
        var set = PromptFiles.bilingual
        set.replace("wallboard.open = open\n", with: "", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "wallboard.work =", in: "zh.messages")): missing text \"wallboard.open\" (\(set.place(of: "wallboard.open =", in: "en.messages")) has it; it belongs after this line)"])
    }

    @Test func wallboardLabelsMayBeLeftOutEverywhereAndAreNotUnusedTexts() {
        var none = PromptFiles.bilingual
        for catalog in ["en.messages", "zh.messages"] {
            let lines = none.text(of: catalog).split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines where line.hasPrefix("wallboard.") { none.replace(String(line) + "\n", with: "", in: catalog) }
        }
        #expect(!none.text(of: "zh.messages").contains("wallboard."))
        #expect(none.errors.isEmpty && none.warnings.isEmpty, "\(none.errors) \(none.warnings)")
        #expect(PromptFiles.bilingual.warnings.isEmpty, "the labels given are in use")
    }

    // MARK: The same values in every language

    @Test func aTranslationThatLeavesOutAValueIsReportedAtItsLine() {
        var set = PromptFiles.bilingual
        set.replace("  | Your guest file number is {guest.file}.\n", with: "", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "booking.done =", in: "zh.messages")): \"booking.done\" leaves out {guest.file}, unlike \(set.place(of: "booking.done =", in: "en.messages")): every language says the same values"])
    }

    @Test func aTranslationThatAddsAValueIsReportedAtItsLine() {
        var set = PromptFiles.bilingual
        set.replace("booking.cancelled = No problem, I have not booked anything.", with: "booking.cancelled = {guest.name}，我没有为您预订任何房间。", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "booking.cancelled =", in: "zh.messages")): \"booking.cancelled\" adds {guest.name}, unlike \(set.place(of: "booking.cancelled =", in: "en.messages")): every language says the same values"])
    }

    @Test func howALanguageWritesAValueMayDiffer() {
        var set = PromptFiles.bilingual
        set.replace("format.date = {date.weekday} {date.day} {date.month} {date.year}", with: "format.date = {date.month}{date.day}日", in: "zh.messages")
        #expect(set.errors.isEmpty)
    }

    // MARK: Menus that line up

    @Test func aMenuItemOnTwoLinesIsReported() {
        var set = PromptFiles.bilingual
        set.replace("main.menu.booking = 客房预订\n", with: "main.menu.booking = 客房预订\n  | 与查询\n", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "main.menu.booking =", in: "zh.messages")): \"main.menu.booking\" is a menu item in main.menu: write it on one line, with no leading space, or the menu would not line up"])
    }

    @Test func aMenuRowTooWideToBreakIsReported() {
        var set = PromptFiles.bilingual
        // Chinese breaks between its characters; a Latin word of 88 letters breaks nowhere.
        set.replace("main.menu.booking = 客房预订\n", with: "main.menu.booking = 客房预订" + String(repeating: "客房预订", count: 10) + "\n", in: "zh.messages")
        #expect(set.errors.isEmpty)
        set.replace("main.menu.booking = 客房预订" + String(repeating: "客房预订", count: 10) + "\n",
                    with: "main.menu.booking = 预订" + String(repeating: "Reservation", count: 8) + "\n", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "main.menu.booking =", in: "zh.messages")): \"main.menu.booking\" makes a row of the menu in main.menu with 88 columns with nowhere to break them, more than the 73 a row has at line-width 78: the line would have to cut a word"])
    }

    @Test func aLongMenuRowThatWrapsAtSpacesIsFine() {
        var set = PromptFiles.bilingual
        set.replace("main.menu.booking = 客房预订\n", with: "main.menu.booking = " + String(repeating: "rooms and ", count: 10) + "bookings\n", in: "zh.messages")
        #expect(set.errors.isEmpty)
    }

    @Test func aRoomRowTooWideToBreakIsReportedAtTheRoomFormat() {
        var set = PromptFiles.bilingual
        set.replace("format.room = {room.number}  {room.name}  {room.rate} a night, {room.size} m², {room.facilities}",
                    with: "format.room = {room.number}  {room.name}  每晚{room.rate}，{room.size}平方米，{room.facilities}", in: "zh.messages")
        #expect(set.errors.isEmpty)
        set.replace("facilities[zh] = 特大床、海景、浴缸", with: "facilities[zh] = 特大床、海景、浴缸、迷你吧、免费无线网络、观景阳台、咖啡机", in: "hotel.conf")
        #expect(set.errors.isEmpty, "a long row of Chinese breaks between its characters")
        set.replace("facilities[zh] = 特大床、海景、浴缸、迷你吧、免费无线网络、观景阳台、咖啡机",
                    with: "facilities[zh] = 特大床、" + String(repeating: "Minibar", count: 12), in: "hotel.conf")
        #expect(set.errors == ["\(set.place(of: "format.room =", in: "zh.messages")): \"format.room\" makes the row of room \"deluxe\" with 84 columns with nowhere to break them, more than the 73 a row has at line-width 78: the line would have to cut a word"])
    }

    @Test func aLanguageScreenRowTooWideToBreakIsReported() {
        var set = PromptFiles.bilingual
        set.replace("language.choose = 欢迎致电{hotel.name}，请输入{language.number}。", with: "language.choose = 欢迎致电{hotel.name}，" + String(repeating: "中文服务", count: 7) + "请输入{language.number}。", in: "zh.messages")
        #expect(set.errors.isEmpty, "a long row of Chinese breaks between its characters")
        set.replace("language.choose = 欢迎致电{hotel.name}，" + String(repeating: "中文服务", count: 7) + "请输入{language.number}。",
                    with: "language.choose = 欢迎致电{hotel.name}，" + String(repeating: "Chinese", count: 12) + "请输入{language.number}。", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "language.choose =", in: "zh.messages")): the language screen's row for zh has 84 columns with nowhere to break them, more than the 73 a row has at line-width 78: the line would have to cut a word"])
    }

    @Test func aRoomFormatMustStartWithTheNumberAndTheName() {
        var set = PromptFiles.bilingual
        set.replace("format.room = {room.number}  {room.name}  {room.rate} a night", with: "format.room = {room.number}  {room.rate}  {room.name} a night", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "format.room =", in: "zh.messages")): \"format.room\" must start with {room.number}, spaces and {room.name}, so the names stand in one column"])
    }

    @Test func aTableWhoseValuesStartInDifferentColumnsIsReported() {
        var set = PromptFiles.bilingual
        set.replace("  |   Name:       {guest.name}\n", with: "  |   姓名：       {guest.name}\n", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "booking.readback =", in: "zh.messages")): \"booking.readback\" does not line up: its rows start their values at columns 16 (姓名：), 15 (Phone:), 15 (Room:), 15 (Check-in:), 15 (Check-out:), 15 (Price:); East Asian characters take two columns each"])
    }

    @Test func tablesAreReadByDisplayWidth() {
        #expect(FlowLinter.tableProblem(in: "Read back:\n  姓名：    王小明\n  电话：    +86\n  房型：    豪华") == nil)
        #expect(FlowLinter.tableProblem(in: "  Name:  a\n  Phone: b") == nil)  // one space: no table
        #expect(FlowLinter.tableProblem(in: "  a:  x\n\n  bb:  y") == nil)  // a blank line ends a table
        #expect(FlowLinter.tableProblem(in: "  a:   x\n  bb:  y") == nil)
        #expect(FlowLinter.tableProblem(in: "  a:  x\n  bb:  y") == "its rows start their values at columns 7 (a:), 8 (bb:)")
    }

    @Test(arguments: ["name", "greeting", "cancellation"])
    func everyHotelTextNeedsATranslation(field: String) {
        var set = PromptFiles.bilingual
        let line = set.text(of: "hotel.conf").split(separator: "\n").first { $0.hasPrefix("\(field)[zh] = ") }!
        set.replace(line + "\n", with: "", in: "hotel.conf")
        #expect(set.errors == ["\(set.place(of: "\(field) = ", in: "hotel.conf")): missing translation \"\(field)[zh]\""])
    }

    @Test(arguments: ["name[zh] = 海港套房", "facilities[zh] = 独立客厅、港湾景观"])
    func everyRoomNeedsATranslationReportedAtItsSection(translation: String) {
        var set = PromptFiles.bilingual
        set.replace(translation + "\n", with: "", in: "hotel.conf")
        #expect(set.errors == ["\(set.place(of: "[room suite]", in: "hotel.conf")): room \"suite\" lacks \"name[zh]\" or \"facilities[zh]\""])
    }
}
