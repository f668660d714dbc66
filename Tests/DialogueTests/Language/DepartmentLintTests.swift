import Testing
@testable import Dialogue

/// `[department CODE]` in hotel.conf, and the callback rules the work lists read: every
/// mistake is an error at its line, with the fix where one is near.
@Suite("Departments and callback rules in hotel.conf")
struct DepartmentLintTests {
    @Test func theShippedDepartmentsRouteEveryCategoryAndTopic() throws {
        let hotel = try #require(PromptFiles.edited { _ in }.compile().0).hotel
        #expect(hotel.departments.map(\.code) == ["front-desk", "housekeeping", "food-and-beverage", "security", "engineering"])
        #expect(hotel.department(ofCategory: "other")?.code == "front-desk")
        #expect(hotel.department(ofTopic: "environment")?.code == "housekeeping")
        #expect(hotel.department(ofTopic: "recommend")?.head == "sara")
        #expect(hotel.callbackRetryMinutes == 60 && hotel.callbackTries == 3)
    }

    @Test func aMisspeltCategoryGoesNowhereAndIsNoCategory() {
        let set = PromptFiles.edited { $0.replace("complaints = housekeeping\n", with: "complaints = houskeeping\n", in: "hotel.conf") }
        let section = set.place(of: "[department housekeeping]", in: "hotel.conf")
        #expect(set.errors.contains("\(set.place(of: "[department front-desk]", in: "hotel.conf")): complaint category \"housekeeping\" goes to no department: list it in one [department] section"))
        #expect(set.errors.contains("\(section): [department housekeeping] lists \"houskeeping\", which is no complaint category of the flows (did you mean \"housekeeping\"?)"))
    }

    @Test func aTopicInTwoDepartmentsIsNamedWithBoth() {
        let set = PromptFiles.edited { $0.replace("survey = food\n", with: "survey = food, room\n", in: "hotel.conf") }
        #expect(set.errors == ["\(set.place(of: "[department engineering]", in: "hotel.conf")): survey topic \"room\" goes to both food-and-beverage and engineering"])
    }

    @Test(arguments: [("name = Security\nhead = sara\n", "name = Security\nhead = Sara!\n", "head \"Sara!\" is not an agent ID (1 to 32 of a-z, 0-9, - and _)"),
                      ("name = Security\n", "nmae = Security\n", "unknown department setting \"nmae\" (did you mean \"name\"?)"),
                      ("callback-retry = 60\n", "callback-retry = soon\n", "callback-retry must be a whole number from 5 to 1440, not \"soon\""),
                      ("callback-tries = 3\n", "callback-tries = 0\n", "callback-tries must be a whole number from 1 to 10, not \"0\"")])
    func aBadSettingIsAnErrorAtItsLine(old: String, new: String, message: String) {
        let set = PromptFiles.edited { $0.replace(old, with: new, in: "hotel.conf") }
        let line = String(new.split(separator: "\n").last!)
        #expect(set.errors == ["\(set.place(of: line, in: "hotel.conf")): \(message)"])
    }

    @Test func aDepartmentWithoutAHeadOrCodeIsRefused() {
        let headless = PromptFiles.edited { $0.replace("[department security]\nname = Security\nhead = sara\n", with: "[department security]\nname = Security\n", in: "hotel.conf") }
        #expect(headless.errors == ["\(headless.place(of: "[department security]", in: "hotel.conf")): [department security] needs \"head = AGENT-ID\" (who signs off its complaints)"])
        let codeless = PromptFiles.edited { $0.replace("[department security]\n", with: "[department]\n", in: "hotel.conf") }
        #expect(codeless.errors.contains("\(codeless.place(of: "[department]", in: "hotel.conf")): a department section reads [department CODE], like [department housekeeping]"))
    }
}
