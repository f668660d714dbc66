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

    @Test func aTextAFlowUsesIsReportedWhereTheFlowUsesIt() {
        var set = PromptFiles.bilingual
        set.replace("complaint.ask.staying = Are you staying with us at the moment? (yes/no)\n", with: "", in: "zh.messages")
        #expect(set.errors == ["\(set.place(of: "prompt complaint.ask.staying", in: "complaint.flow")): missing text \"complaint.ask.staying\" in Prompts/zh.messages"])
    }

    @Test func aTextTheEngineSpeaksIsReportedInTheCatalog() {
        var set = PromptFiles.bilingual
        set.replace("global.noinput = Are you still there? Take your time; I'm here when you are ready.\n", with: "", in: "zh.messages")
        #expect(set.errors == ["Prompts/zh.messages: missing text \"global.noinput\" in Prompts/zh.messages"])
    }

    @Test func aListedLanguageNeedsItsCatalog() {
        var set = PromptFiles.bilingual
        set.remove("zh.messages")
        #expect(set.errors == ["Prompts/zh.messages: missing: hotel.conf lists language \"zh\""])
    }

    @Test func aCatalogForALanguageNotListedIsOnlyAWarning() {
        var set = PromptFiles.bilingual
        set.replace("languages = en, zh\n", with: "languages = en\n", in: "hotel.conf")
        #expect(set.errors.isEmpty)
        #expect(set.warnings == ["Prompts/zh.messages: warning: not used: add \"zh\" to languages in hotel.conf"])
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
