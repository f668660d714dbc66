import HotelCalendar

/// Why an answer was not taken: the text key that says so politely, and what fills it.
struct Rejection: Error, Equatable {
    var key: String
    var details: [String: String] = [:]
    /// What fills the text is the question's own limits (`Question.limitDetails(in:)`), left
    /// out of `details`: the same at every refusal, so the text is said as made once when the
    /// prompts were compiled (`ConstantTexts.refusal`) instead of rendered and laid out again.
    var saysLimits = false

    /// A refusal that says the question's limits (one of `Question.limitRefusalKeys`).
    static func limits(_ key: String) -> Rejection { Rejection(key: key, saysLimits: true) }
}

/// Checking and normalising a typed answer against its question.
extension Conversation {
    func validate(_ answer: TypedAnswer, for question: Question) -> Result<AnswerValue, Rejection> {
        let words = pack.words
        let bounds = question.bounds
        switch question.kind {
        case .date:
            return validateDate(answer, question)
        case .moment:
            return validateMoment(answer, question)
        case .number:
            guard case .success(let number) = AnswerParser.parseInteger(answer.folded, words: words) else {
                return .failure(.limits("invalid.number"))
            }
            return bounds.contains(number) ? .success(.number(number)) : .failure(.limits("invalid.number.range"))
        case .rating, .score:
            guard case .success(let rating) = AnswerParser.parseRating(answer.folded, min: bounds.lowerBound, max: bounds.upperBound, words: words) else {
                return .failure(.limits("invalid.rating"))
            }
            return .success(.rating(rating))
        case .yesno:
            guard case .success(let flag) = AnswerParser.parseYesNo(answer.folded, words: words) else {
                return .failure(Rejection(key: "invalid.yesno"))
            }
            return .success(.flag(flag))
        case .phone:
            switch AnswerParser.parsePhone(answer.original) {
            case .success(let phone): return .success(.phone(phone))
            case .failure(.phoneHasLetters): return .failure(Rejection(key: "invalid.phone.letters"))
            case .failure(.phoneTooShort): return .failure(Rejection(key: "invalid.phone.short"))
            case .failure(.phoneTooLong): return .failure(Rejection(key: "invalid.phone.long"))
            case .failure: return .failure(Rejection(key: "invalid.phone"))
            }
        case .email:
            guard case .success(let email) = AnswerParser.parseEmail(answer.original) else {
                return .failure(Rejection(key: "invalid.email"))
            }
            return .success(.email(email))
        case .text:
            let length = answer.characterCount
            if length == 0 { return .failure(.limits("invalid.text.empty")) }
            guard length <= bounds.upperBound else { return .failure(.limits("invalid.text.long")) }
            guard length >= bounds.lowerBound else { return .failure(.limits("invalid.text.empty")) }
            return .success(.text(answer.original))
        case .name:
            // "yes" or "no" here answers the question before (or none): never a name to book under.
            if case .success = AnswerParser.parseYesNo(answer.folded, words: words) {
                return .failure(Rejection(key: "invalid.name.yesno"))
            }
            let allowed = answer.original.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark || " '’-.,".unicodeScalars.contains($0)
            }
            guard allowed, answer.original.contains(where: \.isLetter) else { return .failure(.limits("invalid.name")) }
            guard answer.original.count <= bounds.upperBound else { return .failure(.limits("invalid.name.long")) }
            guard bounds.contains(answer.original.count) else { return .failure(.limits("invalid.name")) }
            return .success(.text(answer.original.split(separator: " ").joined(separator: " ")))
        case .code:
            // Fullwidth digits (１２０４) are the same room number.
            let code = AnswerText.folded(answer.original).uppercased().filter { $0 != " " }
            guard bounds.contains(code.count), code.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }),
                  code.contains(where: \.isNumber) else {
                return .failure(.limits("invalid.code"))
            }
            return .success(.text(code))
        case .room:
            return matchRoom(answer).map { .success(.room($0)) } ?? .failure(.limits("invalid.room"))
        case .reference:
            let reference = AnswerText.folded(answer.original).uppercased().filter { $0 != " " && $0 != "-" }
            let prefix = question.prefix ?? ""
            guard reference.hasPrefix(prefix), reference.count == prefix.count + 7, reference.dropFirst(prefix.count).allSatisfy(\.isNumber) else {
                return .failure(.limits("invalid.reference"))
            }
            return .success(.text(reference))
        case .file:
            // YYMMDD of a day that exists, then a serial of three digits or more.
            let digits = answer.original.filter { $0 != " " && $0 != "-" }
            guard (9...12).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let month = Int(digits.dropFirst(2).prefix(2)), let day = Int(digits.dropFirst(4).prefix(2)),
                  let year = Int(digits.prefix(2)), CivilDate(year: 2000 + year, month: month, day: day) != nil else {
                return .failure(Rejection(key: "invalid.file"))
            }
            return .success(.text(digits))
        }
    }

    /// Saying why the answer at `step` of `node` was refused: a refusal that says the
    /// question's limits as made at compile time (checked against rendering in debug builds),
    /// any other rendered and laid out now.
    func sayingRefusal(_ rejection: Rejection, node: Int, step: Int) -> ConversationEffect {
        guard rejection.saysLimits, case .ask(let question) = prompts.nodes[node].steps[step] else {
            return saying(rejection.key, rejection.details)
        }
        assert(question.limitRefusalKeys.contains(rejection.key), "\(rejection.key) is not a refusal with the question's limits")
        guard let text = layout.refusal(rejection.key, node: node, step: step) else {
            return saying(rejection.key, question.limitDetails(in: prompts.hotel))
        }
        assert(text == TextLayout.laidOut(Renderer(conversation: self, pack: pack).render(rejection.key, question.limitDetails(in: prompts.hotel)),
                                          width: lineWidth),
               "the text made at compile time for \(rejection.key) differs from the one rendered now")
        return .say(text)
    }

    private func validateDate(_ answer: TypedAnswer, _ question: Question) -> Result<AnswerValue, Rejection> {
        let today = now.date
        let after: CivilDate? = question.after.flatMap { if case .date(let date)? = variables[$0] { date } else { nil } }
        let date: CivilDate
        switch AnswerParser.parseDate(answer.folded, today: today, words: pack.words) {
        case .success(let parsed):
            date = parsed
        case .failure(.noSuchDay):
            return .failure(Rejection(key: "invalid.date.no_such_day"))
        case .failure(.weekdayMismatch(let date, _)):
            let renderer = Renderer(conversation: self, pack: pack)
            let weekday = pack.weekdayNames.indices.contains(date.weekday - 1) ? pack.weekdayNames[date.weekday - 1] : ""
            return .failure(Rejection(key: "invalid.date.weekday", details: ["answer.date": renderer.format(date: date), "answer.weekday": weekday]))
        case .failure:
            guard let after, case .success(let nights) = AnswerParser.parseNights(answer.folded, words: pack.words), nights > 0 else {
                return .failure(Rejection(key: "invalid.date"))
            }
            date = after.adding(days: nights)
        }
        let renderer = Renderer(conversation: self, pack: pack)
        let earliest = today.adding(days: question.fromDays ?? 0)
        let latest = today.adding(days: question.toDays ?? prompts.hotel.bookingHorizonDays)
        let details = ["answer.earliest": renderer.format(date: earliest), "answer.latest": renderer.format(date: latest)]
        if let after {
            let afterDetails = details.merging(["answer.after": renderer.format(date: after)]) { $1 }
            guard date > after else { return .failure(Rejection(key: "invalid.date.not_after", details: afterDetails)) }
            let maxNights = question.maxNights ?? prompts.hotel.maxNights
            guard CivilDate.days(from: after, to: date) <= maxNights else {
                return .failure(Rejection(key: "invalid.date.too_long", details: afterDetails.merging(["answer.max_nights": String(maxNights)]) { $1 }))
            }
        }
        guard date >= earliest else { return .failure(Rejection(key: "invalid.date.past", details: details)) }
        guard date <= latest else { return .failure(Rejection(key: "invalid.date.too_far", details: details)) }
        return .success(.date(date))
    }

    private func validateMoment(_ answer: TypedAnswer, _ question: Question) -> Result<AnswerValue, Rejection> {
        let hotel = prompts.hotel
        let latestStart = hotel.callbackCloses.minutesSinceMidnight - hotel.callbackWindowMinutes
        let renderer = Renderer(conversation: self, pack: pack)
        let latest = TimeOfDay(minutesSinceMidnight: latestStart).map(renderer.format(time:)) ?? ""
        let hours = ["answer.hours": renderer.hours(from: hotel.callbackOpens, to: hotel.callbackCloses), "answer.latest": latest]
        let moment: LocalMoment
        switch AnswerParser.parseMoment(answer.folded, now: now, words: pack.words) {
        case .success(.asSoonAsPossible):
            moment = earliestCallback()
        case .success(.at(let at)):
            moment = at
        case .failure(.missingTime):
            return .failure(Rejection(key: "invalid.moment.no_time", details: hours))
        case .failure:
            return .failure(Rejection(key: "invalid.moment", details: hours))
        }
        guard moment > now else { return .failure(Rejection(key: "invalid.moment.past", details: hours)) }
        if question.withinCallbackHours {
            let minute = moment.time.minutesSinceMidnight
            guard minute >= hotel.callbackOpens.minutesSinceMidnight, minute <= latestStart else {
                // Say the last start, not only the hours: 19:45 is inside 08:00–20:00 but its
                // window would run past closing.
                let starts = ["answer.earliest": renderer.format(time: hotel.callbackOpens), "answer.latest": latest]
                return .failure(Rejection(key: "invalid.moment.hours", details: hours.merging(starts) { $1 }))
            }
        }
        let days = CivilDate.days(from: now.date, to: moment.date)
        guard days <= (question.toDays ?? 14) else {
            return .failure(Rejection(key: "invalid.moment.too_far", details: ["answer.max": String(question.toDays ?? 14)]))
        }
        return .success(.moment(moment))
    }

    /// "As soon as possible": fifteen minutes from now on a five-minute mark, moved to the
    /// next opening when that falls outside callback hours.
    func earliestCallback() -> LocalMoment {
        let hotel = prompts.hotel
        var moment = now.adding(minutes: 15)
        let rounded = (moment.time.minutesSinceMidnight + 4) / 5 * 5
        moment = LocalMoment(date: moment.date, time: TimeOfDay(hour: 0, minute: 0)!).adding(minutes: rounded)
        let latestStart = hotel.callbackCloses.minutesSinceMidnight - hotel.callbackWindowMinutes
        if moment.time.minutesSinceMidnight < hotel.callbackOpens.minutesSinceMidnight {
            moment = LocalMoment(date: moment.date, time: hotel.callbackOpens)
        } else if moment.time.minutesSinceMidnight > latestStart {
            moment = LocalMoment(date: moment.date.adding(days: 1), time: hotel.callbackOpens)
        }
        return moment
    }

    private func matchRoom(_ answer: TypedAnswer) -> String? {
        let rooms = prompts.hotel.rooms
        if let number = Int(answer.folded), rooms.indices.contains(number - 1) { return rooms[number - 1].code }
        if let exact = rooms.first(where: { $0.code == answer.folded || $0.name(in: pack.code).lowercased() == answer.folded }) {
            return exact.code
        }
        // "我要家庭房", "套房": in a script written without spaces, a name the answer holds, or
        // the part of one name the answer is.
        if answer.folded.unicodeScalars.contains(where: TerminalWidth.isWide) {
            let typed = answer.folded.filter { $0.isLetter || $0.isNumber }
            let named = rooms.filter { room in
                let name = TypedAnswer(room.name(in: pack.code)).folded
                return typed.contains(name) || (typed.count >= 2 && name.contains(typed))
            }
            if named.count == 1 { return named[0].code }
        }
        // "the deluxe one": a word that names exactly one room type.
        let words = Set(answer.folded.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        let spotted = rooms.filter { room in
            let nameWords = Set(room.name(in: pack.code).lowercased().split(separator: " ").map(String.init) + [room.code])
            return !words.isDisjoint(with: nameWords.filter { word in !rooms.allSatisfy { $0.name(in: pack.code).lowercased().contains(word) } })
        }
        return spotted.count == 1 ? spotted[0].code : nil
    }
}

