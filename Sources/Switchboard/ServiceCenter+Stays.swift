import HotelCalendar
import Storage

/// Stays moved on by staff and by the line: arrivals, departures and no-shows, each made
/// durable before anyone is told, and written to the audit log.
extension ServiceCenter {
    /// Moves the stay `number` on for staff (`by`: `console:mei`, `command:USER`); `done` hears,
    /// once the record is durable or refused, a line for the person who asked and whether
    /// it was made. Each move made is written to the audit log.
    func moveStay(_ number: ConfirmationNumber, _ kind: StayMove.Kind, by: String, then done: @escaping (String, Bool) -> Void) {
        let now = clock.now()
        let (decision, token) = office.moveStay(number, kind, policy: prompts.hotel.policy, now: now, by: by)
        switch decision {
        case .pending(.stayMove(let move)):
            staffAwaiting[token] = { [weak pager] failure in
                guard let self = pager?.center else { return }
                if let failure {
                    done("\(number): not recorded, the journal refused it: \(failure)", false)
                    return
                }
                self.files?.append(move.auditLine, to: AuditLog.fileName)
                done(move.madeText, true)
            }
        case .refused(let refusal):
            done("\(number) cannot be marked \(kind.description): \(refusal)", false)
        case .unknown:
            done("\(number): no such booking", false)
        case .pending, .unchanged, .full, .datesPassed, .feeRaised:
            preconditionFailure("Invalid decision \(decision) for a stay's move")
        }
    }

    /// Records a no-show, with the policy's fee, for every stay whose check-in day is over
    /// and whose guest never came: at start-up and once a day on the round.
    func recordNoShows(now: WallTime) {
        noShowDay = local(now).date
        for number in office.store.staysNotArrived(policy: prompts.hotel.policy, now: now) {
            moveStay(number, .noShow, by: WorkStep.line) { [weak pager] line, made in
                guard !made, let self = pager?.center else { return }
                self.log("no-show round: \(line)")
            }
        }
    }
}
