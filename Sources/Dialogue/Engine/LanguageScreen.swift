import HotelCalendar

/// The screen a call of a line with several languages starts with: one row per language,
/// each in its own script, with the hotel's name as that language writes it.
///
///       1  English   Welcome to Harbour View Hotel. Please type 1.
///       2  繁體中文  歡迎致電港景酒店，請輸入2。
///
/// Names are padded by display width (a Chinese character takes two columns), so the
/// rows' texts start in one column whatever the script.
enum LanguageScreen {
    static func rows(packs: [LanguagePack], hotel: HotelProfile) -> [String] {
        let names = packs.map { $0.text("language.name").render { _ in nil } }
        let width = names.map(displayWidth(of:)).max() ?? 0
        return packs.indices.map { index in
            let renderer = Renderer(variables: [:], hotel: hotel, pack: packs[index], today: CivilDate(year: 2000, month: 1, day: 1)!)
            let number = String(index + 1)
            return "  " + number + "  " + padded(names[index], toWidth: width) + "  "
                + renderer.render("language.choose", ["language.number": number])
        }
    }
}
