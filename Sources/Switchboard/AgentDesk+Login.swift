import Storage
import Telnet

/// Logging in at a console: the desk does what each console's `ConsoleLogin` decided
/// (ask for the PIN, check it off the loop, lock an ID out, seat the agent), and logs out.
extension AgentDesk {
    /// Does what the console's login decided.
    func perform(_ action: ConsoleLogin.TypedAction, on console: AgentConsole) {
        switch action {
        case .askForID:
            console.say("Agent ID:")
        case .refuse(let message):
            console.say([message, "Agent ID:"])
        case .askForPIN:
            // Hide the PIN as it is typed: telnet stops echoing while we say WILL ECHO.
            console.connection.setLocalOption(TelnetOption.echo, enabled: true)
            console.say("PIN:")
        case .checkPIN(let id, let pin, let hash):
            console.connection.setLocalOption(TelnetOption.echo, enabled: false)
            console.say("")
            work.submit({ PinHasher.verify(pin, against: hash) }) { [weak self] matches in
                // Reported even when the console has closed meanwhile: the guess counts.
                guard let self else { return }
                let elsewhere = self.console(of: id).map { $0 !== console } ?? false
                self.perform(console.login.pinChecked(matches: matches, roster: self.roster, idInUseElsewhere: elsewhere,
                                                      lockouts: &self.loginGuard, now: self.lockClock.now().millisecondsSince1970), on: console)
            }
        case .runCommand(let line, let account):
            command(line, for: account, on: console)
        case .ignore:
            break
        }
    }

    func perform(_ action: ConsoleLogin.PINCheckedAction, on console: AgentConsole) {
        switch action {
        case .welcome(let account, let entry):
            audit(entry)
            if let timer = console.loginTimer {
                center.loop.cancelTimer(timer)
                console.loginTimer = nil
            }
            console.say(["Welcome, \(ConsoleText.safe(account.name)) (\(account.role.rawValue)). You are available.",
                         "Type help for the commands."])
            center.agentLoggedIn(account.id)
        case .refuse(let message, let entries):
            entries.forEach(audit)
            console.say([message, "Agent ID:"])
        case .record(let entries):
            entries.forEach(audit)
        }
        saveNewLocks()
    }

    /// Ends the console's login: an agent logged in leaves the queue and any call they watch.
    /// The caller closes the connection.
    func logOut(_ console: AgentConsole) {
        loginGuard.consoleEnded(console.connection.id)
        if let timer = console.loginTimer {
            center.loop.cancelTimer(timer)
            console.loginTimer = nil
        }
        switch console.login.ended() {
        case .logOut(let account, let entry):
            leave(account, console: console)
            audit(entry)
        case .ignore:
            break
        }
    }

    func leave(_ account: AgentAccount, console: AgentConsole) {
        center.unwatch(console.connection.id)
        center.agentLoggedOut(account.id)
    }
}
