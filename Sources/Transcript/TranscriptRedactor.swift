import Dialogue

/// Masks one call's names, phone numbers and emails in its transcript by consistent
/// substitution with valid fakes, so a redacted transcript still replays: each distinct
/// name becomes `Guest A`, `Guest B`…; each phone a number of the same shape and length
/// (`+44 20 7946 0958` → `+00 00 0000 0001`, and its normalised `+442079460958` →
/// `+000000000001` wherever the line speaks it); each email `guest1@example.invalid`.
///
/// It learns from the answers the conversation took (`AnswerAttempt`) and from the names
/// in action outcomes; a refused answer to a name, phone or email question keeps its shape
/// (letters become `x`, digits are replaced) so the replay refuses it the same way.
struct TranscriptRedactor {
    /// Real text → its fake, applied to every entry.
    private var fakes: [String: String] = [:]
    /// Normalised phone → its serial, so two spellings of one number get one fake.
    private var phoneSerials: [String: Int] = [:]
    private var names = 0
    private var emails = 0

    /// The text a guest line that was `answer` is written as, or nil to keep it (after
    /// `apply`). Learns the fakes its value is spoken as from now on.
    mutating func mask(_ answer: AnswerAttempt) -> String? {
        switch (answer.kind, answer.value) {
        case (.name, .text(let name)?):
            let fake = fakeName(for: name)
            fakes[answer.typed] = fake
            return fake
        case (.phone, .phone(let phone)?):
            let serial = phoneSerials[phone.normalized] ?? (phoneSerials.count + 1)
            phoneSerials[phone.normalized] = serial
            let typed = Self.fakePhone(answer.typed, serial: serial)
            if case .success(let fake) = AnswerParser.parsePhone(typed) { fakes[phone.normalized] = fake.normalized }
            fakes[answer.typed] = typed
            return typed
        case (.email, .email(let email)?):
            let fake = fakes[email.description] ?? {
                emails += 1
                return "guest\(emails)@example.invalid"
            }()
            fakes[email.description] = fake
            fakes[answer.typed] = fake
            return fake
        case (.name, nil), (.email, nil):
            return Self.shape(answer.typed)
        case (.phone, nil):
            return Self.fakePhone(answer.typed, serial: 0)
        case (.text, _):
            return scrub(answer.typed)
        default:
            return nil
        }
    }

    /// The outcome with the names it carries replaced (learning them).
    mutating func redact(_ outcome: ActionOutcome) -> ActionOutcome {
        switch outcome {
        case .found(var stay):
            stay.guestName = fakeName(for: stay.guestName)
            return .found(stay)
        case .foundBooking(var stay):
            stay.guestName = fakeName(for: stay.guestName)
            return .foundBooking(stay)
        case .foundFile(var file):
            file.name = fakeName(for: file.name)
            return .foundFile(file)
        case .knownCaller(var caller):
            caller.name = caller.name.map { fakeName(for: $0) }
            return .knownCaller(caller)
        case .foundComplaint(var ticket):
            // Staff write the result; a phone or email in it is masked as in a guest's free
            // text, and the whole result is learnt so the line saying it is masked alike.
            if let result = ticket.result {
                let masked = scrub(result)
                if masked != result { fakes[result] = masked }
                ticket.result = masked
            }
            return .foundComplaint(ticket)
        case .available, .full, .saved, .failed, .foundCallback, .missing, .newCaller, .queued, .left, .unavailable, .datesPassed,
             .locked, .bookingCancelled, .bookingClosed, .quoted, .feeRaised, .unchanged:
            return outcome
        }
    }

    /// `text` with every value learnt so far replaced by its fake (whole words only).
    func apply(_ text: String) -> String {
        guard !fakes.isEmpty else { return text }
        var result = text
        for (real, fake) in fakes.sorted(by: { $0.key.count > $1.key.count }) where !real.isEmpty {
            result = result.replacingWords(real, with: fake)
        }
        return result
    }

    /// Free text: anything shaped like an email or a phone number, then learnt values.
    /// Numbers are often written in groups ("+44 20 7946 0958", "(555) 123 4567"): each run
    /// `PhoneNumber.writtenRuns` finds is masked whole, as is any other word with seven
    /// digits or more.
    private func scrub(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let runs = PhoneNumber.writtenRuns(in: words)
        for index in words.indices where !runs.contains(where: { $0.contains(index) }) {
            if words[index].contains("@"), case .success = AnswerParser.parseEmail(words[index]) {
                words[index] = "guest@example.invalid"
            } else if words[index].filter(\.isNumber).count >= 7 {
                words[index] = Self.fakePhone(words[index], serial: 0)
            }
        }
        for run in runs.reversed() {
            let joined = words[run].joined(separator: " ")
            let tail = PhoneNumber.sentenceTail(of: joined)
            let number = String(joined.dropLast(tail.count))
            // A number the call already gave keeps the fake it got there.
            var known = fakes[number]
            if known == nil, case .success(let phone) = AnswerParser.parsePhone(number) { known = fakes[phone.normalized] }
            let fake = (known ?? Self.fakePhone(number, serial: 0)) + tail
            words.replaceSubrange(run, with: fake.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        }
        return apply(words.joined(separator: " "))
    }

    private mutating func fakeName(for name: String) -> String {
        if let fake = fakes[name] { return fake }
        var label = ""
        var index = names
        repeat {
            label = String(UnicodeScalar(UInt8(65 + index % 26))) + label
            index = index / 26 - 1
        } while index >= 0
        names += 1
        let fake = "Guest " + label
        fakes[name] = fake
        return fake
    }

    /// Replaces the digits of a typed number, keeping its punctuation and its `+` or `00`
    /// international prefix, so the fake reads back as a number of the same length; the
    /// serial goes in the last digits.
    static func fakePhone(_ typed: String, serial: Int) -> String {
        let digitCount = typed.filter(\.isNumber).count
        let international = typed.first { !$0.isWhitespace } == "+"
        let keepsDoubleZero = !international && typed.filter(\.isNumber).hasPrefix("00")
        let serialText = serial > 0 ? String(serial) : ""
        var fakeDigits = Array(repeating: Character("0"), count: max(0, digitCount - serialText.count)) + Array(serialText)
        // A national number must not start with "00", which would read as an international prefix.
        if !international, !keepsDoubleZero, fakeDigits.count > 1 { fakeDigits[0] = "5" }
        var next = fakeDigits.makeIterator()
        return String(typed.map { $0.isNumber ? (next.next() ?? "0") : ($0.isLetter ? "x" : $0) })
    }

    /// Letters become `x` and digits `0`, everything else stays: refused the same way.
    static func shape(_ text: String) -> String {
        String(text.map { $0.isLetter ? "x" : $0.isNumber ? "0" : $0 })
    }
}
