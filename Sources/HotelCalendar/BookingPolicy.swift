/// The hotel's booking policy as the line computes with it (`Prompts/hotel.conf`): a
/// change or a cancellation is free until `freeHours` before arrival, arrival being the
/// check-in time on the arrival day in the hotel's time zone; from that instant on, the
/// late fee applies, and a guest who never arrives owes the no-show fee.
///
/// A pure value: the same stay, policy and instant always give the same fee, so the line
/// can quote a fee, hear the guest agree, and check at the save that it still holds. Hours
/// are real elapsed hours (a window across a change of daylight-saving time is still
/// `freeHours` long); the window closes exactly at `freeUntil`: an instant before it is
/// free, the instant itself is not.
public struct BookingPolicy: Sendable {
    /// What a fee charges, for each room it applies to.
    public enum Fee: String, Sendable, CaseIterable {
        /// Nothing.
        case none
        /// One night at the booking's rate.
        case firstNight = "first-night"
        /// Every night of the stay at the booking's rate.
        case wholeStay = "whole-stay"
    }

    /// How a change of dates is charged once the free window has closed.
    public enum DateChanges: String, Sendable, CaseIterable {
        /// As a cancellation is: the late fee on the booking as it stood.
        case lateFee = "late-fee"
        /// Never charged.
        case free
    }

    /// A stay as the policy prices it.
    public struct Stay: Equatable, Sendable {
        public var arrival: CivilDate
        public var departure: CivilDate
        public var rooms: Int
        /// The nightly rate quoted for one room.
        public var rate: Int

        public var nights: Int { CivilDate.days(from: arrival, to: departure) }

        public init(arrival: CivilDate, departure: CivilDate, rooms: Int, rate: Int) {
            self.arrival = arrival
            self.departure = departure
            self.rooms = rooms
            self.rate = rate
        }
    }

    /// Changes and cancellations are free until this many hours before arrival.
    public var freeHours: Int
    /// What a cancellation (or a change the rule charges) costs after the window.
    public var lateFee: Fee
    /// What a guest who never arrives owes.
    public var noShowFee: Fee
    public var dateChanges: DateChanges
    /// When a stay's arrival day begins for the guest: the hotel's check-in time.
    public var checkInTime: TimeOfDay
    public var zone: HotelTimeZone

    public init(freeHours: Int = 48, lateFee: Fee = .firstNight, noShowFee: Fee = .firstNight, dateChanges: DateChanges = .lateFee,
                checkInTime: TimeOfDay = TimeOfDay(hour: 15, minute: 0)!, zone: HotelTimeZone = HotelTimeZone("UTC")!) {
        self.freeHours = freeHours
        self.lateFee = lateFee
        self.noShowFee = noShowFee
        self.dateChanges = dateChanges
        self.checkInTime = checkInTime
        self.zone = zone
    }

    /// The instant the free window closes for a stay arriving on `arrival`.
    public func freeUntil(arrival: CivilDate) -> WallTime {
        zone.wallTime(of: LocalMoment(date: arrival, time: checkInTime)).adding(milliseconds: -Int64(freeHours) * 3_600_000)
    }

    /// The free window's end as the guest hears it: a day and a time on the hotel's clock.
    public func freeUntilLocal(arrival: CivilDate) -> LocalMoment {
        zone.localMoment(at: freeUntil(arrival: arrival))
    }

    /// True while a stay arriving on `arrival` may still be changed or cancelled for nothing.
    public func isFree(arrival: CivilDate, at now: WallTime) -> Bool {
        now < freeUntil(arrival: arrival)
    }

    /// What `fee` comes to on `stay` (every room of it).
    public func amount(_ fee: Fee, on stay: Stay) -> Int {
        switch fee {
        case .none: return 0
        case .firstNight: return stay.rate * stay.rooms
        case .wholeStay: return stay.rate * stay.nights * stay.rooms
        }
    }

    /// What cancelling `stay` costs at `now`.
    public func cancellationFee(_ stay: Stay, at now: WallTime) -> Int {
        isFree(arrival: stay.arrival, at: now) ? 0 : amount(lateFee, on: stay)
    }

    /// What changing `old` into `new` costs at `now`. Inside the window nothing. After it:
    /// a change of dates costs the late fee on the booking as it stood (unless dates change
    /// free); otherwise giving up rooms costs the late fee on the rooms given up; a new room
    /// type or more rooms cost nothing (they are a sale, priced by the new rate).
    public func changeFee(from old: Stay, to new: Stay, at now: WallTime) -> Int {
        guard !isFree(arrival: old.arrival, at: now) else { return 0 }
        let datesChange = old.arrival != new.arrival || old.departure != new.departure
        if datesChange, dateChanges == .lateFee { return amount(lateFee, on: old) }
        if new.rooms < old.rooms {
            var givenUp = old
            givenUp.rooms = old.rooms - new.rooms
            return amount(lateFee, on: givenUp)
        }
        return 0
    }

    /// What a guest who never arrived owes for `stay`.
    public func noShowCharge(_ stay: Stay) -> Int {
        amount(noShowFee, on: stay)
    }
}
