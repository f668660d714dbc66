import Foundation
import Synchronization
import Testing
import TestSupport

/// SIGKILL the real server under load, over and over, and check that every number a guest
/// was told survived: the short version `swift test` runs (`CRASH_ROUNDS=` for more).
/// `Scripts/crash-test` is the long one, a driver of the built binary that runs no test suite.
@Suite("Crash safety", .blocking)
struct CrashTests {
    static let rounds = Int(ProcessInfo.processInfo.environment["CRASH_ROUNDS"] ?? "") ?? 3
    static let guests = Int(ProcessInfo.processInfo.environment["CRASH_GUESTS"] ?? "") ?? 12
    /// Rerun a failed run's guests and kill times with `CRASH_SEED=` and the seed it printed.
    static let seed = UInt64(ProcessInfo.processInfo.environment["CRASH_SEED"] ?? "") ?? UInt64.random(in: 0...UInt64(UInt32.max))

    @Test func everyNumberAGuestWasToldSurvivesSigkill() throws {
        let data = TestPaths.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let told = Mutex<[String]>([])
        var generator = SeededGenerator(seed: Self.seed)
        let rerun = "rerun with CRASH_SEED=\(Self.seed)"
        for round in 0..<Self.rounds {
            let server = try HotelLineProcess(serve: ["--data", data, "--prompts", HotelLineProcess.promptsDirectory])
            let port = server.port
            let before = told.withLock { $0.count }
            let group = DispatchGroup()
            for guest in 0..<Self.guests {
                DispatchQueue.global().async(group: group) {
                    var caller = CrashGuest(port: port, seed: Self.seed &* 1_000_003 &+ UInt64(round * 1000 + guest))
                    caller.callUntilCutOff { number in told.withLock { $0.append(number) } }
                }
            }
            // The kill lands mid-traffic, at a moment drawn from the seed: once the guests have
            // been told so many numbers this round, then up to 40 ms on, while they book on.
            // Counted in numbers, not in time from the start, so a busy machine (where the
            // first number can take a second) still has its server killed with calls under way.
            let numbers = Int.random(in: 1...8, using: &generator)
            let later = UInt32.random(in: 0...40_000, using: &generator)
            #expect(eventually(every: 0.002) { told.withLock { $0.count } - before >= numbers },
                    "round \(round): \(numbers) numbers told within \(Int(patience)) s; \(rerun)")
            usleep(later)
            _ = server.stop(with: SIGKILL)
            group.wait()
        }
        let acknowledged = told.withLock { $0 }
        var exported: [String] = []
        for kind in ["reservations", "complaints"] {
            let run = try HotelLineProcess.run(["export", "--data", data, "--kind", kind, "--format", "csv"])
            #expect(run.status == 0, "\(run.errors)")
            exported += run.output.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        }
        let lost = Set(acknowledged).subtracting(exported)
        print("rounds \(Self.rounds), acknowledged \(acknowledged.count), lost \(lost.count) (CRASH_SEED=\(Self.seed))")
        #expect(lost.isEmpty, "told but not on disk: \(lost.sorted()); \(rerun)")
        #expect(Set(exported).count == exported.count, "a number was given out twice; \(rerun)")
        #expect(Set(acknowledged).count == acknowledged.count, "a guest was told a number already given; \(rerun)")
        #expect(acknowledged.count >= Self.rounds, "the load made too few records to mean anything; \(rerun)")
    }
}

/// One guest who books rooms and files complaints as fast as the line answers, keeping
/// every number the line tells them, until the line goes dead.
struct CrashGuest {
    let port: UInt16
    var random: SeededGenerator

    init(port: UInt16, seed: UInt64) {
        self.port = port
        self.random = SeededGenerator(seed: seed)
    }

    /// Calls until the line goes dead, handing `told` each number as soon as it is told.
    mutating func callUntilCutOff(told: (String) -> Void) {
        guard let guest = try? GuestClient(port: port) else { return }
        var call = 0
        do {
            try guest.chooseLanguage()
            try guest.read(until: "0  Speak to a person")
            while true {
                call += 1
                let phone = "+1 555 \(random.next() % 9_000_000 + 1_000_000)"
                if random.next() % 2 == 0 {
                    let day = Int(random.next() % 300) + 2
                    for answer in ["1", "in \(day) days", "1 night", "1", String(random.next() % 4 + 1)] { guest.say(answer) }
                    let (_, which) = try guest.read(untilAny: ["a phone number where we can reach you?", "Back to the main menu"])
                    if which == 1 {
                        guest.say("menu")
                        try guest.read(until: "0  Speak to a person")
                        continue
                    }
                    for answer in [phone, "Crash Guest", "yes"] { guest.say(answer) }
                    let done = try guest.read(until: "anything else")
                    if let range = done.range(of: #"R\d{7}"#, options: .regularExpression) { told(String(done[range])) }
                } else {
                    for answer in ["2", "6", "Crash test \(call)", "Nothing", phone, "Crash Guest", "no"] { guest.say(answer) }
                    let done = try guest.read(until: "anything else")
                    if let range = done.range(of: #"T\d{7}"#, options: .regularExpression) { told(String(done[range])) }
                }
                guest.say("yes")
                try guest.read(until: "0  Speak to a person")
            }
        } catch {
            return
        }
    }
}
