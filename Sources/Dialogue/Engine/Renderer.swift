import HotelCalendar

/// Fills a text's placeholders for one conversation in one language: variables formatted
/// the way that language speaks them, and the hotel's own facts.
struct Renderer {
    let variables: [String: AnswerValue]
    let hotel: HotelProfile
    let pack: LanguagePack
    let today: CivilDate

    init(conversation: Conversation, pack: LanguagePack) {
        self.init(variables: conversation.variables, hotel: conversation.prompts.hotel, pack: pack, today: conversation.now.date)
    }

    init(variables: [String: AnswerValue], hotel: HotelProfile, pack: LanguagePack, today: CivilDate) {
        self.variables = variables
        self.hotel = hotel
        self.pack = pack
        self.today = today
    }

    func render(_ key: String, _ extras: [String: String] = [:]) -> String {
        render(pack.text(key), extras)
    }

    func render(_ template: MessageTemplate, _ extras: [String: String] = [:]) -> String {
        template.render { name in extras[name] ?? placeholder(name) }
    }

    /// What a placeholder `name` says on its own: a variable, or a fact of the hotel or the day.
    func placeholder(_ name: String) -> String? {
        if let value = variables[name] { return format(value) }
        switch name {
        case "hotel.name", "hotel.greeting", "hotel.cancellation":
            return hotel.text(String(name.dropFirst("hotel.".count)), in: pack.code)
        case "hotel.checkin": return format(time: hotel.checkIn)
        case "hotel.checkout": return format(time: hotel.checkOut)
        case "hotel.callback_hours": return hours(from: hotel.callbackOpens, to: hotel.callbackCloses)
        case "hotel.max_rooms": return String(hotel.maxRooms)
        case "hotel.max_nights": return String(hotel.maxNights)
        case "hotel.free_hours": return String(hotel.policy.freeHours)
        case "hotel.rooms": return roomTable()
        case "hotel.room_choices": return roomChoices()
        case "date.today": return format(date: today)
        default: return nil
        }
    }

    func format(_ value: AnswerValue) -> String {
        switch value {
        case .text(let text): return text
        case .number(let number), .rating(let number): return String(number)
        case .flag(let flag): return render(flag ? "format.yes" : "format.no")
        case .date(let date): return format(date: date)
        case .moment(let moment):
            return render("format.moment", ["moment.date": format(date: moment.date), "moment.time": format(time: moment.time)])
        case .window(let from, let to):
            return render("format.window", ["window.date": format(date: from.date), "window.from": format(time: from.time), "window.to": format(time: to.time)])
        case .phone(let phone): return phone.normalized
        case .email(let email): return email.description
        case .choice(_, let label): return render(label)
        case .room(let code): return hotel.room(code: code)?.name(in: pack.code) ?? code
        case .rooms(let codes): return codes.map { hotel.room(code: $0)?.name(in: pack.code) ?? $0 }.joined(separator: pack.listSeparator)
        case .money(let amount): return money(amount)
        case .wait(let seconds):
            guard let seconds else { return render("format.wait.unknown") }
            return render("format.wait", ["wait.minutes": String(max(1, Int((seconds / 60).rounded(.up))))])
        }
    }

    func format(date: CivilDate) -> String {
        let month = pack.monthNames.indices.contains(date.month - 1) ? pack.monthNames[date.month - 1] : String(date.month)
        let weekday = pack.weekdayNames.indices.contains(date.weekday - 1) ? pack.weekdayNames[date.weekday - 1] : ""
        return render("format.date", ["date.weekday": weekday, "date.day": String(date.day), "date.month": month, "date.year": String(date.year)])
    }

    /// A time as the language writes it (`format.time`: `15:00`, `下午3:00`); `HH:MM`
    /// when the catalog does not say.
    func format(time: TimeOfDay) -> String {
        guard let template = pack.catalog.text("format.time") else { return time.description }
        let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
        return render(template, [
            "time.hour": String(time.description.prefix(2)), "time.hour12": String(hour12),
            "time.minute": String(time.description.suffix(2)), "time.period": pack.dayPeriodName(at: time),
        ])
    }

    /// Opening hours, `08:00–20:00` (`format.hours`: `上午8:00至晚上8:00`, `08:00 a 20:00`).
    func hours(from opening: TimeOfDay, to closing: TimeOfDay) -> String {
        let from = format(time: opening), to = format(time: closing)
        guard let template = pack.catalog.text("format.hours") else { return from + "–" + to }
        return render(template, ["hours.from": from, "hours.to": to])
    }

    func money(_ amount: Int) -> String {
        render("format.money", ["money.amount": Self.grouped(amount), "money.currency": hotel.currency])
    }

    /// `1380` → `1,380`: amounts a guest reads at a glance.
    static func grouped(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return amount < 0 ? "-" + result : result
    }

    private func roomTable() -> String { roomRows().joined(separator: "\n") }

    private func roomChoices() -> String { roomChoiceRows().joined(separator: "\n") }

    /// One line per room type, names padded by display width so the columns line up
    /// in a terminal even for Chinese names.
    func roomRows() -> [String] {
        let names = hotel.rooms.map { $0.name(in: pack.code) }
        let width = names.map(displayWidth(of:)).max() ?? 0
        return hotel.rooms.indices.map { index in
            let room = hotel.rooms[index]
            return "  " + render("format.room", [
                "room.number": String(index + 1), "room.name": padded(names[index], toWidth: width),
                "room.rate": money(room.rate), "room.size": String(room.sizeSquareMetres),
                "room.facilities": room.facilities(in: pack.code),
            ])
        }
    }

    /// The room types as a numbered menu, one line each.
    func roomChoiceRows() -> [String] {
        hotel.rooms.indices.map { index in
            "  " + render("format.room_choice", ["choice.number": String(index + 1), "choice.label": hotel.rooms[index].name(in: pack.code)])
        }
    }
}

extension Conversation {
    /// `key` in the guest's language, with this conversation's values filled in.
    func render(_ key: String, _ extras: [String: String] = [:]) -> String {
        if let text = constants.rendered[key], ConstantTexts.leftAlone(by: extras) { return text }
        return Renderer(conversation: self, pack: pack).render(key, extras)
    }
}
