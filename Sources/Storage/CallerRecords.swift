/// The numbers on record for one phone number, so a repeat caller is recognised and served
/// with what is already known. Holds numbers only: details stay behind the confirmation or
/// ticket number itself (a phone number alone reveals no reservation or ticket).
public struct CallerRecords: Equatable, Sendable {
    /// The name the guest gave most recently.
    public private(set) var name: String?
    /// The language of the guest's latest call that left a record (a booking, complaint,
    /// callback or survey): the language to answer them in next time.
    public private(set) var language: String?
    public private(set) var reservations: [ConfirmationNumber] = []
    public private(set) var complaints: [TicketNumber] = []
    public private(set) var callbacks: [CallbackNumber] = []
    public private(set) var surveys: [SurveyNumber] = []

    var isEmpty: Bool { reservations.isEmpty && complaints.isEmpty && callbacks.isEmpty && surveys.isEmpty }

    mutating func add(_ record: HotelRecord) {
        switch record {
        case .reservation(let r): reservations.append(r.number); name = r.request.guestName; language = r.request.language
        case .complaint(let c): complaints.append(c.number); name = c.request.guestName; language = c.request.language
        case .callback(let c): callbacks.append(c.number); name = c.request.guestName ?? name; language = c.request.language
        case .survey(let s): surveys.append(s.number); name = s.request.guestName ?? name; language = s.request.language
        case .change, .cancellation, .stayMove, .workStep, .fileChange, .call: break  // a booking's or an item's, found through its number
        }
    }

    mutating func remove(_ record: HotelRecord) {
        switch record {
        case .reservation(let r): reservations.removeAll { $0 == r.number }
        case .complaint(let c): complaints.removeAll { $0 == c.number }
        case .callback(let c): callbacks.removeAll { $0 == c.number }
        case .survey(let s): surveys.removeAll { $0 == s.number }
        case .change, .cancellation, .stayMove, .workStep, .fileChange, .call: break
        }
    }
}

extension HotelRecord {
    /// The guest's phone number on this record, normalised, if it has one.
    public var phone: String? {
        switch self {
        case .reservation(let r): return r.request.phone
        case .complaint(let c): return c.request.phone
        case .callback(let c): return c.request.phone
        case .survey(let s): return s.request.phone
        case .change, .cancellation, .stayMove, .workStep, .fileChange, .call: return nil  // the phone is its booking's or its item's record's
        }
    }
}
