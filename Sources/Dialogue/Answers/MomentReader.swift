import HotelCalendar

/// The moment grammar: a date part and a time part, in either order ("tomorrow 10am",
/// "10am tomorrow", "明天下午3点"), or a word for "as soon as possible".
///
/// Rather than guess which token starts the time, the reader tries every cut of the
/// answer into a leading and a trailing part, shortest time part first, and takes the
/// first cut where one part reads as a date and the other as a time. Answers are a few
/// pieces long, so the quadratic search costs nothing, and it needs no rule of its own
/// that could disagree with the date and time grammars.
struct MomentReader {
    let now: LocalMoment
    let order: DateOrder

    /// Longer answers are no moment; this also bounds the search.
    private static let mostPieces = 16

    func read(_ pieces: [AnswerPiece]) throws(AnswerProblem) -> MomentAnswer {
        if pieces.contains(.word(.now)) {
            guard pieces.allSatisfy({ $0 == .word(.now) }) else { throw .unreadable }
            return .asSoonAsPossible
        }
        guard !pieces.isEmpty, pieces.count <= MomentReader.mostPieces else { throw .unreadable }
        let dates = DateReader(today: now.date, order: order)
        // The most telling problem met on the way: a real day with an impossible time
        // says more than "unreadable".
        var problem: AnswerProblem?
        for timeLength in 1...pieces.count {
            for timeFirst in timeLength < pieces.count ? [false, true] : [false] {
                let cut = timeFirst ? timeLength : pieces.count - timeLength
                let timePart = timeFirst ? pieces[..<cut] : pieces[cut...]
                let datePart = timeFirst ? pieces[cut...] : pieces[..<cut]
                let time = Result { () throws(AnswerProblem) in try TimeReader.read(timePart) }
                let date: Result<CivilDate?, AnswerProblem> = datePart.isEmpty
                    ? .success(nil)
                    : Result { () throws(AnswerProblem) in try dates.read(datePart) }.map(Optional.some)
                switch (date, time) {
                case (.success(let date?), .success(let time)):
                    return .at(LocalMoment(date: date, time: time))
                case (.success(nil), .success(let time)):
                    return .at(nextOccurrence(of: time))
                case (.success, .failure(let found)), (.failure(let found), .success):
                    if found != .unreadable, problem == nil { problem = found }
                case (.failure, .failure):
                    break
                }
            }
        }
        if let problem { throw problem }
        // No time anywhere: a day alone is a question to ask again, not a misreading.
        _ = try dates.read(pieces[...])
        throw .missingTime
    }

    /// A time alone means the next time the clock shows it: today, or tomorrow once past.
    private func nextOccurrence(of time: TimeOfDay) -> LocalMoment {
        LocalMoment(date: time >= now.time ? now.date : now.date.adding(days: 1), time: time)
    }
}
