import Dialogue
import Telnet
import Reactor

/// The console port's events: a console connected (room made for it to log in), a line
/// typed or a terminal's report, the console gone.
extension AgentDesk: ListenerDelegate {
    func listener(_ server: Listener, didAccept connection: Connection) {
        guard makeRoomToLogIn(from: connection.peerAddress.host) else {
            connection.sendText("Too many consoles from your address are logging in (\(settings.maxWaitingLoginsPerAddress) at most). "
                                + "Log in on one of them, or try again shortly.")
            connection.close(flushFirst: true)
            return
        }
        let console = AgentConsole(connection: connection,
                                   login: ConsoleLogin(peer: connection.peerAddress, console: connection.id, decoyHash: decoyHash),
                                   traffic: CallTraffic(linesPerSecond: settings.maxGuestLinesPerSecond, maxPendingBytes: settings.maxCallOutputBytes),
                                   connectedAt: center.loop.now)
        consoles[connection.id] = console
        console.loginTimer = center.loop.scheduleTimer(at: center.loop.now.adding(seconds: settings.loginTimeoutSeconds)) { [weak self, weak console] in
            guard let self, let console, console.login.isWaitingForLogin, console.connection.isOpen else { return }
            console.loginTimer = nil
            console.say("No login within \(ConsoleText.seconds(self.settings.loginTimeoutSeconds)); this console is closing. Goodbye.")
            self.logOut(console)
            console.connection.close(flushFirst: true)
        }
        console.say("HotelLine agent console \(connection.id), \(center.prompts.hotel.text("name", in: center.prompts.hotel.primaryLanguage)).")
        switch console.login.connected() {
        case .askForID: console.say("Agent ID:")
        }
    }

    /// Consoles not yet logged in are limited per address, so idle connections from one
    /// place cannot take every console: at the limit, the one from `host` that has waited
    /// longest without typing a thing is told and closed to make room (an idle connection
    /// never keeps anyone out); when every one of them has typed (someone is logging in
    /// there), there is no room and the newcomer is told so.
    private func makeRoomToLogIn(from host: String) -> Bool {
        let waiting = consoles.values.filter { $0.login.isWaitingForLogin && $0.host == host }
        guard waiting.count >= settings.maxWaitingLoginsPerAddress else { return true }
        guard let silent = waiting.filter({ !$0.hasTyped }).min(by: { $0.connectedAt < $1.connectedAt }) else { return false }
        silent.say("This console waited without logging in and is closing to make room for another from the same address. Goodbye.")
        logOut(silent)
        silent.connection.close(flushFirst: true)
        return true
    }

    func connection(_ connection: Connection, didReceive input: TypedInput) {
        guard let console = consoles[connection.id] else { return }
        console.hasTyped = true
        switch input {
        case .text(let line):
            perform(console.login.typed(line, roster: roster, lockouts: &loginGuard, now: lockClock.now().millisecondsSince1970), on: console)
        case .tooLong(let limit):
            console.say("That line is too long (\(limit) bytes at most).")
        case .unreadable, .controlCharacters:
            console.say("That line had characters the console cannot take; please type it again.")
        case .interrupt, .endOfInput:
            logOut(console)
            connection.close(flushFirst: true)
        }
    }

    /// The agent's telnet told its window: lines from now on are wrapped to it.
    func connection(_ connection: Connection, didReport report: TerminalReport) {
        guard let console = consoles[connection.id], case .windowSize(let columns, _) = report else { return }
        console.columns = columns > 0 ? max(Conversation.minimumLineWidth, columns) : ConsoleText.defaultColumns
    }

    func connectionDidClose(_ connection: Connection, reason: CloseReason) {
        guard let console = consoles.removeValue(forKey: connection.id) else { return }
        logOut(console)
    }

    func busyMessage(for server: Listener) -> String {
        "The agent console has too many connections; try again shortly."
    }
}
