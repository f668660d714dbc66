import Dialogue
import Testing

/// hotel.conf's guest file settings: `group-rooms`, `segment-medium`, `segment-large`,
/// `birthday-days`, each refused at its line with what it may be.
@Suite("Guest file settings in hotel.conf")
struct GuestSettingsTests {
    static func parse(_ extra: String) -> (HotelProfile?, [String]) {
        let conf = "[hotel]\nname = H\ngreeting = G\ncancellation = C\nlanguages = en\n\(extra)[room a]\nname = A\nrate = 1\ncount = 1\nsize = 1\n"
        let (profile, diagnostics) = HotelProfile.parse(conf, fileName: "Prompts/hotel.conf")
        return (profile, diagnostics.map(\.description))
    }

    @Test func theDefaultsAreFourRoomsAThousandAndFiveThousand() throws {
        let (profile, errors) = Self.parse("")
        #expect(errors.isEmpty)
        let hotel = try #require(profile)
        #expect(hotel.groupRooms == 4 && hotel.segmentMedium == 1000 && hotel.segmentLarge == 5000)
        let (set, none) = Self.parse("group-rooms = 10\nsegment-medium = 2000\nsegment-large = 20000\n")
        #expect(none.isEmpty)
        #expect(set?.groupRooms == 10 && set?.segmentMedium == 2000 && set?.segmentLarge == 20000)
    }

    @Test func aBadSettingIsRefusedAtItsLine() {
        #expect(Self.parse("group-rooms = 1\n").1 == ["Prompts/hotel.conf:6: group-rooms must be a whole number from 2 to 1000, not \"1\""])
        #expect(Self.parse("segment-medium = lots\n").1
                == ["Prompts/hotel.conf:6: segment-medium must be a whole number from 1 to 1000000000, not \"lots\""])
        #expect(Self.parse("segment-medium = 6000\nsegment-large = 5000\n").1
                == ["Prompts/hotel.conf:7: segment-large (5000) must be above segment-medium (6000)"])
        #expect(Self.parse("segment-large = 500\n").1 == ["Prompts/hotel.conf:6: segment-large (500) must be above segment-medium (1000)"])
        #expect(Self.parse("segment-larg = 500\n").1.first?.contains("(did you mean \"segment-large\"?)") == true)
    }

    @Test func birthdaysAreListedAWeekAheadUnlessTheHotelSays() throws {
        #expect(try #require(Self.parse("").0).birthdayDays == 7)
        let (set, none) = Self.parse("birthday-days = 0\n")
        #expect(none.isEmpty && set?.birthdayDays == 0, "0: on the day only")
        #expect(Self.parse("birthday-days = 30\n").0?.birthdayDays == 30)
        for bad in ["-1", "61", "a week", "7.5"] {
            #expect(Self.parse("birthday-days = \(bad)\n").1 == ["Prompts/hotel.conf:6: birthday-days must be a whole number from 0 to 60, not \"\(bad)\""])
        }
        #expect(Self.parse("birthday-day = 7\n").1.first?.contains("(did you mean \"birthday-days\"?)") == true)
    }
}