extension Question {
    /// The refusals whose details are this question's own limits and the hotel's, never the
    /// answer, the day or the clock: what `validate` refuses with as `Rejection.limits`, and
    /// what `ConstantTexts` makes once per question at compile time.
    var limitRefusalKeys: [String] {
        switch kind {
        case .number: return ["invalid.number", "invalid.number.range"]
        case .rating, .score: return ["invalid.rating"]
        case .text: return ["invalid.text.empty", "invalid.text.long"]
        case .name: return ["invalid.name", "invalid.name.long"]
        case .code: return ["invalid.code"]
        case .room: return ["invalid.room"]
        case .reference: return ["invalid.reference"]
        case .date, .moment, .yesno, .phone, .email, .file: return []
        }
    }

    /// What fills a refusal of `limitRefusalKeys`: the one place its details are made, both
    /// for a text rendered at a refusal and for one made at compile time, so the two agree.
    func limitDetails(in hotel: HotelProfile) -> [String: String] {
        switch kind {
        case .room: return ["answer.max": String(hotel.rooms.count)]
        case .reference: return ["answer.min": prefix ?? ""]
        default: return ["answer.min": String(bounds.lowerBound), "answer.max": String(bounds.upperBound)]
        }
    }

    /// Every text a wrong answer to this question can hear (what `validate` refuses with),
    /// so coverage can tell which refusals a set of calls never met.
    var rejectionKeys: [String] {
        switch kind {
        case .date:
            let ordering = after == nil ? [] : ["invalid.date.not_after", "invalid.date.too_long"]
            return ["invalid.date", "invalid.date.no_such_day", "invalid.date.weekday"] + ordering + ["invalid.date.past", "invalid.date.too_far"]
        case .moment:
            return ["invalid.moment", "invalid.moment.no_time", "invalid.moment.past"]
                + (withinCallbackHours ? ["invalid.moment.hours"] : []) + ["invalid.moment.too_far"]
        case .number: return ["invalid.number", "invalid.number.range"]
        case .rating, .score: return ["invalid.rating"]
        case .yesno: return ["invalid.yesno"]
        case .phone: return ["invalid.phone", "invalid.phone.letters", "invalid.phone.short", "invalid.phone.long"]
        case .email: return ["invalid.email"]
        // An empty line is reprompted before it is checked: "too short" needs a minimum above one.
        case .text: return (bounds.lowerBound > 1 ? ["invalid.text.empty"] : []) + ["invalid.text.long"]
        case .name: return ["invalid.name", "invalid.name.yesno", "invalid.name.long"]
        case .code: return ["invalid.code"]
        case .room: return ["invalid.room"]
        case .reference: return ["invalid.reference"]
        case .file: return ["invalid.file"]
        }
    }
}
