import Dialogue
import HotelCalendar
import Storage

// Who the caller is, by the rules of "Who may hear what": a lookup that matched two things
// (a confirmation, ticket, callback or guest file number with its phone, a stay's number
// with its phone or name, the phone with the name on file) identifies the file behind it;
// a phone alone never does. And what an agent is shown of an identified caller.
extension BackOffice {
    /// The guest file `request` showed is the caller's, given the outcome it was answered
    /// with; nil for a lookup that did not match, or a request that identifies nobody.
    func file(identifiedBy request: ActionRequest, answer: ActionOutcome) -> GuestFileNumber? {
        switch answer {
        case .missing, .locked, .newCaller:
            return nil  // nothing matched: the number and the phone, or the phone and the name, are not one guest's
        case .available, .full, .saved, .failed, .found, .foundBooking, .foundComplaint, .foundCallback, .foundFile, .bookingCancelled,
             .bookingClosed, .quoted, .feeRaised, .unchanged, .knownCaller, .queued, .left, .unavailable, .datesPassed:
            break
        }
        switch request {
        case .findCaller(let phone, _):
            return store.guestFile(phone: phone.normalized)?.number
        case .findGuestFile(let text, _):
            return GuestFileNumber(text)
        // Found, or found cancelled or past changing: the number and the phone matched all the same.
        case .findBooking(let reference, _), .findStay(let reference, _, _):
            return ConfirmationNumber(reference).flatMap { store.booking($0)?.reservation.guestFile }
        case .findComplaint(let reference, _):
            return TicketNumber(reference).flatMap { store.complaint($0)?.guestFile }
        case .findCallback(let reference, _):
            return CallbackNumber(reference).flatMap { store.callback($0)?.guestFile }
        case .checkAvailability, .saveReservation, .saveComplaint, .saveCallback, .saveSurvey, .quoteChange, .saveChange, .quoteCancellation,
             .saveCancellation, .requestAgent, .leaveQueue:
            // A quote or a save follows a lookup, or opens a file (see `file(openedBy:)`).
            return nil
        }
    }

    /// The file `record` opened, when it is the only record on it: the caller who made it on
    /// this call is that file's guest. A record that joined a file its phone already had
    /// identifies nobody (a phone alone never does).
    func file(openedBy record: HotelRecord) -> GuestFileNumber? {
        let number: GuestFileNumber?
        switch record {
        case .reservation(let r): number = r.guestFile
        case .complaint(let c): number = c.guestFile
        case .callback(let c): number = c.guestFile
        case .survey(let s): number = s.guestFile
        case .change, .cancellation, .stayMove, .workStep, .fileChange, .call: number = nil
        }
        guard let number, let file = store.guestFile(number) else { return nil }
        let records = file.reservations.count + file.complaints.count + file.callbacks.count + file.surveys.count
        return records == 1 ? number : nil
    }

    /// The earliest booking on `file` still to come, checking in `today` or later.
    func nextStay(on file: GuestFile, today: CivilDate) -> Booking? {
        file.reservations.compactMap { store.booking($0) }
            .filter { $0.state.isToCome && $0.terms.checkIn >= today }
            .min { ($0.terms.checkIn, $0.number.serial) < ($1.terms.checkIn, $1.number.serial) }
    }

    /// What an agent is shown of the caller identified as `number`, as the file stands now.
    func callerCard(_ number: GuestFileNumber, hotel: HotelProfile, thresholds: GuestSegment.Thresholds, now: WallTime) -> CallerCard? {
        guard let file = store.guestFile(number), let standing = store.standing(of: number, thresholds: thresholds) else { return nil }
        let rules = WorkRules(hotel)
        let open = file.complaints.filter { store.workItem(.complaint($0), rules: rules, now: now).map { !$0.stage.isDone } ?? false }
        let next = nextStay(on: file, today: hotel.timeZone.localMoment(at: now).date)
        var needs: [String] = []
        for need in store.specialNeeds(file: number) where !needs.contains(need) { needs.append(need) }
        return CallerCard(file: number, kind: file.kind, segment: standing.segment, openComplaints: open.sorted { $0.serial < $1.serial },
                          nextStay: next.map { CallerCard.Stay(confirmation: $0.number, checkIn: $0.terms.checkIn, checkOut: $0.terms.checkOut) },
                          specialNeeds: needs)
    }
}
