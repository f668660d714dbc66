import Testing
@testable import Dialogue

@Suite("Phone and email answers")
struct ContactAnswerTests {
    @Test(arguments: [
        ("+44 20 7946 0958", "+442079460958"), ("(555) 010-4477", "5550104477"),
        ("0044 20 7946 0958", "+442079460958"), ("555.010.4477", "5550104477"),
        ("+1 (555) 010-4477", "+15550104477"), ("１３８ ００１３ ８０００", "13800138000"),
        ("＋86 138-0013-8000", "+8613800138000"), ("  0912 345 678. ", "0912345678"),
        ("1234567", "1234567"), ("+123456789012345", "+123456789012345"), ("( + 34 ) 600/123/456", "+34600123456"),
        // The trunk 0 written in brackets is not dialled from abroad; without the +, it is.
        ("+44 (0)20 7946 0958", "+442079460958"), ("0044 (0) 20 7946 0958", "+442079460958"),
        ("+49(0)30 901820", "+4930901820"), ("(0)20 7946 0958", "02079460958"),
    ])
    func normalisesPhoneNumbers(text: String, normalized: String) {
        #expect(value(AnswerParser.parsePhone(text))?.normalized == normalized)
    }

    @Test(arguments: [
        ("555-CALL-NOW", AnswerProblem.phoneHasLetters), ("call me on 5550104477", .phoneHasLetters),
        ("5550104477 ext 12", .phoneHasLetters), ("12345", .phoneTooShort(digits: 5)),
        ("", .phoneTooShort(digits: 0)), ("00 44", .phoneTooShort(digits: 2)),
        ("1234567890123456", .phoneTooLong(digits: 16)), ("555#0104477", .phoneMalformed),
        ("44+20 7946 0958", .phoneMalformed), ("++44 20 7946 0958", .phoneMalformed),
        ("🙂", .phoneMalformed), ("555*010*4477", .phoneMalformed),
    ])
    func namesTheProblemWithAPhoneNumber(text: String, expected: AnswerProblem) {
        #expect(problem(AnswerParser.parsePhone(text)) == expected)
    }

    @Test func masksAllButTheLastFourDigits() throws {
        let phone = try AnswerParser.parsePhone("+44 20 7946 0958").get()
        #expect(phone.lastFour == "0958")
        #expect(phone.masked == "******0958")
        #expect(phone.digits == "442079460958")
        #expect(phone.description == "+442079460958")
        #expect(PhoneNumber(normalized: "+442079460958") == phone)
        #expect(PhoneNumber(normalized: "+44 20 7946 0958") == nil)
        #expect(PhoneNumber(normalized: "++4420794609") == nil)
        #expect(PhoneNumber(normalized: "123") == nil)
    }

    @Test func recognisesARepeatCallerWhateverTheyType() throws {
        let first = try AnswerParser.parsePhone("0044 (20) 7946-0958").get()
        let second = try AnswerParser.parsePhone("+44.20.7946.0958").get()
        #expect(first == second)
    }

    @Test(arguments: [
        ("guest@example.com", "guest", "example.com"),
        ("  Guest.Name+tag@Example.COM. ", "Guest.Name+tag", "example.com"),
        ("user@mail.hotel-line.co.uk", "user", "mail.hotel-line.co.uk"),
        ("josé@correo.es", "josé", "correo.es"), ("用户@例子.中国", "用户", "例子.中国"),
        ("ｇｕｅｓｔ＠ｅｘａｍｐｌｅ．ｃｏｍ", "guest", "example.com"), ("a@b.co", "a", "b.co"),
        ("x@123.example.com", "x", "123.example.com"), ("o'brien@example.ie", "o'brien", "example.ie"),
    ])
    func readsEmailAddresses(text: String, localPart: String, domain: String) {
        let address = value(AnswerParser.parseEmail(text))
        #expect(address?.localPart == localPart)
        #expect(address?.domain == domain)
        #expect(address?.description == localPart + "@" + domain)
    }

    @Test(arguments: [
        "", "guest", "guest@", "@example.com", "guest@example", "guest@@example.com", "a@b@c.com",
        "gu est@example.com", "guest@exa mple.com", "guest@example.c", "guest@-example.com",
        "guest@example-.com", "guest@example..com", ".guest@example.com", "guest.@example.com",
        "gu..est@example.com", "guest@example.123", "guest@exa_mple.com", "guest@.com",
        "guest\u{7}@example.com", "🙂@example.com.🙂",
        String(repeating: "a", count: 65) + "@example.com",
        "guest@" + String(repeating: "a", count: 64) + ".com",
        "guest@" + Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: ".") + ".com",
    ])
    func refusesWhatIsNoEmailAddress(text: String) {
        #expect(problem(AnswerParser.parseEmail(text)) == .emailMalformed)
    }

    @Test func rebuildsAStoredAddress() {
        #expect(EmailAddress("Guest@Example.com")?.description == "Guest@example.com")
        #expect(EmailAddress("not an address") == nil)
    }

    @Test func phoneNumbersWrittenInFreeTextAreFoundAsRunsOfWords() {
        func runs(_ text: String) -> [String] {
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            return PhoneNumber.writtenRuns(in: words).map { words[$0].joined(separator: " ") }
        }
        #expect(runs("call +44 20 7946 0958 or (555) 123-4567.") == ["+44 20 7946 0958", "(555) 123-4567."])
        #expect(runs("R1000017 on 24/12/2026 or 2026-12-24, room 12 at 3") == [], "numbers with letters, dates, short numbers")
        #expect(runs("") == [] && runs("   ") == [] && runs("123 456") == [])
        #expect(PhoneNumber.sentenceTail(of: "4567.,") == ".," && PhoneNumber.sentenceTail(of: "4567") == "")
    }
}
