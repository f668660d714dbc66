import Dispatch
import HotelCalendar
import Storage

/// Realistic records for the start-up benchmark: two complaints for every reservation,
/// names, phones, free text and dates spread the way a year of calls spreads them.
enum SampleHotel {
    static let roomTypes = ["STD", "DLX", "FAM", "STE", "ACC"]
    static let languages = ["en", "es", "zh-Hant", "zh-Hans"]

    /// Writes `count` records through a `HotelStore` on `dataDirectory`, waits until all
    /// are durable, and returns the journal's size in bytes.
    static func write(_ count: Int, to dataDirectory: String) throws -> Int {
        let woken = DispatchSemaphore(value: 0)
        let (store, _) = try HotelStore.open(dataDirectory: dataDirectory) { woken.signal() }
        defer { store.close() }
        var bytes = 0
        for index in 0..<count {
            let token = UInt64(index)
            if index % 3 == 0 {
                guard case .pending(let reservation) = store.reserve(reservation(index), inventory: 1_000_000, now: now(index), token: token) else {
                    fatalError("Invalid benchmark setup: the hotel is full")
                }
                bytes += HotelRecord.reservation(reservation).encoded().payload.count
            } else {
                let ticket = store.fileComplaint(complaint(index), now: now(index), token: token)
                bytes += HotelRecord.complaint(ticket).encoded().payload.count
            }
        }
        while store.pendingCount > 0 {
            woken.wait()
            for ack in store.takeAcknowledgements() {
                if let failure = ack.failure { throw failure }
            }
        }
        return bytes + count * JournalFrame.headerSize
    }

    static func reservation(_ index: Int) -> Reservation.Request {
        let checkIn = CivilDate(dayNumber: 20_400 + index % 365)
        return Reservation.Request(
            guestName: "\(["Maria", "Wei", "John", "Aiko", "Lucas"][index % 5]) Guest\(index)",
            phone: "+4420794\(index % 90_000 + 10_000)", email: index % 2 == 0 ? "guest\(index)@example.com" : nil,
            checkIn: checkIn, checkOut: CivilDate(dayNumber: checkIn.dayNumber + 1 + index % 7), rooms: 1 + index % 2,
            roomType: roomTypes[index % roomTypes.count], rate: 95 + index % 200, language: languages[index % 3],
            session: "20261125-1226-\(String(index, radix: 16))-1")
    }

    static func complaint(_ index: Int) -> ComplaintTicket.Request {
        ComplaintTicket.Request(
            category: ["housekeeping", "front-desk", "engineering", "food-and-beverage"][index % 4],
            details: "The air conditioning in room \(100 + index % 400) rattles all night and the towels were not changed",
            expectedResolution: "fix it today and move me if not", guestName: "Guest \(index)",
            phone: "+4420794\(index % 90_000 + 10_000)", roomNumber: index % 5 == 0 ? nil : String(100 + index % 400),
            language: languages[index % 3], followUpBy: CivilDate(dayNumber: 20_400 + index % 365 + 3),
            session: "20261125-1226-\(String(index, radix: 16))-1")
    }

    static func now(_ index: Int) -> WallTime {
        WallTime(millisecondsSince1970: 1_795_609_585_082 + Int64(index) * 60_000)
    }
}
