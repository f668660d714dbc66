import HotelCalendar
import Dialogue

/// The suite's birthday calls: guests whose file says today (Wednesday 25 November, the day
/// the suite is recorded on) is their birthday, found by each lookup that identifies a
/// guest, each wished a happy birthday once the lookup finds them, and only once a call
/// however often they are found again. Recorded in-process: which lookup finds a birthday
/// is the store's word (`birthday=yes` in the outcome), given here.
extension SuiteCalls {
    static let birthdayInProcess: [(call: SuiteCall, answer: @Sendable (ActionRequest) -> ActionOutcome?)] = [
        // Known by her phone and her name on her birthday: wished with the read-back; then
        // found again by her guest file number in the same call, and not wished twice.
        (SuiteCall("booking-birthday-wished-once", lines: [
            "1", "24 Dec", "27 Dec", "1", "2", maria, "Maria Lopez", "yes", "yes", "5", "file", "261224001", "no",
        ]), { request in
            switch request {
            case .findCaller:
                return .knownCaller(CallerSummary(name: "Maria Lopez", hasStayed: false, hasUpcomingStay: false, hasOpenComplaint: false,
                                                  isBirthday: true))
            case .findGuestFile: return Self.birthdayFile(named: "Maria Lopez", stayed: false)
            default: return nil
            }
        }),
        // Identified by her guest file number and her phone: welcomed back, then wished.
        (SuiteCall("status-guest-file-on-a-birthday", lines: ["5", maria, "3", "261224001", "no"]),
         { if case .findGuestFile = $0 { Self.birthdayFile(named: "Maria Lopez", stayed: true) } else { nil } }),
        // A booking's number and phone, at status and at change-or-cancel: wished before the
        // booking is read back; at status, a complaint found next in the call is not.
        (SuiteCall("status-booking-on-a-birthday", lines: ["5", maria, "1", "R1000017", "no", "yes", "5", "2", "T1000017", "no"]),
         { request in
             switch request {
             case .findBooking: return Self.birthdayBooking
             case .findComplaint: return .foundComplaint(ComplaintSummary(category: "housekeeping", stage: .investigating,
                                                                          followUpBy: CivilDate(year: 2026, month: 11, day: 27)!, isBirthday: true))
             default: return nil
             }
         }),
        (SuiteCall("manage-on-a-birthday", lines: ["6", "R1000017", maria, "5", "no"]),
         { if case .findBooking = $0 { Self.birthdayBooking } else { nil } }),
        // A complaint's ticket, and a callback's reference, with the phone.
        (SuiteCall("status-complaint-on-a-birthday", lines: ["5", maria, "2", "T1000017", "no"]),
         { request in
             guard case .findComplaint = request else { return nil }
             return .foundComplaint(ComplaintSummary(category: "housekeeping", stage: .received,
                                                     followUpBy: CivilDate(year: 2026, month: 11, day: 28)!, isBirthday: true))
         }),
        (SuiteCall("status-callback-on-a-birthday", lines: ["5", maria, "4", "C1000017", "no"]),
         { request in
             guard case .findCallback = request else { return nil }
             return .foundCallback(CallbackSummary(stage: .waiting, windowFrom: LocalMoment(iso: "2026-11-26T10:00")!, windowMinutes: 30,
                                                   isBirthday: true))
         }),
        // The survey finds the stay by its number with her phone.
        (SuiteCall("survey-on-a-birthday", lines: ["4", "R1000017", "Maria Lopez", maria, "no", "no"]),
         { request in
             guard case .findStay = request else { return nil }
             return .found(ReservationSummary(guestName: "Maria Lopez", checkIn: CivilDate(year: 2026, month: 11, day: 24)!,
                                              checkOut: CivilDate(year: 2026, month: 11, day: 27)!, rooms: 1, roomType: "deluxe",
                                              isBirthday: true))
         }),
    ]

    /// Her guest file, on her birthday: one booking, 24-27 December, still to come.
    static func birthdayFile(named name: String, stayed: Bool) -> ActionOutcome {
        .foundFile(GuestFileSummary(name: name, hasStayed: stayed, bookings: stayed ? 2 : 1, staysToCome: 1, openComplaints: 0,
                                    nextCheckIn: CivilDate(year: 2026, month: 12, day: 24)!, nextConfirmation: "R1000017", isBirthday: true))
    }

    /// `foundBooking` (R1000017), found on her birthday.
    static var birthdayBooking: ActionOutcome {
        guard case .foundBooking(var summary) = foundBooking else { return foundBooking }
        summary.isBirthday = true
        return .foundBooking(summary)
    }
}
