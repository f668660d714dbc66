import HotelCalendar
import Dialogue
import Telnet
import Transcript
import Reactor

/// The guest port's events: a guest answered, a line they typed (or could not send), the
/// call ended. Each becomes a conversation event run by `run`, in one place.
extension ServiceCenter: ListenerDelegate {
    public func listener(_ server: Listener, didAccept connection: Connection) {
        let now = clock.now()
        let moment = local(now)
        if naming.minute != now.millisecondsSince1970 / 60_000 {  // zone offsets change on whole minutes, if ever
            // A session's name starts with the day and minute it began: made once a minute.
            let day = moment.date.description
            let time = moment.time
            let clockText = (time.hour < 10 ? "0" : "") + String(time.hour) + (time.minute < 10 ? "0" : "") + String(time.minute)
            naming = (now.millisecondsSince1970 / 60_000, day, "\(day.filter { $0 != "-" })-\(clockText)-\(instance)-")
        }
        let day = naming.day
        let id = naming.prefix + String(connection.id)
        let conversation = Conversation(prompts: prompts)
        let header = TranscriptHeader(session: id, prompts: prompts.version, language: conversation.language,
                                      startedAt: now, utcOffsetSeconds: localClock.offsetSeconds(at: now))
        var transcript = TranscriptRecorder(header: header, redacting: settings.redactTranscripts)
        // Noted in the transcript only: where a guest connects from is not for consoles.
        let connected = TranscriptEvent.connected(from: connection.peerAddress.description)
        transcript.record(connected, at: now)
        // Moved, not copied, into the session: a conversation is a large value.
        let session = GuestSession(id: id, day: day, connection: connection, conversation: consume conversation,
                                   transcript: consume transcript, now: now)
        sessions[connection.id] = session
        connection.context = session
        callsToday += 1
        counters.calls += 1
        if let answered = connected.conversationEvent { run(answered, in: session, at: now) }
    }

    public func connection(_ connection: Connection, didReceive input: TypedInput) {
        // The session rides on its connection from the answer to the close: no table lookup
        // per line. It is exactly the one in `sessions` (checked in debug builds).
        guard let session = connection.context as? GuestSession else { return }
        assert(sessions[connection.id] === session, "a connection's context is its session")
        guard !session.isClosed else { return }
        let now = clock.now()
        session.lastHeard = now
        let event: TranscriptEvent
        let staffNote: String?
        switch input {
        case .text(let text):
            counters.guestLinesReceived += 1
            // With a person on the call, a whole line is theirs (shown to them), not the flow's.
            let withPerson = session.conversation.isWithAgent
            session.callLog.record(.guest, text, at: now, showingOn: desk, staff: withPerson ? session.staffInCall : nil)
            if !withPerson, let heard = TranscriptEntry.Content.typed(text).conversationEvent { run(heard, in: session, at: now) }
            if session.inputEnded { finishIfDone(session) }
            return
        case .tooLong(let limit):
            event = .tooLong(limit: limit)
            staffNote = "the guest sent a line longer than \(limit) bytes (not shown); they were asked for a shorter one"
        case .unreadable:
            event = .unreadable
            staffNote = "the guest sent a line that is not readable text (not shown); they were asked to type it again"
        case .controlCharacters:
            event = .controlCharacters
            staffNote = "the guest sent a line with control keys (not shown, so it cannot reach your terminal); they were asked to type it again"
        case .interrupt:
            event = .interrupt
            staffNote = nil
        case .endOfInput:
            session.inputEnded = true
            finishIfDone(session)
            return
        }
        counters.guestLinesReceived += 1
        record(event, in: session, at: now)
        if let staffNote { tellStaffInCall(session, staffNote) }
        if let heard = event.conversationEvent { run(heard, in: session, at: now) }
        if session.inputEnded { finishIfDone(session) }
    }

    public func connectionDidClose(_ connection: Connection, reason: CloseReason) {
        guard let session = sessions.removeValue(forKey: connection.id) else { return }
        let now = clock.now()
        if !session.isClosed {
            hear(reason == .outputOverflow ? .guestStoppedReading : reason == .inputFlood ? .guestSentTooFast : .guestHungUp, in: session, at: now)
        }
        session.isClosed = true
        guestLeft(session, now: now)
        session.callLog.transcript.finish()
        flushTranscript(of: session)
        recordCall(of: session, endedAt: now)
        checkShutdown()
    }

    public func busyMessage(for server: Listener) -> String {
        prompts.text("global.busy", today: local(clock.now()).date)
    }
}
