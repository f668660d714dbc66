import Dialogue
import Dispatch
import Foundation
import Glibc
import HotelCalendar
import Storage
import Switchboard

/// `hotelline stays arrive|depart|no-show|show NUMBER`: moves a stay on, as the front desk
/// would tell us (this line has no front-desk system to learn arrivals from), or shows it.
///
/// Each move is a journal record and a line in the audit log. With no server on the data
/// directory the command takes its lock, opens the journal, first records the no-shows the
/// day has made due (as a server's start does), makes the move and waits for it to be
/// durable; with a server running, it hands the move to that server (`DATA/requests/`) and
/// waits for its answer. `show` only reads, safely beside a running server.
enum StaysCommand {
    static let moves: [String: StayMove.Kind] = ["arrive": .arrived, "depart": .departed, "no-show": .noShow]
    /// How long a running server has to answer a request.
    static let answerSeconds = 10.0

    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let reader = try ArgumentReader(arguments, valued: ["data", "prompts", "clock"], switches: ["help"])
        if reader.flags.contains("help") {
            print(Usage.stays)
            return 0
        }
        let actions = moves.keys.sorted() + ["show"]
        guard let action = reader.positional.first else {
            throw UsageError(description: "stays needs what to do: " + actions.joined(separator: ", ") + ", and a confirmation number")
        }
        guard actions.contains(action) else {
            throw UsageError(description: "unknown stays command \"\(action)\"" + Spelling.hint(for: action, among: actions)
                + "; they are " + actions.joined(separator: ", "))
        }
        guard reader.positional.count == 2 else { throw UsageError(description: "stays \(action) takes one confirmation number") }
        guard let number = ConfirmationNumber(reader.positional[1]) else {
            throw UsageError(description: "\"\(reader.positional[1])\" is not a confirmation number (R, seven digits, the last a check digit, like R1000017)")
        }
        let data = try reader.directory("data", default: "data")
        let promptsDirectory = try reader.directory("prompts", default: "Prompts")
        let start = try reader.clock()
        guard let kind = moves[action] else { return show(number, data: data) }
        guard RecordsOnDisk.hasJournal(data, for: "stays") else { return 1 }
        let user = getenv("USER").map { String(cString: $0) } ?? "uid \(getuid())"
        let by = "command:" + user.filter { !$0.isWhitespace }
        let lock: DataDirectoryLock
        do {
            lock = try DataDirectoryLock.acquire(directory: data)
        } catch DataDirectoryLockError.locked(_, let pid) {
            // The running server makes the move, on its own clock and policy.
            if start != nil { Console.error("hotelline stays: a server runs on \(data): its clock decides, not --clock") }
            return handOver(StayRequests.Request(kind: kind, number: number, by: by), data: data, server: pid)
        } catch {
            Console.error("hotelline stays: \(error)")
            return 1
        }
        defer { lock.release() }
        let prompts: PromptSet
        switch PromptSet.load(directory: promptsDirectory) {
        case .success(let loaded): prompts = loaded
        case .failure(let errors):
            Console.error("hotelline stays: the prompts in \(promptsDirectory) (for the policy and the hotel's clock) have errors:\n\(errors)")
            return 1
        }
        let clock = start.map { WallClock.running(from: prompts.hotel.timeZone.wallTime(of: $0)) } ?? .system
        do {
            return try move(number, kind, by: by, data: data, policy: prompts.hotel.policy, clock: clock)
        } catch {
            Console.error("hotelline stays: \(error)")
            return 1
        }
    }

    /// Makes the move on the journal itself (no server runs): the day's no-shows first.
    private static func move(_ number: ConfirmationNumber, _ kind: StayMove.Kind, by: String, data: String, policy: BookingPolicy,
                             clock: WallClock) throws -> Int32 {
        let acknowledged = DispatchSemaphore(value: 0)
        let (store, notes) = try HotelStore.open(dataDirectory: data) { acknowledged.signal() }
        defer { store.close() }
        for note in notes { Console.error("hotelline stays: \(note)") }
        var token: UInt64 = 0
        /// Queues one move and waits until the journal has answered it; a line for the operator.
        func record(_ number: ConfirmationNumber, _ kind: StayMove.Kind) -> (String, Bool) {
            let now = clock.now()
            token += 1
            switch store.move(number, kind, policy: policy, now: now, by: by, token: token) {
            case .pending(.stayMove(let move)):
                var failure: JournalError??
                while failure == nil {
                    if let ack = store.takeAcknowledgements().first(where: { $0.token == token }) { failure = .some(ack.failure) } else {
                        _ = acknowledged.wait(timeout: .now() + 1)
                    }
                }
                if let error = failure! { return ("\(number): not recorded, the journal refused it: \(error)", false) }
                if let problem = AuditLog.append(move.auditLine, dataDirectory: data) {
                    Console.error("hotelline stays: recorded, but not in the audit log: \(problem)")
                }
                return (move.madeText, true)
            case .refused(let refusal):
                return ("\(number) cannot be marked \(kind.description): \(refusal)", false)
            case .unknown:
                return ("\(number): no such booking in \(data)", false)
            case .pending, .unchanged, .full, .datesPassed, .feeRaised:
                preconditionFailure("Invalid decision for a stay's move")
            }
        }
        for due in store.staysNotArrived(policy: policy, now: clock.now()) where !(due == number && kind == .noShow) {
            let (line, _) = record(due, .noShow)
            Console.error("hotelline stays: the guest never came: \(line)")
        }
        let (line, made) = record(number, kind)
        if made { Console.out(line) } else { Console.error("hotelline stays: \(line)") }
        return made ? 0 : 1
    }

    /// A server holds the data directory: it makes the move, and answers in a reply file.
    private static func handOver(_ request: StayRequests.Request, data: String, server pid: Int32?) -> Int32 {
        let directory = StayRequests.directory(in: data)
        let name = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let reply = directory + "/" + name + ".reply"
        guard StayRequests.write(StayRequests.text(of: request), to: directory + "/" + name + ".request") else {
            Console.error("hotelline stays: \(data) is in use by a running server, and \(directory) cannot be written to hand it the move: "
                + String(cString: strerror(errno)))
            return 1
        }
        let deadline = Date().addingTimeInterval(answerSeconds)
        while Date() < deadline {
            if let answer = FileManager.default.contents(atPath: reply) {
                try? FileManager.default.removeItem(atPath: reply)
                let text = String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .newlines)
                if text.hasPrefix("ok ") {
                    Console.out(String(text.dropFirst(3)))
                    return 0
                }
                Console.error("hotelline stays: " + String(text.dropFirst(3)))
                return 1
            }
            usleep(50_000)
        }
        try? FileManager.default.removeItem(atPath: directory + "/" + name + ".request")
        Console.error("hotelline stays: the server on \(data)" + (pid.map { " (pid \($0))" } ?? "")
            + " did not answer within \(Int(answerSeconds)) s; is it stopping? Try again, or stop it and run this again")
        return 1
    }

    /// The booking as it stands and its history, read as `export` reads (never locks).
    private static func show(_ number: ConfirmationNumber, data: String) -> Int32 {
        guard let store = RecordsOnDisk.read(data, for: "stays") else { return 1 }
        guard let booking = store.booking(number) else {
            Console.error("hotelline stays: \(number): no such booking in \(data)")
            return 1
        }
        let terms = booking.terms
        Console.out("\(number) \(booking.state): \(terms.rooms) x \(terms.roomType), \(terms.checkIn) to \(terms.checkOut), "
            + "\(terms.nights) night(s) at \(terms.rate), fees \(booking.fees)")
        Console.out("  \(booking.reservation.createdAt.utcText) booked \(number)")
        for event in booking.history {
            switch event {
            case .changed(let change):
                let t = change.request.terms
                Console.out("  \(change.createdAt.utcText) changed \(change.number): \(t.rooms) x \(t.roomType), "
                    + "\(t.checkIn) to \(t.checkOut), fee \(change.request.fee)")
            case .cancelled(let cancellation):
                Console.out("  \(cancellation.createdAt.utcText) cancelled \(cancellation.number), fee \(cancellation.request.fee)")
            case .moved(let move):
                Console.out("  \(move.createdAt.utcText) \(move.kind.description) by \(move.by)"
                    + (move.fee > 0 ? ", fee \(move.fee)" : ""))
            }
        }
        return 0
    }
}
