import Testing
@testable import Dialogue

/// Languages are named by BCP 47 tags everywhere: `en`, `es`, `zh-Hant`, `zh-Hans`.
@Suite("Language tags")
struct LanguageCodeTests {
    @Test(arguments: ["en", "es", "zh-Hant", "zh-Hans", "es-MX", "zh-TW", "es-419", "zh-Hant-HK", "yue"])
    func acceptsTagsInTheirConventionalCase(tag: String) {
        #expect(LanguageCode.isValid(tag))
    }

    @Test(arguments: ["zh_Hant", "zh-hant", "ZH", "english", "e", "zh-Hant-", "", "中文", "zh-Hant-HK-x", "es-MEX"])
    func refusesAnythingElse(tag: String) {
        #expect(!LanguageCode.isValid(tag))
    }

    @Test func writesATagInItsConventionalCase() {
        #expect(LanguageCode.canonical("zh-hant") == "zh-Hant")
        #expect(LanguageCode.canonical("ZH-HANS") == "zh-Hans")
        #expect(LanguageCode.canonical("es-mx") == "es-MX")
        #expect(LanguageCode.canonical("zh_Hant") == "zh_Hant")  // no tag: left as it is
    }

    @Test func knowsTheScriptOfAChineseTag() {
        #expect(LanguageCode.chineseScript(of: "zh-Hant") == "Hant")
        #expect(LanguageCode.chineseScript(of: "zh-TW") == "Hant")
        #expect(LanguageCode.chineseScript(of: "zh-HK") == "Hant")
        #expect(LanguageCode.chineseScript(of: "zh-Hans") == "Hans")
        #expect(LanguageCode.chineseScript(of: "zh") == "Hans")
        #expect(LanguageCode.chineseScript(of: "es") == nil)
    }

    static func errors(languages: String, extra: String = "") -> [String] {
        let conf = "[hotel]\nname = H\ngreeting = G\ncancellation = C\nlanguages = \(languages)\n\(extra)[room a]\nname = A\nrate = 1\ncount = 1\nsize = 1\n"
        return HotelProfile.parse(conf, fileName: "Prompts/hotel.conf").1.map(\.description)
    }

    @Test func hotelConfSaysWhichTagIsWrongAndTheFix() {
        #expect(Self.errors(languages: "en, zh-hant") == ["Prompts/hotel.conf:5: \"zh-hant\" is not a language tag (did you mean \"zh-Hant\"?)"])
        #expect(Self.errors(languages: "en, zh_Hant") == [
            "Prompts/hotel.conf:5: \"zh_Hant\" is not a language tag; write a BCP 47 tag such as en, es, zh-Hant or zh-Hans (did you mean \"zh-Hant\"?)",
        ])
        #expect(Self.errors(languages: "en, zh-Hant, zh-Hans, es").isEmpty)
    }

    @Test func aTranslationIntoALanguageNotListedIsAWarningWithTheTagMeant() {
        #expect(Self.errors(languages: "en, zh-Hant", extra: "name[zh-hant] = 港景酒店\nname[zh-Hant] = 港景酒店\n") == [
            "Prompts/hotel.conf:6: warning: \"name[zh-hant]\" translates into \"zh-hant\", which languages does not list (did you mean \"zh-Hant\"?)",
        ])
    }
}
