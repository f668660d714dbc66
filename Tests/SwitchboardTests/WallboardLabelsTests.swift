import Storage
import Switchboard
import Testing
import TestSupport
import Wallboard

/// The wallboard's words: one for every work list the line keeps, and every one of them in
/// each of the shipped catalogs, so the board reads whole in every language.
@Suite struct WallboardLabelsTests {
    @Test func everyWorkListHasItsLabel() {
        for list in WorkList.allCases {
            #expect(WallboardLabels.keys.contains("wallboard.\(list.rawValue)"), "no label for the \(list) list")
        }
    }

    @Test func everyShippedLanguageGivesEveryLabel() {
        let prompts = TestPrompts.shipped
        #expect(prompts.hotel.languages == ["en", "zh-Hant", "zh-Hans", "es"])
        for language in prompts.hotel.languages {
            for key in WallboardLabels.keys {
                #expect(prompts.staffText(key, language: language)?.isEmpty == false, "\(language) lacks \(key)")
            }
        }
        #expect(prompts.staffText("wallboard.calls_today", language: "zh-Hans") == "今日来电")
        #expect(prompts.staffText("wallboard.nothing", language: "en") == nil)
    }
}
