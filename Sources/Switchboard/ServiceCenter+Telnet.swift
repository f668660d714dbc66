import Telnet
import Transcript
import Reactor

extension ServiceCenter {
    /// Said to a guest sending lines faster than the line takes them, before it hangs up: in
    /// the language of their call, laid out to their window (the hotel's first language and
    /// width before a call has begun).
    public func inputRateMessage(for connection: Connection) -> String {
        let today = local(clock.now()).date
        guard let session = connection.context as? GuestSession else { return prompts.text("global.too_fast", today: today) }
        let conversation = session.conversation
        return conversation.prompts.text("global.too_fast", language: conversation.language, width: conversation.lineWidth, today: today)
    }

    /// A guest's telnet told its window or terminal: the width goes into the transcript and
    /// to the conversation (what it says next is laid out to it, in a replay as here); the
    /// terminal's name is noted. A new size with the same width (rows only) changes nothing.
    public func connection(_ connection: Connection, didReport report: TerminalReport) {
        guard let session = connection.context as? GuestSession, !session.isClosed else { return }
        switch report {
        case .windowSize(let columns, _):
            guard columns != session.windowColumns else { return }
            session.windowColumns = columns
            hear(.window(columns: columns), in: session, at: clock.now())
        case .terminalType(let type):
            record(.terminal(type: type), in: session, at: clock.now())
        }
    }
}
