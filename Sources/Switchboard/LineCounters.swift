/// What the line counts as it runs, for the wallboard and `/metrics`: plain integers the
/// loop bumps where a call is answered, a line read, a text said or a wait for a person
/// ends. Nothing here allocates, so counting costs a guest line nothing measurable.
struct LineCounters {
    /// Calls answered since the server started.
    var calls = 0
    /// Lines guests sent (refused ones too: too long, unreadable), and texts said to them.
    var guestLinesReceived = 0
    var guestTextsSent = 0
    /// Times a guest asked for a person: queued, or told nobody is at the desk.
    var queueRequests = 0
    /// Waits ended with the guest put through to an agent, and those within the target.
    var queueAnswered = 0
    var queueAnsweredWithinTarget = 0
    /// Today's (the hotel's day; `startDay` at its midnight): requests whose wait is over,
    /// however it ended, and those put through within the target.
    var requestsEndedToday = 0
    var answeredWithinTargetToday = 0

    mutating func startDay() {
        requestsEndedToday = 0
        answeredWithinTargetToday = 0
    }

    /// A guest's request for a person is over: put through after `seconds` of waiting, or
    /// not put through at all (nobody at the desk, a callback instead, hung up, waited too
    /// long). Within `targetSeconds` counts as answered in time.
    mutating func requestEnded(putThrough: Bool, afterSeconds seconds: Double, targetSeconds: Int) {
        requestsEndedToday += 1
        guard putThrough else { return }
        queueAnswered += 1
        if seconds <= Double(targetSeconds) {
            queueAnsweredWithinTarget += 1
            answeredWithinTargetToday += 1
        }
    }
}
